"""The one HTTP client of the kiosk: embedded mock (in-process ASGI), a served mock, or a real backend.

httpx is imported when the client is first used, never before the welcome screen is painted.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
import os
import re
import sys
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, TypeVar

from gemilang_tui.api.bounds import OFF_LOOP_BODY, AnswerOutOfBounds, bounded, read_bounded
from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.errors import (
    ApiBadResponse,
    ApiConflict,
    ApiNotFound,
    ApiRejected,
    ApiUnavailable,
)
from gemilang_tui.api.offline import OfflineCopies
from gemilang_tui.domain.plain_text import cleaned
from gemilang_tui.kiosk_time import shown

if TYPE_CHECKING:
    import httpx

    from gemilang_tui.catalog import Catalogue
    from gemilang_tui.config import Settings

T = TypeVar("T")

#: Set by whoever runs a load (a screen's worker): the client appends the time of each offline copy it served.
stale_copies: contextvars.ContextVar[list[datetime] | None] = contextvars.ContextVar("stale_copies", default=None)

USER_AGENT = "gemilang-tui/0.1"

log = logging.getLogger(__name__)  # "gemilang_tui.api.client": the kiosk's log

_LONG_NUMBER = re.compile(r"\d{6,}")


def _masked(url: str) -> str:
    """A URL fit for the log: a NIK or NOP in its path is not personal data we may write down."""
    return _LONG_NUMBER.sub("…", url)


def _skip_unused_imports() -> None:
    """4 MiB the kiosk never uses: httpx's command line (click, pygments), which `import httpx` loads when click is
    installed, and pydantic.v1, which FastAPI imports only to ask whether a route's model is a v1 one (it is not)."""
    for name in ("httpx._main", "pydantic.v1"):
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]  # None: "not importable", per the import system


class Contact:
    """Whether the API answered the last request and when it last did (for the kiosk's health, no content)."""

    def __init__(self) -> None:
        self.reachable: bool | None = None  # None: nothing asked yet
        self.last_answer: float | None = None  # Unix time

    def answered(self, healthy: bool) -> None:
        import time

        self.reachable = healthy
        if healthy:
            self.last_answer = time.time()


