"""Sipinter (DPMPTSP Kabupaten Tangerang): which permits exist, where to apply, and a permit application's status.

A menu: 1 the kinds of permit, plain name first and the official one after (a paged list → what it is for, how
long it usually takes, how and where to apply, what to bring), 2 where to apply (the DPMPTSP counter at the Mal
Pelayanan Publik, the DPMPTSP office, online), 3 the status check (the same as Cek Status → Status izin Sipinter).
"""

from __future__ import annotations

from gemilang_tui.api.model import Halaman
from gemilang_tui.api.paged import paged
from gemilang_tui.api.sipinter import JENIS_IZIN, TEMPAT, JenisIzin, TempatPengajuan
from gemilang_tui.catalog import ServiceEntry
from gemilang_tui.flow import Content, Context, Detail, Menu, Next, Notice, Option, PagedList, Step
from gemilang_tui.i18n import L, _, localized
from gemilang_tui.services import status_sipinter
from gemilang_tui.services.status import lookup


def start(ctx: Context, entry: ServiceEntry) -> Step:
    return Menu(
        title=lambda: str(entry.judul),
        question=L("What would you like to know? Press its number."),
        body=lambda ctx: [_("Permits for businesses and buildings, from DPMPTSP Kabupaten Tangerang.")],
        options=lambda ctx: [
            Option(_("Which permits exist"), lambda ctx: kinds(), hint=_("What each is for and what it needs")),
            Option(_("Where to apply"), lambda ctx: places(), hint=_("Mal Pelayanan Publik, DPMPTSP, online")),
            Option(_("Check a permit application"), lambda ctx: lookup(status_sipinter.service(ctx)),
                   hint=_("With your registration number")),
        ],
    )


def kinds() -> PagedList[JenisIzin]:
    return PagedList(
        title=L("Which permits exist"),
        question=L("Press the number of a permit to see what it needs."),
        fetch=paged(JENIS_IZIN),
        label=lambda kind: localized(kind.nama_umum, kind.nama_umum_en),
        hint=lambda kind: localized(kind.nama, kind.nama_en),
        open_item=_open_kind,
        empty=L("There is no permit data yet. Please ask the officer at the counter."),
    )


def _open_kind(kind: JenisIzin) -> Next:
    return lambda ctx: permit(kind)


def how_to_apply(kind: JenisIzin) -> str:
    if kind.layanan == "online":
        return _("Apply online through OSS and Sipinter, or get help at the DPMPTSP counter of the Mal Pelayanan "
                 "Publik.")
    return _("Apply in person at the DPMPTSP counter of the Mal Pelayanan Publik, Tigaraksa.")


def permit(kind: JenisIzin) -> Notice:
    """One kind of permit: what it is for, how long it takes, how to apply, what to bring."""
    return Notice(
        title=lambda: localized(kind.nama_umum, kind.nama_umum_en),
        body=lambda ctx: [
            "\n".join([
                _("Official name: {name}").format(name=localized(kind.nama, kind.nama_en)),
                localized(kind.keterangan, kind.keterangan_en),
            ]),
            "\n".join([
                _("Usually done within {days} working days once your documents are complete.").format(
                    days=kind.sla_hari_kerja),
                how_to_apply(kind),
            ]),
            "\n".join([_("What to bring:"), *(f"• {localized(item.teks, item.teks_en)}" for item in kind.syarat)]),
        ],
        options=lambda ctx: [Option(_("Where to apply"), lambda ctx: places())],
    )


def places() -> Detail:
    async def fetch(ctx: Context) -> Halaman[TempatPengajuan]:
        return await ctx.api.fetch(TEMPAT)

    def render(ctx: Context, data: Halaman[TempatPengajuan]) -> Content:
        body = [
            "\n".join([
                place.nama,
                place.alamat,
                _("Open: {hours}").format(hours=place.jam),
                localized(place.keterangan, place.keterangan_en),
            ])
            for place in data.items
        ]
        return Content(body=body or [_("There is no data yet. Please ask the officer at the counter.")])

    return Detail(title=L("Where to apply"), fetch=fetch, render=render)
