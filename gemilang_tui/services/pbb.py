"""iPBB: type a NOP, then read each year's SPPT, the fines and the total arrears, and where to pay.

The fines and totals are computed by the server (its fine rule is policy, not kiosk code); this module only shows
them. The kiosk takes no money: it says where and how to pay.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

from gemilang_tui.answers import nop_answer
from gemilang_tui.api.pbb import KANAL_BAYAR, TAGIHAN, KanalBayar, SpptTahun, TagihanPbb
from gemilang_tui.catalog import LocalText, ServiceEntry
from gemilang_tui.domain.nop import NOP_LENGTH, Nop, format_nop
from gemilang_tui.flow import Ask, Content, Context, Detail, Notice, Option, Step
from gemilang_tui.i18n import N_, L, _, localized, long_date, money, number
from gemilang_tui.wizard.paper import paper, print_options

#: PP.DD.KKK.DDD.BBB-UUUU.J: the sizes of the groups and what stands between them.
_GROUPS = (2, 2, 3, 3, 3, 4, 1)
_SEPARATORS = (".", ".", ".", ".", "-", ".")
_DEFAULT_TITLE = LocalText({"id": "iPBB", "en": "iPBB land and building tax"})


def start(ctx: Context, entry: ServiceEntry) -> Step:
    return ask_nop(entry.judul)


def shown_nop(digits: str) -> str:
    """The NOP typed so far with its dots, as on the SPPT: `3603030` → `36.03.030`."""
    groups: list[str] = []
    rest = digits[:NOP_LENGTH]
    for size in _GROUPS:
        if not rest:
            break
        groups.append(rest[:size])
        rest = rest[size:]
    text = groups[0] if groups else ""
    for separator, group in zip(_SEPARATORS, groups[1:], strict=False):
        text += separator + group
    return text + digits[NOP_LENGTH:]


class NopAsk(Ask):
    """The NOP question: digits are typed, the dots of the SPPT appear by themselves."""

    def shown(self, value: str) -> str:
        return shown_nop(value)


def ask_nop(title: Any = _DEFAULT_TITLE) -> Ask:
    """The one question of iPBB. An unknown NOP keeps what was typed and says what to do next."""
    return NopAsk(
        title=lambda: str(title),
        question=L("Type the NOP (tax object number): the 18 digits on your SPPT PBB."),
        label=L("NOP"),
        parse=nop_answer,
        then=lambda ctx, nop: show_bill(ctx, nop, title),
        max_length=NOP_LENGTH,
        hint=L("Example: 36.03.030.013.005-0117.0. Type the digits only, then press Enter."),
        not_found=_not_found,
    )


def _not_found(typed: str) -> str:
    digits = "".join(char for char in typed if char.isdigit())
    shown = format_nop(digits) if len(digits) == NOP_LENGTH else typed
    return _(
        "NOP {nop} was not found. Check the NOP on your SPPT PBB and type it again. "
        "If it is right, ask the officer at the counter or the Bapenda office of Kabupaten Tangerang."
    ).format(nop=shown)


async def show_bill(ctx: Context, nop: Nop, title: Any = _DEFAULT_TITLE) -> Step:
    """Ask the server for the bill first, so that an unknown NOP stays on the question (404 → "not found")."""
    await ctx.api.fetch(TAGIHAN, nop=nop.digits)

    async def fetch(ctx: Context) -> tuple[TagihanPbb, list[KanalBayar]]:
        # Fetched again as the screen's load: "Coba lagi" retries both, and an old copy of the payment channels
        # is marked with its date (a bill names a person: it is never kept on the kiosk, see `TAGIHAN`).
        bill, channels = await asyncio.gather(ctx.api.fetch(TAGIHAN, nop=nop.digits), ctx.api.fetch(KANAL_BAYAR))
        return bill, channels.items

    return Detail(title=lambda: str(title), fetch=fetch, render=lambda ctx, data: render_bill(data, title, ctx))


def _join(items: Iterable[str]) -> str:
    """`2025, 2026` → `2025 dan 2026`."""
    words = list(items)
    if len(words) < 2:
        return "".join(words)
    return _("{first} and {last}").format(first=", ".join(words[:-1]), last=words[-1])


def _place(bill: TagihanPbb) -> str:
    village = _("Kel.") if bill.kode_desa.split(".")[-1].startswith("1") else _("Desa")
    district = _("Kec.")
    return f"{bill.alamat_objek}, {village} {bill.desa}, {district} {bill.kecamatan}"


def _year_lines(year: SpptTahun, today: Any) -> list[str]:
    head = _("{year}  PBB {amount} · due {date}").format(
        year=year.tahun_pajak, amount=money(year.pbb), date=long_date(year.jatuh_tempo)
    )
    indent = " " * (len(str(year.tahun_pajak)) + 2)
    if year.status == "lunas" and year.tanggal_bayar is not None:
        state = _("Paid (on {date})").format(date=long_date(year.tanggal_bayar))
    elif year.denda == 0 and today <= year.jatuh_tempo:
        state = _("Not paid yet · not due yet · to pay {total}").format(total=money(year.jumlah))
    else:
        state = _("Not paid · fine {fine} · to pay {total}").format(
            fine=money(year.denda), total=money(year.jumlah)
        )
    return [head, indent + state]


def render_bill(data: tuple[TagihanPbb, list[KanalBayar]], title: Any = _DEFAULT_TITLE,
                ctx: Context | None = None) -> Content:
    bill, channels = data
    today = bill.dihitung_pada
    owner = "\n".join([
        _("Taxpayer: {name}").format(name=bill.wajib_pajak),
        _place(bill),
        _("Land area (bumi) {land} m² · building {building} m²").format(
            land=number(bill.luas_bumi), building=number(bill.luas_bangunan)
        ),
    ])
    years = "\n".join(line for year in bill.sppt for line in _year_lines(year, today))
    options: list[Option] = []
    if bill.total_tunggakan > 0:
        summary = "\n".join([
            _("Total arrears: {total}").format(total=money(bill.total_tunggakan)),
            _("Not paid: {years}. Fines counted up to {date}.").format(
                years=_join(str(year) for year in bill.tahun_belum_bayar), date=long_date(today)
            ),
        ])
        pay = _("Pay by giving the NOP at: {places}.").format(
            places=", ".join(channel.nama for channel in channels)
        )
        body = [owner, summary, years, pay]
        options.append(Option(_("How to pay"), lambda ctx: how_to_pay(bill, channels)))
    else:
        summary = "\n".join([
            _("No arrears. Every SPPT is paid."),
            _("Nothing needs to be paid for this NOP on {date}.").format(date=long_date(today)),
        ])
        body = [owner, summary, years]
    options.append(Option(_("Check another NOP"), lambda ctx: ask_nop(title)))
    if ctx is not None:  # the NOP and what is owed on paper, to hand to the cashier instead of copying 18 digits
        where = body[-1] if bill.total_tunggakan > 0 else ""
        details = [owner, summary, years]
        options += print_options(ctx, lambda: str(title), lambda ctx: paper(
            ctx, _("PBB bill"), bill.nop_format, _("NOP:"), details, where))
    return Content(
        body=body,
        options=options,
        title=_("PBB bill · NOP {nop}").format(nop=bill.nop_format),
        figure=number(bill.total_tunggakan) if bill.total_tunggakan > 0 else "",
    )


#: Kinds of payment channel (`KanalBayar.jenis`) in plain words, the ones most used first.
CHANNEL_KINDS: dict[str, str] = {
    "bank": N_("At a bank counter"),
    "gerai_ritel": N_("At a shop cashier"),
    "mobile_banking": N_("With a bank app on your phone"),
    "e_commerce": N_("With a shopping app"),
    "dompet_digital": N_("With an e-wallet app"),
    "qris": N_("By scanning a QRIS code"),
}


def channel_groups(channels: list[KanalBayar]) -> list[tuple[str, list[KanalBayar]]]:
    """The channels grouped by kind, known kinds first in CHANNEL_KINDS order, others after in API order."""
    kinds = list(CHANNEL_KINDS) + [c.jenis for c in channels if c.jenis not in CHANNEL_KINDS]
    groups = [(kind, [c for c in channels if c.jenis == kind]) for kind in dict.fromkeys(kinds)]
    return [(kind, rows) for kind, rows in groups if rows]


def kind_name(kind: str, rows: list[KanalBayar]) -> str:
    return _(CHANNEL_KINDS[kind]) if kind in CHANNEL_KINDS else rows[0].nama


def how_to_pay(bill: TagihanPbb, channels: list[KanalBayar]) -> Detail:
    """Short numbered choices, one for each kind of place to pay; each opens its own short page."""

    def render(ctx: Context, _bill: TagihanPbb) -> Content:
        groups = channel_groups(channels)
        return Content(
            body=[
                _("Your NOP: {nop}. To pay now: {total}.").format(
                    nop=bill.nop_format, total=money(bill.total_tunggakan)),
                _("This kiosk does not take money. Where do you want to pay? Press its number."),
            ],
            options=[
                Option(kind_name(kind, rows), lambda ctx, kind=kind, rows=rows: pay_with(bill, kind, rows),
                       hint=", ".join(row.nama for row in rows))
                for kind, rows in groups[:9]
            ],
        )

    async def ready(ctx: Context) -> TagihanPbb:
        return bill

    return Detail(title=L("How to pay PBB"), fetch=ready, render=render)


def pay_with(bill: TagihanPbb, kind: str, rows: list[KanalBayar]) -> Notice:
    """One way to pay: its steps, what to give, and the fine for paying late."""

    def body(ctx: Context) -> list[str]:
        rule = bill.aturan_denda
        lines = [f"{row.nama}\n{localized(row.cara, row.cara_en)}" for row in rows]
        lines.append(_("Give this NOP: {nop}. To pay now: {total}.").format(
            nop=bill.nop_format, total=money(bill.total_tunggakan)))
        lines.append(
            _("A late bill is fined {rate} percent of the PBB for every month after the due date, "
              "for at most {months} months.").format(rate=number(rule.tarif_persen), months=rule.maks_bulan)
        )
        return lines

    return Notice(title=lambda: kind_name(kind, rows), body=body)
