"""The check page: every answer read back in full, "1 Benar, kirim", "2 Ubah jawaban"."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from gemilang_tui.flow import Context, Option, Step, View, number_options, standard_keys
from gemilang_tui.i18n import _
from gemilang_tui.wizard.draft import short, text_of

if TYPE_CHECKING:
    from gemilang_tui.wizard.form import Line
    from gemilang_tui.wizard.run import WizardRun

CONFIRM_NUMBER = 1  # "1 Benar, kirim" on the check page of every form
CHANGE_NUMBER = 2


class CheckStep(Step):
    """Check your answers: every answer in full, "1 Benar, kirim" on every form, "2 Ubah jawaban" to pick one."""

    def __init__(self, run: WizardRun) -> None:
        self.run = run
        self.changing = False  # showing "which answer do you want to change?" on the same screen

    def back(self) -> bool:
        if self.changing:
            self.changing = False
            return True
        return False

    def left_forward(self) -> None:
        self.changing = False

    def view(self, ctx: Context) -> View:
        run = self.run
        if run.finished:
            return run.finished_view(ctx)
        service = text_of(run.wizard.title)
        lines = run.check_lines(ctx)
        if self.changing:
            return View(
                title=_("{service} · change an answer").format(service=service),
                question=_("Which answer do you want to change? Press its number."),
                options=number_options([Option(text_of(line.label), self._change(line), hint=short(text.split(
                    ": ", 1)[-1], 40)) for line, text in lines]),
                keys=standard_keys(),
            )
        note = [text_of(run.wizard.check_note)] if run.wizard.check_note is not None else []
        return View(
            title=_("{service} · check your answers").format(service=service),
            question=_("Read your answers. Is everything right?"),
            body=["\n".join(f"• {text}" for _line, text in lines), *note],
            options=[
                Option(_("Yes, it is right: send"), run.submit, number=CONFIRM_NUMBER),
                Option(_("Change an answer"), self._start_changing, number=CHANGE_NUMBER),
            ],
            scrollable=True,
            keys=standard_keys(),
        )

    def _start_changing(self, ctx: Context) -> None:
        self.changing = True

    def _change(self, line: Line) -> Callable[[Context], Step | None]:
        return lambda ctx: self.run.change(ctx, line)

