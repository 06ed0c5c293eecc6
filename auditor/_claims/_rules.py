"""Phrase rules: the patterns of a phrase and the value it asserts, plain or negated.

Rules are data. Each claim family keeps a table of them; a shop's `Vocabulary` adds more of the
same shape. Patterns run over the normalised, masked answer (lower case), so they are written
in lower case with single spaces standing for any run of blanks. Each alternative is spelt out
into variants that start with a literal word, so that `_dispatch` can try a pattern only where
an answer has its first word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise

from auditor._claims._compiled import compile_pattern, remembered
from auditor._claims._subjects import SubjectType
from auditor._claims._text import normalise


@dataclass(frozen=True, slots=True)
class Rule:
    #: Regex sources of the variants (single spaces for blanks), as written.
    sources: tuple[str, ...]
    #: The regex each variant runs as, one per source; compiled on first use
    #: (`_compiled.compile_pattern`, once per process).
    regexes: tuple[str, ...]
    #: The value asserted; `None` makes a blocker that only hides the phrases it contains.
    value: str | None
    #: The value asserted when the phrase is negated ("not in stock"); `None` drops it.
    negated: str | None = None
    #: The value when negated with "yet" in the clause ("hasn't been issued yet").
    negated_yet: str | None = None
    #: False when the phrase carries its own negation ("we don't carry"), so none is sought.
    negation: bool = True
    #: A shop phrase's placeholders, in order: the subject types each may stand for. Group
    #: `i + 1` of a match is where placeholder `i` stands; the first names the claim's subject.
    placeholders: tuple[frozenset[SubjectType], ...] = ()


_MAX_EXPANSION = 64
_NEGATED_PHRASE = compile_pattern(r"\b(?:no|not|never|none|nothing|cannot|nobody)\b|n't\b")


#: What the group scanners look at: an escape with its character, a bracket or a bar. Found by
#: the regex engine, so a rule's source is not walked character by character in Python (that
#: walk was a third of the reader's import).
_SYNTAX = compile_pattern(r"\\.|[()\[\]|]", re.DOTALL)


def _scan_groups(text: str) -> list[int]:
    """Positions of top-level "|" in `text` (regex source), skipping escapes and groups."""
    bars, depth = [], 0
    for match in _SYNTAX.finditer(text):
        char = match.group()
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            bars.append(match.start())
    return bars


def branches(text: str) -> list[str]:
    cuts = [-1, *_scan_groups(text), len(text)]
    return [text[a + 1 : b] for a, b in pairwise(cuts)]


def group_end(text: str) -> int:
    """Index of the ")" closing the group that opens `text`, or -1."""
    depth = 0
    for match in _SYNTAX.finditer(text):
        char = match.group()
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return match.start()
    return -1


def _expand_one(alternative: str) -> list[str]:
    if not alternative.startswith("(?:"):
        return [alternative]
    end = group_end(alternative)
    if end < 0:
        return [alternative]
    inner, rest = alternative[3:end], alternative[end + 1 :]
    optional = rest.startswith("?")
    if optional:
        rest = rest[1:]
    elif rest[:1] in ("*", "+", "{"):
        return [alternative]
    variants = [branch + rest for branch in branches(inner)] + ([rest] if optional else [])
    return [v for variant in variants for v in _capped(_expand_one(variant), variant)]


def _capped(expanded: list[str], alternative: str) -> list[str]:
    """`expanded`, or the alternative whole when it would multiply too far."""
    return expanded if len(expanded) <= _MAX_EXPANSION else [alternative]


def expand(alternative: str) -> list[str]:
    """Spell out top-level "a|b" and a leading "(?:a|b)" or "(?:a )?" group.

    The variants together match exactly what the alternative matches, and most start with a
    literal word. An alternative that would multiply too far stays whole.

    Only the alternative itself is searched for top-level bars: a variant is a branch of a
    group (which has none at its own top level) followed by what came after the group (at
    the alternative's top level, so none either), and searching it again, once per branch,
    was most of the reader's import (the rest of a rule rescanned for every word before it).
    """
    return _capped([v for b in branches(alternative) for v in _expand_one(b)], alternative)


def _variants(alternative: str) -> list[str]:
    """`expand(alternative)`, remembered across runs: spelling out every rule's variants was
    a quarter of the reader's import."""
    return remembered("variants", alternative, lambda: expand(alternative))


def _regex(source: str) -> str:
    # A blank is one or more blanks, and an optional blank (" ?") none or more: turned into
    # "\s+?" it would still need one ("can't find ?order" never matched "find order").
    return "(?:" + source.replace(" ?", r"\s*").replace(" ", r"\s+") + r")(?!\w)"


def rules(
    value: str | None,
    *alternatives: str,
    negated: str | None = None,
    negated_yet: str | None = None,
    negation: bool = True,
) -> Rule:
    sources = tuple(dict.fromkeys(v for a in alternatives for v in _variants(a) if v.strip()))
    return Rule(sources, tuple(map(_regex, sources)), value, negated, negated_yet, negation)


#: `{item}` or `{id}` in a shop phrase: a subject the answer names, masked or not.
PLACEHOLDER = compile_pattern(r"\{([^{}]*)\}")
#: What a placeholder matches: a masked mention (a run of "x") or a word that names an item on
#: its own ("the kettle"), with an id in brackets after a name ("Blue Kettle (KT-1042)"). Which
#: mention it is, and whether it may stand there, is checked per match (`_scan`).
_SUBJECT = r"(?<![^\W_])([^\W_]+(?:\s*\(x+\))?)"


def phrase_parts(phrase: str) -> list[tuple[str, bool]]:
    """`phrase` cut into literal text and placeholder names (flagged True), in order."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for match in PLACEHOLDER.finditer(phrase):
        if match.start() > position:
            parts.append((phrase[position : match.start()], False))
        parts.append((match.group(1), True))
        position = match.end()
    if position < len(phrase):
        parts.append((phrase[position:], False))
    return parts


def _literal(text: str) -> str:
    """A literal stretch of a phrase: its blanks stand for any run of blanks, at its ends too."""
    words = normalise(text).split()
    source = r"\s+".join(re.escape(w) for w in words)
    if not words:
        return r"\s+" if text else ""
    lead = r"\s+" if text[:1].isspace() else ""
    tail = r"\s+" if text[-1:].isspace() else ""
    return lead + source + tail


def phrase_rule(
    phrase: str,
    value: str,
    negated: str | None,
    placeholders: Mapping[str, frozenset[SubjectType]] | None = None,
) -> Rule:
    """A literal phrase from a shop's vocabulary, matched like the built-in ones.

    `placeholders` gives the subject types each placeholder name may stand for; the phrase
    has been checked already (`_vocabulary`), so an unknown name here is a bug.
    """
    parts = phrase_parts(phrase.strip())
    literal = " ".join(normalise(text) for text, is_name in parts if not is_name)
    words = literal.split()
    if not words:
        raise ValueError("a vocabulary phrase must not be blank")
    types = tuple((placeholders or {})[name] for name, is_name in parts if is_name)
    source = "".join(_SUBJECT if is_name else _literal(text) for text, is_name in parts)
    # A phrase that carries its own negation ("no clue", "not in stock") is taken as it is.
    negation = _NEGATED_PHRASE.search(" ".join(words)) is None
    last, is_name = parts[-1]
    word_end = is_name or last.rstrip()[-1:].isalnum()
    regex = source + (r"(?!\w)" if word_end else "")
    return Rule((source,), (regex,), value, negated, negation=negation, placeholders=types)
