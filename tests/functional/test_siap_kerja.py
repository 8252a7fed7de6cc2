"""Siap Kerja: open vacancies only, chosen by number (all, kecamatan, schooling) → detail; Kartu AK/1."""

from __future__ import annotations

import re

from tests.conftest import choose, kiosk, kiosk_at, press, screen_text

SIAP_KERJA = ("1", "8", "2")  # Bahasa Indonesia, Donor Darah dan Pekerjaan, Siap Kerja: the one walk by number keys
AT_SIAP_KERJA = ("Donor darah dan pekerjaan", "Lowongan kerja (Siap Kerja)")


def _assert_canonical_vacancy(text: str) -> None:
    assert text.splitlines()[0].strip() == "Operator Produksi"
    assert re.search(r"Jabatan\s+Operator Produksi", text)
    assert re.search(r"Perusahaan\s+PT Sinar Cikupa Makmur", text)
    assert re.search(r"Kecamatan\s+Cikupa", text)
    assert re.search(r"Pendidikan minimal\s+SMA/SMK", text)
    assert re.search(r"Usia maksimal\s+30 tahun", text)
    assert re.search(r"Gaji\s+Rp5\.230\.000 per bulan", text)
    assert re.search(r"Ditutup\s+20 Desember 2026", text)


async def test_menu_offers_the_filters_by_number(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, *SIAP_KERJA)
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Lowongan kerja (Siap Kerja)"
        for line in ("1  Semua lowongan", "2  Lowongan menurut kecamatan", "3  Lowongan menurut pendidikan",
                     "4  Kartu kuning (AK/1)"):
            assert line in text


async def test_all_vacancies_then_the_canonical_one(settings):
    async with kiosk_at(settings, *AT_SIAP_KERJA) as (app, pilot):
        await press(pilot, "1")
        text = screen_text(app)
        assert re.search(r"1  Operator Produksi\s+PT Sinar Cikupa Makmur, Cikupa", text)
        await press(pilot, "1")
        _assert_canonical_vacancy(screen_text(app))
        view = " ".join(app.last_view.as_text().split())  # how to apply, below the fold
        assert "Untuk melamar, bawa: • Surat lamaran dan daftar riwayat hidup (CV) • Fotokopi KTP" in view
        assert "• Kartu kuning (AK/1)" in view
        assert ("Tempat melamar: • Di perusahaan: PT Sinar Cikupa Makmur, Jl. Raya Serang Km 14, Desa Bitung Jaya, "
                "Kecamatan Cikupa.") in view
        assert ("• Atau di bursa kerja Disnaker: Kantor Dinas Ketenagakerjaan Kabupaten Tangerang, "
                "Jl. H. Somawinata, Tigaraksa") in view
        assert "1 Ajukan kartu kuning (AK/1)" in view and "2 Cara membuat kartu kuning (AK/1)" in view
        await press(pilot, "1")  # the AK/1 form, from the vacancy
        assert screen_text(app).splitlines()[0].strip() == "Kartu kuning (AK/1) · langkah 1"


async def test_closed_vacancies_are_not_listed(settings):
    async with kiosk_at(settings, *AT_SIAP_KERJA) as (app, pilot):
        await press(pilot, "1")
        pages, numbers = [], []
        for _ in range(4):  # + turns the page; after the last page, the first comes round again
            text = screen_text(app)
            pages.append(text)
            numbers.append(app.last_view.page)
            assert "+  Halaman berikutnya" in text and "8  " not in text and "9  " not in text
            await press(pilot, "plus")
        everything = "\n".join(pages)
        assert numbers == ["Halaman 1 dari 3", "Halaman 2 dari 3", "Halaman 3 dari 3", "Halaman 1 dari 3"]
        assert "Penjahit" not in everything  # Kresek, closed 20 November 2026
        assert "Cisauk" not in everything  # Operator Produksi in Cisauk, closed 25 November 2026
        assert "Staf Administrasi" in everything  # closes 5 December 2026: still open


async def test_by_kecamatan_chosen_by_number(settings):
    async with kiosk_at(settings, *AT_SIAP_KERJA) as (app, pilot):
        await press(pilot, "2")
        text = screen_text(app)
        assert re.search(r"2  Cikupa\s+Lowongan: 2", text)
        assert "Kresek" not in text and "Cisauk" not in text  # only closed vacancies there
        await press(pilot, "2")
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Lowongan di Kecamatan Cikupa"
        assert "1  Operator Produksi" in text and "2  Operator Mesin Jahit" in text
        assert "Balaraja" not in text
        await press(pilot, "1")
        _assert_canonical_vacancy(screen_text(app))


async def test_by_schooling_lists_what_that_schooling_may_apply_for(settings):
    async with kiosk_at(settings, *AT_SIAP_KERJA) as (app, pilot):
        await press(pilot, "3")
        text = screen_text(app)
        assert "Apa pendidikan terakhir Anda?" in text
        assert "1  Tidak sekolah / tidak tamat SD" in text
        assert "4  Sekolah menengah atas atau kejuruan (SMA/SMK)" in text
        await press(pilot, "3")
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Lowongan untuk pendidikan Anda: Sekolah menengah pertama (SMP)"
        assert "Operator Mesin Jahit" in text  # asks for SMP
        assert "Petugas Kebersihan" in text  # asks for SD
        assert "Operator Produksi" not in text  # asks for SMA/SMK
        await press(pilot, "0", "4")
        assert "Operator Produksi" in screen_text(app)
        await press(pilot, "0", "1")
        assert "Saat ini belum ada lowongan yang dibuka di sini" in " ".join(screen_text(app).split())


async def test_ak1_card(settings):
    async with kiosk_at(settings, *AT_SIAP_KERJA) as (app, pilot):
        await press(pilot, "4")
        text = screen_text(app)
        assert "kartu tanda pencari kerja" in text
        assert "KTP Kabupaten Tangerang." in text and "Ijazah terakhir" in text and "Pas foto 3×4" in text
        assert "Gratis" in text and "Berlaku 2 tahun." in text


async def test_unreachable_service_offers_retry_then_shows_vacancies(settings):
    async with kiosk_at(settings, *AT_SIAP_KERJA) as (app, pilot):
        # the Menu Utama needs the catalogue: break the API only after it
        app.api.mock_app.state.faults.mode = "error"
        await press(pilot, "1")
        assert "1  Coba lagi" in screen_text(app)
        app.api.mock_app.state.faults.mode = ""
        await press(pilot, "1")
        assert "Operator Produksi" in screen_text(app)


async def test_english_vacancy(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "2")  # English
        await choose(app, pilot, "Blood donation and jobs", "Jobs (Siap Kerja)")
        await press(pilot, "1", "1")
        text = screen_text(app)
        assert re.search(r"Minimum schooling\s+SMA/SMK", text)
        assert re.search(r"Maximum age\s+30 years", text)
        assert re.search(r"Salary\s+Rp5,230,000 a month", text)
        assert re.search(r"Closes on\s+December 20, 2026", text)
