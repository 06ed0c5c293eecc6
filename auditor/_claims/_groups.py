"""A group of items named by the word their names share: "both torches", "none of our coffee
makers", "each of our blenders", "neither of the drills".

A claim said of such a group is about each member, not only the item whose name the plural
happens to match ("torches" names the Torch, yet "both torches" is the Torch and the Torch
Headband). The members are the catalogue's items whose names hold the group's noun (in the
singular) and every name word said before it ("electric kettles": the Electric Kettle and the
Electric Kettle Glass, not the Tea Kettle); a group of fewer than two items, or of a word no
name holds, is no group. A terse state right after the group ("neither of the drills is in at
the mo", "both torches are out") is read here too, since its subject is no masked name the
terse rules of `_availability` open on. Chat writes groups the same way, by a word the names
share that may be no noun of English ("both ssds in stock", "neither hdmi cable in atm": after
"neither" the noun is singular, and a name word is taken as it is written when its singular is
none).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from auditor._claims._compiled import compile_pattern
from auditor._claims._document import Document
from auditor._claims._model import Claim, ClaimKind
from auditor._claims._subjects import SubjectType

#: The words that open a group (checked against the answer's words before any pattern runs).
GROUP_WORDS = frozenset(["both", "all", "each", "none", "neither", "every"])
_NEGATIVE = frozenset(["none", "neither"])
_PAIR = frozenset(["both", "neither"])
#: A quantifier, its "of" and determiner, and up to three words ending on a plural.
_GROUP = compile_pattern(
    r"\b(both|all|each|every one|none|neither)(?: of)?(?: (?:the|our|these|those|your))?"
    r"((?: [a-z][\w-]*){0,2}? [a-z][\w-]*s)\b"
    # "Neither" also takes a singular noun: "neither hdmi cable in atm".
    r"|\b(neither)(?: (?:the|our|your))?((?: [a-z][\w-]*){1,2}?)\b"
)
#: A terse state right after the group: "… are in", "… is out at the mo".
_TERSE_AFTER = compile_pattern(
    r"\s+(?:is|are|'re|r)\s+(?:both |all )?(?:currently |still )?(in|out)"
    r"(?=\s*(?:[,.;!)\u2013\u2014]|$|now\b|at the moment|at the mo\b|at the minute|right now"
    r"|rn\b|atm\b|at present|i'm afraid|sorry))"
)
_TERSE_IN = compile_pattern(r"\bin$")
#: More than this many items is the catalogue, not a group ("all our products").
_MOST = 6


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1]


def members(parts: Mapping[str, frozenset[str]], phrase: str) -> tuple[str, ...]:
    """The items a plural phrase ("coffee makers", "drills") names together, sorted; empty
    when it names fewer than two or more than `_MOST`. `parts` maps a name word to the items
    whose names hold it (`ItemIndex.parts`): no name is read again per answer."""
    words = phrase.split()
    found = parts.get(_singular(words[-1])) or parts.get(words[-1])
    if found is None or len(found) < 2:
        return ()
    # The name words said before the noun narrow the group; other words ("usual") do not.
    for word in words[:-1]:
        narrower = parts.get(word)
        if narrower is not None and not found.isdisjoint(narrower):
            found = found & narrower
    return tuple(sorted(found)) if 2 <= len(found) <= _MOST else ()


def over_the_group(doc: Document, claims: list[Claim]) -> list[Claim]:
    """`claims` with each claim said of a group given to every member of it."""
    if GROUP_WORDS.isdisjoint(doc.words.word_set):
        return claims
    parts = doc.context.index.parts
    if not parts:
        return claims
    text = doc.norm  # (a name masked in `masked` may be the group's: "electric kettles")
    out = list(claims)
    changed = False
    by_word = doc.words.by_word
    starts = sorted(at for word in GROUP_WORDS.intersection(by_word) for at in by_word[word])
    for at in starts:
        match = _GROUP.match(text, at)
        if match is None:
            continue
        word = match.group(1) or match.group(3)
        group = members(parts, match.group(2) or match.group(4))
        if not group or (word in _PAIR and len(group) != 2):
            continue  # ("both kettles" of three kettles: which two is not said)
        sentence = doc.sentence_at(match.start())
        others = [
            m.start
            for m in doc.mentions
            if m.type is SubjectType.ITEM and m.subject not in group and m.start >= match.end()
        ]
        limit = min([sentence.end, *others])
        said = [
            c
            for c in out
            if c.kind is ClaimKind.AVAILABILITY
            and match.start() <= c.span[0] < limit
            and (c.subject is None or c.subject in group)
        ]
        if not said:
            terse = _TERSE_AFTER.match(text, match.end())
            negative = word in _NEGATIVE
            if terse is None or (terse.group(1) == "out" and negative):
                continue
            value = "out_of_stock" if negative or terse.group(1) == "out" else "in_stock"
            said = [Claim(ClaimKind.AVAILABILITY, value, (match.start(), terse.end()))]
        kept = [c for c in out if c not in said]
        if word in _NEGATIVE:  # "neither of the X is in": the terse "is in" denied
            said = [
                replace(c, value="out_of_stock")
                if c.value == "in_stock" and _TERSE_IN.search(text, c.span[0], c.span[1])
                else c
                for c in said
            ]
        have = {(c.value, c.subject) for c in kept}
        for claim in said:
            for sku in group:
                if (claim.value, sku) not in have:
                    have.add((claim.value, sku))
                    kept.append(replace(claim, subject=sku))
        out = kept
        changed = True
    return sorted(out, key=lambda c: c.span) if changed else claims
