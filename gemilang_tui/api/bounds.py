"""Bounds on what the API may hand the kiosk: an answer is untrusted until it is small enough to show.

Applied to the body as it is read (size) and to the raw JSON before the contract's models see it (lists, strings,
duplicates, depth), so a schema-valid but hostile answer can neither stall the kiosk nor fill a screen.
"""

from __future__ import annotations

import json
from typing import Any

MAX_BODY = 2 * 1024 * 1024  # bytes: the largest real answer is a few KB
MAX_ITEMS = 200  # per list: every list of the contract is shown 7 to a page; 200 is 29 pages
MAX_STRING = 4000  # characters: the longest article of the fixtures is about 1,000
MAX_DEPTH = 12  # nesting of the contract's answers is at most 4
ELLIPSIS = "…"
#: Answers parsed off the event loop when larger than this (bytes): a small answer is quicker parsed in place.
OFF_LOOP_BODY = 64 * 1024


class AnswerOutOfBounds(ValueError):
    """The answer is too large or too deep to be the contract's: refused whole."""


async def read_bounded(response: Any, limit: int = MAX_BODY) -> bytes:
    """Read a streamed httpx response up to `limit` bytes; AnswerOutOfBounds beyond (the rest is never read)."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise AnswerOutOfBounds(f"the answer declares {declared} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > limit:
            raise AnswerOutOfBounds(f"the answer is over {limit} bytes")
        chunks.append(chunk)
    content = b"".join(chunks)
    response._content = content  # what httpx's own read() sets: .text and .json() work as usual
    return content


def bounded(raw: Any, depth: int = 0) -> Any:
    """The JSON with lists cut to MAX_ITEMS, exact duplicate items dropped, strings cut to MAX_STRING."""
    if depth > MAX_DEPTH:
        raise AnswerOutOfBounds("the answer is nested too deeply")
    if isinstance(raw, str):
        return raw if len(raw) <= MAX_STRING else raw[: MAX_STRING - 1] + ELLIPSIS
    if isinstance(raw, dict):
        if len(raw) > MAX_ITEMS:
            raise AnswerOutOfBounds("an object of the answer has too many fields")
        return {bounded(key, depth + 1): bounded(value, depth + 1) for key, value in raw.items()}
    if isinstance(raw, list):
        kept: list[Any] = []
        seen: set[str] = set()
        for item in raw:
            if len(kept) == MAX_ITEMS:
                break
            item = bounded(item, depth + 1)
            if isinstance(item, (dict, list)):
                key = json.dumps(item, sort_keys=True, ensure_ascii=False)
                if key in seen:
                    continue  # the same record twice: shown once
                seen.add(key)
            kept.append(item)
        return kept
    return raw
