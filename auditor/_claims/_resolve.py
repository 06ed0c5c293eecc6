"""Which subject a claim is about, and turning hits into claims.

The rule, in order: a subject named inside the phrase; the one the phrase runs into ("plenty
of the ordinary kettle", "2 units of the toaster"); the nearest one before it in its sentence
(not one set aside, "not the Max"); the first one after it in its clause; the nearest one
earlier in the answer; the only one the answer names (a field list may give the id last). A
coordinated group ("the kettle and the toaster are in stock") gives one claim per member, unless
a singular verb follows the last ("… and the toaster's sold out").

Per-subject scope: a clause that says nothing but names and the words of ellipsis ("and so is
the toaster", "the toaster too", "same for the toaster", "but the toaster is(n't)") takes the
claim before it (`carry_over`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from auditor._claims._compiled import compile_pattern
from auditor._claims._document import Document
from auditor._claims._markdown import Layout
from auditor._claims._model import Claim, ClaimKind, ClaimValue
from auditor._claims._scan import Hit, silent
from auditor._claims._subjects import KIND_SUBJECTS, Mention, SubjectType
from auditor._claims._text import Clause

_CONNECTOR = compile_pattern(
    r"(?:\s|,|&|/|\+|\band\b|\bn\b|\bor\b|\bnor\b|\bplus\b|\bas well as\b|\bthe\b"
    r"|\bboth\b|\bneither\b|\beither\b)*"
)
_OWN_VERB = compile_pattern(r"(?:'s|'re|\s+(?:is|are|was|were|has|have)\b)")
_ALTERNATIVE = compile_pattern(r"\b(?:or|nor)\b")
#: Every ASCII character `_CONNECTOR` can match: most gaps hold another ("kettle (KT-1)")
#: and are settled without the regex.
_CONNECTOR_CHARS = frozenset(
    [chr(code) for code in range(128) if chr(code).isspace()]
    + list(",&/+andorplusaswellthebothneithernor")
)


#: A verb in the singular right after a name: the name alone is its subject.
_SINGULAR_VERB = compile_pattern(r"(?:'s|\s+(?:is|was|has)\b)")
#: Between a phrase and the name it is said of: "plenty of the Speaker S20", "sold out of the
#: Mini", "2 units of the Rice Cooker", "10% off the regular kettle" (one describing word).
_ATTACHED = compile_pattern(
    r"\s+(?:of|off|on|for|to)\s+(?:(?:both|all|each|either|neither)\s+(?:of\s+)?)?"
    r"(?:(?:the|our|your|a|an|those|these)\s+)?(?:[a-z]+\s+)?"
)


_NOT_THE = compile_pattern(r"\bnot\s+(?:the\s+)?$")


def _set_aside(text: str, mention: Mention) -> bool:
    """ "the Juicer X90 — not the Max — is down to the last one": a name said to be not the
    one meant is no subject of what follows."""
    return _NOT_THE.search(text, max(0, mention.start - 12), mention.start) is not None


def connects(gap: str) -> bool:
    """Nothing but blanks, punctuation and words that join a list between two mentions."""
    if not gap.strip():
        return False
    if gap.isascii() and not _CONNECTOR_CHARS.issuperset(gap):
        return False
    return _CONNECTOR.fullmatch(gap) is not None


def _group(
    doc: Document, types: frozenset[SubjectType], chosen: Mention, candidates: list[Mention]
) -> tuple[str, ...]:
    """`chosen` and the mentions coordinated with it just before it, among `candidates` (the
    mentions of `types`); worked out once per answer, as several phrases share a subject."""
    key = ("group", types, chosen.start)
    cached = doc.memo.get(key)
    if isinstance(cached, tuple):
        return cached
    members = [chosen]
    index = candidates.index(chosen)
    # "… of the 18cm and the 20cm's out of stock": a verb in the singular has one subject
    # ("neither X nor Y is" and "X or Y is" excepted).
    singular = _SINGULAR_VERB.match(doc.masked, chosen.end) is not None
    while index > 0:
        previous = candidates[index - 1]
        gap = doc.masked[previous.end : members[0].start]
        if not connects(gap) or (singular and not _ALTERNATIVE.search(gap)):
            break
        members.insert(0, previous)
        index -= 1
    group = tuple(dict.fromkeys(m.subject for m in members))
    doc.memo[key] = group
    return group


def _group_after(doc: Document, first: Mention, candidates: list[Mention]) -> tuple[str, ...]:
    """`first` and the mentions coordinated with it after it: "sold out of both the mat and
    the clock"."""
    members = [first]
    for mention in candidates[candidates.index(first) + 1 :]:
        if not connects(doc.masked[members[-1].end : mention.start]):
            break
        if _OWN_VERB.match(doc.masked, mention.end):
            break  # "30 of the mat and the clock's sold out": the clock has a verb of its own
        members.append(mention)
    return tuple(dict.fromkeys(m.subject for m in members))


