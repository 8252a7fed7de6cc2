"""Shared fixtures: a kiosk on the embedded mock with today pinned, and a way to read what the screen shows."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, time
from pathlib import Path

import pytest

from gemilang_tui import i18n, kiosk_time
from gemilang_tui.config import Settings
from tests.waits import press, ready, screen_text, settle, text, type_text, wait_for

__all__ = [
    "TODAY", "choose", "kiosk", "kiosk_at", "press", "ready", "screen_text", "settle", "text", "type_text", "until",
    "wait_for",
]

TODAY = date(2026, 11, 28)
MORNING = time(7, 0)  # the kiosk's time of day in every test (WIB): the burial hours of today are all to come


#: The longest tests (crawls of every screen) start first, so that no worker is left with one of them at the end.
LONGEST_FIRST = (
    "tests/deploy/test_wheelhouse.py",
    "tests/functional/test_byte_monkey.py",
    "tests/functional/test_monkey.py",
    "tests/functional/test_plain_words.py",
    "tests/functional/test_key_rules.py",
    "tests/functional/test_speech_crawl.py",
    "tests/functional/test_i18n.py",
    "tests/functional/test_status_of_every_form.py",
    "tests/snapshots/",
    "tests/durability/",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        path = item.nodeid.split("::")[0]
        return next((index for index, prefix in enumerate(LONGEST_FIRST) if path.startswith(prefix)),
                    len(LONGEST_FIRST))

    items.sort(key=rank)  # stable: within a file, the written order


SYSTEMD_VARIABLES = ("INVOCATION_ID", "JOURNAL_STREAM", "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID")


@pytest.fixture(autouse=True)
def _deterministic(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user config, no environment settings, Indonesian, no cursor blink."""
    for name in list(__import__("os").environ):
        if name.startswith("GEMILANG_"):
            monkeypatch.delenv(name)
    for name in SYSTEMD_VARIABLES:  # a suite run by a systemd service must not log to its journal or ping it
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GEMILANG_CONFIG", "")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(kiosk_time, "time_of_day", lambda: MORNING)  # a test that needs another time sets it
    i18n.set_locale("id")
    yield
    i18n.set_locale("id")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(today=TODAY, data_dir=tmp_path / "data", locale="id", idle_seconds=3600, speech="none")


@asynccontextmanager
async def kiosk(settings: Settings, size: tuple[int, int] = (80, 24), api=None) -> AsyncIterator:
    """Run the kiosk headless; yields (app, pilot)."""
    from gemilang_tui.app import GemilangApp

    app = GemilangApp(settings, api=api)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        yield app, pilot


@asynccontextmanager
async def kiosk_at(settings: Settings, *labels: str, size: tuple[int, int] = (80, 24), api=None) -> AsyncIterator:
    """The kiosk already at a service or form: Bahasa Indonesia, then the Menu Utama options whose labels hold
    `labels` (found by what they say, see `choose`). One test per service walks there by number keys; the others
    start here, so a reordered menu breaks one test, not dozens."""
    async with kiosk(settings, size=size, api=api) as (app, pilot):
        await press(pilot, "1")
        await choose(app, pilot, *labels)
        yield app, pilot


async def choose(app, pilot, *labels: str) -> None:
    """For each label in turn, press the number of the option whose label holds it (or one of its |-separated
    alternatives, e.g. "Donor darah|Blood donation"), turning pages with + when needed: walks that find options by
    what they say, so a reordered menu breaks no test."""
    for label in labels:
        wanted = [part.lower() for part in label.split("|")]
        for _page in range(10):
            view = app.screen.current_view()
            number = next((option.number for option in view.options if option.number > 0
                           and any(part in option.label.lower() for part in wanted)), None)
            if number is not None:
                await press(pilot, str(number))
                break
            if not view.pages:
                break
            await press(pilot, "plus")
        else:
            number = None
        if number is None:
            raise AssertionError(f"no option {label!r} on {app.screen.current_view().title!r}:\n{screen_text(app)}")


async def until(pilot, condition, seconds: float = 10.0, what: str = "") -> None:
    """The older name of `wait_for` (tests/waits.py), kept for branches written against it."""
    await wait_for(pilot, condition, what or "the condition", seconds)
