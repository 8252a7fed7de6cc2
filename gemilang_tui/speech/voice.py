"""The kiosk's voice: speaks each new screen, what changed on the same one, `*` again; any key silences it.

The app calls `show(screen, view)` for every view it paints, `stop()` on every key and `repeat(view)` on `*`.
These decide what is to be said and queue it for the speech worker, a process of its own (speech/worker.py,
through speech/link.py), which composes the words, synthesises and plays them. `GEMILANG_SPEECH` chooses:
`espeak`, `none`, `file:DIR`.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from typing import TYPE_CHECKING, Any

from gemilang_tui.i18n import get_locale
from gemilang_tui.speech.link import Launch, Link, launch_process
from gemilang_tui.speech.protocol import Kind, Say, Status, Stop
from gemilang_tui.speech.seen import Seen

if TYPE_CHECKING:
    from gemilang_tui.flow import View

class Voice:
    """On, off or missing; its volume (0–100) and why it is silent are the attendant's to see and set."""

    launch: Launch = staticmethod(launch_process)  # tests run the worker in a thread instead

    def __init__(self, mode: str = "espeak", volume: int = 70) -> None:
        self.mode = mode
        self.volume = volume
        self.enabled = mode != "none"
        self._link: Link | None = None
        self._status: Status | None = None
        self._ready = threading.Event()
        self._ids = itertools.count(1)
        self._screen: Any = None
        self._seen: Seen | None = None
        self._locale = ""
        self._view: View | None = None
        self._hold_next = False
        if self.enabled:
            self._start()

    def _start(self) -> None:
        self._link = Link(self.mode, self._heard, type(self).launch)

    def _heard(self, status: Status) -> None:
        """A status line from the worker (in the link's thread)."""
        self._status = status
        self._ready.set()

    # -- what the app calls ------------------------------------------------------------------------------

    def show(self, screen: object, view: View) -> None:
        """A view was painted: say it when it is new, say what changed when it changed, else nothing."""
        locale = get_locale()
        seen = Seen.of(view)
        same_screen = self._screen is not None and self._screen() is screen
        previous, self._seen, self._view = self._seen, seen, view
        self._screen = weakref.ref(screen) if screen is not None else None
        changed_language, self._locale = locale != self._locale, locale
        if not self.enabled or self._link is None:
            return
        if not same_screen or changed_language or previous is None:
            self._say("all", seen, locale, now=not self._hold_next)
            self._hold_next = False
        elif seen != previous:
            self._say_change(previous, seen, locale)

    def stop(self) -> None:
        """A key was pressed: silence now."""
        if self._link is not None:
            self._link.send(Stop(next(self._ids)))

    def repeat(self, view: View | None = None) -> None:
        """`*`: the screen again, from the top; the help screen that follows waits its turn."""
        view = view or self._view
        if view is None or not self.enabled or self._link is None:
            return
        self._say("all", Seen.of(view), get_locale())
        self._hold_next = True

    # -- the attendant's controls ------------------------------------------------------------------------

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if not enabled:
            self.stop()
        elif self._link is None:
            self._start()

    def set_volume(self, volume: int) -> None:
        self.volume = max(0, min(100, volume))

    def status(self) -> tuple[str, str]:
        """('on' | 'off' | 'starting' | 'missing' | 'failing', the engine's or player's own words)."""
        if not self.enabled:
            return "off", ""
        status = self._status
        if self._link is None or status is None:
            return "starting", ""
        if not status.engine:
            return "missing", status.problem
        if status.problem:
            return "failing", status.problem
        return "on", status.engine

    def wait_ready(self, timeout: float = 5.0) -> bool:
        """For tests and the attendant: True once the worker has looked for its engine."""
        return self._link is not None and self._ready.wait(timeout)

    def close(self) -> None:
        if self._link is not None:
            self._link.close()

    # -- saying ------------------------------------------------------------------------------------------

    def _say(self, kind: Kind, seen: Seen, locale: str, now: bool = True, before: Seen | None = None,
             text: str = "") -> None:
        assert self._link is not None
        self._link.send(Say(next(self._ids), kind, locale, self.volume, now, seen, before, text))

    def _say_change(self, previous: Seen, seen: Seen, locale: str) -> None:
        if (seen.title, seen.question, seen.options) != (previous.title, previous.question, previous.options) \
                or previous.was_waiting(seen):
            self._say("all", seen, locale)
        elif seen.prompt != previous.prompt and (seen.error == previous.error or not seen.error):
            self._say("echo", seen, locale, before=previous)
        elif seen.error and seen.error != previous.error:
            self._say("sentence", seen, locale, text=seen.error)
        else:  # a countdown, a status that came in: said after what is being said now
            self._say("changed", seen, locale, now=False, before=previous)
