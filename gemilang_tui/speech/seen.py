"""What of a view matters to the ear, as plain data both processes share: the kiosk compares it, the worker reads it.

A PIN never leaves the kiosk: `as_data` sends a masked field's value as the empty string.
"""

from __future__ import annotations

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
    number: int
    label: str
    enabled: bool = True  # only enabled choices are kept; `normalise.script` reads this of a `View`'s options too


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

    @classmethod
    def of(cls, view: View) -> Seen:
        prompt = view.prompt
        field = Field(prompt.label, prompt.value, prompt.masked, prompt.digits_only, prompt.prefix) if prompt else None
        return cls(view.title, view.notice, view.question, tuple(view.body), view.big, field, view.error,
                   tuple(Choice(option.number, option.label) for option in view.options if option.enabled), view.page)

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
            "options": [[choice.number, choice.label] for choice in self.options],
            "prompt": None if prompt is None else {
                "label": prompt.label, "value": "" if prompt.masked else prompt.value, "masked": prompt.masked,
                "digits_only": prompt.digits_only, "prefix": prompt.prefix,
            },
        }
