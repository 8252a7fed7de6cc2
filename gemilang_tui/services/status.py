"""What the four status lookups share: ask for the number, fetch the record, show status, deadlines and history.

Each `status_*.py` module describes its service with a `StatusService` (how the number is typed and read back,
which endpoint answers, what its statuses and promises mean in plain words, which details to show) and calls
`lookup()`. The deadlines come computed from the API (the promise in working days is server data, counted with
`domain/workdays.py` there); the kiosk only words them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from gemilang_tui.answers import reference_answer, ticket_answer
from gemilang_tui.api.errors import ApiNotFound
from gemilang_tui.api.status import Riwayat, Tahap
from gemilang_tui.domain.reference import YEAR_DIGITS, ReferenceFormat, digits_of
from gemilang_tui.flow import (
    Ask,
    Context,
    FieldError,
    Option,
    Step,
    View,
    number_options,
    standard_keys,
)
from gemilang_tui.i18n import _, get_locale, glossary, long_date
from gemilang_tui.outbox import LOCAL_NUMBER_DIGITS, LOCAL_NUMBER_MARK, is_local_number


@dataclass(frozen=True)
class StatusName:
    """A status the API may answer with: its English name and what it means for the citizen (msgids)."""

    english: str
    meaning: str


@dataclass(frozen=True)
class StatusService:
    """One lookup: how its number is typed and understood, where it is fetched, and how its record reads."""

    title: Callable[[], str]
    question: Callable[[], str]
    label: Callable[[], str]
    hint: Callable[[], str]
    parse: Callable[[str], str]
    fetch: Callable[[Context, str], Awaitable[Any]]
    details: Callable[[Any], list[str]]
    statuses: Mapping[str, StatusName]
    stages: Mapping[str, str]
    max_length: int
    #: The field's fixed start (`PPID-`) and how the typed digits read after it (`2026-0042`).
    prefix: str = ""
    display: Callable[[str], str] | None = None
    #: Lines shown right under the status (e.g. where to collect a letter that is ready).
    extra: Callable[[Any], list[str]] = field(default=lambda record: [])


# -- typing the number -----------------------------------------------------------------------------------------


def year_and_serial(digits: str) -> str:
    """How the field shows the digits typed so far, after the prefix: `2026004` → `2026-004` (`PPID-2026-004`)."""
    if len(digits) <= YEAR_DIGITS:
        return digits
    return f"{digits[:YEAR_DIGITS]}-{digits[YEAR_DIGITS:]}"


def reading_of(fmt: ReferenceFormat) -> Callable[[str], str]:
    """How the field shows the digits typed so far after its fixed start (`AK`): `12026` → `1-2026` (`AK1-2026`)."""
    sizes = [size for size in (len(fmt.prefix_digits), YEAR_DIGITS, fmt.serial_digits) if size]

    def reading(digits: str) -> str:
        groups, rest = [], digits
        for size in sizes[:-1]:
            if len(rest) <= size:
                break
            groups.append(rest[:size])
            rest = rest[size:]
        return "-".join([*groups, rest]) if rest else "-".join(groups)

    return reading


def field_start(fmt: ReferenceFormat) -> str:
    """The fixed start of the field: `PPID-`, or `AK` when the prefix's own digit is typed (`AK1-…`)."""
    return f"{fmt.prefix}-" if not fmt.prefix_digits else fmt.prefix_letters


def reference_parser(fmt: ReferenceFormat) -> Callable[[str], str]:
    return lambda text: reference_answer(text, fmt)


def ticket_parser(digits: int) -> Callable[[str], str]:
    return lambda text: ticket_answer(text, digits)


def example_reference(fmt: ReferenceFormat, year: int) -> tuple[str, str]:
    """An example number of this service and the digits typed for it: (`SPT-2026-000001`, `2026000001`)."""
    shown = f"{fmt.prefix}-{year}-{'1'.zfill(fmt.serial_digits)}"
    return shown, digits_of(shown)


def reference_hint(fmt: ReferenceFormat, year: int) -> Callable[[], str]:
    shown, typed = example_reference(fmt, year)
    return lambda: _(
        "The number is on your receipt. Type only its digits: for {example}, type {digits}."
    ).format(example=shown, digits=typed)


def reference_fields(fmt: ReferenceFormat, ctx: Context) -> dict[str, Any]:
    """How a number of `fmt` is typed: its digits only, read back whole in the field, explained by an example."""
    return {
        "hint": reference_hint(fmt, ctx.today.year),
        "parse": reference_parser(fmt),
        "prefix": field_start(fmt),
        "display": reading_of(fmt),
        "max_length": fmt.digit_count + 3,
    }


def _parse_either(service: StatusService) -> Callable[[str], str]:
    """The service's own number, or the digits-only number this kiosk gave while a submission waited."""

    def parse(text: str) -> str:
        digits = "".join(ch for ch in text if ch.isdigit())
        if is_local_number(digits) and digits == text.strip():
            return digits
        return service.parse(text)

    return parse


