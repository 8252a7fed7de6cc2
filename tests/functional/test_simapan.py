"""SIMAPAN: kecamatan with a TPU (paged) → TPU → its plots; the burial permit's requirements and fee."""

from __future__ import annotations

import re

from tests.conftest import choose, kiosk, kiosk_at, press, screen_text, type_text

SIMAPAN = ("1", "3")  # Bahasa Indonesia, SIMAPAN: the one walk by number keys; the others go by label
AT_SIMAPAN = ("Makam dan izin makam (SIMAPAN)",)


async def test_menu_can_grow(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, *SIMAPAN)
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Makam dan izin makam (SIMAPAN)"
        assert "1  Makam umum (TPU) per kecamatan" in text
        assert "2  Syarat dan biaya izin makam" in text


async def test_only_kecamatan_with_a_tpu_paged_with_plus(settings):
    async with kiosk_at(settings, *AT_SIMAPAN) as (app, pilot):
        await press(pilot, "1")
        text = screen_text(app)
        assert re.search(r"1  Balaraja\s+1 TPU", text)
        assert "Gunung Kaler" not in text  # no TPU there in the register
        assert re.search(r"7  Pagedangan\s+1 TPU", text) and "8  " not in text  # 7 a page: 8 and 9 never turn it
        assert app.last_view.page == "Halaman 1 dari 2" and "+  Halaman berikutnya" in text
        await press(pilot, "plus")
        text = screen_text(app)
        assert app.last_view.page == "Halaman 2 dari 2" and "+  Halaman berikutnya" in text
        assert re.search(r"5  Tigaraksa\s+5 TPU", text)
        await press(pilot, "pageup")
        assert app.last_view.page == "Halaman 1 dari 2" and "1  Balaraja" in screen_text(app)
        await press(pilot, "plus", "plus")  # after the last page, the first again
        assert app.last_view.page == "Halaman 1 dari 2" and "1  Balaraja" in screen_text(app)


async def test_tpu_tapos_shows_its_free_plots(settings):
    async with kiosk_at(settings, *AT_SIMAPAN) as (app, pilot):
        await press(pilot, "1")
        await choose(app, pilot, "Tigaraksa")
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
    async with kiosk_at(settings, *AT_SIMAPAN) as (app, pilot):
        await press(pilot, "1")
        await choose(app, pilot, "Tigaraksa", "TPU Sudirman")  # TPU Sudirman lies in Kelurahan Tigaraksa
        assert re.search(r"Kelurahan\s+Tigaraksa", screen_text(app))


async def test_burial_permit_requirements_and_fee(settings):
    async with kiosk_at(settings, *AT_SIMAPAN) as (app, pilot):
        await press(pilot, "2")
        text = " ".join(screen_text(app).split())
        assert "Syarat izin pemakaman:" in text
        assert "Fotokopi KTP almarhum/almarhumah." in text
        assert "Surat pengantar RT/RW." in text
        assert "paling lambat 2 jam sebelum pemakaman" in text
        assert "Biaya makam: Rp100.000 untuk 3 tahun." in text
        assert "1 Minta izin makam" in text
        assert "Gratis dengan SKTM" in text


async def test_unreachable_service_offers_retry_then_shows_the_list(settings):
    async with kiosk_at(settings, *AT_SIMAPAN) as (app, pilot):
        # the Menu Utama needs the catalogue: break the API only after it
        app.api.mock_app.state.faults.mode = "error"
        await press(pilot, "1")
        assert "1  Coba lagi" in screen_text(app)
        app.api.mock_app.state.faults.mode = ""
        await press(pilot, "1")
        text = screen_text(app)
        assert "1  Balaraja" in text and "Coba lagi" not in text


async def test_english_tpu_detail(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "2")  # English
        await choose(app, pilot, "Cemeteries (SIMAPAN)")
        await press(pilot, "1")
        await choose(app, pilot, "Tigaraksa", "TPU Tapos")
        text = screen_text(app)
        assert re.search(r"Village\s+Tapos", text)
        assert re.search(r"Total plots\s+800", text)
        assert re.search(r"Plots free\s+120", text)
        assert "Burial permit: requirements and fee" in text


async def test_a_tpu_page_opens_the_burial_permit_with_that_tpu(settings):
    async with kiosk_at(settings, *AT_SIMAPAN) as (app, pilot):
        await press(pilot, "1")
        await choose(app, pilot, "Tigaraksa", "TPU Tapos")
        assert re.search(r"1  Minta izin makam di TPU ini\s+TPU ini langsung terpilih", screen_text(app))
        await press(pilot, "1")
        flat = " ".join(screen_text(app).split())
        assert "Apakah dokumen ini sudah ada?" in flat  # the documents first, before any typing
        await press(pilot, "1")
        await type_text(pilot, "SITI AMINAH")
        await press(pilot, "enter", "2", "2", "1", "3")  # no NIK; died yesterday; buried today at 10.00
        flat = " ".join(screen_text(app).split())
        assert "Ketik NIK penanggung jawab." in flat  # kecamatan and TPU already chosen
        await type_text(pilot, "3603284508710003")
        await press(pilot, "enter")
        assert "Siapa nama lengkap penanggung jawab?" in " ".join(screen_text(app).split())
        await choose(app, pilot, "Ketik nama")
        await type_text(pilot, "BUDI SANTOSO")
        await press(pilot, "enter")
        await choose(app, pilot, "Anak")
        await type_text(pilot, "081234567890")  # typed in full: nothing is prefilled
        await press(pilot, "enter")
        await choose(app, pilot, "Tidak punya SKTM")
        flat = " ".join(screen_text(app).split())
        assert "Izin pemakaman · periksa jawaban" in flat
        assert "• Tempat makam: TPU Tapos, Kecamatan Tigaraksa" in flat
        assert "• Penanggung jawab: BUDI SANTOSO (Anak), NIK 3603 2845 0871 0003" in flat
        assert "• Telepon: 0812 3456 7890" in flat
        assert "1 Benar, kirim" in flat and "2 Ubah jawaban" in flat


async def test_a_full_tpu_says_so_and_offers_the_form_for_another(settings):
    async with kiosk_at(settings, *AT_SIMAPAN) as (app, pilot):
        await press(pilot, "1")
        await choose(app, pilot, "Pasar Kemis", "TPU Sindangsari")
        flat = " ".join(screen_text(app).split())
        assert "TPU ini tidak punya petak kosong. Minta izin makam di TPU lain." in flat
        assert "1 Minta izin makam Pilih TPU lain" in flat
