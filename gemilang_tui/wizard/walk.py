"""Where a screen is in the walk (`Place`), what a question screen offers (`Pick`) and what a typing screen asks
(`Entry`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gemilang_tui.flow import Context, Next
from gemilang_tui.wizard.draft import Answer, Label


@dataclass(frozen=True)
class Place:
    """Forward through the questions (`edit` None), or changing one line of the check screen: which questions, and
    how many screens this change has pushed above the check screen (to know how to return to it)."""

    edit: tuple[str, ...] | None = None
    depth: int = 0

    def deeper(self) -> Place:
        return self if self.edit is None else Place(self.edit, self.depth + 1)


FORWARD = Place()


@dataclass
class Pick:
    """One numbered option of a question screen: commit an answer, or open another screen (typing, a notice)."""

    label: Label
    hint: Label = ""
    answer: Answer | None = None
    open: Next | None = None  # None from `open` shows the same question again (it changed itself)
    current: bool = False


@dataclass
class Entry:
    """What a typing screen asks: the question, the field's label, and how to read what was typed."""

    question: Label
    label: Label
    parse: Callable[[Context, str], Answer]
    digits_only: bool = True
    max_length: int = 24
    example: Label | None = None
    prefix: str = ""

