"""Everything on screen is heard: a crawl through every screen of every service, every page of every list.

From the Menu Utama the crawl opens every option of every menu (of a long list, the first item of each page: the
items of a list lead to screens of one kind), turns every page of every list with `+`, answers
every question it knows an answer to and walks the forms to their check page. On each screen it waits for what the
speech worker says (the real worker, in a thread, with a silent engine and a recorder in place of the speakers) and
checks that each option it sees is heard with its key by name ("Tekan tambah untuk …"), its label and its hint, the
page position, and each key of the bottom line by its name on the numpad.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field, replace

import pytest

from gemilang_tui.flow import View
from gemilang_tui.i18n import _
from gemilang_tui.speech.engines import Silence
from gemilang_tui.speech.normalise import key_words, speakable
from gemilang_tui.speech.voice import Voice
from gemilang_tui.speech.worker import ThreadChannel
from gemilang_tui.wizard import CONFIRM_NUMBER
from tests.conftest import kiosk, press, type_text

#: A valid answer for a field, by words of its label or question (first match wins); other fields end the walk.
ANSWERS = [
    (("nop",), "360303001300501170"),
    (("nik",), "3603284508710003"),
    (("hp", "telepon", "ponsel"), "081234567890"),
    (("tanggal", "hari, bulan"), "05112026"),
    (("harga transaksi",), "415000000"),
    (("njop", "rupiah", "jumlah"), "380000000"),
    (("tiket",), "2611001"),
    (("jam dan menit",), "1530"),
    (("email", "surel"), "ahmad_01@contoh.id"),
    (("nama",), "Siti Aminah"),
    (("tulisan", "uraian", "ceritakan", "isi"), "Jalan rusak di depan sekolah"),
]
MAX_DEPTH = 25
HEARD_SECONDS = 8.0


class Recorder:
    """The speakers of the test: what the worker would play, as text, in order."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self._lock = threading.Lock()

    def play(self, wav: bytes, text: str, cancelled) -> None:
        with self._lock:
            self.texts.append(text)

    def kill(self) -> None:
        """Nothing is playing for long: the text is recorded at once."""

    def since(self, count: int) -> str:
        with self._lock:
            return " ".join(self.texts[count:])

    def __len__(self) -> int:
        with self._lock:
            return len(self.texts)


@dataclass
class Crawl:
    recorder: Recorder
    screens: int = 0
    pages: int = 0
    options: int = 0
    problems: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)


def _said(text: str) -> str:
    return speakable(text).rstrip(".,:")


def expected(view: View) -> list[str]:
    """What must be heard of this screen: each option (key, label, hint), the page line, each key of the legend."""
    wanted = []
    for option in view.options:
        if option.enabled:
            line = f"Tekan {key_words(option.shown_key)} untuk {_said(option.label)}"
            wanted.append(f"{line}, {_said(option.hint)}" if option.hint.strip() else line)
    if view.page:
        wanted.append(_said(view.page))
    wanted.extend(f"Tekan {key_words(hint.key)} untuk {_said(hint.label)}" for hint in view.keys)
    return wanted


async def check_heard(app, pilot, crawl: Crawl, since: int, path: list[str]) -> None:
    """Wait until the screen shown has been heard whole since `since` utterances; note what never was."""
    crawl.screens += 1
    deadline = time.monotonic() + HEARD_SECONDS
    while True:
        view = app.last_view
        heard = crawl.recorder.since(since)
        missing = [piece for piece in expected(view) if piece not in heard]
        if view is not None and not missing and not app.screen.loading:
            crawl.options += sum(1 for option in view.options if option.enabled)
            return
        if time.monotonic() > deadline:
            crawl.problems.append(f"after keys {' '.join(path)} on {view.title!r}: never heard {missing}\n"
                                  f"heard: {heard!r}")
            return
        await pilot.pause(0.02)


