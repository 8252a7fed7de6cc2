"""The kiosk's keys as data: what each key means on each kind of screen, and the legend that says so.

One table serves the key handler (screens/step.py) and the bottom line, so the legend never lists a key that does
nothing there. A 17-key numeric keypad is enough everywhere except in a letters field, where a keyboard is in use.
"""

from __future__ import annotations

from enum import Enum

from gemilang_tui.i18n import _

BACK_CHAR = "-"
HOME_CHAR = "/"
HELP_CHAR = "*"
DELETE_CHAR = "."
NEXT_PAGE_CHAR = "+"
DIGITS = frozenset("0123456789")


class Screen(Enum):
    """The kinds of screen as far as keys are concerned."""

    CHOICE = "choice"  # numbered options: digits choose, 0 is also "back"
    DIGITS = "digits"  # a field that takes digits: every digit types, 0 included
    LETTERS = "letters"  # a field that takes words: - . / * + are characters, so Esc, Home and F1 leave and help
    WAITING = "waiting"  # loading: back and home at once; any other key is held and applied once drawn


class Action(Enum):
    BACK = "back"
    HOME = "home"
    HELP = "help"
    ENTER = "enter"
    DELETE = "delete"
    NEXT_PAGE = "next_page"
    PREVIOUS_PAGE = "previous_page"
    UP = "up"
    DOWN = "down"


def action_of(kind: Screen, key: str, char: str) -> Action | None:
    """What a key does on this kind of screen (None: it is a character to type or a number to choose)."""
    if key == "escape":
        return Action.BACK
    if key == "home":
        return Action.HOME
    if key == "f1":
        return Action.HELP
    if key == "enter":
        return Action.ENTER
    if key in ("backspace", "delete"):
        return Action.DELETE if kind in (Screen.DIGITS, Screen.LETTERS) else None
    if key in ("pagedown", "right"):
        return Action.NEXT_PAGE
    if key in ("pageup", "left"):
        return Action.PREVIOUS_PAGE
    if key == "up":
        return Action.UP
    if key == "down":
        return Action.DOWN
    if kind is Screen.LETTERS:
        return None
    return {
        BACK_CHAR: Action.BACK,
        HOME_CHAR: Action.HOME,
        HELP_CHAR: Action.HELP,
        NEXT_PAGE_CHAR: Action.NEXT_PAGE,
        DELETE_CHAR: Action.DELETE if kind is Screen.DIGITS else None,
        "0": Action.BACK if kind in (Screen.CHOICE, Screen.WAITING) else None,
    }.get(char)


def legend(kind: Screen, *, can_go_back: bool = True, pages: bool = False,
           scrolls: bool = False) -> list[tuple[str, str]]:
    """The bottom line for this kind of screen: (key, what it does), only keys that work here."""
    hints: list[tuple[str, str]] = []
    if kind is Screen.LETTERS:
        hints.append((_("Enter"), _("Continue")))
        hints.append(("⌫", _("Delete")))
        if can_go_back:
            hints.append(("Esc", _("Back")))
        hints.append(("Home", _("Main Menu")))
        hints.append(("F1", _("Help")))
        return hints
    if kind is Screen.DIGITS:
        hints.append((_("Enter"), _("Continue")))
        hints.append((DELETE_CHAR, _("Delete")))
    if pages:
        hints.append((NEXT_PAGE_CHAR, _("Next page")))
    elif scrolls:
        hints.append((f"{NEXT_PAGE_CHAR} ↑↓", _("Scroll")))
    if can_go_back:
        hints.append((f"0 {BACK_CHAR}" if kind in (Screen.CHOICE, Screen.WAITING) else BACK_CHAR, _("Back")))
    hints.append((HOME_CHAR, _("Main Menu")))
    if kind is not Screen.WAITING:
        hints.append((HELP_CHAR, _("Help")))
    return hints