def _resolve_tier(
    doc: Document, types: frozenset[SubjectType], start: int, end: int
) -> tuple[str, ...]:
    candidates = [m for m in doc.mentions if m.type in types]
    if not candidates:
        return ()
    for mention in candidates:
        if start <= mention.start and mention.end <= end:
            # "X n Y both out": the name inside the phrase, and those coordinated before it.
            if mention is candidates[0] or start < mention.start:
                return (mention.subject,)
            return _group(doc, types, mention, candidates)
    clause = doc.clause_at(start)
    attached = next((m for m in candidates if end <= m.start), None)
    if (
        attached is not None
        and attached.start < clause.end
        and _ATTACHED.fullmatch(doc.masked, end, attached.start)
    ):
        return _group_after(doc, attached, candidates)
    sentence = doc.sentence_at(start)
    before = [
        m
        for m in candidates
        if sentence.start <= m.start and m.end <= start and not _set_aside(doc.masked, m)
    ]
    if before:
        return _group(doc, types, before[-1], candidates)
    described = _described(doc, types, sentence.start, start, candidates)
    if described is not None:
        return described
    # A label's subject may stand in its value: "In stock: Blue Kettle".
    value = doc.value_of(clause)
    stop = clause.end if value is None else value.end
    after = [m for m in candidates if end <= m.start and m.end <= stop]
    if after:
        # "**In stock:** Yoga Mat, Wall Clock": a label's value may list several, and so may a
        # verb's object right after it ("I've cancelled ORD-1 and ORD-2").
        if value is None and doc.masked[end : after[0].start].strip():
            return (after[0].subject,)
        return _group_after(doc, after[0], candidates)
    earlier = [m for m in candidates if m.end <= sentence.start]
    if doc.layout is not None and doc.layout.items:
        earlier = _outside_other_items(doc.layout, start, earlier)
    if earlier:
        return _group(doc, types, earlier[-1], candidates)
    named = {m.subject for m in candidates}
    return (named.pop(),) if len(named) == 1 else ()


#: (markdown9) A sentence whose subject is a description, not a name: "The original is ready to
#: ship", "If the large one matters most", "- The bookends are fine", "The Deluxe is available".
_DESCRIPTION = compile_pattern(
    r"[^\w]*(?:(?:and|but|so|if|while|though|although|as for|whereas)\s+)?the\s+"
    r"(?P<words>(?:[a-z][\w-]*\s+){0,2}?)(?P<head>[a-z][\w-]*)\b(?!\s+(?:of|to|in)\b)"
)
#: Words that describe the plainest of look-alikes: "the original", "the standard one".
_PLAIN = frozenset(["original", "standard", "regular", "plain", "basic", "base", "ordinary"])
_ONE = frozenset(["one", "ones", "version", "model", "edition"])


def _described(
    doc: Document,
    types: frozenset[SubjectType],
    since: int,
    start: int,
    candidates: list[Mention],
) -> tuple[str, ...] | None:
    """The item a sentence's opening description picks among the items the answer names: the
    one whose name holds its word ("the large one" of a Pot Large and a Pot Small, "the
    bookends" of a Bookend Pair); of look-alikes, "the original" is the name the others
    extend. A capitalised word that no name holds ("The Deluxe") is an item the shop does not
    know: no subject. None when the sentence opens on no description, or it picks nothing."""
    if SubjectType.ITEM not in types:
        return None
    match = _DESCRIPTION.match(doc.masked, since, start)
    if match is None or match.end() > start:
        return None
    words = [*match["words"].split(), match["head"]]
    if words[-1] in _ONE:
        words.pop()
    if not words or any(w.startswith("x") and set(w) == {"x"} for w in words):
        return None
    items = {m.subject: doc.context.items.get(m.subject, "") for m in candidates}
    if any(w in _PLAIN for w in words):
        names = [n.lower() for n in items.values()]
        plain = [
            s
            for s, n in items.items()
            if n and any(o != n.lower() and o.startswith(n.lower() + " ") for o in names)
        ]
        return (plain[0],) if len(plain) == 1 else None
    held = [
        s
        for s, name in items.items()
        if any(
            w in _NAME_WORDS.findall(name.lower())
            or w.rstrip("s") in _NAME_WORDS.findall(name.lower())
            for w in words
        )
    ]
    if len(held) == 1:
        return (held[0],)
    head = match.start("head")
    if not held and len(words) == 1 and doc.text[head : head + 1].isupper():
        return ()  # no subject: no later rule may give it one
    return None


_NAME_WORDS = compile_pattern(r"[a-z0-9][\w-]*")


