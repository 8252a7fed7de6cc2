"""SIMAPAN burial permit by number keys: the whole application to the receipt, bad answers, the TPU list, going on
in English, and the person responsible offered again."""

from __future__ import annotations

import re

from gemilang_tui.outbox import Outbox
from tests.conftest import kiosk, press, screen_text, type_text

NIK = "3603284508710003"  # CANON.md: valid, Kelapa Dua, woman born 5 August 1971
PHONE = "081234567890"
DECEASED = "SITI AMINAH"
RESPONSIBLE = "BUDI SANTOSO"
# Menu Utama 3 (SIMAPAN) → 3 Ajukan izin pemakaman
FORM = ["1", "3", "3"]
# date: kemarin; kecamatan: page 2, Tigaraksa; TPU Tapos
TO_PLACE = ["2", "9", "5", "1"]


async def until(pilot, condition, seconds: float = 10.0) -> None:
    """Wait (the sender works in the background) until `condition()` holds."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            await pilot.pause(0.05)
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out waiting")


def text(app) -> str:
    return " ".join(screen_text(app).split())


def outbox(settings) -> Outbox:
    return Outbox(settings.data_dir / "outbox.sqlite3")


async def start(app, pilot, language: str = "1") -> None:
    await until(pilot, lambda: app.ctx.services.get("outbox_listeners"))
    await press(pilot, language, *FORM[1:])


async def enter(pilot, typed: str) -> None:
    await type_text(pilot, typed)
    await press(pilot, "enter")


async def walk_to_check(app, pilot, *, deceased_nik: str | None = None, sktm: str = "2",
                        language: str = "1") -> None:
    """The whole form: the deceased's NIK skipped unless given; the person responsible is the citizen (NIK)."""
    await start(app, pilot, language)
    await enter(pilot, DECEASED)
    if deceased_nik is None:
        await press(pilot, "2")  # Lewati, NIK tidak diketahui
    else:
        await press(pilot, "1")
        await enter(pilot, deceased_nik)
    await press(pilot, *TO_PLACE)
    await enter(pilot, RESPONSIBLE)
    await enter(pilot, NIK)
    await press(pilot, "2")  # anak
    await enter(pilot, PHONE)
    await press(pilot, "1", sktm)  # the documents are all there; SKTM or not


