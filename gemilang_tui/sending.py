"""How submissions leave the kiosk: the outbox file, the POST of each kind, and the sender that runs with the app.

- The outbox lives at ``settings.data_dir / "outbox.sqlite3"`` (:func:`open_outbox`).
- Each kind has one POST endpoint, ``/v1/<kind>/...``, declared as ``SUBMIT`` in ``gemilang_tui/api/submit_<kind>.py``;
  its answer carries ``nomor``, the official reference (:func:`post_submission`).
- One :class:`~gemilang_tui.outbox.OutboxSender` per kiosk, at ``ctx.services["sender"]`` (:func:`sender_of`).
  The app runs :func:`run_sender` in a worker once the API client is warm: its first round sends what a crash or a
  power cut left pending. Every change (saved, sent, failed, retry planned) is passed to the callables in
  ``ctx.services["outbox_listeners"]`` — the app re-renders its screens there, so a receipt turns from
  "Tersimpan" to "Terkirim" by itself.

No Textual here, and no personal data in any log line.
"""

from __future__ import annotations

import importlib
import logging
from collections import OrderedDict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gemilang_tui.api.errors import ApiBadResponse, ApiRejected
from gemilang_tui.outbox import Outbox, OutboxSender, OutboxSummary

if TYPE_CHECKING:
    import asyncio

    from gemilang_tui.api.endpoint import Endpoint
    from gemilang_tui.config import Settings
    from gemilang_tui.flow import Context

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


# -- the kiosk's sender, in ctx.services ------------------------------------------------------------------------


def sender_of(ctx: Context) -> OutboxSender:
    """The kiosk's one sender (built on first use: a submission may come before the app has started it)."""
    sender = ctx.services.get("sender")
    if sender is None:
        sender = build_sender(open_outbox(ctx.settings), ctx.api, on_change=lambda summary: changed(ctx, summary))
        ctx.services["sender"] = sender
    return sender


def listeners(ctx: Context) -> list[Listener]:
    return ctx.services.setdefault("outbox_listeners", [])


def _statuses(ctx: Context) -> OrderedDict[str, OutboxSummary]:
    return ctx.services.setdefault("outbox_status", OrderedDict())


def changed(ctx: Context, summary: OutboxSummary | None = None) -> None:
    """Tell the listeners: a submission changed (`summary`), or only what the screens show did (None)."""
    if summary is not None:
        statuses = _statuses(ctx)
        statuses[summary.local_ref] = summary
        statuses.move_to_end(summary.local_ref)
        while len(statuses) > STATUS_MEMORY:
            statuses.popitem(last=False)
    for listener in list(listeners(ctx)):
        try:
            listener(summary)
        except Exception:  # a screen that cannot re-render must not stop the sender
            log.exception("outbox listener failed")


def status_of(ctx: Context, local_ref: str) -> OutboxSummary | None:
    """The latest known state of a submission of this kiosk: from the sender's last news, else from the file."""
    known = _statuses(ctx).get(local_ref)
    if known is not None:
        return known
    try:
        return open_outbox(ctx.settings).summary(local_ref)
    except Exception:  # pragma: no cover - an unreadable outbox: the receipt says "Tersimpan"
        log.exception("outbox status unreadable")
        return None


async def run_sender(ctx: Context, stop: asyncio.Event) -> None:
    """Send until `stop` is set: at once (resuming what a crash left), when woken, when a retry is due.

    It runs once per start of the kiosk, so it first applies the retention rules (`retention.tidy`)."""
    import asyncio

    from gemilang_tui.retention import tidy

    await asyncio.to_thread(tidy, ctx.settings)
    await sender_of(ctx).run_forever(stop)