def _outside_other_items(layout: Layout, start: int, mentions: list[Mention]) -> list[Mention]:
    """`mentions` not inside a list item other than the one holding `start` (or its parents):
    a bullet's claim is not about the item the bullet before it names."""
    own = layout.item_at(start)
    if own is None:
        return mentions
    kept = []
    for mention in mentions:
        item = layout.item_at(mention.start)
        if item is None or item.start <= start < item.end:
            kept.append(mention)
    return kept


_NO_SUBJECT: tuple[str | None, ...] = (None,)


def _sole_subject(
    doc: Document, tiers: tuple[frozenset[SubjectType], ...]
) -> tuple[str | None, ...]:
    """The subjects of every phrase when where it stands cannot matter, else (); once per answer.

    When the first tier with mentions has mentions of one subject only, every rule above
    picks that subject (the usual answer names one item, by its name and its SKU); when no
    tier has any, no phrase has a subject.
    """
    key = ("sole", tiers)
    known = doc.memo.get(key)
    if isinstance(known, tuple):
        return known
    found = _NO_SUBJECT
    for types in tiers:
        subjects = {m.subject for m in doc.mentions if m.type in types}
        if subjects:
            found = (subjects.pop(),) if len(subjects) == 1 else ()
            break
    doc.memo[key] = found
    return found


def resolve(doc: Document, kind: ClaimKind, start: int, end: int) -> tuple[str | None, ...]:
    """The subjects of the phrase at `start:end`, worked out once per answer and span: the
    counts of an answer are read both as quantities and as availability."""
    if not doc.mentions:
        return _NO_SUBJECT
    tiers = KIND_SUBJECTS[kind]
    sole = _sole_subject(doc, tiers)
    if sole:
        return sole
    key = ("subjects", tiers, start, end)
    known = doc.memo.get(key)
    if isinstance(known, tuple):
        return known
    found = _NO_SUBJECT
    for types in tiers:
        subjects = _resolve_tier(doc, types, start, end)
        if subjects:
            found = subjects
            break
    doc.memo[key] = found
    return found


def claims_of(
    doc: Document, kind: ClaimKind, hits: Iterable[Hit], value: ClaimValue | None = None
) -> list[Claim]:
    """One claim per hit and subject; `value` overrides the hits' own when given.

    A hit whose phrase names its subject by a placeholder (a shop's "{item} is on the shelf")
    is about that subject, wherever the rule above would look.
    """
    return [
        Claim(
            kind, hit.value if value is None else value, (hit.start, hit.end), subject, hit.hedged
        )
        for hit in hits
        for subject in (
            resolve(doc, kind, hit.start, hit.end) if hit.subject is None else (hit.subject,)
        )
    ]


#: Words an elliptic clause may hold besides names: conjunctions, auxiliaries, articles, the
#: markers of ellipsis, and the fillers a chat adds ("…, and the Pro too, sorry").
_ELLIPSIS_WORDS = frozenset(
    ["and", "but", "while", "whereas", "though", "although", "however", "so", "as", "is", "are",
     "was", "were", "does", "do", "did", "has", "have", "s", "re", "the", "our", "your", "too",
     "also", "well", "same", "for", "with", "w", "goes", "go", "applies", "neither", "nor",
     "either", "not", "isn", "isnt", "aren", "arent", "doesn", "doesnt", "hasn", "hasnt", "t",
     "regular", "ordinary", "normal", "standard", "original", "plain", "first", "other",
     "sorry", "unfortunately", "sadly", "afraid", "i", "im", "m", "am", "both", "n", "plus",
     "it", "here", "yes", "no", "alas", "again"]
)  # fmt: skip
#: The words that say "the same holds for": one of them makes a clause of names elliptic.
_SAME = frozenset(["too", "also", "well", "same", "so", "as", "neither", "nor", "either", "both"])
_NEGATIVE = frozenset(["not", "isnt", "arent", "doesnt", "hasnt", "t", "neither", "nor", "no"])
#: A clause that is a name and an auxiliary only: "…, but the ordinary X90 is".
_BARE_VERB = compile_pattern(
    r"(?:is|are|does|do|has|have|was|were|s)(?:\s*n't|\s+not|nt)?\W*$|(?:isnt|arent|doesnt"
    r"|not)\W*$"
)
_CLAUSE_WORD = compile_pattern(r"[a-z]+")
_DENIAL = compile_pattern(r"\b(?:not|no|never|none|nothing|isnt|arent|dont|doesnt)\b|n't\b")


