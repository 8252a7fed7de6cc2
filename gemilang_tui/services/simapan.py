"""SIMAPAN (Dinas Perkim): public cemeteries (TPU) per kecamatan, and what a burial permit needs and costs.

Option 3 applies for a burial permit (the form is `services/izin_makam.py`), option 4 checks an application.
"""

from __future__ import annotations

from gemilang_tui.api.paged import paged
from gemilang_tui.api.simapan import DAFTAR_TPU, IZIN_MAKAM, KECAMATAN, TPU, IzinMakam, KecamatanTpu, Tpu
from gemilang_tui.catalog import ServiceEntry
from gemilang_tui.domain import regions
from gemilang_tui.flow import Content, Context, Detail, Menu, Option, PagedList, Step
from gemilang_tui.i18n import L, _, localized, money, number
from gemilang_tui.i18n.glossary import with_notes


def start(ctx: Context, entry: ServiceEntry) -> Step:
    return Menu(
        title=lambda: str(entry.judul),
        question=L("What would you like to know? Press its number."),
        body=lambda ctx: [_("Public cemeteries (TPU) of Kabupaten Tangerang.")],
        options=lambda ctx: [
            Option(_("List of TPU by kecamatan"), lambda ctx: kecamatan_list(),
                   hint=_("Free plots, area, religion")),
            Option(_("Burial permit: requirements and fee"), lambda ctx: burial_permit(),
                   hint=_("What to bring, how much it costs")),
            Option(_("Apply for a burial permit"), apply_for_permit, hint=_("By number keys, with a receipt")),
            Option(_("Check a burial permit application"), check_permit,
                   hint=_("With the number on your receipt")),
        ],
    )


def apply_for_permit(ctx: Context) -> Step:
    """The burial permit form (`services/izin_makam.py`), imported when chosen."""
    from gemilang_tui.services import izin_makam

    return izin_makam.start_form(ctx)


def check_permit(ctx: Context) -> Step:
    """The permit application's status, the same as Cek Status → Status izin makam."""
    from gemilang_tui.services import status_izin_makam

    return status_izin_makam.ask(ctx)


def apply_at(ctx: Context, tpu: Tpu) -> Step:
    """The burial permit form with this TPU chosen."""
    from gemilang_tui.services import izin_makam

    return izin_makam.start_for_tpu(ctx, tpu)


def kecamatan_list() -> PagedList[KecamatanTpu]:
    return PagedList(
        title=L("TPU by kecamatan"),
        question=L("In which kecamatan? Press its number."),
        fetch=paged(KECAMATAN),
        label=lambda row: row.nama,
        hint=lambda row: _("{count} TPU").format(count=number(row.jumlah_tpu)),
        open_item=lambda row: lambda ctx: tpu_list(row),
        empty=L("There is no TPU data yet. Please ask the officer at the counter."),
    )


def tpu_list(kecamatan: KecamatanTpu) -> PagedList[Tpu]:
    return PagedList(
        title=lambda: _("TPU in Kecamatan {name}").format(name=kecamatan.nama),
        question=L("Press the number of a TPU to see its details."),
        fetch=paged(DAFTAR_TPU, kecamatan=kecamatan.kode_kecamatan),
        label=lambda tpu: tpu.nama,
        hint=lambda tpu: _("Free plots: {count}").format(count=number(tpu.petak_tersedia)),
        open_item=lambda tpu: lambda ctx: tpu_detail(tpu.id, tpu.nama),
        empty=L("There is no TPU in this kecamatan yet."),
    )


def tpu_rows(tpu: Tpu) -> list[tuple[str, str]]:
    return [
        (village_kind(tpu.kode_desa), tpu.desa),
        (_("Kecamatan"), tpu.kecamatan),
        (_("Area"), f"{number(tpu.luas_m2)} m²"),
        (_("Total plots"), number(tpu.petak_total)),
        (_("Plots in use"), number(tpu.petak_terisi)),
        (_("Plots free"), number(tpu.petak_tersedia)),
        (_("Intended for"), localized(tpu.peruntukan, tpu.peruntukan_en)),
    ]


def tpu_detail(tpu_id: str, name: str) -> Detail:
    async def fetch(ctx: Context) -> Tpu:
        return await ctx.api.fetch(TPU, id=tpu_id)

    def render(ctx: Context, tpu: Tpu) -> Content:
        body = [label_rows(tpu_rows(tpu))]
        if tpu.petak_tersedia > 0:
            apply = Option(_("Apply for a burial permit here"), lambda ctx: apply_at(ctx, tpu),
                           hint=_("This TPU is chosen for you"))
        else:
            body.append(_("This TPU has no free plot. Apply for a burial permit in another TPU."))
            apply = Option(_("Apply for a burial permit"), apply_for_permit, hint=_("Choose another TPU"))
        return Content(
            title=tpu.nama,
            body=body,
            options=[apply, Option(_("Burial permit: requirements and fee"), lambda ctx: burial_permit())],
        )

    return Detail(title=lambda: name, fetch=fetch, render=render)


def burial_permit() -> Detail:
    async def fetch(ctx: Context) -> IzinMakam:
        return await ctx.api.fetch(IZIN_MAKAM)

    def render(ctx: Context, data: IzinMakam) -> Content:
        fee = data.retribusi
        body = [
            _("Requirements for a burial permit:"),
            "\n".join(f"• {localized(line.teks, line.teks_en)}" for line in data.syarat),
            _("Fee (retribusi): {amount} per {years} years.").format(
                amount=money(fee.biaya), years=number(fee.masa_tahun)
            ),
        ]
        if fee.gratis_dengan_sktm:
            body.append(_("Free with an SKTM (letter of low income) from your village office."))
        return Content(
            body=with_notes(body),
            options=[Option(_("Apply for a burial permit"), apply_for_permit,
                            hint=_("By number keys, with a receipt"))],
        )

    return Detail(title=L("Burial permit"), fetch=fetch, render=render)


def village_kind(kode_desa: str) -> str:
    """"Desa" or "Kelurahan", as the Kemendagri code says (36.03.KK.1NNN is a kelurahan)."""
    return _("Urban village") if regions.is_kelurahan(kode_desa) else _("Village")


def label_rows(pairs: list[tuple[str, str]]) -> str:
    """`Label    value` lines, the values in one column."""
    width = max(len(label) for label, _value in pairs) + 2
    return "\n".join(f"{label.ljust(width)}{value}" for label, value in pairs)
