"""Markdown tables as the masked answer holds them: which row a position stands in, and the
header of its table.

Reading a table cell needs its column's header: "9 Dec" under "Expected" is a delivery date,
and a row under "Parcel" is a part of an order, not the whole of it. The masked text keeps the
table's pipes and line breaks, so the header is the first of the row lines above.
"""

from __future__ import annotations

from auditor._claims._compiled import compile_pattern

#: A table row: a line that opens with a pipe.
_ROW = compile_pattern(r"[^\S\n]*\|")


def row_start(masked: str, at: int) -> int:
    """Where the table row holding `at` starts, or -1 when `at` is not in a table row."""
    line = masked.rfind("\n", 0, at) + 1
    return line if _ROW.match(masked, line) else -1


def _table_top(masked: str, line: int) -> int:
    """Where the first row of the table holding the row at `line` starts."""
    top = line
    while top > 0:
        above = masked.rfind("\n", 0, top - 1) + 1
        if not _ROW.match(masked, above):
            break
        top = above
    return top


def header(masked: str, at: int) -> tuple[str, ...]:
    """The header cells (stripped, the pipes' outer empties kept) of the table whose body row
    holds `at`; () when `at` is in no table row or in the header row itself."""
    line = row_start(masked, at)
    if line < 0:
        return ()
    top = _table_top(masked, line)
    if top == line:
        return ()
    end = masked.find("\n", top)
    return tuple(cell.strip() for cell in masked[top : end if end >= 0 else None].split("|"))


def lead(masked: str, at: int) -> tuple[int, int] | None:
    """The lines right above the table whose row holds `at`, back to a blank line ("Here's
    the breakdown of your refund:"): what a model says its rows are about. None when `at` is
    in no table row or the table opens the answer."""
    line = row_start(masked, at)
    if line < 0:
        return None
    end = _table_top(masked, line) - 1
    while end > 0 and masked[end - 1] in " \t\n":
        end -= 1
    if end <= 0:
        return None
    start = masked.rfind("\n\n", 0, end)
    return (0 if start < 0 else start + 2, end)


def column(masked: str, at: int) -> int:
    """The index of the cell holding `at` among its row's `split("|")` pieces."""
    return masked.count("|", max(row_start(masked, at), 0), at)


#: The rest of a checklist row after its step's name, the step not done: a waiting, empty or
#: crossed mark, or a dash ("| Refunded | ⏳ |", "| Received | — |", "| Delivered | ⬜ |").
_NOT_DONE = compile_pattern(
    "[^\\S\\n]*\\|[^\\S\\n]*(?:[\u23f3\u231b\u2b1c\u2610\u274c\u2716\U0001f532\u2014\u2013-]"
    "|pending|not yet|to do)[^\\S\\n|]*\\|[^\\S\\n]*(?:\\n|$)"
)


def step_not_done(masked: str, start: int, end: int) -> bool:
    """The phrase at `start:end` names a step in a checklist table's first cell whose only
    other cell says it has not happened: the step's name claims nothing."""
    line = row_start(masked, start)
    if line < 0 or masked.count("|", line, start) != 1:
        return False
    close = masked.find("|", end)
    return close >= 0 and _NOT_DONE.match(masked, close) is not None


#: A cell that says its column's step is done: a tick, or "yes".
_TICKED = compile_pattern("[^\\S\\n]*(?:[\u2705\u2714\u2611]\ufe0f?|yes\\b)")


#: The row under a table's header: "|---|:---:|".
_RULE = compile_pattern(r"[^\S\n]*\|[\s|:-]*-[\s|:-]*(?:\n|$)")


def in_header_row(masked: str, at: int) -> bool:
    """`at` stands in the first row of a table, over its rule row: a column's name, which
    claims nothing ("| Return | Received |")."""
    line = row_start(masked, at)
    if line < 0 or _table_top(masked, line) != line:
        return False
    below = masked.find("\n", at)
    return below >= 0 and _RULE.match(masked, below + 1) is not None


def ticked_cells(masked: str, states: dict[str, str]) -> list[tuple[int, int, str]]:
    """(markdown9) The cells ticked under a column named by a state ("| Return | Received |" /
    "| RMA-1 | ✅ |"): where each tick is, and the state its column names (`states`: a header
    word, lower case, to its value)."""
    found = []
    at = 0
    while (bar := masked.find("|", at)) >= 0:
        line = masked.rfind("\n", 0, bar) + 1
        end = masked.find("\n", bar)
        end = len(masked) if end < 0 else end
        at = end + 1
        cells = header(masked, bar)
        if not cells or not any(c in states for c in cells):
            continue
        offset = line
        for index, cell in enumerate(masked[line:end].split("|")):
            if index < len(cells) and cells[index] in states:
                tick = _TICKED.match(cell)
                if tick is not None:
                    found.append((offset + tick.start(), offset + tick.end(), states[cells[index]]))
            offset += len(cell) + 1
    return found
