"""SIMAPAN: kecamatan with a TPU (paged) → TPU → its plots; the burial permit's requirements and fee."""

from __future__ import annotations

import re

from tests.conftest import kiosk, press, screen_text, type_text

SIMAPAN = ("1", "3")  # Bahasa Indonesia, SIMAPAN


async def test_menu_can_grow(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, *SIMAPAN)
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Makam dan izin makam (SIMAPAN)"
        assert "1  Makam umum (TPU) per kecamatan" in text
        assert "2  Syarat dan biaya izin makam" in text


async def test_only_kecamatan_with_a_tpu_paged_by_number(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, *SIMAPAN, "1")
        text = screen_text(app)
        assert re.search(r"1  Balaraja\s+1 TPU", text)
        assert "Gunung Kaler" not in text  # no TPU there in the register
        assert app.last_view.page == "Halaman 1 dari 2" and "9  Halaman berikutnya" in text
        await press(pilot, "9")
        text = screen_text(app)
        assert app.last_view.page == "Halaman 2 dari 2" and "8  Halaman sebelumnya" in text
        assert re.search(r"5  Tigaraksa\s+5 TPU", text)
        await press(pilot, "8")
        assert app.last_view.page == "Halaman 1 dari 2" and "1  Balaraja" in screen_text(app)


async def test_tpu_tapos_shows_its_free_plots(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, *SIMAPAN, "1", "9", "5")
        text = screen_text(app)
        assert "TPU di Kecamatan Tigaraksa" in text
        assert re.search(r"1  TPU Tapos\s+Petak tersedia: 120", text)
        await press(pilot, "1")
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "TPU Tapos"
        assert re.search(r"Desa\s+Tapos", text)
        assert re.search(r"Kecamatan\s+Tigaraksa", text)
        assert re.search(r"Luas\s+5\.200 m²", text)
        assert re.search(r"Jumlah petak\s+800", text)
        assert re.search(r"Petak terisi\s+680", text)
        assert re.search(r"Petak tersedia\s+120", text)
        assert re.search(r"Untuk pemakaman umat\s+Islam", text)
        assert "Peruntukan" not in text


async def test_a_kelurahan_is_named_as_such(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, *SIMAPAN, "1", "9", "5", "2")  # TPU Sudirman lies in Kelurahan Tigaraksa
        assert re.search(r"Kelurahan\s+Tigaraksa", screen_text(app))


async def test_burial_permit_requirements_and_fee(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, *SIMAPAN, "2")
        text = " ".join(screen_text(app).split())
        assert "Syarat izin pemakaman:" in text
        assert "Fotokopi KTP almarhum/almarhumah." in text
        assert "Surat pengantar RT/RW." in text
        assert "paling lambat 2 jam sebelum pemakaman" in text
        assert "Biaya makam: Rp100.000 untuk 3 tahun." in text
        assert "1 Minta izin makam" in text
        assert "Gratis dengan SKTM" in text


async def test_unreachable_service_offers_retry_then_shows_the_list(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, *SIMAPAN)  # the Menu Utama needs the catalogue: break the API only after it
        app.api.mock_app.state.faults.mode = "error"
        await press(pilot, "1")
        assert "1  Coba lagi" in screen_text(app)
        app.api.mock_app.state.faults.mode = ""
        await press(pilot, "1")
        text = screen_text(app)
        assert "1  Balaraja" in text and "Coba lagi" not in text


async def test_english_tpu_detail(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "2", "3", "1", "9", "5", "1")
        text = screen_text(app)
        assert re.search(r"Village\s+Tapos", text)
        assert re.search(r"Total plots\s+800", text)
        assert re.search(r"Plots free\s+120", text)
        assert "Burial permit: requirements and fee" in text


async def test_a_tpu_page_opens_the_burial_permit_with_that_tpu(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, *SIMAPAN, "1", "9", "5", "1")  # TPU Tapos
        assert re.search(r"1  Minta izin makam di TPU ini\s+TPU ini langsung terpilih", screen_text(app))
        await press(pilot, "1")
        flat = " ".join(screen_text(app).split())
        assert "Apakah dokumen ini sudah ada?" in flat  # the documents first, before any typing
        await press(pilot, "1")
        await type_text(pilot, "SITI AMINAH")
        await press(pilot, "enter", "2", "2", "1", "3")  # no NIK; died yesterday; buried today at 10.00
        flat = " ".join(screen_text(app).split())
        assert "Siapa nama lengkap penanggung jawab?" in flat  # kecamatan and TPU already chosen
        await type_text(pilot, "BUDI SANTOSO")
        await press(pilot, "enter")
        await type_text(pilot, "3603284508710003")
        await press(pilot, "enter", "2")
        await type_text(pilot, "81234567890")
        await press(pilot, "enter", "2")
        flat = " ".join(screen_text(app).split())
        assert "5 Tempat makam: TPU Tapos, Kecamatan Tigaraksa" in flat


async def test_a_full_tpu_says_so_and_offers_the_form_for_another(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, *SIMAPAN, "1", "9", "2")  # Pasar Kemis
        sindangsari = next(o.number for o in app.last_view.options if o.label == "TPU Sindangsari")
        await press(pilot, str(sindangsari))
        flat = " ".join(screen_text(app).split())
        assert "TPU ini tidak punya petak kosong. Minta izin makam di TPU lain." in flat
        assert "1 Minta izin makam Pilih TPU lain" in flat
