"""Does a reading survive a change that keeps the meaning? Claim extraction on the development
texts, each wrapped or reshaped the way assistants dress the same answer, against the same labels.

    .venv/bin/python benchmarks/claims_invariance.py                 # every transform, every set
    .venv/bin/python benchmarks/claims_invariance.py --misses paragraphs
    .venv/bin/python benchmarks/claims_invariance.py --dirs dev6 dev7

Why: a labelled set measures the sentences someone wrote; it cannot say whether the reader holds
when the same answer comes with a greeting, a closing offer, a bullet, a bold label or one
sentence per paragraph — the dress a language model puts on any fact. A transform here changes
no fact of the answer, so a text read right before it and wrong after it shows a gap in a
*mechanism* (scope, structure, clause splitting), not a missing phrase, and fixing it carries to
text nobody has written yet. Only texts read right as they stand are transformed (the rate is
"still right after"), and only development data is used: the corpus's test part stays blind.
The last line is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.unit.claims._corpus import KINDS
from tests.unit.claims._scoring import FIXTURES, Example, load, score_kinds

#: Sentence ends where a transform may cut: a stop, "!" or "?" and a space before a capital.
_SENTENCE_END = re.compile(r"(?<=[.!?])[ ]+(?=[A-Z])")


def _sentences(text: str) -> list[str]:
    return _SENTENCE_END.split(text)


def _one_line(text: str) -> bool:
    return "\n" not in text.strip()


#: A line that opens a Markdown block: a greeting before it is a paragraph of its own.
_BLOCK_OPENING = re.compile(r"[|#>*+-]|\d+[.)]\s")


def _greeting(text: str, items: Mapping[str, str]) -> str | None:
    greeting = "Hi there, thanks for getting in touch!"
    joint = "\n\n" if _BLOCK_OPENING.match(text) else " "
    return greeting + joint + text


def _closing(text: str, items: Mapping[str, str]) -> str | None:
    return text + "\n\nIs there anything else I can help you with today?"


def _bullet(text: str, items: Mapping[str, str]) -> str | None:
    return "- " + text if _one_line(text) else None


def _bold_label(text: str, items: Mapping[str, str]) -> str | None:
    return "**Update:** " + text if _one_line(text) else None


def _heading(text: str, items: Mapping[str, str]) -> str | None:
    return "### Here's what I found\n\n" + text


def _paragraphs(text: str, items: Mapping[str, str]) -> str | None:
    parts = _sentences(text)
    return "\n\n".join(parts) if len(parts) > 1 and _one_line(text) else None


def _numbered(text: str, items: Mapping[str, str]) -> str | None:
    parts = _sentences(text)
    if len(parts) < 2 or not _one_line(text):
        return None
    return "\n".join(f"{n}. {part}" for n, part in enumerate(parts, 1))


def _curly(text: str, items: Mapping[str, str]) -> str | None:
    changed = text.replace("'", "\u2019")
    return changed if changed != text else None


def _sure(text: str, items: Mapping[str, str]) -> str | None:
    return "Sure!" + ("\n\n" if _BLOCK_OPENING.match(text) else " ") + text


def _hope_helps(text: str, items: Mapping[str, str]) -> str | None:
    if not _one_line(text):
        return None
    said = text.rstrip()
    stop = "" if said[-1:] in ".!?" or not said[-1:].isascii() else "."
    return f"{said}{stop} Hope that helps! 😊"


def _bold_names(text: str, items: Mapping[str, str]) -> str | None:
    """Each catalogued name the text says, in bold: "the **Blue Kettle** is in stock"."""
    said = [name for name in sorted(items.values(), key=len, reverse=True) if name]
    pattern = "|".join(re.escape(name) for name in said)
    if not pattern or "*" in text:
        return None
    # Not a name said as part of a longer one ("the Blue Kettle Max"): a word after it that
    # opens with a capital or a digit may be the rest of a name.
    bolded = re.sub(rf"(?<![\w*])(?:{pattern})(?![\w*]| [A-Z0-9])", r"**\g<0>**", text, flags=re.I)
    return bolded if bolded != text else None


def _checked(text: str, items: Mapping[str, str]) -> str | None:
    return "I've checked that for you: " + text if _one_line(text) else None


def _signature(text: str, items: Mapping[str, str]) -> str | None:
    return text + "\n\nBest regards,\nSam, Customer Care"


def _wrapped(text: str, items: Mapping[str, str]) -> str | None:
    """Hard-wrapped at 50 columns, as an e-mail or an SMS gateway sends a long line."""
    if not _one_line(text) or len(text) <= 50:
        return None
    return textwrap.fill(text, 50, break_long_words=False, break_on_hyphens=False)


def _lower(text: str, items: Mapping[str, str]) -> str | None:
    """Every word in lower case, as a chat client or a hurried agent writes; a code (an id, a
    tracking number, a model "2L") stays as it was pasted. Markdown is left alone."""
    if "*" in text or "#" in text:
        return None
    lowered = re.sub(r"(?<![\w-])[^\W\d_]+(?![\w-])", lambda m: m.group().lower(), text)
    return lowered if lowered != text else None


def _crlf(text: str, items: Mapping[str, str]) -> str | None:
    """Lines ended as Windows, e-mail and some chat back ends end them ("\\r\\n"), after a
    closing offer on its own line so that every answer has one."""
    closed = text + "\n\nIs there anything else I can help you with today?"
    return closed.replace("\n", "\r\n")


def _no_apostrophes(text: str, items: Mapping[str, str]) -> str | None:
    """Contractions without their apostrophe, as quick chat types them: "isnt", "cant",
    "weve", "its"."""
    changed = re.sub(r"(?<=[A-Za-z])['\u2019](?=(?:t|s|ve|re|ll|d|m)\b)", "", text)
    return changed if changed != text else None


_SPACED_PHRASES = re.compile(
    r"\b(?:out of stock|back in stock|in stock|low stock|sold out|on hold|out for delivery)\b",
    re.IGNORECASE,
)


def _hyphenated(text: str, items: Mapping[str, str]) -> str | None:
    """Phrases of state written with hyphens, as formal writers and models write them: "the
    kettle is out-of-stock", "sold-out", "out-for-delivery"."""
    changed = _SPACED_PHRASES.sub(lambda m: m.group().replace(" ", "-"), text)
    return changed if changed != text else None


