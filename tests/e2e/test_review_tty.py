"""`auditor review DIR` at a terminal: a value picked from the kind's, the phrase offered
accepted as it is, a group skipped; the phrase lands in the file, nothing else changes.

No server: the audit directory is written as an audit leaves it (`tests/unit/teach/_stored.py`).
"""

from __future__ import annotations

from pathlib import Path

import pexpect

from auditor._anchors._toml import toml_tables
from auditor._config import load_config
from auditor._facts import OrderStatus
from tests.e2e._terminal import AUDITOR, COLUMNS, ROWS, terminal_env
from tests.e2e._terminal import until as _until
from tests.unit.core.test_config import GOOD
from tests.unit.teach._stored import audit_dir, order_result, stored


def test_a_value_and_the_offered_phrase_are_written(tmp_path: Path):
    directory = audit_dir(
        tmp_path / "audit",
        [
            stored(1, "Blue Kettle: ready to roll"),
            stored(2, "Stone Mug: ready to roll!", sku="MG-3003"),
            order_result(3, "ORD-100003 has left the building.", OrderStatus.SHIPPED),
        ],
    )
    config = tmp_path / "audit.toml"
    config.write_text("# ours\n" + toml_tables(GOOD), encoding="utf-8")
    child = pexpect.spawn(
        AUDITOR[0],
        [*AUDITOR[1:], "review", str(directory), "-c", str(config)],
        env=terminal_env(),
        encoding="utf-8",
        dimensions=(ROWS, COLUMNS),
        timeout=60,
    )
    screen = _until(child, r"value \[skip/")
    assert "2 × stock.availability" in screen and "Blue Kettle: ready to roll" in screen
    child.sendline("in_stock")
    _until(child, r"phrase \(\{item\}: ready to roll\)")
    child.sendline("")  # the phrase offered
    _until(child, r"1 × order.status[\s\S]*value \[skip/")
    child.sendline("")  # skip the second group
    screen = _until(child, r"--rejudge -c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, screen
    assert "added to" in screen and "availability=in_stock:{item}: ready to roll" in screen
    assert config.read_text(encoding="utf-8").startswith("# ours\n")
    assert load_config(config).vocabulary == {
        "availability": {"in_stock": ["{item}: ready to roll"]}
    }
