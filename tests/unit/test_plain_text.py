"""The boundary for text from outside: whatever a server, a fixture set or a keyboard sends, what is kept holds no
byte that drives a terminal or a printer, no bidi or invisible character, and not the kiosk's token."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gemilang_tui.domain.plain_text import HIDDEN, cleaned, is_plain, plain, without_secrets
from gemilang_tui.printing.render import printable, wrap

#: Everything the boundary promises to remove.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\ud800-\udfff]"
)
HOSTILE = ["\x1b]0;PWNED\x07", "\x1b[2J", "\x1b[10;10H", "\x9b", "\u202e", "\u2066", "\u200b", "\ufeff", "\x00",
           "\r", "\t", "\x7f", "\u061c", "\ud800"]
#: Text with the hostile pieces mixed in often enough to matter.
TEXT = st.lists(st.sampled_from(HOSTILE) | st.text(max_size=6), max_size=12).map("".join)
TOKEN = "kiosk-rahasia-7f3a9c"
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(TEXT, inner, max_size=5),
    max_leaves=30,
)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, inner in value.items() for s in _strings(key) + _strings(inner)]
    if isinstance(value, list):
        return [s for inner in value for s in _strings(inner)]
    return []


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_plain_text_holds_no_control_bidi_or_invisible_character(text):
    result = plain(text)
    assert not FORBIDDEN.search(result.replace("\n", ""))
    assert "\t" not in result and "\r" not in result


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_plain_is_idempotent_and_keeps_every_visible_character(text):
    result = plain(text)
    assert plain(result) == result and is_plain(result)
    if any(introducer in text for introducer in "\x1b\x90\x98\x9b\x9d\x9e\x9f"):
        return  # a terminal sequence (CSI, DCS, SOS, OSC, PM, APC) goes with its parameters
    visible = [char for char in text if char.isprintable() and char != " "]
    assert [char for char in result if char.isprintable() and char != " "] == visible


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_without_line_breaks_is_one_line(text):
    assert "\n" not in plain(text, line_breaks=False)


def test_line_breaks_are_kept_as_line_breaks_and_tabs_become_spaces():
    assert plain("Baris satu\r\nBaris dua\rtiga\u2028empat\tlima") == "Baris satu\nBaris dua\ntiga\nempat lima"


def test_the_escape_sequences_of_the_issue_go_whole():
    assert plain("Tagihan \x1b]0;PWNED\x07Rp0\x1b[2J\x1b[10;10HLUNAS\x9b2J\u202eabc\x1b]8;;x\x1b\\y\x1bc") == (
        "Tagihan Rp0LUNASabcy")
    assert plain("\x1b]0;tidak selesai") == "0;tidak selesai"  # unterminated: ESC ] goes as a two-byte sequence


@settings(max_examples=300, deadline=None)
@given(JSON, st.sampled_from(["", "Bearer ", "Authorization: Bearer ", "authorization=", "BEARER\t"]),
       st.integers(min_value=0, max_value=3))
def test_cleaned_json_keeps_its_shape_and_no_string_holds_the_token_or_a_control(data, prefix, where):
    poisoned = _poison(data, prefix + TOKEN, where)
    result = cleaned(poisoned, [TOKEN])
    assert _shape(result) == _shape(poisoned)
    for text in _strings(result):
        assert TOKEN not in text
        assert not FORBIDDEN.search(text.replace("\n", ""))
    json.dumps(result, ensure_ascii=False).encode("utf-8")  # storable: no lone surrogate is left


def test_a_token_split_by_an_invisible_character_is_still_found():
    assert TOKEN not in cleaned({"a": "kiosk-rahasia\u200b-7f3a9c"}, [TOKEN])["a"]


def test_any_bearer_value_is_hidden_even_without_the_configured_token():
    assert without_secrets("Header: Bearer abc.DEF-123_xyz= ok") == f"Header: {HIDDEN} ok"
    assert without_secrets("2026-11-28Bearer " + TOKEN, [TOKEN]) == "2026-11-28"  # a value reads as it was
    assert without_secrets("authorization: Basic dXNlcjpwYXNz") == HIDDEN
    assert without_secrets("Token listrik Anda 1234 5678 9012") == "Token listrik Anda 1234 5678 9012"


def _poison(value, secret: str, where: int):
    if isinstance(value, str):
        return [value + secret, secret + value, value, value.replace("", secret[:1])][where]
    if isinstance(value, dict):
        return {_poison(key, secret, where): _poison(inner, secret, where) for key, inner in value.items()}
    if isinstance(value, list):
        return [_poison(inner, secret, where) for inner in value]
    return value


def _shape(value):
    if isinstance(value, dict):
        return "dict"  # two keys may become one once cleaned
    if isinstance(value, list):
        return ["list", *[_shape(inner) for inner in value]]
    return "str" if isinstance(value, str) else value


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_printable_keeps_only_printable_ascii_and_line_breaks(text):
    result = printable(text)
    assert all(char == "\n" or " " <= char <= "~" for char in result)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.integers(min_value=8, max_value=48))
def test_wrapped_receipt_lines_hold_no_control_byte_and_fit_the_paper(text, width):
    for line in wrap(text, width):
        assert len(line) <= width
        assert all(" " <= char <= "~" for char in line)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_a_words_field_never_keeps_a_control_bidi_or_invisible_character(typed):
    from gemilang_tui.flow import Ask

    field = Ask(title=lambda: "t", question=lambda: "q", label=lambda: "Nama", parse=str,
                then=lambda ctx, value: None, digits_only=False, max_length=10_000)
    for char in typed:
        field.type(char)
    assert is_plain(field.value, line_breaks=False)
    assert field.error is None or is_plain(field.error)
