"""Finding phrases fast: try each pattern only where the answer has its first word.

Python's regex engine has no multi-pattern search, and runs hundreds of phrase patterns over
every answer at every position. Instead each pattern variant is filed under its first literal
word (or the first three letters of it), the answer is cut into words once, and a pattern is
tried with `match` only where a word can start it. The few patterns without a literal first
word are searched in full, behind a substring prefilter (`_needles`).

The extractor's own tables, built at import, are also filed together in one index (`_SHARED`):
cutting an answer into words looks each word up there once and notes, per table, where its
patterns may start. A table then only runs its patterns; intersecting every table's words
with the answer's, a dozen times per answer, cost more than the matching. A shop's
vocabulary, built at run time, is a table on its own (`RuleSet.standalone`) and does the
intersecting itself; it is small and usually empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from auditor._claims._needles import needles
from auditor._claims._rules import Rule, branches, group_end

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_LEAD = re.compile(r"[a-z0-9']*")
_KEY = 3
#: What may follow a whole first word: a blank, the end, or punctuation that is not optional.
_BREAK = re.compile(r"(?: |\\s(?![?*]|\{0)|\\W(?![?*]|\{0)|[-:,;/!.](?![?*]|\{0))")
_LOOKAROUND = ("(?!", "(?=")

Entry = tuple[Rule, re.Pattern[str]]
#: A pattern filed under the first three letters of its first word's known beginning.
PrefixEntry = tuple[str, Rule, re.Pattern[str]]
#: Where in an answer some of a table's patterns may start: the word's starts, the patterns.
Route = tuple[list[int], tuple[Entry, ...]]


@dataclass(slots=True)
class _Shared:
    """The patterns of every built-in table, by first word, each with its table's number."""

    exact: dict[str, list[tuple[int, tuple[Entry, ...]]]] = field(default_factory=dict)
    prefixes: dict[str, list[tuple[int, str, Entry]]] = field(default_factory=dict)
    tables: int = 0

    def add(
        self,
        exact: dict[str, tuple[Entry, ...]],
        prefixes: dict[str, tuple[PrefixEntry, ...]],
    ) -> int:
        slot = self.tables
        self.tables += 1
        for word, entries in exact.items():
            self.exact.setdefault(word, []).append((slot, entries))
        for key, prefix_entries in prefixes.items():
            for prefix, rule, pattern in prefix_entries:
                self.prefixes.setdefault(key, []).append((slot, prefix, (rule, pattern)))
        return slot


_SHARED = _Shared()


@dataclass(slots=True)
class WordIndex:
    """Where each word of an answer starts, and where each built-in table may match."""

    by_word: dict[str, list[int]]
    #: Per built-in table (by its number), where its patterns may start.
    routes: dict[int, list[Route]]
    #: How many built-in tables `routes` knows of: a table built after this index (only ever
    #: at import) is matched on its own rather than taken for one with no matches.
    tables: int
    _by_prefix: dict[str, list[str]] | None = None

    @classmethod
    def of(cls, text: str) -> WordIndex:
        by_word: dict[str, list[int]] = {}
        for match in _TOKEN.finditer(text):
            word = match.group()
            starts = by_word.get(word)
            if starts is None:
                by_word[word] = [match.start()]
            else:
                starts.append(match.start())
        routes: dict[int, list[Route]] = {}
        shared_exact, shared_prefixes = _SHARED.exact, _SHARED.prefixes
        for word, starts in by_word.items():
            for slot, entries in shared_exact.get(word, ()):
                routes.setdefault(slot, []).append((starts, entries))
            if len(word) >= _KEY:
                for slot, prefix, entry in shared_prefixes.get(word[:_KEY], ()):
                    if word.startswith(prefix):
                        routes.setdefault(slot, []).append((starts, (entry,)))
        return cls(by_word, routes, _SHARED.tables)

    @property
    def by_prefix(self) -> dict[str, list[str]]:
        """The words by their first three letters (for tables outside the shared index)."""
        if self._by_prefix is None:
            self._by_prefix = {}
            for word in self.by_word:
                if len(word) >= _KEY:
                    self._by_prefix.setdefault(word[:_KEY], []).append(word)
        return self._by_prefix


def _breaks(rest: str) -> bool:
    """Every way a pattern can go on after its first word starts with a non-word character."""
    if rest == "":
        return True
    if rest.startswith(_LOOKAROUND):
        end = group_end(rest)
        return end > 0 and _breaks(rest[end + 1 :])
    if rest.startswith("(?:"):
        end = group_end(rest)
        if end < 0:
            return False
        after = rest[end + 1 :]
        optional = after[:1] == "?"
        if optional:
            after = after[1:]
        elif after[:1] in ("*", "+", "{"):
            return False
        parts = [branch + after for branch in branches(rest[3:end])]
        return all(_breaks(p) for p in parts) and (not optional or _breaks(after))
    return _BREAK.match(rest) is not None


