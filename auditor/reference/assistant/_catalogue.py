"""The catalogue's name index and item resolution: which item does a question mean?

Resolution prefers exactness over reach. A name written out in full wins, and the longest such
name wins, so "Blue Kettle Pro" is never read as "Blue Kettle"; a name followed by a word that
the catalogue knows but the name lacks ("Blue Kettle Max") is not silently cut back to the
shorter name. Only then are typos and partial names tried, and a partial name that fits several
items is reported as ambiguous rather than guessed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from auditor.reference.assistant._text import osa_distance, tokens

#: Whole-name fuzzy matching compares against every name of similar length; past this many
#: names the token-level corrections alone must do.
_WHOLE_NAME_FUZZY_LIMIT = 20_000
_MAX_OPTIONS = 5


@dataclass(frozen=True, slots=True)
class Resolved:
    sku: str


@dataclass(frozen=True, slots=True)
class Unknown:
    """The question names an item the catalogue does not have."""

    mention: str


@dataclass(frozen=True, slots=True)
class Ambiguous:
    mention: str
    skus: tuple[str, ...]


ItemMatch = Resolved | Unknown | Ambiguous


def _typo_budget(token: str) -> int:
    """Edits tolerated in one word: none in short words, where one edit makes another word."""
    if len(token) <= 3:
        return 0
    return 1 if len(token) <= 7 else 2


class CatalogueIndex:
    """An index of SKUs and names: rebuilt when the catalogue is relisted, grown by searches."""

    __slots__ = ("_by_tokens", "_joined", "_max_len", "_names", "_postings", "_vocab")

    def __init__(self, items: Iterable[tuple[str, str]]) -> None:
        self._names: dict[str, str] = {}
        self._by_tokens: dict[tuple[str, ...], list[str]] = defaultdict(list)
        self._postings: dict[str, set[str]] = defaultdict(set)
        self._vocab: dict[int, dict[str, int]] = defaultdict(dict)
        self._joined: dict[int, list[tuple[str, str]]] = defaultdict(list)
        self._max_len = 0
        self.extend(items)

    def extend(self, items: Iterable[tuple[str, str]]) -> None:
        for sku, name in items:
            if sku not in self._names:
                self._add(sku, name)

    def _add(self, sku: str, name: str) -> None:
        self._names[sku] = name
        words = tokens(name)
        if not words:
            return
        self._by_tokens[words].append(sku)
        self._max_len = max(self._max_len, len(words))
        joined = "".join(words)
        self._joined[len(joined)].append((joined, sku))
        for word in words:
            self._postings[word].add(sku)
            if word.isalpha():
                # Model numbers and sizes are never typo-corrected, and at scale there are
                # as many of them as items: keeping them out keeps corrections cheap.
                bucket = self._vocab[len(word)]
                bucket[word] = bucket.get(word, 0) + 1

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, sku: object) -> bool:
        return sku in self._names

    def name_of(self, sku: str) -> str | None:
        return self._names.get(sku)

    def knows_word(self, word: str) -> bool:
        return word in self._postings

    def exact(self, words: Sequence[str]) -> tuple[str, ...]:
        return tuple(self._by_tokens.get(tuple(words), ()))

    def scan(self, words: Sequence[str]) -> tuple[int, int] | None:
        """The longest run of `words` that is a whole catalogue name, as (start, end)."""
        best: tuple[int, int] | None = None
        for start in range(len(words)):
            longest = min(self._max_len, len(words) - start)
            for length in range(longest, 0, -1):
                if best is not None and length <= best[1] - best[0]:
                    break
                if tuple(words[start : start + length]) in self._by_tokens:
                    best = (start, start + length)
                    break
        return best

    def correct(self, word: str) -> str:
        """The catalogue word `word` was most likely meant to be (itself when known or short)."""
        budget = _typo_budget(word)
        if budget == 0 or not word.isalpha() or self.knows_word(word):
            return word
        best: tuple[int, int, str] | None = None
        for length in range(len(word) - budget, len(word) + budget + 1):
            for candidate, frequency in self._vocab.get(length, {}).items():
                distance = osa_distance(word, candidate, budget)
                if distance <= budget:
                    key = (distance, -frequency, candidate)
                    if best is None or key < (best[0], best[1], best[2]):
                        best = key
        return word if best is None else best[2]

    def containing(self, words: Sequence[str]) -> set[str]:
        """SKUs whose names contain every word; the last may be an unfinished prefix."""
        if not words:
            return set()
        *whole, last = words
        found: set[str] | None = None
        for word in whole:
            found = set(self._postings.get(word, ())) if found is None else found
            found &= self._postings.get(word, set())
        tails = self._postings.get(last)
        if tails is None and len(last) >= 2:
            tails = set()
            for bucket in self._vocab.values():
                for candidate in bucket:
                    if candidate.startswith(last):
                        tails |= self._postings[candidate]
        tails = tails or set()
        return tails if found is None else found & tails

    def near_whole_name(self, text: str) -> tuple[str, ...]:
        """SKUs whose whole name is within two edits of `text`, ignoring spaces."""
        if len(self._names) > _WHOLE_NAME_FUZZY_LIMIT:
            return ()
        joined = "".join(tokens(text))
        if len(joined) < 6:
            return ()
        scored: list[tuple[int, str]] = []
        for length in range(len(joined) - 2, len(joined) + 3):
            for candidate, sku in self._joined.get(length, ()):
                distance = osa_distance(joined, candidate, 2)
                if distance <= 2:
                    scored.append((distance, sku))
        if not scored:
            return ()
        best = min(distance for distance, _ in scored)
        return tuple(sorted(sku for distance, sku in scored if distance == best))

    def lookalike(self, sku: str) -> str | None:
        """The item a careless matcher would take for `sku` (the `wrong_item` fault).

        A longer name holding the whole name ("Blue Kettle Pro" for "Blue Kettle") first, the
        shortest such; else the item sharing most of its words, its head noun among them, the
        nearest SKU on a tie; None when no other item shares a word of the name.
        """
        words = tokens(self._names.get(sku, ""))
        if not words:
            return None
        longer = [
            other
            for other in self.containing(words)
            if other != sku and _holds(tokens(self._names[other]), words)
        ]
        if longer:
            return min(longer, key=lambda other: (len(self._names[other]), other))
        plain = [w for w in words if w.isalpha()]
        if not plain:
            return None
        head = plain[-1]
        shared: dict[str, int] = defaultdict(int)
        for word in set(plain):
            for other in self._postings.get(word, ()):
                shared[other] += 1
        candidates = [o for o in self._postings.get(head, ()) if o != sku]
        if not candidates:
            return None
        return max(candidates, key=lambda o: (shared[o], -abs(_number(o) - _number(sku)), o))

    def options(self, skus: Iterable[str]) -> tuple[str, ...]:
        """A short, stable list of candidates to offer back to the shopper."""
        ranked = sorted(skus, key=lambda sku: (len(self._names.get(sku, "")), sku))
        return tuple(ranked[:_MAX_OPTIONS])


def _holds(name: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether `name` holds `words` as a run, and is longer."""
    n = len(words)
    return len(name) > n and any(name[i : i + n] == words for i in range(len(name) - n + 1))


