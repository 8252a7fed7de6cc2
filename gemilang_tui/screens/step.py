"""The one screen that renders every step of `flow.py`, and turns key presses into the step's transitions."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Digits, Static
from textual.worker import Worker, WorkerState

from gemilang_tui import keys
from gemilang_tui.api.errors import ApiError, ApiNotFound
from gemilang_tui.domain.grouping import in_groups
from gemilang_tui.flow import (
    Ask,
    Doing,
    FieldError,
    KeyHint,
    Nav,
    Next,
    Option,
    Step,
    View,
)
from gemilang_tui.i18n import _, long_date
from gemilang_tui.widgets.big_digits import BigDigits
from gemilang_tui.widgets.options import KeyLegend, NumberedOptions

if TYPE_CHECKING:
    from gemilang_tui.app import GemilangApp

log = logging.getLogger("gemilang_tui")


def _unreachable() -> str:
    return _("The service cannot be reached right now. Press 1 to try again, or 0 to go back.")
LOADING_GRACE_SECONDS = 0.04  # KIOSK.md: feedback within a tenth of a second, drawing included
ROOMY_HEIGHT = 30  # from here on a large kiosk screen: more air, hints under their options
PARK_AFTER_SECONDS = 0.2  # a covered screen lets its widgets go once the next one is drawn, not while it draws
TEXT_PARTS = ("title", "markers", "notice", "question", "body", "prompt", "error", "page")


@dataclass
class Drawn:
    """The widgets of a drawn screen, kept by name rather than looked up: Textual's `query_one` cache on the screen
    would keep the widgets of a screen drawn before (see `StepScreen._park`) as long as the screen."""

    texts: dict[str, Static]
    options: NumberedOptions
    legend: KeyLegend


@dataclass
class Around:
    """What a screen shows around its step: loading, a failure (with what "1 Coba lagi" does), stale data."""

    loading: bool = False
    doing: str = ""  # what a transition under way does, said instead of "loading" ("Printing…")
    failure: str = ""
    retry: Next | None = None  # the transition "Coba lagi" takes again; None: load the step again
    stale_since: date | None = None  # the data shown is a saved copy of that day
    refused: str = ""  # a number that is no choice here, said until the next key

    def wait(self, doing: str = "") -> None:
        self.loading, self.failure, self.doing = True, "", doing

    def loaded(self, stale_since: date | None) -> None:
        self.loading, self.stale_since = False, stale_since

    def fail(self, message: str, retry: Next | None = None) -> None:
        self.loading, self.failure, self.retry = False, message, retry


class StepScreen(Screen[None], inherit_bindings=False):
    """Shows a step's `View` and turns keys into its transitions (the key table is `gemilang_tui.keys`).

    The options, the page line and the key legend are docked at the bottom: whatever the length of the text above
    them, every option of a screen stays in sight; the text scrolls between the title and the options. On a large
    screen they follow the text in one centred column with the title, unless the text is too long to leave them in
    sight.
    """

    # Textual sets a margin as a whole: each widget's margin is written once per size class.
    DEFAULT_CSS = """
    StepScreen { layout: vertical; overflow-y: auto; }
    StepScreen #head { dock: top; height: auto; }
    StepScreen #foot { dock: bottom; height: auto; }
    StepScreen #choices { height: auto; }
    StepScreen #title { height: auto; padding: 0 2; background: $primary; color: $background; text-style: bold; }
    StepScreen #markers { height: auto; padding: 0 2; background: $warning; color: $background;
                          text-style: bold; display: none; }
    StepScreen #notice { height: auto; padding: 0 2; background: $warning 30%; display: none; }
    StepScreen #question { height: auto; margin: 1 2 0 2; text-style: bold; }
    StepScreen #body { height: auto; margin: 1 2 0 2; }
    StepScreen #prompt { height: auto; margin: 1 2 0 2; border: heavy $accent; padding: 0 1; display: none; }
    StepScreen #error { height: auto; margin: 1 2 0 2; color: $error; text-style: bold; display: none; }
    StepScreen #big { margin: 1 2 0 2; }
    StepScreen #options { margin: 1 2 0 2; }
    StepScreen #page { height: auto; margin: 0 2; text-style: italic; }
    StepScreen.-roomy #title { padding: 1 4; }
    StepScreen.-roomy #question { margin: 2 4 1 4; }
    StepScreen.-roomy #body, StepScreen.-roomy #prompt,
    StepScreen.-roomy #error, StepScreen.-roomy #big { margin: 1 4 0 4; }
    StepScreen.-roomy #options { margin: 1 4 1 4; }
    StepScreen.-roomy { align-horizontal: center; }
    StepScreen.-roomy #question, StepScreen.-roomy #body, StepScreen.-roomy #prompt, StepScreen.-roomy #error,
    StepScreen.-roomy #big, StepScreen.-roomy #typed, StepScreen.-roomy #figure,
    StepScreen.-roomy #options, StepScreen.-roomy #page { max-width: 104; }
    StepScreen #typed, StepScreen #figure { margin: 1 4 0 4; }
    StepScreen.-roomy #head, StepScreen.-roomy #foot { align-horizontal: center; }
    StepScreen.-roomy #title, StepScreen.-roomy #markers, StepScreen.-roomy #notice,
    StepScreen.-roomy #choices, StepScreen.-roomy #legend { max-width: 112; }
    StepScreen.-follow #foot { dock: none; margin-top: 1; max-width: 112; }
    StepScreen.-roomy #legend { padding: 0 4; }
    """

    BINDINGS: ClassVar[list] = []

    def __init__(self, step: Step, *, attendant: bool = False) -> None:
        super().__init__()
        self.step = step
        self.attendant = attendant  # the attendant's desk: the idle timer and "Selesai" leave it alone
        self.highlight: int | None = None
        self.around = Around()
        self._composed = False
        self._resumed = False  # Textual resumes a screen just pushed after mounting it: render it once
        self._parked = False  # covered by the next screen, its widgets let go (see `_park`)
        self._parked_scroll = 0.0
        self._drawn: Drawn | None = None
        self._contents: dict[str, str | Text] = {}  # what each Static shows now
        self._waiting_timer: Timer | None = None
        self._text_too_long = False  # on a large screen: the options stay docked, in sight
        self.held: list[tuple[str, str]] = []  # keys pressed while loading: applied in order once drawn

    @property
    def loading(self) -> bool:
        return self.around.loading

    @property
    def failure(self) -> str:
        return self.around.failure

    def show_step(self, step: Step) -> None:
        """Show another step on this same screen (the welcome after a wipe, the idle countdown's next second)."""
        self.step = step
        self.highlight = None
        self.around = Around()
        self._text_too_long = False
        self.refresh_view()

    @property
    def kiosk(self) -> GemilangApp:
        return self.app  # type: ignore[return-value]

    def compose(self):
        drawn = self._drawn = Drawn(texts={name: Static(id=name) for name in TEXT_PARTS},
                                    options=NumberedOptions(id="options"), legend=KeyLegend(id="legend"))
        texts = drawn.texts
        with Vertical(id="head"):
            yield texts["title"]
            yield texts["markers"]
            yield texts["notice"]
        yield texts["question"]
        yield texts["body"]
        yield texts["prompt"]
        yield texts["error"]
        # Docked at the bottom on a small screen; on a large one it follows the text (`-follow`), last in the flow.
        with Vertical(id="foot"):
            with Vertical(id="choices"):  # aligned as one block: the legend below spans the whole width
                yield drawn.options
                yield texts["page"]
            yield drawn.legend

    def on_mount(self) -> None:
        self._composed = True
        self.set_class(self.app.size.height >= ROOMY_HEIGHT, "-roomy")
        if isinstance(self.step, Ask):  # a step shown again on a new screen (see `on_screen_resume`)
            self.step.returned()
        if self.step.loads:
            self.start_loading()
        else:
            self.refresh_view()
            self._apply_held_soon()

    def on_screen_suspend(self) -> None:
        """Covered by the next screen: once that one is drawn, this one lets its widgets go (`_park`)."""
        self.set_timer(PARK_AFTER_SECONDS, lambda: self.call_later(self._park))

    async def _park(self) -> None:
        """Let the widgets go, keep the step.

        Every widget runs a task and keeps each line it drew; a form fourteen questions deep would keep fourteen
        drawn screens nobody sees. The step (answers, highlight, what was loaded) stays on this screen, which is
        drawn again when shown again (`on_screen_resume`). Runs in this screen's own turn, never beside its resume.
        """
        if self.app.screen is self or not self._composed or self._parked or not self.is_attached:
            return
        self._parked = True
        self._parked_scroll = self.scroll_y
        if self._waiting_timer is not None:
            self._waiting_timer.stop()
            self._waiting_timer = None
        self._drawn = None
        self._contents.clear()
        await self.query_children("*").exclude(".-textual-system").remove()
        # Read once more, Textual's list of the screen's children shown lets the removed ones go (else it keeps
        # them until the screen is laid out again).
        self.displayed_children  # noqa: B018
        self.kiosk.tidy_soon()

    async def on_screen_resume(self) -> None:
        """Coming back to a screen: show it as it is now (answers given since, language, a sent receipt).

        A field the citizen had answered and left forward comes back as a choice ("1 Pakai …"), never as a
        field that further digits would extend.
        """
        if not self._resumed:  # the first resume, right after `on_mount` has rendered
            self._resumed = True
            return
        if self._parked:
            await self.recompose()
            self._parked = False
            if self._parked_scroll:
                self.call_after_refresh(self.scroll_to, y=self._parked_scroll, animate=False)
        if isinstance(self.step, Ask):
            self.step.returned()
        if self._composed:
            self.refresh_view()
            self._apply_held_soon()

    def on_resize(self, event: events.Resize) -> None:
        roomy = event.size.height >= ROOMY_HEIGHT
        if roomy != self.has_class("-roomy"):  # the first resize comes with every mount: don't render twice
            self.set_class(roomy, "-roomy")
            self.refresh_view()

    # -- what is shown -------------------------------------------------------------------------------------

    def current_view(self) -> View:
        """The view on screen now: the step's own, or the loading / failure state around it."""
        around = self.around
        if around.loading:
            return View(title=self._step_title(), body=[around.doing or _("Please wait, loading…")])
        if around.failure:
            return View(
                title=self._step_title(),
                body=[around.failure, _("What you typed is kept.") if isinstance(self.step, Ask) else "",
                      around.refused],
                options=[Option(_("Try again"), number=1)] if self._can_retry() else [],
            )
        view = self.step.view(self.kiosk.ctx)
        if around.refused and not view.error:
            view.error = around.refused
        if around.stale_since is not None:
            view.notice = _("The service cannot be reached now. This is the data of {date}.").format(
                date=long_date(around.stale_since)
            )
        return view

    def shown_view(self) -> View:
        """The view on screen now with its bottom line, as it is read aloud (`*` reads it again)."""
        view = self.current_view()
        view.keys = self.legend(view, list(view.keys))
        return view

    def _can_retry(self) -> bool:
        return self.around.retry is not None or self.step.loads

    def _step_title(self) -> str:
        try:
            return self.step.view(self.kiosk.ctx).title
        except Exception:  # a step that cannot describe itself before it has loaded
            return _("Tangerang Gemilang")

    @property
    def shown_or_below(self) -> bool:
        """On the app's stack, drawn: not yet composed, or being taken down (left with 0/Esc while its answer was on
        its way: its widgets go before the screen does), it is not."""
        return self._composed and self.is_attached and self in self.app.screen_stack

    def refresh_view(self) -> None:
        drawn = self._drawn
        if not self.shown_or_below or drawn is None or self._parked:  # a screen left, or covered: drawn when back
            return
        try:
            view = self.current_view()
        except Exception:
            if self.failure:
                raise
            self._fault("view")
            return
        roomy = self.has_class("-roomy")
        self.set_class(roomy and not self._text_too_long, "-follow")
        self._put("title", Text(view.title))
        shown_markers = self.kiosk.markers()
        self._put("markers", Text(" · ".join(shown_markers)), bool(shown_markers))
        self._put("notice", view.notice, bool(view.notice))
        self._put("question", view.question, bool(view.question))
        self._put("body", Text("\n\n".join(line for line in view.body if line)), any(view.body))
        if view.prompt is not None:
            self._static("prompt").border_title = view.prompt.label
            self._put("prompt", Text(view.prompt.shown + "▏", style="bold"), True)
        else:
            self._static("prompt").display = False
        self._put("error", Text(view.error), bool(view.error))
        self._show_big(view.big)
        typed = ""
        if roomy and view.prompt is not None and view.prompt.digits_only and not view.prompt.masked:
            typed = view.prompt.shown.replace(".", " ")  # a NIK or NOP large and grouped as it is typed
            if typed.isdigit() and len(typed) > 8:
                typed = in_groups(typed)
        self._show_digits("typed", typed, after="#prompt")
        self._show_digits("figure", view.figure if roomy else "", after="#body")
        if self.highlight is not None and self.highlight >= len(view.options):
            self.highlight = None
        drawn.options.show(view.options, self.highlight, roomy)
        self._put("page", view.page, bool(view.page))
        extras = list(view.keys)
        view.keys = self.legend(view, extras)
        drawn.legend.show(view.keys)
        self.kiosk.screen_changed(self, view)
        if roomy:
            self.call_after_refresh(self._keep_options_in_sight)
        if view.scrollable:  # whether "+" scrolls is known once the text is laid out
            self.call_after_refresh(self._refresh_legend, view, extras)

    def _keep_options_in_sight(self) -> None:
        """On a large screen the options follow the text; a text too long for the screen docks them again."""
        if self.has_class("-follow") and self.max_scroll_y > 0:
            self._text_too_long = True
            self.remove_class("-follow")

    def _static(self, name: str) -> Static:
        assert self._drawn is not None  # only while drawn: `refresh_view` draws nothing on a covered screen
        return self._drawn.texts[name]

    def _put(self, name: str, content: str | Text, shown: bool = True) -> None:
        """Show `content` in a Static: updated (and the screen laid out again) only when it changed."""
        widget = self._static(name)
        if self._contents.get(name) != content:
            self._contents[name] = content
            widget.update(content)
        widget.display = shown

    def _refresh_legend(self, view: View, extras: list[KeyHint]) -> None:
        if self.shown_or_below and self._drawn is not None and not self._parked:
            shown = self.legend(view, extras)
            self._drawn.legend.show(shown)
            if shown != view.keys and self.kiosk.last_view is view:  # "+ scrolls" is known now: heard too
                view.keys = shown
                self.kiosk.screen_changed(self, view)

    def _show_digits(self, name: str, value: str, after: str) -> None:
        """Big digits that only a large kiosk screen has room for, mounted on the screens that show them."""
        found = self.query(f"#{name}")
        if found:
            digits = found.first(Digits)
            digits.update(value)
            digits.display = bool(value)
        elif value:
            self.mount(BigDigits(value, id=name), after=after)

    def _show_big(self, value: str) -> None:
        """Big digits (a reference number, 112) are mounted only on the screens that have them."""
        found = self.query("#big")
        if found:
            big = found.first(Digits)
            big.update(value)
            big.display = bool(value)
        elif value:
            self.mount(BigDigits(value, id="big"), after="#question")

    # -- loading and transitions ---------------------------------------------------------------------------

    def _wait(self, doing: str = "") -> None:
        """Waiting for the API (or for what `doing` says). On a screen already drawn (the next page, a lookup, a
        submission) the loading line shows only if the answer takes longer than a blink: a fast answer is drawn
        once, not twice."""
        self.around.wait(doing)
        if self._waiting_timer is not None:
            self._waiting_timer.stop()
            self._waiting_timer = None
        if self._contents:
            self._waiting_timer = self.set_timer(LOADING_GRACE_SECONDS, self._show_waiting)
        else:
            self.refresh_view()

    def _show_waiting(self) -> None:
        self._waiting_timer = None
        if self.around.loading:
            self.refresh_view()

    def start_loading(self) -> None:
        self._wait()
        self.run_worker(self._load(), exclusive=True, group="load", exit_on_error=False)

    async def _load(self) -> None:
        from gemilang_tui.api.client import stale_copies

        marks: list = []
        stale_copies.set(marks)
        try:
            await self.step.load(self.kiosk.ctx)
            if not self.shown_or_below:
                return
        except ApiError:
            self.around.fail(_unreachable())
            self._drop_held()
        except Exception:
            self._drop_held()
            self._fault("load")
            return
        else:
            self.around.loaded(min(marks) if marks else None)
        self.refresh_view()
        self._apply_held_soon()

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
            self._wait(next_step.what() if isinstance(next_step, Doing) else "")
            self.run_worker(self._follow_async(next_step, result), exclusive=True, group="follow",
                            exit_on_error=False)
            return
        self._arrive(result)

    async def _follow_async(self, next_step: Next, pending) -> None:
        try:
            result = await pending
            if not self.shown_or_below:  # the citizen left while it was on its way: drop the answer
                return
        except FieldError as problem:
            self.around.loading = False
            self._answer_refused(problem)
            self._apply_held_soon()
            return
        except ApiNotFound:
            self.around.loading = False
            if isinstance(self.step, Ask):
                self.step.refuse(self.step.not_found_message())
                self._apply_held_soon()
            else:
                self._drop_held()
                self.around.fail(_("What you asked for was not found."))
            self.refresh_view()
            return
        except ApiError:
            self.around.fail(_unreachable(), retry=next_step)
            self._drop_held()
            self.refresh_view()
            return
        except Exception:
            self._drop_held()
            self._fault("transition")
            return
        self.around.loading = False
        if result is None or isinstance(result, Nav):  # a new screen covers this one (drawn again when back to)
            self.refresh_view()
        self._arrive(result)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A defect in a load or a transition never ends the kiosk (a worker's error would exit the app): logged, and
        the calm sentence with a way out, while the screen is still shown."""
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            log.error("unexpected error in the %s worker of %s", event.worker.group, type(self.step).__name__,
                      exc_info=(type(error), error, error.__traceback__) if error is not None else None)
            if self.shown_or_below:
                self.around.fail(_sorry())
                self.refresh_view()

    def _fault(self, where: str) -> None:
        """A defect of ours: logged for the developers, and a calm sentence with a way out for the citizen."""
        log.exception("unexpected error in a %s of %s", where, type(self.step).__name__)
        self.around.fail(_sorry())
        self.refresh_view()

    def _answer_refused(self, problem: FieldError) -> None:
        """A transition may still refuse the answer (a wrong PIN): say so on this screen, like a typing error."""
        if isinstance(self.step, Ask):
            self.step.refuse(str(problem))
        else:
            self.around.fail(str(problem))
        self.refresh_view()

    def _arrive(self, result: Step | Nav | None) -> None:
        if result is None:  # the transition changed something here: show it
            self.highlight = None
            self.refresh_view()
            self._apply_held_soon()
            return
        if result is Nav.BACK:
            self.kiosk.go_back()
        elif result is Nav.HOME:
            self.kiosk.go_home()
        elif result is Nav.END:
            self.kiosk.end_visit()
        else:
            self.step.left_forward()
            self.kiosk.show(result, replacing=self if self.step.replaced_by_next else None)
        self._hand_on_held()

    # -- keys pressed while loading ------------------------------------------------------------------------

    def _hold(self, key: str, char: str) -> None:
        """A key pressed while the screen loads: kept, and applied in order once the screen is drawn."""
        self.held.append((key, char))

    def _hand_on_held(self) -> None:
        """The screen the transition led to gets the keys pressed while it was on its way."""
        shown = self.app.screen
        if self.held and shown is not self and isinstance(shown, StepScreen):
            shown.held.extend(self.held)
            self.held.clear()
            if shown._composed and not shown._parked:  # already drawn (the welcome after Selesai): apply now
                shown._apply_held_soon()

    def _apply_held_soon(self) -> None:
        if self.held:
            self.call_after_refresh(self._apply_held)

    def _apply_held(self) -> None:
        """Apply the held keys in order, as if pressed now; a key that starts a load (a page, a lookup) holds the
        rest again, and one that leads to another screen hands them on."""
        while self.held and not self.loading and self.app.screen is self and self.shown_or_below:
            key, char = self.held.pop(0)
            self._apply_key(key, char)
        self._hand_on_held()

    def _drop_held(self) -> None:
        """A load that failed: the keys meant for what it would have shown are not applied, and the screen says so."""
        if self.held:
            self.held.clear()
            self.around.refused = _("The keys you pressed while waiting were not used. Press them again.")

    def retry(self) -> None:
        next_step = self.around.retry
        self.around.failure, self.around.retry = "", None
        if next_step is not None:
            self.follow(next_step)
        else:
            self.start_loading()

    # -- keys ----------------------------------------------------------------------------------------------

    def key_kind(self) -> keys.Screen:
        """How keys work on this screen now (the loading and failure states are choices, not fields)."""
        if self.failure:
            return keys.Screen.CHOICE
        if self.step.typing:
            return keys.Screen.DIGITS if self.step.digits_only else keys.Screen.LETTERS
        if self.loading:
            return keys.Screen.WAITING
        return keys.Screen.CHOICE

    def legend(self, view: View, extras: list[KeyHint]) -> list[KeyHint]:
        """The bottom line: the step's own hints, then the keys that work on this kind of screen."""
        kind = keys.Screen.WAITING if self.loading else self.key_kind()
        shown = keys.legend(kind, can_go_back=self.kiosk.can_go_back(self), pages=view.pages,
                            scrolls=view.scrollable and self.max_scroll_y > 0)
        return [*extras, *(KeyHint(key, label) for key, label in shown)]

    async def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if self.around.refused:
            self.around.refused = ""
            self.refresh_view()
        if self.kiosk.touch():
            return
        key, char = event.key, event.character or ""
        if self.held and not self.loading:  # keys still waiting to be applied go first, in order
            self._hold(key, char)
            self._apply_held()
            return
        self._apply_key(key, char)

    def _apply_key(self, key: str, char: str) -> None:
        kind = self.key_kind()
        if self.loading and self.step.typing:
            kind = keys.Screen.DIGITS  # a fast typist's 0 after Enter is a zero, never "back"
        action = keys.action_of(kind, key, char)
        if action is keys.Action.BACK:
            self.go_back()
        elif action is keys.Action.HOME:
            self.kiosk.go_home()
        elif action is keys.Action.HELP:
            self.kiosk.show_help(self.shown_view())
        elif self.loading:
            self._hold(key, char)
        elif self.failure:
            if (char == "1" or action is keys.Action.ENTER) and self._can_retry():
                self.retry()
        elif kind in (keys.Screen.DIGITS, keys.Screen.LETTERS) and isinstance(self.step, Ask):
            self._typing_key(self.step, action, char)
        else:
            self._choosing_key(action, char)

    def go_back(self) -> None:
        self.held.clear()  # keys pressed for the screen being left
        if self.step.back():
            self.highlight = None
            self.refresh_view()
        else:
            self.kiosk.go_back()

    def _typing_key(self, step: Ask, action: keys.Action | None, char: str) -> None:
        if action is keys.Action.ENTER:
            transition = step.submit()
            if transition is None:
                self.refresh_view()
            else:
                self.follow(transition)
            return
        if action is keys.Action.DELETE:
            step.delete()
        elif len(char) == 1 and char.isprintable():
            step.type(char)
        else:
            return
        self.refresh_view()

    def _choosing_key(self, action: keys.Action | None, char: str) -> None:
        view = self.current_view()
        if char in keys.DIGITS and action is None:
            transition = self.step.choose(self.kiosk.ctx, int(char))
            if transition is not None:
                self.follow(transition)
            elif view.options:  # a key pressed by mistake is answered, never silently ignored
                self.around.refused = _("There is no choice {number} on this screen. Press one of the numbers "
                                        "shown.").format(number=char)
                self.refresh_view()
        elif action is keys.Action.NEXT_PAGE:
            self._page(+1)
        elif action is keys.Action.PREVIOUS_PAGE:
            self._page(-1)
        elif action in (keys.Action.DOWN, keys.Action.UP) and view.scrollable and not view.options:
            self.scroll_relative(y=2 if action is keys.Action.DOWN else -2, animate=False)
        elif action in (keys.Action.DOWN, keys.Action.UP) and view.options:
            self._move_highlight(view, +1 if action is keys.Action.DOWN else -1)
        elif action is keys.Action.ENTER and self.highlight is not None and view.options:
            transition = self.step.choose(self.kiosk.ctx, view.options[self.highlight].number)
            if transition is not None:
                self.follow(transition)

    def _page(self, delta: int) -> None:
        if self.step.turn_page(delta):
            self.highlight = None
            if self.step.loads:
                self.start_loading()
            else:
                self.refresh_view()
        elif self.max_scroll_y > 0:
            at_end = self.scroll_y >= self.max_scroll_y if delta > 0 else self.scroll_y <= 0
            if at_end:  # round again, so that the numpad's one key reads everything
                self.scroll_to(y=0 if delta > 0 else self.max_scroll_y, animate=False)
            else:
                self.scroll_relative(y=delta * max(1, self.size.height - 4), animate=False)

    def _move_highlight(self, view: View, delta: int) -> None:
        choosable = [index for index, option in enumerate(view.options) if option.number > 0]
        if not choosable:
            return
        if self.highlight not in choosable:
            self.highlight = choosable[0] if delta > 0 else choosable[-1]
        else:
            self.highlight = choosable[(choosable.index(self.highlight) + delta) % len(choosable)]
        self.refresh_view()


def _sorry() -> str:
    return _("Sorry, something went wrong on this kiosk. Press 0 to go back, or ask the officer at the counter for "
             "help.")
