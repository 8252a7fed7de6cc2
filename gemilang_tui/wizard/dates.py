"""A date: "1 Hari ini / 2 Kemarin / 3 Ketik tanggal", or 8 digits typed (DDMMYYYY)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from gemilang_tui.flow import Context, FieldError
from gemilang_tui.i18n import L, _, long_date
from gemilang_tui.wizard.draft import Answer, Label, text_of
from gemilang_tui.wizard.questions import Question
from gemilang_tui.wizard.steps import TypedStep
from gemilang_tui.wizard.walk import Entry, Pick, Place

if TYPE_CHECKING:
    from gemilang_tui.wizard.run import WizardRun


DATE_EXAMPLE = date(2026, 11, 5)  # a day below 10, so that the example shows its leading zero


def date_example() -> str:
    """"05112026 for 5 November 2026": the hint of every date field."""
    return _("{digits} for {date}").format(digits=f"{DATE_EXAMPLE:%d%m%Y}", date=long_date(DATE_EXAMPLE))


def date_digits(text: str, today: date) -> date:
    """A date typed as exactly 8 digits, day month year: `05112026` is 5 November 2026."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits:
        raise FieldError(_("Type the date as 8 digits: day, month, year. Example: {example}.").format(
            example=date_example()))
    if len(digits) != 8:
        raise FieldError(_("A date has 8 digits: day, month, year. You typed {got} digits. Example: {example}.")
                         .format(got=len(digits), example=date_example()))
    day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:])
    try:
        typed = date(year, month, day)
    except ValueError:
        raise FieldError(_("{day}-{month}-{year} is not a real date. Check it and type it again.").format(
            day=digits[:2], month=digits[2:4], year=digits[4:])) from None
    if year < 1900:
        raise FieldError(_("The year {year} is too far back. Check it and type it again.").format(year=year))
    return typed


class DateQuestion(Question):
    """A date: "1 Hari ini / 2 Kemarin / 3 Ketik tanggal" (`quick` = day offsets from today), then 8 digits."""

    def __init__(self, key: str, question: Label, *, quick: Sequence[int] = (0, -1), not_after_today: bool = False,
                 not_before_today: bool = False, too_late: Label | None = None, too_early: Label | None = None,
                 **common: Any) -> None:
        super().__init__(key, question, **common)
        self.quick = tuple(quick)
        self.not_after_today = not_after_today
        self.not_before_today = not_before_today
        self.too_late = too_late
        self.too_early = too_early

    def entry(self) -> Entry:
        def parse(ctx: Context, text: str) -> Answer:
            typed = date_digits(text, ctx.today)
            if self.not_after_today and typed > ctx.today:
                raise FieldError(text_of(self.too_late) or _("The date cannot be after today."))
            if self.not_before_today and typed < ctx.today:
                raise FieldError(text_of(self.too_early) or _("The date cannot be before today."))
            return Answer(typed, lambda: long_date(typed), typed=text)

        return Entry(self.question, L("Day, month, year"), parse, max_length=8,
                     example=lambda: _("Type 8 digits: day, month, year. For example {example}.").format(
                         example=date_example()))

    def picks(self, run: WizardRun, ctx: Context, place: Place, loaded: Any) -> list[Pick]:
        today = ctx.today
        current = run.store(ctx).get(self.key)
        chosen = current.value if current is not None else None
        days = [today + timedelta(days=offset) for offset in self.quick]
        picks = [
            Pick(day_name(offset), hint=said(day), answer=Answer(day, said(day)), current=chosen == day)
            for offset, day in zip(self.quick, days, strict=True)
        ]
        typed = isinstance(chosen, date) and chosen not in days
        picks.append(Pick(
            L("Type another date"),
            hint=said(chosen) if isinstance(chosen, date) and typed else L("8 digits"),
            open=lambda ctx: TypedStep(run, self, self.entry(), place.deeper(), ctx),
            current=typed,
        ))
        return picks + self.skip_pick(run, ctx)


def day_name(offset: int) -> Label:
    names = {0: L("Today"), -1: L("Yesterday"), 1: L("Tomorrow")}
    return names.get(offset, lambda: _("In {days} days").format(days=offset))


def said(day: date) -> Callable[[], str]:
    """The day in words, in the language shown when it is read."""
    return lambda: long_date(day)
