"""The public surface of `auditor._explore`, pinned so that changing it is a decision."""

from __future__ import annotations

import auditor._explore as explore


def test_exported_members() -> None:
    assert sorted(explore.__all__) == sorted(
        [
            "HELP",
            "Agreement",
            "AnchorsFacade",
            "AssistantFacade",
            "AuditRuntime",
            "ClaimCheck",
            "EdgeCases",
            "EmptyEdgeClass",
            "ExploreSession",
            "Exploration",
            "LoopThread",
            "NameIndex",
            "Repl",
            "Reply",
            "SaveError",
            "Saved",
            "SessionError",
            "Subject",
            "Truth",
            "answering_kinds",
            "check_claims",
            "check_line",
            "displayable",
            "one_line",
            "open_session",
            "render",
            "save_phrasing",
            "template_of",
        ]
    )
    for name in explore.__all__:
        assert getattr(explore, name) is not None, name


def test_the_pytest_plugin_imports_nothing_heavy_at_load() -> None:
    import ast
    import inspect

    import auditor.pytest_plugin as plugin

    tree = ast.parse(inspect.getsource(plugin))
    top_level = [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
    modules = {
        alias.name if isinstance(node, ast.Import) else node.module
        for node in top_level
        for alias in node.names
    }
    assert modules <= {"__future__", "pathlib", "pytest"}
