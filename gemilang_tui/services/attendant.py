"""The attendant's panel, behind a PIN: language, idle timer, pending submissions, voice, the receipt printer,
closing the kiosk.

Opened with a key combination not shown to citizens (Ctrl+A). The app supplies the actions (`ctx.desk`, a
`flow.AttendantDesk`); the submissions come from `ctx.submissions`.
"""

from __future__ import annotations

import asyncio
import sqlite3
from typing import Any

from gemilang_tui.domain import regions
from gemilang_tui.flow import (
    MAX_OPTIONS,
    Ask,
    AttendantDesk,
    Context,
    FieldError,
    Menu,
    Nav,
    Notice,
    Option,
    Page,
    PagedList,
    Step,
)
from gemilang_tui.i18n import L, _, long_date
from gemilang_tui.kiosk_time import shown
from gemilang_tui.send_reasons import RESOLVED, explanation, reason_text, status_text
from gemilang_tui.services.home import LANGUAGES
from gemilang_tui.wizard import kiosk_district, kiosk_village


def desk(ctx: Context) -> AttendantDesk:
    assert ctx.desk is not None, "the panel opens only in the kiosk app, which gives the desk"
    return ctx.desk


def pin_question() -> Step:
    def parse(text: str) -> str:
        if not text:
            raise FieldError(_("Type the attendant PIN."))
        return text

    async def then(ctx: Context, pin: str) -> Step:
        attendant = desk(ctx)
        if not attendant.has_pin():  # the app does not open this screen then; a citizen never reads about settings
            return Nav.BACK
        if attendant.pin_wait_seconds():  # locked out: say how long to wait, not "wrong PIN" for a right one
            raise FieldError(wait_message(attendant.pin_wait_seconds()))
        # PBKDF2 takes a noticeable fraction of a second by design: off the UI loop, so the screen stays alive
        if await asyncio.to_thread(attendant.check_pin, pin):
            return panel()
        wait = attendant.pin_wait_seconds()
        raise FieldError(_("Wrong PIN.") + (" " + wait_message(wait) if wait else ""))

    pin = Ask(
        title=L("Attendant"),
        question=L("Type the attendant PIN, then press Enter."),
        label=L("PIN"),
        parse=parse,
        then=then,
        max_length=12,
        masked=True,
    )
    pin.replaced_by_next = True  # the panel takes the PIN's place: leaving the panel locks it
    return pin


