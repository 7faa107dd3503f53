"""``bilateral serve``: the HTTP API and the web page over a store, with uvicorn."""

from __future__ import annotations

import argparse
import ipaddress
from pathlib import Path

from ..errors import BilateralError
from .common import add_engine_options, err_console, settings_from


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("serve", help="serve the HTTP API and the web page over a store",
                       description="Serve the HTTP API (OpenAPI at /openapi.json) and the web page (/) over a "
                       "SQLite store. POST /extract extracts and stores articles unless --read-only.")
    p.add_argument("--db", default=None, help="SQLite store (default ./bilateral.db)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--token", default=None, help="API token required for every POST as 'Authorization: Bearer "
                   "TOKEN' (default: $BILATERAL_TOKEN; none when unset)")
    p.add_argument("--read-only", action="store_true", dest="read_only",
                   help="never write: open the store read-only; POST /extract only with ?store=false")
    p.add_argument("--max-bytes", type=int, default=None, dest="max_bytes",
                   help="largest request body accepted (default 2000000); larger ones get 413")
    p.add_argument("--lazy", action="store_true",
                   help="load the engine on the first extraction instead of at start (less memory until then)")
    add_engine_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..web.app import DEFAULT_MAX_BYTES, LOOPBACK_HOSTS, ServeConfig, create_app, token_from_env

    settings = settings_from(args, db=args.db)
    token = token_from_env(args.token)
    if not 0 < args.port < 65536:
        raise BilateralError("E501", f"--port {args.port} is not a TCP port (1-65535)")
    console = err_console()
    if token is None and not args.read_only and not _loopback(args.host):
        console.print(f"[yellow]warning[/] listening on {args.host} with no --token: anyone who can reach it "
                      "can write to the store")
    config = ServeConfig(db=Path(settings.db), token=token, read_only=args.read_only,
                         max_bytes=args.max_bytes or DEFAULT_MAX_BYTES, settings=settings,
                         allowed_hosts=LOOPBACK_HOSTS if _loopback(args.host) else None)
    app = create_app(config)
    if not args.lazy:  # load the engine while the server starts, so the first extraction is not slow
        import threading

        threading.Thread(target=app.state.engine.engine, name="bilateral-engine-load", daemon=True).start()
    import uvicorn

    console.print(f"bilateral: http://{args.host}:{args.port}/ (store {settings.db}"
                  f"{', read-only' if args.read_only else ''}{', token required for POST' if token else ''})")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