class NumberAsk(Ask):
    """The question for the number: the field reads back the whole reference while the citizen types digits; the
    number this kiosk gave while a submission waited (11 digits, starting with 9) is taken too."""

    def __init__(self, service: StatusService, then: Callable[[Context, str], Awaitable[Step]]) -> None:
        super().__init__(
            title=service.title,
            question=service.question,
            label=service.label,
            parse=_parse_either(service),
            then=then,
            digits_only=True,
            max_length=max(service.max_length, LOCAL_NUMBER_DIGITS),
            prefix=service.prefix,
            hint=service.hint,
            not_found=self._not_found_text,
        )
        self.service = service

    def _not_found_text(self, typed: str) -> str:
        try:
            shown = self.service.parse(typed)
        except FieldError:
            shown = typed
        return _(
            "Number {reference} was not found. Check the number on your receipt and type it again. "
            "If the number is right, please ask the officer at the counter."
        ).format(reference=shown)

    def shown(self, value: str) -> str:
        if value.startswith(LOCAL_NUMBER_MARK) and len(value) > self.service.max_length:
            return value  # a number of this kiosk: read back as typed
        return self.service.display(value) if self.service.display is not None else value


def lookup(service: StatusService) -> Ask:
    """The first step of a status check: type the number; Enter looks in this kiosk's outbox first (a number
    given while waiting), then fetches the record from the service and shows it."""

    async def then(ctx: Context, reference: str) -> Step:
        from gemilang_tui.api.client import stale_copies

        local: str | None = None
        if is_local_number(reference):
            found = ctx.submissions.by_local_number(reference)
            if found is None:
                raise ApiNotFound(f"no submission of this kiosk numbered {reference}")
            official = _official_of(service, found.official_ref)
            if official is None:
                return LocalStatus(service, found.local_number or reference, found.status, found.official_ref)
            local, reference = reference, official

        marks: list[datetime] = []
        token = stale_copies.set(marks)
        try:
            record = await service.fetch(ctx, reference)
        finally:
            stale_copies.reset(token)
        return StatusResult(service, reference, record, min(marks) if marks else None, local_number=local)

    return NumberAsk(service, then)


def _official_of(service: StatusService, official: str | None) -> str | None:
    """The official number as this check reads it, when it is one of this service's (else None)."""
    if not official:
        return None
    try:
        return service.parse(digits_of(official))
    except FieldError:
        return None


class LocalStatus(Step):
    """A submission found in this kiosk's outbox by its local number: still waiting, not accepted, or sent under
    an official number that another check reads."""

    def __init__(self, service: StatusService, local_number: str, status: str, official: str | None) -> None:
        self.service = service
        self.local_number = local_number
        self.status = status
        self.official = official

    def view(self, ctx: Context) -> View:
        if self.status == "sent" and self.official:
            lines = [_("Sent and received. Its official number: {number}.").format(number=self.official),
                     _("This number belongs to another service: check it there with {digits}.").format(
                         digits=digits_of(self.official))]
        elif self.status == "failed":
            lines = [_("Saved on this kiosk, but not accepted yet."),
                     _("An officer will check it. Show this number to the officer at the counter.")]
        else:
            lines = [_("Saved on this kiosk, not sent yet. It is sent automatically when the network is back."),
                     _("The official number appears here once it has been received.")]
        return View(
            title=f"{self.service.title()} · {self.local_number}",
            question=_("Number of this kiosk: {number}").format(number=self.local_number),
            body=lines,
            options=number_options([Option(_("Check another number"), lambda ctx: lookup(self.service))]),
            keys=standard_keys(),
        )


# -- showing the record ----------------------------------------------------------------------------------------


def status_name(service: StatusService, label: str, with_official: bool = True) -> str:
    """The status as the API names it; in English, its English name (with the official label, which officers
    use, when `with_official`)."""
    known = service.statuses.get(label)
    if get_locale() == "id" or known is None:
        return glossary.with_plain(label)
    english = _(known.english)
    return f"{english} ({label})" if with_official else english


def status_lines(service: StatusService, label: str) -> list[str]:
    lines = [_("Status: {status}").format(status=status_name(service, label))]
    known = service.statuses.get(label)
    if known is not None:
        lines.append(_(known.meaning))
    return lines


