"""A fault plan for the mock API: slow, failing, cut or hostile answers, per route, with seeded randomness.

    latency=2s, error=503@0.3; /v1/berita*:huge; seed=7

Terms are separated by `,` or `;`. A term is `[ROUTE:]KIND[=ARG][@PROBABILITY]`, or `seed=N`. ROUTE is a path glob
(`/v1/berita*`); without one a term applies to every path of the contract (`/v1/*`). Kinds:

- `latency=DURATION` (`2s`, `500ms`, `2`): wait before answering (every matching latency term adds up)
- `error[=STATUS]`: answer STATUS (default 503) with a short JSON body
- `drop`: start the answer, then drop the connection
- `truncate`: the real answer, its body cut in half
- `html[=STATUS]`: a gateway's HTML page (default status 200, as a captive portal gives)
- `schema`: valid JSON that violates the contract (every string and number of the real answer swapped)
- `huge`: every list of the real answer made 100,000 items long, its longest string 1 MB
- `empty`: every list of the real answer emptied, every `total` 0

Of the terms that are not latency, the first whose route matches and whose dice hit decides the answer. The dice are
one `random.Random(seed)` (seed 0 unless given), so the same requests in the same order meet the same faults.

The plan is applied by a plain ASGI wrapper (`faulty`), outermost, so it works under Starlette and FastAPI alike and a
dropped connection is really dropped under uvicorn.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

KINDS = ("latency", "error", "drop", "truncate", "html", "schema", "huge", "empty")
DEFAULT_ROUTE = "/v1/*"
HUGE_ITEMS = 100_000
HUGE_STRING = 1_000_000
MAX_LATENCY = 600.0  # seconds: a plan that waits longer is a typo
PLAN_SYNTAX = "terms like latency=2s, error=503@0.3, /v1/berita*:huge, seed=7 (kinds: " + ", ".join(KINDS) + ")"

_TERM = re.compile(
    r"^(?:(?P<route>/[^:@=]*):)?(?P<kind>[a-z]+)(?:=(?P<arg>[^@]+))?(?:@(?P<probability>[^@]+))?$", re.ASCII
)
_DURATION = re.compile(r"^(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>ms|s)?$", re.ASCII)


class FaultPlanError(ValueError):
    """A plan that cannot be read; the message says which term and why, in one line."""


@dataclass(frozen=True)
class Fault:
    kind: str
    route: str = DEFAULT_ROUTE
    probability: float = 1.0
    seconds: float = 0.0  # latency
    status: int = 0  # error, html

    def matches(self, path: str) -> bool:
        return fnmatchcase(path, self.route)


@dataclass(frozen=True)
class FaultPlan:
    faults: tuple[Fault, ...] = ()
    seed: int = 0
    text: str = ""

    def __str__(self) -> str:
        return self.text


def parse_plan(text: str) -> FaultPlan:
    """Read a plan; raises FaultPlanError naming the first term it cannot read."""
    faults: list[Fault] = []
    seed = 0
    for raw in re.split(r"[,;]", text):
        term = raw.strip()
        if not term:
            continue
        if term.startswith("seed="):
            value = term[len("seed="):].strip()
            if not value.isascii() or not value.isdigit() or len(value) > 18:
                raise FaultPlanError(f"{term!r}: the seed must be a whole number")
            seed = int(value)
            continue
        faults.append(_parse_term(term))
    return FaultPlan(tuple(faults), seed, text.strip())


def _parse_term(term: str) -> Fault:
    match = _TERM.match(term)
    if match is None:
        raise FaultPlanError(f"{term!r}: expected [ROUTE:]KIND[=ARG][@PROBABILITY]")
    kind, arg = match["kind"], match["arg"]
    route = match["route"] if match["route"] is not None else DEFAULT_ROUTE
    if kind not in KINDS:
        raise FaultPlanError(f"{term!r}: unknown kind {kind!r} (kinds: {', '.join(KINDS)})")
    probability = _probability(term, match["probability"])
    if kind == "latency":
        if arg is None:
            raise FaultPlanError(f"{term!r}: latency needs a duration, e.g. latency=2s")
        return Fault(kind, route, probability, seconds=_duration(term, arg))
    if kind in ("error", "html"):
        default = 503 if kind == "error" else 200
        return Fault(kind, route, probability, status=_status(term, arg) if arg is not None else default)
    if arg is not None:
        raise FaultPlanError(f"{term!r}: {kind} takes no value")
    return Fault(kind, route, probability)


def _probability(term: str, raw: str | None) -> float:
    if raw is None:
        return 1.0
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not raw.strip().replace(".", "", 1).isdigit() or not 0.0 <= value <= 1.0:
        raise FaultPlanError(f"{term!r}: the probability after @ must be from 0 to 1")
    return value


def _duration(term: str, raw: str) -> float:
    match = _DURATION.match(raw.strip())
    if match is None:
        raise FaultPlanError(f"{term!r}: a duration is a number of seconds, e.g. 2s or 500ms")
    seconds = float(match["number"]) / (1000 if match["unit"] == "ms" else 1)
    if seconds > MAX_LATENCY:
        raise FaultPlanError(f"{term!r}: a latency of at most {MAX_LATENCY:g} s")
    return seconds


def _status(term: str, raw: str) -> int:
    value = raw.strip()
    if not (value.isascii() and value.isdigit() and 200 <= int(value) <= 599):
        raise FaultPlanError(f"{term!r}: the status must be an HTTP status from 200 to 599")
    return int(value)


@dataclass
class FaultState:
    """The plan in force and its dice; `use()` swaps the plan of a running mock (tests do)."""

    plan: FaultPlan = field(default_factory=FaultPlan)
    random: random.Random = field(default_factory=lambda: random.Random(0))
    met: dict[str, int] = field(default_factory=dict)  # kind → how many answers it changed

    def use(self, plan: FaultPlan | str) -> None:
        self.plan = parse_plan(plan) if isinstance(plan, str) else plan
        self.random = random.Random(self.plan.seed)

    def decide(self, path: str) -> tuple[float, Fault | None]:
        """The seconds to wait and the fault that answers (None: the real answer) for one request."""
        delay, answer = 0.0, None
        for fault in self.plan.faults:
            if not fault.matches(path):
                continue
            if fault.kind == "latency":
                if self._hit(fault):
                    delay += fault.seconds
            elif answer is None and self._hit(fault):
                answer = fault
        if answer is not None:
            self.met[answer.kind] = self.met.get(answer.kind, 0) + 1
        return delay, answer

    def _hit(self, fault: Fault) -> bool:
        return fault.probability >= 1.0 or self.random.random() < fault.probability


def faulty(app: ASGIApp, plan: FaultPlan | str | None = None, state: FaultState | None = None) -> ASGIApp:
    """`app` behind the fault plan; the plan's state is kept at `app.state.fault_plan` when the app has a state."""
    state = state or FaultState()
    if plan is not None:
        state.use(plan)
    app_state = getattr(app, "state", None)
    if app_state is not None:
        app_state.fault_plan = state

    async def with_faults(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        delay, fault = state.decide(scope.get("path", ""))
        if delay:
            await asyncio.sleep(delay)
        if fault is None:
            await app(scope, receive, send)
        elif fault.kind == "error":
            body = {"detail": "Layanan sedang tidak dapat dihubungi. Coba lagi nanti."}
            await _answer(send, fault.status, json.dumps(body).encode(), "application/json")
        elif fault.kind == "html":
            await _answer(send, fault.status, GATEWAY_PAGE.encode(), "text/html; charset=utf-8")
        elif fault.kind == "drop":
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-type", b"application/json"), (b"content-length", b"4096")]})
            await send({"type": "http.response.body", "body": b'{"items": [', "more_body": True})
            raise ConnectionResetError("fault plan: connection dropped")
        else:
            status, headers, body = await _real_answer(app, scope, receive)
            await _answer(send, status, _changed(fault.kind, status, body), None, headers)

    return with_faults


GATEWAY_PAGE = ("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
                "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>")


async def _answer(send: Send, status: int, body: bytes, content_type: str | None,
                  headers: list[tuple[bytes, bytes]] | None = None) -> None:
    kept = [(name, value) for name, value in headers or [] if name.lower() not in (b"content-length", b"content-type")]
    if content_type is None:
        content_type = next((value.decode("latin-1") for name, value in headers or []
                             if name.lower() == b"content-type"), "application/json")
    kept += [(b"content-type", content_type.encode("latin-1")), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": kept})
    await send({"type": "http.response.body", "body": body})


async def _real_answer(app: ASGIApp, scope: Scope, receive: Receive) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    started: dict[str, Any] = {}
    chunks: list[bytes] = []

    async def keep(message: Message) -> None:
        if message["type"] == "http.response.start":
            started.update(message)
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, keep)
    return started.get("status", 500), list(started.get("headers", [])), b"".join(chunks)


def _changed(kind: str, status: int, body: bytes) -> bytes:
    if kind == "truncate":
        return body[: len(body) // 2]
    if not 200 <= status < 300:
        return body  # a refusal stays a refusal: the plan spoils answers, not the contract's error bodies
    try:
        data = json.loads(body)
    except ValueError:
        return body
    if kind == "schema":
        swapped = _swapped(data)
        return json.dumps(swapped if swapped != data else {"unexpected": True}).encode()
    if kind == "huge":
        return _huge_json(data).encode()
    return json.dumps(_emptied(data)).encode()


def _swapped(data: Any) -> Any:
    """Every string a number and every number a string: still JSON, no longer the contract."""
    if isinstance(data, dict):
        return {key: _swapped(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_swapped(item) for item in data] or {"unexpected": True}
    if isinstance(data, bool) or data is None:
        return "yes"
    if isinstance(data, str):
        return 12345
    return str(data)


def _huge_json(data: Any) -> str:
    """The answer grown as JSON text: each list's items written once and repeated (tens of MB in well under a
    second), the longest string of the first item of each list (and of the answer) 1 MB long."""
    if isinstance(data, dict):
        strings = [key for key, value in data.items() if isinstance(value, str)]
        longest = max(strings, key=lambda key: len(data[key])) if strings else None
        parts = []
        for key, value in data.items():
            if key == longest:
                text = json.dumps((value or "x") * (HUGE_STRING // max(1, len(value)) + 1))
            else:
                text = _huge_json(value)
            parts.append(f"{json.dumps(key)}: {text}")
        return "{" + ", ".join(parts) + "}"
    if isinstance(data, list) and data:
        written = [json.dumps(item) for item in data]
        rest = ", ".join(written[index % len(written)] for index in range(1, HUGE_ITEMS))
        return "[" + _huge_json(data[0]) + (", " + rest if rest else "") + "]"
    return json.dumps(data)


def _emptied(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: 0 if key == "total" and isinstance(value, int) else _emptied(value) for key, value in data.items()}
    if isinstance(data, list):
        return []
    return data
