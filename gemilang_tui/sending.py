"""How submissions leave the kiosk: the outbox file, the POST of each kind, and the sender that runs with the app.

- The outbox lives at ``settings.data_dir / "outbox.sqlite3"`` (:func:`open_outbox`, the one place that opens it).
- Each kind has one POST endpoint, ``/v1/<kind>/...``, declared as ``SUBMIT`` in ``gemilang_tui/api/submit_<kind>.py``;
  its answer carries ``nomor``, the official reference (:func:`post_submission`).
- :class:`Submissions`, at ``ctx.submissions``, owns the kiosk's one outbox and its one
  :class:`~gemilang_tui.outbox.OutboxSender`. The app runs :meth:`Submissions.run` in a worker once the API client is
  warm: its first round sends what a crash or a power cut left pending. Every change (saved, sent, failed, retry
  planned) is passed to the callables in ``ctx.submissions.listeners`` — the app re-renders its screens there, so a
  receipt turns from "Tersimpan" to "Terkirim" by itself.

No Textual here, and no personal data in any log line.
"""

from __future__ import annotations

import errno
import importlib
import logging
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gemilang_tui.api.errors import ApiBadResponse, ApiRejected
from gemilang_tui.outbox import Outbox, OutboxEntry, OutboxSender, OutboxSummary

if TYPE_CHECKING:
    import asyncio

    from gemilang_tui.api.endpoint import Endpoint
    from gemilang_tui.config import Settings

log = logging.getLogger(__name__)

OUTBOX_FILE = "outbox.sqlite3"
POLL_SECONDS = 30.0
STATUS_MEMORY = 64  # the last summaries kept for receipts on screen

Listener = Callable[[OutboxSummary | None], None]


def outbox_path(settings: Settings) -> Path:
    return settings.data_dir / OUTBOX_FILE


def open_outbox(settings: Settings, **options: Any) -> Outbox:
    """The kiosk's outbox file (created on first use, mode 0600)."""
    return Outbox(outbox_path(settings), **options)


def submission_endpoint(kind: str) -> Endpoint[Any]:
    """``SUBMIT`` of ``gemilang_tui.api.submit_<kind>``; a kind without one is refused (the attendant sees it)."""
    name = f"gemilang_tui.api.submit_{kind}"
    if not kind.isidentifier():
        raise ApiRejected(400, f"unknown submission kind {kind!r}")
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as missing:
        if missing.name != name:
            raise
        raise ApiRejected(400, f"no submission endpoint for kind {kind!r}") from None
    return module.SUBMIT


def official_ref_of(answer: Any) -> str:
    nomor = answer.get("nomor") if isinstance(answer, Mapping) else getattr(answer, "nomor", None)
    if not isinstance(nomor, str) or not nomor.strip():
        raise ApiBadResponse("the answer to a submission carries no nomor")
    return nomor.strip()


async def post_submission(api: Any, kind: str, payload: dict[str, Any], key: str) -> str:
    """POST one submission with its idempotency key; returns the official reference."""
    answer = await api.send(submission_endpoint(kind), payload, idempotency_key=key)
    return official_ref_of(answer)


def build_sender(outbox: Outbox, api: Any, on_change: Callable[[OutboxSummary], None] | None = None,
                 **options: Any) -> OutboxSender:
    """A sender posting through `api` (a `GemilangApi`, or the app's lazy one)."""

    async def post(kind: str, payload: dict[str, Any], key: str) -> str:
        return await post_submission(api, kind, payload, key)

    options.setdefault("poll_interval", POLL_SECONDS)
    return OutboxSender(outbox, post, on_change=on_change, **options)


# -- the kiosk's submissions, at ctx.submissions ------------------------------------------------------------------


