"""Pajak Daerah: the regional taxes of Kabupaten Tangerang, then one tax: what it is, its rate, how and where to pay.

PBB-P2 leads on to the iPBB bill check, BPHTB to the e-BPHTB calculator (the `layanan_terkait` of the tax).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gemilang_tui.api.paged import paged
from gemilang_tui.api.pajak_daerah import DAFTAR, RINCIAN, Pajak, PajakRingkas
from gemilang_tui.catalog import ServiceEntry
from gemilang_tui.flow import Content, Context, Detail, Option, PagedList, Step
from gemilang_tui.i18n import L, _, get_locale, glossary, localized
from gemilang_tui.services import bphtb, pbb


def start(ctx: Context, entry: ServiceEntry) -> Step:
    return tax_list(entry.judul)


def tax_list(title: Any) -> PagedList[PajakRingkas]:
    return PagedList(
        title=lambda: str(title),
        question=L("Which tax do you want to know about? Press its number."),
        fetch=paged(DAFTAR),
        label=lambda item: localized(item.nama_singkat, item.nama_singkat_en),
        hint=lambda item: unexplained(localized(item.nama_singkat, item.nama_singkat_en)),
        open_item=lambda item: lambda ctx: tax_detail(item.kode),
        empty=L("There is no tax information yet. Please ask the officer at the counter."),
    )


def unexplained(label: str) -> str:
    """The plain words of the terms a label names without explaining them (`PBJT: pajak barang dan jasa …`)."""
    return "; ".join(glossary.explain(term.term) for term in glossary.terms_in(label) if not term.explained_in(label))


#: The kiosk services a tax leads to, with what the option says.
RELATED: dict[str, tuple[Callable[[], str], Callable[[Context], Step]]] = {
    "pbb": (L("Check a PBB bill"), lambda ctx: pbb.ask_nop()),
    "bphtb": (L("Work out the BPHTB"), bphtb.calculator),
}


def tax_detail(kode: str) -> Detail:
    async def fetch(ctx: Context) -> Pajak:
        return await ctx.api.fetch(RINCIAN, kode=kode)

    return Detail(title=L("Regional tax"), fetch=fetch, render=render_tax)


def render_tax(ctx: Context, tax: Pajak) -> Content:
    places = tax.tempat_bayar_en if get_locale() == "en" and tax.tempat_bayar_en else tax.tempat_bayar
    body = [
        localized(tax.keterangan, tax.keterangan_en),
        _("Rate: {rate}").format(rate=localized(tax.tarif, tax.tarif_en)),
        _("How to pay: {how}").format(how=localized(tax.cara_bayar, tax.cara_bayar_en)),
        _("Where to pay: {places}.").format(places=", ".join(places)),
    ]
    options: list[Option] = []
    related = RELATED.get(tax.layanan_terkait or "")
    if related is not None:
        label, opens = related
        options.append(Option(label(), opens))
    title = localized(tax.nama, tax.nama_en)
    return Content(body=glossary.with_notes(body, title), options=options, title=title)
