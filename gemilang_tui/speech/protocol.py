"""The line protocol between the kiosk and its speech worker: one JSON object per line, each way.

kiosk → worker: `say` (what to compose and speak, now or after the current utterance) and `stop`.
worker → kiosk: `status` (the engine's name, "" when there is none, and why nothing is heard, "" when all is well)
and `done` (the `say` of that id is over: said, cut off or failed).
Both sides read bytes they cannot trust (a crashing peer, a library printing to stdout): `decode` returns None
for anything that is not a well-formed message and never raises; lines longer than `MAX_LINE` are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any, Literal, TypeAlias

from gemilang_tui.speech.seen import ITEMS_LIMIT, TEXT_LIMIT, Choice, Field, Key, Seen

MAX_LINE = 256 * 1024
MAX_TEXT = TEXT_LIMIT  # characters of one string: far more than a screen holds (`Seen.of` keeps within these)
MAX_ITEMS = ITEMS_LIMIT  # body lines, options or keys of one view
Kind = Literal["all", "echo", "sentence", "changed"]
KINDS: tuple[Kind, ...] = ("all", "echo", "sentence", "changed")


@dataclass(frozen=True)
class Say:
    """Compose and speak: `all` of `seen`; the `echo` of a key typed from `before` to `seen`; a `sentence`; the
    lines of `seen` that `before` did not have (`changed`). `now` cuts off what is being said; else it waits."""

    id: int
    kind: Kind
    locale: str
    volume: int
    now: bool = True
    seen: Seen | None = None
    before: Seen | None = None
    text: str = ""


@dataclass(frozen=True)
class Stop:
    id: int


@dataclass(frozen=True)
class Status:
    engine: str  # "" while no engine could be opened
    problem: str = ""


@dataclass(frozen=True)
class Done:
    id: int


Message: TypeAlias = Say | Stop | Status | Done


def encode(message: Message) -> bytes:
    data: dict[str, Any]
    if isinstance(message, Say):
        data = {"op": "say", "id": message.id, "kind": message.kind, "locale": message.locale,
                "volume": message.volume, "now": message.now, "text": message.text,
                "seen": message.seen.as_data() if message.seen else None,
                "before": message.before.as_data() if message.before else None}
    elif isinstance(message, Stop):
        data = {"op": "stop", "id": message.id}
    elif isinstance(message, Done):
        data = {"op": "done", "id": message.id}
    else:
        data = {"op": "status", "engine": message.engine, "problem": message.problem}
    return json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"


class _Invalid(ValueError):
    pass


def decode(line: bytes) -> Message | None:
    """One line as a message, or None when it is not one."""
    if len(line) > MAX_LINE:
        return None
    try:
        data = json.loads(line)
        return _message(data)
    except (ValueError, RecursionError):  # JSONDecodeError, UnicodeDecodeError and _Invalid are ValueErrors
        return None


def read_lines(stream: IO[bytes]) -> Iterator[bytes]:
    """The lines of `stream` until its end; a line longer than `MAX_LINE` is skipped whole."""
    skipping = False
    while True:
        line = stream.readline(MAX_LINE + 1)
        if not line:
            return
        complete = line.endswith(b"\n")
        if not skipping and complete:
            yield line
        skipping = not complete


def _message(data: object) -> Message:
    data = _object(data)
    op = data.get("op")
    if op == "say":
        kind = data.get("kind")
        if kind not in KINDS:
            raise _Invalid
        volume = _int(data.get("volume"))
        if not 0 <= volume <= 100:
            raise _Invalid
        seen, before, text = _seen(data.get("seen")), _seen(data.get("before")), _text(data.get("text", ""))
        if kind != "sentence" and seen is None or kind in ("echo", "changed") and before is None:
            raise _Invalid
        return Say(_int(data.get("id")), kind, _text(data.get("locale"), 16), volume, _bool(data.get("now", True)),
                   seen, before, text)
    if op == "stop":
        return Stop(_int(data.get("id")))
    if op == "done":
        return Done(_int(data.get("id")))
    if op == "status":
        return Status(_text(data.get("engine")), _text(data.get("problem", "")))
    raise _Invalid


def _seen(data: object) -> Seen | None:
    if data is None:
        return None
    data = _object(data)
    prompt = data.get("prompt")
    field = None
    if prompt is not None:
        prompt = _object(prompt)
        field = Field(_text(prompt.get("label", "")), _text(prompt.get("value", "")), _bool(prompt.get("masked")),
                      _bool(prompt.get("digits_only", True)), _text(prompt.get("prefix", ""), 40))
    options = tuple(Choice(_text(key, 40), _text(label), _text(hint))
                    for key, label, hint in (_items(item, 3) for item in _list(data.get("options"))))
    keys = tuple(Key(_text(key, 40), _text(label)) for key, label in (_items(item, 2)
                                                                      for item in _list(data.get("keys"))))
    return Seen(_text(data.get("title", "")), _text(data.get("notice", "")), _text(data.get("question", "")),
                tuple(_text(line) for line in _list(data.get("body"))), _text(data.get("big", "")), field,
                _text(data.get("error", "")), options, _text(data.get("page", "")), keys)


def _object(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid
    return value


def _list(value: object) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_ITEMS:
        raise _Invalid
    return value


def _items(value: object, count: int) -> list[object]:
    if not isinstance(value, list) or len(value) != count:
        raise _Invalid
    return value


def _text(value: object, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise _Invalid
    value.encode("utf-8")  # a lone surrogate (JSON allows "\\ud800") is no text to speak: UnicodeEncodeError
    return value


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**53:
        raise _Invalid
    return value


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise _Invalid
    return value
