"""Documents found valid are remembered by content; a refused one is refused every time.

The anchors' base URL is the discard port: a `run` that read an anchor would fail with exit 3,
so exit 2 proves it stopped before its first request (as in test_validate.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor._anchors._checked import cache_dir
from auditor._anchors._errors import AnchorError
from auditor._anchors._validate import check_document
from auditor._preflight import read_document
from tests.unit.anchors._cli import OWN, auditor, no_traceback
from tests.unit.anchors.test_validate import _write


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("AUDITOR_NO_CACHE", raising=False)
    folder = cache_dir()
    assert folder is not None and folder.is_relative_to(tmp_path)
    return folder


def _document(tmp_path: Path, name: str, *, breaking: bool = False) -> Path:
    """The reference inventory document, made unique to this test (a digest of its own)."""
    text = (OWN / "inventory.yaml").read_text(encoding="utf-8")
    text = text.replace("  version: 1.0.0", f"  version: 1.0.0 ({tmp_path.name} {name})", 1)
    if breaking:  # openapi-core refuses it; the anchors' own reading of it does not
        text = text.replace("type: integer", "type: integr", 1)
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_valid_document_is_remembered_and_a_changed_one_checked_again(
    tmp_path: Path, cache: Path
) -> None:
    first = _document(tmp_path, "inventory")
    check_document(read_document(str(first), tmp_path))
    assert len(_entries(cache)) == 1
    check_document(read_document(str(first), tmp_path))
    assert len(_entries(cache)) == 1
    changed = _document(tmp_path, "inventory-changed")
    check_document(read_document(str(changed), tmp_path))
    assert len(_entries(cache)) == 2


def test_a_refused_document_is_never_remembered(tmp_path: Path, cache: Path) -> None:
    broken = read_document(str(_document(tmp_path, "broken", breaking=True)), tmp_path)
    for _ in range(2):
        with pytest.raises(AnchorError, match="not a valid OpenAPI document"):
            check_document(broken)
    assert _entries(cache) == []


def test_no_cache_leaves_the_folder_alone(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUDITOR_NO_CACHE", "1")
    assert cache_dir() is None
    check_document(read_document(str(_document(tmp_path, "uncached")), tmp_path))
    assert _entries(cache) == []


def test_run_refuses_a_document_openapi_core_refuses_before_any_request(
    tmp_path: Path, cache: Path
) -> None:
    document = _document(tmp_path, "run-broken", breaking=True)
    config = _write(tmp_path)
    config.write_text(
        config.read_text(encoding="utf-8").replace(str(OWN / "inventory.yaml"), str(document)),
        encoding="utf-8",
    )
    for attempt in range(2):
        out = tmp_path / f"reports-{attempt}"
        result = auditor("run", "-c", str(config), "--out", str(out), "--no-history")
        assert no_traceback(result), result.exception
        assert result.exit_code == 2, result.output
        assert "anchors.inventory.spec" in result.output
        assert "not a valid OpenAPI document" in result.output
        assert not out.exists()
    assert _entries(cache) == []


def test_a_document_referring_to_another_file_is_checked_every_time(
    tmp_path: Path, cache: Path
) -> None:
    schema = tmp_path / "error.yaml"
    schema.write_text(
        "type: object\nrequired: [error, message]\n"
        "properties:\n  error: { type: string }\n  message: { type: string }\n",
        encoding="utf-8",
    )
    path = _document(tmp_path, "external")
    text = path.read_text(encoding="utf-8")
    local = '$ref: "#/components/schemas/Error"'
    assert local in text
    path.write_text(text.replace(local, f'$ref: "{schema.as_uri()}"', 1), encoding="utf-8")
    check_document(read_document(str(path), tmp_path))  # valid: the other file resolves
    assert _entries(cache) == []  # but its verdict depends on that file too
