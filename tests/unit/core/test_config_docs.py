"""docs/configuration.md is generated from the configuration's models and kept current.

Regenerate with `python -m auditor._config_docs > docs/configuration.md` after changing a model.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel

from auditor._config import AuditConfig
from auditor._config_docs import _section, render, tables, undescribed

DOC = Path(__file__).parents[3] / "docs" / "configuration.md"


def test_the_committed_reference_is_what_the_models_generate():
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/configuration.md is stale: run "
        "`python -m auditor._config_docs > docs/configuration.md`"
    )


def test_every_key_says_what_it_means():
    assert undescribed() == []


def test_every_model_of_the_configuration_has_its_table():
    def models(model: type[BaseModel]) -> set[type[BaseModel]]:
        found = {model}
        for field in model.model_fields.values():
            for inner in _classes(field.annotation):
                if inner not in found:
                    found |= models(inner)
        return found

    documented = {t.model for t in tables()}
    assert models(AuditConfig) - {AuditConfig} == documented


def test_a_new_field_appears_without_touching_the_generator():
    class Extra(BaseModel):
        """A section another branch adds."""

        min_read_rate: float = 0.9

    class Grown(AuditConfig):
        vocabulary: Extra = Extra()

    (table,) = [t for t in tables(Grown) if t.model is Extra]
    assert table.header == "[vocabulary]" and table.intro == "A section another branch adds."
    assert "| `min_read_rate` | number | `0.9` |  |" in "\n".join(_section(table))
    assert "[vocabulary] min_read_rate" in undescribed(Grown)


def test_the_readme_example_uses_only_documented_tables():
    text = DOC.read_text(encoding="utf-8")
    readme = (DOC.parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    for key in tomllib.loads(block):
        assert f"| `{key}` |" in text, key


def _classes(annotation: object) -> list[type[BaseModel]]:
    from typing import get_args

    found = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for arg in get_args(annotation):
        found += _classes(arg)
    return found
