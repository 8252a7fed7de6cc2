"""No screen is ever silent: whatever a `View` can hold, the speech path (Seen → line protocol → worker) takes it,
and what is said holds each option's key by its name, its label and its hint, and each key of the bottom line."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gemilang_tui.flow import KeyHint, Option, Prompt, View, next_page_option, number_options
from gemilang_tui.speech.compose import compose
from gemilang_tui.speech.normalise import key_words, speakable
from gemilang_tui.speech.protocol import MAX_LINE, Say, decode, encode
from gemilang_tui.speech.seen import Seen

#: Text as screens and the API give it: words, numbers, signs, codes, a lone surrogate from a broken API string.
PIECES = ["Rp15.000", "09.30", "15.30–16.00", "Senin–Jumat", "A+", "AB−", "91.0 FM", "NIK", "3603284508710003",
          "a_b-c@x.id", "K-Z35A85", "·", "…", "/", "-", "+", "*", ".", "%", "×", "=", "\n", "\ud800", "🙂", "  "]
texts = st.lists(st.text(max_size=12) | st.sampled_from(PIECES), max_size=12).map(" ".join)
long_texts = texts | st.text(min_size=8001, max_size=9000)
KEYS = ["0 -", "-", "/", "*", ".", "+", "+ ↑↓", "Enter", "⌫", "Esc", "Home", "F1"]


@st.composite
def views(draw) -> View:
    options = number_options([Option(draw(texts), hint=draw(st.just("") | texts), enabled=draw(st.booleans()))
                              for _ in range(draw(st.integers(0, 9)))])
    if draw(st.booleans()):
        options.append(next_page_option())  # its number is -1: it is chosen by "+", never by a digit
    prompt = None
    if draw(st.booleans()):
        prompt = Prompt(draw(texts), draw(texts), draw(st.booleans()), draw(st.sampled_from(["", "Rp"])),
                        masked=draw(st.booleans()))
    keys = [KeyHint(key, draw(texts)) for key in draw(st.lists(st.sampled_from(KEYS), max_size=6))]
    return View(title=draw(texts), question=draw(texts), body=draw(st.lists(long_texts, max_size=12)),
                options=options, keys=keys, page=draw(texts), error=draw(texts), notice=draw(texts),
                prompt=prompt, big=draw(st.just("") | texts))


def _said(text: str) -> str:
    """As the option or key is said: a lone surrogate, which no text can hold, becomes a space on the way."""
    return speakable(re.sub("[\ud800-\udfff]", " ", text)).rstrip(".,:")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(views())
def test_every_view_is_spoken_with_every_option_and_key(view):
    line = encode(Say(1, "all", "id", 70, seen=Seen.of(view)))
    assert len(line) <= MAX_LINE
    message = decode(line)
    assert isinstance(message, Say), "the worker refused what the kiosk sent: the screen would be silent"
    spoken = compose(message)
    for option in view.options:
        if not option.enabled:
            continue
        assert f"Tekan {key_words(option.shown_key)} untuk" in spoken, option
        assert _said(option.label) in spoken and _said(option.hint) in spoken, option
    for hint in view.keys:
        assert f"Tekan {key_words(hint.key)} untuk {_said(hint.label)}" in spoken, hint
    if view.page.strip():
        assert _said(view.page) in spoken


def test_a_long_list_page_is_spoken_whole():
    """The screen of issue 15: a kecamatan list of several pages, its next-page line and its position."""
    view = View(title="Di kecamatan mana?", options=[
        *number_options([Option(name) for name in ("Balaraja", "Cikupa", "Cisoka", "Curug", "Jambe")]),
        next_page_option()], page="Halaman 1 dari 5",
        keys=[KeyHint("0 -", "Kembali"), KeyHint("+", "Halaman berikutnya")])
    message = decode(encode(Say(1, "all", "id", 70, seen=Seen.of(view))))
    assert isinstance(message, Say)
    assert compose(message) == (
        "Di kecamatan mana? Tekan satu untuk Balaraja. Tekan dua untuk Cikupa. Tekan tiga untuk Cisoka. "
        "Tekan empat untuk Curug. Tekan lima untuk Jambe. Tekan tambah untuk Halaman berikutnya. "
        "Halaman satu dari lima. Tekan nol atau minus untuk Kembali.")  # the + key is said once, as an option