class Submissions:
    """The kiosk's one outbox and one sender, the latest news of each submission, and who listens for it."""

    def __init__(self, settings: Settings, api: Any) -> None:
        self.settings = settings
        self.api = api
        self.listeners: list[Listener] = []
        self.statuses: OrderedDict[str, OutboxSummary] = OrderedDict()  # the last STATUS_MEMORY summaries
        self._outbox: Outbox | None = None
        self._sender: OutboxSender | None = None
        #: Why submissions cannot be saved on this kiosk (its data folder is unusable: an errno name such as
        #: "ENOTDIR", else the exception's), for the attendant's panel; None while they can.
        self.storage_problem: str | None = None

    @property
    def outbox(self) -> Outbox:
        if self._outbox is None:
            try:
                self._outbox = open_outbox(self.settings)
            except (OSError, sqlite3.Error) as problem:
                self.storage_failed(problem)
                raise
            self.storage_problem = None
        return self._outbox

    def storage_failed(self, problem: BaseException) -> None:
        """The outbox cannot be opened or written: said once in the log, and kept for the attendant."""
        code = getattr(problem, "errno", None)
        reason = errno.errorcode.get(code, type(problem).__name__) if code else type(problem).__name__
        if self.storage_problem != reason:
            log.error("submissions cannot be saved in %s: %s", self.settings.data_dir, reason)
        self.storage_problem = reason

    @property
    def sender(self) -> OutboxSender:
        """Built on first use: a submission may come before the app has started it."""
        if self._sender is None:
            self._sender = build_sender(self.outbox, self.api, on_change=self.changed)
        return self._sender

    async def submit(self, kind: str, payload: dict[str, Any], *, assisted: bool) -> OutboxEntry:
        """Into the outbox (one SQLite transaction), then the sender is woken."""
        try:
            entry = await self.sender.submit(kind, payload, assisted=assisted, day=self.settings.today_or_real())
        except (OSError, sqlite3.Error) as problem:
            self.storage_failed(problem)
            raise
        self.storage_problem = None  # a passing trouble (a full disk freed) is over
        return entry

    def changed(self, summary: OutboxSummary | None = None) -> None:
        """Tell the listeners: a submission changed (`summary`), or only what the screens show did (None)."""
        if summary is not None:
            self.statuses[summary.local_ref] = summary
            self.statuses.move_to_end(summary.local_ref)
            while len(self.statuses) > STATUS_MEMORY:
                self.statuses.popitem(last=False)
        for listener in list(self.listeners):
            try:
                listener(summary)
            except Exception:  # a screen that cannot re-render must not stop the sender
                log.exception("outbox listener failed")

    def by_local_number(self, digits: str) -> OutboxSummary | None:
        """A submission of this kiosk by the digits its receipt gave while it waited (`Outbox.by_local_number`)."""
        try:
            found = self.outbox.by_local_number(digits)
        except Exception:  # pragma: no cover - an unreadable outbox: the status check asks the API instead
            log.exception("outbox: could not look up a local number")
            return None
        return self.statuses.get(found.local_ref, found) if found is not None else None

    def status_of(self, local_ref: str) -> OutboxSummary | None:
        """The latest known state of a submission of this kiosk: from the sender's last news, else from the file."""
        known = self.statuses.get(local_ref)
        if known is not None:
            return known
        try:
            return self.outbox.summary(local_ref)
        except Exception:  # pragma: no cover - an unreadable outbox: the receipt says "Tersimpan"
            log.exception("outbox status unreadable")
            return None

    def entries(self) -> list[OutboxSummary]:
        return self.outbox.entries()

    def resend(self, ref: str) -> bool:
        """The attendant sends a failed submission again (the running sender is woken for it)."""
        if self._sender is not None:
            return self._sender.resend(ref) is not None
        return self.outbox.resend(ref) is not None

    async def send_now(self, ref: str, wait_seconds: float = 30.0) -> OutboxSummary | None:
        """The attendant sends one submission now, and sees what came of it: sent with its number, still waiting
        (and why), or refused (and why). ``None`` when there is no such submission."""
        import asyncio
        import time

        try:
            summary = await asyncio.to_thread(self.outbox.resend, ref)
        except KeyError:
            return None
        if summary is None:  # already sent, or handled at the counter: nothing to send
            return await asyncio.to_thread(self.outbox.summary, ref)
        self.changed(summary)
        result = await self.sender.send_now(summary.id)
        deadline = time.monotonic() + wait_seconds
        while result is None or (result.status == "pending" and result.attempts == 0):
            # the sender's own round took it: its news is in the file once the attempt ends
            if time.monotonic() > deadline:
                break
            await asyncio.sleep(0.2)
            result = await asyncio.to_thread(self.outbox.summary, ref)
        if result is not None:
            self.changed(result)
        return result

    async def run(self, stop: asyncio.Event) -> None:
        """Send until `stop` is set: at once (resuming what a crash left), when woken, when a retry is due.

        It runs once per start of the kiosk, so it first applies the retention rules (`retention.tidy`)."""
        import asyncio

        from gemilang_tui.retention import tidy

        try:
            outbox: Outbox | None = self.outbox
        except (OSError, sqlite3.Error):
            outbox = None  # nothing can be pending; a submission is refused with a plain message, the attendant told
        await asyncio.to_thread(tidy, self.settings, outbox)
        if outbox is None:
            await stop.wait()  # the sender's place stays taken, idle, until the kiosk closes
            return
        await self.sender.run_forever(stop)
