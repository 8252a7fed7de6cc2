"""The welcome screen, the Menu Utama and its groups: numbered choices drawn from the catalogue."""

from __future__ import annotations

from gemilang_tui.catalog import Catalogue, Group, ServiceEntry, bundled_catalogue
from gemilang_tui.flow import Context, Menu, Next, Option, Step
from gemilang_tui.i18n import L, _, set_locale
from gemilang_tui.services import start_service

LANGUAGES = (("id", "Bahasa Indonesia"), ("en", "English"))


def welcome() -> Menu:
    """The first screen: a greeting and the choice of language."""

    def choose_language(locale: str) -> Next:
        def go(ctx: Context) -> Step:
            ctx.visit.locale = locale
            set_locale(locale)
            return main_menu()

        return go

    menu = Menu(
        title=L("Welcome to Tangerang Gemilang"),
        question=L("Choose your language: press 1 or 2."),
        body=lambda ctx: [
            _("Public services of Kabupaten Tangerang, by number keys."),
        ],
        options=lambda ctx: [Option(name, choose_language(code)) for code, name in LANGUAGES],
    )
    menu.ends_visit = True  # however it is reached (back, home, idle, Selesai), nothing of the visit stays
    return menu


def catalogue_of(ctx: Context) -> Catalogue:
    """The API's catalogue once it has answered; until then (or when it cannot) the bundled copy."""
    if ctx.catalogue is None:
        ctx.catalogue = bundled_catalogue()
    return ctx.catalogue


def _open(entry: Group | ServiceEntry) -> Next:
    if isinstance(entry, Group):
        return lambda ctx: group_menu(entry)
    return lambda ctx: start_service(ctx, entry)


def _option(entry: Group | ServiceEntry) -> Option:
    return Option(str(entry.judul), _open(entry), hint=str(entry.keterangan))


def main_menu() -> Menu:
    """The Menu Utama: the main services first, then the groups; every service within two presses."""
    return Menu(
        title=L("Main Menu"),
        question=L("Which service do you need? Press its number."),
        options=lambda ctx: [_option(entry) for entry in catalogue_of(ctx).top_level()],
    )


def group_menu(group: Group) -> Menu:
    """The services of one group of the Menu Utama."""
    return Menu(
        title=lambda: str(group.judul),
        question=L("Press the number of the service you need."),
        options=lambda ctx: [_option(entry) for entry in catalogue_of(ctx).in_group(group.kode)],
    )
