"""Which subject a question is about: ids the shop knows, ids in its format, item names.

A developer types the way customers do ("is the blue kettle in stock?", "where's ord-10001"),
so names are matched word by word, case and accents folded, longest name first ("Blue Kettle
Pro" is never read as "Blue Kettle"), then by an unambiguous part of a name, then with one
mistyped word corrected. Spans always index the question as typed, so `:save` can turn the
mention into a template placeholder.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from auditor._facts import Snapshot

#: How the question named the subject: an id, an item's full name, part of a name, a typo.
Mention = Literal["id", "name", "partial", "typo"]

_WORD = re.compile(r"[^\W_]+")
_ID = re.compile(r"(?<![\w-])([A-Za-z]{2,5})-(\d{3,9})(?![\w-])")
_TOKEN_WITH_DASHES = re.compile(r"(?<![\w-])[\w][\w-]*[\w](?![\w-])")
#: Words of questions that never name an item on their own.
_STOPWORD_TEXT = """a about all an and any anything are at available availability be buy can check
    could current currently do does for from get got has have hello hey hi how i if in is it
    its just know left let like many me more much my need now of ok on one or order orders
    please purchase quantity quick question refund return returns right sell some status still
    stock tell than thanks that the there this to today units what when where which will with
    would you your"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_MIN_PARTIAL_CHARS = 4
_MAX_NAME_WORDS = 8
_TYPO_CUTOFF = 0.8


@dataclass(frozen=True, slots=True)
class Subject:
    """One subject a question names: the fact kind it lives in, its id, and where it was named."""

    fact_kind: str
    id: str
    #: `question[start:end]` is the mention; None when the subject came from the answer.
    span: tuple[int, int] | None
    mention: Mention

    def to_json(self) -> dict[str, object]:
        return {
            "fact_kind": self.fact_kind,
            "id": self.id,
            "span": None if self.span is None else list(self.span),
            "mention": self.mention,
        }


