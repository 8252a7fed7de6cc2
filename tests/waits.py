"""Driving the kiosk in tests as a person would: press keys, let the screen settle, wait for what should appear.

Only public Textual API: a key is the `events.Key` a terminal driver sends; the screen is read from
`App.export_screenshot()`; a wait ends on what the screen shows or on the kiosk's own `loading` state.
`Pilot.press` is avoided on purpose: it waits for the whole process to look idle twice per key (at least 40 ms,
up to a second while a worker thread runs), which made the key presses most of the suite's time.
"""

from __future__ import annotations

import asyncio
import html
import re
import time
from collections.abc import Callable

from textual import events

#: Keys whose character a terminal sends along with the key name (the kiosk reads both, see keys.py).
_PRINTABLE = {
    "minus": "-", "plus": "+", "slash": "/", "asterisk": "*", "full_stop": ".", "comma": ",", "space": " ",
    "question_mark": "?", "colon": ":", "apostrophe": "'", "at": "@", "number_sign": "#", "left_parenthesis": "(",
    "right_parenthesis": ")", "underscore": "_", "semicolon": ";", "quotation_mark": '"', "ampersand": "&",
    "equals_sign": "=", "percent_sign": "%", "exclamation_mark": "!",
}
_CONTROL = {"escape": "\x1b", "tab": "\t", "backspace": "\x08", "delete": "\x7f", "enter": "\r"}
_NAMES = {char: name for name, char in _PRINTABLE.items()}

_SLEEP = 0.005  # while a screen loads: its answer comes from another task or thread
_CELL_WIDTH = 12.2  # Rich's SVG export: one terminal cell is 0.61 × 20 px wide
_SVG_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="([\d.]+)" clip-path="url\(#[\w-]*-line-(\d+)\)">'
    r"(.*?)</text>",
    re.DOTALL,
)


def key_event(key: str) -> events.Key:
    """The event a terminal driver sends for `key` (a Textual key name such as "1", "minus", "enter", "ctrl+a")."""
    if len(key) == 1:
        return events.Key(_NAMES.get(key, key), key)
    if "+" in key.rstrip("+"):
        return events.Key(key, None)  # a modifier: no printable character
    return events.Key(key, _PRINTABLE.get(key, _CONTROL.get(key)))


def screen_text(app) -> str:
    """Every line the terminal shows now, as plain text (what a tester reads with tmux capture-pane)."""
    width, height = app.size
    lines: list[list[tuple[int, int, str]]] = [[] for _ in range(height)]
    for x, length, row, content in _SVG_TEXT.findall(app.export_screenshot(simplify=True)):
        cells = round(float(length) / _CELL_WIDTH)
        lines[int(row)].append((round(float(x) / _CELL_WIDTH), cells, html.unescape(content).replace("\xa0", " ")))
    shown = []
    for segments in lines:
        line, at = "", 0
        for column, cells, content in sorted(segments):
            line += " " * (column - at) + content.rstrip("\n")
            at = column + cells
        shown.append(line.rstrip())
    return "\n".join(shown)


def text(app) -> str:
    """The screen as one line of words: a sentence is found however the terminal wrapped it."""
    return " ".join(screen_text(app).split())


def _loading(app) -> bool:
    return bool(getattr(app.screen, "loading", False))


def _shown(app) -> tuple:
    """What changes when the kiosk shows something else: the screen on top, and the view it last painted."""
    return app.screen, len(app.screen_stack), app.screen.is_mounted, getattr(app, "last_view", None)


async def settle(pilot, seconds: float = 30.0) -> None:
    """Let the kiosk finish what the last key started: no screen loading, and nothing new painted in a turn.

    Each `pause(0)` lets every widget of the screen handle what was sent to it; a pushed screen is composed and
    painted in the next one, so two turns in a row that change nothing mean the kiosk has settled.
    """
    app = pilot.app
    deadline = time.monotonic() + seconds
    shown: tuple | None = None
    while time.monotonic() < deadline:
        await pilot.pause(0)
        if _loading(app):
            shown = None
            await asyncio.sleep(_SLEEP)
            continue
        now = _shown(app)
        if shown is not None and all(a is b for a, b in zip(now, shown, strict=True)):
            return
        shown = now
    raise AssertionError(f"the screen never settled within {seconds} s:\n{screen_text(app)}")


async def press(pilot, *keys: str) -> None:
    """Press keys one by one, as a person would, letting each screen settle (and its loading finish)."""
    for key in keys:
        pilot.app.post_message(key_event(key))
        await settle(pilot)
    if not keys:
        await settle(pilot)


async def type_text(pilot, typed: str) -> None:
    """Type characters as a quick typist does (no waiting between them), then let the screen settle."""
    for char in typed:
        pilot.app.post_message(key_event(char))
        await pilot.pause(0)
    await settle(pilot)


async def wait_for(pilot, predicate: Callable[[], object], description: str, seconds: float = 30.0) -> None:
    """Wait until `predicate()` holds (checked after each turn of the kiosk); fail saying what never happened."""
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened within {seconds} s: {description}\n{screen_text(pilot.app)}")
        await pilot.pause(0.01)
    await settle(pilot)


async def ready(pilot) -> None:
    """Wait for the kiosk to finish starting: after its first paint it builds its API client in a thread, fetches
    the catalogue, then starts its sender (app.py `_prepare`). A test that reaches for `app.api` must find the one
    the kiosk uses, and the menu the API gives. (A hook such as `app.ready` would let this name no worker group.)"""
    app = pilot.app

    def groups() -> set[str]:
        return {worker.group for worker in app.workers if not worker.is_finished}

    await wait_for(pilot, lambda: "sender" in groups() and "catalogue" not in groups(),
                   "the kiosk built its API client, fetched the catalogue and started its sender")


def wait_until(predicate: Callable[[], object], description: str, seconds: float = 30.0) -> None:
    """Outside the kiosk's event loop (a thread under test): wait until `predicate()` holds, or fail saying what."""
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened within {seconds} s: {description}")
        time.sleep(0.005)
