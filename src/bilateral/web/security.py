"""Request guards for the HTTP API, as one ASGI middleware: the API token and the body size limit.

- Token: when set, every request that can change something (any method but GET, HEAD, OPTIONS)
  needs ``Authorization: Bearer TOKEN``; otherwise 401, before the body is read.
- Size: a body over ``max_bytes`` is refused with 413, whether it announces its length or streams.
- Host: when ``allowed_hosts`` is given (a server on loopback), a request naming another host in its
  ``Host`` header is refused with 421: a web page on another site cannot reach the server by
  pointing a name of its own at 127.0.0.1 (DNS rebinding).
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def bearer_ok(header: str | None, token: str) -> bool:
    """Whether an ``Authorization`` header carries ``token`` (constant-time comparison)."""
    if not header:
        return False
    scheme, _, value = header.strip().partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), token.encode())


def host_name(header: str) -> str:
    """The host of a ``Host`` header, without its port: ``[::1]:8000`` -> ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


async def _send_json(send: Send, status: int, body: dict[str, Any],
                     headers: tuple[tuple[bytes, bytes], ...] = ()) -> None:
    data = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
                            *headers]})
    await send({"type": "http.response.body", "body": data})


class GuardMiddleware:
    """Token check and body size limit in front of the app."""

    def __init__(self, app: ASGIApp, *, token: str | None, max_bytes: int,
                 allowed_hosts: frozenset[str] | None = None) -> None:
        self.app = app
        self.token = token or None
        self.max_bytes = max_bytes
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope.get("method", "GET").upper()
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if self.allowed_hosts is not None and host_name(headers.get("host", "")) not in self.allowed_hosts:
            await _send_json(send, 421, {"error": "host not allowed", "detail": "this server answers to "
                                         f"{', '.join(sorted(self.allowed_hosts))} only"})
            return
        if self.token and method not in SAFE_METHODS and not bearer_ok(headers.get("authorization"), self.token):
            await _send_json(send, 401, {"error": "unauthorized", "detail": "this server needs an API token: send "
                                         "'Authorization: Bearer TOKEN' (the token given to `bilateral serve`)"},
                             ((b"www-authenticate", b"Bearer"),))
            return
        if method in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        too_big = {"error": "payload too large", "detail": f"request body over the limit of {self.max_bytes:,} bytes "
                   "(start the server with a larger --max-bytes, or send a shorter article)"}
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await _send_json(send, 413, too_big)
            return
        # read the body up to the limit, then replay it to the app
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                await _send_json(send, 413, too_big)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
