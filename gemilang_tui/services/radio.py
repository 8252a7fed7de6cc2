"""Radio Gemilang 91 FM: the frequency, what is on air now, and today's (or tomorrow's) programmes.

The kiosk plays nothing and says so. "Now" is the kiosk's today (pinned by `GEMILANG_TODAY`, else the real
date) at the real time of day in WIB; `clock` is a module attribute so tests can set the time of day.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from gemilang_tui.api.radio import STATION, Acara, Radio
from gemilang_tui.catalog import ServiceEntry
from gemilang_tui.flow import Content, Context, Detail, Notice, Option, Step
from gemilang_tui.i18n import _, localized, weekday_date

MINUTES_PER_DAY = 24 * 60


def _time_of_day() -> time:
    from gemilang_tui.kiosk_time import now

    return now().time()  # WIB, whatever the machine's time zone


#: The time of day the kiosk considers "now"; replace it in tests (`monkeypatch.setattr(radio, "clock", …)`).
clock: Callable[[], time] = _time_of_day


def now(ctx: Context) -> datetime:
    """The kiosk's today at the clock's time of day."""
    return datetime.combine(ctx.today, clock().replace(second=0, microsecond=0))


# -- pure schedule logic -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """One programme placed on the calendar: it runs from `start` up to (not including) `end`."""

    programme: Acara
    start: datetime
    end: datetime


def slots_on(schedule: Sequence[Acara], day: date) -> list[Slot]:
    """The programmes that start on `day`, in order of their start."""
    found = []
    midnight = datetime.combine(day, time())
    for programme in schedule:
        if day.weekday() not in programme.days:
            continue
        start = midnight + timedelta(minutes=programme.start)
        end_minutes = programme.end if programme.end > programme.start else programme.end + MINUTES_PER_DAY
        found.append(Slot(programme, start, midnight + timedelta(minutes=end_minutes)))
    return sorted(found, key=lambda slot: (slot.start, slot.end))


def on_air(schedule: Sequence[Acara], at: datetime) -> Slot | None:
    """The programme on air at `at` (one that started the day before and runs past midnight counts too)."""
    for day in (at.date(), at.date() - timedelta(days=1)):
        for slot in slots_on(schedule, day):
            if slot.start <= at < slot.end:
                return slot
    return None


def next_on_air(schedule: Sequence[Acara], at: datetime) -> Slot | None:
    """The first programme starting after `at`, looking a week ahead."""
    for offset in range(8):
        for slot in slots_on(schedule, at.date() + timedelta(days=offset)):
            if slot.start > at:
                return slot
    return None


# -- screens -----------------------------------------------------------------------------------------------


def start(ctx: Context, entry: ServiceEntry) -> Step:
    async def fetch(ctx: Context) -> Radio:
        return await ctx.api.fetch(STATION)

    return Detail(title=lambda: str(entry.judul), fetch=fetch, render=render_station)


def hours(slot: Slot) -> str:
    """'09.00–12.00' (an end at midnight reads 24.00)."""
    return f"{slot.programme.mulai}–{slot.programme.selesai}"


def describe(slot: Slot) -> str:
    name = localized(slot.programme.acara, slot.programme.acara_en)
    if slot.programme.penyiar:
        return _("{programme}, with {host}").format(programme=name, host=slot.programme.penyiar)
    return name


def plays_nothing(station: Radio) -> str:
    text = _("This kiosk does not play the radio. Listen on {frequency} with a radio or on your phone.")
    return text.format(frequency=station.frekuensi)


def render_station(ctx: Context, station: Radio) -> Content:
    moment = now(ctx)
    current = on_air(station.jadwal, moment)
    clock_text = moment.strftime("%H.%M")
    if current is not None:
        playing = _("On air now (it is {time}): {programme}, {hours}.").format(
            time=clock_text, programme=describe(current), hours=hours(current)
        )
    else:
        playing = _("Nothing is on air now (it is {time}).").format(time=clock_text)
    coming = next_on_air(station.jadwal, moment)
    body = [
        _("{station} on frequency {frequency}.").format(station=station.nama, frequency=station.frekuensi),
        playing,
    ]
    if coming is not None:
        if coming.start.date() == moment.date():
            upcoming = _("Next: {programme}, from {start}.")
        else:
            upcoming = _("Next: {programme}, tomorrow from {start}.")
        body.append(upcoming.format(programme=describe(coming), start=coming.programme.mulai))
    body.append(plays_nothing(station))
    today = ctx.today
    tomorrow = today + timedelta(days=1)
    return Content(
        body=body,
        options=[
            Option(_("Today's programmes"), lambda ctx: schedule(station, today),
                   hint=weekday_date(today)),
            Option(_("Tomorrow's programmes"), lambda ctx: schedule(station, tomorrow),
                   hint=weekday_date(tomorrow)),
        ],
    )


def schedule(station: Radio, day: date) -> Step:
    """Every programme of one day, in order, the one on air now marked."""

    def body(ctx: Context) -> list[str]:
        current = on_air(station.jadwal, now(ctx))
        lines = []
        for slot in slots_on(station.jadwal, day):
            line = f"{hours(slot)}  {localized(slot.programme.acara, slot.programme.acara_en)}"
            if current is not None and slot == current:
                line += "  ◀ " + _("on air now")
            lines.append(line)
        if not lines:
            return [_("There are no programmes on this day.")]
        return ["\n".join(lines), plays_nothing(station)]

    return Notice(
        title=lambda: _("{station}: programmes of {day}").format(station=station.nama, day=weekday_date(day)),
        body=body,
    )
