"""The Textual App: the kiosk's keys, its screen stack and the citizen's session (idle warning, wipe, lock-down)."""

from __future__ import annotations

import gc
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App

from gemilang_tui.config import Settings
from gemilang_tui.flow import AttendantDesk, Context, Notice, Step, View
from gemilang_tui.i18n import L, _, on_locale_change, set_locale
from gemilang_tui.screens.step import StepScreen
from gemilang_tui.session import Visit

TIDY_AFTER_SECONDS = 0.5  # after a visit ends, once the welcome screen is drawn and before the next citizen
IDLE_CHECK_SECONDS = 0.25


class GemilangApp(App[None], inherit_bindings=False):
    """A kiosk: no quit key, no command palette; only the attendant (or `--dev`) may close it."""

    TITLE = "Tangerang Gemilang"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[Any]] = []
    CSS = """
    Screen { background: $background; }
    """

    def __init__(self, settings: Settings, api: Any = None) -> None:
        super().__init__()
        from gemilang_tui.screens.theme import KIOSK_THEME

        self.register_theme(KIOSK_THEME)
        self.theme = KIOSK_THEME.name
        self.animation_level = "none"  # nothing moves on a kiosk screen but what the citizen asked for
        if settings.dev:
            self._bindings.bind("ctrl+q", "quit", show=False, priority=True)
        self._bindings.bind("ctrl+a", "attendant", show=False, priority=True)
        self.settings = settings
        self.visit = Visit(locale=settings.locale)
        set_locale(settings.locale)
        self._api = api
        self.last_view: View | None = None
        self.on_view: list[Any] = []
        self._idle_since = time.monotonic()
        self._let_go = False  # screens or widgets were let go: collected on the next tick of the clock
        self._idle_paused = False
        self._warning: Any = None
        self._changes_pending = False
        self._sender_stop: Any = None  # set when the outbox sender starts (after the first paint)
        self.log_path: Path | None = None  # kiosk.log in the data folder, or a private temporary one
        from gemilang_tui.health import HealthRecorder
        from gemilang_tui.notify import Watchdog

        self._watchdog = Watchdog(monotonic=time.monotonic())  # systemd's, when the unit sets WatchdogSec
        self._health = HealthRecorder(settings, settings.metrics_dir)
        from gemilang_tui.attendant import STATE_FILE, PinGate

        self._pin_gate = PinGate(settings.attendant_pin_hash, state=settings.data_dir / STATE_FILE)
        desk = AttendantDesk(check_pin=lambda pin: self._pin_gate.check(pin),
                             pin_wait_seconds=lambda: self._pin_gate.wait_seconds(), has_pin=self.has_pin,
                             set_language=self.set_language, idle_paused=self.idle_paused,
                             pause_idle=self.pause_idle, close_app=lambda: self.exit())
        self.ctx = Context(visit=self.visit, api=_LazyApi(self), settings=settings, desk=desk)
        self._stop_relabel = on_locale_change(self._relabel)

    def get_driver_class(self) -> Any:
        """On Linux the terminal is read by the kiosk's own driver: no typed bytes end the kiosk or blind it."""
        driver = super().get_driver_class()
        if driver.__module__ == "textual.drivers.linux_driver":
            from gemilang_tui.screens.terminal import KioskDriver

            return KioskDriver
        return driver

    # -- the API, built after the first paint ------------------------------------------------------------

    @property
    def api(self) -> Any:
        if self._api is None:
            from gemilang_tui.api.client import GemilangApi

            self._api = GemilangApi(self.settings)
        return self._api

    def on_mount(self) -> None:
        from gemilang_tui.services.home import welcome

        self.push_screen(StepScreen(welcome()))
        self.call_after_refresh(self._after_first_paint)
        self._reset_idle()
        # One clock for the whole run, started here in the app's own context. A timer started per key (in the
        # key's context, which names the screen shown) would keep that screen and every line it drew alive until
        # the timer's time had come, even once stopped: asyncio keeps a cancelled timer until then.
        self.set_interval(IDLE_CHECK_SECONDS, self._tick)

    def _after_first_paint(self) -> None:
        self._start_log()
        self._watchdog.ready(f"version {self._health.state.version}")
        self._health.begin()
        self._start_voice()
        self.run_worker(self._prepare, thread=True, group="prepare", exit_on_error=False)

    def _start_voice(self) -> None:
        """Speech (speech/voice.py) hears every view shown; its engine starts in its own thread."""
        from gemilang_tui.speech.voice import Voice

        voice = self.ctx.voice = Voice(self.settings.speech, self.settings.speech_volume)
        self.on_view.append(lambda view: voice.show(self.screen, view))
        if self.last_view is not None:
            voice.show(self.screen, self.last_view)

    def _start_log(self) -> None:
        """Defects go to the journal (under systemd) or a rotated `kiosk.log`, never to the screen (logs.py)."""
        import logging

        from gemilang_tui.logs import start_logging

        state = self._health.state
        first_line = f"gemilang-tui {state.version} started (pid {state.pid}, API {state.api_host})"
        handler = start_logging(self.settings.data_dir, first_line)
        if handler is None:  # the data folder cannot be used: the log goes to a private temporary folder
            import tempfile

            try:
                folder = Path(tempfile.mkdtemp(prefix="gemilang-tui-log-"))  # mkdtemp: 0700
            except OSError:
                return
            handler = start_logging(folder, first_line)
            if handler is None:
                return
            logging.getLogger("gemilang_tui").warning(
                "the data folder %s cannot be used: this log is kept in %s", self.settings.data_dir, folder)
        self._log_handler = handler
        if isinstance(handler, logging.FileHandler):
            self.log_path = Path(handler.baseFilename)

    def _prepare(self) -> None:
        """In a thread: import httpx, build the embedded mock, then fetch the catalogue from the API."""
        self.api.warm_up()
        self.call_from_thread(lambda: self.run_worker(self._refresh_catalogue(), group="catalogue",
                                                      exit_on_error=False))
        self.call_from_thread(self._start_sender)
        self.call_from_thread(lambda: self.set_timer(TIDY_AFTER_SECONDS, tidy_memory))

    async def _refresh_catalogue(self) -> None:
        from gemilang_tui.api.errors import ApiError

        try:
            self.ctx.catalogue = await self.api.catalogue()
        except ApiError:
            return  # the bundled copy stays
        if isinstance(self.screen, StepScreen):
            self.screen.refresh_view()

    # -- submissions: the outbox sender (sending.py) runs as long as the kiosk, at ctx.submissions ----------

    def _start_sender(self) -> None:
        """Resume what a crash left pending, then send each new submission; every change re-renders the screens."""
        import asyncio

        submissions = self.ctx.submissions
        submissions.listeners.append(lambda summary: self.show_changes())
        self._sender_stop = asyncio.Event()
        self.run_worker(submissions.run(self._sender_stop), group="sender", exit_on_error=False)

    def on_unmount(self) -> None:
        import logging

        handler = getattr(self, "_log_handler", None)
        if handler is not None:  # a test runs many kiosks in one process: each takes its own handler away
            logging.getLogger("gemilang_tui").removeHandler(handler)
            handler.close()
        self._stop_relabel()  # the i18n module outlives the app: a listener left there would keep it alive
        if self.ctx.voice is not None:
            self.ctx.voice.close()
        if self._sender_stop is not None:
            self._sender_stop.set()

    # -- navigation ----------------------------------------------------------------------------------------

    def show(self, step: Step, replacing: StepScreen | None = None) -> None:
        """The next screen, on top of the one shown (or in its place: `Step.replaced_by_next`)."""
        if self._at_welcome():
            self.visit.under_way = True  # from here on, the welcome screen shown again ends the visit
        if replacing is not None and replacing is self.screen:
            self.switch_screen(StepScreen(step, attendant=replacing.attendant))
        else:
            self.push_screen(StepScreen(step))

    def _at_welcome(self) -> bool:
        screen = self.screen
        return isinstance(screen, StepScreen) and screen.step.ends_visit

    def can_go_back(self, screen: Any) -> bool:
        return len(self.screen_stack) > 2 or screen is not self.screen_stack[-1]

    def go_back(self) -> None:
        if len(self.screen_stack) > 2:
            self.pop_screen()
            self.tidy_soon()

    def go_home(self) -> None:
        """Back to the Menu Utama (the screen after the welcome), whatever the depth.

        Once something was submitted in this visit, going home finishes the visit: the next form must not offer
        this citizen's answers to whoever stands at the kiosk next.
        """
        from gemilang_tui.services.home import main_menu

        if self.visit.last_receipts and not self._attendant_open():
            self.end_visit()
            return
        if len(self.screen_stack) <= 2:
            self.show(main_menu())
            return
        while len(self.screen_stack) > 3:
            self.pop_screen()
        self.tidy_soon()

    def end_visit(self) -> None:
        """'Selesai': the visit is over; everything of this citizen is forgotten (see `wipe_session`)."""
        self.wipe_session()

    def _forget_visit(self) -> None:
        """The visit is over: its answers, NIK, drafts, receipts, language and the attendant's settings for it."""
        self.visit.wipe()
        self.ctx.assisted = False  # the attendant's settings for one citizen end with the visit
        self._idle_paused = False
        set_locale(self.settings.locale)

    def markers(self) -> list[str]:
        """Small signs on every citizen screen while the attendant has changed how the kiosk behaves."""
        shown = []
        if self.ctx.assisted:
            shown.append(_("Assisted by the officer"))
        if self._idle_paused:
            shown.append(_("Idle timer paused"))
        return shown

    def _attendant_open(self) -> bool:
        return any(isinstance(screen, StepScreen) and screen.attendant for screen in self.screen_stack)

    def show_help(self, view: View) -> None:
        lines = [  # the keys of the numpad first: the kiosk's keypad has no Esc, Home or F1
            _("Press the number of your choice: it is chosen at once."),
            _("- : go back one step. On a screen of choices, 0 goes back too."),
            _("/ : go to the Main Menu."),
            _("* : this help; the screen is read aloud again."),
            _("+ : the next page, or more of the text."),
            _("Enter: continue. When typing a number, every digit types, 0 too; . deletes the last digit."),
            _("On a keyboard: Esc goes back, Home goes to the Main Menu, F1 shows this help, Backspace deletes, the "
              "arrow keys move the highlight."),
            _("Press - to return to where you were."),
        ]
        question = [view.question] if view.question else []
        if self.ctx.voice is not None:
            self.ctx.voice.repeat(view)  # `*` reads the screen again, then this help
        # pushed, not `show`n: help read on the welcome screen does not start a visit
        self.push_screen(StepScreen(Notice(title=L("Help"), body=lambda ctx: [*question, *lines])))

    def screen_changed(self, screen: StepScreen, view: View) -> None:
        if screen is self.screen:
            if screen.step.ends_visit and self.visit.under_way:
                # The one rule: the welcome screen shown ends the visit, however it was reached (0 or - from the
                # Menu Utama, home from a receipt, the idle countdown, Selesai)
                self._forget_visit()
            self.last_view = view
            for listener in self.on_view:
                listener(view)

    def _relabel(self, locale: str) -> None:
        self.show_changes()

    def show_changes(self) -> None:
        """The language or the data changed: re-render the screen shown, once, after the key is handled.

        Only the shown screen: those below re-render when shown again (`StepScreen.on_screen_resume`), and an
        answer that leads to a new screen re-renders nothing but the new one.
        """
        if not self._changes_pending:
            self._changes_pending = True
            self.call_later(self._show_changes_now)

    def _show_changes_now(self) -> None:
        self._changes_pending = False
        if isinstance(self.screen, StepScreen):
            self.screen.refresh_view()

    # -- the attendant (flow.AttendantDesk, at ctx.desk) --------------------------------------------------

    def action_attendant(self) -> None:
        from gemilang_tui.services.attendant import pin_question

        if not self.has_pin():  # a kiosk without an attendant PIN: the key does nothing a citizen could see
            return
        if not self._attendant_open():
            self.push_screen(StepScreen(pin_question(), attendant=True))

    def has_pin(self) -> bool:
        return self._pin_gate.stored is not None

    def set_language(self, locale: str) -> None:
        self.visit.locale = locale
        set_locale(locale)

    def idle_paused(self) -> bool:
        return self._idle_paused

    def pause_idle(self, paused: bool) -> None:
        self._idle_paused = paused
        self._reset_idle()

    # -- the citizen's session -----------------------------------------------------------------------------

    def touch(self) -> bool:
        """A key was pressed: the citizen is still here. True when the key only dismissed the idle warning."""
        if self.ctx.voice is not None:
            self.ctx.voice.stop()
        self._reset_idle()
        warning, self._warning = self._warning, None
        if warning is None:
            return False
        if warning.screen is not None and warning.screen is self.screen:
            self.pop_screen()
        return True

    def tidy_soon(self) -> None:
        """Screens or widgets were let go: collect them on the next tick of the clock, in the app's own context.

        A screen and its widgets refer to each other, so only the cycle collector frees them, and left to its own
        pace it lets a dozen dead screens (every line they drew) pile up first: 4 MiB of a kiosk's memory that,
        once taken, Python does not give back. Not at once: the key's own context still names the screen.
        """
        self._let_go = True

    def _reset_idle(self) -> None:
        self._idle_since = time.monotonic()

    def _tick(self) -> None:
        """The clock: tell systemd the interface is alive, record the kiosk's health now and then, collect what
        was let go, then see whether the citizen has gone quiet."""
        now = time.monotonic()
        self._watchdog.tick(now)
        if self._health.due(now):
            self._write_health()
        if self._let_go:
            self._let_go = False
            gc.collect()
        if self._idle_paused or self._warning is not None:
            return
        if time.monotonic() - self._idle_since >= self.settings.idle_seconds:
            self._idle_warning()

    def _write_health(self) -> None:
        """The state file and metrics (health.py): gathered here, on the loop; written in a thread."""
        state = self._health.snapshot(self._api, self.ctx.voice)
        self.run_worker(lambda: self._health.write(state), thread=True, group="health", exit_on_error=False)

    def _idle_warning(self) -> None:
        if len(self.screen_stack) <= 2 and not self.visit.answers:
            self._reset_idle()
            return
        self._warning = IdleWarning(self, self.settings.idle_warning_seconds)
        self._warning.tick()

    def wipe_session(self) -> None:
        """Forget the citizen: answers, NIK, language; back to the welcome screen."""
        from gemilang_tui.services.home import welcome

        if len(self.screen_stack) > 2:  # the citizen went past the welcome screen: a visit, for the day's count
            self._health.visit_ended()
        self._forget_visit()
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if isinstance(self.screen, StepScreen):
            self.screen.show_step(welcome())
        self._reset_idle()
        self._forget_drawn_screens()

    def _forget_drawn_screens(self) -> None:
        """Let the screens of the visit go: a day of visits must not grow the kiosk's memory."""
        self.set_timer(TIDY_AFTER_SECONDS, tidy_memory)  # once the welcome screen is drawn