def _hard_breaks(text: str, items: Mapping[str, str]) -> str | None:
    """Two spaces at the end of every line, Markdown's hard line break, which models emit
    (after a closing offer on its own line, so that every answer has a line end)."""
    closed = text + "\n\nIs there anything else I can help you with today?"
    return re.sub(r"(?<=\S)\n", "  \n", closed)


def _sku_after_name(text: str, items: Mapping[str, str]) -> str | None:
    """Each catalogued name said whole followed by its SKU in brackets, as a model quoting
    the catalogue writes it: "the Blue Kettle (KT-1042) is in stock"."""
    if not items or re.search(r"\b[A-Z]{2,3}-\d", text):
        return None
    by_name = {name.lower(): sku for sku, name in items.items() if name}
    pattern = "|".join(re.escape(name) for name in sorted(by_name, key=len, reverse=True))
    # As `_bold_names`: not a name said as the start of a longer one.
    marked = re.sub(
        rf"(?<![\w*])(?:{pattern})(?![\w*]| [A-Z0-9])",
        lambda m: f"{m.group()} ({by_name[m.group().lower()]})",
        text,
        flags=re.I,
    )
    return marked if marked != text else None


#: name → transform (None: the transform does not apply to that text).
TRANSFORMS: dict[str, Callable[[str, Mapping[str, str]], str | None]] = {
    "sure": _sure,
    "checked": _checked,
    "signature": _signature,
    "wrapped": _wrapped,
    "bold_names": _bold_names,
    "hope_helps": _hope_helps,
    "greeting": _greeting,
    "closing": _closing,
    "bullet": _bullet,
    "bold_label": _bold_label,
    "heading": _heading,
    "paragraphs": _paragraphs,
    "numbered": _numbered,
    "curly": _curly,
    "lower": _lower,
    "crlf": _crlf,
    "hard_breaks": _hard_breaks,
    "no_apostrophes": _no_apostrophes,
    "hyphenated": _hyphenated,
    "sku_after_name": _sku_after_name,
}


def _development(folders: set[str]) -> Iterator[tuple[str, Example]]:
    """(voice, example) of every development text in `folders` (all when empty): the corpus's
    dev parts ("corpus"), dev2…, fresh."""
    if not folders or "corpus" in folders:
        for path in sorted((FIXTURES / "corpus").glob("*.dev.jsonl")):
            for example in load(str(path.relative_to(FIXTURES))):
                yield path.name.split(".")[0], example
    for folder in [*sorted(FIXTURES.glob("dev*")), FIXTURES / "fresh"]:
        if folders and folder.name not in folders:
            continue
        for path in sorted(folder.glob("*.jsonl")):
            yield from _with_voices(path)


def _with_voices(path: Path) -> Iterator[tuple[str, Example]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    examples = load(str(path.relative_to(FIXTURES)))
    for line, example in zip(lines, examples, strict=True):
        yield json.loads(line).get("voice", path.stem), example


def _right(example: Example) -> bool:
    scores = score_kinds([example], KINDS)
    return all(s.correct == s.n for s in scores.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--misses", nargs="*", choices=sorted(TRANSFORMS), help="print these dresses' misses"
    )
    parser.add_argument(
        "--dirs", nargs="*", help="only these folders of fixtures/claims/ (corpus, dev2 …, fresh)"
    )
    args = parser.parse_args()
    unknown = [d for d in args.dirs or () if d != "corpus" and not (FIXTURES / d).is_dir()]
    if unknown:
        parser.error(f"no such folder under {FIXTURES}: {', '.join(unknown)}")
    right_now = [
        (voice, example) for voice, example in _development(set(args.dirs or ())) if _right(example)
    ]
    kept: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    misses: dict[str, list[str]] = defaultdict(list)
    for voice, example in right_now:
        for name, transform in TRANSFORMS.items():
            text = transform(example.text, example.context.items)
            if text is None:
                continue
            cell = kept[name][voice]
            cell[1] += 1
            if _right(replace(example, text=text)):
                cell[0] += 1
            else:
                misses[name].append(f"{example.id} ({voice}): {text!r}")
    voices = sorted({voice for by_voice in kept.values() for voice in by_voice})
    print(f"{len(right_now)} development texts read right as they stand; still right after:")
    print(f"{'transform':12}" + "".join(f" {voice:>18}" for voice in voices))
    for name, by_voice in kept.items():
        cells = []
        for voice in voices:
            ok, n = by_voice.get(voice, [0, 0])
            cells.append(f" {ok / n:>8.1%} ({ok:>3}/{n:>3})" if n else f" {'—':>18}")
        print(f"{name:12}" + "".join(cells))
    for name in args.misses or ():
        print(f"\n{name}: {len(misses[name])} misses")
        for line in misses[name]:
            print(f"MISS {line}")
    figures = {name: dict(by_voice) for name, by_voice in kept.items()}
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
