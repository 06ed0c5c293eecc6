"""From launch to the first question, and the planner's CPU per probe, on the reference shop.

**Launch to first question**: the reference shop runs in this process (a uvicorn thread); the
assistant is a recording server on loopback, also in this process, that notes the moment the
first request arrives (`time.perf_counter()`, the clock the launch was timed with) and
answers every question with one canned OpenAI chat completion. `auditor run -c audit.toml`
starts as a child process (the installed console script, as a user runs it); the figure is the
time from just before the process is spawned to the first request's arrival: interpreter
start-up, imports, reading the configuration, the anchors' snapshot of the shop, the plan,
and the first connection. Once the first question has arrived the child is sent SIGTERM
(the audit's own interrupt path) and reaped: the rest of the audit is not what is measured.
`--repeat` launches (default 5); the figure is the median. Beside it, the CPU seconds the
child had used when its first question arrived (`/proc/PID/stat`, user + system): on a shared
machine the wall time is mostly waiting for a core, and the CPU figure says what it would be
on an idle one.

Before the timed launches, as an installed package has them: the package's bytecode is
compiled (`compileall`, into its `__pycache__` folders; `--no-compile` leaves them as they are,
which under PYTHONDONTWRITEBYTECODE means compiling every module at every launch), and one
**cold** launch is made with an empty cache folder (`XDG_CACHE_HOME`, a temporary one for the
whole run): it checks the three reference documents, which the timed launches then find
remembered (`auditor/_anchors/_checked.py`). The cold launch is reported on its own, never in
the median.

**Planning CPU per probe**: in a fresh child process (so that nothing is warm that a real
launch would find cold), the snapshot is read from the same shop through the anchors, then
`plan_probes` is timed with `time.process_time()` for `--plan-probes` probes (the default
suite, the audit's seed): its CPU over the number of probes planned. Cold (first plan in the
process, as in a launch) and warm (a second plan of the same size with another seed).

    .venv/bin/python benchmarks/launch.py [--repeat 5] [--max-probes 300] [--plan-probes 300]
        [--no-compile] [--out benchmarks/results/launch.json]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
AUDITOR = Path(sys.executable).with_name("auditor")
STAFF_TOKEN_ENV = "REFERENCE_SHOP_STAFF_TOKEN"
SEED = 1234

_ANSWER = json.dumps(
    {
        "id": "chatcmpl-launch",
        "object": "chat.completion",
        "created": 0,
        "model": "shop-assistant",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "I cannot say right now."},
                "finish_reason": "stop",
            }
        ],
    }
).encode()


#: Clock ticks per second of /proc/PID/stat's CPU times.
_TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu_s(pid: int) -> float | None:
    """User + system CPU seconds a process has used so far (Linux), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / _TICKS


class Recorder:
    """When the first request arrived (`perf_counter` seconds), how many came, and the CPU the
    audit's process had used by then (a figure the machine's load moves less than the time)."""

    def __init__(self) -> None:
        self.first: float | None = None
        self.first_cpu_s: float | None = None
        self.pid: int | None = None
        self.count = 0
        self.arrived = threading.Event()
        self._lock = threading.Lock()

    def note(self) -> None:
        now = time.perf_counter()
        with self._lock:
            self.count += 1
            if self.first is None:
                self.first = now
                self.first_cpu_s = None if self.pid is None else process_cpu_s(self.pid)
                self.arrived.set()

    def reset(self, pid: int | None = None) -> None:
        with self._lock:
            self.first, self.first_cpu_s, self.count, self.pid = None, None, 0, pid
            self.arrived.clear()


@contextmanager
def recording_assistant(recorder: Recorder) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            recorder.note()
            try:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(_ANSWER)))
                self.end_headers()
                self.wfile.write(_ANSWER)
            except OSError:  # the audit was stopped once its first question arrived
                self.close_connection = True

        def handle(self) -> None:
            try:
                super().handle()
            except OSError:  # the audit was stopped with a request under way
                return

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def write_config(folder: Path, shop_url: str, assistant_url: str, max_probes: int | None) -> Path:
    import tomlkit

    from auditor.reference._audit_config import reference_anchors

    anchors = reference_anchors(shop_url, STAFF_TOKEN_ENV)
    audit: dict[str, Any] = {"name": "launch", "seed": SEED, "timeout_s": 15}
    if max_probes is not None:
        audit["max_probes"] = max_probes
    config = {
        "audit": audit,
        "assistant": [
            {"name": "web", "kind": "openai", "base_url": f"{assistant_url}/v1", "model": "m"}
        ],
        "anchors": {
            name: anchor.model_dump(mode="json", exclude_none=True)
            for name, anchor in anchors.items()
        },
    }
    path = folder / "audit.toml"
    path.write_text(tomlkit.dumps(config), encoding="utf-8")
    return path


