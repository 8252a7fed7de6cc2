"""`gemilang-tui outbox`: the kiosk's submissions for the attendant, without personal data.

    gemilang-tui outbox                      list pending, failed and sent submissions
    gemilang-tui outbox --resend K-7F3A2C    put a failed (or waiting) submission back in the queue
    gemilang-tui outbox --send --api-url URL send what is pending now, then exit

Exit status: 0 when all is well, 1 when something asked for could not be done (unknown reference, submissions still
pending after --send), 2 when --send has no API to send to.
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import date, datetime

from gemilang_tui.config import Settings
from gemilang_tui.i18n import _, set_locale
from gemilang_tui.kiosk_time import shown
from gemilang_tui.outbox import Outbox, OutboxSummary
from gemilang_tui.send_reasons import reason_text, status_text
from gemilang_tui.sending import build_sender, open_outbox, outbox_path


def run(settings: Settings, args: argparse.Namespace) -> int:
    set_locale(settings.locale)
    outbox = open_outbox(settings)
    status = 0
    ref = getattr(args, "resend", None)
    if ref:
        status = max(status, _resend(outbox, ref))
    if getattr(args, "send", False):
        status = max(status, _send(settings, outbox))
    _print_table(settings, outbox.entries())
    return status


def _resend(outbox: Outbox, ref: str) -> int:
    try:
        summary = outbox.resend(ref)
    except KeyError:
        print(_("No submission has the code {ref}.").format(ref=ref))
        return 1
    if summary is None:
        print(_("{ref} has already been sent; nothing to do.").format(ref=ref.upper()))
        return 1
    print(_("{ref} is back in the queue; it will be sent as soon as possible.").format(ref=summary.local_ref))
    return 0


def _send(settings: Settings, outbox: Outbox) -> int:
    if settings.api_url is None:
        print(_("--send needs the address of the service: --api-url or GEMILANG_API_URL. "
                "The built-in practice service keeps nothing."))
        return 2
    for entry in outbox.pending():
        if not outbox.is_due(entry):
            outbox.resend(entry.id)  # "now": the attendant asked for it, whatever the backoff said
    changed = asyncio.run(_send_round(settings, outbox))
    for summary in changed:
        print(_describe(summary))
    left = len(outbox.entries("pending"))
    if left:
        print(_("{count} still pending: the service could not be reached.").format(count=left))
        return 1
    return 0


async def _send_round(settings: Settings, outbox: Outbox) -> list[OutboxSummary]:
    from gemilang_tui.api.client import GemilangApi

    api = GemilangApi(settings)
    try:
        return await build_sender(outbox, api).run_once()
    finally:
        await api.aclose()


def _describe(summary: OutboxSummary) -> str:
    if summary.status == "sent":
        return _("{ref} sent: {official}").format(ref=summary.local_ref, official=summary.official_ref)
    if summary.status == "failed":
        return _("{ref} refused: {reason}").format(ref=summary.local_ref, reason=reason_text(summary.last_error))
    return _("{ref} not sent yet: {reason}").format(ref=summary.local_ref, reason=reason_text(summary.last_error))


def _when(moment: datetime | None, pinned: date | None) -> str:
    """WIB, on the pinned day when `GEMILANG_TODAY` is set."""
    return shown(moment, pinned).strftime("%Y-%m-%d %H:%M WIB") if moment is not None else "-"


def _print_table(settings: Settings, entries: list[OutboxSummary]) -> None:
    print(_("Submissions in {path}").format(path=outbox_path(settings)))
    if not entries:
        print(_("No submissions yet."))
        return
    header = [_("Code"), _("Kind"), _("Status"), _("Official number"), _("Attempts"), _("Created"), _("Sent"),
              _("Last error")]
    rows = [
        [e.local_ref, e.kind, status_text(e.status), e.official_ref or "-", str(e.attempts),
         _when(e.created_at, settings.today), _when(e.sent_at, settings.today),
         reason_text(e.last_error) if e.last_error else "-"]
        for e in entries
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    counts = {status: sum(1 for e in entries if e.status == status) for status in ("pending", "failed", "sent")}
    print(_("{pending} pending, {failed} failed, {sent} sent").format(**counts))

