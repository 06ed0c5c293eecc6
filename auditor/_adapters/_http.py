"""A templated HTTP request per turn, the answer read back by one or several JSONPaths.

Method, URL, headers and a JSON (`body`) or form (`form`) body are templates (see
`_template.py`); values put into the URL are percent-encoded. The answer is every value the
`answer_path` expressions find, joined by newlines. With `session_path`, the session id the
assistant returns is sent with the next turn, so a conversation stays in one session.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from urllib.parse import quote

import httpx
from jsonpath_ng.ext.parser import parse as jsonpath

from auditor._adapters._attempt import Attempt
from auditor._adapters._base import AdapterError, AdapterSettings, Answer, Conversation
from auditor._adapters._exchange import Reader, exchange
from auditor._adapters._http_common import excerpt, read_bounded
from auditor._adapters._registry import ADAPTERS
from auditor._adapters._template import customer_headers, fill, placeholders
from auditor._adapters._transport import HttpClient
from auditor._config import HttpAssistant
from auditor._customers import CUSTOMER_VARIABLE
from auditor._validators import TEMPLATE_VARIABLES

VARIABLES = TEMPLATE_VARIABLES

#: What one turn's response gives: the answer and the session id to continue in.
_Reply = tuple[str, str | None]


def _url_escape(value: str) -> str:
    return quote(value, safe="")


def check_templates(config: HttpAssistant, env: Mapping[str, str]) -> None:
    """Refuse unknown variables and unset environment variables before the first request."""
    used = set().union(
        *(placeholders(part) for part in (config.url, config.headers, config.body, config.form))
    )
    unknown = sorted(
        n for n in used if n not in VARIABLES and not n.startswith(("env.", CUSTOMER_VARIABLE))
    )
    if unknown:
        known = ", ".join(f"{{{{{v}}}}}" for v in [*sorted(VARIABLES), "env.NAME"])
        raise AdapterError(f"unknown template variables {unknown} (known: {known})")
    unset = sorted(n[4:] for n in used if n.startswith("env.") and n[4:] not in env)
    if unset:
        raise AdapterError(f"environment variables not set: {', '.join(unset)}")


class HttpAdapter:
    def __init__(self, config: HttpAssistant, settings: AdapterSettings) -> None:
        self.name = config.name
        self._config = config
        self._settings = settings
        paths = [config.answer_path] if isinstance(config.answer_path, str) else config.answer_path
        try:
            self._answer_paths = [jsonpath(p) for p in paths]
            self._session_path = jsonpath(config.session_path) if config.session_path else None
        except Exception as error:  # jsonpath-ng raises bare Exceptions on bad syntax
            raise AdapterError(f"bad JSONPath: {error}") from None
        check_templates(config, settings.env)
        self._key: str | None = None
        if config.api_key_env:
            self._key = settings.env.get(config.api_key_env)
            if not self._key:
                raise AdapterError(f"environment variable {config.api_key_env} is not set")
        self._client = HttpClient(settings)

    async def aclose(self) -> None:
        await self._client.aclose()

    async def ask(self, conversation: Conversation) -> Answer:
        if not conversation.turns:
            raise AdapterError("a conversation needs at least one turn")
        session = conversation.session_id
        answers: list[str] = []
        attempts, latency = 0, 0.0
        for turn in conversation.turns:
            variables = {
                "question": turn,
                "session_id": session,
                "customer_id": conversation.customer_id,
                **self._customer_variables(conversation.customer_id),
            }
            try:
                done = await exchange(
                    self._client,
                    self._request(
                        variables, conversation.customer_id, conversation.trace_headers()
                    ),
                    self._settings,
                    self._reader(session),
                    conversation.pace,
                )
            except AdapterError as error:
                error.attempts += attempts  # the earlier turns' requests too
                raise
            attempts += done.attempts
            latency += done.latency_ms
            text, session = done.value
            answers.append(text)
        return Answer(answers[-1], tuple(answers), latency, None, attempts, session)

    def _customer_variables(self, customer_id: str | None) -> dict[str, str | None]:
        identity = self._settings.identity(customer_id)
        if identity is None:
            return {}
        return {CUSTOMER_VARIABLE + k: v for k, v in identity.variables.items()}

    def _request(
        self,
        variables: dict[str, str | None],
        customer_id: str | None,
        trace: dict[str, str],
    ) -> httpx.Request:
        config, env = self._config, self._settings.env
        headers = {k: str(fill(v, variables, env)) for k, v in config.headers.items()}
        headers.update(customer_headers(self._settings, self.name, customer_id, variables))
        headers.update(trace)
        if self._key:
            headers.setdefault("Authorization", f"Bearer {self._key}")
        if customer_id is not None and config.customer_header:
            headers[config.customer_header] = customer_id
        url = str(fill(config.url, variables, env, _url_escape))
        if config.body is not None:
            body = fill(config.body, variables, env)
            return self._client.request(config.method, url, headers=headers, json=body)
        form = None if config.form is None else fill(config.form, variables, env)
        return self._client.request(config.method, url, headers=headers, data=form)

    def _reader(self, session: str | None) -> Reader[_Reply]:
        async def read(response: httpx.Response, attempt: Attempt) -> _Reply:
            raw = await read_bounded(response, attempt, self._settings.max_answer_bytes)
            return self._parse(raw, session)

        return read

    def _parse(self, raw: bytes, session: str | None) -> _Reply:
        try:
            document = json.loads(raw)
        except ValueError:
            raise AdapterError(f"answer is not JSON: {excerpt(raw)}") from None
        parts = [
            _as_text(match.value)
            for path in self._answer_paths
            for match in path.find(document)
            if match.value is not None
        ]
        if not parts:
            raise AdapterError(f"no answer at {self._config.answer_path} in {excerpt(raw)}")
        if self._session_path is not None:
            found = self._session_path.find(document)
            if found and found[0].value is not None:
                session = _as_text(found[0].value)
        return "\n".join(parts), session


def _as_text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@ADAPTERS.register("http")
def _make(config: HttpAssistant, settings: AdapterSettings) -> HttpAdapter:
    return HttpAdapter(config, settings)
