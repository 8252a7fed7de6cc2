"""The headless vocabulary of a visit: numbered choices, paged lists, details, questions and lookups.

A service declares its flow with these steps; the screens render any step from the plain `View` it describes.
Nothing here imports Textual, so the same declarations can drive other faces (speech, USSD) later.
Every text is produced at `view()` time through `_()`, so a language switch re-renders in the new language.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from gemilang_tui.i18n import _

if TYPE_CHECKING:
    from gemilang_tui.api.client import GemilangApi
    from gemilang_tui.config import Settings
    from gemilang_tui.session import Visit

T = TypeVar("T")
MAX_OPTIONS = 9
PAGE_SIZE = 7  # 7 items + "8 Sebelumnya" + "9 Berikutnya": every page reachable by number keys alone
PREVIOUS_NUMBER = 8
NEXT_NUMBER = 9


@dataclass
class Context:
    """What a step may use: the citizen's visit, the API, the settings."""

    visit: Visit
    api: GemilangApi
    settings: Settings
    services: dict[str, Any] = field(default_factory=dict)

    @property
    def today(self):
        return self.settings.today_or_real()


Next = Callable[[Context], "Step | Awaitable[Step]"]


class Back:
    """Returned by a transition to go back one step instead of forward."""


class Home:
    """Returned by a transition to return to the Menu Utama."""


BACK = Back()
HOME = Home()


async def resolve(next_step: Next, ctx: Context) -> Step | Back | Home:
    """Call a transition, awaiting it when it is asynchronous."""
    result = next_step(ctx)
    if inspect.isawaitable(result):
        result = await result
    return result


class FieldError(ValueError):
    """A typed answer cannot be used; the message is already in plain words for the citizen."""


@dataclass
class Option:
    """One numbered choice. `number` is given by the step when it is shown."""

    label: str
    then: Next | None = None
    hint: str = ""
    number: int = 0
    enabled: bool = True


@dataclass
class KeyHint:
    key: str
    label: str


@dataclass
class Prompt:
    """The field of a question: what was typed so far and how to show it."""

    label: str
    value: str
    digits_only: bool = True
    prefix: str = ""
    max_length: int = 40
    masked: bool = False

    @property
    def shown(self) -> str:
        """What the field shows: the typed text, or dots for a PIN."""
        return self.prefix + ("●" * len(self.value) if self.masked else self.value)


@dataclass
class View:
    """Everything a screen shows, as plain data: the basis for every face and for speech."""

    title: str
    question: str = ""
    body: list[str] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)
    keys: list[KeyHint] = field(default_factory=list)
    page: str = ""
    error: str = ""
    notice: str = ""
    prompt: Prompt | None = None
    big: str = ""
    scrollable: bool = False

    def as_text(self) -> str:
        """The screen as plain text, in reading order: title, question, body, options, keys."""
        lines = [self.title]
        if self.notice:
            lines.append(self.notice)
        if self.question:
            lines.append(self.question)
        lines.extend(self.body)
        if self.big:
            lines.append(self.big)
        if self.prompt is not None:
            lines.append(f"{self.prompt.label}: {self.prompt.shown}")
        if self.error:
            lines.append(self.error)
        lines.extend(f"{option.number} {option.label}" for option in self.options)
        if self.page:
            lines.append(self.page)
        lines.append(" · ".join(f"{hint.key} {hint.label}" for hint in self.keys))
        return "\n".join(line for line in lines if line)


def standard_keys(*extra: KeyHint, typing: bool = False) -> list[KeyHint]:
    """The key legend every screen ends with."""
    hints = list(extra)
    if typing:
        hints.append(KeyHint(_("Enter"), _("Continue")))
        hints.append(KeyHint(".", _("Delete")))
        hints.append(KeyHint("0", _("Back (when empty)")))
    else:
        hints.append(KeyHint("0", _("Back")))
    hints.append(KeyHint("/", _("Main Menu")))
    hints.append(KeyHint("*", _("Help")))
    return hints


def number_options(options: Sequence[Option], start: int = 1) -> list[Option]:
    for offset, option in enumerate(options):
        option.number = start + offset
    return list(options)


