"""Finding phrases fast: try each pattern only where the answer has its first word.

Python's regex engine has no multi-pattern search, and runs hundreds of phrase patterns over
every answer at every position. Instead each pattern variant is filed under its first literal
word (or the first three letters of it), the answer is cut into words once, and a pattern is
tried with `match` only where a word can start it. The few patterns without a literal first
word are searched in full, behind a substring prefilter (`_needles`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, islice
from operator import itemgetter
from typing import NamedTuple

from auditor._claims._needles import rarest_needles
from auditor._claims._rules import Rule, branches, group_end

_TOKEN_SPLIT = re.compile(r"([a-z0-9]+(?:'[a-z]+)*)")
_LEAD = re.compile(r"[a-z0-9']*")
_KEY = 3
_BEGINNING = itemgetter(slice(0, _KEY))
#: What may follow a whole first word: a blank, the end, or punctuation that is not optional.
_BREAK = re.compile(r"(?: |\\s(?![?*]|\{0)|\\W(?![?*]|\{0)|[-:,;/!.](?![?*]|\{0))")
_LOOKAROUND = ("(?!", "(?=")

Entry = tuple[Rule, re.Pattern[str]]
#: A pattern filed under the first three letters of its first word's known beginning.
PrefixEntry = tuple[str, Rule, re.Pattern[str]]
Match = tuple[Rule, re.Match[str]]
#: The variants filed under one word, and a pattern that matches where any of them does (None
#: when there is one variant).
Group = tuple[re.Pattern[str] | None, tuple[Entry, ...]]


class WordIndex(NamedTuple):
    """Where each word of an answer starts, and how its words begin.

    A named tuple rather than a dataclass: one is made per answer.
    """

    by_word: dict[str, tuple[int, ...]]
    #: The keys of `by_word`.
    word_set: frozenset[str]
    #: The first three letters of every word (shorter words whole), for the patterns filed
    #: under the beginning of a word.
    prefixes: frozenset[str]

    @classmethod
    def of(cls, text: str) -> WordIndex:
        # A split rather than `finditer`, and the loops left to `map`, `zip` and `dict`: a
        # word starts where the words and gaps before it end, and most answers say no word
        # twice.
        parts = _TOKEN_SPLIT.split(text)
        words = parts[1::2]
        by_word: dict[str, tuple[int, ...]] = dict(zip(words, zip(_starts(parts)), strict=False))
        if len(by_word) < len(words):  # a word said twice: gather its starts
            by_word = {}
            for word, start in zip(words, _starts(parts), strict=False):
                by_word[word] = (*by_word.get(word, ()), start)
        return cls(by_word, frozenset(by_word), frozenset(map(_BEGINNING, by_word)))


def _starts(parts: list[str]) -> Iterator[int]:
    """Where each word of a `_TOKEN_SPLIT` split starts (the words are at odd indexes), and
    then where the text ends."""
    return islice(accumulate(map(len, parts)), 0, None, 2)


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


def _bounded(pattern: re.Pattern[str], text: str, found: list[Match], rule: Rule) -> None:
    """Add the matches of `pattern` that do not start inside a word to `found`."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        start, end = match.span()
        if start > 0 and _is_word(text[start]) and _is_word(text[start - 1]):
            position = start + 1
            continue
        found.append((rule, match))
        position = end if end > start else start + 1


def _group(entries: list[Entry]) -> Group:
    """The variants filed under one word, with their alternation when there are several.

    Most places a word stands start none of its variants ("we have 50" starts none of the
    "we …" phrases): one failed match of the alternation rules them all out, where each
    variant's own `match` costs a call. An alternation matches at a place exactly where one of
    its branches does, so no match is lost.
    """
    if len(entries) == 1:
        return None, tuple(entries)
    return re.compile("|".join(pattern.pattern for _, pattern in entries)), tuple(entries)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Rules indexed by the first word of each pattern variant."""

    rules: tuple[Rule, ...]
    # Plain dicts, never mutated after `of`: lookups here are the hot path.
    exact: dict[str, Group]
    prefixes: dict[str, tuple[PrefixEntry, ...]]
    anywhere: tuple[tuple[Rule, re.Pattern[str], frozenset[str] | None], ...]
    #: Every prefilter substring of `anywhere`.
    needles: frozenset[str] = frozenset()
    #: Some pattern of `anywhere` has no prefilter and runs on every answer.
    unfiltered: bool = False
    #: The keys of `exact` and of `prefixes`, as sets: intersecting two sets is cheaper
    #: than intersecting a dictionary's keys.
    first_words: frozenset[str] = frozenset()
    beginnings: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *all_rules: Rule) -> RuleSet:
        exact: dict[str, list[Entry]] = {}
        prefixes: dict[str, list[PrefixEntry]] = {}
        anywhere = []
        for rule in all_rules:
            for source, pattern in zip(rule.sources, rule.patterns, strict=True):
                lead = _lead(source)
                if lead is None:
                    # Searched in full: even a one-letter prefilter ("@") beats a search.
                    anywhere.append((rule, pattern, rarest_needles(pattern)))
                elif lead[1]:
                    exact.setdefault(lead[0], []).append((rule, pattern))
                else:
                    prefixes.setdefault(lead[0][:_KEY], []).append((lead[0], rule, pattern))
        return cls(
            rules=tuple(all_rules),
            exact={k: _group(v) for k, v in exact.items()},
            prefixes={k: tuple(v) for k, v in prefixes.items()},
            anywhere=tuple(anywhere),
            needles=frozenset().union(*(found for _, _, found in anywhere if found)),
            unfiltered=any(found is None for _, _, found in anywhere),
            first_words=frozenset(exact),
            beginnings=frozenset(prefixes),
        )

    def matches(self, text: str, words: WordIndex) -> list[Match]:
        """Every match of every rule (in no set order), each tried where its first word stands.

        `words` must be the `WordIndex` of `text`. A list, not a generator: the callers take
        every match. Most answers match nothing of most tables, so what cannot match is ruled
        out here, before any further call.
        """
        found: list[Match] = []
        by_word = words.by_word
        exact = self.exact
        for word in self.first_words & words.word_set:
            gate, entries = exact[word]
            for start in by_word[word]:
                if gate is not None and gate.match(text, start) is None:
                    continue
                for rule, pattern in entries:
                    if (match := pattern.match(text, start)) is not None:
                        found.append((rule, match))
        if keys := self.beginnings & words.prefixes:
            self._by_prefix(text, by_word, keys, found)
        if self.anywhere and (self.unfiltered or any(map(text.__contains__, self.needles))):
            self._anywhere(text, found)
        return found

    def _by_prefix(
        self,
        text: str,
        by_word: dict[str, tuple[int, ...]],
        keys: frozenset[str],
        found: list[Match],
    ) -> None:
        for key in keys:
            for word in by_word:
                if not word.startswith(key):
                    continue
                for prefix, rule, pattern in self.prefixes[key]:
                    if not word.startswith(prefix):
                        continue
                    for start in by_word[word]:
                        if (match := pattern.match(text, start)) is not None:
                            found.append((rule, match))

    def _anywhere(self, text: str, found: list[Match]) -> None:
        # Each prefilter substring is looked for once, not once per pattern that needs it.
        present = frozenset(filter(text.__contains__, self.needles))
        for rule, pattern, needed in self.anywhere:
            if needed is None or not needed.isdisjoint(present):
                _bounded(pattern, text, found, rule)


EMPTY = RuleSet((), {}, {}, ())
