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

from auditor._claims._needles import needles
from auditor._claims._rules import Rule, branches, group_end

_TOKEN_SPLIT = re.compile(r"([a-z0-9]+(?:'[a-z]+)*)")
_LEAD = re.compile(r"[a-z0-9']*")
_KEY = 3
#: What may follow a whole first word: a blank, the end, or punctuation that is not optional.
_BREAK = re.compile(r"(?: |\\s(?![?*]|\{0)|\\W(?![?*]|\{0)|[-:,;/!.](?![?*]|\{0))")
_LOOKAROUND = ("(?!", "(?=")

Entry = tuple[Rule, re.Pattern[str]]
#: A pattern filed under the first three letters of its first word's known beginning.
PrefixEntry = tuple[str, Rule, re.Pattern[str]]
Match = tuple[Rule, re.Match[str]]


@dataclass(frozen=True, slots=True)
class WordIndex:
    """Where each word of an answer starts, by the word and by its first three letters."""

    by_word: dict[str, list[int]]
    by_prefix: dict[str, list[str]]

    @classmethod
    def of(cls, text: str) -> WordIndex:
        # A split rather than `finditer`: the running lengths of the words and the text
        # between them give every start, without a match object per word.
        parts = _TOKEN_SPLIT.split(text)
        starts = islice(accumulate(map(len, parts)), 0, None, 2)  # one more: the text's end
        by_word: dict[str, list[int]] = {}
        for word, start in zip(parts[1::2], starts, strict=False):
            known = by_word.get(word)
            if known is None:
                by_word[word] = [start]
            else:
                known.append(start)
        by_prefix: dict[str, list[str]] = {}
        for word in by_word:
            if len(word) >= _KEY:
                by_prefix.setdefault(word[:_KEY], []).append(word)
        return cls(by_word, by_prefix)


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


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Rules indexed by the first word of each pattern variant."""

    rules: tuple[Rule, ...]
    # Plain dicts, never mutated after `of`: lookups here are the hot path.
    exact: dict[str, tuple[Entry, ...]]
    prefixes: dict[str, tuple[PrefixEntry, ...]]
    anywhere: tuple[tuple[Rule, re.Pattern[str], frozenset[str] | None], ...]
    #: Every prefilter substring of `anywhere`.
    needles: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *all_rules: Rule) -> RuleSet:
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
        return cls(
            rules=tuple(all_rules),
            exact={k: tuple(v) for k, v in exact.items()},
            prefixes={k: tuple(v) for k, v in prefixes.items()},
            anywhere=tuple(anywhere),
            needles=frozenset().union(*(found for _, _, found in anywhere if found)),
        )

    def matches(self, text: str, words: WordIndex) -> list[Match]:
        """Every match of every rule (in no set order), each tried where its first word stands.

        `words` must be the `WordIndex` of `text`. A list, not a generator: the callers take
        every match, and the generators' own cost showed in the profile.
        """
        found: list[Match] = []
        self._by_word(text, words, found)
        self._by_prefix(text, words, found)
        if self.anywhere:
            self._anywhere(text, found)
        return found

    def _by_word(self, text: str, words: WordIndex, found: list[Match]) -> None:
        by_word = words.by_word
        for word in by_word.keys() & self.exact.keys():
            for start in by_word[word]:
                for rule, pattern in self.exact[word]:
                    if (match := pattern.match(text, start)) is not None:
                        found.append((rule, match))

    def _by_prefix(self, text: str, words: WordIndex, found: list[Match]) -> None:
        for key in words.by_prefix.keys() & self.prefixes.keys():
            for word in words.by_prefix[key]:
                for prefix, rule, pattern in self.prefixes[key]:
                    if not word.startswith(prefix):
                        continue
                    for start in words.by_word[word]:
                        if (match := pattern.match(text, start)) is not None:
                            found.append((rule, match))

    def _anywhere(self, text: str, found: list[Match]) -> None:
        # Each prefilter substring is looked for once, not once per pattern that needs it.
        present = frozenset(filter(text.__contains__, self.needles))
        for rule, pattern, needed in self.anywhere:
            if needed is None or not needed.isdisjoint(present):
                found.extend((rule, match) for match in _bounded(pattern, text))


EMPTY = RuleSet((), {}, {}, ())