def fold(word: str) -> str:
    """Case and accents folded: `Café` and `cafe` are one word."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class _Token:
    word: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    return [_Token(fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def _plural_of(word: str, name_word: str) -> bool:
    return word == name_word or word in (name_word + "s", name_word + "es")


class NameIndex:
    """The snapshot's ids and item names, indexed once so each question costs little."""

    def __init__(self, snapshot: Snapshot) -> None:
        self._ids: dict[str, tuple[str, str]] = {}
        self._prefixes: dict[str, set[str]] = {}
        for kind, table in _tables(snapshot).items():
            for key in table:
                self._ids[key.upper()] = (kind, key)
                match = _ID.fullmatch(key)
                if match:
                    self._prefixes.setdefault(match.group(1).upper(), set()).add(kind)
        self._names: dict[str, tuple[str, ...]] = {}
        self._by_word: dict[str, set[str]] = {}
        for sku, fact in snapshot.stock.items():
            words = tuple(t.word for t in _tokens(fact.name))
            if words:
                self._names[sku] = words
                for word in words:
                    self._by_word.setdefault(word, set()).add(sku)
        self._vocabulary = sorted(w for w in self._by_word if len(w) >= _MIN_PARTIAL_CHARS)

    def kind_of(self, subject: str) -> str | None:
        """The fact kind holding `subject`, or the one whose ids share its prefix."""
        known = self._ids.get(subject.upper())
        if known is not None:
            return known[0]
        match = _ID.fullmatch(subject)
        if match is None:
            return None
        kinds = self._prefixes.get(match.group(1).upper(), set())
        return next(iter(kinds)) if len(kinds) == 1 else None

    def find(self, question: str) -> list[Subject]:
        """Every subject the question names, in order of mention; ids win over names."""
        found = self._find_ids(question)
        taken = [s.span for s in found if s.span is not None]
        tokens = [t for t in _tokens(question) if not _inside(t, taken)]
        names = self._full_names(tokens)
        if not names and not found:
            names = self._partial(tokens, "partial") or self._partial(
                self._corrected(tokens), "typo"
            )
        return sorted([*found, *names], key=lambda s: s.span or (0, 0))

    def _find_ids(self, question: str) -> list[Subject]:
        found: list[Subject] = []
        for match in _TOKEN_WITH_DASHES.finditer(question):
            known = self._ids.get(match.group().upper())
            if known is not None:
                found.append(Subject(known[0], known[1], match.span(), "id"))
        spans = [s.span for s in found]
        for match in _ID.finditer(question):
            if match.span() in spans:
                continue
            subject = match.group().upper()
            kind = self.kind_of(subject) or "stock"
            found.append(Subject(kind, subject, match.span(), "id"))
        return found

    def _full_names(self, tokens: list[_Token]) -> list[Subject]:
        found: list[Subject] = []
        i = 0
        while i < len(tokens):
            best = self._longest_name_at(tokens, i)
            if best is None:
                i += 1
                continue
            sku, length = best
            found.append(
                Subject("stock", sku, (tokens[i].start, tokens[i + length - 1].end), "name")
            )
            i += length
        return found

    def _longest_name_at(self, tokens: list[_Token], i: int) -> tuple[str, int] | None:
        best: tuple[str, int] | None = None
        for sku in sorted(self._by_word.get(tokens[i].word, ())):
            name = self._names[sku]
            n = len(name)
            if name[0] != tokens[i].word or i + n > len(tokens):
                continue
            inner = all(tokens[i + k].word == name[k] for k in range(n - 1))
            if (
                inner
                and _plural_of(tokens[i + n - 1].word, name[-1])
                and (best is None or n > best[1])
            ):
                best = (sku, n)
        return best

    def _partial(self, tokens: list[_Token], mention: Mention) -> list[Subject]:
        """The longest run of words that appears, in order, in exactly one item's name."""
        best: tuple[int, int, str] | None = None
        for i in range(len(tokens)):
            for n in range(min(_MAX_NAME_WORDS, len(tokens) - i), 0, -1):
                if best is not None and n <= best[1]:
                    break
                words = tuple(t.word for t in tokens[i : i + n])
                if not _meaningful(words):
                    continue
                owners = self._owners(words)
                if len(owners) == 1:
                    best = (i, n, owners[0])
                    break
        if best is None:
            return []
        i, n, sku = best
        return [Subject("stock", sku, (tokens[i].start, tokens[i + n - 1].end), mention)]

    def _owners(self, words: tuple[str, ...]) -> list[str]:
        candidates = self._by_word.get(words[0], set())
        for word in words[1:]:
            candidates = candidates & self._by_word.get(word, set())
        return [sku for sku in candidates if _contains(self._names[sku], words)]

    def _corrected(self, tokens: list[_Token]) -> list[_Token]:
        fixed = []
        for token in tokens:
            word = token.word
            if word not in self._by_word and word not in _STOPWORDS and len(word) >= 4:
                close = difflib.get_close_matches(word, self._vocabulary, 1, _TYPO_CUTOFF)
                word = close[0] if close else word
            fixed.append(_Token(word, token.start, token.end))
        return fixed


def _tables(snapshot: Snapshot) -> Mapping[str, Iterable[str]]:
    return {"stock": snapshot.stock, "orders": snapshot.orders, "returns": snapshot.returns}


def _inside(token: _Token, spans: list[tuple[int, int]]) -> bool:
    return any(start <= token.start and token.end <= end for start, end in spans)


def _meaningful(words: tuple[str, ...]) -> bool:
    content = [w for w in words if w not in _STOPWORDS]
    return bool(content) and len(" ".join(content)) >= _MIN_PARTIAL_CHARS


def _contains(name: tuple[str, ...], words: tuple[str, ...]) -> bool:
    n = len(words)
    return any(name[i : i + n] == words for i in range(len(name) - n + 1))
