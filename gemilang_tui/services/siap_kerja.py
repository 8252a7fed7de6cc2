"""Siap Kerja (Disnaker): open job vacancies chosen by number (all, by kecamatan, by schooling), Kartu AK/1.

Option 5 applies for the AK/1 card (the form is `services/ak1.py`).
Closed vacancies are never listed: the API leaves them out (it knows today's date).
"""

from __future__ import annotations

from gemilang_tui.api.paged import paged
from gemilang_tui.api.siap_kerja import (
    AK1,
    KECAMATAN,
    LOWONGAN,
    LOWONGAN_LIST,
    PENDIDIKAN,
    KartuAk1,
    KecamatanLowongan,
    Lowongan,
)
from gemilang_tui.catalog import ServiceEntry
from gemilang_tui.flow import Content, Context, Detail, Menu, Option, PagedList, Step
from gemilang_tui.i18n import N_, L, _, localized, long_date, money, number
from gemilang_tui.wizard.paper import paper, print_options

#: Each level of schooling in plain words, the official short name after it, as msgids.
SCHOOLING = {
    "Tidak tamat SD": N_("No schooling, or primary school not finished"),
    "SD": N_("Primary school (SD)"),
    "SMP": N_("Junior high school (SMP)"),
    "SMA/SMK": N_("Senior or vocational high school (SMA/SMK)"),
    "D3": N_("Diploma (D3)"),
    "S1": N_("Bachelor's degree (S1)"),
}


def schooling(level: str) -> str:
    return _(SCHOOLING[level]) if level in SCHOOLING else level


def start(ctx: Context, entry: ServiceEntry) -> Step:
    return Menu(
        title=lambda: str(entry.judul),
        question=L("What would you like to see? Press its number."),
        body=lambda ctx: [_("Job vacancies in Kabupaten Tangerang, from the Manpower Office (Disnaker).")],
        options=lambda ctx: [
            Option(_("All vacancies"), lambda ctx: vacancies(), hint=_("Every vacancy still open")),
            Option(_("Vacancies by kecamatan"), lambda ctx: kecamatan_list(), hint=_("Work near your home")),
            Option(_("Vacancies by schooling"), lambda ctx: schooling_menu(),
                   hint=_("Jobs open to your schooling")),
            Option(_("Job seeker's card (AK/1)"), lambda ctx: ak1(),
                   hint=_("The yellow card: how to get it")),
            Option(_("Apply for the AK/1 card"), apply_for_card, hint=_("Free, by number keys")),
            Option(_("Check an AK/1 card application"), check_card, hint=_("With the number on your receipt")),
        ],
    )


def apply_for_card(ctx: Context) -> Step:
    """The AK/1 application form (`services/ak1.py`, which uses this module: imported when chosen)."""
    from gemilang_tui.services import ak1 as form

    return form.start_form(ctx)


def check_card(ctx: Context) -> Step:
    """The AK/1 status check, the same as Cek Status → Status kartu kuning (AK/1)."""
    from gemilang_tui.services import status_ak1

    return status_ak1.ask(ctx)


# -- the list and one vacancy ------------------------------------------------------------------------------


def vacancies(kecamatan: str | None = None, pendidikan: str | None = None, title=None) -> PagedList[Lowongan]:
    """Open vacancies, filtered by the API (`kecamatan` code, `pendidikan` = the applicant's schooling)."""

    return PagedList(
        title=title or (L("Job vacancies")),
        question=L("Press the number of a vacancy to see its details."),
        fetch=paged(LOWONGAN_LIST, kecamatan=kecamatan, pendidikan=pendidikan),
        label=lambda job: job.jabatan,
        hint=lambda job: f"{job.perusahaan}, {job.kecamatan}",
        open_item=lambda job: lambda ctx: vacancy_detail(job.id, job.jabatan),
        empty=L("There is no open vacancy here now. Press 0 and choose another, or ask the officer."),
    )


def vacancy_rows(job: Lowongan) -> list[tuple[str, str]]:
    rows = [
        (_("Position"), job.jabatan),
        (_("Company"), job.perusahaan),
        (_("Kecamatan"), job.kecamatan),
        (_("Minimum schooling"), job.pendidikan_minimal),
    ]
    if job.usia_maksimal is not None:
        rows.append((_("Maximum age"), _("{years} years").format(years=number(job.usia_maksimal))))
    if job.gaji is not None:
        rows.append((_("Salary"), _("{amount} a month").format(amount=money(job.gaji))))
    rows.append((_("Closes on"), long_date(job.ditutup)))
    return rows