async def test_whole_permit_by_number_keys_to_the_receipt(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        assert "Izin pemakaman · langkah 1 dari 11" in text(app)
        assert "Siapa nama lengkap almarhum atau almarhumah?" in text(app)
        await enter(pilot, DECEASED)
        assert "1 Ketik NIK almarhum" in text(app) and "2 Lewati, NIK tidak diketahui" in text(app)
        await press(pilot, "2")
        assert "Kapan almarhum wafat?" in text(app) and "2 Kemarin 27 November 2026" in text(app)
        await press(pilot, "2")
        assert "Hanya kecamatan yang masih punya petak kosong" in text(app)
        assert app.last_view.page == "Halaman 1 dari 2"
        await press(pilot, "9")
        assert "5 Tigaraksa Petak tersedia: 646" in text(app)
        await press(pilot, "5")
        assert "Di TPU mana?" in text(app) and "1 TPU Tapos Petak tersedia: 120" in text(app)
        await press(pilot, "1")
        assert "Siapa nama lengkap penanggung jawab?" in text(app)
        await enter(pilot, RESPONSIBLE)
        assert "Ketik NIK penanggung jawab." in text(app)
        await enter(pilot, NIK)
        assert "Apa hubungan penanggung jawab dengan almarhum?" in text(app)
        assert "7 Bukan keluarga tetangga, pengurus RT/RW" in text(app)
        await press(pilot, "2")
        assert "Ketik nomor HP penanggung jawab." in text(app)
        await enter(pilot, PHONE)
        docs = text(app)
        assert "Apakah dokumen ini sudah ada?" in docs
        for line in ("• KTP almarhum", "• KTP penanggung jawab", "• Kartu Keluarga (KK)", "• Surat pengantar RT/RW",
                     "• Surat keterangan kematian"):
            assert line in docs, line
        await press(pilot, "1")
        fee = text(app)
        assert "Apakah Anda punya SKTM (Surat Keterangan Tidak Mampu)?" in fee
        assert "1 Ya, saya punya SKTM retribusi gratis dengan SKTM" in fee
        assert "2 Tidak punya SKTM retribusi Rp100.000 untuk 3 tahun" in fee
        await press(pilot, "2")
        check = text(app)
        assert "Izin pemakaman · periksa jawaban" in check
        for line in ("1 Almarhum: SITI AMINAH, NIK tidak diketahui", "2 Tanggal wafat: 27 November 2026",
                     "3 Tempat makam: TPU Tapos, Kecamatan Tigaraksa", "4 Penanggung jawab: BUDI SANTOSO (Anak)",
                     "5 NIK penanggung jawab: 3603********0003", "6 Telepon: 0812****7890", "7 Dokumen: Lengkap",
                     "8 Retribusi: Rp100.000 untuk 3 tahun", "9 Kirim permohonan"):
            assert line in check, line
        assert NIK not in check and PHONE not in check

        app.api.mock_app.state.faults.mode = "down"  # hold the sending back, to see "Tersimpan" first
        await press(pilot, "9")
        receipt = text(app)
        assert "Tersimpan di anjungan ini" in receipt and "Kode tanda terima: K-" in receipt
        assert "Lapor ke pengelola TPU Tapos paling lambat 2 jam sebelum pemakaman." in receipt
        assert "Surat izin pemakaman selesai paling lambat 2 Desember 2026 (3 hari kerja)." in receipt
        assert "Retribusi Rp100.000 untuk 3 tahun, dibayar saat mengambil surat izin." in receipt
        [saved] = outbox(settings).entries()
        assert saved.kind == "izin_makam"

        app.api.mock_app.state.faults.mode = ""
        app.ctx.services["sender"].wake()
        await until(pilot, lambda: "Nomor izin pemakaman Anda" in text(app))
        receipt = text(app)
        assert "Terkirim. Sudah diterima." in receipt and "Tersimpan" not in receipt
        assert "Nomor izin pemakaman Anda: IZM-2026-00001" in receipt
        assert app.last_view.big == "2026-00001"
        [sent] = outbox(settings).entries()
        assert sent.status == "sent" and sent.official_ref == "IZM-2026-00001"
        body = outbox(settings).get(sent.local_ref).payload
        assert body["kode_tpu"] == "TPU-001" and body["sktm"] is False and len(body["dokumen"]) == 5
        assert body["almarhum"] == {"tanggal_wafat": "2026-11-27"}  # name and NIK removed once confirmed
        assert body["penanggung_jawab"] == {"hubungan": "anak"}

        await press(pilot, "1")
        assert "Struk disimpan untuk dicetak petugas" in text(app)
        printed = (settings.data_dir / "receipts" / f"{sent.local_ref}.txt").read_text(encoding="utf-8")
        assert "IZM-2026-00001" in printed and "3603********0003" in printed and NIK not in printed


async def test_only_tpu_with_free_plots_are_offered(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await enter(pilot, DECEASED)
        await press(pilot, "2", "2", "9", "2")  # Pasar Kemis: TPU Sindangsari is full
        shown = text(app)
        assert "Kecamatan Pasar Kemis" in shown
        assert [option.label for option in app.last_view.options] == ["TPU Radar", "TPU Pangadegan"]
        assert "Sindangsari" not in shown


async def test_bad_niks_of_the_deceased_are_refused_and_kept(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await enter(pilot, DECEASED)
        await press(pilot, "1")
        await enter(pilot, "360328450871000")
        assert "NIK harus 16 angka. Anda mengetik 15 angka." in text(app)
        assert "360328450871000" in text(app)
        for _ in range(15):
            await press(pilot, "full_stop")
        await enter(pilot, "3603281513710003")
        assert "13 bukan bulan" in text(app) and "3603281513710003" in text(app)


async def test_a_future_date_of_death_is_refused_and_kept(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await enter(pilot, DECEASED)
        await press(pilot, "2", "3")
        await enter(pilot, "29112026")
        assert "Tanggal wafat tidak boleh setelah hari ini." in text(app)
        assert "29112026" in text(app)
        for _ in range(8):
            await press(pilot, "full_stop")
        await enter(pilot, "25112026")
        assert "Di kecamatan mana tempat pemakamannya (TPU)?" in text(app)


async def test_the_person_responsible_cannot_give_the_nik_of_the_deceased(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await enter(pilot, DECEASED)
        await press(pilot, "1")
        await enter(pilot, NIK)
        await press(pilot, *TO_PLACE)
        await enter(pilot, RESPONSIBLE)
        await enter(pilot, NIK)
        assert "Ini NIK almarhum. Ketik NIK penanggung jawab." in text(app)
        assert NIK in text(app)


async def test_both_niks_masked_and_free_with_an_sktm(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await enter(pilot, DECEASED)
        await press(pilot, "1")
        await enter(pilot, "3603285508460002")  # a woman born 15 August 1946
        await press(pilot, *TO_PLACE)
        await enter(pilot, RESPONSIBLE)
        await enter(pilot, NIK)
        await press(pilot, "2")
        await enter(pilot, PHONE)
        await press(pilot, "1", "1")
        check = text(app)
        assert "1 Almarhum: SITI AMINAH, NIK 3603********0002" in check
        assert "5 NIK penanggung jawab: 3603********0003" in check
        assert "8 Retribusi: gratis dengan SKTM" in check
        assert "3603285508460002" not in check and NIK not in check
        await press(pilot, "9")
        assert "Retribusi gratis dengan SKTM. Bawa SKTM dan dokumen yang asli." in text(app)
        await until(pilot, lambda: "Terkirim" in text(app))


async def test_missing_documents_end_with_where_to_get_them_and_nothing_is_saved(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await enter(pilot, DECEASED)
        await press(pilot, "2", *TO_PLACE)
        await enter(pilot, RESPONSIBLE)
        await enter(pilot, NIK)
        await press(pilot, "2")
        await enter(pilot, PHONE)
        await press(pilot, "2")
        shown = text(app)
        assert "Siapkan dulu dokumen yang kurang" in shown
        assert "Surat keterangan kematian didapat dari rumah sakit, puskesmas" in shown
        assert outbox(settings).entries() == []
        await press(pilot, "0")  # back to the checklist, then the phone: the answers are kept
        assert "Apakah dokumen ini sudah ada?" in text(app)
        await press(pilot, "0")
        assert "Ketik nomor HP penanggung jawab." in text(app) and PHONE in text(app)


async def test_the_tpu_list_unreachable_then_retried(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await enter(pilot, DECEASED)
        await press(pilot, "2")
        app.api.warm_up()
        app.api.mock_app.state.faults.mode = "error"
        await press(pilot, "2")
        assert "Coba lagi" in text(app) or "coba lagi" in text(app).lower()
        app.api.mock_app.state.faults.mode = ""
        await press(pilot, "1")
        assert "1 Balaraja" in text(app)


async def test_english_check_screen(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot, language="2")
        check = text(app)
        assert "Burial permit · check your answers" in check
        assert "1 Deceased: SITI AMINAH, NIK not known" in check
        assert "3 Cemetery: TPU Tapos, Kecamatan Tigaraksa" in check
        assert "4 Person responsible: BUDI SANTOSO (Son or daughter)" in check
        assert "8 Burial fee: Rp100,000 for 3 years" in check and "9 Send the application" in check


async def test_the_person_responsible_is_offered_again_in_the_same_visit(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot)
        await press(pilot, "9")
        await until(pilot, lambda: "Terkirim" in text(app))
        await press(pilot, "2", "3", "3")  # Selesai, then the form again
        await enter(pilot, "AHMAD")
        await press(pilot, "2", *TO_PLACE)
        assert "1 Pakai nama BUDI SANTOSO" in text(app)
        await press(pilot, "1")
        assert "1 Pakai NIK 3603********0003" in text(app)
        await press(pilot, "1", "2")
        assert "1 Pakai nomor 0812****7890" in text(app)
        await press(pilot, "1")
        assert "Apakah dokumen ini sudah ada?" in text(app)
        assert re.search(r"langkah 10 dari 11", text(app))