def wait_message(seconds: int) -> str:
    """"Tunggu 30 detik…" / "Tunggu 4 menit…" (minutes from two minutes on, rounded up)."""
    if seconds < 120:
        return _("Please wait {seconds} seconds, then type the PIN again.").format(seconds=seconds)
    return _("Please wait {minutes} minutes, then type the PIN again.").format(minutes=-(-seconds // 60))


def panel() -> Menu:
    def options(ctx: Context) -> list[Option]:
        attendant = desk(ctx)
        paused = attendant.idle_paused()
        return [
            Option(_("Language"), lambda ctx: language_menu()),
            Option(_("Pending and failed submissions"), lambda ctx: submissions_list(ctx)),
            Option(_("Resume the idle timer") if paused else _("Pause the idle timer"),
                   lambda ctx: _toggle_idle(ctx)),
            Option(_("Stop assisted mode") if ctx.assisted else
                   _("Assisted mode: I type for the citizen"), _toggle_assisted),
            Option(_("Close the kiosk"), lambda ctx: confirm_close()),
            *_voice_options(ctx),
            Option(_("Receipt printer"), lambda ctx: printer_menu()),
        ]

    return Menu(title=L("Attendant"), options=options,
                question=L("What do you want to do?"),
                body=lambda ctx: [*storage_state(ctx), kiosk_place(ctx), voice_state(ctx)])


def kiosk_place(ctx: Context) -> str:
    """Where the kiosk says it stands (`GEMILANG_KIOSK_DESA`), so the attendant sees a wrong setting at once."""
    village, district = kiosk_village(ctx), kiosk_district(ctx)
    if village is None or district is None:
        return _("This kiosk's place is not set.")
    return _("This kiosk stands in {place} (GEMILANG_KIOSK_DESA {code}).").format(
        place=regions.place_name(village, district), code=ctx.settings.kiosk_desa)


def storage_state(ctx: Context) -> list[str]:
    """A line when submissions cannot be saved on this kiosk (its data folder is unusable); none while they can."""
    problem = ctx.submissions.storage_problem
    if problem is None:
        return []
    return [_("Submissions cannot be saved: the data folder {folder} cannot be used ({reason}). Citizens can look "
              "things up, but not send. Fix the folder, then restart the kiosk.").format(
        folder=ctx.settings.data_dir, reason=_storage_reason(problem))]


def _storage_reason(problem: str) -> str:
    no_permission = _("no permission to write there")
    reasons = {"ENOTDIR": _("a file stands where a folder should be"), "EACCES": no_permission,
               "EPERM": no_permission, "EROFS": _("the disk is read-only"), "ENOSPC": _("the disk is full")}
    return reasons.get(problem) or _("it cannot be opened")


# -- the voice (speech/voice.py, at ctx.voice once the kiosk has painted) ---------- ----------------------

VOLUME_STEP = 10


def voice_state(ctx: Context) -> str:
    """One line: the voice is on, off, or why it cannot be heard."""
    voice = ctx.voice
    if voice is None:
        return _("Voice: starting.")
    state, detail = voice.status()
    if state == "off":
        return _("Voice: off.")
    if state == "starting":
        return _("Voice: starting.")
    if state == "missing":
        return _("No voice: the speech engine is missing ({detail}). Reinstall the kiosk with pip, "
                 "or install espeak-ng.").format(detail=detail)
    if state == "failing":
        return _("No sound: {detail}. Check the speaker or the headphones.").format(detail=detail)
    return _("Voice: on, volume {volume} of 100.").format(volume=voice.volume)


def _voice_options(ctx: Context) -> list[Option]:
    voice = ctx.voice
    if voice is None:
        return []
    return [
        Option(_("Turn the voice off") if voice.enabled else _("Turn the voice on"),
               lambda ctx: voice.set_enabled(not voice.enabled)),
        Option(_("Voice volume"), lambda ctx: volume_menu()),
    ]


def volume_menu() -> Menu:
    """Softer and louder by ten, staying here so the attendant hears each step."""

    def change(delta: int):
        def go(ctx: Context) -> None:
            voice = ctx.voice
            if voice is not None:
                voice.set_volume(voice.volume + delta)
        return go

    return Menu(
        title=L("Voice volume"),
        question=L("Press 1 or 2 to change the volume."),
        body=lambda ctx: [_("Volume: {volume} of 100.").format(volume=ctx.voice.volume if ctx.voice else 0)],
        options=lambda ctx: [Option(_("Softer"), change(-VOLUME_STEP)), Option(_("Louder"), change(+VOLUME_STEP))],
    )


def _toggle_idle(ctx: Context) -> None:
    """Stays on the panel, which then shows the other choice."""
    attendant = desk(ctx)
    attendant.pause_idle(not attendant.idle_paused())


def _toggle_assisted(ctx: Context) -> None:
    """Submissions made while it is on are marked as assisted, for the office's records."""
    ctx.assisted = not ctx.assisted


def language_menu() -> Menu:
    def choose(code: str):
        def go(ctx: Context):
            desk(ctx).set_language(code)
            return Nav.BACK
        return go

    return Menu(title=L("Language"),
                options=lambda ctx: [Option(name, choose(code)) for code, name in LANGUAGES])


def submissions_list(ctx: Context) -> Step:
    """Every submission of the kiosk in one line each; the ones not sent yet open to be sent now or handled."""

    def body(ctx: Context) -> list[str]:
        if ctx.submissions.storage_problem is not None:
            return storage_state(ctx)
        try:
            entries = ctx.submissions.entries()
        except (OSError, sqlite3.Error):
            entries = []
        if not entries:
            return [_("No submissions are waiting.")]
        lines = []
        for entry in entries:
            official = entry.official_ref or "—"
            error = f" · {reason_text(entry.last_error)}" if entry.last_error else ""
            lines.append(f"{entry.local_ref} · {entry.kind} · {status_text(entry.status)} · {official} · "
                         f"{long_date(shown(entry.created_at, ctx.settings.today).date())}{error}")
        return lines

    def open_options(ctx: Context) -> list[Option]:
        try:
            entries = ctx.submissions.entries()
        except (OSError, sqlite3.Error):
            return []
        open_ones = [entry for entry in entries if _can_act_on(entry)][:MAX_OPTIONS]
        return [Option(f"{entry.local_ref} · {status_text(entry.status)}", _open_entry(entry.local_ref),
                       hint=reason_text(entry.last_error) if entry.last_error else "") for entry in open_ones]

    return Notice(title=L("Submissions"), body=body, options=open_options)


def _can_act_on(entry: Any) -> bool:
    return entry.status != "sent" and entry.last_error != RESOLVED


def _open_entry(ref: str):
    return lambda ctx: submission_menu(ref)


def submission_menu(ref: str) -> Menu:
    """One submission: what it is, where it stands and why, in plain words; send it now; delete its personal data
    once it was handled at the counter."""

    def body(ctx: Context) -> list[str]:
        entry = ctx.submissions.status_of(ref)
        if entry is None:
            return [_("Submission {ref} no longer exists.").format(ref=ref)]
        return [
            _("Service: {kind}. Saved on {date}.").format(
                kind=entry.kind, date=long_date(shown(entry.created_at, ctx.settings.today).date())),
            outcome_text(entry),
        ]

    def options(ctx: Context) -> list[Option]:
        entry = ctx.submissions.status_of(ref)
        if entry is None or not _can_act_on(entry):
            return [Option(_("Back"), lambda ctx: Nav.BACK)]
        shown_options = [Option(_("Send it now"), _send_now(ref))]
        if entry.status == "failed":
            shown_options.append(Option(_("Handled at the counter: delete its personal data"),
                                        lambda ctx: confirm_delete(ref)))
        return shown_options

    return Menu(title=lambda: _("Submission {ref}").format(ref=ref), body=body, options=options,
                question=L("What do you want to do?"))


def outcome_text(entry: Any, now: float | None = None) -> str:
    """Where a submission stands, in plain words: sent with its number, waiting and why, refused and why."""
    import time

    if entry.status == "sent":
        return _("Sent. Its official number is {number}.").format(number=entry.official_ref)
    if entry.last_error == RESOLVED:
        return explanation(RESOLVED)
    if entry.status == "failed":
        return _("Refused: {reason}.").format(reason=reason_text(entry.last_error)) + " " + \
            explanation(entry.last_error)
    if not entry.last_error:
        return _("Waiting to be sent; it goes as soon as the server answers.")
    seconds = max(0, int(entry.next_attempt_at - (time.time() if now is None else now)))
    if seconds < 5:
        when = _("The next try is in a few seconds.")
    elif seconds < 120:
        when = _("The next try is in {seconds} seconds.").format(seconds=seconds)
    else:
        when = _("The next try is in {minutes} minutes.").format(minutes=-(-seconds // 60))
    return " ".join([_("Not sent yet."), explanation(entry.last_error), when])


def _send_now(ref: str):
    async def go(ctx: Context) -> Step:
        result = await ctx.submissions.send_now(ref)

        def body(ctx: Context) -> list[str]:
            if result is None:
                return [_("Submission {ref} no longer exists.").format(ref=ref)]
            return [outcome_text(result)]

        return Notice(title=lambda: _("Submission {ref}").format(ref=ref), body=body,
                      options=lambda ctx: [Option(_("Back"), lambda ctx: Nav.BACK)])

    return go


def confirm_delete(ref: str) -> Menu:
    """Deleting personal data cannot be undone: asked once more, with what it means. The result takes this
    question's place, so going back from it never asks again."""
    menu = Menu(
        title=lambda: _("Submission {ref}").format(ref=ref),
        question=L("Delete the personal data of this submission?"),
        body=lambda ctx: [_("Do this only once it was handled with the citizen at the counter. The name, NIK, "
                            "phone and words of {ref} are deleted for good and it can no longer be sent.")
                          .format(ref=ref)],
        options=lambda ctx: [Option(_("Yes, delete the personal data"), _resolve(ref)),
                             Option(_("No, go back"), lambda ctx: Nav.BACK)],
    )
    menu.replaced_by_next = True
    return menu


def _resolve(ref: str):
    """The attendant dealt with a refused submission at the counter: its personal data goes now."""
    async def go(ctx: Context) -> Step:
        summary = await asyncio.to_thread(ctx.submissions.outbox.resolve, ref)
        ctx.submissions.changed(summary)
        done = summary is not None

        def body(ctx: Context) -> list[str]:
            if done:
                return [_("The personal data of {ref} is deleted.").format(ref=ref)]
            return [_("Nothing was deleted: {ref} is not a refused submission.").format(ref=ref)]

        return Notice(title=lambda: _("Submission {ref}").format(ref=ref), body=body,
                      options=lambda ctx: [Option(_("Back"), lambda ctx: Nav.BACK)])
    return go


def confirm_close() -> Menu:
    return Menu(
        title=L("Close the kiosk"),
        question=L("Close the kiosk application now?"),
        options=lambda ctx: [Option(_("Yes, close it"), lambda ctx: desk(ctx).close_app()),
                             Option(_("No, go back"), lambda ctx: Nav.BACK)],
    )


# -- the receipt printer ----------------------------------------------------------------------------------------


def printer_menu() -> Menu:
    def about(ctx: Context) -> list[str]:
        target = ctx.settings.printer
        if target is None:
            return [_("No printer is set. Set GEMILANG_PRINTER (see deploy/README.md).")]
        return [_("Printer: {printer}, paper {width} mm.").format(printer=target, width=ctx.settings.printer_width)]

    return Menu(
        title=L("Receipt printer"),
        body=about,
        options=lambda ctx: [Option(_("Print a receipt of today again"), lambda ctx: todays_receipts()),
                             Option(_("Print a test page"), _test_page)],
    )


def todays_receipts() -> PagedList[Any]:
    """The receipts the citizens of today asked for, the latest first: each can be printed again."""

    async def fetch(ctx: Context, page: int, per_page: int) -> Page[Any]:
        from gemilang_tui.printing import in_wib, todays_copies

        today = in_wib(pinned=ctx.settings.today).date()
        docs = await asyncio.to_thread(todays_copies, ctx.settings.data_dir, today)
        start = (page - 1) * per_page
        return Page(docs[start:start + per_page], len(docs))

    return PagedList(
        title=L("Receipts of today"),
        fetch=fetch,
        label=lambda doc: f"{doc.number} · {doc.service}",
        hint=lambda doc: f"{doc.when:%H.%M}",
        open_item=_reprint,
        question=L("Press the number of the receipt to print it again."),
        empty=L("No receipt has been saved today."),
    )


def _reprint(doc: Any):
    async def go(ctx: Context) -> Step:
        from gemilang_tui.printing import print_receipt_async

        outcome = await print_receipt_async(ctx.settings, doc)
        return _outcome_notice(outcome, _("Receipt {number}").format(number=doc.number))

    return go


async def _test_page(ctx: Context) -> Step:
    from gemilang_tui.printing import print_test_page_async

    outcome = await print_test_page_async(ctx.settings)
    return _outcome_notice(outcome, _("Printer test"))


def _outcome_notice(outcome: Any, what: str) -> Notice:
    def body(ctx: Context) -> list[str]:
        if outcome.ok:
            return [what, _("Printed.")]
        lines = [what, outcome.message()]
        if ctx.settings.printer is None:
            lines.append(_("Set GEMILANG_PRINTER (see deploy/README.md)."))
        elif outcome.status == "no_driver":
            lines.append(_("The USB printer driver (libusb) is not installed on this kiosk. "
                           "Install the package libusb-1.0-0."))
        else:
            lines.append(_("Check that the printer is on, has paper and is connected to {printer}.").format(
                printer=ctx.settings.printer))
        return lines

    return Notice(title=L("Receipt printer"), body=body,
                  options=lambda ctx: [Option(_("Back"), lambda ctx: Nav.BACK)])
