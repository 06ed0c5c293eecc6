"""Putting the tap in place: one recording proxy per anchor origin, on loopback, in threads.

Anchors whose `base_url`s share an origin (the reference shop serves all three) share a proxy,
since an assistant that reaches them through one URL can only be pointed at one. The URL to give
the assistant for an anchor is its `base_url` with the origin swapped for its proxy's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from auditor._anchors import AnchorConfig, AnchorError
from auditor._anchors._spec import Spec, is_url, parse_document
from auditor._serve import serve_in_thread
from auditor._tap._config import TapSection
from auditor._tap._operations import OperationIndex, origin_of
from auditor._tap._proxy import TapProxy
from auditor._tap._recorder import TapRecorder


class TapError(Exception):
    """The tap cannot be put in place (conflicting ports, an unreadable document ...)."""


class TapUnavailable(TapError):
    """A proxy cannot listen where it was asked to (the port is taken)."""


@dataclass(frozen=True, slots=True)
class Tap:
    recorder: TapRecorder
    #: Upstream origin -> the origin of the proxy in front of it.
    proxies: Mapping[str, str]
    #: Anchor name -> the base URL to give the assistant instead of the anchor's own.
    anchors: Mapping[str, str]

    def url_for(self, url: str) -> str:
        """`url` with its origin replaced by its proxy's (unchanged when none stands there)."""
        origin = origin_of(url)
        proxy = self.proxies.get(origin)
        return url if proxy is None else proxy + url[len(origin) :]


def _document(config: AnchorConfig, base_dir: Path) -> Spec:
    source = config.spec
    if is_url(source):
        try:
            response = httpx.get(source, timeout=30, trust_env=False)
        except httpx.HTTPError as error:
            raise TapError(f"{source}: cannot fetch the document: {error}") from None
        if response.status_code != 200:
            raise TapError(f"{source}: fetching the document answered {response.status_code}")
        return parse_document(response.text, source)
    path = Path(source) if Path(source).is_absolute() else base_dir / source
    try:
        return parse_document(path.read_text(encoding="utf-8"), str(path))
    except OSError as error:
        raise TapError(f"{path}: cannot read the document: {error.strerror}") from None


def load_specs(anchors: Mapping[str, AnchorConfig], base_dir: Path) -> dict[str, Spec]:
    """Every anchor's OpenAPI document, read once (from a path or a URL)."""
    try:
        return {name: _document(config, base_dir) for name, config in anchors.items()}
    except AnchorError as error:
        raise TapError(str(error)) from None


def _ports(anchors: Mapping[str, AnchorConfig], section: TapSection) -> dict[str, int]:
    unknown = sorted(set(section.ports) - set(anchors))
    if unknown:
        raise TapError(f"tap.ports names no anchor: {', '.join(unknown)}")
    ports: dict[str, int] = {}
    for name, config in anchors.items():
        origin = origin_of(config.base_url)
        wanted = section.ports.get(name, 0)
        held = ports.get(origin, 0)
        if wanted and held and wanted != held:
            raise TapError(
                f"tap.ports: anchors at {origin} share one proxy, so they need one "
                f"port (got {held} and {wanted})"
            )
        ports[origin] = wanted or held
    return ports


@contextmanager
def open_tap(
    anchors: Mapping[str, AnchorConfig],
    specs: Mapping[str, Spec],
    section: TapSection,
    out: Path | None,
) -> Iterator[Tap]:
    """Proxies in front of every anchor origin until the block ends, recording into `out`."""
    ports = _ports(anchors, section)
    index = OperationIndex.build({n: (anchors[n], specs[n]) for n in anchors})
    with ExitStack() as stack:
        recorder = stack.enter_context(TapRecorder(out, index, section.identity_headers))
        proxies: dict[str, str] = {}
        for origin, port in ports.items():
            proxy = TapProxy(origin, recorder, timeout_s=section.timeout_s)
            try:
                proxies[origin] = stack.enter_context(
                    serve_in_thread(
                        proxy, host=section.host, port=port, server_header=False, date_header=False
                    )
                )
            except OSError as error:
                raise TapUnavailable(f"cannot listen on {section.host}:{port}: {error}") from None
        tap = Tap(recorder, proxies, {})
        urls = {name: tap.url_for(config.base_url) for name, config in anchors.items()}
        yield Tap(recorder, proxies, urls)


@contextmanager
def tap_front(
    upstream: str,
    anchors: Mapping[str, AnchorConfig],
    out: Path | None,
    *,
    base_dir: Path,
    section: TapSection | None = None,
) -> Iterator[str]:
    """A tap in front of the anchors; yields the URL to call `upstream` at instead.

    Made for `running_world(shop_proxy=...)`: the reference assistant then reaches the shop
    through the tap, and every call it makes is recorded into `out`.
    """
    specs = load_specs(anchors, base_dir)
    with open_tap(anchors, specs, section or TapSection(), out) as tap:
        yield tap.url_for(upstream)
