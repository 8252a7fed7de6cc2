"""Simenara: the register of telecommunication towers, by kecamatan or by the code on the tower's sign.

The information side only; a later step adds forms (e.g. a tower permit request) to the same Menu.
"""

from __future__ import annotations

from gemilang_tui.api.paged import paged
from gemilang_tui.api.simenara import DAFTAR_MENARA, KECAMATAN, MENARA, KecamatanMenara, Menara
from gemilang_tui.catalog import ServiceEntry
from gemilang_tui.domain import regions
from gemilang_tui.flow import Ask, Content, Context, Detail, FieldError, Menu, Option, PagedList, Step
from gemilang_tui.i18n import N_, L, _, long_date, number

CODE_DIGITS = 6  # MNR-18-0007: 2 digits of the kecamatan, 4 of the tower

#: Permit states the register uses, as msgids; an unknown state is shown as the API gives it.
STATUS = {
    "Berlaku": N_("Valid"),
    "Dalam perpanjangan": N_("Being renewed"),
    "Kedaluwarsa": N_("Expired"),
}


def start(ctx: Context, entry: ServiceEntry) -> Step:
    return Menu(
        title=lambda: str(entry.judul),
        question=L("What would you like to know? Press its number."),
        body=lambda ctx: [_("Telecommunication towers registered in Kabupaten Tangerang.")],
        options=lambda ctx: [
            Option(_("List of towers by kecamatan"), lambda ctx: kecamatan_list(),
                   hint=_("Address, height, owner, permit")),
            Option(_("Find a tower by its code"), lambda ctx: ask_code(),
                   hint=_("The code on the sign, e.g. MNR-18-0007")),
        ],
    )


def kecamatan_list() -> PagedList[KecamatanMenara]:
    def hint(row: KecamatanMenara) -> str:
        if not row.jumlah_menara:
            return _("No tower registered")
        return _("Towers: {count}").format(count=number(row.jumlah_menara))

    return PagedList(
        title=L("Towers by kecamatan"),
        question=L("In which kecamatan? Press its number."),
        fetch=paged(KECAMATAN),
        label=lambda row: row.nama,
        hint=hint,
        open_item=lambda row: lambda ctx: tower_list(row),
    )


def tower_list(kecamatan: KecamatanMenara) -> PagedList[Menara]:
    return PagedList(
        title=lambda: _("Towers in Kecamatan {name}").format(name=kecamatan.nama),
        question=L("Press the number of a tower to see its details."),
        fetch=paged(DAFTAR_MENARA, kecamatan=kecamatan.kode_kecamatan),
        label=lambda tower: tower.kode,
        hint=lambda tower: f"{village_kind(tower.kode_desa)} {tower.desa}, {number(tower.tinggi_m)} m",
        open_item=lambda tower: lambda ctx: tower_detail(tower.kode),
        empty=L("No tower is registered in this kecamatan."),
    )


def status_text(status: str) -> str:
    msgid = STATUS.get(status)
    return _(msgid) if msgid else status


def tower_rows(tower: Menara) -> list[tuple[str, str]]:
    return [
        (_("Tower code"), tower.kode),
        (_("Address"), tower.alamat),
        (village_kind(tower.kode_desa), tower.desa),
        (_("Kecamatan"), tower.kecamatan),
        (_("Height"), f"{number(tower.tinggi_m)} m"),
        (_("Owner"), tower.pemilik),
        (_("Operators"), ", ".join(tower.operator) or "–"),
        (_("Permit status"), status_text(tower.status_izin)),
        (_("Valid until"), long_date(tower.berlaku_sampai)),
    ]


def render_tower(ctx: Context, tower: Menara) -> Content:
    return Content(title=_("Tower {code}").format(code=tower.kode), body=[label_rows(tower_rows(tower))])


def tower_detail(code: str) -> Detail:
    async def fetch(ctx: Context) -> Menara:
        return await ctx.api.fetch(MENARA, kode=code)

    return Detail(title=lambda: _("Tower {code}").format(code=code), fetch=fetch, render=render_tower)


def parse_code(text: str) -> str:
    """The 6 digits after `MNR-` → `MNR-18-0007`; a plain message when the count is wrong."""
    digits = "".join(char for char in text if char.isdigit())
    if not digits:
        raise FieldError(_("Please type the 6 digits of the tower code."))
    if len(digits) != CODE_DIGITS:
        raise FieldError(
            _("A tower code has 6 digits after MNR. You typed {got} digits.").format(got=len(digits))
        )
    return f"MNR-{digits[:2]}-{digits[2:]}"


def ask_code() -> Ask:
    async def then(ctx: Context, code: str) -> Step:
        tower = await ctx.api.fetch(MENARA, kode=code)

        async def loaded(ctx: Context) -> Menara:
            return tower

        return Detail(title=lambda: _("Tower {code}").format(code=code), fetch=loaded, render=render_tower)

    return Ask(
        title=L("Find a tower by its code"),
        question=L("Type the 6 digits of the tower code, then press Enter."),
        label=L("Tower code"),
        prefix="MNR-",
        parse=parse_code,
        then=then,
        max_length=CODE_DIGITS,
        hint=L("The code is on the sign at the tower's fence. For MNR-18-0007, type 180007."),
        not_found=lambda typed: _("No tower has the code {code}. Check the sign and type it again.").format(
            code=_format_typed(typed)
        ),
    )


def _format_typed(typed: str) -> str:
    try:
        return parse_code(typed)
    except FieldError:
        return "MNR-" + typed


def village_kind(kode_desa: str) -> str:
    """"Desa" or "Kelurahan", as the Kemendagri code says (36.03.KK.1NNN is a kelurahan)."""
    return _("Urban village") if regions.is_kelurahan(kode_desa) else _("Village")


def label_rows(pairs: list[tuple[str, str]]) -> str:
    """`Label    value` lines, the values in one column."""
    width = max(len(label) for label, _value in pairs) + 2
    return "\n".join(f"{label.ljust(width)}{value}" for label, value in pairs)
