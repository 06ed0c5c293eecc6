"""Scoring the extractor against a labelled set, per claim kind (see fixtures/claims/README.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from auditor._claims import Claim, ClaimKind, ExtractionContext, Vocabulary, extract
from auditor._claims._registry import EXTRACTORS

#: The kinds the extractor reads: a kind the judge knows before a reader exists (the
#: `clarification` claim, read on another branch) has nothing to score yet.
READ_KINDS = tuple(kind for kind in ClaimKind if kind in EXTRACTORS)

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures" / "claims"


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    context: ExtractionContext
    claims: tuple[dict[str, Any], ...]


def load(name: str) -> list[Example]:
    examples = []
    for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        now = datetime.fromisoformat(row["now"]) if "now" in row else None
        vocabulary = Vocabulary.from_mapping(row.get("vocabulary", {}))
        context = ExtractionContext(now=now, items=row.get("items", {}), vocabulary=vocabulary)
        examples.append(Example(row["id"], row["text"], context, tuple(row["claims"])))
    return examples


def _fits(label: dict[str, Any], claim: Claim) -> bool:
    if label["value"] != claim.value:
        return False
    return "subject" not in label or label["subject"] == claim.subject


def _pairs(labels: Sequence[dict[str, Any]], claims: Sequence[Claim]) -> list[int] | None:
    """A one-to-one pairing of labels to claims (claim index per label), or None."""
    if len(labels) != len(claims):
        return None
    chosen: list[int] = []

    def assign(i: int) -> bool:
        if i == len(labels):
            return True
        for j, claim in enumerate(claims):
            if j not in chosen and _fits(labels[i], claim):
                chosen.append(j)
                if assign(i + 1):
                    return True
                chosen.pop()
        return False

    return chosen if assign(0) else None


@dataclass
class KindScore:
    n: int = 0
    correct: int = 0
    hedge_pairs: int = 0
    hedge_agree: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 1.0


def _predictions(examples: Sequence[Example]) -> Iterator[tuple[Example, list[Claim]]]:
    for example in examples:
        yield example, extract(example.text, context=example.context)


def score(examples: Sequence[Example]) -> dict[ClaimKind, KindScore]:
    scores = {kind: KindScore() for kind in READ_KINDS}
    for example, predicted in _predictions(examples):
        for kind in READ_KINDS:
            labels = [c for c in example.claims if c["kind"] == kind.value]
            claims = [c for c in predicted if c.kind is kind]
            if not labels and not claims:
                continue
            result = scores[kind]
            result.n += 1
            pairing = _pairs(labels, claims)
            if pairing is None:
                got = [(c.value, c.subject) for c in claims]
                want = [(c["value"], c.get("subject", "?")) for c in labels]
                result.misses.append(f"{example.id}: want {want} got {got} | {example.text!r}")
                continue
            result.correct += 1
            for label, j in zip(labels, pairing, strict=True):
                result.hedge_pairs += 1
                result.hedge_agree += label.get("hedged", False) == claims[j].hedged
    return scores


def table(scores: dict[ClaimKind, KindScore]) -> str:
    lines = [f"{'kind':15} {'n':>4} {'correct':>7} {'accuracy':>8} {'hedge':>6}"]
    for kind, s in scores.items():
        hedge = f"{s.hedge_agree}/{s.hedge_pairs}"
        lines.append(f"{kind.value:15} {s.n:4} {s.correct:7} {s.accuracy:8.1%} {hedge:>6}")
    return "\n".join(lines)
