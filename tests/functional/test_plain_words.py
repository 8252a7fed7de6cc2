"""No jargon without its plain words: walk every screen reachable from the Menu Utama, typing ordinary answers
into the typing screens so the forms are walked to their check screen, and fail where a term of
`gemilang_tui.i18n.glossary` shows without its explanation on the same screen."""

from __future__ import annotations

import pytest

from gemilang_tui.i18n import _, glossary
from gemilang_tui.wizard import CONFIRM_NUMBER
from tests.conftest import kiosk, press, type_text

#: What a citizen types into a field, by the field's label (Indonesian, as shown): a valid answer, so the walk
#: goes on to the next question. Fields not listed end the walk there.
TYPED = {
    "NIK": "3603284508710003",
    "Nomor HP": "081234567890",
    "Nama lengkap": "Siti Aminah",
    "Nama": "Siti Aminah",
    "Tanggal, bulan, tahun": "27112026",
    "NOP": "360303001300501170",
    "Tulisan Anda": "Jalan rusak di depan sekolah",
    "Email": "siti@contoh.com",
    "Harga transaksi": "415000000",
    "NJOP": "380000000",
    "Nomor tiket": "2611001",
}
MAX_DEPTH = 30


def screen_of(app) -> str:
    """Everything the current screen holds, scrolled out of sight or not: the view's text and the options' hints."""
    view = app.last_view
    if view is None:
        return ""
    return "\n".join([view.as_text(), *(option.hint for option in view.options)])


def signature(app) -> str:
    """The same screen reached again (another answer, another ✓): walked once."""
    view = app.last_view
    return "\n".join([view.title, view.question, *view.body, view.prompt.label if view.prompt else ""])


def _skipped(app, number: int) -> bool:
    """Options that end the walk or the visit: sending a form ("1 Benar, kirim"), "Selesai" (home)."""
    view = app.last_view
    option = next((option for option in view.options if option.number == number), None)
    if option is None:  # the screen changed under the walk (a page turned, a choice toggled)
        return True
    check_title = _("{service} · check your answers").format(service="")
    if view.title.endswith(check_title) and number == CONFIRM_NUMBER:
        return True
    return option.label in {_("Finish"), _("Main Menu")}


def _check(app, path: list[str], unexplained: list[str]) -> None:
    text = screen_of(app)
    for term in glossary.terms_in(text):
        if not term.explained_in(text):
            unexplained.append(f"{term.term} without '{term.plain}' after keys {' '.join(path)}:\n{text}")


async def _walk(app, pilot, path: list[str], seen: set[str], unexplained: list[str]) -> None:
    _check(app, path, unexplained)
    view = app.last_view
    if view is None or len(path) > MAX_DEPTH:
        return
    mark = signature(app)
    if mark in seen:
        return
    seen.add(mark)
    before = len(app.screen_stack)
    if view.prompt is not None:
        answer = TYPED.get(view.prompt.label)
        if answer is None or not answer.startswith(view.prompt.value):
            return
        await type_text(pilot, answer[len(view.prompt.value):])
        await press(pilot, "enter")
        if len(app.screen_stack) > before:
            await _walk(app, pilot, [*path, answer, "enter"], seen, unexplained)
        while len(app.screen_stack) > before:
            await press(pilot, "escape")
        return
    turned: list[str] = []  # "+" turns a long list's page: every page is walked, until the first comes round
    while True:
        for number in [option.number for option in app.last_view.options if option.enabled]:
            if app.last_view is None or _skipped(app, number):
                continue
            await press(pilot, str(number))
            if len(app.screen_stack) > before:
                await _walk(app, pilot, [*path, *turned, str(number)], seen, unexplained)
            while len(app.screen_stack) > before:
                await press(pilot, "escape")
        view = app.last_view
        if view is None or not view.pages or len(turned) > 20:
            return
        await press(pilot, "plus")
        if app.last_view is None or app.last_view.page == view.page or app.last_view.page.startswith(
                _("Page {page} of {pages}").format(page=1, pages="")):
            return
        turned.append("plus")
        _check(app, [*path, *turned], unexplained)


@pytest.mark.parametrize("top", [str(n) for n in range(1, 10)])
async def test_every_term_on_a_screen_is_explained_there(settings, top):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1", top)
        seen: set[str] = set()
        unexplained: list[str] = []
        await _walk(app, pilot, [top], seen, unexplained)
        assert seen
        assert unexplained == [], f"{len(unexplained)} screens with unexplained terms:\n\n" + "\n\n".join(
            unexplained[:5])


def test_every_term_has_plain_indonesian():
    from gemilang_tui import i18n

    i18n.set_locale("id")
    for term in glossary.TERMS:
        assert term.plain != term.plain_msgid, term.term
        assert glossary.explain(term.term).startswith(term.term + ": ")
