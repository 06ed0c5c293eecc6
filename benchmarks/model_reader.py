"""The model reader (issue 21) in compare mode on the claims corpus: per claim kind, how often
the rules and the model read a text alike, how often each reads it as labelled, what the model
costs per answer (seconds, tokens, the model server's CPU seconds), and which kinds the model
passes the check sentences of (`auditor/_reader/_exam.py`).

    .venv/bin/python benchmarks/model_reader.py                      # the local model, dev part
    .venv/bin/python benchmarks/model_reader.py --per-voice 6
    .venv/bin/python benchmarks/model_reader.py --base-url URL --model NAME

The dev part only by default: the test part (`--part test`) is for one measurement at the
very end, never for changing anything after. Each text is read for the kinds it is labelled
with (as an audit reads an answer for the kinds its question asked; the rules' kinds when it
has no label; availability when neither), plus the non-answers. The first `--per-voice` texts
of each voice, in file order (every text of a voice when 0): the local model on one CPU thread
takes seconds per answer. The last line is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from auditor._claims import ClaimKind, extract
from auditor._reader._agreement import agreement
from auditor._reader._client import ModelReader
from auditor._reader._config import ReaderSection
from auditor._reader._exam import EXAM
from auditor._reader._schema import asked_kinds
from tests.unit.claims._corpus import VOICES, part_file
from tests.unit.claims._scoring import Example, load


def _cpu_seconds(pid: int | None) -> float:
    """User + system CPU seconds of a process so far (Linux /proc), 0 when unknown."""
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _kinds(example: Example, ruled: Sequence[tuple[str, object]]) -> tuple[ClaimKind, ...]:
    labelled = [ClaimKind(c["kind"]) for c in example.claims if c["kind"] in set(ClaimKind)]
    read = [ClaimKind(kind) for kind, _ in ruled]
    chosen = labelled or read or [ClaimKind.AVAILABILITY]
    return asked_kinds(tuple(dict.fromkeys(chosen)))


def _subject(example: Example) -> str:
    """What the customer asked about: the labelled subject, by name when it is an item."""
    subjects = [c.get("subject") for c in example.claims if c.get("subject")]
    if not subjects:
        return "their question"
    items = dict(example.context.items)
    sku = str(subjects[0])
    return f"{items[sku]} ({sku})" if sku in items else sku


def _same(values: set[str], labels: set[str]) -> bool:
    return values == labels


async def _measure(reader: ModelReader, examples: list[tuple[str, Example]]) -> dict[str, Any]:
    pairs = []
    right: dict[str, dict[str, list[int]]] = {}
    seconds, tokens, failed = 0.0, 0, 0
    for voice, example in examples:
        ruled = [(c.kind.value, c.value) for c in extract(example.text, context=example.context)]
        kinds = _kinds(example, ruled)
        reading = await reader.read(example.text, "corpus", _subject(example), "", kinds)
        seconds += reading.seconds
        tokens += reading.tokens
        failed += reading.error is not None
        modelled = [(c.kind.value, c.value) for c in reading.claims]
        names = [k.value for k in kinds]
        pairs.append((names, ruled, modelled))
        for kind in names:
            labels = {str(c["value"]) for c in example.claims if c["kind"] == kind}
            by_rules = {str(v) for k, v in ruled if k == kind}
            by_model = {str(v) for k, v in modelled if k == kind}
            if not labels and not by_rules and not by_model:
                continue
            row = right.setdefault(kind, {"rules": [0, 0], "model": [0, 0]})
            for who, values in (("rules", by_rules), ("model", by_model)):
                row[who][0] += _same(values, labels)
                row[who][1] += 1
        print(
            f"  {voice:13} {example.id:9} {reading.seconds:6.1f} s  rules {ruled}  "
            f"model {modelled or reading.error}",
            flush=True,
        )
    return {
        "answers": len(examples),
        "failed": failed,
        "seconds": seconds,
        "tokens": tokens,
        "agreement": {a.kind: {"agree": a.agree, "of": a.of} for a in agreement(pairs)},
        "as_labelled": right,
    }


async def _exam(reader: ModelReader) -> dict[str, str | None]:
    return {kind.value: await reader.vet([kind]) for kind in EXAM}


def _examples(part: str, per_voice: int) -> list[tuple[str, Example]]:
    chosen = []
    for voice in VOICES:
        loaded = load(str(part_file(voice, part).relative_to(part_file(voice, part).parents[1])))
        chosen += [(voice, e) for e in (loaded[:per_voice] if per_voice else loaded)]
    return chosen


def _table(figures: dict[str, Any]) -> str:
    lines = [f"{'kind':15} {'agree':>12} {'rules right':>12} {'model right':>12}"]
    for kind, a in sorted(figures["agreement"].items()):
        row = figures["as_labelled"].get(kind, {"rules": [0, 0], "model": [0, 0]})
        cells = [f"{a['agree']}/{a['of']}", *(f"{r[0]}/{r[1]}" for r in row.values())]
        lines.append(f"{kind:15} " + " ".join(f"{c:>12}" for c in cells))
    return "\n".join(lines)


async def _run(section: ReaderSection, args: argparse.Namespace, pid: int | None) -> None:
    uptime = subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout
    print(f"load before: {uptime.strip()}")
    with tempfile.TemporaryDirectory() as cache:  # a fresh cache: every answer is asked
        reader = ModelReader(section, dict(os.environ), Path(cache))
        try:
            examples = _examples(args.part, args.per_voice)
            cpu, wall = _cpu_seconds(pid), time.perf_counter()
            figures = await _measure(reader, examples)
            figures["server_cpu_s"] = round(_cpu_seconds(pid) - cpu, 2)
            figures["wall_s"] = round(time.perf_counter() - wall, 2)
            figures["exam"] = await _exam(reader) if args.exam else None
        finally:
            await reader.aclose()
    after = subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout
    n = max(figures["answers"], 1)
    print(f"\n{args.part} part, {figures['answers']} texts, model {section.model}")
    print(_table(figures))
    print(
        f"per answer: {figures['seconds'] / n:.2f} s wall, {figures['tokens'] / n:.0f} tokens, "
        f"{figures['server_cpu_s'] / n:.2f} s of the model server's CPU; "
        f"{figures['failed']} could not be read"
    )
    if figures["exam"] is not None:
        for kind, outcome in figures["exam"].items():
            print(f"check {kind:14} {'passed' if outcome is None else outcome}")
    print(f"load after: {after.strip()}")
    figures.update(part=args.part, model=section.model, load=[uptime.strip(), after.strip()])
    print(json.dumps(figures, sort_keys=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("dev", "test"), default="dev")
    parser.add_argument("--per-voice", type=int, default=6, help="texts per voice; 0: all")
    parser.add_argument("--base-url", help="an OpenAI-compatible server (default: the local model)")
    parser.add_argument("--model", help="the model's name there")
    parser.add_argument("--no-exam", dest="exam", action="store_false", help="skip the check")
    args = parser.parse_args()
    if args.base_url:
        section = ReaderSection(
            base_url=args.base_url, model=args.model or "default", timeout_s=300
        )
        asyncio.run(_run(section, args, None))
        return
    from auditor.reference.assistant._llm_server import MODEL_ALIAS, ModelServer

    with ModelServer() as server:
        section = ReaderSection(
            base_url=f"{server.url}/v1", model=MODEL_ALIAS, timeout_s=300, concurrency=1
        )
        asyncio.run(_run(section, args, server.pid))


if __name__ == "__main__":
    main()
