"""The receipt of a sent form: "Tersimpan" with the kiosk's code, then the official number in big digits, what
happens next, where to check it, and the paper receipt."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from gemilang_tui.domain.reference import digits_of
from gemilang_tui.flow import Context, Doing, Nav, Notice, Option, Step, View, number_options, standard_keys
from gemilang_tui.i18n import _, long_date
from gemilang_tui.wizard.draft import text_of

if TYPE_CHECKING:
    from gemilang_tui.wizard.run import WizardRun

log = logging.getLogger(__name__)


def number_to_keep(official: str) -> str:
    """Every digit of an official number: what the receipt shows in big type and what Cek Status takes
    (`PPID-2026-0042` → `20260042`, `AK1-2026-00001` → `1202600001`, `2611007` → `2611007`)."""
    return digits_of(official)


class ReceiptStep(Step):
    """After sending: "Tersimpan" while waiting (with the kiosk's code), then the official number in big digits."""

    def __init__(self, run: WizardRun) -> None:
        self.run = run

    def view(self, ctx: Context) -> View:
        run = self.run
        status, official = self.status(ctx)
        local = self.local_number(ctx)
        plan = self.next_steps(ctx)
        next_lines = ["\n".join([_("What happens next:"), *(f"• {line}" for line in plan)])] if plan else []
        big = ""
        if status == "sent" and official:
            question = _("Sent. It has been received. Keep this number:")
            official_label = text_of(run.wizard.receipt.official) or _("Official number:")
            big = number_to_keep(official)
            from gemilang_tui.printing.wording import where_to_check

            where = where_to_check(run.wizard.kind, ctx.catalogue).replace("\n", " ") + " " + _(
                "Type {digits}.").format(digits=big)
            body = [f"{official_label} {official}", *next_lines, where]
            if local:
                body.append(_("The number this kiosk gave while it waited, {number}, still finds it.").format(
                    number=local))
        elif status == "failed":
            question = _("Saved on this kiosk, but not accepted yet.")
            big = local or ""
            body = [self._waiting_number(run, local),
                    _("An officer will check it. Show this number to the officer at the counter.")]
        else:
            question = _("Saved on this kiosk. It will be sent automatically.")
            big = local or ""
            body = [self._waiting_number(run, local) + "\n"
                    + _("The official number appears here once it has been received. "
                        "You do not need to wait for it."), *next_lines]
        return View(
            title=_("{service} · receipt").format(service=text_of(run.wizard.title)),
            question=question,
            body=body,
            big=big,
            options=number_options([
                Option(_("Print the receipt"), Doing(lambda: _("Printing, please wait…"), self.print_receipt),
                       hint="" if ctx.settings.printer else _(
                    "no printer here: write your number down; the officer can print it later")),
                Option(_("Finish"), lambda ctx: Nav.END),
            ]),
            keys=standard_keys(),
        )

    @staticmethod
    def _waiting_number(run: WizardRun, local: str | None) -> str:
        """What the number given while waiting is for: a status check, before and after it is sent."""
        if not local:  # an entry from before local numbers: its code only
            return _("Code of this kiosk (while waiting): {ref}").format(ref=run.local_ref)
        return _("Your number to check the status: {number}. Type it in Check Status, now or after it is "
                 "sent.").format(number=local)

    def local_number(self, ctx: Context) -> str | None:
        summary = ctx.submissions.status_of(self.run.local_ref) if self.run.local_ref else None
        return summary.local_number if summary is not None else None

    def status(self, ctx: Context) -> tuple[str, str | None]:
        summary = ctx.submissions.status_of(self.run.local_ref) if self.run.local_ref else None
        if summary is None:
            return "pending", None
        return summary.status, summary.official_ref

    def next_steps(self, ctx: Context) -> list[str]:
        """What happens next: worded from what was kept at sending (`Wizard.next_steps`), else `Receipt.next_steps`."""
        run = self.run
        day = run.submitted_on or ctx.today
        if run.wizard.next_steps is not None:
            return list(run.wizard.next_steps(ctx, day, run.kept))
        plan = run.wizard.receipt.next_steps
        return list(plan(ctx, day)) if plan else []

    def receipt_text(self, ctx: Context) -> str:
        """The printed receipt: plain text, no full NIK or phone (the check lines are already masked)."""
        status, official = self.status(ctx)
        rule = "-" * 40
        lines = [
            "TANGERANG GEMILANG",
            text_of(self.run.wizard.title),
            _("Receipt"),
            rule,
            _("Date: {date}").format(date=long_date(self.run.submitted_on or ctx.today)),
            _("Receipt code: {ref}").format(ref=self.run.local_ref),
        ]
        if status == "sent" and official:
            lines.append(f"{text_of(self.run.wizard.receipt.official) or _('Official number:')} {official}")
            lines.append(_("Status: sent"))
        else:
            lines.append(_("Status: saved on this kiosk, to be sent"))
        lines += [rule, *self.run.readback, rule, *self.next_steps(ctx)]
        return "\n".join(lines) + "\n"

    def receipt_doc(self, ctx: Context) -> Any:  # a printing.ReceiptDoc (imported when printing)
        """The paper receipt: the number to keep, when (WIB), the masked NIK, what happens next, where to check."""
        from gemilang_tui.domain.nik import mask_nik
        from gemilang_tui.printing import ReceiptDoc, in_wib
        from gemilang_tui.printing.wording import where_to_check

        status, official = self.status(ctx)
        sent = status == "sent" and bool(official)
        summary = ctx.submissions.status_of(self.run.local_ref) if self.run.local_ref else None
        remembered = ctx.visit.recall("nik") if any(q.remember == "nik" for q in self.run.wizard.questions) else None
        nik = mask_nik(str(remembered)) if remembered else None
        return ReceiptDoc(
            service=text_of(self.run.wizard.title),
            number=(official if sent else self.run.local_ref) or "",
            number_label=(text_of(self.run.wizard.receipt.official) or _("Official number:")) if sent
            else _("Your receipt code:"),
            when=in_wib(summary.created_at if summary else None, pinned=ctx.settings.today),
            masked_nik=nik if nik and any(nik in line for line in self.run.readback) else None,
            next_steps=self.next_steps(ctx),
            where_to_check=where_to_check(self.run.wizard.kind, ctx.catalogue) + (
                "\n" + _("Type {digits}.").format(digits=number_to_keep(official or "")) if sent else ""),
            status=_("Status: sent") if sent else _("Status: saved on this kiosk, to be sent"),
            code=self.run.local_ref or "",
        )

    async def print_receipt(self, ctx: Context) -> Step:
        """Print at once when the kiosk has a printer; always keep a private copy (data_dir/receipts/, 0600) from
        which the attendant can print it again."""
        from gemilang_tui.printing import print_receipt_async, save_copy

        doc = self.receipt_doc(ctx)
        title = lambda: text_of(self.run.wizard.title)  # noqa: E731
        finish = lambda ctx: [Option(_("Finish"), lambda ctx: Nav.END)]  # noqa: E731
        try:
            await asyncio.to_thread(save_copy, ctx.settings.data_dir, doc.code or doc.number,
                                    self.receipt_text(ctx), doc)
        except OSError as problem:
            log.error("could not write a receipt: %s", type(problem).__name__)
            if ctx.settings.printer is None:
                return Notice(title, lambda ctx: [
                    _("The receipt cannot be printed now."),
                    _("Please write down your receipt code: {ref}.").format(ref=self.run.local_ref)])
        if ctx.settings.printer is None:
            return Notice(title, lambda ctx: [
                _("Your receipt is saved for the officer to print."),
                _("Write down your number; the officer can print it later."),
                f"{doc.number_label} {doc.number}",
            ], options=finish)
        outcome = await print_receipt_async(ctx.settings, doc)
        if outcome.ok:
            return Notice(title, lambda ctx: [outcome.message()], options=finish)
        return Notice(title, lambda ctx: [
            outcome.message(),
            _("Write down your number; the officer can print it later."),
            f"{doc.number_label} {doc.number}",
        ], options=lambda ctx: [Option(_("Try printing again"),
                                       Doing(lambda: _("Printing, please wait…"), self.print_receipt)),
                                Option(_("Back to the receipt"), lambda ctx: Nav.BACK), *finish(ctx)])

