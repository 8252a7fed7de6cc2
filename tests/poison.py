"""A poisoning layer in front of the mock: every string of every JSON answer under /v1/ gets terminal sequences,
bidi and zero-width characters, and the kiosk's own Authorization value echoed back, as a hostile server or a
proxy in the middle would send them. Run as a program it serves the poisoned mock over HTTP:

    python -m tests.poison PORT DATA_DIR
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

TITLE = "\x1b]0;PWNED\x07"
CLEAR = "\x1b[2J"
MOVE = "\x1b[10;10H"
CSI_C1 = "\x9b"
BIDI = "\u202e"
ZERO_WIDTH = "\u200b"
#: What none of the kiosk's output, screens, speech or files may hold once the poisoned answers went through it.
MARKS = ("PWNED", "\x1b[2J", "\x1b[10;10H", "\x9b", "\u202e", "\u200b", "\x07")


def poison(value: str, authorization: str) -> str:
    return f"{TITLE}{CLEAR}{value}{MOVE}{BIDI}{CSI_C1}{ZERO_WIDTH}{authorization}"


def poisoned_json(data: Any, authorization: str) -> Any:
    if isinstance(data, str):
        return poison(data, authorization)
    if isinstance(data, dict):
        return {key: poisoned_json(value, authorization) for key, value in data.items()}
    if isinstance(data, list):
        return [poisoned_json(value, authorization) for value in data]
    return data


def poisoned(app: Any) -> Any:
    """`app` (an ASGI app) whose JSON answers under /v1/ are poisoned; the Authorization header is echoed (with a
    default that names no kiosk, so a kiosk without a token is poisoned too)."""

    async def serve(scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/v1/"):
            await app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        authorization = headers.get(b"authorization", b"Bearer no-token-sent").decode("latin-1")
        start: dict = {}
        chunks: list[bytes] = []

        async def capture(message: dict) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            response_headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            if any(k.lower() == b"content-type" and b"json" in v for k, v in response_headers) and body:
                body = json.dumps(poisoned_json(json.loads(body), authorization), ensure_ascii=False).encode()
            response_headers.append((b"content-length", str(len(body)).encode()))
            await send({**start, "headers": response_headers})
            await send({"type": "http.response.body", "body": body})

        await app(scope, receive, capture)

    return serve


def holds_poison(text: str, token: str) -> list[str]:
    """The marks (and the token) found in `text`."""
    found = [mark for mark in MARKS if mark in text]
    if token in text:
        found.append("the token")
    if re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text):
        found.append("a control character")
    return found


def main() -> None:  # pragma: no cover - run as a subprocess by the terminal test
    import uvicorn

    from gemilang_tui.mockapi.app import create_app

    port, data_dir = int(sys.argv[1]), Path(sys.argv[2])
    from datetime import date

    app = create_app(today=date(2026, 11, 28), database=data_dir / "mock-submissions.sqlite3", check_fixtures=False)
    uvicorn.run(poisoned(app), host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main()