@lru_cache(1024)
def _inner_outer(base_background: Any, background: Any) -> tuple[Any, Any]:
    from textual.style import Style

    return Style(background=base_background + background), Style(background=base_background)


def _forget_widgets_drawn() -> None:
    """Textual's `lru_cache` on the method `StylesCache.get_inner_outer` keys on `self`: it keeps the style caches
    of up to 1024 widgets long gone alive, with every line they drew — 15 MiB after one form walked back and forth
    (https://github.com/Textualize/textual/issues/6665). The colours alone are the key here."""
    from textual._styles_cache import StylesCache

    if hasattr(StylesCache.get_inner_outer, "cache_clear"):  # a Textual that still caches on `self`
        StylesCache.get_inner_outer = lambda self, base, background: _inner_outer(base, background)  # type: ignore[method-assign]


_forget_widgets_drawn()


def tidy_memory() -> None:
    """Between visits: collect once, then freeze what is left (the kiosk itself, its imports, the mock).

    The garbage collector then only ever looks at the objects of the visit under way: its pauses on the key path
    stay short however long the kiosk runs. Unfrozen first, so that nothing frozen before stays forever.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class IdleWarning:
    """'Masih di sana?' with a visible countdown; any key keeps the session, the end wipes it."""

    def __init__(self, app: GemilangApp, seconds: int) -> None:
        self.app = app
        self.remaining = seconds
        self.screen: StepScreen | None = None

    def tick(self) -> None:
        if self.app._warning is not self:
            return
        if self.remaining <= 0:
            if self.screen is not None and self.screen in self.app.screen_stack:
                self.app.pop_screen()
            self.app._warning = None
            self.app.wipe_session()
            return
        seconds = self.remaining
        step = Notice(
            title=L("Are you still there?"),
            body=lambda ctx: [
                _("Press any key to continue."),
                _("In {seconds} seconds everything you entered will be erased for your privacy.").format(
                    seconds=seconds
                ),
            ],
        )
        if self.screen is None:
            self.screen = StepScreen(step)
            self.app.push_screen(self.screen)
        else:
            self.screen.show_step(step)
        self.remaining -= 1
        self.app.set_timer(1, self.tick)


class _LazyApi:
    """Gives steps `ctx.api` without building the client before the first paint."""

    def __init__(self, app: GemilangApp) -> None:
        self._app = app

    def __getattr__(self, name: str) -> Any:
        return getattr(self._app.api, name)

