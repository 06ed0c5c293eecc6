"""An answer's Markdown structure: markup blanked out, and the blocks that scope its claims.

Language models answer in Markdown: bold names, bullet lists, headings, "**Status:** Shipped".
The markup is no part of what is said, and each list item or heading is a scope of its own
(a claim in one bullet is not about the item named in the next). The answer is parsed with
markdown-it-py (a kept CommonMark parser, not patterns over asterisks); what it yields is a
*plain* text of the same length, with every markup character turned into a blank, so that a
claim's span is still a slice of the original answer, and the blocks' character ranges.

Most answers are plain prose: `layout` parses only when a marker could be there at all.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from markdown_it import MarkdownIt
from markdown_it.token import Token

from auditor._claims._compiled import compile_pattern
from auditor._claims._text import Segment

#: Something Markdown could make of the answer: emphasis, code, a link, or a line opening on a
#: bullet, a number and a dot, a heading, a quote or a rule. Without one, the text is prose.
_MAYBE_MARKUP = compile_pattern(
    r"[*_`]|\[[^\]\n]*\]\(|^[ \t]{0,3}(?:[-+>#=]|\d{1,9}[.)](?:[ \t]|$))", re.M
)
#: `_MAYBE_MARKUP`'s parts: a sign of inline markup, a link, a line's opening marker.
_INLINE_SIGNS = ("*", "_", "`")
_LINK = compile_pattern(r"\[[^\]\n]*\]\(")
_LINE_MARKER = compile_pattern(r"[ \t]{0,3}(?:[-+>#=]|\d{1,9}[.)](?:[ \t]|$))")
_BLOCK_RULES = ["heading", "lheading", "list", "blockquote", "hr"]
_INLINE_RULES = ["emphasis", "backticks", "link", "escape"]
_EMPHASIS_OPEN = frozenset({"em_open", "strong_open"})
_EMPHASIS_CLOSE = frozenset({"em_close", "strong_close"})
#: A link's target, "](…)", blanked with its brackets: a URL's words say nothing.
_LINK_TAIL = compile_pattern(r"\]\([^)\n]*\)")
#: Field labels a language model writes for a field the readers know by one word: each
#: synonym (as a whole label, opening its line) is read as its canonical label, written over
#: it right-aligned so that the text keeps its length ("**Where it's at:** completed" is read
#: as "status: completed"). Data, one place; a canonical label is never longer than its
#: synonyms.
LABEL_SYNONYMS: dict[str, tuple[str, ...]] = {
    "status": (
        "current stage", "stage now", "where it's at", "where it is", "where it stands",
        "progress", "latest", "latest update", "latest scan", "current state", "state of play",
    ),
    "refund": ("money back", "refund progress", "your refund", "repayment"),
    "amount": ("how much", "amount credited", "amount refunded", "total refunded", "refund total"),
}  # fmt: skip
_SYNONYM_OF = {
    synonym: canonical
    for canonical, synonyms in LABEL_SYNONYMS.items()
    for synonym in synonyms
    if len(synonym) >= len(canonical)
}
#: A label that opens its line (behind blanks, bullets' blanks or an emoji) and ends in ":".
_SYNONYM_LABEL = compile_pattern(
    r"(?im)^[^\w\n]*(?P<label>"
    + "|".join(re.escape(s) for s in sorted(_SYNONYM_OF, key=len, reverse=True))
    + r")(?=[^\S\n]*:)"
)
#: A word, for telling a bold line that is all bold ("**Refund update** ✅") from a label line.
_WORD = compile_pattern(r"\w+")
#: The most words a bold line may hold and still be a heading rather than a sentence.
_BOLD_HEADING_WORDS = 8


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """Only the rules that make structure: no HTML, tables (a "|" already ends a sentence),
    code blocks (an indented line stays prose) or entities (they would change lengths)."""
    parser = MarkdownIt("zero").enable([*_BLOCK_RULES, *_INLINE_RULES])
    return parser.disable("text_join")


@dataclass(frozen=True, slots=True)
class Layout:
    #: The answer with every markup character blanked, the same length as the answer.
    plain: str
    #: Each block that holds text (a paragraph, a heading, a list item's own lines), in order.
    blocks: tuple[Segment, ...]
    #: Each list item, its nested items included, in order of start.
    items: tuple[Segment, ...]
    #: Each heading's text.
    headings: tuple[Segment, ...]
    #: What each emphasis (*…*, **…**, _…_) encloses, markers excluded, in order of start.
    emphasis: tuple[Segment, ...]
    #: Where each line of a blockquote starts, past its ">" marks: what a model pastes from a
    #: record (a carrier's update) stands there.
    quoted: tuple[int, ...] = ()
    #: Each field label written as its canonical one (`LABEL_SYNONYMS`): a claim read from
    #: "status: shipped" where the answer says "Where it's at: shipped" starts at the label.
    relabelled: tuple[Segment, ...] = ()

    def block_at(self, position: int) -> Segment | None:
        """The block holding `position`, if any."""
        index = bisect_right(self.blocks, (position, len(self.plain) + 1)) - 1
        if index >= 0 and self.blocks[index].start <= position < self.blocks[index].end:
            return self.blocks[index]
        return None

    def list_lead(self, position: int) -> Segment | None:
        """The paragraph or heading right before the list that holds `position` ("There are
        two refunds on your account:" above its bullets): a model names there what each of
        its lines is about. None outside a list, or when the list opens the answer."""
        outer = next((i for i in self.items if i.start <= position < i.end), None)
        if outer is None:
            return None
        start = outer.start
        for item in reversed(self.items):
            if item.end <= start and not self.plain[item.end : start].strip():
                start = item.start  # the list's item before, with nothing between
        index = bisect_right(self.blocks, (start, -1)) - 1
        while index >= 0:
            block = self.blocks[index]
            if block.end <= start and self.item_at(block.start) is None:
                return block
            index -= 1
        return None

    def item_at(self, position: int) -> Segment | None:
        """The innermost list item holding `position`, if any."""
        found = None
        for item in self.items:
            if item.start > position:
                break
            if position < item.end:
                found = item
        return found


def layout(text: str) -> Layout | None:
    """The answer's Markdown structure, or None when it has none (plain prose)."""
    if not _maybe_markup(text):
        return None
    # "\r" is a line break to the parser and to `_text.normalise`; one for one, so that the
    # parser's line numbers are the normalised text's.
    source = text.replace("\r", "\n")
    tokens = _parser().parse(source)
    return _Reader(source).read(tokens)


def _canonical_labels(plain: str) -> tuple[str, tuple[Segment, ...]]:
    """`plain` with each field label of `LABEL_SYNONYMS` written as its canonical label, and
    where each label so written stands."""
    if ":" not in plain:
        return plain, ()
    pieces: list[str] = []
    relabelled: list[Segment] = []
    done = 0
    for match in _SYNONYM_LABEL.finditer(plain):
        label = match.group("label")
        canonical = _SYNONYM_OF[label.lower()]
        pieces += [plain[done : match.start("label")], canonical.rjust(len(label))]
        relabelled.append(Segment(*match.span("label")))
        done = match.end("label")
    if not pieces:
        return plain, ()
    return "".join(pieces) + plain[done:], tuple(relabelled)


def _maybe_markup(text: str) -> bool:
    """`_MAYBE_MARKUP.search(text)`, found faster in the usual answer, one line of prose:
    three substring tests, and its one line opening tried where it opens, instead of the
    pattern tried at every position."""
    if any(map(text.__contains__, _INLINE_SIGNS)):
        return True
    if "](" in text and _LINK.search(text) is not None:
        return True
    if "\n" in text:
        return _MAYBE_MARKUP.search(text) is not None
    return _LINE_MARKER.match(text) is not None


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        lines = source.split("\n")
        self.starts = [0, *accumulate(len(line) + 1 for line in lines)]
        self.blank: list[int] = []
        self.blocks: list[Segment] = []
        self.items: list[Segment] = []
        self.headings: list[Segment] = []
        self.emphasis: list[Segment] = []
        self.quoted: list[int] = []

    def _lines(self, span: list[int] | None) -> Segment | None:
        if span is None:
            return None
        first, last = span
        start = self.starts[first]
        end = self.starts[last] - 1 if last < len(self.starts) else len(self.source)
        end = min(end, len(self.source))
        while end > start and self.source[end - 1] in " \t\n":
            end -= 1
        return Segment(start, end)

    def _blank(self, start: int, end: int) -> None:
        self.blank.extend(range(start, end))

    def read(self, tokens: list[Token]) -> Layout:
        for token in tokens:
            lines = self._lines(token.map)
            if token.type == "inline" and lines is not None:
                self.blocks.append(lines)
                self._inline(token, lines)
            elif token.type == "heading_open" and lines is not None:
                self._heading(token, lines)
            elif token.type == "list_item_open" and lines is not None:
                self.items.append(lines)
                self._bullet(token, lines.start)
            elif token.type == "blockquote_open" and lines is not None:
                self._quote(lines)
            elif token.type == "hr" and lines is not None:
                self._blank(lines.start, lines.end)
        self.headings.extend(self._bold_headings())
        chars = list(self.source)
        for position in self.blank:
            if chars[position] != "\n":
                chars[position] = " "
        plain, relabelled = _canonical_labels("".join(chars))
        return Layout(
            plain=plain,
            blocks=tuple(sorted(self.blocks)),
            items=tuple(sorted(self.items)),
            headings=tuple(sorted(self.headings)),
            emphasis=tuple(sorted(self.emphasis)),
            quoted=tuple(sorted(self.quoted)),
            relabelled=relabelled,
        )

    def _bold_headings(self) -> list[Segment]:
        """Paragraphs of one short line that is bold and nothing else ("**Your refund** 💰",
        "**Refund summary — ORD-1**"): a language model's heading, which gives its subject to
        the lines below it as a "## Refund" heading does."""
        found = []
        inside = [*self.items, *self.headings]
        for block in self.blocks:
            if "\n" in self.source[block.start : block.end] or any(
                part.start <= block.start < part.end for part in inside
            ):
                continue
            words = [m.start() for m in _WORD.finditer(self.source, block.start, block.end)]
            if not words or len(words) > _BOLD_HEADING_WORDS:
                continue
            bold = [e for e in self.emphasis if block.start <= e.start < block.end]
            if len(bold) == 1 and all(bold[0].start <= w < bold[0].end for w in words):
                found.append(block)
        return found

    def _heading(self, token: Token, lines: Segment) -> None:
        text = self.source[lines.start : lines.end]
        if token.markup.startswith("#"):
            hashes = re.match(r"[ \t>]*(#+)", text)
            if hashes:
                self._blank(lines.start + hashes.start(1), lines.start + hashes.end(1))
            closing = re.search(r"[ \t]#+[ \t]*$", text)
            if closing:
                self._blank(lines.start + closing.start(), lines.end)
            self.headings.append(lines)
        else:  # a setext heading: its text, then a line of "=" or "-"
            underline = self.source.rfind("\n", lines.start, lines.end)
            if underline >= 0:
                self._blank(underline + 1, lines.end)
                self.headings.append(Segment(lines.start, underline))

    def _bullet(self, token: Token, start: int) -> None:
        marker = token.info + token.markup  # "-", "*", "+", or "12" + "." / ")"
        at = self.source.find(marker, start)
        if at >= 0 and not self.source[start:at].strip(" \t>"):
            self._blank(at, at + len(marker))

    def _quote(self, lines: Segment) -> None:
        for match in re.finditer(r"(?m)^[ \t]*(?:>[ \t]?)+", self.source[lines.start : lines.end]):
            self._blank(lines.start + match.start(), lines.start + match.end())
            self.quoted.append(lines.start + match.end())

    def _inline(self, token: Token, lines: Segment) -> None:
        """Blank the inline markup of `token`, which spans `lines`, walking its source.

        markdown-it gives no column to inline tokens; each one is found after the one before.
        """
        position = lines.start
        opened: list[int] = []
        for child in token.children or ():
            kind = child.type
            if kind == "text":
                if child.content:
                    found = self.source.find(child.content, position, lines.end)
                    position = position if found < 0 else found + len(child.content)
            elif kind in _EMPHASIS_OPEN:
                position = self._marker(child.markup, position, lines.end)
                opened.append(position)
            elif kind in _EMPHASIS_CLOSE:
                end = self._marker(child.markup, position, lines.end)
                if end != position and opened:
                    self.emphasis.append(Segment(opened.pop(), end - len(child.markup)))
                position = end
            elif kind == "code_inline":
                position = self._marker(child.markup, position, lines.end)
                position = self._marker(child.markup, position, lines.end)
            elif kind == "link_open":
                position = self._marker("[", position, lines.end)
            elif kind == "link_close":
                position = self._link_tail(position, lines.end)
            elif kind == "text_special":  # an escape: "\\*" is a literal "*"
                found = self.source.find(child.markup, position, lines.end)
                if found >= 0:
                    self._blank(found, found + 1)  # the backslash
                    position = found + len(child.markup)

    def _link_tail(self, position: int, end: int) -> int:
        tail = _LINK_TAIL.search(self.source, position, end)
        if tail is None:
            return position
        self._blank(tail.start(), tail.end())
        return tail.end()

    def _marker(self, markup: str, position: int, end: int) -> int:
        """Blank the next `markup` from `position` on; where the walk goes on from."""
        found = self.source.find(markup, position, end)
        if found < 0:
            return position
        self._blank(found, found + len(markup))
        return found + len(markup)
