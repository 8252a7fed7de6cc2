"""Sidoni (UDD PMI Kabupaten Tangerang): blood stock, donor sessions and who may donate.

Option 4 registers a donor for a session (the form is `services/donor.py`).
"""

from __future__ import annotations

from datetime import date, time

from gemilang_tui.api.paged import paged
from gemilang_tui.api.sidoni import GOLONGAN, JADWAL, KOMPONEN, STOK, SYARAT, Jadwal, StokDarah, SyaratDonor
from gemilang_tui.catalog import ServiceEntry
from gemilang_tui.flow import Content, Context, Detail, Menu, Notice, Option, PagedList, Step
from gemilang_tui.i18n import L, _, get_locale, glossary, localized, long_date, number


def start(ctx: Context, entry: ServiceEntry) -> Step:
    """Sidoni's own menu: what the citizen wants to know about blood donation."""
    return Menu(
        title=lambda: str(entry.judul),
        question=L("What would you like to know? Press its number."),
        body=lambda ctx: [_("Blood donation with PMI Kabupaten Tangerang.")],
        options=lambda ctx: [
            Option(_("Blood stock"), lambda ctx: stock(), hint=_("Bags of blood per blood group")),
            Option(_("Blood donation schedule"), lambda ctx: schedule(), hint=_("When and where to donate")),
            Option(_("Who may donate blood"), lambda ctx: eligibility(), hint=_("Age, weight and health")),
            Option(_("Register as a blood donor"), register, hint=_("Choose a session, answer a few questions")),
            Option(_("Check a donor registration"), check_registration,
                   hint=_("With the number on your receipt")),
        ],
    )


def register(ctx: Context) -> Step:
    """The donor registration form (`services/donor.py`, which uses this module: imported when chosen)."""
    from gemilang_tui.services import donor

    return donor.start_form(ctx)


def check_registration(ctx: Context) -> Step:
    """The registration's status (`services/status_donor.py`, which uses this module: imported when chosen)."""
    from gemilang_tui.services import status_donor

    return status_donor.ask(ctx)


def register_for(ctx: Context, session: Jadwal) -> Step:
    """The donor registration form with this session already chosen."""
    from gemilang_tui.services import donor

    return donor.start_for_session(ctx, session)


# -- blood stock -------------------------------------------------------------------------------------------


def blood_group(golongan: str, rhesus: str) -> str:
    """`A+`, `AB−` (a real minus sign, easier to see than a hyphen)."""
    return golongan + ("+" if rhesus == "+" else "−")


def stock_table(data: StokDarah) -> str:
    """The stock as aligned columns: group, total, then one column per component; positive rhesus first."""
    extra = sorted({code for row in data.stok for code in row.komponen} - set(KOMPONEN))
    components = [code for code in KOMPONEN if any(code in row.komponen for row in data.stok)] + extra
    order = {golongan: index for index, golongan in enumerate(GOLONGAN)}
    rows = sorted(data.stok, key=lambda row: (row.rhesus != "+", order.get(row.golongan, len(order))))
    header = [_("Group"), _("Total"), *components]
    table = [header]
    for row in rows:
        cells = [blood_group(row.golongan, row.rhesus), number(row.total)]
        cells.extend(number(row.komponen.get(code, 0)) for code in components)
        table.append(cells)
    widths = [max(len(line[column]) for line in table) for column in range(len(header))]
    lines = []
    for index, cells in enumerate(table):
        if 1 < index and rows[index - 2].rhesus != rows[index - 1].rhesus:
            lines.append("")  # a blank line between rhesus positive and rhesus negative
        first = cells[0].ljust(widths[0])
        rest = "".join(cell.rjust(width + 4) for cell, width in zip(cells[1:], widths[1:], strict=True))
        lines.append(first + rest)
    return "\n".join(lines)


def component_legend(components: list[str]) -> str:
    """`WB: darah lengkap · PRC: sel darah merah …`: the glossary's plain words of each kind of blood bag."""
    known = {term.term for term in glossary.TERMS}
    return " · ".join(glossary.explain(code) for code in components if code in known)


def stock() -> Detail:
    async def fetch(ctx: Context) -> StokDarah:
        return await ctx.api.fetch(STOK)

    def render(ctx: Context, data: StokDarah) -> Content:
        return Content(
            title=_("Blood stock on {date}").format(date=long_date(data.tanggal_stok)),
            body=[
                _("Bags of blood ready at UDD PMI Kabupaten Tangerang."),
                stock_table(data),
                component_legend(list(KOMPONEN)),
            ],
            options=[Option(_("Blood donation schedule"), lambda ctx: schedule())],
        )

    return Detail(title=L("Blood stock"), fetch=fetch, render=render)


# -- donor sessions ----------------------------------------------------------------------------------------


def clock(value: time) -> str:
    """`08.00` in Indonesian (KBBI: a full stop between hours and minutes), `08:00` in English."""
    return value.strftime("%H.%M" if get_locale() == "id" else "%H:%M")


def day_and_date(value: date) -> str:
    """`Sabtu, 5 Desember 2026` (the shared `weekday_date` writes `05 Desember`)."""
    from babel.dates import format_date

    return f"{format_date(value, 'EEEE', locale=get_locale())}, {long_date(value)}"


def hours(session: Jadwal) -> str:
    return f"{clock(session.jam_mulai)}–{clock(session.jam_selesai)}"


def schedule() -> PagedList[Jadwal]:
    return PagedList(
        title=L("Blood donation schedule"),
        question=L("Sessions from today on. Press a number to see the address."),
        fetch=paged(JADWAL, dari=lambda ctx: ctx.today.isoformat()),
        label=lambda session: day_and_date(session.tanggal),
        hint=lambda session: f"{hours(session)}, {session.lokasi}",
        open_item=lambda session: lambda ctx: session_detail(session),
        empty=L("No blood donation session is planned yet. Please ask the PMI officer."),
    )


def session_detail(session: Jadwal) -> Notice:
    def body(ctx: Context) -> list[str]:
        return [
            label_rows([
                (_("Date"), day_and_date(session.tanggal)),
                (_("Time"), hours(session)),
                (_("Place"), session.lokasi),
                (_("Address"), session.alamat),
                (_("Kecamatan"), session.kecamatan),
            ]),
            _("Bring your KTP. Eat and sleep well before you donate."),
        ]

    return Notice(
        title=L("Blood donation session"),
        body=body,
        options=lambda ctx: [
            Option(_("Register for this session"), lambda ctx: register_for(ctx, session),
                   hint=_("Answer a few questions")),
            Option(_("Who may donate blood"), lambda ctx: eligibility()),
        ],
    )


# -- who may donate ----------------------------------------------------------------------------------------


def eligibility() -> Detail:
    async def fetch(ctx: Context) -> SyaratDonor:
        return await ctx.api.fetch(SYARAT)

    def render(ctx: Context, data: SyaratDonor) -> Content:
        return Content(
            body=[
                _("You may donate blood if:"),
                "\n".join(f"• {localized(line.teks, line.teks_en)}" for line in data.syarat),
            ],
            options=[Option(_("Blood donation schedule"), lambda ctx: schedule())],
        )

    return Detail(title=L("Who may donate blood"), fetch=fetch, render=render)


def label_rows(pairs: list[tuple[str, str]]) -> str:
    """`Label    value` lines, the values in one column."""
    width = max(len(label) for label, _value in pairs) + 2
    return "\n".join(f"{label.ljust(width)}{value}" for label, value in pairs)