class Step:
    """A screen's worth of a visit. Subclasses describe themselves with `view()`."""

    #: True when the step must fetch data (in a worker) before it can be shown.
    loads = False
    #: True when digit keys type into a field instead of choosing an option.
    typing = False

    async def load(self, ctx: Context) -> None:  # pragma: no cover - overridden where loads is True
        """Fetch what the step shows. Raises `ApiError` on failure."""

    def view(self, ctx: Context) -> View:
        raise NotImplementedError

    def choose(self, ctx: Context, number: int) -> Next | None:
        """The transition for a number key, or None when the number means nothing here."""
        for option in self.view(ctx).options:
            if option.number == number and option.enabled:
                return option.then
        return None

    def turn_page(self, delta: int) -> bool:
        """Move to the next/previous page; False when there is none."""
        return False


class Menu(Step):
    """A numbered choice: the Menu Utama, a group, a 'what do you want to do' screen."""

    def __init__(
        self,
        title: Callable[[], str],
        options: Callable[[Context], Sequence[Option]],
        question: Callable[[], str] | None = None,
        body: Callable[[Context], Sequence[str]] | None = None,
    ) -> None:
        self._title = title
        self._options = options
        self._question = question
        self._body = body

    def view(self, ctx: Context) -> View:
        options = number_options(self._options(ctx)[:MAX_OPTIONS])
        return View(
            title=self._title(),
            question=self._question() if self._question else _("Press the number of your choice."),
            body=list(self._body(ctx)) if self._body else [],
            options=options,
            keys=standard_keys(),
        )


class Notice(Step):
    """Text to read, with a way back: 'segera hadir', a piece of information, an emergency number list."""

    def __init__(
        self,
        title: Callable[[], str],
        body: Callable[[Context], Sequence[str]],
        options: Callable[[Context], Sequence[Option]] | None = None,
    ) -> None:
        self._title = title
        self._body = body
        self._options = options

    def view(self, ctx: Context) -> View:
        options = number_options(self._options(ctx)) if self._options else []
        return View(
            title=self._title(),
            body=list(self._body(ctx)),
            options=options,
            keys=standard_keys(KeyHint("↑↓", _("Scroll"))),
            scrollable=True,
        )


@dataclass
class Content:
    """What a detail shows once loaded: lines to read and the choices that follow."""

    body: list[str]
    options: list[Option] = field(default_factory=list)
    title: str = ""
    big: str = ""


class Detail(Step):
    """A record fetched from the API and shown as lines (an article, a place, a tax bill)."""

    loads = True

    def __init__(self, title: Callable[[], str], fetch: Callable[[Context], Awaitable[Any]],
                 render: Callable[[Context, Any], Content]) -> None:
        self._title = title
        self._fetch = fetch
        self._render = render
        self.data: Any = None

    async def load(self, ctx: Context) -> None:
        self.data = await self._fetch(ctx)

    def view(self, ctx: Context) -> View:
        content = self._render(ctx, self.data)
        return View(
            title=content.title or self._title(),
            body=content.body,
            options=number_options(content.options),
            big=content.big,
            keys=standard_keys(KeyHint("↑↓", _("Scroll"))),
            scrollable=True,
        )


@dataclass
class Page(Generic[T]):
    """One page of a list as the API returns it."""

    items: list[T]
    total: int