def launch_once(
    config: Path, out: Path, env: dict[str, str], recorder: Recorder
) -> tuple[float, float | None]:
    """Seconds from spawning `auditor run` to its first question, and its CPU seconds by then."""
    recorder.reset()
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(AUDITOR), "run", "-c", str(config), "--out", str(out), "--quiet"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    recorder.reset(process.pid)
    try:
        if not recorder.arrived.wait(timeout=120):
            raise RuntimeError("no question arrived within 120 s")
        assert recorder.first is not None
        return recorder.first - started, recorder.first_cpu_s
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


#: Run in a fresh interpreter: read the snapshot, then time two plans (cold, then warm).
_PLAN_PROBE = """
import asyncio, json, os, sys, time
from pathlib import Path
from auditor._config import load_config
from auditor._anchors import open_anchors
from auditor._probes import load_suites, plan_probes

config = load_config(Path(sys.argv[1]))
count = int(sys.argv[2])

async def snapshot():
    async with open_anchors(
        config.anchors, read_only=True, env=os.environ, base_dir=Path(sys.argv[1]).parent
    ) as anchors:
        return await anchors.snapshot()

snap = asyncio.run(snapshot())
suites = load_suites(config.probes.suites)
figures = {}
for label, seed in (("cold", config.audit.seed), ("warm", config.audit.seed + 1)):
    started = time.process_time()
    plan = plan_probes(snap, suites, max_probes=count, seed=seed, channels=["web"])
    cpu = time.process_time() - started
    figures[label] = {
        "probes": len(plan), "cpu_ms": cpu * 1000, "cpu_ms_per_probe": cpu * 1000 / len(plan)
    }
print(json.dumps(figures))
"""


def planning_cpu(config: Path, count: int, env: dict[str, str]) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", _PLAN_PROBE, str(config), str(count)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--max-probes",
        type=int,
        default=None,
        help="the audit's budget (default: the ci profile's, 300)",
    )
    parser.add_argument("--plan-probes", type=int, default=300)
    parser.add_argument(
        "--no-compile", action="store_true", help="leave the package's bytecode as it is"
    )
    parser.add_argument("--out", type=Path, help="also write the JSON summary here")
    args = parser.parse_args()

    import auditor
    from auditor.reference._world import running_world

    package = Path(auditor.__file__).parent
    if not args.no_compile:
        compileall.compile_dir(package, quiet=1)
    load = os.getloadavg()
    recorder = Recorder()
    with (
        tempfile.TemporaryDirectory() as tmp,
        running_world() as world,
        recording_assistant(recorder) as assistant_url,
    ):
        folder = Path(tmp)
        config = write_config(folder, world.shop_url, assistant_url, args.max_probes)
        env = {
            **os.environ,
            STAFF_TOKEN_ENV: world.staff_token,
            "HYPOTHESIS_STORAGE_DIRECTORY": str(folder / "hypothesis"),
            "XDG_CACHE_HOME": str(folder / "cache"),
        }
        env.pop("AUDITOR_NO_CACHE", None)
        cold, cold_cpu = launch_once(config, folder / "out-cold", env, recorder)
        print(
            f"cold launch (documents not checked before): first question after "
            f"{cold * 1000:.0f} ms ({cold_cpu * 1000 if cold_cpu is not None else float('nan'):.0f}"
            " ms CPU)",
            flush=True,
        )
        launches, cpus = [], []
        for n in range(args.repeat):
            seconds, cpu = launch_once(config, folder / f"out-{n}", env, recorder)
            launches.append(seconds)
            cpus.append(cpu if cpu is not None else float("nan"))
            print(
                f"launch {n + 1}: first question after {seconds * 1000:.0f} ms "
                f"({cpu * 1000 if cpu is not None else float('nan'):.0f} ms CPU)",
                flush=True,
            )
        planning = planning_cpu(config, args.plan_probes, env)
    for label, figures in planning.items():
        print(
            f"planning ({label}): {figures['probes']} probes in {figures['cpu_ms']:.1f} ms CPU, "
            f"{figures['cpu_ms_per_probe']:.3f} ms per probe",
            flush=True,
        )
    summary = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in load],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "max_probes": args.max_probes,
        "package": str(package),
        "bytecode_compiled": not args.no_compile,
        "cold_launch_s": round(cold, 3),
        "cold_cpu_s": None if cold_cpu is None else round(cold_cpu, 3),
        "launch_to_first_question_s": round(statistics.median(launches), 3),
        "launches_s": [round(x, 3) for x in launches],
        "cpu_to_first_question_s": round(statistics.median(cpus), 3),
        "cpus_to_first_question_s": [round(x, 3) for x in cpus],
        "planning": {
            label: {k: round(v, 4) if isinstance(v, float) else v for k, v in figures.items()}
            for label, figures in planning.items()
        },
    }
    line = json.dumps(summary)
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(line)


if __name__ == "__main__":
    main()
