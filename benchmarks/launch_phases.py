"""Where the CPU before the first question goes: `auditor run` with phase marks.

The same shop, assistant and configuration as `launch.py`. The child is the `auditor` command
started through a small prelude that notes `time.process_time()` after each stage: typer,
pydantic, the `run` command's module, the configuration's modules, the run path's modules (each
imported explicitly before `main()`, so that their cost is told apart from the work), then,
by wrapping the audit's own steps, reading the file, opening the anchors (with the preflight
before it), the snapshot, the plan with meta.json, and the first question (the harness sends
SIGUSR1 when its request arrives; the child writes its marks, saves what the reader compiled,
as `auditor run`'s exit does, and exits). The first launch checks the documents and compiles
the reader's patterns (a cold cache) and is not printed; each later one prints one line.

    .venv/bin/python benchmarks/launch_phases.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from launch import STAFF_TOKEN_ENV, Recorder, recording_assistant, write_config

_CHILD = r"""
import os, signal, sys, time
T = [("interpreter", time.process_time())]
def mark(name):
    T.append((name, time.process_time()))
def written(signum, frame):
    mark("first question")
    parts, before = [], 0.0
    for name, at in T:
        parts.append(f"{name} +{at - before:.3f}")
        before = at
    with open(os.environ["PHASES_OUT"], "a", encoding="utf-8") as out:
        out.write(f"total {T[-1][1]:.3f}: " + ", ".join(parts) + "\n")
    # What a run that ends normally leaves for the next (its exit hook, which os._exit skips):
    # the reader's compiled patterns and worked-out rule tables.
    compiled = sys.modules.get("auditor._claims._compiled")
    if compiled is not None:
        compiled.save()
    os._exit(0)
signal.signal(signal.SIGUSR1, written)
import typer; mark("typer")
import pydantic; mark("pydantic")
import auditor._cli._run; mark("run command")
import auditor._config as C; mark("configuration modules")
import auditor._audit as A; mark("run path modules")
load_config = C.load_config
def load(path):
    loaded = load_config(path); mark("command line and file"); return loaded
C.load_config = load
take = A._take_snapshot
async def snapshot(*args, **kwargs):
    mark("preflight and anchors"); taken = await take(*args, **kwargs); mark("snapshot")
    return taken
A._take_snapshot = snapshot
start = A._start
def started(*args, **kwargs):
    began = start(*args, **kwargs); mark("plan and meta.json"); return began
A._start = started
sys.argv = ["auditor", *sys.argv[1:]]
sys.modules.setdefault("httpx._main", None)
from auditor._cli import main
main()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from auditor.reference._world import running_world

    recorder = Recorder()
    with (
        tempfile.TemporaryDirectory() as tmp,
        running_world() as world,
        recording_assistant(recorder) as assistant_url,
    ):
        folder = Path(tmp)
        config = write_config(folder, world.shop_url, assistant_url, None)
        out = folder / "phases.txt"
        env = {
            **os.environ,
            STAFF_TOKEN_ENV: world.staff_token,
            "HYPOTHESIS_STORAGE_DIRECTORY": str(folder / "hypothesis"),
            "XDG_CACHE_HOME": str(folder / "cache"),
            "PHASES_OUT": str(out),
        }
        env.pop("AUDITOR_NO_CACHE", None)
        for n in range(args.repeat + 1):  # the first checks the documents: not printed
            recorder.reset()
            command = [sys.executable, "-c", _CHILD, "run", "-c", str(config)]
            process = subprocess.Popen(
                [*command, "--out", str(folder / f"out-{n}"), "--quiet"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            recorder.reset(process.pid)
            if not recorder.arrived.wait(timeout=180):
                process.kill()
                raise SystemExit("no question arrived within 180 s")
            process.send_signal(signal.SIGUSR1)
            process.wait(timeout=60)
        lines = out.read_text(encoding="utf-8").splitlines()[1:]
    print(f"load average {os.getloadavg()[0]:.1f}")
    for line in lines:
        print(line)


if __name__ == "__main__":
    main()
