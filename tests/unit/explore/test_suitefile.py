"""`:save`: a question becomes a phrasing the planner can use, in a file `load_suites` reads."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor._explore import NameIndex, SaveError, Subject, save_phrasing, template_of
from auditor._facts import Snapshot
from auditor._probes import load_suites, plan_probes


def test_the_subject_becomes_a_placeholder(index: NameIndex) -> None:
    question = "Is the blue kettle in stock? {asking for a friend}"
    assert template_of(question, "stock.availability", index.find(question)) == (
        "Is the {item} in stock? {{asking for a friend}}"
    )
    question = "Where is my order ORD-10001?"
    assert template_of(question, "order.status", index.find(question)) == (
        "Where is my order {id}?"
    )


def test_a_question_without_a_subject_of_the_kind_cannot_be_saved(index: NameIndex) -> None:
    with pytest.raises(SaveError, match="names no order"):
        template_of(
            "Is the blue kettle in stock?",
            "order.status",
            index.find("Is the blue kettle in stock?"),
        )
    with pytest.raises(SaveError, match="unknown probe kind"):
        template_of("Is the blue kettle in stock?", "stock.nonsense", [])


@given(
    before=st.text(max_size=20),
    after=st.text(max_size=20),
    mention=st.sampled_from(["KT-1715", "Blue Kettle", "blue kettle"]),
)
def test_filling_the_template_gives_the_question_back(
    before: str, after: str, mention: str
) -> None:
    question = f"{before}{mention}{after}"
    subject = Subject("stock", "KT-1715", (len(before), len(before) + len(mention)), "name")
    template = template_of(question, "stock.availability", [subject])
    assert template.format_map({"item": mention}) == question


def test_saving_creates_merges_and_loads(tmp_path: Path, snapshot: Snapshot) -> None:
    path = tmp_path / "suites" / "probes.local.toml"
    first = save_phrasing(
        path, "stock.availability", "Got any {item} at all?", "catalogued_out_of_stock"
    )
    save_phrasing(path, "stock.availability", "Got any {item} at all?")  # no duplicate
    second = save_phrasing(path, "stock.availability", "Still selling {item}?")
    save_phrasing(path, "order.status", "Any news on {id}?", "order_delivered")
    assert (first.phrasings, second.phrasings) == (1, 2)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["kind"][0] == {
        "name": "stock.availability",
        "phrasings": ["Got any {item} at all?", "Still selling {item}?"],
        "weights": {"catalogued_out_of_stock": 2},
    }
    plans = {p.kind: p for p in load_suites([], [path])}
    assert plans["order.status"].phrasings == ("Any news on {id}?",)
    probes = plan_probes(snapshot, list(plans.values()), max_probes=20, seed=1, channels=["web"])
    questions = {p.turns[0] for p in probes}
    assert any(q.startswith("Got any ") and q.endswith(" at all?") for q in questions)
    assert "Any news on ORD-10001?" in questions or "Any news on ORD-10002?" in questions


def test_a_bad_edge_class_or_file_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "probes.local.toml"
    with pytest.raises(SaveError, match="no edge class 'nonsense'"):
        save_phrasing(path, "stock.availability", "Any {item}?", "nonsense")
    assert not path.exists()
    path.write_text("kind = 3\n", encoding="utf-8")
    with pytest.raises(SaveError, match="array of tables"):
        save_phrasing(path, "stock.availability", "Any {item}?")
    assert path.read_text(encoding="utf-8") == "kind = 3\n"
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind
