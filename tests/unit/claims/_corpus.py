"""The evaluation corpus in other voices (fixtures/claims/corpus/README.md): its files, and its
accuracy per claim kind × voice, shared by tests/unit/claims/test_corpus.py and
benchmarks/claims_corpus.py so that both measure the same thing."""

from __future__ import annotations

from pathlib import Path

from auditor._claims import ClaimKind
from tests.unit.claims._scoring import FIXTURES, KindScore, load, score_kinds

CORPUS = FIXTURES / "corpus"
#: The voices of this corpus, in report order.
VOICES = ("formal_us", "british", "sms", "llm_markdown", "agent")
#: Label kinds the corpus uses that the extractor has no ClaimKind for, with their values.
EXTRA_KINDS = {
    kind: values
    for kind, values in {"clarification": frozenset({"which_one"})}.items()
    if kind not in set(ClaimKind)
}
#: The delays corpus (fixtures/claims/corpus/delays/README.md): the same voices, one more label
#: kind, scored there only (the other parts carry no delay labels).
DELAYS = CORPUS / "delays"
DELAY_KIND = "delay"
DELAY_VALUES = frozenset({"acknowledged", "apologised", "escalated", "on_time"})
#: Every kind scored, in report order.
KINDS = (*(kind.value for kind in ClaimKind if kind.value != DELAY_KIND), *EXTRA_KINDS)
#: Every kind scored on the delays corpus.
DELAY_KINDS = (*KINDS, DELAY_KIND)
PARTS = ("dev", "test")

Matrix = dict[str, dict[str, KindScore]]


def part_file(voice: str, part: str) -> Path:
    return CORPUS / f"{voice}.{part}.jsonl"


def matrix(part: str) -> Matrix:
    """voice → kind → score on one part (`dev` or `test`) of the corpus."""
    return {
        voice: score_kinds(load(str(part_file(voice, part).relative_to(FIXTURES))), KINDS)
        for voice in VOICES
    }


def delay_file(voice: str, part: str) -> Path:
    return DELAYS / f"{voice}.{part}.jsonl"


def delay_matrix(part: str) -> Matrix:
    """voice → kind → score on one part of the delays corpus, the delay kind included."""
    return {
        voice: score_kinds(load(str(delay_file(voice, part).relative_to(FIXTURES))), DELAY_KINDS)
        for voice in VOICES
    }


def render(scores: Matrix, kinds: tuple[str, ...] = KINDS) -> str:
    """A kind × voice table of accuracy and n (texts where the kind is labelled or read)."""
    head = f"{'kind':15}" + "".join(f" {voice:>16}" for voice in scores)
    lines = [head]
    for kind in kinds:
        cells = []
        for by_kind in scores.values():
            s = by_kind[kind]
            cells.append(f" {s.accuracy:>7.1%} (n={s.n:>3})" if s.n else f" {'—':>7} (n=  0)")
        lines.append(f"{kind:15}" + "".join(f"{cell:>17}" for cell in cells))
    return "\n".join(lines)


#: The second held-out set (fixtures/claims/fresh/README.md): texts written for the weak cells
#: of the corpus before the rules for them changed, one file per voice.
FRESH = FIXTURES / "fresh"


def fresh_matrix() -> Matrix:
    """voice → kind → score on the fresh held-out set (only the voices it holds)."""
    return {
        voice: score_kinds(load(f"fresh/{voice}.jsonl"), KINDS)
        for voice in VOICES
        if (FRESH / f"{voice}.jsonl").is_file()
    }
