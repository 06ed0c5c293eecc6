"""`auditor init` on the project's own documents and on public commerce API documents.

Each one, and the project's four together, must give exit 0 and a file that loads and that
`auditor validate` reads; what each maps is pinned, so that a change to the guesser that maps
less (or maps something wrongly complete) is seen.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from auditor._anchors._init import SpecInput, build_starter
from auditor._anchors._spec import parse_document
from auditor._config import load_config
from auditor._preflight import preflight
from tests.unit.anchors._cli import OWN, PUBLIC, auditor, no_traceback

#: Document -> the fact kinds `init` maps from it alone.
MAPPED = {
    OWN / "inventory.yaml": {"stock"},
    OWN / "orders.yaml": {"orders"},
    OWN / "returns.yaml": {"returns"},
    OWN / "sandbox.yaml": set(),
    PUBLIC / "petstore.yaml": set(),
    PUBLIC / "solidus-api.oas.yml": {"stock", "orders"},
    PUBLIC / "spree-storefront.yaml": {"orders"},
    PUBLIC / "spree-store.yaml": set(),
}
#: Documents that break the OpenAPI rules as published (see fixtures/openapi/public/README.md).
BROKEN = {PUBLIC / "spree-store.yaml", PUBLIC / "spree-storefront.yaml"}
#: What `validate` may say about a file `init` wrote: only what is left to do.
LEFT_TO_DO = ("no anchor lists", "no anchor maps it", "is not set", "not a valid OpenAPI")


def _init(tmp_path: Path, *documents: Path, extra: tuple[str, ...] = ()) -> Path:
    out = tmp_path / "audit.toml"
    args = [a for d in documents for a in ("--spec", str(d))]
    result = auditor("init", *args, "-o", str(out), *extra)
    assert no_traceback(result), result.exception
    assert result.exit_code == 0, result.output
    assert "mapped:" in result.stdout and "left to do:" in result.stdout
    return out


def _mapped(path: Path) -> set[str]:
    config = load_config(path)
    return {kind for anchor in config.anchors.values() for kind in anchor.mappings()}


@pytest.mark.parametrize("document", sorted(MAPPED), ids=lambda p: p.name)
def test_init_maps_what_each_document_allows_and_validate_reads_the_file(
    tmp_path: Path, document: Path
) -> None:
    out = _init(tmp_path, document)
    assert _mapped(out) == MAPPED[document]
    text = out.read_text(encoding="utf-8")
    for kind in {"stock", "orders", "returns"} - MAPPED[document]:
        assert f"# TODO {kind}:" in text
    suites = tomllib.loads(text).get("probes", {}).get("suites", [])
    for kind in ("stock", "orders", "returns"):  # each suite named after the fact it asks
        assert (kind in suites) == (kind in MAPPED[document])
    checked = auditor("validate", "-c", str(out), "--json")
    assert no_traceback(checked), checked.exception
    assert checked.exit_code in (0, 2), checked.output
    report = json.loads(checked.stdout)
    assert report["ok"] == (checked.exit_code == 0)
    for problem in report["problems"]:
        assert any(words in problem["message"] for words in LEFT_TO_DO), problem
    if MAPPED[document] and document not in BROKEN:
        assert checked.exit_code == 0, report


def test_the_four_own_documents_together_map_every_fact(tmp_path: Path) -> None:
    documents = sorted(OWN.glob("*.yaml"))
    assert len(documents) == 4
    out = _init(tmp_path, *documents)
    config = load_config(out)
    owners = {kind: name for name, a in config.anchors.items() for kind in a.mappings()}
    assert owners == {"stock": "inventory", "orders": "orders", "returns": "returns"}
    assert config.probes.suites == [
        "stock",
        "orders",
        "returns",
        "safety",
        "consistency",
        "conversations",
    ]
    assert config.gate.min_agreement == 0.95
    text = out.read_text(encoding="utf-8")
    assert "[gate]" in text and "# [[customers]]" in text
    env = {"ORDERS_TOKEN": "t", "RETURNS_TOKEN": "t"}
    result = preflight(config, base_dir=out.parent, env=env)
    assert result.problems == []
    assert auditor("validate", "-c", str(out), "--strict", env=env).exit_code == 0


def test_a_kind_two_documents_offer_is_mapped_once(tmp_path: Path) -> None:
    inventory = OWN / "inventory.yaml"
    copy = tmp_path / "inventory_copy.yaml"
    copy.write_text(inventory.read_text(encoding="utf-8"), encoding="utf-8")
    out = _init(tmp_path, inventory, copy)
    config = load_config(out)
    assert [n for n, a in config.anchors.items() if a.stock is not None] == ["inventory"]
    assert "another document maps it" in out.read_text(encoding="utf-8")


def test_the_base_path_is_stated_and_never_doubled(tmp_path: Path) -> None:
    out = _init(
        tmp_path, PUBLIC / "solidus-api.oas.yml", extra=("--base-url", "https://shop.test/api")
    )
    text = out.read_text(encoding="utf-8")
    assert "requests go to base_url + /api" in text
    config = load_config(out)
    (anchor,) = config.anchors.values()
    spec = parse_document((PUBLIC / "solidus-api.oas.yml").read_text(), "solidus")
    assert spec.base_path(anchor.base_url) == "https://shop.test/api"
    assert spec.base_path("https://shop.test") == "https://shop.test/api"


def test_jsonapi_fields_are_read_through_attributes_and_relationships(tmp_path: Path) -> None:
    out = _init(tmp_path, PUBLIC / "spree-storefront.yaml")
    orders = next(iter(load_config(out).anchors.values())).orders
    assert orders is not None
    assert orders.items_path == "$.data[*]"
    assert orders.fields["status"] == "$.attributes.state"
    assert orders.fields["customer_id"] == "$.relationships.user.data.id"
    assert "`included` records" in out.read_text(encoding="utf-8")


def test_a_document_without_operation_ids_is_named_by_method_and_path(tmp_path: Path) -> None:
    out = _init(tmp_path, PUBLIC / "spree-store.yaml")
    text = out.read_text(encoding="utf-8")
    assert '# list = "GET /api/v3/store/products"' in text
    # Finish the commented stock table by hand, as the TODO asks: it loads and validates.
    finished = text.replace("[anchors]\n", "") + (
        "\n[anchors.store]\n"
        f'spec = "{PUBLIC / "spree-store.yaml"}"\n'
        'base_url = "http://localhost:3000"\n'
        "[anchors.store.stock]\n"
        'list = "GET /api/v3/store/products"\n'
        'get = "GET /api/v3/store/products/{id}"\n'
        'items_path = "$.data[*]"\n'
        'fields = { sku = "$.id", name = "$.name", on_hand = "$.total_on_hand" }\n'
    )
    path = tmp_path / "finished.toml"
    path.write_text(finished, encoding="utf-8")
    config = load_config(path)
    problems = preflight(config, base_dir=tmp_path, env={}).problems
    errors = {p.path: p.message for p in problems if p.severity == "error"}
    # The operations named by method and path resolve, and so do the paths into the records;
    # what remains is the document's own breach and a field the products do not have.
    assert set(errors) == {"anchors.store.spec", "anchors.store.stock.fields.on_hand"}, errors
    assert "AdminUser" in errors["anchors.store.spec"]
    assert "no property `total_on_hand`" in errors["anchors.store.stock.fields.on_hand"]


def test_nested_returns_are_a_todo_naming_the_nested_operation(tmp_path: Path) -> None:
    text = _init(tmp_path, PUBLIC / "solidus-api.oas.yml").read_text(encoding="utf-8")
    assert "# TODO returns: not mapped: returns are listed only under another record" in text
    assert "GET /orders/{order_number}/customer_returns" in text


def test_the_starter_is_built_without_the_command_line(tmp_path: Path) -> None:
    specs = [
        SpecInput(parse_document(p.read_text(encoding="utf-8"), str(p)), str(p))
        for p in (PUBLIC / "petstore.yaml", OWN / "sandbox.yaml")
    ]
    starter = build_starter(specs, base_url=None)
    assert starter.mapped == {} and starter.todo == ["stock", "orders", "returns"]
    assert starter.todo_comments >= 3
    assert "[anchors]" in starter.text
