"""The headless vocabulary of a visit: numbered choices, paged lists, details, questions and lookups.

A service declares its flow with these steps; the screens render any step from the plain `View` it describes.
Nothing here imports Textual, so the same declarations can drive other faces (speech, USSD) later.
Every text is produced at `view()` time through `_()`, so a language switch re-renders in the new language.
"""

from __future__ import annotations

import inspect
import logging
import math
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar

from gemilang_tui.domain.plain_text import is_plain
from gemilang_tui.i18n import _

if TYPE_CHECKING:
    from datetime import date

    from gemilang_tui.api.client import GemilangApi
    from gemilang_tui.catalog import Catalogue
    from gemilang_tui.config import Settings
    from gemilang_tui.sending import Submissions
    from gemilang_tui.session import Visit
    from gemilang_tui.speech.voice import Voice

T = TypeVar("T")
MAX_OPTIONS = 9
PAGE_SIZE = 7  # 7 items and "+ Halaman berikutnya" keep every option of a page in sight on 80x24 and 60x16
NEXT_PAGE_KEY = "+"  # digits always choose content; "+" turns the page (after the last page, back to the first)


@dataclass(frozen=True)
class AttendantDesk:
    """What the attendant's panel may do to the kiosk: the app supplies these callables."""

    check_pin: Callable[[str], bool]  # called from a worker thread
    pin_wait_seconds: Callable[[], int]
    has_pin: Callable[[], bool]
    set_language: Callable[[str], None]
    idle_paused: Callable[[], bool]
    pause_idle: Callable[[bool], None]
    close_app: Callable[[], None]


log = logging.getLogger(__name__)


@dataclass
class Context:
    """What a step may use: the citizen's visit, the API, the settings, and what the kiosk runs beside them."""

    visit: Visit
    api: GemilangApi
    settings: Settings
    catalogue: Catalogue | None = None  # the API's, once it has answered (`services.home.catalogue_of`)
    desk: AttendantDesk | None = None  # given by the app; None where no app runs (tests, other faces)
    voice: Voice | None = None  # once the kiosk has painted
    assisted: bool = False  # the attendant types for this citizen: submissions are marked so

    @cached_property
    def submissions(self) -> Submissions:
        """The kiosk's one outbox and sender (built on first use: none of it before the first paint)."""
        from gemilang_tui.sending import Submissions

        return Submissions(self.settings, self.api)

    @property
    def today(self) -> date:
        return self.settings.today_or_real()


class Nav(Enum):
    """Where a transition goes instead of a new step: back one step, the Menu Utama, or the end of the visit."""

    BACK = "back"
    HOME = "home"
    END = "end"  # "Selesai": everything of this citizen is forgotten and the welcome screen shows


#: Where a transition leads, all a screen accepts: the next step, a `Nav`, or None to show the same step again
#: (it changed itself).
Arrival: TypeAlias = "Step | Nav | None"
#: A transition, sync or async.
Next: TypeAlias = Callable[[Context], "Arrival | Awaitable[Arrival]"]


async def resolve(next_step: Next, ctx: Context) -> Arrival:
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
    key: str = ""  # shown instead of the number for a key that is not a digit ("+ Halaman berikutnya")

    @property
    def shown_key(self) -> str:
        return self.key or str(self.number)


@dataclass
class Doing:
    """A transition that says what it is doing while it runs ("Printing…"), where the screen would otherwise say
    it is loading."""

    what: Callable[[], str]
    then: Next

    def __call__(self, ctx: Context) -> Arrival | Awaitable[Arrival]:
        return self.then(ctx)


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
    pages: bool = False  # "+" turns the page here
    figure: str = ""  # the one figure that matters (an amount due), drawn in big digits on a large screen

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
        lines.extend(f"{option.shown_key} {option.label}" for option in self.options)
        if self.page:
            lines.append(self.page)
        lines.append(" · ".join(f"{hint.key} {hint.label}" for hint in self.keys))
        return "\n".join(line for line in lines if line)


