"""A list with nothing to list, or a service without its module, says so in plain words and in the log."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from gemilang_tui import services
from gemilang_tui.catalog import LocalText, ServiceEntry
from gemilang_tui.config import Settings
from gemilang_tui.flow import Context, Menu, Page, PagedList
from gemilang_tui.i18n import set_locale
from gemilang_tui.session import Visit


@pytest.fixture
def ctx(tmp_path: Path) -> Context:
    set_locale("id")
    return Context(visit=Visit(), api=None, settings=Settings(data_dir=tmp_path))  # type: ignore[arg-type]


def entry(kode: str) -> ServiceEntry:
    return ServiceEntry(kode, 9, None, True, LocalText({"id": "Layanan Baru"}), LocalText({"id": "Sesuatu yang baru."}))


def test_a_menu_without_choices_says_so_and_logs_it_once(ctx, caplog):
    menu = Menu(title=lambda: "Pilih desa", options=lambda ctx: [])
    with caplog.at_level(logging.ERROR, logger="gemilang_tui.flow"):
        text = menu.view(ctx).as_text()
        menu.view(ctx)
    assert "Layanan ini sedang tidak tersedia" in text
    assert [record.getMessage() for record in caplog.records] == ["menu 'Pilih desa' has no choices to show"]


async def test_an_empty_list_says_so_and_logs_it(ctx, caplog):
    async def nothing(ctx: Context, page: int, size: int) -> Page[str]:
        return Page(items=[], total=0)

    listing = PagedList(title=lambda: "Berita", fetch=nothing, label=str, open_item=lambda item: None)
    with caplog.at_level(logging.WARNING, logger="gemilang_tui.flow"):
        await listing.load(ctx)
    assert "Belum ada data untuk ditampilkan" in listing.view(ctx).as_text()
    assert "list 'Berita' has nothing on page 1" in caplog.text


def test_an_announced_service_is_segera_hadir(ctx, monkeypatch):
    monkeypatch.setattr(services, "COMING_SOON", frozenset({"layanan_baru"}))
    view = services.start_service(ctx, entry("layanan_baru")).view(ctx)
    assert "segera hadir" in view.as_text() and "Sesuatu yang baru." in view.as_text()


def test_a_code_without_module_or_announcement_is_a_logged_defect(ctx, caplog):
    with caplog.at_level(logging.ERROR, logger="gemilang_tui.services"):
        text = services.start_service(ctx, entry("salah_ketik")).view(ctx).as_text()
    assert "segera hadir" not in text and "sedang tidak tersedia" in text
    assert "'salah_ketik' has no service module" in caplog.text
