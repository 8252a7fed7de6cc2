"""What of a view matters to the ear, as plain data both processes share: the kiosk compares it, the worker reads it.

A PIN never leaves the kiosk: `as_data` sends a masked field's value as the empty string. Whatever a screen can show
fits the line protocol (speech/protocol.py): `Seen.of` keeps every option and key, cuts only a body longer than any
screen's speech, and leaves out what no text can hold (a lone surrogate), so no screen is ever silent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gemilang_tui.flow import View


@dataclass(frozen=True)
class Field:
    """The field of a question, as heard: its label, what was typed, and how to read it back."""

    label: str
    value: str
    masked: bool = False
    digits_only: bool = True
    prefix: str = ""


@dataclass(frozen=True)
class Choice:
    """An option as heard: the key that chooses it ("1", "+"), its label and the hint beside it."""

    shown_key: str
    label: str
    hint: str = ""
    enabled: bool = True  # only enabled choices are kept; `normalise.script` reads this of a `View`'s options too


@dataclass(frozen=True)
class Key:
    """A key of the bottom line: its sign(s) as shown ("0 -", "*") and what it does there."""

    key: str
    label: str


#: Bounds of what one screen sends (speech/protocol.py refuses more): far beyond what a screen shows.
TEXT_LIMIT = 8000
ITEMS_LIMIT = 200
SPOKEN_LIMIT = 20000  # characters of body in all: a line of at most 256 KiB even when every one is escaped


@dataclass(frozen=True)
class Seen:
    """Highlight moves and re-renders leave it equal; `normalise.script` reads it as it reads a `View`."""

    title: str
    notice: str = ""
    question: str = ""
    body: tuple[str, ...] = ()
    big: str = ""
    prompt: Field | None = None
    error: str = ""
    options: tuple[Choice, ...] = ()
    page: str = ""
    keys: tuple[Key, ...] = ()

    @classmethod
    def of(cls, view: View) -> Seen:
        fit = _Room(SPOKEN_LIMIT).fit  # the options and keys first: they say what to do; the body gets the rest
        options = tuple(Choice(fit(option.shown_key, 40), fit(option.label), fit(option.hint))
                        for option in view.options if option.enabled)[:ITEMS_LIMIT]
        keys = tuple(Key(fit(hint.key, 40), fit(hint.label)) for hint in view.keys)[:ITEMS_LIMIT]
        prompt = view.prompt
        field = None
        if prompt is not None:
            field = Field(fit(prompt.label), fit(prompt.value), prompt.masked, prompt.digits_only,
                          fit(prompt.prefix, 40))
        title, notice, question, big, error, page = (fit(text) for text in (
            view.title, view.notice, view.question, view.big, view.error, view.page))
        return cls(title, notice, question, _body(view.body, fit), big, field, error, options, page, keys)

    def is_a_question(self) -> bool:
        return bool(self.options or self.prompt or self.question)

    def was_waiting(self, now: Seen) -> bool:
        """This was the 'please wait' or 'cannot be reached' state the screen showed before `now`, its content."""
        return not self.is_a_question() and (now.is_a_question() or not set(self.body) & set(now.body))

    def as_data(self) -> dict[str, Any]:
        """For the wire (speech/protocol.py): JSON types only, a masked value left out."""
        prompt = self.prompt
        return {
            "title": self.title, "notice": self.notice, "question": self.question, "body": list(self.body),
            "big": self.big, "error": self.error, "page": self.page,
            "options": [[choice.shown_key, choice.label, choice.hint] for choice in self.options],
            "keys": [[key.key, key.label] for key in self.keys],
            "prompt": None if prompt is None else {
                "label": prompt.label, "value": "" if prompt.masked else prompt.value, "masked": prompt.masked,
                "digits_only": prompt.digits_only, "prefix": prompt.prefix,
            },
        }


_SURROGATE = re.compile("[\ud800-\udfff]")


class _Room:
    """What is left of the characters one screen may send; each text takes its share, cut where none is left."""

    def __init__(self, characters: int) -> None:
        self.left = characters

    def fit(self, text: str, limit: int = TEXT_LIMIT) -> str:
        text = text[:max(0, min(limit, self.left))]
        self.left -= len(text)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate (a broken API string) is no text the wire takes: a space
            text = _SURROGATE.sub(" ", text)
        return text


def _body(lines: Sequence[str], fit: Callable[[str], str]) -> tuple[str, ...]:
    """The body's lines, a line longer than the wire takes cut into pieces, as many as there is room for."""
    pieces: list[str] = []
    for line in lines:
        while line and len(pieces) < ITEMS_LIMIT:
            piece = fit(line)
            if not piece:
                return tuple(pieces)
            pieces.append(piece)
            line = line[len(piece):]
    return tuple(pieces)
