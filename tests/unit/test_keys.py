"""The key table: one key means back everywhere, digits type in fields, and the legend lists only working keys."""

from __future__ import annotations

import pytest

from gemilang_tui.keys import Action, Screen, action_of, legend

ALL = list(Screen)


@pytest.mark.parametrize("kind", ALL)
def test_escape_is_back_on_every_kind_of_screen(kind):
    assert action_of(kind, "escape", "") is Action.BACK


@pytest.mark.parametrize("kind", [Screen.CHOICE, Screen.DIGITS, Screen.WAITING])
def test_minus_is_back_wherever_a_numpad_is_enough(kind):
    assert action_of(kind, "minus", "-") is Action.BACK


@pytest.mark.parametrize("digit", "0123456789")
def test_in_a_field_every_digit_is_a_digit(digit):
    for kind in (Screen.DIGITS, Screen.LETTERS):
        assert action_of(kind, digit, digit) is None  # typed, nothing else


def test_zero_is_back_only_where_nothing_can_be_typed():
    assert action_of(Screen.CHOICE, "0", "0") is Action.BACK
    assert action_of(Screen.WAITING, "0", "0") is Action.BACK
    assert action_of(Screen.DIGITS, "0", "0") is None


@pytest.mark.parametrize("char", "-./*+@_%")
def test_in_a_words_field_signs_are_characters(char):
    assert action_of(Screen.LETTERS, char, char) is None


def test_in_a_words_field_the_keyboard_keys_leave_help_and_go_home():
    assert action_of(Screen.LETTERS, "home", "") is Action.HOME
    assert action_of(Screen.LETTERS, "f1", "") is Action.HELP
    words = dict(legend(Screen.LETTERS))
    assert {"Esc", "Home", "F1"} <= set(words)
    assert not {"-", "/", "*", "0 -"} & set(words)


def test_each_legend_lists_only_keys_that_work_there():
    for kind in ALL:
        for key, _label in legend(kind, pages=True, scrolls=False):
            for single in key.split(" "):
                if single in {"Enter", "⌫", "Esc", "Home", "F1"}:
                    continue
                action = action_of(kind, {"Enter": "enter"}.get(single, single), single)
                assert action is not None, f"{single!r} is in the legend of {kind} but does nothing"
    assert "0 -" not in dict(legend(Screen.DIGITS)) and "-" in dict(legend(Screen.DIGITS))
    assert "*" not in dict(legend(Screen.WAITING))


def test_no_back_key_is_shown_where_there_is_nowhere_to_go():
    keys = dict(legend(Screen.CHOICE, can_go_back=False))
    assert "0 -" not in keys and "/" in keys


def test_plus_turns_the_page_and_is_never_a_digit():
    assert action_of(Screen.CHOICE, "plus", "+") is Action.NEXT_PAGE
    assert action_of(Screen.CHOICE, "pageup", "") is Action.PREVIOUS_PAGE
    assert action_of(Screen.CHOICE, "9", "9") is None and action_of(Screen.CHOICE, "8", "8") is None
