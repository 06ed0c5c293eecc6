"""httpx requests and responses seen through openapi-core's protocols.

openapi-core ships adapters for requests, aiohttp, Django and others but none for httpx; this is
the small one it lacks (compare its `contrib/requests/`). `path_pattern` is given so that
openapi-core need not guess the operation from the concrete URL: the anchor already knows it.
"""

from __future__ import annotations

from urllib.parse import parse_qs

import httpx
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict


class HttpxOpenAPIRequest:
    def __init__(self, request: httpx.Request, *, path_pattern: str | None = None) -> None:
        self.request = request
        self._path_pattern = path_pattern
        query = parse_qs(request.url.query.decode("ascii", "replace"), keep_blank_values=True)
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(query),
            header=Headers(request.headers.multi_items()),
            cookie=ImmutableMultiDict(),
        )

    @property
    def host_url(self) -> str:
        url = self.request.url
        port = f":{url.port}" if url.port is not None else ""
        return f"{url.scheme}://{url.host}{port}"

    @property
    def path(self) -> str:
        return self.request.url.path

    @property
    def path_pattern(self) -> str:
        return self._path_pattern or self.request.url.path

    @property
    def method(self) -> str:
        return self.request.method.lower()

    @property
    def body(self) -> bytes | None:
        content = self.request.content
        return content or None

    @property
    def content_type(self) -> str:
        return str(self.request.headers.get("Content-Type", "")).lower()


class HttpxOpenAPIResponse:
    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @property
    def data(self) -> bytes:
        return self.response.content

    @property
    def status_code(self) -> int:
        return self.response.status_code

    @property
    def content_type(self) -> str:
        return str(self.response.headers.get("Content-Type", "")).lower()

    @property
    def headers(self) -> Headers:
        return Headers(self.response.headers.multi_items())