def _answer(view: View) -> str | None:
    words = " ".join([view.prompt.label if view.prompt else "", view.question]).lower()
    return next((answer for keys, answer in ANSWERS if any(re.search(rf"\b{key}\b", words) for key in keys)), None)


def _skipped(view: View, number: int) -> bool:
    """Options that send a form or end the visit: the crawl does not take them."""
    option = next((option for option in view.options if option.number == number), None)
    if option is None:
        return True
    if view.title.endswith(_("{service} · check your answers").format(service="")) and number == CONFIRM_NUMBER:
        return True
    return option.label in {_("Finish"), _("Main Menu")}


def signature(view: View) -> str:
    return "\n".join([view.title, view.question, *view.body, view.prompt.label if view.prompt else "", view.page])


async def walk(app, pilot, crawl: Crawl, path: list[str]) -> None:
    view = app.last_view
    if view is None or len(path) > MAX_DEPTH or signature(view) in crawl.seen:
        return
    crawl.seen.add(signature(view))
    before = len(app.screen_stack)
    if view.prompt is not None:
        answer = _answer(view)
        if answer is None or not answer.startswith(view.prompt.value) or view.prompt.masked:
            return
        await type_text(pilot, answer[len(view.prompt.value):])
        count = len(crawl.recorder)
        await press(pilot, "enter")
        if len(app.screen_stack) > before:
            await check_heard(app, pilot, crawl, count, [*path, "enter"])
            await walk(app, pilot, crawl, [*path, answer, "enter"])
        while len(app.screen_stack) > before:
            await press(pilot, "escape")
        return
    turned: list[str] = []
    while True:
        numbers = [option.number for option in app.last_view.options if option.enabled and option.number > 0]
        if app.last_view.pages:  # every page is heard; of a long list, the first item of each page is opened
            numbers = numbers[:1]
        for number in numbers:
            if _skipped(app.last_view, number):
                continue
            count = len(crawl.recorder)
            await press(pilot, str(number))
            if len(app.screen_stack) > before:
                await check_heard(app, pilot, crawl, count, [*path, *turned, str(number)])
                await walk(app, pilot, crawl, [*path, *turned, str(number)])
            while len(app.screen_stack) > before:
                await press(pilot, "escape")
        view = app.last_view
        if view is None or not view.pages or len(turned) > 20:
            return
        count = len(crawl.recorder)
        await press(pilot, "plus")
        if app.last_view is None or app.last_view.page == view.page:
            return
        turned.append("+")
        crawl.pages += 1
        await check_heard(app, pilot, crawl, count, [*path, *turned])
        if app.last_view.page.startswith(_("Page {page} of {pages}").format(page=1, pages="")):
            return  # round to the first page again: every page was heard


@pytest.fixture
def recorded(settings, monkeypatch):
    recorder = Recorder()
    monkeypatch.setattr(Voice, "launch", staticmethod(ThreadChannel.launcher(lambda mode: (Silence(), recorder))))
    return replace(settings, speech="file:unused"), recorder


@pytest.mark.parametrize("top", [str(n) for n in range(1, 10)])
async def test_every_screen_and_page_is_heard_whole(recorded, top):
    settings, recorder = recorded
    crawl = Crawl(recorder)
    async with kiosk(settings) as (app, pilot):
        app.ctx.voice.wait_ready()
        count = len(recorder)
        await press(pilot, "1")
        await check_heard(app, pilot, crawl, count, ["1"])
        count = len(recorder)
        await press(pilot, top)
        await check_heard(app, pilot, crawl, count, ["1", top])
        await walk(app, pilot, crawl, [top])
    print(f"\nmenu {top}: {crawl.screens} screens, {crawl.pages} pages turned, {crawl.options} options heard")
    assert crawl.screens > 1
    assert crawl.problems == [], f"{len(crawl.problems)} screens not heard whole:\n\n" + "\n\n".join(crawl.problems[:4])