class PagedList(Step, Generic[T]):
    """A long list shown seven at a time, with 8 = previous page and 9 = next page."""

    loads = True

    def __init__(
        self,
        title: Callable[[], str],
        fetch: Callable[[Context, int, int], Awaitable[Page[T]]],
        label: Callable[[T], str],
        open_item: Callable[[T], Next],
        hint: Callable[[T], str] | None = None,
        question: Callable[[], str] | None = None,
        empty: Callable[[], str] | None = None,
    ) -> None:
        self._title = title
        self._fetch = fetch
        self._label = label
        self._open = open_item
        self._hint = hint
        self._question = question
        self._empty = empty
        self.page_number = 1
        self.page: Page[T] | None = None

    @property
    def page_count(self) -> int:
        if self.page is None:
            return 1
        return max(1, math.ceil(self.page.total / PAGE_SIZE))

    async def load(self, ctx: Context) -> None:
        self.page = await self._fetch(ctx, self.page_number, PAGE_SIZE)

    def turn_page(self, delta: int) -> bool:
        target = self.page_number + delta
        if self.page is None or not 1 <= target <= self.page_count:
            return False
        self.page_number = target
        return True

    def view(self, ctx: Context) -> View:
        items = self.page.items if self.page else []
        options = [
            Option(self._label(item), self._open(item), hint=self._hint(item) if self._hint else "")
            for item in items
        ]
        number_options(options)
        if self.page_number > 1:
            options.append(Option(_("Previous page"), number=PREVIOUS_NUMBER))
        if self.page_number < self.page_count:
            options.append(Option(_("Next page"), number=NEXT_NUMBER))
        body = [] if items else [self._empty() if self._empty else _("There is nothing to show yet.")]
        page = ""
        if self.page_count > 1:
            page = _("Page {page} of {pages}").format(page=self.page_number, pages=self.page_count)
        return View(
            title=self._title(),
            question=self._question() if self._question else _("Press the number of your choice."),
            body=body,
            options=options,
            page=page,
            keys=standard_keys(),
        )

    def choose(self, ctx: Context, number: int) -> Next | None:
        if number == PREVIOUS_NUMBER and self.page_number > 1:
            return _turn(self, -1)
        if number == NEXT_NUMBER and self.page_number < self.page_count:
            return _turn(self, +1)
        return super().choose(ctx, number)


class TurnPage(Step):
    """Not shown: tells the screen to reload the same list at another page."""

    def __init__(self, target: PagedList[Any], delta: int) -> None:
        self.target = target
        self.delta = delta


def _turn(step: PagedList[Any], delta: int) -> Next:
    return lambda ctx: TurnPage(step, delta)


class Ask(Step):
    """One question answered by typing (digits on the keypad, or text for those who can type).

    `parse` turns what was typed into a value or raises `FieldError` with a plain message; `then` gets the value
    and returns the next step (it may call the API: an `ApiNotFound` there shows `not_found` and keeps the answer).
    """

    typing = True

    def __init__(
        self,
        title: Callable[[], str],
        question: Callable[[], str],
        label: Callable[[], str],
        parse: Callable[[str], Any],
        then: Callable[[Context, Any], Step | Awaitable[Step]],
        digits_only: bool = True,
        max_length: int = 24,
        prefix: str = "",
        hint: Callable[[], str] | None = None,
        not_found: Callable[[str], str] | None = None,
        initial: str = "",
        masked: bool = False,
    ) -> None:
        self._title = title
        self._question = question
        self._label = label
        self._parse = parse
        self._then = then
        self.digits_only = digits_only
        self.max_length = max_length
        self.prefix = prefix
        self._hint = hint
        self._not_found = not_found
        self.value = initial
        self.masked = masked
        self.error = ""

    def type(self, char: str) -> None:
        if self.digits_only and not char.isdigit():
            return
        if len(self.value) < self.max_length:
            self.value += char
            self.error = ""

    def delete(self) -> None:
        self.value = self.value[:-1]
        self.error = ""

    def submit(self) -> Next | None:
        """Validate what was typed; on success, the transition to the next step."""
        try:
            parsed = self._parse(self.value)
        except FieldError as problem:
            self.error = str(problem)
            return None
        self.error = ""
        return lambda ctx: self._then(ctx, parsed)

    def not_found_message(self) -> str:
        if self._not_found:
            return self._not_found(self.value)
        return _("Nothing was found for {value}. Check the number and try again.").format(value=self.value)

    def view(self, ctx: Context) -> View:
        return View(
            title=self._title(),
            question=self._question(),
            body=[self._hint()] if self._hint else [],
            prompt=Prompt(self._label(), self.value, self.digits_only, self.prefix, self.max_length, self.masked),
            error=self.error,
            keys=standard_keys(typing=True),
        )
