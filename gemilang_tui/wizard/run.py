"""One walk through a wizard: the draft, moving on, changing an answer, sending into the outbox."""

from __future__ import annotations

import logging
import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Any

from gemilang_tui.flow import Context, Nav, Notice, Option, Step, View, number_options, standard_keys
from gemilang_tui.i18n import _
from gemilang_tui.wizard.check import CheckStep
from gemilang_tui.wizard.draft import Answer, Answers, text_of
from gemilang_tui.wizard.receipt import ReceiptStep
from gemilang_tui.wizard.walk import FORWARD, Place

if TYPE_CHECKING:
    from gemilang_tui.wizard.form import Line, Wizard
    from gemilang_tui.wizard.questions import Question

log = logging.getLogger(__name__)

CHANNEL = "kiosk"


def envelope(ctx: Context) -> dict[str, Any]:
    """What every submission says besides its answers: sent from a kiosk, typed by the attendant or not."""
    return {"kanal": CHANNEL, "dibantu_petugas": ctx.assisted}


class WizardRun:
    """One walk through a wizard: shared by its screens; the answers themselves stay in the visit's draft."""

    def __init__(self, wizard: Wizard) -> None:
        self.wizard = wizard
        self.local_ref: str | None = None
        self.submitted_on: date | None = None
        self.readback: list[str] = []
        self.kept: Any = None  # what `Wizard.keep` took from the answers when they were sent (never personal data)
        self.check = CheckStep(self)
        self.receipt = ReceiptStep(self)

    @property
    def finished(self) -> bool:
        return self.local_ref is not None

    # -- the draft ---------------------------------------------------------------------------------------------

    def store(self, ctx: Context) -> dict[str, Any]:
        return ctx.visit.draft(self.wizard.kind)

    def answers(self, ctx: Context, *, active_only: bool = False, private: bool = False) -> Answers:
        store = self.store(ctx)
        if not active_only:
            return Answers(store, private=private)
        return Answers(store, {q.key for q in self.active(ctx)}, private=private)

    def active(self, ctx: Context) -> list[Question]:
        answers = Answers(self.store(ctx))
        return [q for q in self.wizard.questions if q.applies(answers)]

    def needs_answer(self, ctx: Context, question: Question) -> bool:
        answers = Answers(self.store(ctx))
        if not question.applies(answers) or question.is_optional(answers):
            return False
        current = self.store(ctx).get(question.key)
        return current is None or current.value is None

    def first_missing(self, ctx: Context) -> Question | None:
        return next((q for q in self.wizard.questions if self.needs_answer(ctx, q)), None)

    def forget_dependents(self, store: dict[str, Any], key: str) -> None:
        """Forget the answers that depend on `key` (a desa when the kecamatan changed), and theirs in turn."""
        for q in self.wizard.questions:
            if key in q.depends_on and q.key in store:
                del store[q.key]
                self.forget_dependents(store, q.key)

    # -- moving on ---------------------------------------------------------------------------------------------

    def title(self, ctx: Context, question: Question) -> str:
        service = text_of(self.wizard.title)
        active = self.active(ctx)
        if question not in active:
            return service
        # No "of M": how many questions apply depends on answers not given yet, and M must never change midway.
        return _("{service} · step {step}").format(service=service, step=active.index(question) + 1)

    def first_step(self, ctx: Context) -> Step:
        active = self.active(ctx)
        if not active:
            return self.check
        return active[0].first_step(self, ctx, FORWARD)

    def commit(self, ctx: Context, question: Question, answer: Answer, place: Place) -> Step | Nav:
        """Keep an answer and go on: the next question, the check screen, or back to it after a change."""
        if self.finished:
            return self.receipt
        if question.check is not None and answer.value is not None:
            question.check(ctx, self.answers(ctx), answer.value)  # a FieldError refuses it on its own screen
        store = self.store(ctx)
        before = store.get(question.key)
        store[question.key] = answer
        if before is None or before.value != answer.value:
            self.forget_dependents(store, question.key)
        if question.remember and answer.value is not None:
            ctx.visit.remember(question.remember, answer.value)
        ctx.submissions.changed()  # screens below (the check screen) show the new answer when we return to them
        return self.next_step(ctx, question, place)

    def next_step(self, ctx: Context, question: Question, place: Place) -> Step | Nav:
        questions = self.wizard.questions
        answers = self.answers(ctx)
        later = questions[questions.index(question) + 1:]
        if place.edit is None:
            following = next((q for q in later if q.applies(answers)), None)
            return following.first_step(self, ctx, FORWARD) if following is not None else self.check
        following = next((q for q in later if q.key in place.edit and q.applies(answers)), None)
        if following is not None:
            return following.first_step(self, ctx, place.deeper())
        missing = self.first_missing(ctx)
        if missing is not None:
            return missing.first_step(self, ctx, Place((*place.edit, missing.key), place.depth + 1))
        return Nav.BACK if place.depth <= 1 else self.check

    def change(self, ctx: Context, line: Line) -> Step | None:
        """From the check screen: the first question of a line, to be answered again."""
        answers = self.answers(ctx)
        for q in self.wizard.questions:
            if q.key in line.keys and q.applies(answers):
                return q.first_step(self, ctx, Place(line.keys, 1))
        return None

    # -- the check screen ------------------------------------------------------------------------------------------

    def check_lines(self, ctx: Context, *, private: bool = False) -> list[tuple[Line, str]]:
        """Each visible line of the check screen with its text, in full: "Lokasi: Desa Tapos, Kecamatan Tigaraksa".

        `private`: as kept after sending (receipt, outbox), with the NIK and phone masked.
        """
        store = self.store(ctx)
        answers = Answers(store, private=private)
        shown = []
        for line in self.wizard.lines:
            questions = [q for q in self.wizard.questions if q.key in line.keys and q.applies(answers)]
            if not questions:
                continue
            if any(self.needs_answer(ctx, q) for q in questions):
                value = _("not answered yet")
            elif line.show is not None:
                value = line.show(self.answers(ctx, active_only=True, private=private))
            else:
                value = ", ".join(answers.label(q.key) if q.key in store else _("Not given") for q in questions)
            shown.append((line, f"{text_of(line.label)}: {value}"))
        return shown

    async def submit(self, ctx: Context) -> Step:
        """Put the submission in the outbox (committed before anything is confirmed), then the receipt."""
        if self.finished:
            return self.receipt
        missing = self.first_missing(ctx)
        if missing is not None:
            return missing.first_step(self, ctx, Place((missing.key,), 1))
        kept = self.wizard.keep(self.answers(ctx, active_only=True)) if self.wizard.keep is not None else None
        readback = [text for _line, text in self.check_lines(ctx, private=True)]
        payload = {**self.wizard.payload(ctx, self.answers(ctx, active_only=True)), **envelope(ctx)}
        try:
            entry = await ctx.submissions.submit(self.wizard.kind, payload, assisted=ctx.assisted)
        except (OSError, sqlite3.Error, ValueError, TypeError) as problem:
            log.error("could not save a %s submission: %s", self.wizard.kind, type(problem).__name__)
            return Notice(
                title=lambda: text_of(self.wizard.title),
                body=lambda ctx: [_("Your answers could not be saved on this kiosk, so nothing was sent."),
                                  _("Your answers are kept. Please ask the officer at the counter for help.")],
            )
        self.local_ref = entry.local_ref
        self.submitted_on = ctx.today
        self.readback = readback
        self.kept = kept
        ctx.visit.drafts.pop(self.wizard.kind, None)
        ctx.visit.last_receipts.append(entry.local_ref)
        ctx.submissions.changed()  # the screens below now say "already saved"
        return self.receipt

    def finished_view(self, ctx: Context) -> View:
        """What every screen of a sent wizard shows (when the citizen goes back after sending)."""
        return View(
            title=text_of(self.wizard.title),
            question=self._saved_line(ctx),
            options=number_options([
                Option(_("See the receipt"), lambda ctx: self.receipt),
                Option(_("Finish"), lambda ctx: Nav.END),
            ]),
            keys=standard_keys(),
        )

    def _saved_line(self, ctx: Context) -> str:
        status, official = self.receipt.status(ctx)
        if status == "sent" and official:
            return _("This is sent. Your number: {number}.").format(number=official)
        return _("This is saved. Code of this kiosk (while waiting): {ref}.").format(ref=self.local_ref)

