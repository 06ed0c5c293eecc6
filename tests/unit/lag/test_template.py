"""Templates of sandbox actions: lone placeholders keep their type, URLs are escaped."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor._lag._template import TemplateError, fill, fill_text, url_escape

VARIABLES = {"sku": "KT-1", "on_hand": 7, "eta": None}


def test_a_lone_placeholder_keeps_the_value_type():
    body = {"available": "{{on_hand}}", "note": "{{ sku }} has {{on_hand}}", "eta": "{{eta}}"}
    assert fill(body, VARIABLES, {}) == {"available": 7, "note": "KT-1 has 7", "eta": None}


def test_lists_and_other_values_are_filled_too():
    assert fill(["{{sku}}", 3, True, None], VARIABLES, {}) == ["KT-1", 3, True, None]


def test_environment_variables_are_read_by_name():
    assert fill_text("Bearer {{env.TOKEN}}", VARIABLES, {"TOKEN": "s3cret"}) == "Bearer s3cret"
    with pytest.raises(TemplateError, match="TOKEN is not set"):
        fill_text("{{env.TOKEN}}", VARIABLES, {})


def test_an_unknown_placeholder_names_what_there_is():
    with pytest.raises(TemplateError, match=r"\{\{order_id\}\}.*on_hand, sku"):
        fill({"id": "{{order_id}}"}, {"sku": "A", "on_hand": 1}, {})


@given(st.text())
def test_a_lone_placeholder_is_replaced_by_exactly_its_value(value):
    assert fill("{{x}}", {"x": value}, {}) == value


@given(st.text(), st.text(alphabet=st.characters(blacklist_characters="{}")))
def test_url_values_cannot_break_out_of_their_path_segment(value, prefix):
    filled = fill_text(prefix + "/items/{{x}}", {"x": value}, {}, url_escape)
    segment = filled[len(prefix + "/items/") :]
    assert "/" not in segment and "?" not in segment and "#" not in segment
    assert unquote(segment) == value