def vacancy_detail(job_id: str, name: str) -> Detail:
    async def fetch(ctx: Context) -> Lowongan:
        return await ctx.api.fetch(LOWONGAN, id=job_id)

    def render(ctx: Context, job: Lowongan) -> Content:
        body = [label_rows(vacancy_rows(job))]
        note = localized(job.keterangan, job.keterangan_en)
        if note:
            body.append(note)
        body.extend(how_to_apply(job))
        return Content(
            title=job.jabatan,
            body=body,
            options=[
                Option(_("Apply for the AK/1 card"), apply_for_card, hint=_("Free, by number keys")),
                Option(_("How to get the AK/1 card"), lambda ctx: ak1()),
                *print_options(ctx, lambda: job.jabatan, lambda ctx: paper(
                    ctx, job.jabatan, job.perusahaan, _("Company:"),
                    [label_rows(vacancy_rows(job)), *([note] if note else [])],
                    "\n".join(how_to_apply(job)[:-1]))),
            ],
        )

    return Detail(title=lambda: name, fetch=fetch, render=render)


def how_to_apply(job: Lowongan) -> list[str]:
    """What to bring and where to go: the company's address, and the Disnaker job fair when it takes this job."""
    lines = []
    if job.lamaran is not None and job.lamaran.berkas:
        lines.append("\n".join([_("To apply, bring:"),
                                 *(f"• {localized(item.teks, item.teks_en)}" for item in job.lamaran.berkas)]))
    else:
        lines.append(_("To apply, bring a CV, your KTP and the yellow card (AK/1)."))
    where = []
    if job.alamat_perusahaan:
        where.append("• " + _("At the company: {company}, {address}.").format(
            company=job.perusahaan, address=job.alamat_perusahaan))
    if job.lewat_bursa_kerja and job.lamaran is not None:
        where.append("• " + _("Or at the Disnaker job fair: {place}.").format(
            place=localized(job.lamaran.bursa_kerja.teks, job.lamaran.bursa_kerja.teks_en)))
    if where:
        lines.append("\n".join([_("Where to apply:"), *where]))
    lines.append(_("No yellow card (AK/1) yet? Press 1 to apply for it here, free of charge."))
    return lines


# -- choosing by number ------------------------------------------------------------------------------------


def kecamatan_list() -> PagedList[KecamatanLowongan]:
    return PagedList(
        title=L("Vacancies by kecamatan"),
        question=L("Kecamatan with open vacancies. Press a number."),
        fetch=paged(KECAMATAN),
        label=lambda row: row.nama,
        hint=lambda row: _("Vacancies: {count}").format(count=number(row.jumlah_lowongan)),
        open_item=lambda row: lambda ctx: vacancies(
            kecamatan=row.kode_kecamatan,
            title=lambda: _("Vacancies in Kecamatan {name}").format(name=row.nama),
        ),
        empty=L("There is no open vacancy now. Please come back another day."),
    )


def schooling_menu() -> Menu:
    def choose(level: str) -> Option:
        return Option(
            schooling(level),
            lambda ctx: vacancies(
                pendidikan=level,
                title=lambda: _("Vacancies open to your schooling: {level}").format(level=schooling(level)),
            ),
        )

    return Menu(
        title=L("Vacancies by schooling"),
        question=L("What is your highest schooling? Press its number."),
        body=lambda ctx: [_("You will see the vacancies you can apply for with it.")],
        options=lambda ctx: [choose(level) for level in PENDIDIKAN],
    )


# -- Kartu AK/1 --------------------------------------------------------------------------------------------


def ak1() -> Detail:
    async def fetch(ctx: Context) -> KartuAk1:
        return await ctx.api.fetch(AK1)

    def render(ctx: Context, card: KartuAk1) -> Content:
        if card.biaya == 0:
            cost = _("Free of charge.")
        else:
            cost = _("Fee: {amount}.").format(amount=money(card.biaya))
        return Content(
            body=[
                _("The yellow card (AK/1) shows that you are looking for work. Companies often ask for it."),
                _("What you need:"),
                "\n".join(f"• {localized(line.teks, line.teks_en)}" for line in card.syarat),
                cost + " " + _("Valid for {years} years.").format(years=number(card.masa_berlaku_tahun)),
                _("Where: {place}.").format(place=localized(card.tempat, card.tempat_en)),
            ],
            options=[Option(_("Apply for the AK/1 card"), apply_for_card, hint=_("Free, by number keys"))],
        )

    return Detail(title=L("Job seeker's card (AK/1)"), fetch=fetch, render=render)


def label_rows(pairs: list[tuple[str, str]]) -> str:
    """`Label    value` lines, the values in one column."""
    width = max(len(label) for label, _value in pairs) + 2
    return "\n".join(f"{label.ljust(width)}{value}" for label, value in pairs)
