"""Does a reading survive a synonym the reader says it knows? Claim extraction on the
development texts with one word swapped for another member of the same class of the reader's
own lexicon, against the same labels.

    .venv/bin/python benchmarks/claims_synonyms.py                   # every class, every set
    .venv/bin/python benchmarks/claims_synonyms.py --misses APPROVING carriers
    .venv/bin/python benchmarks/claims_synonyms.py --dirs dev6 dev7

Why: `auditor/_claims/_lexicon.py` groups verbs by meaning ("approve", "authorise", "grant",
"sign off" say yes to a return) so that a rule written over the class reads every member. A
rule that spells one member out instead ("approved" alone in a pattern) reads the answers it
was written from and misses the same answer with the class's other words — a gap no labelled
set shows until someone writes that sentence. Swapping, in a text read right, a member for
each other member of its class, in the same form ("approved" -> "granted", "kicking off" ->
"starting"), and counting the readings that change finds those rules. Carrier names are
swapped likewise ("DPD" -> "Evri"): no reading may depend on which carrier it is.

A word can belong to a class and be used in another sense in a given text ("let me check"
is not assessing a return), so a miss here is a lead to read, not a verdict: the report
groups misses by (class, word -> word) so that one look decides a whole group. Only texts
read right as they stand are changed, and only development data is used: the corpus's test
part stays blind. The last line is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from auditor._claims import _lexicon
from benchmarks.claims_invariance import _development, _right

#: The verb classes of `_lexicon` whose members are one meaning wherever a shop's answer uses
#: them. (`PREPARING`'s "pick", "box" and "stage", `ASSESSING`'s "check" and `CONTACTING`'s
#: "text" have other senses too often; they are swapped to, never from.)
VERB_CLASSES = (
    "APPROVING",
    "ARRIVING",
    "ASSESSING",
    "STARTING",
    "HANDING_ON",
    "PREPARING",
    "ALLOCATING",
    "RESTOCKING",
    "FAILING",
)
_NEVER_FROM = frozenset({"pick", "box", "stage", "check", "text", "ready", "log", "send"})
#: Nouns that name one thing in a shop's answers, each class in one number: a rule that
#: knows "parcel" should know "package".
NOUN_CLASSES = {
    "parcel": ("parcel", "package"),
    "parcels": ("parcels", "packages"),
    "premises": ("warehouse", "fulfilment centre", "distribution centre", "fulfillment center"),
    "carrier": ("courier", "carrier"),
    "goods": ("item", "product"),
}
#: Carriers by name, as answers write them.
CARRIERS = ("DPD", "Evri", "Royal Mail", "UPS", "FedEx", "DHL", "USPS", "Yodel", "Parcelforce")
#: The five forms of a verb, in `_lexicon`'s order.
_SLOTS = ("base", "third", "past", "participle", "ing")


def _forms(lemma: str) -> dict[str, str]:
    """slot -> form of a (possibly phrasal) verb: "kick off" -> {"past": "kicked off", …}."""
    head, _, rest = lemma.partition(" ")
    third, (past, participle), ing = _lexicon._principal(head)
    spelt = dict(zip(_SLOTS, (head, third, past, participle, ing), strict=True))
    return {slot: f"{form} {rest}".strip() for slot, form in spelt.items()}


def _same_case(word: str, like: str) -> str:
    if not word.islower():
        return word  # a name's own spelling: "Royal Mail", "FedEx"
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _swaps(text: str, members: tuple[str, ...]) -> Iterator[tuple[str, str, str]]:
    """(from, to, new text) for each member form the text says, swapped for the same form of
    each other member."""
    table = {lemma: _forms(lemma) for lemma in members}
    for lemma, slots in table.items():
        if lemma in _NEVER_FROM:
            continue
        for slot, form in slots.items():
            pattern = re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])", re.IGNORECASE)
            found = pattern.search(text)
            if found is None:
                continue
            for other, other_slots in table.items():
                if other == lemma:
                    continue
                new = _same_case(other_slots[slot], found.group())
                yield (
                    f"{form} -> {other_slots[slot]}",
                    slot,
                    text[: found.start()] + new + text[found.end() :],
                )
            break


def _word_swaps(text: str, words: tuple[str, ...]) -> Iterator[tuple[str, str, str]]:
    """(from, to, new text) for every word of `words` the text says, each occurrence swapped
    for each other word (a carrier named twice is named the same both times)."""
    for name in words:
        pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
        found = pattern.search(text)
        if found is None:
            continue
        for other in words:
            if other == name:
                continue
            said = found.group()
            new = other.lower() if said.islower() else _same_case(other, said)
            yield f"{name} -> {other}", "word", pattern.sub(new, text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--misses", nargs="*", default=(), help="print these classes' misses (or 'carriers')"
    )
    parser.add_argument(
        "--dirs", nargs="*", help="only these folders of fixtures/claims/ (corpus, dev2 …, fresh)"
    )
    args = parser.parse_args()
    right_now = [
        example for _voice, example in _development(set(args.dirs or ())) if _right(example)
    ]
    classes: dict[str, tuple[str, ...]] = {name: getattr(_lexicon, name) for name in VERB_CLASSES}
    kept: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    misses: dict[str, list[str]] = defaultdict(list)
    for example in right_now:
        variants: list[tuple[str, str, str, str]] = [
            (name, *swap)
            for name, members in classes.items()
            for swap in _swaps(example.text, members)
        ]
        variants += [("carriers", *swap) for swap in _word_swaps(example.text, CARRIERS)]
        variants += [
            (name, *swap)
            for name, words in NOUN_CLASSES.items()
            for swap in _word_swaps(example.text, words)
        ]
        for name, swap, _slot, text in variants:
            cell = kept[name]
            cell[1] += 1
            if _right(replace(example, text=text)):
                cell[0] += 1
            else:
                groups[name][swap] += 1
                misses[name].append(f"{example.id} [{swap}]: {text!r}")
    print(f"{len(right_now)} development texts read right as they stand; still right after a swap:")
    for name, (ok, n) in sorted(kept.items()):
        top = ", ".join(f"{swap} ×{k}" for swap, k in groups[name].most_common(6))
        print(f"  {name:12} {ok / n:>7.1%} ({ok:>5}/{n:>5})  {top}")
    for name in args.misses or ():
        print(f"\n{name}: {len(misses[name])} misses")
        for line in misses[name]:
            print(f"MISS {line}")
    print(json.dumps({name: {"right": ok, "n": n} for name, (ok, n) in sorted(kept.items())}))


if __name__ == "__main__":
    main()
