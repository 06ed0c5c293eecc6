"""A line break closes a clause wherever a rule closes one on punctuation.

Rules say where a claim's phrase ends with a class of closing marks or the end of the answer:
"we've got 7" is a count when what follows is `[).,!;]|$`. An assistant that ends a line
without a stop ("lunch box - we've got 7", then a blank line and "Anything else?") closed the
clause as surely as a full stop, but `$` is only the end of the whole answer, so every such
rule missed the count as soon as the answer went on below it: a closing offer, a signature,
a second paragraph. Measured on the development texts dressed with a closing line
(`benchmarks/claims_invariance.py`, "closing"), 17 right readings were lost that way, all of
them terse answers of one line.

Rather than add the line break to each rule's class (36 of the 59 such classes in seven of the
rule modules lacked it, and so would rules written later), the patterns are compiled with it
added: a character class followed by `|$` (a closing mark, or the end) also takes a line break.
Negated classes and classes that already hold one are left as written.
"""

from __future__ import annotations

#: What a closing class is followed by: "or the end of the answer".
_OR_END = "|$"


def closing_at_line_ends(source: str) -> str:
    """`source` with a line break added to every class of closing marks (`[…]|$`)."""
    if _OR_END not in source:
        return source
    out: list[str] = []
    at, size = 0, len(source)
    while at < size:
        char = source[at]
        if char == "\\":
            out.append(source[at : at + 2])
            at += 2
            continue
        if char != "[":
            out.append(char)
            at += 1
            continue
        end = _class_end(source, at)
        body = source[at + 1 : end]
        if source.startswith(_OR_END, end + 1) and not body.startswith("^") and "\\n" not in body:
            # First in the class, so that it never ends a range ("[.\u2014-]"); after a "]"
            # that opens it, which is a literal there.
            lead = 1 if body.startswith("]") else 0
            out.append(f"[{body[:lead]}\\n{body[lead:]}]")
        else:
            out.append(source[at : end + 1])
        at = end + 1
    return "".join(out)


def _class_end(source: str, start: int) -> int:
    """Where the class opened at `start` closes: its "]" (a "]" first in it is a literal)."""
    at = start + 1
    if source.startswith("^", at):
        at += 1
    if source.startswith("]", at):
        at += 1
    while at < len(source) and source[at] != "]":
        at += 2 if source[at] == "\\" else 1
    return at