def _lead(source: str) -> tuple[str, bool] | None:
    """The literal first word of a pattern source, and whether it is the whole word."""
    match = _LEAD.match(source)
    word = match.group() if match else ""
    rest = source[len(word) :]
    if rest[:1] in ("?", "*", "{"):  # the last letter is optional
        word, complete = word[:-1], False
    else:
        complete = _breaks(rest)
    if not word or word.startswith("'"):
        return None
    if not complete and len(word) < _KEY:
        # Only masked mentions ("xx+") are filed under a short beginning: they are long.
        return ("xxx", False) if word == "xx" and rest.startswith("+") else None
    return word, complete


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _bounded(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches of `pattern` that do not start inside a word."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        start, end = match.span()
        if start > 0 and _is_word(text[start]) and _is_word(text[start - 1]):
            position = start + 1
            continue
        yield match
        position = end if end > start else start + 1


@dataclass(frozen=True, slots=True, eq=False)
class RuleSet:
    """Rules indexed by the first word of each pattern variant."""

    rules: tuple[Rule, ...]
    # Plain dicts, never mutated after `of`: lookups here are the hot path.
    exact: dict[str, tuple[Entry, ...]]
    prefixes: dict[str, tuple[PrefixEntry, ...]]
    anywhere: tuple[tuple[Rule, re.Pattern[str], frozenset[str] | None], ...]
    #: Every prefilter substring of `anywhere`.
    needles: frozenset[str] = frozenset()
    #: The table's number in the shared index, or -1 for a table on its own.
    slot: int = -1

    @classmethod
    def of(cls, *all_rules: Rule) -> RuleSet:
        """A built-in table, filed in the shared index: build these at import only."""
        return cls._build(all_rules, shared=True)

    @classmethod
    def standalone(cls, *all_rules: Rule) -> RuleSet:
        """A table built at run time (a shop's vocabulary), kept out of the shared index."""
        return cls._build(all_rules, shared=False)

    @classmethod
    def _build(cls, all_rules: tuple[Rule, ...], *, shared: bool) -> RuleSet:
        exact: dict[str, list[Entry]] = {}
        prefixes: dict[str, list[PrefixEntry]] = {}
        anywhere = []
        for rule in all_rules:
            for source, pattern in zip(rule.sources, rule.patterns, strict=True):
                lead = _lead(source)
                if lead is None:
                    anywhere.append((rule, pattern, needles(pattern)))
                elif lead[1]:
                    exact.setdefault(lead[0], []).append((rule, pattern))
                else:
                    prefixes.setdefault(lead[0][:_KEY], []).append((lead[0], rule, pattern))
        frozen_exact = {k: tuple(v) for k, v in exact.items()}
        frozen_prefixes = {k: tuple(v) for k, v in prefixes.items()}
        found = frozenset().union(*(f for _, _, f in anywhere if f))
        slot = _SHARED.add(frozen_exact, frozen_prefixes) if shared and all_rules else -1
        return cls(
            rules=tuple(all_rules),
            exact=frozen_exact,
            prefixes=frozen_prefixes,
            anywhere=tuple(anywhere),
            needles=found,
            slot=slot,
        )

    def matches(self, text: str, words: WordIndex) -> list[tuple[Rule, re.Match[str]]]:
        """Every match of every rule (in no set order), each tried where its first word stands.

        `words` must be the `WordIndex` of `text`.
        """
        found: list[tuple[Rule, re.Match[str]]] = []
        if not self.rules:
            return found
        shared = 0 <= self.slot < words.tables
        routes = words.routes.get(self.slot, ()) if shared else self._routes(words)
        for starts, entries in routes:
            for start in starts:
                for rule, pattern in entries:
                    if (match := pattern.match(text, start)) is not None:
                        found.append((rule, match))
        if self.anywhere:
            present = frozenset(filter(text.__contains__, self.needles))
            for rule, pattern, needed in self.anywhere:
                if needed is None or not needed.isdisjoint(present):
                    found.extend((rule, match) for match in _bounded(pattern, text))
        return found

    def _routes(self, words: WordIndex) -> list[Route]:
        by_word = words.by_word
        routes: list[Route] = [
            (by_word[word], self.exact[word]) for word in by_word.keys() & self.exact.keys()
        ]
        for key in words.by_prefix.keys() & self.prefixes.keys():
            for word in words.by_prefix[key]:
                for prefix, rule, pattern in self.prefixes[key]:
                    if word.startswith(prefix):
                        routes.append((by_word[word], ((rule, pattern),)))
        return routes


EMPTY = RuleSet((), {}, {}, ())
