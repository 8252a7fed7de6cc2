"""Sipinter in Pajak dan izin: which permits exist (plain name first, the official one after), what each needs
and how long it takes, where to apply, and the status check; no longer "segera hadir"."""

from __future__ import annotations

from tests.conftest import choose, kiosk, press, text, type_text

TALL = (80, 60)


async def open_sipinter(app, pilot, *keys: str, language: str = "1") -> None:
    """Sipinter's menu, found by the options' labels; then `keys` inside it."""
    await press(pilot, language)
    await choose(app, pilot, "Pajak dan izin" if language == "1" else "Taxes and permits")
    await choose(app, pilot, "Sipinter")
    await press(pilot, *keys)


async def test_the_menu_offers_permits_places_and_the_status(settings):
    async with kiosk(settings) as (app, pilot):
        await open_sipinter(app, pilot)
        menu = text(app)
        assert "segera hadir" not in menu
        for line in ("1 Jenis izin yang ada", "2 Tempat mengajukan izin", "3 Cek status izin"):
            assert line in menu, line


async def test_a_permit_in_plain_words_with_its_official_name_days_and_requirements(settings):
    async with kiosk(settings, size=TALL) as (app, pilot):
        await open_sipinter(app, pilot, "1")
        listing = text(app)
        assert "1 Izin membuka pabrik atau usaha industri" in listing
        assert "7 Izin membangun atau mengubah bangunan Persetujuan Bangunan Gedung (PBG)" in listing
        assert app.last_view.page == "Halaman 1 dari 2" and "+ Halaman berikutnya" in listing
        await press(pilot, "plus")
        assert "1 Surat bahwa bangunan aman dipakai Sertifikat Laik Fungsi (SLF)" in text(app)
        await press(pilot, "plus")  # round to the first page again
        assert app.last_view.page == "Halaman 1 dari 2"
        await press(pilot, "4")  # Izin memasang reklame atau papan iklan
        permit = text(app)
        assert permit.startswith("Izin memasang reklame atau papan iklan") or "Izin memasang reklame" in permit
        assert "Nama resmi: Izin Reklame" in permit
        assert "Biasanya selesai dalam 10 hari kerja setelah berkas Anda lengkap." in permit
        assert "Ajukan secara daring lewat OSS dan Sipinter" in permit
        assert "• Desain dan ukuran reklame." in permit
        await press(pilot, "1")
        assert "Mal Pelayanan Publik (MPP) Kabupaten Tangerang" in text(app)


async def test_where_to_apply(settings):
    async with kiosk(settings, size=TALL) as (app, pilot):
        await open_sipinter(app, pilot, "2")
        places = text(app)
        assert "Mal Pelayanan Publik (MPP) Kabupaten Tangerang" in places
        assert "Kantor DPMPTSP Kabupaten Tangerang" in places
        assert "Buka: Senin–Jumat, 08.00–15.00" in places


async def test_the_status_inside_sipinter_by_digits(settings):
    async with kiosk(settings) as (app, pilot):
        await open_sipinter(app, pilot, "3")
        assert "ketik 2026000001" in text(app)
        await type_text(pilot, "2026000123")
        await press(pilot, "enter")
        shown = text(app)
        assert "SPT-2026-000123" in shown and "Status: Verifikasi Berkas" in shown


async def test_the_english_list(settings):
    async with kiosk(settings) as (app, pilot):
        await open_sipinter(app, pilot, "1", language="2")
        assert "1 Permit to run a factory or an industry" in text(app)
