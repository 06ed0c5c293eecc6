"""The model reader: one OpenAI chat-completions request per answer not in the cache, at most
`concurrency` at a time, each bounded by `timeout_s`; it never raises.

Temperature 0 and a fixed seed (and `top_k` 1, which llama.cpp and vLLM read) so that the same
answer reads the same. The reply's shape is asked for with the response model's JSON Schema
(`_schema`); a server that refuses a `response_format` (HTTP 400/422, or an error naming it)
is asked the next way down (`StructuredOutput`), and a reply that is not the JSON asked for
gets one retry.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx

from auditor._claims import ClaimKind
from auditor._reader._cache import ReplyCache, cache_key
from auditor._reader._config import ReaderSection
from auditor._reader._exam import (
    EXAM_KIND,
    EXAM_SUBJECT,
    QUESTION,
    exam_questions,
    marked,
    verdict_of_exam,
)
from auditor._reader._prompt import messages, retry_message
from auditor._reader._reading import Reading
from auditor._reader._schema import (
    ReplyError,
    asked_kinds,
    parse_reply,
    reading_from_reply,
    response_schema,
)

_FORMATS = ("json_schema", "json_object", "none")


class _Refused(Exception):
    """The server refused the request's `response_format` (HTTP 400 or 422)."""


class _Failed(Exception):
    """The request failed; the message is the reason a result shows."""


def _format(kind: str, kinds: tuple[ClaimKind, ...]) -> dict[str, Any] | None:
    schema = response_schema(kinds)
    if kind == "json_schema":
        return {
            "type": "json_schema",
            "json_schema": {"name": "claims", "schema": schema, "strict": True},
        }
    if kind == "json_object":
        return {"type": "json_object", "schema": schema}
    return None


class OfflineReader:
    """The readings the audit directory's cache holds, and no others: makes no request
    (`auditor report --rejudge` runs offline)."""

    def __init__(self, section: ReaderSection, directory: Path | None) -> None:
        self.section = section
        self.mode = section.mode
        self.decide = section.decide
        self._cache = ReplyCache(directory)

    def _key(self, answer: str, probe_kind: str, subject: str) -> str:
        return cache_key(answer, probe_kind, subject, self.section.model)

    def cached(
        self, answer: str, probe_kind: str, subject: str, question: str, kinds: Sequence[ClaimKind]
    ) -> Reading | None:
        """The reading the cache holds for this answer, or None: makes no request."""
        del question
        entry = self._cache.get(self._key(answer, probe_kind, subject))
        if entry is None:
            return None
        reply, tokens = str(entry["reply"]), int(entry["tokens"])
        return reading_from_reply(answer, reply, tuple(kinds), tokens, 0.0, cached=True)

    def vetted(self, kinds: Sequence[ClaimKind]) -> str | None:
        """The check (`_exam`) from the cache alone: None when the model passed it on every
        kind of `kinds`, else why not (a sentence never read counts as failed)."""
        for kind in kinds:
            wrong = []
            questions = exam_questions([kind])
            for claim_kind, text, value in questions:
                reading = self.cached(
                    text, EXAM_KIND, EXAM_SUBJECT, QUESTION, asked_kinds((claim_kind,))
                ) or Reading(error="not checked (no cached reading: offline)")
                why = marked(claim_kind, value, reading)
                if why is not None:
                    wrong.append(why)
            outcome = verdict_of_exam(kind, wrong, len(questions))
            if outcome is not None:
                return outcome
        return None


