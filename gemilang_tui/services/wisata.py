"""Wisata: a kind of place by number, then a place: where it is, when it opens, what it costs to enter."""

from __future__ import annotations

from gemilang_tui.api.paged import paged
from gemilang_tui.api.wisata import CATEGORIES, PLACE, PLACES, Kategori, Tempat, TempatRingkas
from gemilang_tui.catalog import ServiceEntry
from gemilang_tui.domain import regions
from gemilang_tui.flow import Content, Context, Detail, Next, PagedList, Step
from gemilang_tui.i18n import L, _, localized, money, number


def start(ctx: Context, entry: ServiceEntry) -> Step:
    """The seven kinds of places (Kuliner … Bahari), numbered in the order the API gives them."""

    return PagedList(
        title=lambda: str(entry.judul),
        question=L("What kind of place would you like to visit? Press its number."),
        fetch=paged(CATEGORIES),
        label=category_name,
        hint=_place_count,
        open_item=lambda category: lambda ctx: places(category),
        empty=L("There are no places to show yet."),
    )


def category_name(category: Kategori) -> str:
    return localized(category.nama, category.nama_en)


def _place_count(category: Kategori) -> str:
    if category.jumlah_tempat == 1:
        return _("1 place")
    return _("{count} places").format(count=number(category.jumlah_tempat))


def places(category: Kategori) -> Step:
    """The places of one category, seven to a page."""

    return PagedList(
        title=lambda: category_name(category),
        question=L("Press the number of a place to see its address, hours and prices."),
        fetch=paged(PLACES, kategori=category.kode),
        label=lambda place: place.nama,
        hint=lambda place: district(place.kecamatan),
        open_item=lambda place: _open_place(category, place),
        empty=L("There are no places of this kind yet."),
    )


def _open_place(category: Kategori, place: TempatRingkas) -> Next:
    return lambda ctx: place_detail(category, place)


def place_detail(category: Kategori, place: TempatRingkas) -> Step:
    """One place in full."""

    async def fetch(ctx: Context) -> Tempat:
        return await ctx.api.fetch(PLACE, id_tempat=place.id)

    return Detail(
        title=lambda: place.nama,
        fetch=fetch,
        render=lambda ctx, full: render_place(category, full),
    )


def district(name: str) -> str:
    return _("{name} district").format(name=name)


def village(name: str, code: str) -> str:
    """'Desa Kronjo' or, for a kelurahan (code 36.03.KK.1NNN), 'Kelurahan Kadu Agung'."""
    if regions.is_kelurahan(code):
        return _("Kelurahan {name}").format(name=name)
    return _("Village of {name}").format(name=name)


def tickets(place: Tempat) -> str:
    """'Rp10.000 (motor), Rp20.000 (mobil)', or 'Gratis' when entry costs nothing."""
    priced = [ticket for ticket in place.tiket if ticket.harga > 0]
    if not priced:
        return _("Free")
    return ", ".join(f"{money(t.harga)} ({localized(t.jenis, t.jenis_en)})" for t in priced)


def render_place(category: Kategori, place: Tempat) -> Content:
    where = f"{village(place.desa, place.kode_desa)}, {district(place.kecamatan)}"
    body = [
        f"{category_name(category)} · {where}",
        _("Address: {address}").format(address=place.alamat),
        _("Opening hours: {hours}").format(hours=place.jam_buka),
        _("Entrance ticket: {prices}").format(prices=tickets(place)),
    ]
    if place.fasilitas:
        body.append(_("Facilities: {facilities}").format(facilities=", ".join(place.fasilitas)))
    if place.keterangan:
        body.append(localized(place.keterangan, place.keterangan_en))
    return Content(body=body, title=place.nama)