def _number(sku: str) -> int:
    digits = "".join(c for c in sku if c.isdigit())
    return int(digits) if digits else 0


def resolve_item(
    index: CatalogueIndex,
    words: Sequence[str],
    mention: str | None,
    filler: frozenset[str],
) -> ItemMatch | None:
    """Resolve the item a question names, or None when it names none (a follow-up).

    `words` are the question's folded tokens, `mention` the phrase that most likely names the
    item (for echoing and fuzzy matching), `filler` the words that can sit next to a name
    without being part of it ("the", "in", "today", "please" ...).
    """
    span = index.scan(words)
    if span is not None and not _extended(words, span, filler):
        skus = index.exact(words[span[0] : span[1]])
        return _pick(index, skus, index.name_of(skus[0]) or "")
    if not mention:
        return None
    return _fuzzy(index, mention)


def _extended(words: Sequence[str], span: tuple[int, int], filler: frozenset[str]) -> bool:
    """Whether the matched name is glued to a word that is not filler ("Blue Kettle Max").

    A number before a name is a quantity ("2 Blue Kettles"); after it, a model ("Kettle 2").
    """
    start, end = span
    after = words[end] if end < len(words) else None
    before = words[start - 1] if start > 0 else None
    if after is not None and after not in filler:
        return True
    return before is not None and before not in filler and not before.isdigit()


def _fuzzy(index: CatalogueIndex, mention: str) -> ItemMatch:
    words = tokens(mention)
    corrected = [index.correct(word) for word in words]
    for candidate in (words, tuple(corrected)):
        exact = index.exact(candidate)
        if exact:
            return _pick(index, exact, mention)
    partial = index.containing(corrected)
    if partial:
        return _pick(index, partial, mention)
    near = index.near_whole_name(mention)
    if near:
        return _pick(index, near, mention)
    return Unknown(mention)


def _pick(index: CatalogueIndex, skus: Iterable[str], mention: str) -> ItemMatch:
    found = sorted(set(skus))
    if len(found) == 1:
        return Resolved(found[0])
    return Ambiguous(mention, index.options(found))
