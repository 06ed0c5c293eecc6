"""`[reader]`: an optional language model that reads what the rules cannot (issue 21).

Only this module is imported with the configuration: the client, the schema and the cache are
imported when an audit actually has a reader (`auditor._reader.open_reader`), so that a run
without one pays nothing for it.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from auditor._validators import check_url

#: Which answers go to the model: only those the rules leave `unread`, or every one.
ReaderMode = Literal["fallback", "compare"]
#: Whose reading decides the verdict in `compare` mode.
Decider = Literal["rules", "model"]
#: How the response's shape is asked for: OpenAI's `json_schema`, the `json_object` with a
#: `schema` that llama.cpp's Python server and others read, or not at all (a strict parse).
#: `auto` tries them in that order, stepping down when a server refuses one (HTTP 400/422).
StructuredOutput = Literal["auto", "json_schema", "json_object", "none"]
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class ReaderSection(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["openai"] = Field(
        "openai",
        description="The protocol: `openai` is any server speaking OpenAI's chat completions.",
    )
    base_url: str = Field(
        description=(
            "The server's base URL, up to and without `/chat/completions` "
            "(e.g. `http://127.0.0.1:8080/v1`)."
        ),
    )
    model: str = Field(
        min_length=1,
        description="The model's name as the server knows it; part of the cache's key.",
    )
    api_key_env: str | None = Field(
        None,
        description=(
            "The environment variable holding the API key (sent as a Bearer token); the key "
            "itself is never written in the file, and is redacted from everything stored."
        ),
    )
    timeout_s: Annotated[float, Field(gt=0, le=600)] = Field(
        30.0,
        description="Bound on one request to the model, from sending it to its last byte.",
    )
    concurrency: Annotated[int, Field(ge=1, le=256)] = Field(
        2,
        description="Requests with the model at once, at most.",
    )
    mode: ReaderMode = Field(
        "fallback",
        description=(
            "`fallback`: only answers the rules leave `unread` go to the model; `compare`: every "
            "answer, both readings kept and their agreement reported per claim kind."
        ),
    )
    decide: Decider = Field(
        "rules",
        description=(
            "In `compare` mode, whose reading the verdict rests on; a phrase taught with "
            "`auditor review` beats the model either way."
        ),
    )
    structured: StructuredOutput = Field(
        "auto",
        description=(
            "How the JSON shape is asked of the server (`auto` steps down from `json_schema` to "
            "`json_object` to none when the server refuses one)."
        ),
    )
    seed: int = Field(0, description="Sent with every request, with temperature 0.")
    max_tokens: Annotated[int, Field(ge=16, le=8192)] = Field(
        256, description="The longest reply the model may write for one answer."
    )

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if "{{" in value:
            raise ValueError("templates are not read here: give the URL itself")
        return check_url(value, what="base_url").rstrip("/")

    @field_validator("api_key_env")
    @classmethod
    def _env_name(cls, value: str | None) -> str | None:
        if value is not None and not _ENV_NAME.match(value):
            raise ValueError(f"{value!r} is not an environment variable name")
        return value
