"""PPID (public information, UU 14/2008): the daftar informasi publik by kind, a request's status, a new request.

A menu: 1 the list of public information (berkala, serta-merta, setiap saat → a paged list → one entry), 2 the
status of a request (the same flow as `status_ppid`), 3 a new information request (`ppid_request.py`, a wizard
sent through the outbox).
"""

from __future__ import annotations

from gemilang_tui.api.paged import paged
from gemilang_tui.api.ppid import DAFTAR_INFORMASI, InformasiPublik
from gemilang_tui.catalog import ServiceEntry
from gemilang_tui.flow import Context, Menu, Next, Notice, Option, PagedList, Step
from gemilang_tui.i18n import N_, L, _, glossary, localized
from gemilang_tui.services import ppid_request, status_ppid

#: The three kinds of public information of UU 14/2008: API code, name, what it holds (msgids).
KINDS: tuple[tuple[str, str, str], ...] = (
    ("berkala", N_("Published regularly"), N_("Budgets, reports and work plans")),
    ("serta_merta", N_("Announced at once"), N_("Disasters, outbreaks and service disruptions")),
    ("setiap_saat", N_("Available at any time"), N_("Regulations and service standards")),
)


def start(ctx: Context, entry: ServiceEntry) -> Step:
    return Menu(
        title=lambda: str(entry.judul),
        question=L("What do you need? Press its number."),
        options=lambda ctx: [
            Option(_("List of public information"), lambda ctx: kinds_menu(),
                   hint=_("What the government publishes")),
            Option(_("Check a request's status"), lambda ctx: status_ppid.ask(ctx),
                   hint=_("With your PPID request number")),
            Option(_("Ask for information"), lambda ctx: ppid_request.start(ctx),
                   hint=_("Answered within 10 working days")),
        ],
    )


def kinds_menu() -> Menu:
    return Menu(
        title=L("List of public information"),
        question=L("Which kind of information? Press its number."),
        options=lambda ctx: [Option(_(name), _open_kind(code, name), hint=_(hint)) for code, name, hint in KINDS],
    )


def _open_kind(code: str, name: str) -> Next:
    return lambda ctx: information_list(code, name)


def information_list(code: str, name: str) -> PagedList[InformasiPublik]:
    """The entries of one kind, seven to a page, newest year first."""

    return PagedList(
        title=lambda: _(name),
        question=L("Press the number of an entry to read about it."),
        fetch=paged(DAFTAR_INFORMASI, kategori=code),
        label=lambda item: localized(item.judul, item.judul_en),
        open_item=_open_item,
        empty=L("There is no information of this kind yet."),
    )


def _open_item(item: InformasiPublik) -> Next:
    return lambda ctx: information(item)


def information(item: InformasiPublik) -> Notice:
    """One entry: what it holds, which office holds it, the year; and how to get a copy."""
    return Notice(
        title=lambda: localized(item.judul, item.judul_en),
        body=lambda ctx: glossary.with_notes([
            localized(item.ringkasan, item.ringkasan_en),
            "\n".join([
                _("Office: {office}").format(office=item.dinas),
                _("Year: {year}").format(year=item.tahun),
            ]),
            _("To get a copy, press 1 to ask for it here, go to the PPID counter at the Pusat Pemerintahan "
              "Kabupaten Tangerang, Jl. H. Somawinata, Tigaraksa, or visit ppid.tangerangkab.go.id."),
        ], localized(item.judul, item.judul_en)),
        options=lambda ctx: [
            Option(_("Ask for this information"), lambda ctx: ppid_request.start_for(ctx, item.id),
                   hint=_("By number keys, answered within 10 working days")),
        ],
    )
