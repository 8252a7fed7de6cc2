"""PPID (Menu Utama → Lapor masalah dan informasi → PPID): the daftar informasi publik by kind, seven to a page and
"+" for the next, one entry to read; and the status of an information request, the same flow as Cek Status."""

from __future__ import annotations

from tests.conftest import choose, kiosk, press, screen_text, type_text
from tests.functional.test_status import flat


async def open_ppid(app, pilot, *keys: str, language: str = "1") -> str:
    """PPID's menu found by the options' labels, then `keys` inside it."""
    await press(pilot, language)
    await choose(app, pilot, "Lapor masalah dan informasi" if language == "1" else "Complaints and information")
    await choose(app, pilot, "PPID")
    await press(pilot, *keys)
    return screen_text(app)


async def test_ppid_menu_offers_the_list_and_the_status_check(settings):
    async with kiosk(settings) as (app, pilot):
        text = await open_ppid(app, pilot)
        assert text.splitlines()[0].strip() == "Minta data pemerintah (PPID)"
        assert "1  Data yang sudah terbuka (daftar informasi publik)" in text
        assert "2  Cek permintaan Anda (status permohonan)" in text
        assert "0 - Kembali" in app.last_view.as_text()  # a choice screen: 0 and - both go back


async def test_three_kinds_of_public_information(settings):
    async with kiosk(settings) as (app, pilot):
        text = await open_ppid(app, pilot, "1")
        assert text.splitlines()[0].strip() == "Data yang sudah terbuka (daftar informasi publik)"
        assert "1  Diumumkan rutin (informasi berkala)" in text
        assert "2  Diumumkan segera (informasi serta-merta)" in text
        assert "3  Bisa diminta kapan saja (informasi setiap saat)" in text
        assert "Bencana, wabah, dan gangguan layanan" in text


async def test_berkala_pages_seven_at_a_time(settings):
    async with kiosk(settings) as (app, pilot):
        text = await open_ppid(app, pilot, "1", "1")
        assert text.splitlines()[0].strip() == "Diumumkan rutin (informasi berkala)"
        assert "1  Ringkasan APBD Kabupaten Tangerang Tahun Anggaran 2026" in text
        assert app.last_view.page == "Halaman 1 dari 2" and "Halaman 1 dari 2" in text
        assert "+  Halaman berikutnya" in text
        # 7 entries a page and "+": 8 and 9 are never page keys
        assert [option.shown_key for option in app.last_view.options] == ["1", "2", "3", "4", "5", "6", "7", "+"]
        await press(pilot, "9")
        assert app.last_view.page == "Halaman 1 dari 2"
        await press(pilot, "plus")
        text = screen_text(app)
        assert app.last_view.page == "Halaman 2 dari 2"
        assert "Daftar Lokasi dan Kapasitas TPU" in text
        assert "Ringkasan APBD" not in text
        await press(pilot, "plus")  # after the last page, the first again
        assert app.last_view.page == "Halaman 1 dari 2"
        assert "Ringkasan APBD" in screen_text(app)


async def test_an_entry_shows_summary_office_and_year(settings):
    async with kiosk(settings) as (app, pilot):
        text = await open_ppid(app, pilot, "1", "2", "1")
        assert text.splitlines()[0].strip() == "Peringatan Dini Cuaca Ekstrem dan Potensi Banjir"
        assert "Informasi potensi hujan lebat, genangan, dan lokasi posko siaga." in text
        assert "Dinas: Badan Penanggulangan Bencana Daerah" in text
        assert "Tahun: 2026" in text
        assert "ppid.tangerangkab.go.id" in flat(text)
        assert "loket PPID di Pusat Pemerintahan Kabupaten Tangerang, Jl. H. Somawinata, Tigaraksa" in flat(text)
        assert "1  Minta informasi ini" in text
        await press(pilot, "1")  # the request form, from the entry itself
        assert "Siapa yang meminta informasi?" in flat(screen_text(app))
        await press(pilot, "escape")
        await press(pilot, "0")
        assert screen_text(app).splitlines()[0].strip() == "Diumumkan segera (informasi serta-merta)"


async def test_setiap_saat_lists_only_its_kind(settings):
    async with kiosk(settings) as (app, pilot):
        text = await open_ppid(app, pilot, "1", "3")
        assert "Peraturan Daerah dan Peraturan Bupati" in text
        assert "Ringkasan APBD" not in text and "Peringatan Dini" not in text
        assert "Halaman" not in text  # six entries: one page


async def test_status_check_from_the_ppid_menu(settings):
    async with kiosk(settings) as (app, pilot):
        text = await open_ppid(app, pilot, "2")
        assert text.splitlines()[0].strip() == "Status permohonan PPID"
        await type_text(pilot, "20260042")
        await press(pilot, "enter")
        body = flat(screen_text(app))
        assert "PPID-2026-0042" in body and "Status: Diproses" in body
        assert "paling lambat 7 Desember 2026" in body


async def test_list_when_the_service_is_down_then_back(settings):
    async with kiosk(settings) as (app, pilot):
        app.api.warm_up()
        app.api.mock_app.state.faults.mode = "error"
        text = await open_ppid(app, pilot, "1", "1")
        assert "Coba lagi" in text
        assert "Ringkasan APBD" not in text
        app.api.mock_app.state.faults.mode = ""
        await press(pilot, "1")
        assert "Ringkasan APBD Kabupaten Tangerang Tahun Anggaran 2026" in screen_text(app)


async def test_english_kinds(settings):
    async with kiosk(settings) as (app, pilot):
        text = await open_ppid(app, pilot, "1", language="2")
        assert text.splitlines()[0].strip() == "List of public information"
        assert "1  Published regularly" in text
        assert "2  Announced at once" in text
        assert "3  Available at any time" in text