def standard_keys(*extra: KeyHint, typing: bool = False) -> list[KeyHint]:
    """Hints a step adds to the bottom line; the screen adds the keys of its kind (`gemilang_tui.keys.legend`)."""
    return list(extra)


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
    #: With `typing`: True when the field takes digits only (False: words, on a keyboard).
    digits_only = True
    #: True for the welcome screen: whenever it is shown, however it was reached, the visit is over.
    ends_visit = False
    #: True for a door such as the attendant's PIN: the next screen takes its place, so leaving that screen leaves
    #: the door shut behind it (the PIN is asked again).
    replaced_by_next = False

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
        """Move to the next/previous page (wrapping round); False when there is only one."""
        return False

    def back(self) -> bool:
        """Handle the back key inside the step (a mode of the same screen); False: leave the screen."""
        return False

    def left_forward(self) -> None:
        """The citizen went on from this step to the next one (so coming back is a return, not a first visit)."""


def wrap_page(current: int, delta: int, count: int) -> int:
    """The page after `current` by `delta`, wrapping round: after the last page comes the first."""
    return (current - 1 + delta) % max(1, count) + 1


def next_page_option() -> Option:
    """The line that says "+" turns the page; it is never a digit, so digits always mean content."""
    return Option(_("Next page"), number=-1, key=NEXT_PAGE_KEY)


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
        self._told_empty = False

    def view(self, ctx: Context) -> View:
        options = number_options(self._options(ctx)[:MAX_OPTIONS])
        body = list(self._body(ctx)) if self._body else []
        if not options:  # never an empty screen: say so plainly, and tell the log who has nothing to list
            if not self._told_empty:
                self._told_empty = True
                log.error("menu %r has no choices to show", self._title())
            body += [_("This service is not available at the moment."),
                     _("Please try again later, or ask the officer at the counter for help.")]
        return View(
            title=self._title(),
            question=self._question() if self._question else _("Press the number of your choice."),
            body=body,
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
            keys=standard_keys(),
            scrollable=True,
        )


@dataclass
class Content:
    """What a detail shows once loaded: lines to read and the choices that follow."""

    body: list[str]
    options: list[Option] = field(default_factory=list)
    title: str = ""
    big: str = ""
    figure: str = ""


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
            figure=content.figure,
            keys=standard_keys(),
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
        page = await self._fetch(ctx, self.page_number, PAGE_SIZE)
        # A server that ignores per_page never fills the screen: what is shown is always one page.
        self.page = Page(page.items[:PAGE_SIZE], page.total) if len(page.items) > PAGE_SIZE else page
        if not self.page.items:  # the screen says so in words (`empty`); the log keeps it for the attendant
            log.warning("list %r has nothing on page %d", self._title(), self.page_number)

    def turn_page(self, delta: int) -> bool:
        if self.page is None or self.page_count <= 1:
            return False
        self.page_number = wrap_page(self.page_number, delta, self.page_count)
        return True

    def view(self, ctx: Context) -> View:
        items = self.page.items if self.page else []
        options = [
            Option(self._label(item), self._open(item), hint=self._hint(item) if self._hint else "")
            for item in items
        ]
        number_options(options)
        if self.page_count > 1:
            options.append(next_page_option())
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
            pages=self.page_count > 1,
            keys=standard_keys(),
        )


#: What a letters field takes besides letters and digits (names, addresses, e-mail addresses, free words).
TEXT_CHARACTERS = frozenset(" -/.,'()@&:_%+#\"!?;")


