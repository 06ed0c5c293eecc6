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
from collections.abc import Iterable, Iterator
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
    # (syn10) Reaching a customer, and asking around before answering.
    "CONTACTING",
    "ASKING_AROUND",
)
_NEVER_FROM = frozenset(
    {
        "pick", "box", "stage", "check", "text", "ready", "log", "send",
        # (syn10) Nouns as often as verbs in an answer: "a call", "your message", "by phone",
        # "an email", "a quick query"; "ask" and "chase" are the customer's as often.
        "call", "message", "msg", "dm", "email", "e-mail", "txt", "phone", "query",
    }
)  # fmt: skip
#: Nouns that name one thing in a shop's answers, each class in one number: a rule that
#: knows "parcel" should know "package".
NOUN_CLASSES = {
    "parcel": ("parcel", "package"),
    "parcels": ("parcels", "packages"),
    "premises": ("warehouse", "fulfilment centre", "distribution centre", "fulfillment center"),
    "carrier": ("courier", "carrier"),
    "goods": ("item", "product"),
    # (syn10) The same thing in another word: the refund as a noun, the order, a desk.
    "refund": ("the refund", "the reimbursement"),
    "your refund": ("your refund", "your reimbursement"),
    "a refund": ("a refund", "a reimbursement"),
    "order": ("your order", "your purchase"),
    "the order": ("the order", "the purchase"),
    "team": ("team", "department"),
    "teams": ("teams", "departments"),
}
#: (syn10) Word lists of `_lexicon`'s regex classes and of the state tables, each in one form
#: and one number: a rule over the class reads any of them. The second tuple of a class are
#: its words swapped to only, never from (another sense too often: "the returns team" is not
#: a desk's name swapped, "accounts" is the customer's too).
WORD_CLASSES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # STAFF, one number each.
    "STAFF": (
        (
            "colleague",
            "specialist",
            "advisor",
            "adviser",
            "supervisor",
            "manager",
            "representative",
            "team member",
        ),
        ("agent", "rep", "team leader"),
    ),
    "STAFF_PL": (
        (
            "colleagues",
            "specialists",
            "advisors",
            "supervisors",
            "managers",
            "representatives",
            "team members",
        ),
        ("agents", "reps", "staff"),
    ),
    # DESKS: a desk named by its work, in "the billing team".
    "DESKS": (("billing", "finance", "logistics", "complaints"), ("accounts", "warranty")),
    # CANNOT, in each spelling of one tense.
    "CANNOT": (("can't", "cannot", "can not", "cant"), ()),
    "CANNOT_PAST": (("couldn't", "could not", "couldnt"), ()),
    "CANNOT_WILL": (("won't be able to", "will not be able to", "wont be able to"), ()),
    "UNABLE": (("unable to", "not able to", "not in a position to"), ()),
    # Other negations, contracted or not, as `_negation` reads them.
    "NOT_IS": (("isn't", "is not"), ()),
    "NOT_HAS": (("hasn't", "has not"), ()),
    "NOT_HAVE": (("haven't", "have not"), ()),
    "NOT_DO": (("don't", "do not"), ()),
    "NOT_DID": (("didn't", "did not"), ()),
    "NOT_WAS": (("wasn't", "was not"), ()),
    "NOT_WILL": (("won't", "will not"), ()),
    "NOT_ARE": (("aren't", "are not"), ()),
    "CLUELESS": (("no idea", "no clue", "not the foggiest", "not the faintest idea"), ()),
    "RELATIONS": (
        ("sister", "brother", "mum", "mom", "husband", "wife", "son", "daughter", "flatmate"),
        ("partner", "friend"),
    ),
    "THIRD_PARTIES": (("third parties", "anyone else", "anybody else"), ()),
    "SUPPLIERS": (("supplier", "manufacturer", "vendor", "distributor", "wholesaler"), ()),
    "SUPPLIERS_PL": (("suppliers", "manufacturers", "vendors", "distributors"), ()),
    # State words of the shipping tables, as a participle.
    "SHIPPED": (("shipped", "dispatched", "despatched", "sent out"), ("posted",)),
    # British and US spellings of one word.
    "cancelled": (("cancelled", "canceled"), ()),
    "cancelling": (("cancelling", "canceling"), ()),
    "cancellation": (("cancellation", "cancelation"), ()),
    "colour": (("colour", "color"), ()),
    "colours": (("colours", "colors"), ()),
    "centre": (("centre", "center"), ()),
    "neighbour": (("neighbour", "neighbor"), ()),
    "catalogue": (("catalogue", "catalog"), ()),
    "authorisation": (("authorisation", "authorization"), ()),
    "enquiry": (("enquiry", "inquiry"), ()),
    "labelled": (("labelled", "labeled"), ()),
    "organised": (("organised", "organized"), ()),
    "apologise": (("apologise", "apologize"), ()),
    "fulfilment": (("fulfilment", "fulfillment"), ()),
    "totalling": (("totalling", "totaling"), ()),
    # The shop speaking as one agent or as the shop, where the sentence stays true.
    "we'll": (("we'll", "I'll"), ()),
    "we've": (("we've", "I've"), ()),
    "we'd": (("we'd", "I'd"), ()),
    "we can": (("we can", "I can"), ()),
    "our team": (("our team", "the team"), ()),
    "our warehouse": (("our warehouse", "the warehouse"), ()),
}
#: Carriers by name, as answers write them.
CARRIERS = ("DPD", "Evri", "Royal Mail", "UPS", "FedEx", "DHL", "USPS", "Yodel", "Parcelforce")
#: The five forms of a verb, in `_lexicon`'s order.
_SLOTS = ("base", "third", "past", "participle", "ing")


