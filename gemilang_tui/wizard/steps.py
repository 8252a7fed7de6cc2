"""The question screens of a wizard: a question answered by a number (`ChooseStep`) or by typing (`TypedStep`)."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gemilang_tui.api.errors import ApiBadResponse
from gemilang_tui.flow import (
    MAX_OPTIONS,
    PAGE_SIZE,
    Ask,
    Context,
    FieldError,
    Option,
    Step,
    View,
    next_page_option,
    number_options,
    standard_keys,
    wrap_page,
)
from gemilang_tui.i18n import _
from gemilang_tui.wizard.draft import text_of
from gemilang_tui.wizard.walk import Entry, Pick, Place

if TYPE_CHECKING:
    from gemilang_tui.wizard.questions import Question
    from gemilang_tui.wizard.run import WizardRun

log = logging.getLogger(__name__)


class ChooseStep(Step):
    """A question answered by a number: its picks, paged by 7 when there are more than 9."""

    def __init__(self, run: WizardRun, question: Question, place: Place) -> None:
        self.run = run
        self.question = question
        self.place = place
        self.loads = question.fetches
        self.loaded: Any = None
        self.page_number: int | None = None

    async def load(self, ctx: Context) -> None:
        if self.question.fetches and self.loaded is None:
            self.loaded = await self.question.load(ctx, self.run.answers(ctx))
            if not self._picks(ctx):  # the server listed nothing to choose from: "try again", not a defect of ours
                self.loaded = None
                raise ApiBadResponse(f"no choices came for {self.question.key}")

    def _picks(self, ctx: Context) -> list[Pick]:
        try:
            return self.question.picks(self.run, ctx, self.place, self.loaded)
        except (KeyError, LookupError, AttributeError, TypeError):  # an earlier answer it needs is gone
            return []

    def _then(self, pick: Pick) -> Callable[[Context], Any]:
        if pick.answer is not None:
            answer = pick.answer
            return lambda ctx: self.run.commit(ctx, self.question, answer, self.place)
        assert pick.open is not None
        return pick.open

    def _option(self, pick: Pick) -> Option:
        hint = text_of(pick.hint)
        if pick.current:
            hint = f"{hint} · {_('✓ your answer')}" if hint else _("✓ your answer")
        return Option(text_of(pick.label), self._then(pick), hint=hint)

    def page_count(self, picks: list[Pick]) -> int:
        return 1 if len(picks) <= MAX_OPTIONS else math.ceil(len(picks) / PAGE_SIZE)

    def turn_page(self, delta: int) -> bool:
        pages = getattr(self, "_pages", 1)
        if self.page_number is None or pages <= 1:
            return False
        self.page_number = wrap_page(self.page_number, delta, pages)
        return True

    def view(self, ctx: Context) -> View:
        if self.run.finished:
            return self.run.finished_view(ctx)
        picks = self._picks(ctx)
        if not picks and not (self.question.fetches and self.loaded is None):  # before its load it has none yet
            log.error("question %s of %s has no choices to show", self.question.key, self.run.wizard.kind)
            raise LookupError(f"no choices for {self.question.key}")  # the screen's calm "something went wrong"
        pages = self._pages = self.page_count(picks)
        page = ""
        if pages == 1:
            options = number_options([self._option(pick) for pick in picks])
        else:
            if self.page_number is None:
                current = next((index for index, pick in enumerate(picks) if pick.current), 0)
                self.page_number = current // PAGE_SIZE + 1
            self.page_number = min(max(1, self.page_number), pages)
            start = (self.page_number - 1) * PAGE_SIZE
            options = number_options([self._option(pick) for pick in picks[start:start + PAGE_SIZE]])
            options.append(next_page_option())
            page = _("Page {page} of {pages}").format(page=self.page_number, pages=pages)
        answers = self.run.answers(ctx)
        return View(
            title=self.run.title(ctx, self.question),
            question=text_of(self.question.question),
            body=self.question.lines(ctx, answers),
            options=options,
            page=page,
            pages=pages > 1,
            keys=standard_keys(),
        )


class TypedStep(Ask):
    """The typing screen of a question (digits on the keypad, or words for those who can type)."""

    def __init__(self, run: WizardRun, question: Question, entry: Entry, place: Place, ctx: Context,
                 initial: str = "") -> None:
        super().__init__(
            title=lambda: text_of(run.wizard.title),
            question=lambda: text_of(entry.question),
            label=lambda: text_of(entry.label),
            parse=lambda text: entry.parse(ctx, text),
            then=lambda ctx, answer: run.commit(ctx, question, answer, place),
            digits_only=entry.digits_only,
            max_length=entry.max_length,
            prefix=entry.prefix,
            hint=(lambda: text_of(entry.example)) if entry.example is not None else None,
            initial=initial,
        )
        self.run = run
        self.question = question
        self.place = place

    @property
    def typing(self) -> bool:  # type: ignore[override]
        return not self.run.finished and not self.reviewing

    def readback(self) -> str:
        try:
            return self._parse(self.value).text
        except FieldError:
            return super().readback()

    def view(self, ctx: Context) -> View:
        if self.run.finished:
            return self.run.finished_view(ctx)
        view = super().view(ctx)
        view.title = self.run.title(ctx, self.question)
        notes = self.question.lines(ctx, self.run.answers(ctx))
        view.body = [*notes, *view.body]
        return view

