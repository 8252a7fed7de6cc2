"""The kiosk's voice: speaks each new screen, what changed on the same one, `*` again; any key silences it.

The app calls `show(screen, view)` for every view it paints, `stop()` on every key and `repeat(view)` on `*`.
All of these only hand work to the speaking thread. `GEMILANG_SPEECH` chooses: `espeak`, `none`, `file:DIR`.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gemilang_tui.i18n import get_locale
from gemilang_tui.speech import normalise
from gemilang_tui.speech.engines import Engine, EngineMissing, Silence, open_espeak
from gemilang_tui.speech.output import FileSink, Output, Player
from gemilang_tui.speech.speaker import Speaker, Utterance

if TYPE_CHECKING:
    from gemilang_tui.flow import View


@dataclass(frozen=True)
class Seen:
    """What of a view matters to the ear; highlight moves and re-renders leave it equal."""

    title: str
    notice: str
    question: str
    body: tuple[str, ...]
    big: str
    prompt: tuple[str, str, bool] | None
    error: str
    options: tuple[tuple[int, str], ...]
    page: str

    @classmethod
    def of(cls, view: View) -> Seen:
        prompt = view.prompt
        return cls(view.title, view.notice, view.question, tuple(view.body), view.big,
                   (prompt.label, prompt.value, prompt.masked) if prompt else None, view.error,
                   tuple((option.number, option.label) for option in view.options if option.enabled), view.page)

    def is_a_question(self) -> bool:
        return bool(self.options or self.prompt or self.question)

    def was_waiting(self, now: Seen) -> bool:
        """This was the 'please wait' or 'cannot be reached' state the screen showed before `now`, its content."""
        return not self.is_a_question() and (now.is_a_question() or not set(self.body) & set(now.body))


class Voice:
    """On, off or missing; its volume (0–100) and why it is silent are the attendant's to see and set."""

    def __init__(self, mode: str = "espeak", volume: int = 70) -> None:
        self.mode = mode
        self.volume = volume
        self.enabled = mode != "none"
        self._speaker: Speaker | None = None
        self._screen: Any = None
        self._seen: Seen | None = None
        self._locale = ""
        self._view: View | None = None
        self._hold_next = False
        if self.enabled:
            self._start()

    def _start(self) -> None:
        self._speaker = Speaker(self._open_parts, lambda: self.volume)

    def _open_parts(self) -> tuple[Engine, Output]:
        if self.mode.startswith("file:"):
            try:
                engine: Engine = open_espeak()
            except EngineMissing:
                engine = Silence()
            return engine, FileSink(Path(self.mode[len("file:"):]))
        return open_espeak(), Player.find()

    # -- what the app calls ------------------------------------------------------------------------------

    def show(self, screen: object, view: View) -> None:
        """A view was painted: say it when it is new, say what changed when it changed, else nothing."""
        locale = get_locale()
        seen = Seen.of(view)
        same_screen = self._screen is not None and self._screen() is screen
        previous, self._seen, self._view = self._seen, seen, view
        self._screen = weakref.ref(screen) if screen is not None else None
        changed_language, self._locale = locale != self._locale, locale
        if not self.enabled or self._speaker is None:
            return
        if not same_screen or changed_language or previous is None:
            self._say_all(view, locale, after=self._hold_next)
            self._hold_next = False
        elif seen != previous:
            self._say_change(previous, seen, view, locale)

    def stop(self) -> None:
        """A key was pressed: silence now."""
        if self._speaker is not None:
            self._speaker.stop()

    def repeat(self, view: View | None = None) -> None:
        """`*`: the screen again, from the top; the help screen that follows waits its turn."""
        view = view or self._view
        if view is None or not self.enabled or self._speaker is None:
            return
        self._say_all(view, get_locale())
        self._hold_next = True

    # -- the attendant's controls ------------------------------------------------------------------------

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if not enabled:
            self.stop()
        elif self._speaker is None:
            self._start()

    def set_volume(self, volume: int) -> None:
        self.volume = max(0, min(100, volume))

    def status(self) -> tuple[str, str]:
        """('on' | 'off' | 'starting' | 'missing' | 'failing', the engine's or player's own words)."""
        if not self.enabled:
            return "off", ""
        speaker = self._speaker
        if speaker is None or not speaker.ready.is_set():
            return "starting", ""
        if speaker._engine is None:
            return "missing", speaker.problem
        if speaker.problem:
            return "failing", speaker.problem
        return "on", getattr(speaker._engine, "name", "")

    def wait_ready(self, timeout: float = 5.0) -> bool:
        """For tests and the attendant: True once the engine has been looked for."""
        return self._speaker is not None and self._speaker.ready.wait(timeout)

    def close(self) -> None:
        if self._speaker is not None:
            self._speaker.close()

    # -- saying ------------------------------------------------------------------------------------------

    def _say_all(self, view: View, locale: str, after: bool = False) -> None:
        assert self._speaker is not None
        utterance = Utterance(lambda: normalise.spoken(view, locale), locale)
        (self._speaker.say_after if after else self._speaker.say)(utterance)

    def _say_change(self, previous: Seen, seen: Seen, view: View, locale: str) -> None:
        assert self._speaker is not None
        speaker = self._speaker
        if (seen.title, seen.question, seen.options) != (previous.title, previous.question, previous.options) \
                or previous.was_waiting(seen):
            self._say_all(view, locale)
        elif seen.prompt != previous.prompt and (seen.error == previous.error or not seen.error):
            speaker.say(Utterance(lambda: _echo(previous, seen, view, locale), locale))
        elif seen.error and seen.error != previous.error:
            speaker.say(Utterance(lambda: normalise.sentence(seen.error, locale), locale))
        else:  # a countdown, a status that came in: said after what is being said now
            old = previous

            def changed_lines() -> str:
                before = set(normalise.script(_view_of(old), locale))
                return " ".join(line for line in normalise.script(view, locale) if line not in before)

            speaker.say_after(Utterance(changed_lines, locale))


def _echo(previous: Seen, seen: Seen, view: View, locale: str) -> str:
    """The key typed into a field: its digit or letter; a deletion; nothing for a PIN."""
    if seen.prompt is None or previous.prompt is None or seen.prompt[2]:
        return ""
    before, now = previous.prompt[1], seen.prompt[1]
    if len(now) > len(before) and now.startswith(before):
        return normalise.echo(now[-1], locale)
    if len(now) < len(before):
        return normalise.deleted(locale)
    prompt = view.prompt
    return normalise.typed(now, prompt.digits_only, prompt.prefix, locale) if prompt else ""


def _view_of(seen: Seen) -> View:
    from gemilang_tui.flow import Option, Prompt, View

    prompt = Prompt(seen.prompt[0], seen.prompt[1], masked=seen.prompt[2]) if seen.prompt else None
    return View(title=seen.title, notice=seen.notice, question=seen.question, body=list(seen.body), big=seen.big,
                prompt=prompt, error=seen.error, options=[Option(label, number=n) for n, label in seen.options],
                page=seen.page)
