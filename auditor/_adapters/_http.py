"""A templated HTTP request, the answer read back by JSONPath."""

from __future__ import annotations

import json
from typing import Any

from jsonpath_ng.ext.parser import parse as jsonpath

from auditor._adapters._base import ADAPTERS, AdapterError, AdapterSettings, Answer, Conversation
from auditor._adapters._http_common import (
    Stopwatch,
    check_status,
    make_client,
    read_bounded,
    send_with_retries,
)
from auditor._adapters._template import fill
from auditor._config import HttpAssistant


class HttpAdapter:
    def __init__(self, config: HttpAssistant, settings: AdapterSettings) -> None:
        self.name = config.name
        self._config = config
        self._settings = settings
        self._client = make_client(settings)
        paths = [config.answer_path] if isinstance(config.answer_path, str) else config.answer_path
        try:
            self._answer_paths = [jsonpath(p) for p in paths]
            self._session_path = jsonpath(config.session_path) if config.session_path else None
        except Exception as error:  # jsonpath-ng raises bare Exceptions on bad syntax
            raise AdapterError(f"assistant {config.name}: bad JSONPath: {error}") from None
        self._key = None
        if config.api_key_env:
            self._key = settings.env.get(config.api_key_env)
            if not self._key:
                raise AdapterError(f"environment variable {config.api_key_env} is not set")

    async def aclose(self) -> None:
        await self._client.aclose()

    async def ask(self, conversation: Conversation) -> Answer:
        session = conversation.session_id
        answers: list[str] = []
        attempts = 0
        latency = 0.0
        for turn in conversation.turns:
            variables = {
                "question": turn,
                "session_id": session,
                "customer_id": conversation.customer_id,
            }
            text, session, tries, latency = await self._turn(variables, conversation.customer_id)
            attempts += tries
            answers.append(text)
        return Answer(answers[-1], tuple(answers), latency, None, attempts, session)

    async def _turn(
        self, variables: dict[str, str | None], customer_id: str | None
    ) -> tuple[str, str | None, int, float]:
        env = self._settings.env
        config = self._config
        headers = {k: str(fill(v, variables, env)) for k, v in config.headers.items()}
        if self._key:
            headers.setdefault("Authorization", f"Bearer {self._key}")
        if customer_id is not None and config.customer_header:
            headers[config.customer_header] = customer_id
        kwargs: dict[str, Any] = {"headers": headers}
        if config.body is not None:
            kwargs["json"] = fill(config.body, variables, env)
        elif config.form is not None:
            kwargs["data"] = fill(config.form, variables, env)
        url = str(fill(config.url, variables, env))
        request = self._client.build_request(config.method, url, **kwargs)
        watch = Stopwatch()
        async with send_with_retries(self._client, request, self._settings) as (response, tries):
            raw = await read_bounded(response, self._settings.max_answer_bytes)
            check_status(response, raw)
        try:
            document = json.loads(raw)
        except ValueError:
            raise AdapterError(f"answer is not JSON: {raw[:200]!r}") from None
        parts = [
            str(m.value) for path in self._answer_paths for m in path.find(document)
            if m.value is not None
        ]
        if not parts:
            raise AdapterError(f"no answer at {config.answer_path} in {raw[:200]!r}")
        session = variables["session_id"]
        if self._session_path is not None:
            found = self._session_path.find(document)
            session = str(found[0].value) if found else session
        return "\n".join(parts), session, tries, watch.ms()


@ADAPTERS.register("http")
def _make(config: HttpAssistant, settings: AdapterSettings) -> HttpAdapter:
    return HttpAdapter(config, settings)
