"""Siaga: 112 in big digits first, then the other emergency numbers and what to say when calling.

The kiosk never pretends to call. When the API cannot be reached and no earlier copy is kept, the numbers
stored in the kiosk are shown instead of an error: an emergency screen must never be empty.
"""

from __future__ import annotations

import asyncio

from gemilang_tui.api.errors import ApiError
from gemilang_tui.api.model import Teks
from gemilang_tui.api.siaga import EMERGENCY, NomorDarurat, Siaga
from gemilang_tui.catalog import ServiceEntry
from gemilang_tui.flow import Content, Context, Detail, Notice, Option, Step
from gemilang_tui.i18n import L, _, localized
from gemilang_tui.wizard.paper import paper, print_options

SINGLE_NUMBER = "112"
#: How long an emergency screen waits for the API before it shows the numbers stored in the kiosk.
PATIENCE_SECONDS = 3.0


def cannot_call() -> str:
    return _("Call from your own phone; this kiosk cannot make phone calls.")


def stored_numbers() -> Siaga:
    """The national emergency numbers, kept in the kiosk for when the API cannot be reached."""
    numbers = [
        (SINGLE_NUMBER, _("Emergency Service 112"),
         _("The single number for every emergency: fire, accident, disaster, crime, medical emergency. "
           "Free of charge, 24 hours a day.")),
        ("110", _("Police"), _("Crime, threats to public order and traffic accidents.")),
        ("113", _("Fire Brigade"), _("Fires and rescuing trapped people.")),
        ("115", _("Search and Rescue (Basarnas)"), _("Rescue at sea, on rivers and in disasters.")),
        ("119", _("Emergency Ambulance (PSC 119)"), _("First aid and an ambulance for medical emergencies.")),
        ("123", _("PLN (power faults)"), _("Power cuts, broken cables and fallen electricity poles.")),
    ]
    guide = [
        _("Stay calm and speak clearly."),
        _("Say your name and a phone number where you can be called back."),
        _("Say what happened and where: street, RT/RW, village, district and a landmark nearby."),
        _("Do not hang up until the officer tells you to."),
    ]
    return Siaga(
        nomor=[NomorDarurat(nomor=n, nama=name, keterangan=text) for n, name, text in numbers],
        cara_menelepon=[Teks(teks=line) for line in guide],
    )


def start(ctx: Context, entry: ServiceEntry) -> Step:
    async def fetch(ctx: Context) -> Siaga | None:
        try:
            return await asyncio.wait_for(ctx.api.fetch(EMERGENCY), PATIENCE_SECONDS)
        except (ApiError, TimeoutError):
            return None  # render shows the numbers stored in the kiosk

    return Detail(title=lambda: str(entry.judul), fetch=fetch, render=render_siaga)


def in_order(info: Siaga) -> list[NomorDarurat]:
    """112 first, then the others in the order the API gives them."""
    first = [n for n in info.nomor if n.nomor == SINGLE_NUMBER]
    return first + [n for n in info.nomor if n.nomor != SINGLE_NUMBER]


def _name(entry: NomorDarurat) -> str:
    return localized(entry.nama, entry.nama_en)


def _about(entry: NomorDarurat) -> str:
    return localized(entry.keterangan, entry.keterangan_en)


def render_siaga(ctx: Context, fetched: Siaga | None) -> Content:
    info = fetched if fetched is not None else stored_numbers()
    numbers = in_order(info)
    main = numbers[0] if numbers[0].nomor == SINGLE_NUMBER else None
    body = []
    if fetched is None:
        body.append(_("The service cannot be reached now. These are the numbers stored in this kiosk."))
    body.append(_("In an emergency, call {number}.").format(number=SINGLE_NUMBER))
    if main is not None and _about(main):
        body.append(_about(main))
    body.append(cannot_call())
    others = [n for n in numbers if n.nomor != SINGLE_NUMBER]
    return Content(
        body=body,
        big=SINGLE_NUMBER,
        options=[
            Option(_("Other emergency numbers"), lambda ctx: number_list(info),
                   hint=" · ".join(n.nomor for n in others)),
            Option(_("What to say when you call"), lambda ctx: guide(info)),
            *print_options(ctx, L("Emergency numbers"), lambda ctx: paper(
                ctx, _("Emergency numbers"), SINGLE_NUMBER, _("In an emergency, call:"),
                [f"{entry.nomor}  {_name(entry)}" for entry in numbers], cannot_call())),
        ],
    )


def number_list(info: Siaga) -> Step:
    """Every emergency number, 112 first, each with what it is for."""

    def body(ctx: Context) -> list[str]:
        lines = [cannot_call()]
        for entry in in_order(info):
            about = _about(entry)
            lines.append(f"{entry.nomor}  {_name(entry)}" + (f"\n{about}" if about else ""))
        return lines

    return Notice(title=L("Emergency numbers"), body=body)


def guide(info: Siaga) -> Step:
    """What to say when calling an emergency number."""

    def body(ctx: Context) -> list[str]:
        steps = [f"• {localized(line.teks, line.teks_en)}" for line in info.cara_menelepon]
        return [
            _("When you call {number}:").format(number=SINGLE_NUMBER),
            "\n".join(steps),
            cannot_call(),
        ]

    return Notice(title=L("What to say when you call"), body=body)
