"""Variants of `Choose` some forms need: an answer given by the page the form was opened from (`Given`,
`Preset`), a choice that ends the form kindly (`Gate`, `Stop`), several answers one at a time (`Several`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gemilang_tui.flow import MAX_OPTIONS, Context, Nav, Notice, Option, Step
from gemilang_tui.i18n import L, _
from gemilang_tui.wizard.draft import Answer, Answers, Choice, Label, text_of
from gemilang_tui.wizard.questions import Choose
from gemilang_tui.wizard.walk import Pick, Place

if TYPE_CHECKING:
    from gemilang_tui.wizard.run import WizardRun

# -- an answer given by the page the form was opened from -----------------------------------------------------------


class Given(Answer):
    """An answer the citizen chose on an information page before the form (a TPU, a donor session)."""


class Preset(Choose):
    """A `Choose` passed over on the way forward when its answer is `Given`; the check screen still changes it."""

    def first_step(self, run: WizardRun, ctx: Context, place: Place) -> Step:
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

    def picks(self, run: WizardRun, ctx: Context, place: Place, loaded: Any) -> list[Pick]:
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
                ctx.submissions.changed()  # a check screen below no longer shows the forgotten answer
            return Notice(
                title=lambda: text_of(run.wizard.title),
                body=lambda ctx: list(stop.why(ctx, run.answers(ctx))),
                options=lambda ctx: [Option(_("Finish"), lambda ctx: Nav.HOME)],
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

    def picks(self, run: WizardRun, ctx: Context, place: Place, loaded: Any) -> list[Pick]:
        choices = self.choices(ctx, run.answers(ctx), loaded)
        chosen = self.chosen(run, ctx)
        count = sum(1 for choice in choices if choice.value in chosen)
        picks = [
            Pick(choice.label, choice.hint, open=self._toggle(run, choice.value, choices),
                  current=choice.value in chosen)
            for choice in choices
        ]
        picks.append(Pick(
            self.done or (L("Done")),
            hint=(lambda: _("{count} chosen").format(count=count)) if count else L("nothing chosen yet"),
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


