"""The speech line protocol reads bytes it cannot trust: anything decodes to a message or to None, never an error."""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from gemilang_tui.speech.protocol import MAX_LINE, MAX_TEXT, Say, Status, Stop, decode, encode, read_lines
from gemilang_tui.speech.seen import Choice, Field, Key, Seen

texts = st.text(max_size=60).filter(lambda text: not any(0xD800 <= ord(char) <= 0xDFFF for char in text))
locales = st.sampled_from(["id", "en"]) | texts.filter(lambda text: len(text) <= 16)
ids = st.integers(min_value=0, max_value=2**53 - 1)
fields = st.builds(Field, texts, texts, st.just(False), st.booleans(), texts.filter(lambda text: len(text) <= 40))
seens = st.builds(Seen, texts, texts, texts, st.lists(texts, max_size=5).map(tuple), texts,
                  st.none() | fields, texts,
                  st.lists(st.builds(Choice, st.sampled_from(["1", "9", "+", "0 -"]), texts, texts),
                           max_size=9).map(tuple), texts,
                  st.lists(st.builds(Key, st.sampled_from(["0 -", "/", "*", ".", "Enter"]), texts),
                           max_size=6).map(tuple))
says = st.one_of(
    st.builds(Say, ids, st.just("all"), locales, st.integers(0, 100), st.booleans(), seens, st.none() | seens),
    st.builds(Say, ids, st.sampled_from(["echo", "changed"]), locales, st.integers(0, 100), st.booleans(), seens,
              seens),
    st.builds(Say, ids, st.just("sentence"), locales, st.integers(0, 100), st.booleans(), st.none() | seens,
              st.none() | seens, texts),
)
messages = says | st.builds(Stop, ids) | st.builds(Status, texts, texts)
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                                        max_size=4), max_leaves=20)
KEYS = ["op", "id", "kind", "locale", "volume", "now", "seen", "before", "text", "engine", "problem", "title", "body",
        "prompt", "options", "label", "value", "masked"]


@given(messages)
def test_every_message_survives_the_wire(message):
    line = encode(message)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert decode(line) == message


@given(st.binary(max_size=400))
def test_any_bytes_are_a_message_or_none(raw):
    assert decode(raw) is None or isinstance(decode(raw), Say | Stop | Status)


@given(st.dictionaries(st.sampled_from(KEYS), json_values, max_size=8), st.sampled_from(["say", "stop", "status"]))
def test_any_json_object_is_a_message_or_none(data, op):
    data["op"] = op
    message = decode(json.dumps(data).encode())
    assert message is None or isinstance(message, Say | Stop | Status)


@given(messages, st.sampled_from(["id", "kind", "volume", "now", "seen", "before", "engine"]), json_values)
def test_a_changed_field_is_a_valid_message_or_none(message, key, value):
    data = json.loads(encode(message))
    if key in data:
        data[key] = value
    decoded = decode(json.dumps(data).encode())
    assert decoded is None or isinstance(decoded, type(message))
    if isinstance(decoded, Say):
        assert 0 <= decoded.volume <= 100 and decoded.kind in ("all", "echo", "sentence", "changed")
        assert decoded.kind == "sentence" or decoded.seen is not None


def test_what_is_refused():
    say = json.loads(encode(Say(1, "all", "id", 70, seen=Seen("Menu Utama"))))
    for change in ({"volume": 101}, {"volume": True}, {"id": -1}, {"kind": "shout"}, {"seen": None},
                   {"now": 1}, {"locale": "x" * 17}, {"text": "a" * (MAX_TEXT + 1)}, {"seen": {"body": ["a"] * 201}},
                   {"seen": {"title": "\ud800"}}, {"seen": {"options": [["1", "a"]]}},
                   {"seen": {"options": [[1, "a", "b"]]}}, {"seen": {"keys": [["-", "a", "b"]]}}):
        assert decode(json.dumps({**say, **change}).encode()) is None, change
    assert decode(json.dumps({**say, "kind": "echo"}).encode()) is None  # an echo needs what was there before
    assert decode(b"[1, 2]") is None and decode(b"\xff\xfe") is None and decode(b"[" * 100_000) is None


def test_a_pin_never_goes_on_the_wire():
    seen = Seen("PIN", prompt=Field("PIN", "4321", masked=True))
    assert b"4321" not in encode(Say(1, "echo", "id", 70, seen=seen, before=seen))


def test_an_overlong_line_is_skipped_whole_and_reading_goes_on():
    stream = io.BytesIO(encode(Stop(1)) + b"x" * (MAX_LINE * 2 + 5) + b"\n" + encode(Stop(2)) + b"no end")
    assert [decode(line) for line in read_lines(stream)] == [Stop(1), Stop(2)]
