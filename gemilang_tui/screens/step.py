"""The one screen that renders every step of `flow.py`, and turns key presses into the step's transitions."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widgets import Digits, Static

from gemilang_tui.api.errors import ApiError, ApiNotFound
from gemilang_tui.flow import (
    BACK,
    HOME,
    Ask,
    Back,
    FieldError,
    Home,
    KeyHint,
    Next,
    Option,
    Step,
    TurnPage,
    View,
    standard_keys,
)
from gemilang_tui.i18n import _, long_date
from gemilang_tui.widgets.options import KeyLegend, NumberedOptions

if TYPE_CHECKING:
    from gemilang_tui.app import GemilangApp

log = logging.getLogger("gemilang_tui")
DIGITS = frozenset("0123456789")
ROOMY_HEIGHT = 30  # from here on a large kiosk screen: more air, hints under their options
TYPED_CHARACTERS = frozenset(" -/.,'()@&:")


class StepScreen(Screen[None], inherit_bindings=False):
    """Shows a step's `View`; digits choose, 0 goes back, `/` goes home, `*` explains the keys."""

    # Textual sets a margin as a whole: each widget's margin is written once per size class.
    DEFAULT_CSS = """
    StepScreen { layout: vertical; overflow-y: auto; }
    StepScreen #title { dock: top; height: auto; padding: 0 2; background: $primary; color: $text; text-style: bold; }
    StepScreen #notice { dock: top; height: auto; padding: 0 2; background: $warning 30%; display: none; }
    StepScreen #question { height: auto; margin: 1 2 0 2; text-style: bold; }
    StepScreen #body { height: auto; margin: 1 2 0 2; }
    StepScreen #prompt { height: auto; margin: 1 2 0 2; border: heavy $accent; padding: 0 1; display: none; }
    StepScreen #error { height: auto; margin: 1 2 0 2; color: $error; text-style: bold; display: none; }
    StepScreen #big { margin: 1 2 0 2; }
    StepScreen #options { margin: 1 2 1 2; }
    StepScreen #page { height: auto; margin: 0 2 1 2; text-style: italic; }
    StepScreen.-roomy #title { padding: 1 4; }
    StepScreen.-roomy #question { margin: 2 4 1 4; }
    StepScreen.-roomy #body, StepScreen.-roomy #prompt,
    StepScreen.-roomy #error, StepScreen.-roomy #big { margin: 1 4 0 4; }
    StepScreen.-roomy #options { margin: 1 4 1 4; }
    """

    #: While busy, what the citizen sees instead of the step (loading line, or a failure with "1 Coba lagi").
    loading: bool = False
    failure: str = ""
    BINDINGS: ClassVar[list] = []

    def __init__(self, step: Step) -> None:
        super().__init__()
        self.step = step
        self.highlight: int | None = None
        self._retry: Next | None = None
        self._stale_since = None
        self._composed = False

    @property
    def kiosk(self) -> GemilangApp:
        return self.app  # type: ignore[return-value]

    def compose(self):
        yield Static(id="title")
        yield Static(id="notice")
        yield Static(id="question")
        yield Static(id="body")
        yield Static(id="prompt")
        yield Static(id="error")
        yield NumberedOptions(id="options")
        yield Static(id="page")
        yield KeyLegend(id="legend")

    def on_mount(self) -> None:
        self._composed = True
        self.set_class(self.app.size.height >= ROOMY_HEIGHT, "-roomy")
        if self.step.loads:
            self.start_loading()
        else:
            self.refresh_view()

    def on_screen_resume(self) -> None:
        """Coming back to a screen: show it as it is now (answers given since, language, a sent receipt)."""
        if self._composed:
            self.refresh_view()

    def on_resize(self, event: events.Resize) -> None:
        roomy = event.size.height >= ROOMY_HEIGHT
        if roomy != self.has_class("-roomy"):  # the first resize comes with every mount: don't render twice
            self.set_class(roomy, "-roomy")
            self.refresh_view()

    # -- what is shown -------------------------------------------------------------------------------------

    def current_view(self) -> View:
        """The view on screen now: the step's own, or the loading / failure state around it."""
        if self.loading:
            return View(
                title=self._step_title(),
                body=[_("Please wait, loading…")],
                keys=[KeyHint("0", _("Back")), KeyHint("/", _("Main Menu"))],
            )
        if self.failure:
            return View(
                title=self._step_title(),
                body=[self.failure, _("What you typed is kept.") if self.step.typing else ""],
                options=[Option(_("Try again"), number=1)] if self._can_retry() else [],
                keys=standard_keys(),
            )
        view = self.step.view(self.kiosk.ctx)
        if self._stale_since is not None:
            view.notice = _("The service cannot be reached now. This is the data of {date}.").format(
                date=long_date(self._stale_since)
            )
        return view

    def _can_retry(self) -> bool:
        return self._retry is not None or self.step.loads

    def _step_title(self) -> str:
        try:
            return self.step.view(self.kiosk.ctx).title
        except Exception:  # a step that cannot describe itself before it has loaded
            return _("Tangerang Gemilang")

    def refresh_view(self) -> None:
        if not self._composed:
            return
        try:
            view = self.current_view()
        except Exception:
            if self.failure:
                raise
            self._fault("view")
            return
        roomy = self.has_class("-roomy")
        self.query_one("#title", Static).update(Text(view.title))
        notice = self.query_one("#notice", Static)
        notice.update(view.notice)
        notice.display = bool(view.notice)
        question = self.query_one("#question", Static)
        question.update(view.question)
        question.display = bool(view.question)
        body = self.query_one("#body", Static)
        body.update(Text("\n\n".join(line for line in view.body if line)))
        body.display = any(view.body)
        prompt = self.query_one("#prompt", Static)
        if view.prompt is not None:
            prompt.border_title = view.prompt.label
            prompt.update(Text(view.prompt.shown + "▏", style="bold"))
            prompt.display = True
        else:
            prompt.display = False
        error = self.query_one("#error", Static)
        error.update(Text(view.error))
        error.display = bool(view.error)
        self._show_big(view.big)
        if self.highlight is not None and self.highlight >= len(view.options):
            self.highlight = None
        self.query_one("#options", NumberedOptions).show(view.options, self.highlight, roomy)
        page = self.query_one("#page", Static)
        page.update(view.page)
        page.display = bool(view.page)
        self.query_one("#legend", KeyLegend).show(view.keys)
        self.kiosk.screen_changed(self, view)

    def _show_big(self, value: str) -> None:
        """Big digits (a reference number, 112) are mounted only on the screens that have them."""
        found = self.query("#big")
        if found:
            big = found.first(Digits)
            big.update(value)
            big.display = bool(value)
        elif value:
            self.mount(Digits(value, id="big"), before="#options")

    # -- loading and transitions ---------------------------------------------------------------------------

    def start_loading(self) -> None:
        self.loading = True
        self.failure = ""
        self.refresh_view()
        self.run_worker(self._load(), exclusive=True, group="load")

    async def _load(self) -> None:
        from gemilang_tui.api.client import stale_copies

        marks: list = []
        stale_copies.set(marks)
        try:
            await self.step.load(self.kiosk.ctx)
        except ApiError:
            self.loading = False
            self.failure = _("The service cannot be reached right now. Press 1 to try again, or 0 to go back.")
            self._retry = None
        except Exception:
            self._fault("load")
            return
        else:
            self.loading = False
            self._stale_since = min(marks) if marks else None
        self.refresh_view()

    def follow(self, next_step: Next) -> None:
        """Take a transition: at once when it is plain, in a worker when it talks to the API."""
        try:
            result = next_step(self.kiosk.ctx)
        except FieldError as problem:
            self._answer_refused(problem)
            return
        except Exception:
            self._fault("transition")
            return
        if hasattr(result, "__await__"):
            self.loading = True
            self.refresh_view()
            self.run_worker(self._follow_async(next_step, result), exclusive=True, group="follow")
            return
        self._arrive(result)

    async def _follow_async(self, next_step: Next, pending) -> None:
        try:
            result = await pending
        except FieldError as problem:
            self.loading = False
            self._answer_refused(problem)
            return
        except ApiNotFound:
            self.loading = False
            if isinstance(self.step, Ask):
                self.step.error = self.step.not_found_message()
            else:
                self.failure = _("What you asked for was not found.")
            self.refresh_view()
            return
        except ApiError:
            self.loading = False
            self.failure = _("The service cannot be reached right now. Press 1 to try again, or 0 to go back.")
            self._retry = next_step
            self.refresh_view()
            return
        except Exception:
            self._fault("transition")
            return
        self.loading = False
        self.refresh_view()
        self._arrive(result)

    def _fault(self, where: str) -> None:
        """A defect of ours: logged for the developers, and a calm sentence with a way out for the citizen."""
        log.exception("unexpected error in a %s of %s", where, type(self.step).__name__)
        self.loading = False
        self.failure = _("Sorry, something went wrong on this kiosk. Press 0 to go back, or ask the officer "
                         "at the counter for help.")
        self._retry = None
        self.refresh_view()

    def _answer_refused(self, problem: FieldError) -> None:
        """A transition may still refuse the answer (a wrong PIN): say so on this screen, like a typing error."""
        if isinstance(self.step, Ask):
            self.step.error = str(problem)
        else:
            self.failure = str(problem)
        self.refresh_view()

    def _arrive(self, result: Step | Back | Home | None) -> None:
        if result is None:  # the transition changed something here: show it
            self.refresh_view()
            return
        if result is BACK or isinstance(result, Back):
            self.kiosk.go_back()
        elif result is HOME or isinstance(result, Home):
            self.kiosk.go_home()
        elif isinstance(result, TurnPage):
            if result.target.turn_page(result.delta):
                self.highlight = None
                self.start_loading()
        else:
            self.kiosk.show(result)

    def retry(self) -> None:
        self.failure = ""
        if self._retry is not None:
            next_step, self._retry = self._retry, None
            self.follow(next_step)
        else:
            self.start_loading()

    # -- keys ----------------------------------------------------------------------------------------------

    async def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if self.kiosk.touch():
            return
        key, char = event.key, event.character or ""
        if key == "escape":
            self.kiosk.go_back()
            return
        if char == "/" and not (self.step.typing and not self.step.digits_only):  # type: ignore[attr-defined]
            self.kiosk.go_home()
            return
        if key == "home":
            self.kiosk.go_home()
            return
        if char == "*" and not (self.step.typing and not getattr(self.step, "digits_only", True)):
            self.kiosk.show_help(self.current_view())
            return
        if self.loading:
            if char == "0":
                self.kiosk.go_back()
            return
        if self.failure:
            if (char == "1" or key == "enter") and self._can_retry():
                self.retry()
            elif char == "0":
                self.kiosk.go_back()
            return
        if self.step.typing and isinstance(self.step, Ask):
            self._typing_key(self.step, key, char)
            return
        self._choosing_key(key, char)

    def _typing_key(self, step: Ask, key: str, char: str) -> None:
        if key == "enter":
            transition = step.submit()
            if transition is None:
                self.refresh_view()
            else:
                self.follow(transition)
            return
        if key in ("backspace", "delete") or (char == "." and step.digits_only):
            step.delete()
        elif char == "0" and not step.value:
            self.kiosk.go_back()
            return
        elif char in DIGITS or (not step.digits_only and (char.isalpha() or char in TYPED_CHARACTERS)):
            step.type(char)
        self.refresh_view()

    def _choosing_key(self, key: str, char: str) -> None:
        view = self.current_view()
        if char == "0":
            self.kiosk.go_back()
        elif char in DIGITS:
            transition = self.step.choose(self.kiosk.ctx, int(char))
            if transition is not None:
                self.follow(transition)
        elif char == "+" or key in ("pagedown", "right"):
            self._page(+1)
        elif char == "-" or key in ("pageup", "left"):
            self._page(-1)
        elif key in ("down", "up") and view.scrollable:
            self.scroll_relative(y=2 if key == "down" else -2, animate=False)
        elif key in ("down", "up") and view.options:
            self._move_highlight(view, +1 if key == "down" else -1)
        elif key == "enter" and self.highlight is not None and view.options:
            transition = self.step.choose(self.kiosk.ctx, view.options[self.highlight].number)
            if transition is not None:
                self.follow(transition)

    def _page(self, delta: int) -> None:
        if self.step.turn_page(delta):
            self.highlight = None
            self.start_loading()
        else:
            self.scroll_relative(y=delta * 8, animate=False)

    def _move_highlight(self, view: View, delta: int) -> None:
        if self.highlight is None:
            self.highlight = 0 if delta > 0 else len(view.options) - 1
        else:
            self.highlight = (self.highlight + delta) % len(view.options)
        self.refresh_view()
