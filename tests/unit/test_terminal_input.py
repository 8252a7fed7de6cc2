"""The kiosk's terminal parser (screens/terminal.py): each sequence that ended or blinded the kiosk is dropped, the
keys around it still arrive, and no input at all makes it raise."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual import events

from gemilang_tui.screens.terminal import PASTE_END, PASTE_START, DropLog, KeyboardDecoder, KioskInputParser


class Clock:
    """Textual's parser ends an escape sequence after a delay; the tests move its clock instead of sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    fake = Clock()
    with mock.patch("textual._parser.get_time", fake):
        yield fake


def feed(parser: KioskInputParser, clock: Clock, *chunks: str) -> list:
    """Everything the parser delivers for these chunks, once the escape delay has passed after the last one."""
    tokens = [token for chunk in chunks if chunk for token in parser.feed(chunk)]  # "" would mean the end
    clock.now += 1.0
    return tokens + list(parser.tick())


def keys(tokens: list) -> list[str]:
    return [token.key for token in tokens if isinstance(token, events.Key)]


def parser_and_drops() -> tuple[KioskInputParser, list[str]]:
    said: list[str] = []
    return KioskInputParser(dropped=said.append), said


@pytest.mark.parametrize(("sequence", "kind"), [
    ("\x1b[:u", "a malformed key report"),  # Alt+[ then ":" and "u" within the escape delay
    ("\x1b[97;1:3u", "a key release report"),  # kitty: "a" released
    ("\x1b[97;1:9u", "a malformed key report"),  # no such event type
    ("\x1b[97;1:1:1u", "a malformed key report"),
    ("\x1b[1;1;99999999u", "a key report naming no character"),  # text beyond Unicode
    ("\x1b[1114112u", "a key report naming no character"),
    ("\x1b[55296u", "a key report naming no character"),  # a surrogate: cannot be drawn
    ("\x1b[48;1;1;0;0t", "an in-band resize report"),
    ("\x1b[48;0;0;0;0t", "an in-band resize report"),
    ("\x1b[?2048;1$y", "an in-band resize mode report"),
    ("\x1b[<0;10;6M\x1b[<0;10;6m", "a mouse report"),
    ("\x1b[M #&", "a mouse report"),
    (PASTE_START, "a paste start"),
])
def test_a_sequence_the_kiosk_does_not_take_is_dropped_said_and_the_next_key_arrives(clock, sequence, kind):
    parser, said = parser_and_drops()
    assert keys(feed(parser, clock, sequence)) == []
    assert any(line.startswith(kind) for line in said), said
    assert keys(feed(parser, clock, "1/")) == ["1", "slash"]


def test_no_mouse_report_is_computed_after_a_zero_size_resize(clock):
    """Textual divides by the reported size: 0×0 then a mouse report raised ZeroDivisionError."""
    parser, _ = parser_and_drops()
    assert feed(parser, clock, "\x1b[48;0;0;0;0t", "\x1b[<0;1;1M") == []
    assert keys(feed(parser, clock, "5")) == ["5"]


@pytest.mark.parametrize("split", range(1, len(PASTE_START)))
def test_a_paste_start_split_over_two_reads_still_holds_no_key(clock, split):
    parser, _ = parser_and_drops()
    tokens = feed(parser, clock, "1" + PASTE_START[:split], PASTE_START[split:] + "23")
    assert keys(tokens) == ["1", "2", "3"]
    assert not any(isinstance(token, events.Paste) for token in tokens)


def test_a_paste_end_alone_changes_nothing(clock):
    parser, _ = parser_and_drops()
    assert keys(feed(parser, clock, PASTE_END + "4")) == ["4"]


@pytest.mark.parametrize(("report", "plain"), [
    ("\x1b[97;1:1u", "\x1b[97;1u"),  # kitty press event
    ("\x1b[97;1:2u", "\x1b[97;1u"),  # kitty repeat event
    ("\x1b[97:65;2u", "\x1b[97;2u"),  # with the shifted key as alternate
    ("\x1b[57399u", "\x1b[57399u"),  # keypad 0
    ("\x1b[13u", "\x1b[13u"),  # enter
    ("\x1b[3~", "\x1b[3~"),  # delete
    ("\x1b[1;5A", "\x1b[1;5A"),  # ctrl+up
])
def test_a_well_formed_key_report_is_read_as_textual_reads_its_plain_form(clock, report, plain):
    reading, _ = parser_and_drops()
    expected = [(key.key, key.character) for key in feed(reading, clock, plain)]
    parser, said = parser_and_drops()
    assert [(key.key, key.character) for key in feed(parser, clock, report)] == expected != []
    assert said == []


def test_the_keys_the_kiosk_uses_arrive_as_before(clock):
    parser, said = parser_and_drops()
    tokens = feed(parser, clock, "123-/*.+\r", "\x1b[H", "\x1b[1~", "\x1bOH", "\x7f")
    assert keys(tokens) == ["1", "2", "3", "minus", "slash", "asterisk", "full_stop", "plus", "enter",
                            "home", "home", "home", "backspace"]
    assert keys(feed(parser, clock, "\x1b")) == ["escape"]
    assert said == []


def test_invalid_utf8_is_dropped_and_said_once_and_a_split_character_waits_for_its_rest():
    said: list[str] = []
    decode = KeyboardDecoder(said.append)
    assert decode(b"1\xff2") == "12"
    assert decode(b"\xc3") == ""
    assert decode(b"\xa9\xfe") == "é"
    assert said == ["invalid UTF-8", "invalid UTF-8"]  # the decoder says each time; DropLog says once


def test_the_log_says_each_kind_once_and_never_the_bytes(caplog):
    dropped = DropLog()
    decode = KeyboardDecoder(dropped)
    with caplog.at_level("WARNING", logger="gemilang_tui.screens.terminal"):
        for _ in range(3):
            decode(b"3603\xff")
    assert len(caplog.records) == 1
    assert "invalid UTF-8" in caplog.text and "3603" not in caplog.text


PIECES = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["\x1b", "\x1b[", ":", ";", "u", "~", "t", "M", "m", "$y", "200~", "201~", "48;", "<",
                     PASTE_START, PASTE_END, "\x1b]0;x\x07", "\x1bP", "\x1b\\", "\x1b[?2048;1$y", "\x1bO"]),
    st.integers(min_value=0, max_value=2**64).map(str),
)


@settings(max_examples=400, deadline=None)
@given(chunks=st.lists(st.lists(PIECES, max_size=12).map("".join), max_size=6))
def test_no_input_raises_and_the_home_key_arrives_after_any_of_it(chunks):
    clock = Clock()
    with mock.patch("textual._parser.get_time", clock):
        parser, _ = parser_and_drops()
        feed(parser, clock, *chunks)
        assert keys(feed(parser, clock, "/"))[-1:] == ["slash"]
