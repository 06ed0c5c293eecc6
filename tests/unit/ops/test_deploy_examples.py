"""The Dockerfile and examples/kubernetes/: valid against the Kubernetes schemas (offline, with
the schemas `kubernetes-validate` ships), non-root, no secrets baked in, and running commands
and flags that exist."""

from __future__ import annotations

import copy
import io
import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml
from dockerfile_parse import DockerfileParser

from tests.unit.ops.test_examples import help_text

ROOT = Path(__file__).parents[3]
KUBERNETES = ROOT / "examples" / "kubernetes"
#: Kubernetes versions the manifests are checked against: the oldest whose schema takes a
#: `podFailurePolicy` rule of exit codes alone (1.29; CronJob `timeZone` is GA in 1.27), and
#: a recent one.
VERSIONS = ["1.29.0", "1.33.0"]
MANIFESTS = sorted(p.name for p in KUBERNETES.glob("*.yaml"))
_SECRET_NAME = re.compile(r"(?i)(token|secret|password|passwd|api_?key|credential)")


@cache
def manifest(name: str) -> dict[str, Any]:
    (document,) = list(yaml.safe_load_all((KUBERNETES / name).read_text(encoding="utf-8")))
    assert isinstance(document, dict)
    return document


def pod_spec(document: dict[str, Any]) -> dict[str, Any]:
    spec = document["spec"]
    if document["kind"] == "CronJob":
        spec = spec["jobTemplate"]["spec"]
    template: dict[str, Any] = spec["template"]["spec"]
    return template


def test_there_are_the_manifests_the_readme_names():
    assert MANIFESTS == [
        "cronjob-production.yaml",
        "merge-job.yaml",
        "reports-pvc.yaml",
        "shards-indexed-job.yaml",
    ]
    readme = (KUBERNETES / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in MANIFESTS)


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("name", MANIFESTS)
def test_every_manifest_is_valid_against_the_kubernetes_schemas(name, version):
    kubernetes_validate.validate(manifest(name), version, strict=True)


def test_the_validator_refuses_what_kubernetes_would():
    """Not vacuous: an unknown field, and a wrong type, are errors under the same call."""
    unknown = copy.deepcopy(manifest("shards-indexed-job.yaml"))
    unknown["spec"]["completionz"] = 3
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(unknown, VERSIONS[-1], strict=True)
    wrong = copy.deepcopy(manifest("cronjob-production.yaml"))
    wrong["spec"]["jobTemplate"]["spec"]["backoffLimit"] = "two"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(wrong, VERSIONS[-1], strict=True)


@pytest.mark.parametrize("name", [n for n in MANIFESTS if n != "reports-pvc.yaml"])
def test_every_pod_runs_the_image_unprivileged_with_secrets_from_a_secret(name):
    spec = pod_spec(manifest(name))
    assert spec["restartPolicy"] == "Never"
    assert spec["securityContext"]["runAsNonRoot"] is True
    assert spec["securityContext"]["runAsUser"] != 0
    (container,) = spec["containers"]
    assert container["name"] == "auditor"
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert container["envFrom"] == [{"secretRef": {"name": "auditor-secrets"}}]
    for variable in container.get("env", []):
        assert "valueFrom" in variable or not _SECRET_NAME.search(variable["name"]), variable
    mounts = {m["mountPath"]: m for m in container["volumeMounts"]}
    assert mounts["/config"]["readOnly"] is True and "/reports" in mounts and "/tmp" in mounts
    volumes = {v["name"]: v for v in spec["volumes"]}
    assert (
        volumes["reports"]["persistentVolumeClaim"]["claimName"]
        == (manifest("reports-pvc.yaml")["metadata"]["name"])
    )


def test_the_cronjob_is_the_production_profile_and_never_overlaps(capsys, monkeypatch):
    cron = manifest("cronjob-production.yaml")
    assert cron["spec"]["concurrencyPolicy"] == "Forbid"
    (container,) = pod_spec(cron)["containers"]
    assert "command" not in container, "the image's ENTRYPOINT (auditor) runs"
    args = container["args"]
    assert args[0] == "run" and args[args.index("--profile") + 1] == "production"
    assert args[args.index("-c") + 1].startswith("/config/")
    options = help_text(capsys, monkeypatch, "run")
    for flag in (a for a in args if a.startswith("-")):
        assert flag in options, flag
    rules = cron["spec"]["jobTemplate"]["spec"]["podFailurePolicy"]["rules"]
    assert rules[0]["action"] == "FailJob" and rules[0]["onExitCodes"]["values"] == [1, 2]


def test_the_indexed_job_deals_one_shard_per_index():
    job = manifest("shards-indexed-job.yaml")
    spec = job["spec"]
    assert spec["completionMode"] == "Indexed"
    assert spec["completions"] == spec["parallelism"]
    (script,) = pod_spec(job)["containers"][0]["args"]
    assert '"$((JOB_COMPLETION_INDEX + 1))"' in script
    assert f'--shard "$shard/{spec["completions"]}"' in script


# The Dockerfile, parsed with dockerfile-parse.


@cache
def dockerfile() -> DockerfileParser:
    # Parsed from memory: given a file object, the parser keeps it open for its lifetime.
    parser = DockerfileParser(fileobj=io.BytesIO((ROOT / "Dockerfile").read_bytes()))
    return parser


def instructions(kind: str) -> list[str]:
    return [i["value"] for i in dockerfile().structure if i["instruction"] == kind]


def test_the_image_is_slim_python_3_11_and_runs_the_auditor_as_a_user():
    assert dockerfile().baseimage.startswith("python:3.11-slim")
    users = instructions("USER")
    assert users, "no USER: the image would run as root"
    last = users[-1].split(":")[0]
    assert last not in ("root", "0"), users[-1]
    assert any(f"--uid {last}" in run for run in instructions("RUN")), "the user is created"
    (entrypoint,) = instructions("ENTRYPOINT")
    assert yaml.safe_load(entrypoint) == ["auditor"]  # the exec (JSON) form


def test_no_secret_is_baked_into_the_image():
    for kind in ("ENV", "ARG", "LABEL"):
        for value in instructions(kind):
            assert not _SECRET_NAME.search(value), f"{kind} {value}"
    copied = " ".join(instructions("COPY") + instructions("ADD"))
    for forbidden in (".env", ".sqlite", "reports", ".git", ".venv"):
        assert forbidden not in copied, forbidden
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".git", ".venv", "reports", "*.sqlite", ".env"} <= set(ignored)


def test_the_image_copies_everything_the_package_build_needs():
    """`pip install .` in the image builds the wheel: the sources, the README it names and the
    files pyproject.toml force-includes must all have been copied."""
    copied = []
    for value in instructions("COPY"):
        *sources, _ = value.split()
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: not in the repository"
            copied.append(Path(source))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    needed = [Path("pyproject.toml"), Path(project["project"]["readme"]), Path("auditor")]
    wheel = project["tool"]["hatch"]["build"]["targets"]["wheel"]
    needed += [Path(p) for p in wheel["force-include"]]
    for path in needed:
        assert any(path == c or c in path.parents for c in copied), f"{path} is not copied"