def _forms(lemma: str) -> dict[str, str]:
    """slot -> form of a (possibly phrasal) verb: "kick off" -> {"past": "kicked off", …}."""
    head, _, rest = lemma.partition(" ")
    third, (past, participle, *_), ing = _lexicon._principal(head)
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


def _name_spans(text: str, names: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Where the shop's item names stand in the text: a word inside one ("Hand Blender", "Colour
    Pencils") is the name's, never swapped (syn10)."""
    return tuple(
        found.span()
        for name in names
        for found in re.finditer(re.escape(name), text, re.IGNORECASE)
    )


def _outside(found: re.Match[str], spans: tuple[tuple[int, int], ...]) -> bool:
    return all(found.end() <= start or found.start() >= end for start, end in spans)


def _swaps(
    text: str, members: tuple[str, ...], spans: tuple[tuple[int, int], ...] = ()
) -> Iterator[tuple[str, str, str]]:
    """(from, to, new text) for each member form the text says outside an item's name, swapped
    for the same form of each other member."""
    table = {lemma: _forms(lemma) for lemma in members}
    for lemma, slots in table.items():
        if lemma in _NEVER_FROM:
            continue
        for slot, form in slots.items():
            pattern = re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])", re.IGNORECASE)
            found = next((m for m in pattern.finditer(text) if _outside(m, spans)), None)
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


def _word_swaps(
    text: str,
    words: tuple[str, ...],
    only_to: tuple[str, ...] = (),
    spans: tuple[tuple[int, int], ...] = (),
) -> Iterator[tuple[str, str, str]]:
    """(from, to, new text) for every word of `words` the text says, each occurrence swapped
    for each other word, or a word of `only_to` (a carrier named twice is named the same both
    times)."""
    for name in words:
        pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
        found = next((m for m in pattern.finditer(text) if _outside(m, spans)), None)
        if found is None:
            continue
        for other in (*words, *only_to):
            if other == name:
                continue
            said = found.group()
            new = other.lower() if said.islower() else _same_case(other, said)
            yield (
                f"{name} -> {other}",
                "word",
                pattern.sub(lambda m, new=new: new if _outside(m, spans) else m.group(), text),
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--misses",
        nargs="*",
        default=(),
        help="print these classes' misses (or 'carriers', or 'all')",
    )
    parser.add_argument(
        "--dirs", nargs="*", help="only these folders of fixtures/claims/ (corpus, dev2 …, fresh)"
    )
    parser.add_argument("--classes", nargs="*", help="only these classes (all when absent)")
    args = parser.parse_args()
    wanted = set(args.classes or ())

    def chosen(name: str) -> bool:
        return not wanted or name in wanted

    right_now = [
        example for _voice, example in _development(set(args.dirs or ())) if _right(example)
    ]
    classes: dict[str, tuple[str, ...]] = {
        name: getattr(_lexicon, name) for name in VERB_CLASSES if chosen(name)
    }
    kept: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    misses: dict[str, list[str]] = defaultdict(list)
    for example in right_now:
        spans = _name_spans(example.text, example.context.items.values())
        variants: list[tuple[str, str, str, str]] = [
            (name, *swap)
            for name, members in classes.items()
            for swap in _swaps(example.text, members, spans)
        ]
        if chosen("carriers"):
            variants += [
                ("carriers", *swap) for swap in _word_swaps(example.text, CARRIERS, (), spans)
            ]
        variants += [
            (name, *swap)
            for name, words in NOUN_CLASSES.items()
            if chosen(name)
            for swap in _word_swaps(example.text, words, (), spans)
        ]
        variants += [
            (name, *swap)
            for name, (words, only_to) in WORD_CLASSES.items()
            if chosen(name)
            for swap in _word_swaps(example.text, words, only_to, spans)
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
    for name in sorted(misses) if "all" in args.misses else args.misses or ():
        print(f"\n{name}: {len(misses[name])} misses")
        for line in misses[name]:
            print(f"MISS {line}")
    print(json.dumps({name: {"right": ok, "n": n} for name, (ok, n) in sorted(kept.items())}))


if __name__ == "__main__":
    main()
