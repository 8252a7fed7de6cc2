"""A request body larger than `MAX_REQUEST_BODY` is refused with 413 and a plain `detail`, and never read whole: a
declared Content-Length is checked before the route runs, and a streamed body (chunked, or longer than declared)
is counted as it arrives and refused at the first byte over."""

from __future__ import annotations

import json
from typing import Any

from starlette.exceptions import HTTPException

#: Bytes: the largest submission of the contract (a LAPOR! report with its longest text) is under 8 KiB.
MAX_REQUEST_BODY = 64 * 1024
TOO_LARGE = "Isi permintaan terlalu besar (paling banyak 64 KiB)."


class BodyLimit:
    """Pure ASGI middleware: nothing of a body over the limit reaches a route."""

    def __init__(self, app: Any, limit: int = MAX_REQUEST_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"").strip()
        if declared and (not declared.isdigit() or int(declared) > self.limit):
            await _refuse(send)
            return
        received = 0

        async def counted() -> dict[str, Any]:
            nonlocal received
            message: dict[str, Any] = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:  # FastAPI lets an HTTPException from reading the body through
                    raise HTTPException(413, detail=TOO_LARGE)
            return message

        await self.app(scope, counted, send)


async def _refuse(send: Any) -> None:
    body = json.dumps({"detail": TOO_LARGE}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