class GemilangApi:
    """Typed access to the contract; every failure becomes one of `gemilang_tui.api.errors`."""

    def __init__(self, settings: Settings, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.settings = settings
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self.mock_app: Any = None
        self.offline = OfflineCopies(settings.data_dir / "offline-copies.sqlite3")
        self.contact = Contact()

    @property
    def embedded(self) -> bool:
        return self.settings.api_url is None and self._transport is None

    def warm_up(self) -> None:
        """Import httpx and build the embedded mock; safe to call from a thread before the first request."""
        self._ensure_client()

    def _ensure_client(self) -> httpx.AsyncClient:
        if self._client is not None:
            return self._client
        _skip_unused_imports()
        import httpx

        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        if self.settings.api_token:
            headers["Authorization"] = f"Bearer {self.settings.api_token}"
        transport = self._transport
        base_url = self.settings.api_url or "http://embedded.mock"
        if transport is None and self.settings.api_url is None:
            from gemilang_tui.mockapi.app import create_app
            from gemilang_tui.mockapi.submissions import STORE_FILE

            self.mock_app = create_app(
                fixtures=self.settings.fixtures,
                today=self.settings.today,
                # In the data folder, as `gemilang-tui mock-api` keeps it: a restarted kiosk never reissues a number.
                database=self.settings.data_dir / STORE_FILE,
                check_fixtures=False,  # the CLI checked a tester's set before the kiosk started
            )
            served = self.mock_app
            if self.settings.mock_faults is not None:  # GEMILANG_MOCK_FAULTS: the embedded mock misbehaves on purpose
                from gemilang_tui.mockapi.faults import faulty

                served = faulty(self.mock_app, self.settings.mock_faults)
            transport = httpx.ASGITransport(app=served)
        self._client = httpx.AsyncClient(
            base_url=base_url,
            headers=headers,
            timeout=httpx.Timeout(self.settings.timeout),
            transport=transport,
            verify=True,
            follow_redirects=False,
        )
        return self._client

    async def _request(self, method: str, url: str, **kwargs: Any) -> Any:
        import httpx

        try:
            client = self._ensure_client()
        except Exception as problem:  # an embedded mock whose fixtures are broken: to the kiosk, a server down
            raise ApiUnavailable(f"the embedded mock could not start: {type(problem).__name__}") from problem
        try:
            response = await client.send(client.build_request(method, url, **kwargs), stream=True)
            try:
                await read_bounded(response)
            finally:
                await response.aclose()
        except AnswerOutOfBounds as problem:
            raise ApiBadResponse(str(problem)) from problem
        except (httpx.TimeoutException, httpx.TransportError, OSError) as problem:
            self.contact.answered(False)
            raise ApiUnavailable(type(problem).__name__) from problem
        except Exception as problem:  # an in-process mock whose route raised: a defect of ours
            log.error("mock route failed: %s %s", method, _masked(url), exc_info=problem)
            if self.settings.dev or os.environ.get("PYTEST_CURRENT_TEST"):
                raise  # developers and tests see the defect itself
            raise ApiUnavailable(type(problem).__name__) from problem  # a citizen sees the calm "Coba lagi"
        status = response.status_code
        self.contact.answered(status < 500)
        if status >= 500 or status in (408, 429):
            raise ApiUnavailable(f"server answered {status}", retry_after=retry_after(response.headers),
                                 status=status)
        if status >= 400:
            reason = _reason(response, self._secrets())
            if reason is None:  # a proxy's or gateway's page, not a refusal of the contract: try again later
                raise ApiUnavailable(f"server answered {status} without the contract's error body",
                                     retry_after=retry_after(response.headers), status=status)
            if status == 404:
                raise ApiNotFound(reason)
            if status == 409:
                raise ApiConflict(409, reason)
            raise ApiRejected(status, reason)
        return response

    async def fetch(self, endpoint: Endpoint[T], params: dict[str, Any] | None = None, **path: Any) -> T:
        """GET an endpoint and parse it; when the server cannot answer, the last copy (marked stale) if any."""
        url = endpoint.url(**path)
        key = url + ("?" + json.dumps(params, sort_keys=True) if params else "")
        try:
            response = await self._request("GET", url, params=params)
            result, body = await _parse_off_loop(endpoint, response.text, self._secrets())
        except (ApiUnavailable, ApiBadResponse):
            if endpoint.personal:
                raise
            copy = await asyncio.to_thread(self.offline.recall, key)
            if copy is None:
                raise
            result, _clean = await _parse_off_loop(endpoint, copy[0], self._secrets())  # a copy kept before
            marks = stale_copies.get()  # the boundary existed is cleaned as it is read
            if marks is not None:
                marks.append(shown(copy[1], self.settings.today))  # the date shown: WIB, pinned day
            return result
        if not endpoint.personal:
            await asyncio.to_thread(self.offline.store, key, body)  # the cleaned text: no control byte is kept
        return result

    async def send(self, endpoint: Endpoint[T], body: dict[str, Any], idempotency_key: str | None = None,
                   **path: Any) -> T:
        """POST a body; with an idempotency key the server returns the original result on a repeat."""
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        response = await self._request(endpoint.method, endpoint.url(**path), json=body, headers=headers)
        result, _clean = await _parse_off_loop(endpoint, response.text, self._secrets())
        return result

    def _secrets(self) -> tuple[str, ...]:
        """What no answer may show back: the kiosk's own token."""
        return (self.settings.api_token,) if self.settings.api_token else ()

    async def catalogue(self) -> Catalogue:
        from gemilang_tui.api.katalog import CATALOGUE

        return await self.fetch(CATALOGUE)

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None


def _reason(response: Any, secrets: tuple[str, ...] = ()) -> str | None:
    """The `detail` of the contract's error body (cleaned like every answer), or None when the answer carries none
    (a gateway's page)."""
    try:
        data = cleaned(response.json(), secrets)
    except (ValueError, RecursionError):
        return None
    if isinstance(data, dict):
        detail = data.get("detail")
        if isinstance(detail, str):
            return detail
        if detail is not None:
            return json.dumps(detail, ensure_ascii=False)[:300]
    return None


def retry_after(headers: Any, now: datetime | None = None) -> float | None:
    """`Retry-After` (RFC 9110: delay-seconds or an HTTP date) as seconds from now; None when absent or unreadable."""
    value = (headers.get("Retry-After") or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


async def _parse_off_loop(endpoint: Endpoint[T], body: str, secrets: tuple[str, ...]) -> tuple[T, str]:
    """Parse a large answer in a thread, so a slow parse never freezes the screen."""
    if len(body) > OFF_LOOP_BODY:
        return await asyncio.to_thread(_parse, endpoint, body, secrets)
    return _parse(endpoint, body, secrets)


def _parse(endpoint: Endpoint[T], body: str, secrets: tuple[str, ...]) -> tuple[T, str]:
    """The answer as `T`, and its cleaned JSON text (what may be stored).

    The one boundary for text from outside: every string of every answer (and so of any fixture set the mock
    serves) loses control, bidi and invisible characters and the kiosk's token here, before a model, a screen,
    the speech, the printer or a file sees it (domain/plain_text.py)."""
    try:
        raw = cleaned(bounded(json.loads(body)), secrets)
    except (ValueError, RecursionError) as problem:  # AnswerOutOfBounds is a ValueError
        raise ApiBadResponse(f"the answer is not JSON within bounds: {problem}"[:300]) from problem
    try:
        result = endpoint.parse(raw)
    except Exception as problem:  # pydantic ValidationError, ValueError, KeyError: all "not the contract"
        raise ApiBadResponse(f"the answer does not match the contract: {problem}"[:500]) from problem
    return result, json.dumps(raw, ensure_ascii=False)

