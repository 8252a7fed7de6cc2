"""A refused typed answer empties its field: the next key starts a new answer, and what was refused is said beside
the message (never for a masked field such as a PIN)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gemilang_tui.flow import Ask, FieldError


def refusing(masked: bool = False, digits_only: bool = True) -> Ask:
    def parse(text: str) -> str:
        raise FieldError("Tidak bisa dipakai.")

    return Ask(title=lambda: "", question=lambda: "", label=lambda: "Isian", parse=parse,
               then=lambda ctx, value: None, masked=masked, digits_only=digits_only, max_length=40)


@given(st.text(alphabet="0123456789", min_size=1, max_size=40), st.sampled_from("0123456789"))
def test_a_refused_answer_is_emptied_and_said_back(typed, next_key):
    field = refusing()
    for char in typed:
        field.type(char)
    assert field.submit() is None
    assert field.value == ""
    assert field._error_shown() == f"Tidak bisa dipakai. Yang Anda ketik: {typed}"
    field.type(next_key)
    assert field.value == next_key and field.error == "" and field._error_shown() == ""


@given(st.text(alphabet="0123456789", min_size=1, max_size=12))
def test_a_refused_pin_is_emptied_and_never_said_back(typed):
    field = refusing(masked=True)
    for char in typed:
        field.type(char)
    field.submit()
    assert field.value == "" and typed not in field._error_shown()


@given(st.text(alphabet="abcdefghij XYZ-", min_size=1, max_size=40))
def test_refused_words_are_emptied_too(typed):
    field = refusing(digits_only=False)
    for char in typed:
        field.type(char)
    field.submit()
    assert field.value == "" and field.refused == typed


def test_a_pin_field_is_empty_whenever_it_is_shown_again():
    field = refusing(masked=True)
    for char in "1234":
        field.type(char)
    field.left_forward()
    assert field.value == ""
    for char in "99":
        field.type(char)
    field.returned()
    assert field.value == "" and field.typing
