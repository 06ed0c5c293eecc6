"""Adapters by name: built-ins by decorator, other packages by entry point.

A tiny distribution is written into a temporary folder put on `sys.path`, so
`importlib.metadata` finds its entry point exactly as it would an installed package's.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from auditor._adapters import (
    ADAPTERS,
    ENTRY_POINT_GROUP,
    AdapterError,
    AdapterRegistry,
    AdapterSettings,
    Conversation,
)
from auditor._config import ConfigError, PluginAssistant, parse_config

GOOD = {
    "anchors": {},
    "assistant": [{"name": "web", "kind": "openai", "base_url": "http://127.0.0.1:1/v1"}],
}


def install(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    module: str,
    entry_points: dict[str, str],
) -> None:
    """A distribution `name` with `module.py` and the given adapter entry points."""
    (tmp_path / f"{name}.py").write_text(textwrap.dedent(module), encoding="utf-8")
    info = tmp_path / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8"
    )
    lines = "".join(f"{kind} = {target}\n" for kind, target in entry_points.items())
    (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n{lines}", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, name, raising=False)


PIGEON = """
    from auditor._adapters import Answer

    class Pigeon:
        def __init__(self, config, settings):
            self.name = config.name
            self.loft = config.model_extra["loft"]

        async def ask(self, conversation):
            await conversation.pace()
            text = f"coo from {self.loft}: " + conversation.turns[-1]
            return Answer(text, (text,), 1.0)

        async def aclose(self):
            pass

    def make(config, settings):
        return Pigeon(config, settings)
"""


async def test_a_third_party_adapter_is_found_by_entry_point_and_configured(tmp_path, monkeypatch):
    install(tmp_path, monkeypatch, "pigeon_post", PIGEON, {"pigeon": "pigeon_post:make"})
    config = parse_config(
        {**GOOD, "assistant": [{"name": "loft", "kind": "pigeon", "loft": "north tower"}]}
    )
    (entry,) = config.assistant
    assert isinstance(entry, PluginAssistant) and entry.model_extra == {"loft": "north tower"}

    registry = AdapterRegistry()
    assert "pigeon" in registry.kinds()
    assistant = registry.get("pigeon")(entry, AdapterSettings())
    answer = await assistant.ask(Conversation(["hello?"]))
    assert answer.text == "coo from north tower: hello?"
    assert registry.get("pigeon") is registry.get("pigeon")  # loaded once


def test_unknown_kinds_are_refused_by_the_configuration_with_the_known_ones(tmp_path, monkeypatch):
    install(tmp_path, monkeypatch, "pigeon_post", PIGEON, {"pigeon": "pigeon_post:make"})
    with pytest.raises(ConfigError) as caught:
        parse_config({**GOOD, "assistant": [{"name": "x", "kind": "carrier-owl"}]})
    (problem,) = caught.value.problems
    assert problem.startswith("assistant.0")
    assert "unknown assistant kind 'carrier-owl'" in problem
    assert "openai, http, python, pigeon" in problem


def test_a_broken_plugin_is_an_adapter_error_not_a_crash(tmp_path, monkeypatch):
    install(
        tmp_path,
        monkeypatch,
        "broken_plugin",
        "raise ImportError('no wings')\n",
        {"broken": "broken_plugin:make"},
    )
    with pytest.raises(
        AdapterError,
        match=r"'broken' \(broken_plugin:make\) failed to load: "
        r"ImportError: no wings",
    ):
        AdapterRegistry().get("broken")


def test_a_kind_offered_twice_is_refused(tmp_path, monkeypatch):
    for folder, name in (("a", "first_plugin"), ("b", "second_plugin")):
        (tmp_path / folder).mkdir()
        install(tmp_path / folder, monkeypatch, name, PIGEON, {"twin": f"{name}:make"})
    with pytest.raises(AdapterError, match="offered twice"):
        AdapterRegistry().get("twin")


def test_no_such_kind_names_the_known_ones():
    with pytest.raises(AdapterError, match=r"no assistant adapter of kind 'nope' \(known: "):
        ADAPTERS.get("nope")


def test_built_ins_are_registered_and_cannot_be_registered_twice():
    assert {"openai", "http", "python"} <= set(ADAPTERS.kinds())
    with pytest.raises(ValueError, match="registered twice"):
        ADAPTERS.register("openai")(lambda config, settings: None)  # type: ignore[arg-type,return-value]
