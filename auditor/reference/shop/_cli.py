"""Serving the reference shop in the foreground, for `auditor reference shop`.

Kept apart from the Typer command so that the command stays a thin translation of options and
the checks (loopback only unless asked, the staff token from the environment) are plain
functions. The printed credentials are sandbox credentials: customers' tokens follow from the
seed, and the staff token is printed only when it was generated, since then nobody else has it.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import uvicorn

from auditor._names import REFERENCE_STAFF_TOKEN_ENV as ASSISTANT_TOKEN_ENV
from auditor._serve import bind_socket, is_loopback, url_of
from auditor.reference.shop._app import DEFAULT_ITEMS, DEFAULT_SEED, Shop, create_shop


class UsageError(ValueError):
    """A bad option or environment; the message is for the person at the terminal."""


@dataclass(frozen=True, slots=True)
class ShopServeOptions:
    host: str = "127.0.0.1"
    port: int = 9000
    seed: int = DEFAULT_SEED
    items: int = DEFAULT_ITEMS
    staff_token_env: str | None = None
    allow_public: bool = False


def build(options: ShopServeOptions, env: Mapping[str, str]) -> Shop:
    """The shop the options and environment ask for, or a `UsageError` saying why not."""
    if not options.allow_public and not is_loopback(options.host):
        raise UsageError(
            f"refusing to listen on {options.host}: the reference shop prints sandbox "
            "credentials and its sandbox rewrites data, with no hardening behind it; "
            "pass --allow-public if you really mean it"
        )
    staff_token = None
    if options.staff_token_env is not None:
        staff_token = env.get(options.staff_token_env, "").strip()
        if not staff_token:
            raise UsageError(f"the environment variable {options.staff_token_env} is not set")
    try:
        return create_shop(options.seed, options.items, staff_token)
    except ValueError as error:
        raise UsageError(str(error)) from None


def banner(shop: Shop, url: str, options: ShopServeOptions) -> list[str]:
    """What to tell the person who started the shop: where it is and how to get in."""
    state = shop.state
    lines = [f"reference shop on {url}"]
    lines += [f"  {name + ':':<11}{url}{path}" for name, path in shop.base_paths.items()]
    lines.append(f"  {'documents:':<11}{url}/openapi/{{name}}.yaml")
    lines.append(
        f"  seed {state.seed} · {len(state.items)} items · {len(state.orders)} orders · "
        f"{len(state.returns)} returns"
    )
    if options.staff_token_env is not None:
        lines.append(f"  staff token: from ${options.staff_token_env}")
        given = f"--staff-token-env {options.staff_token_env} "
    else:
        lines.append(f"  staff token (generated): {shop.staff_token}")
        given = ""
    # The assistant reads the staff token from the environment, never from its command line.
    lines.append("  start the reference assistant against it:")
    lines.append(
        f"    {'' if given else f'{ASSISTANT_TOKEN_ENV}={shop.staff_token} '}"
        f"auditor reference assistant --shop-url {url} {given}".rstrip()
    )
    lines.append("  customers (sandbox credentials, Authorization: Bearer <token>):")
    lines += [f"    {cid}  {token}" for cid, token in shop.customers.items()]
    return lines


def serve(options: ShopServeOptions, env: Mapping[str, str], echo: Callable[[str], None]) -> None:
    """Print where the shop listens and who may call it, then serve until Ctrl-C."""
    shop = build(options, env)
    # The seeded world lives as long as this process: out of the collector's reach, a big
    # catalogue no longer stalls responses with full collections (300 ms at 100,000 items).
    gc.freeze()
    sock = bind_socket(options.host, options.port)
    for line in banner(shop, url_of(sock), options):
        echo(line)
    server = uvicorn.Server(
        uvicorn.Config(shop.app, log_level="warning", lifespan="on", access_log=False)
    )
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        # uvicorn re-raises the signal it shut down on; the shutdown itself was clean.
        pass
    finally:
        sock.close()