class ModelReader(OfflineReader):
    """Reads answers with the configured model; owns its HTTP client (`aclose`)."""

    def __init__(
        self,
        section: ReaderSection,
        env: Mapping[str, str],
        directory: Path | None,
        *,
        redact: Callable[[str], str] = lambda text: text,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__(section, directory)
        self._redact = redact
        self._formats = list(_FORMATS if section.structured == "auto" else (section.structured,))
        self._slots = asyncio.Semaphore(section.concurrency)
        self._exam_lock = asyncio.Lock()
        self._pending: dict[str, asyncio.Lock] = {}
        self._vetted: dict[ClaimKind, str | None] = {}
        headers = {}
        if section.api_key_env and env.get(section.api_key_env):
            headers["Authorization"] = f"Bearer {env[section.api_key_env]}"
        self._http = httpx.AsyncClient(
            base_url=section.base_url,
            headers=headers,
            timeout=section.timeout_s,
            trust_env=False,
            transport=transport,
            limits=httpx.Limits(max_connections=section.concurrency),
        )

    async def aclose(self) -> None:
        await self._http.aclose()

    async def read(
        self, answer: str, probe_kind: str, subject: str, question: str, kinds: Sequence[ClaimKind]
    ) -> Reading:
        """The model's reading of `answer`, from the cache when it holds one; never raises."""
        wanted = tuple(kinds)
        key = self._key(answer, probe_kind, subject)
        try:
            # One request per answer: the same answer asked again meanwhile waits for it.
            async with self._pending.setdefault(key, asyncio.Lock()):
                return await self._read(key, answer, subject, question, wanted)
        except _Failed as failed:
            return Reading(error=self._redact(f"model reader: {failed}"), kinds=wanted)
        except Exception as error:  # a reader's failure is never the audit's
            name = type(error).__name__
            return Reading(error=self._redact(f"model reader failed: {name}"), kinds=wanted)

    async def _read(
        self, key: str, answer: str, subject: str, question: str, wanted: tuple[ClaimKind, ...]
    ) -> Reading:
        entry = self._cache.get(key)
        if entry is not None:
            reply, tokens = str(entry["reply"]), int(entry["tokens"])
            return reading_from_reply(answer, reply, wanted, tokens, 0.0, cached=True)
        async with self._slots:
            started = time.perf_counter()
            try:
                # Two requests at most (one retry), each bounded by httpx; this bounds both.
                async with asyncio.timeout(self.section.timeout_s * 2 + 1):
                    reply, tokens = await self._ask(answer, question, subject, wanted)
            except TimeoutError:
                raise _Failed(f"no reply within {self.section.timeout_s:g} s") from None
            seconds = time.perf_counter() - started
        reading = reading_from_reply(answer, reply, wanted, tokens, seconds, cached=False)
        if reading.error is None:
            self._cache.put(key, self._redact(reply), tokens, seconds)
        return reading

    async def vet(self, kinds: Sequence[ClaimKind]) -> str | None:
        """None when the model reads the check sentences (`_exam`) of every kind of `kinds`
        right, else why not; each kind is checked once per audit, its readings cached."""
        for kind in kinds:
            async with self._exam_lock:
                if kind not in self._vetted:
                    self._vetted[kind] = await self._examine(kind)
            if self._vetted[kind] is not None:
                return self._vetted[kind]
        return None

    async def _examine(self, kind: ClaimKind) -> str | None:
        wrong = []
        questions = exam_questions([kind])
        for claim_kind, text, value in questions:
            wanted = asked_kinds((claim_kind,))
            reading = await self.read(text, EXAM_KIND, EXAM_SUBJECT, QUESTION, wanted)
            why = marked(claim_kind, value, reading)
            if why is not None:
                wrong.append(why)
        return verdict_of_exam(kind, wrong, len(questions))

    async def _ask(
        self, answer: str, question: str, subject: str, kinds: tuple[ClaimKind, ...]
    ) -> tuple[str, int]:
        chat = messages(answer, question, subject, kinds)
        reply, tokens = await self._complete(chat, kinds)
        try:
            parse_reply(reply, kinds)
        except ReplyError as problem:
            chat = [*chat, {"role": "assistant", "content": reply}, retry_message(str(problem))]
            reply, more = await self._complete(chat, kinds)
            tokens += more
        return reply, tokens

    async def _complete(
        self, chat: list[dict[str, Any]], kinds: tuple[ClaimKind, ...]
    ) -> tuple[str, int]:
        while True:
            asked = self._formats[0]
            try:
                return await self._post(chat, _format(asked, kinds))
            except _Refused:
                if asked != self._formats[0]:
                    continue  # a request in parallel has stepped down already
                if len(self._formats) == 1:
                    raise _Failed("the server refused the request") from None
                self._formats.pop(0)  # this server does not take that format: step down

    async def _post(
        self, chat: list[dict[str, Any]], response_format: dict[str, Any] | None
    ) -> tuple[str, int]:
        section = self.section
        body: dict[str, Any] = {
            "model": section.model,
            "messages": chat,
            "temperature": 0.0,
            "top_k": 1,
            "seed": section.seed,
            "max_tokens": section.max_tokens,
        }
        if response_format is not None:
            body["response_format"] = response_format
        try:
            response = await self._http.post("/chat/completions", json=body)
        except httpx.TimeoutException:
            raise _Failed(f"no reply within {section.timeout_s:g} s") from None
        except httpx.TransportError as error:
            raise _Failed(f"cannot reach {section.base_url}: {type(error).__name__}") from None
        if response_format is not None and _refuses_format(response):
            raise _Refused
        if response.status_code >= 400:
            raise _Failed(f"HTTP {response.status_code} from {section.base_url}")
        try:
            data = response.json()
            content = data["choices"][0]["message"]["content"]
        except (ValueError, LookupError, TypeError):
            raise _Failed("the server's response is not a chat completion") from None
        if not isinstance(content, str):
            raise _Failed("the chat completion holds no text")
        usage = data.get("usage") if isinstance(data, dict) else None
        tokens = usage.get("total_tokens", 0) if isinstance(usage, dict) else 0
        return content, tokens if isinstance(tokens, int) else 0


def _refuses_format(response: httpx.Response) -> bool:
    """The server says no to the `response_format`: a 400 or 422, or any error naming it
    (llama.cpp's Python server answers a `json_schema` it does not know with a 500)."""
    if response.status_code in (400, 422):
        return True
    return response.status_code >= 400 and "response_format" in response.text[:4000]
