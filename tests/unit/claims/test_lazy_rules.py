"""Phrase patterns are compiled when an answer needs them, not at import.

Compiling every variant of every table (about 1,300) took about a second at every start of
`auditor`; an answer reaches only the variants filed under the words it says.
"""

from __future__ import annotations

import json
import subprocess
import sys

_PROBE = """
import gc, json
from auditor._claims import ExtractionContext, extract
from auditor._claims import _compiled
from auditor._claims._dispatch import RuleSet

# Built at import: the reader's module-level patterns, never a phrase variant.
at_import = {source for source, _ in _compiled._built}
tables = [o for o in gc.get_objects() if isinstance(o, RuleSet)]
regexes = {r for table in tables for rule in table.rules for r in rule.regexes}
claims = extract("Yes, the Blue Kettle (KT-0001) is in stock.", None,
                 ExtractionContext(items={"KT-0001": "Blue Kettle"}))
after = {source for source, _ in _compiled._built} - at_import
print(json.dumps({"at_import": len(at_import & regexes), "after": len(after),
                  "variants": len(regexes), "claims": [c.value for c in claims]}))
"""


def test_no_phrase_pattern_is_compiled_at_import_and_one_answer_compiles_few():
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=60, check=True
    )
    figures = json.loads(result.stdout)
    assert figures["at_import"] == 0
    assert "in_stock" in figures["claims"]
    # The answer's words reach a few groups of the tables.
    assert 0 < figures["after"] < figures["variants"] / 4