def _elliptic(doc: Document, clause: Clause, mentions: list[Mention]) -> tuple[bool, bool] | None:
    """Whether `clause` says only "and so is Y", "Y too", "same for Y" (its names being
    `mentions`), or "but Y is(n't)": None when it says more; else (says the same, denies)."""
    text = doc.masked
    words: list[str] = []
    position = clause.start
    for mention in mentions:
        words += _CLAUSE_WORD.findall(text, position, mention.start)
        position = mention.end
    tail = _CLAUSE_WORD.findall(text, position, clause.end)
    words += tail
    if not _ELLIPSIS_WORDS.issuperset(words):
        return None
    denies = not _NEGATIVE.isdisjoint(words)
    if not _SAME.isdisjoint(words):
        return True, denies
    if _BARE_VERB.match(text[position : clause.end].strip()):
        return False, denies
    return None


def carry_over(
    doc: Document,
    kind: ClaimKind,
    claims: list[Claim],
    opposites: Mapping[str, str] | None = None,
) -> list[Claim]:
    """ "The kettle is sold out, and the toaster too", "… as is the toaster", "same for the
    toaster": the last claim before, for the names of a clause that says nothing else.

    With `opposites`, a clause of a name and a bare verb takes the claim before it, or its
    opposite when one of the two is denied: "X isn't in stock, but Y is" (Y in stock)."""
    out = list(claims)
    if not claims:
        return out
    types = KIND_SUBJECTS[kind][0]
    mentions = [m for m in doc.mentions if m.type in types]
    # A claim's own name and the elliptic one: two subjects at least (a name and its SKU, the
    # usual answer, are one).
    if len({m.subject for m in mentions}) < 2:
        return out
    spans = [c.span for c in claims]
    for clause in doc.clauses:
        if silent(clause) or any(clause.start <= s < clause.end for s, _ in spans):
            continue
        named = [m for m in mentions if clause.start <= m.start < clause.end]
        if not named:
            continue
        found = _elliptic(doc, clause, named)
        if found is None and doc.masked.endswith(",", clause.start, clause.end):
            verb = _past_a_contrast(doc, clause, named)
            found = None if verb is None else _elliptic(doc, verb, [])
        if found is None:
            continue
        before = _antecedent(doc, clause, claims)
        value = None if before is None else _carried(doc, before, *found, opposites)
        if before is None or value is None:
            continue
        for mention in named:
            span = (mention.start, mention.end)
            out.append(Claim(kind, value, span, mention.subject, before.hedged))
    return out


#: A contrast said between a name and its bare verb: "The Pro, on the other hand, is."
_CONTRAST = frozenset(
    ["however", "on", "the", "other", "hand", "by", "contrast", "in", "meanwhile", "though",
     "conversely", "instead"]
)  # fmt: skip


def _past_a_contrast(doc: Document, clause: Clause, named: list[Mention]) -> Clause | None:
    """The clause after the contrast clauses that follow `clause`, a name alone ("The X,"), in
    its sentence ("however,", "on the other hand,"): a formal register's ellipsis, "The X,
    however, is." None when `clause` says more than names, or no contrast follows it."""
    words: list[str] = []
    position = clause.start
    for mention in named:
        words += _CLAUSE_WORD.findall(doc.masked, position, mention.start)
        position = mention.end
    words += _CLAUSE_WORD.findall(doc.masked, position, clause.end)
    if not _CONTRAST.issuperset(words):
        return None
    clauses = doc.clauses
    index = doc.clause_index(clause) + 1
    contrasts = 0
    while index < len(clauses) and clauses[index].sentence == clause.sentence:
        said = _CLAUSE_WORD.findall(doc.masked, clauses[index].start, clauses[index].end)
        if not said or not _CONTRAST.issuperset(said):
            return clauses[index] if contrasts else None
        contrasts += 1
        index += 1
    return None


def _carried(
    doc: Document, before: Claim, same: bool, denies: bool, opposites: Mapping[str, str] | None
) -> ClaimValue | None:
    """The value an elliptic clause takes from the claim `before` it: the same one, or after
    a bare verb ("but Y is"), its opposite when one of the two clauses is denied."""
    if same:
        return before.value
    if opposites is None:
        return None
    start = doc.clause_at(before.span[0]).start
    denied = _DENIAL.search(doc.masked, start, before.span[1]) is not None
    if denied == denies:
        return before.value
    return opposites.get(str(before.value))


def _antecedent(doc: Document, clause: Clause, claims: list[Claim]) -> Claim | None:
    """The last claim with a subject before `clause` in its sentence, else in the sentence
    before it ("Yoga mat: in stock. Same for the wall clock.")."""
    sentence = doc.sentences[clause.sentence]
    floor = doc.sentences[clause.sentence - 1].start if clause.sentence else sentence.start
    before = [c for c in claims if floor <= c.span[0] < clause.start and c.subject is not None]
    if not before:
        return None
    in_sentence = [c for c in before if c.span[0] >= sentence.start]
    return (in_sentence or before)[-1]
