"""How the reference shop copes with a big catalogue: start-up, a full listing, memory.

Starts a shop of `--items` items (100,000 by default) on loopback, pages through the whole
catalogue over HTTP with page_size 500 twice (the first pass validates every record against
the document; the second finds them in the validation memo), and prints the figures. The last
line is one JSON object, for machines.

    .venv/bin/python benchmarks/shop_scale.py [--items 100000] [--page-size 500]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from typing import Any

import httpx

from auditor._serve import serve_in_thread
from auditor.reference.shop import _precheck, create_shop


def listing(client: httpx.Client, page_size: int) -> tuple[int, float, list[float]]:
    """(items seen, seconds, per-page seconds) for one full pass through the catalogue."""
    seen, page, pages = 0, 1, []
    started = time.perf_counter()
    while page is not None:
        before = time.perf_counter()
        response = client.get("/inventory/items", params={"page": page, "page_size": page_size})
        pages.append(time.perf_counter() - before)
        response.raise_for_status()
        body = response.json()
        seen += len(body["items"])
        page = body["next_page"]
    return seen, time.perf_counter() - started, pages


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # -> MiB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def run(items: int, page_size: int, precheck: bool | None) -> dict[str, Any]:
    rss_before = peak_rss_mib()
    started = time.perf_counter()
    shop = create_shop(items=items, precheck=precheck)
    seeded = time.perf_counter() - started
    with serve_in_thread(shop.app) as url:
        ready = time.perf_counter() - started
        rss_seeded = peak_rss_mib()
        with httpx.Client(base_url=url, timeout=60) as client:
            cold_seen, cold_s, cold_pages = listing(client, page_size)
            warm_seen, warm_s, warm_pages = listing(client, page_size)
    assert cold_seen == warm_seen == items, (cold_seen, warm_seen, items)
    return {
        "validation": "openapi-core + jsonschema-rs pre-check"
        if (precheck is None and _precheck.available()) or precheck
        else "openapi-core + memo",
        "items": items,
        "orders": len(shop.state.orders),
        "returns": len(shop.state.returns),
        "page_size": page_size,
        "pages": len(cold_pages),
        "seed_s": round(seeded, 3),
        "startup_s": round(ready, 3),
        "listing_cold_s": round(cold_s, 3),
        "listing_warm_s": round(warm_s, 3),
        "page_cold_median_ms": round(statistics.median(cold_pages) * 1000, 1),
        "page_cold_max_ms": round(max(cold_pages) * 1000, 1),
        "page_warm_median_ms": round(statistics.median(warm_pages) * 1000, 1),
        "page_warm_max_ms": round(max(warm_pages) * 1000, 1),
        "rss_before_mib": round(rss_before, 1),
        "rss_after_seed_mib": round(rss_seeded, 1),
        "rss_peak_mib": round(peak_rss_mib(), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--page-size", type=int, default=500)
    parser.add_argument(
        "--no-precheck", action="store_true", help="validate with openapi-core alone (and memo)"
    )
    args = parser.parse_args()
    figures = run(args.items, args.page_size, False if args.no_precheck else None)
    print(f"validation: {figures['validation']}")
    sizes = (figures["items"], figures["orders"], figures["returns"])
    print("items {:,} · orders {:,} · returns {:,}".format(*sizes))
    print(f"start-up: seeding {figures['seed_s']} s, app ready {figures['startup_s']} s")
    print(
        f"listing ({figures['pages']} pages of {figures['page_size']}): "
        f"first pass {figures['listing_cold_s']} s "
        f"(page median {figures['page_cold_median_ms']} ms, max {figures['page_cold_max_ms']} ms), "
        f"second pass {figures['listing_warm_s']} s "
        f"(page median {figures['page_warm_median_ms']} ms, max {figures['page_warm_max_ms']} ms)"
    )
    print(
        f"peak RSS: {figures['rss_before_mib']} MiB before, {figures['rss_after_seed_mib']} MiB "
        f"after seeding, {figures['rss_peak_mib']} MiB at the end"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
