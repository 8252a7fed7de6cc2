"""What the izin makam, donor and AK/1 forms need that the generic wizard (`gemilang_tui/wizard.py`) lacks yet.

Small extensions of the wizard, kept here so that the wizard itself is left to its owner; each would be better as
part of the wizard (see the notes):

- `Gate`: a `Choose` where a choice marked `Choice(data=Stop(why))` ends the form with a kind explanation instead
  of being an answer (an ineligible donor: nothing is saved, nothing is sent). 0 goes back to change the answer.
- `Several`: several answers from a short list (at most 8), picked one at a time — each pick marked "✓", pressed
  again to undo — and "Selesai" as the last number (keterampilan).
- `name_question`: a name typed with the keyboard (the officer may type it), remembered for the visit if wanted.
- `person_nik_question`: `nik_question` with one more rule (AK/1: a 3603 NIK; a donor's age on the session day)
  and the choice of what the visit remembers (the NIK of a deceased person is not the citizen's own).
- `Given` / `Preset`: an answer that came with the link into the form (the TPU of a TPU's page, the session of a
  donor session's page): passed over on the way forward, read back and changeable on the check screen.
- The forms' receipts use `services/receipt_wizard.ReceiptWizard` (what was sent, and big digits after a prefix).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from gemilang_tui import sending
from gemilang_tui.domain.grouping import in_groups
from gemilang_tui.domain.nik import Nik
from gemilang_tui.flow import HOME, MAX_OPTIONS, Context, FieldError, Notice, Option, Step
from gemilang_tui.i18n import L, _
from gemilang_tui.services.answers import nik_answer
from gemilang_tui.wizard import (
    Answer,
    Answers,
    Choice,
    Choose,
    Label,
    Typed,
    WizardRun,
    _Pick,
    _Place,
    text_of,
)

# -- an answer given by the page the form was opened from -----------------------------------------------------------


class Given(Answer):
    """An answer the citizen chose on an information page before the form (a TPU, a donor session)."""


class Preset(Choose):
    """A `Choose` passed over on the way forward when its answer is `Given`; the check screen still changes it."""

    def first_step(self, run: WizardRun, ctx: Context, place: _Place) -> Step:
        current = run.store(ctx).get(self.key)
        if place.edit is None and isinstance(current, Given):
            return run.next_step(ctx, self, place)  # type: ignore[return-value]
        return super().first_step(run, ctx, place)


# -- a choice that ends the form -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stop:
    """Marks a `Choice` of a `Gate` that ends the form: `why(ctx, answers)` are the lines shown instead."""

    why: Callable[[Context, Answers], Sequence[str]]


class Gate(Choose):
    """A `Choose` whose choices marked `Stop` explain why the form ends here, kindly, and save nothing.

    The stopping answer is not kept (an earlier answer to the same question is forgotten too, so it cannot be
    sent by mistake); the explanation offers "Selesai", and 0 goes back to the question.
    """

    def picks(self, run: WizardRun, ctx: Context, place: _Place, loaded: Any) -> list[_Pick]:
        picks = super().picks(run, ctx, place, loaded)
        choices = self.choices(ctx, run.answers(ctx), loaded)
        for pick, choice in zip(picks, choices, strict=False):  # one pick per choice comes first
            if isinstance(choice.data, Stop):
                pick.answer = None
                pick.open = self._stopped(run, choice.data)
                pick.current = False
        return picks

    def _stopped(self, run: WizardRun, stop: Stop) -> Callable[[Context], Step]:
        def show(ctx: Context) -> Step:
            if not run.finished and run.store(ctx).pop(self.key, None) is not None:
                sending.changed(ctx)  # a check screen below no longer shows the forgotten answer
            return Notice(
                title=lambda: text_of(run.wizard.title),
                body=lambda ctx: list(stop.why(ctx, run.answers(ctx))),
                options=lambda ctx: [Option(_("Finish"), lambda ctx: HOME)],
            )

        return show


# -- several answers, one at a time --------------------------------------------------------------------------------


class Several(Choose):
    """Several answers from a short list: each number adds (or, pressed again, removes) one; "Selesai" goes on.

    The value is a tuple of the chosen values, in the list's order (empty when none: `nothing` is read back);
    `answers.data(key)` is the list of their `Choice.data`.
    """

    def __init__(self, key: str, question: Label, choices: Sequence[Choice], *, done: Label | None = None,
                 nothing: Label | None = None, **common: Any) -> None:
        if len(choices) > MAX_OPTIONS - 1:
            raise ValueError(f"{key}: at most {MAX_OPTIONS - 1} choices, so that 'done' has a number too")
        super().__init__(key, question, list(choices), **common)
        self.done = done
        self.nothing = nothing

    def chosen(self, run: WizardRun, ctx: Context) -> tuple[Any, ...]:
        current = run.store(ctx).get(self.key)
        return tuple(current.value) if current is not None and current.value else ()

    def answer_of(self, chosen: Sequence[Any], choices: Sequence[Choice]) -> Answer:
        picked = [choice for choice in choices if choice.value in chosen]

        def readback() -> str:
            said = ", ".join(text_of(choice.readback or choice.label) for choice in picked)
            return said or text_of(self.nothing or (L("None")))

        return Answer(tuple(choice.value for choice in picked), readback, data=[choice.data for choice in picked])

    def picks(self, run: WizardRun, ctx: Context, place: _Place, loaded: Any) -> list[_Pick]:
        choices = self.choices(ctx, run.answers(ctx), loaded)
        chosen = self.chosen(run, ctx)
        count = sum(1 for choice in choices if choice.value in chosen)
        picks = [
            _Pick(choice.label, choice.hint, open=self._toggle(run, choice.value, choices),
                  current=choice.value in chosen)
            for choice in choices
        ]
        picks.append(_Pick(
            self.done or (L("Done")),
            hint=(lambda: _("{count} chosen").format(count=count)) if count else (L("nothing chosen yet")),
            answer=self.answer_of(chosen, choices),
        ))
        return picks

    def _toggle(self, run: WizardRun, value: Any, choices: Sequence[Choice]) -> Callable[[Context], None]:
        def toggle(ctx: Context) -> None:
            if run.finished:
                return  # None: the screen shows itself again (here: "already saved")
            chosen = list(self.chosen(run, ctx))
            if value in chosen:
                chosen.remove(value)
            else:
                chosen.append(value)
            run.store(ctx)[self.key] = self.answer_of(chosen, choices)

        return toggle

    def lines(self, ctx: Context, answers: Answers) -> list[str]:
        lines = super().lines(ctx, answers)
        if answers.get(self.key):
            lines.append(_("Chosen so far: {items}").format(items=answers.label(self.key)))
        return lines


# -- typed answers -------------------------------------------------------------------------------------------------


def name_question(key: str, question: Label, *, remember: str | None = None, **common: Any) -> Typed:
    """A full name typed with the keyboard (the officer may type it for the citizen), read back as typed."""

    def parse(ctx: Context, text: str) -> tuple[Any, str]:
        name = " ".join(text.split())
        if not name:
            raise FieldError(_("Please type the full name, then press Enter."))
        if any(char.isdigit() for char in name):
            raise FieldError(_("A name has no digits. Check it and type it again."))
        if sum(char.isalpha() for char in name) < 2:
            raise FieldError(_("This name is too short. Type the full name as on the KTP."))
        return name, name

    common.setdefault("summary", L("Name"))
    common.setdefault("example", L("Type it with the keyboard as on the KTP, then press Enter. "
                                            "The officer can type it for you."))
    common.setdefault("reuse", lambda shown: _("Use the name {name}").format(name=shown))
    common.setdefault("retype", L("Type another name"))
    common.setdefault("type_label", L("Type the name"))
    return Typed(key, question, L("Full name"), parse, digits_only=False, max_length=60, remember=remember,
                 **common)


def person_nik_question(key: str = "nik", question: Label | None = None, *,
                        check: Callable[[Context, Nik], None] | None = None, **common: Any) -> Typed:
    """`nik_question` (16 digits, read back grouped, masked after sending, remembered as the visit's "nik" unless
    `remember` says otherwise) with one more rule: `check(ctx, nik)` raises `FieldError` with a plain sentence."""

    def parse(ctx: Context, text: str) -> tuple[Any, str, str]:
        nik = nik_answer(text, today=ctx.today)
        if check is not None:
            check(ctx, nik)
        return nik.digits, in_groups(nik.digits), nik.masked

    common.setdefault("summary", L("NIK"))
    common.setdefault("note", L("The NIK is the 16-digit number on your KTP and your Kartu Keluarga (KK)."))
    common.setdefault("remember", "nik")
    common.setdefault("reuse", lambda shown: _("Use NIK {nik}").format(nik=shown))
    common.setdefault("retype", L("Type another NIK"))
    common.setdefault("type_label", L("Type my NIK"))
    return Typed(key, question or (L("Type your NIK.")), L("NIK"), parse, max_length=16,
                 prefill=False, **common)
