"""The answers of a form: what each `Choice` offers, each `Answer` kept in the visit's draft, and `Answers`, the
draft as a service reads it."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

#: A text shown to the citizen: a callable (translated when shown: `L("…")`) or a plain string (data).
Label = str | Callable[[], str]


def text_of(label: Label | None) -> str:
    if label is None:
        return ""
    return label() if callable(label) else label


def short(text: str, width: int = 52) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"



@dataclass
class Choice:
    """One numbered answer of a `Choose`: the value kept, its label, and any data the payload needs later."""

    value: Any
    label: Label
    hint: Label = ""
    data: Any = None
    readback: Label | None = None  # how the check screen reads it back, when not the label itself


@dataclass
class Answer:
    """An answer in the draft: its value (None = skipped), how it is read back, and what was typed."""

    value: Any
    label: Label
    data: Any = None
    typed: str = ""
    own_words: bool = False
    private: Label | None = None  # how it is shown after sending (a masked NIK), when not the label

    @property
    def text(self) -> str:
        return text_of(self.label)

    @property
    def private_text(self) -> str:
        return text_of(self.private) if self.private is not None else self.text


class Answers(Mapping[str, Any]):
    """The draft as a service reads it: `answers["kecamatan"]` is the value; labels and data on request.

    Skipped answers are absent; with `only` given, so are the answers of questions that do not apply now.
    """

    def __init__(self, store: Mapping[str, Answer], only: set[str] | None = None, private: bool = False) -> None:
        self._store = store
        self._only = only
        self._private = private  # labels masked, for what is kept after sending (receipt, outbox)

    def answer(self, key: str) -> Answer | None:
        if self._only is not None and key not in self._only:
            return None
        found = self._store.get(key)
        return found if isinstance(found, Answer) else None

    def __getitem__(self, key: str) -> Any:
        found = self.answer(key)
        if found is None or found.value is None:
            raise KeyError(key)
        return found.value

    def __iter__(self) -> Iterator[str]:
        return (key for key in list(self._store) if self.answer(key) is not None and key in self)

    def __contains__(self, key: object) -> bool:
        found = self.answer(str(key))
        return found is not None and found.value is not None

    def __len__(self) -> int:
        return sum(1 for _key in self)

    def label(self, key: str) -> str:
        found = self.answer(key)
        if found is None:
            return ""
        return found.private_text if self._private else found.text

    def data(self, key: str) -> Any:
        found = self.answer(key)
        return found.data if found is not None else None

    def own_words(self, key: str) -> bool:
        found = self.answer(key)
        return bool(found and found.own_words)