def stage_line(service: StatusService, stage: Tahap) -> str:
    name = _(service.stages[stage.tahap]) if stage.tahap in service.stages else stage.tahap
    if stage.tambahan_hari_kerja:
        days = _("{days} working days, extended by {extra}").format(
            days=stage.hari_kerja, extra=stage.tambahan_hari_kerja
        )
    else:
        days = _("{days} working days").format(days=stage.hari_kerja)
    if stage.selesai is not None:
        return _("{stage} ({days}): done on {date}.").format(stage=name, days=days, date=long_date(stage.selesai))
    if stage.mulai is None or stage.tenggat is None:
        return _("{stage} ({days}): not started yet.").format(stage=name, days=days)
    due = long_date(stage.tenggat)
    left = stage.sisa_hari_kerja
    if left is None or left > 0:
        text = _("{stage} ({days}): by {date} at the latest.").format(stage=name, days=days, date=due)
        if left is not None:
            text += " " + _("{left} working days left.").format(left=left)
        return text
    if left == 0:
        return _("{stage} ({days}): by {date} at the latest, that is today.").format(
            stage=name, days=days, date=due
        )
    return _(
        "{stage} ({days}): by {date} at the latest. It is {late} working days late: please ask the officer "
        "at the counter."
    ).format(stage=name, days=days, date=due, late=-left)


def deadline_block(service: StatusService, stages: list[Tahap]) -> str:
    if not stages:
        return ""
    return "\n".join([_("Deadlines:"), *(stage_line(service, stage) for stage in stages)])


def history_line(service: StatusService, event: Riwayat) -> str:
    parts = [long_date(event.tanggal), status_name(service, event.status, with_official=False)]
    if event.keterangan:
        parts.append(event.keterangan)
    return " · ".join(parts)


def history_block(service: StatusService, riwayat: list[Riwayat]) -> str:
    """The timeline, newest last."""
    if not riwayat:
        return ""
    events = sorted(riwayat, key=lambda event: event.tanggal)
    return "\n".join([_("History:"), *(history_line(service, event) for event in events)])


class StatusResult(Step):
    """The record found: status and what it means, the details, the deadlines, the history."""

    def __init__(self, service: StatusService, reference: str, record: Any,
                 stale_since: datetime | date | None = None, *, local_number: str | None = None) -> None:
        self.service = service
        self.reference = reference
        self.record = record
        self.stale_since = stale_since
        self.local_number = local_number  # when it was found by the number this kiosk gave while waiting

    def _another(self, ctx: Context) -> Step:
        """A fresh question for another number (the screen left behind keeps showing the old one)."""
        return lookup(self.service)

    def body(self) -> list[str]:
        service, record = self.service, self.record
        found_by = [_("Number of this kiosk: {number}").format(number=self.local_number)] if self.local_number else []
        paragraphs = [
            "\n".join([*found_by, *status_lines(service, record.status), *service.extra(record)]),
            "\n".join(service.details(record)),
            deadline_block(service, record.tahapan),
            history_block(service, record.riwayat),
        ]
        return [paragraph for paragraph in paragraphs if paragraph]

    def view(self, ctx: Context) -> View:
        notice = ""
        if self.stale_since is not None:
            notice = _("The service cannot be reached now. This is the data of {date}.").format(
                date=long_date(self.stale_since)
            )
        return View(
            title=f"{self.service.title()} · {self.reference}",
            body=self.body(),
            options=number_options([Option(_("Check another number"), self._another)]),
            keys=standard_keys(),
            notice=notice,
            scrollable=True,
        )


def year_serial_fields(fmt: ReferenceFormat, ctx: Context) -> dict[str, Any]:
    """How a number with a year and a serial (`PPID-2026-0042`) is typed: its digits after the fixed prefix."""
    return {
        "hint": reference_hint(fmt, ctx.today.year),
        "parse": reference_parser(fmt),
        "prefix": f"{fmt.prefix}-",
        "display": year_and_serial,
        "max_length": fmt.digit_count,
    }


@dataclass(frozen=True)
class StatusCheck:
    """One kind of request's status check, declared as data: a module sets `CHECK = StatusCheck(…)` and exposes
    `service`, `ask` and `start` from it (the Menu Utama entry and its own service's menu open the same check)."""

    endpoint: Any  # an Endpoint whose path takes `nomor`
    reference: ReferenceFormat
    title: Callable[[], str]
    question: Callable[[], str]
    label: Callable[[], str]
    details: Callable[[Any], list[str]]
    statuses: Mapping[str, StatusName]
    stages: Mapping[str, str] = field(default_factory=dict)
    extra: Callable[[Any], list[str]] | None = None
    typed: Callable[[ReferenceFormat, Context], dict[str, Any]] = reference_fields

    def service(self, ctx: Context, title: Callable[[], str] | None = None) -> StatusService:
        async def fetch(ctx: Context, reference: str) -> Any:
            return await ctx.api.fetch(self.endpoint, nomor=reference)

        optional = {"extra": self.extra} if self.extra is not None else {}
        return StatusService(title=title or self.title, question=self.question, label=self.label, fetch=fetch,
                             details=self.details, statuses=self.statuses, stages=self.stages,
                             **self.typed(self.reference, ctx), **optional)

    def ask(self, ctx: Context, title: Callable[[], str] | None = None) -> Step:
        return lookup(self.service(ctx, title))

    def start(self, ctx: Context, entry: Any) -> Step:
        return self.ask(ctx, lambda: str(entry.judul))
