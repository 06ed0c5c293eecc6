"""Finding phrases fast: try each pattern only where the answer has its first word.

Python's regex engine has no multi-pattern search, and runs hundreds of phrase patterns over
every answer at every position. Instead each pattern variant is filed under its first literal
word (or the first three letters of it), the answer is cut into words once, and a pattern is
tried with `match` only where a word can start it. The few patterns without a literal first
word are searched in full, behind a substring prefilter (`_needles`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from itertools import accumulate, chain, islice
from operator import itemgetter
from typing import NamedTuple

from auditor._claims._compiled import compile_pattern, remembered
from auditor._claims._needles import fewest, rarest_needles
from auditor._claims._rules import Rule, branches, group_end

_TOKEN_SPLIT = compile_pattern(r"([a-z0-9]+(?:'[a-z]+)*)")
_LEAD = compile_pattern(r"[a-z0-9']*")
_KEY = 3
#: (sms9) A masked mention two letters long ("the 5l is in", "1m n 2m both out"): the patterns
#: that open on a mention ("xx+") are filed under "xxx" (`_lead`), which its beginning is not.
_SHORT_MASK = "xx"
_MASK_KEY = "xxx"
_MASK_KEYS = frozenset([_MASK_KEY])
_BEGINNING = itemgetter(slice(0, _KEY))
#: What may follow a whole first word: a blank, the end, or punctuation that is not optional.
_BREAK = compile_pattern(r"(?: |\\s(?![?*]|\{0)|\\W(?![?*]|\{0)|[-:,;/!.](?![?*]|\{0))")
_LOOKAROUND = ("(?!", "(?=")
#: What may follow a masked mention's run of "x" ("xx+" opening a pattern): anything that
#: cannot match an "x". A blank, an apostrophe or punctuation, never optional.
_NOT_X = compile_pattern(r"(?:[ ']|\\[sW(). -](?![?*]|\{0)|[-:,;/!.](?![?*]|\{0))(?![?*]|\{0)")
#: A pattern opening on a masked mention, as `_regex` writes it.
_MASKED_LEAD = "(?:xx+"

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
        prefixes = frozenset(map(_BEGINNING, by_word))
        if _SHORT_MASK in by_word:  # (sms9) a two-letter name masked ("1m", "5l", "xl")
            prefixes |= _MASK_KEYS
        return cls(by_word, frozenset(by_word), prefixes)


def _starts(parts: list[str]) -> Iterator[int]:
    """Where each word of a `_TOKEN_SPLIT` split starts (the words are at odd indexes), and
    then where the text ends."""
    return islice(accumulate(map(len, parts)), 0, None, 2)


def _breaks(rest: str, follow: re.Pattern[str] = _BREAK) -> bool:
    """Every way a pattern can go on after its first word starts with what `follow` matches
    (by default, a non-word character)."""
    if rest == "":
        return True
    if rest.startswith(_LOOKAROUND):
        end = group_end(rest)
        return end > 0 and _breaks(rest[end + 1 :], follow)
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
        return all(_breaks(p, follow) for p in parts) and (not optional or _breaks(after, follow))
    if follow.match(rest) is not None:
        return True
    return follow is _NOT_X and _never_x_first(rest)


#: One atom of a pattern's source: an escape, a character class, or one plain character; then
#: its quantifier, if any ("?", "*", "+", each maybe lazy or possessive).
_ATOM = compile_pattern(r"(\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|[^\\()|\[?*+{])([?*+]?[?+]?)")


#: Atoms that match no character: what follows them is what may be an "x".
_ZERO_WIDTH = frozenset({"^", "$", "\\b", "\\B", "\\A", "\\Z"})


def _never_x_first(rest: str) -> bool:
    """`rest` opens on an atom that can never be an "x" (a blank, a class of dashes), and if
    that atom may be absent ("\\s*", "[:-]?"), on what follows it no "x" can begin either.

    The atom is tested by the regex engine itself (`re.fullmatch(atom, "x")`), so a class,
    a range or an escape is judged as it runs: "[a-z]" and "\\w" may be an "x" and fail.
    """
    atom = _ATOM.match(rest)
    if atom is None or atom.group(1) in _ZERO_WIDTH or rest[atom.end() : atom.end() + 1] == "{":
        return False
    try:
        if re.fullmatch(atom.group(1), "x") is not None:
            return False
    except re.error:
        return False
    if atom.group(2)[:1] in ("?", "*"):  # may be absent: what follows must not be an "x"
        return _breaks(rest[atom.end() :], _NOT_X)
    return True


def _whole_runs(source: str, regex: str) -> str:
    """`regex`, with the run of "x" it opens on (a masked mention) matched whole when nothing
    that may follow it can match an "x".

    The same matches, found without backtracking: a run cut short leaves an "x" next, which
    such a pattern cannot go on with, so only the whole run ever matched, but the engine
    tried every shorter one first, each against every branch after it (20 µs a masked
    mention for the "… back in stock soon" pattern, which every answer naming an item ran).
    """
    if source.startswith("xx+") and regex.startswith(_MASKED_LEAD) and _breaks(source[3:], _NOT_X):
        return "(?:xx++" + regex[len(_MASKED_LEAD) :]
    return regex


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


def _filed(variants: list[tuple[str, str]]) -> list[tuple[str | None, bool, str | None]]:
    """Where each variant (source, regex) is filed: its first word (None: searched in full),
    whether that word is whole, and the regex it runs as under a word's beginning when that
    is not its own (`_whole_runs`). Remembered across runs for the whole table
    (`_compiled.remembered`): reading every variant's opening was a fifth of the reader's
    import."""

    def work() -> list[tuple[str | None, bool, str | None]]:
        found: list[tuple[str | None, bool, str | None]] = []
        for source, regex in variants:
            lead = _lead(source)
            if lead is None:
                found.append((None, False, None))
            elif lead[1]:
                found.append((lead[0], True, None))
            else:
                runs = _whole_runs(source, regex)
                found.append((lead[0], False, None if runs == regex else runs))
        return found

    key = hashlib.sha256("\0".join(chain.from_iterable(variants)).encode()).hexdigest()
    return remembered("filed", key, work)


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


def _group(entries: Sequence[tuple[Rule, str]]) -> Group:
    """The variants filed under one word, compiled, with their alternation when there are
    several.

    Most places a word stands start none of its variants ("we have 50" starts none of the
    "we …" phrases): one failed match of the alternation rules them all out, where each
    variant's own `match` costs a call. An alternation matches at a place exactly where one of
    its branches does, so no match is lost.
    """
    compiled_entries = tuple((rule, compile_pattern(regex)) for rule, regex in entries)
    if len(entries) == 1:
        return None, compiled_entries
    return compile_pattern("|".join(regex for _, regex in entries)), compiled_entries


class RuleSet:
    """Rules indexed by the first word of each pattern variant.

    The variants filed under a word are compiled the first time an answer says the word (and
    the searched-in-full ones on the first search): most words of a table's ~100 never come
    up in an audit, and compiling every pattern at import took about a second of every start.
    """

    __slots__ = (
        "_anywhere_regexes",
        "_exact_regexes",
        "_prefix_regexes",
        "anywhere",
        "beginnings",
        "exact",
        "first_words",
        "gate",
        "needles",
        "prefixes",
        "rules",
        "unfiltered",
    )

    def __init__(
        self,
        rules: tuple[Rule, ...],
        exact: Mapping[str, Sequence[tuple[Rule, str]]],
        prefixes: Mapping[str, Sequence[tuple[str, Rule, str]]],
        anywhere: Sequence[tuple[Rule, str]],
    ) -> None:
        self.rules = rules
        self._exact_regexes = {k: tuple(v) for k, v in exact.items()}
        self._prefix_regexes = {k: tuple(v) for k, v in prefixes.items()}
        self._anywhere_regexes = tuple(anywhere)
        #: The compiled groups, filled in as words come up; plain dicts (the hot path).
        self.exact: dict[str, Group] = {}
        self.prefixes: dict[str, tuple[PrefixEntry, ...]] = {}
        #: The keys of the exact and prefix tables, as sets: intersecting two sets is cheaper
        #: than intersecting a dictionary's keys.
        self.first_words = frozenset(self._exact_regexes)
        self.beginnings = frozenset(self._prefix_regexes)
        #: The variants searched in full, their prefilter substrings (every one of them), and
        #: whether one has none and runs on every answer: None until the first search.
        self.anywhere: tuple[tuple[Rule, re.Pattern[str], frozenset[str] | None], ...] | None
        self.anywhere = None if self._anywhere_regexes else ()
        self.needles: frozenset[str] = frozenset()
        #: The needles that hold none of the others, as one pattern: an answer holds one of
        #: `needles` exactly when it holds one of these ("refund" is found with "refunded");
        #: one search finds any of them faster than a substring test each.
        self.gate: re.Pattern[str] | None = None
        self.unfiltered = False

    @classmethod
    def of(cls, *all_rules: Rule) -> RuleSet:
        exact: dict[str, list[tuple[Rule, str]]] = {}
        prefixes: dict[str, list[tuple[str, Rule, str]]] = {}
        anywhere: list[tuple[Rule, str]] = []
        variants = [
            (rule, source, regex)
            for rule in all_rules
            for source, regex in zip(rule.sources, rule.regexes, strict=True)
        ]
        for (rule, _, regex), (word, complete, runs) in zip(
            variants, _filed([(source, regex) for _, source, regex in variants]), strict=True
        ):
            if word is None:
                anywhere.append((rule, regex))
            elif complete:
                exact.setdefault(word, []).append((rule, regex))
            else:
                prefixes.setdefault(word[:_KEY], []).append((word, rule, runs or regex))
        return cls(tuple(all_rules), exact, prefixes, anywhere)

    def _exact_group(self, word: str) -> Group:
        group = self.exact[word] = _group(self._exact_regexes[word])
        return group

    def _prefix_entries(self, key: str) -> tuple[PrefixEntry, ...]:
        entries = self.prefixes[key] = tuple(
            (prefix, rule, compile_pattern(regex))
            for prefix, rule, regex in self._prefix_regexes[key]
        )
        return entries

    def _compile_anywhere(
        self,
    ) -> tuple[tuple[Rule, re.Pattern[str], frozenset[str] | None], ...]:
        # Searched in full: even a one-letter prefilter ("@") beats a search.
        anywhere = tuple(
            (rule, pattern, rarest_needles(pattern))
            for rule, pattern in (
                (r, compile_pattern(regex)) for r, regex in self._anywhere_regexes
            )
        )
        self.needles = frozenset().union(*(found for _, _, found in anywhere if found))
        if self.needles:
            self.gate = compile_pattern("|".join(map(re.escape, fewest(self.needles))))
        self.unfiltered = any(found is None for _, _, found in anywhere)
        self.anywhere = anywhere
        return anywhere

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
            group = exact.get(word)
            gate, entries = group if group is not None else self._exact_group(word)
            for start in by_word[word]:
                if gate is not None and gate.match(text, start) is None:
                    continue
                for rule, pattern in entries:
                    if (match := pattern.match(text, start)) is not None:
                        found.append((rule, match))
        if keys := self.beginnings & words.prefixes:
            self._by_prefix(text, by_word, keys, found)
        anywhere = self.anywhere
        if anywhere is None:
            anywhere = self._compile_anywhere()
        if anywhere and (
            self.unfiltered or (self.gate is not None and self.gate.search(text) is not None)
        ):
            self._anywhere(text, anywhere, found)
        return found

    def _by_prefix(
        self,
        text: str,
        by_word: dict[str, tuple[int, ...]],
        keys: frozenset[str],
        found: list[Match],
    ) -> None:
        # One pass over the words, each looked up by its beginning: a word starts with a key
        # (three letters) exactly when its first three letters are that key.
        prefixes = self.prefixes
        for word, starts in by_word.items():
            probe = word if word != _SHORT_MASK else _MASK_KEY
            key = probe[:_KEY]
            if key not in keys:
                continue
            entries = prefixes.get(key)
            if entries is None:
                entries = self._prefix_entries(key)
            for prefix, rule, pattern in entries:
                if not probe.startswith(prefix):
                    continue
                for start in starts:
                    if (match := pattern.match(text, start)) is not None:
                        found.append((rule, match))

    def _anywhere(
        self,
        text: str,
        anywhere: tuple[tuple[Rule, re.Pattern[str], frozenset[str] | None], ...],
        found: list[Match],
    ) -> None:
        # Each prefilter substring is looked for once, not once per pattern that needs it.
        present = frozenset(filter(text.__contains__, self.needles))
        for rule, pattern, needed in anywhere:
            if needed is None or not needed.isdisjoint(present):
                _bounded(pattern, text, found, rule)


EMPTY = RuleSet((), {}, {}, ())