class Ask(Step):
    """One question answered by typing (digits on the keypad, or words for those who can type).

    `parse` turns what was typed into a value or raises `FieldError` with a plain message; `then` gets the value
    and returns the next step (it may call the API: an `ApiNotFound` there shows `not_found` and keeps the answer).
    Every key the field refuses (a letter in a digits field, one digit too many) says so on the screen.
    Coming back to a field that holds an answer shows a choice, never the field itself ("1 Pakai Rp380.000.000 ·
    2 Ketik ulang"), so that pressing back again and again never adds a digit to an answer.
    """

    def __init__(
        self,
        title: Callable[[], str],
        question: Callable[[], str],
        label: Callable[[], str],
        parse: Callable[[str], Any],
        then: Callable[[Context, Any], Arrival | Awaitable[Arrival]],
        digits_only: bool = True,
        max_length: int = 24,
        prefix: str = "",
        hint: Callable[[], str] | None = None,
        not_found: Callable[[str], str] | None = None,
        initial: str = "",
        masked: bool = False,
        allowed: frozenset[str] = TEXT_CHARACTERS,
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
        self.allowed = allowed
        self.error = ""
        self.refused = ""  # the answer last refused, shown beside its message (never for a masked field)
        self.reviewing = bool(initial) and not masked
        self._went_on = False

    @property
    def typing(self) -> bool:  # type: ignore[override]
        return not self.reviewing

    def shown(self, value: str) -> str:
        """What the field shows for what was typed (a subclass groups it: NOP dots, rupiah, a reference)."""
        return value

    def type(self, char: str) -> None:
        """One key typed: kept, or refused with a sentence saying why and what to do."""
        self.refused = ""
        if not char or not is_plain(char, line_breaks=False):
            return  # a control, bidi or invisible character is never kept, nor echoed in a refusal
        if self.digits_only and not char.isdigit():
            self.error = _("Only digits can be typed here. Press . to delete a digit.")
            return
        if not self.digits_only and not (char.isalnum() or char in self.allowed):
            self.error = _("The sign {char} cannot be used here.").format(char=char)
            return
        if len(self.value) >= self.max_length:
            if self.digits_only:
                self.error = _("{label} has at most {count} digits. Press . to delete a digit.").format(
                    label=self._label(), count=self.max_length)
            else:
                self.error = _("{label} has at most {count} letters.").format(label=self._label(),
                                                                           count=self.max_length)
            return
        self.value += char
        self.error = self.refused = ""

    def delete(self) -> None:
        self.value = self.value[:-1]
        self.error = self.refused = ""

    def refuse(self, message: str) -> None:
        """A typed answer refused (a date that does not exist, a wrong PIN, a number not found): the field empties
        and the message says why, so the next digits start a new answer instead of extending the refused one.
        What was refused is shown beside the message (a PIN never is)."""
        self.refused = "" if self.masked else self.value
        self.value = ""
        self.error = message

    def submit(self) -> Next | None:
        """Validate what was typed; on success, the transition to the next step."""
        try:
            parsed = self._parse(self.value)
        except FieldError as problem:
            self.refuse(str(problem))
            return None
        self.error = self.refused = ""
        return lambda ctx: self._then(ctx, parsed)

    def not_found_message(self) -> str:
        if self._not_found:
            return self._not_found(self.value)
        return _("Nothing was found for {value}. Check the number and try again.").format(value=self.value)

    # -- coming back to an answered field ------------------------------------------------------------------------

    def left_forward(self) -> None:
        self._went_on = True
        if self.masked:  # a PIN field is empty whenever it is shown
            self.value = ""

    def returned(self) -> None:
        """The screen is shown again after the next step was left: offer the answer instead of the field."""
        if self.masked:
            self.value = ""
        elif self._went_on and self.value:
            self.reviewing = True
        self._went_on = False

    def _retype(self, ctx: Context) -> None:
        self.reviewing = False
        self.error = self.refused = ""
        if self.digits_only:
            self.value = ""

    def readback(self) -> str:
        """The answer as the citizen gave it, when it is offered again on return ("Pakai Rp380.000.000")."""
        return self.prefix + self.shown(self.value)

    def _review_view(self, ctx: Context) -> View:
        answer = self.readback()
        again = _("Type it again") if self.digits_only else _("Change what I typed")
        return View(
            title=self._title(),
            question=self._question(),
            body=[_("Your answer: {answer}").format(answer=answer)],
            options=number_options([
                Option(_("Use {answer}").format(answer=answer), self._use_again),
                Option(again, self._retype),
            ]),
            keys=standard_keys(),
        )

    def _error_shown(self) -> str:
        refused = self.prefix + self.shown(self.refused) if self.refused else ""
        # not said twice when the message already names it (an unknown NOP, a reference not found)
        named = refused in self.error or (len(self.refused) >= 4 and self.refused in self.error)
        if not self.error or not refused or named:
            return self.error
        return f"{self.error} " + _("You typed: {typed}").format(typed=refused)

    def _use_again(self, ctx: Context) -> Any:
        """Option 1 of the return: the same answer goes on as if Enter was pressed."""
        transition = self.submit()
        if transition is None:  # no longer a valid answer: the field, with the reason
            self.reviewing = False
            return None
        return transition(ctx)

    def view(self, ctx: Context) -> View:
        if self.reviewing:
            return self._review_view(ctx)
        return View(
            title=self._title(),
            question=self._question(),
            body=[self._hint()] if self._hint else [],
            prompt=Prompt(self._label(), self.shown(self.value), self.digits_only, self.prefix, self.max_length,
                          self.masked),
            error=self._error_shown(),
            keys=standard_keys(typing=True),
        )
