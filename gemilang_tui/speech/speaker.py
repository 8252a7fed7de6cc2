"""The speaking thread: one utterance at a time, any new one or a stop cuts the old one off at once.

The UI thread only hands over work (`say`, `say_after`, `stop`) and never waits: composing the text, synthesis
and playback all happen here. A failing engine or player is logged once and the kiosk goes on silently.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from gemilang_tui.speech.engines import Engine
from gemilang_tui.speech.output import Output

log = logging.getLogger("gemilang_tui.speech")


@dataclass
class Utterance:
    """What to say, composed in the speaking thread (normalising text is not the UI's work)."""

    compose: Callable[[], str]
    locale: str
    ident: int = 0


class Speaker:
    """`on_status(engine, problem)` hears once the engine was looked for (engine None: missing), then each change of
    the problem ("" once all is well again); `on_said(utterance)` after each one taken up is over."""

    def __init__(self, open_parts: Callable[[], tuple[Engine, Output]], volume: Callable[[], int],
                 on_status: Callable[[Engine | None, str], None] | None = None,
                 on_said: Callable[[Utterance], None] | None = None) -> None:
        self._open_parts = open_parts
        self._volume = volume
        self._on_status = on_status or (lambda engine, problem: None)
        self._on_said = on_said or (lambda utterance: None)
        self._engine: Engine | None = None
        self._output: Output | None = None
        self._cond = threading.Condition()
        self._next: Utterance | None = None
        self._after: Utterance | None = None
        self._busy = False
        self._generation = 0
        self._closed = False
        self.problem = ""  # why nothing is heard; "" while all is well
        self._logged = False
        self.ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="gemilang-speech", daemon=True)
        self._thread.start()

    # -- the UI thread's side: never blocks for longer than a lock held for a few assignments ---------------

    def say(self, utterance: Utterance) -> None:
        """Cut off whatever is being said and say this instead."""
        with self._cond:
            self._generation += 1
            self._next, self._after = utterance, None
            self._cond.notify()
        self._kill()

    def say_after(self, utterance: Utterance) -> None:
        """Say this once the current utterance ends (replacing any other waiting one), or now when quiet."""
        with self._cond:
            if self._busy or self._next is not None:
                self._after = utterance
            else:
                self._next = utterance
            self._cond.notify()

    def stop(self) -> None:
        with self._cond:
            self._generation += 1
            self._next = self._after = None
        self._kill()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._generation += 1
            self._next = self._after = None
            self._cond.notify()
        self._kill()

    def speaking(self) -> bool:
        with self._cond:
            return self._busy or self._next is not None

    def _kill(self) -> None:
        output = self._output
        if output is not None:
            output.kill()

    # -- the speaking thread ---------------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self._engine, self._output = self._open_parts()
        except Exception as problem:  # noqa: BLE001 - no engine: the kiosk works silently, the attendant sees why
            self.problem = str(problem) or type(problem).__name__
            log.warning("speech is off: %s", self.problem)
            self.ready.set()
            self._on_status(None, self.problem)
            return
        self.ready.set()
        self._on_status(self._engine, "")
        while True:
            with self._cond:
                while self._next is None and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
                utterance, self._next = self._next, None
                assert utterance is not None
                generation = self._generation
                self._busy = True
            known = self.problem
            try:
                self._speak(utterance, functools.partial(self._cancelled, generation))
            finally:
                if self.problem != known:
                    self._on_status(self._engine, self.problem)
                self._on_said(utterance)
                with self._cond:
                    self._busy = False
                    if self._next is None and self._after is not None:
                        self._next, self._after = self._after, None

    def _cancelled(self, generation: int) -> bool:
        return self._generation != generation

    def _speak(self, utterance: Utterance, cancelled: Callable[[], bool]) -> None:
        assert self._engine is not None and self._output is not None
        try:
            text = utterance.compose()
            if not text or cancelled():
                return
            wav = self._engine.synthesize(text, utterance.locale, self._volume(), cancelled)
            if wav is None or cancelled():
                return
            self._output.play(wav, text, cancelled)
            self.problem = ""
        except Exception as problem:  # noqa: BLE001 - speech must never take the kiosk down
            if not self._logged:
                self._logged = True
                log.warning("speech failed, going on silently: %s", problem)
            self.problem = str(problem) or type(problem).__name__
