"""The public API is exactly what `auditor.__all__` says, every name resolves, and importing
the package stays light."""

import subprocess
import sys

import auditor


def test_every_exported_name_resolves_and_nothing_else_is_public():
    for name in auditor.__all__:
        assert getattr(auditor, name) is not None, name
    assert set(auditor.__all__) == {*auditor._EXPORTS, "__version__"}


def test_unknown_names_raise_attribute_error():
    try:
        auditor.no_such_thing  # noqa: B018
    except AttributeError as error:
        assert "no_such_thing" in str(error)
    else:
        raise AssertionError("expected AttributeError")


def test_import_auditor_loads_no_heavy_dependency():
    code = (
        "import sys, auditor; "
        "heavy = [m for m in ('openapi_core', 'hypothesis', 'jinja2', 'pygal', 'httpx') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
