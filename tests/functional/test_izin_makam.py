"""SIMAPAN burial permit by number keys: the whole application to the receipt, bad answers, the TPU list, going on
in English, and the person responsible offered again."""

from __future__ import annotations

from gemilang_tui.outbox import Outbox
from tests.conftest import choose, kiosk, press, screen_text, text, type_text, until

NIK = "3603284508710003"  # CANON.md: valid, Kelapa Dua, woman born 5 August 1971
PHONE = "081234567890"
DECEASED = "SITI AMINAH"
RESPONSIBLE = "BUDI SANTOSO"
# Menu Utama "Makam dan izin makam (SIMAPAN)" → "Minta izin makam", by label in either language
FORM = ("SIMAPAN", "Minta izin makam|Apply for a burial permit")
DONOR = ("Donor darah dan", "Sidoni", "Daftar sebagai")
# died yesterday; the burial today at 10.00
WHEN = ["2", "1", "3"]
# kecamatan: "Di sini: Desa Tapos, Kecamatan Tigaraksa" (the kiosk's place); TPU Tapos
TO_PLACE = ["1", "1"]


def outbox(settings) -> Outbox:
    return Outbox(settings.data_dir / "outbox.sqlite3")


async def start(app, pilot, language: str = "1") -> None:
    await until(pilot, lambda: app.ctx.submissions.listeners)
    await press(pilot, language)
    for label in FORM:
        await choose(app, pilot, label)


async def enter(pilot, typed: str) -> None:
    await type_text(pilot, typed)
    await press(pilot, "enter")


async def walk_to_check(app, pilot, *, deceased_nik: str | None = None, sktm: str = "2",
                        language: str = "1") -> None:
    """The whole form: the deceased's NIK skipped unless given; the person responsible is the citizen (NIK)."""
    await start(app, pilot, language)
    await press(pilot, "1")  # the documents are all there
    await enter(pilot, DECEASED)
    if deceased_nik is None:
        await press(pilot, "2")  # Lewati, NIK tidak diketahui
    else:
        await press(pilot, "1")
        await enter(pilot, deceased_nik)
    await press(pilot, *WHEN, *TO_PLACE)
    await enter(pilot, NIK)
    await press(pilot, "1")  # the name may be left to the NIK: 1 types it
    await enter(pilot, RESPONSIBLE)
    await press(pilot, "2")  # anak
    await enter(pilot, PHONE)
    await press(pilot, sktm)  # SKTM or not


async def test_whole_permit_by_number_keys_to_the_receipt(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        docs = text(app)
        assert "Izin pemakaman · langkah 1 " in docs and "dari" not in docs
        assert "Apakah dokumen ini sudah ada?" in docs  # checked before anything is typed
        for line in ("• KTP almarhum", "• KTP penanggung jawab", "• Kartu Keluarga (KK)", "• Surat pengantar RT/RW",
                     "• Surat keterangan kematian"):
            assert line in docs, line
        await press(pilot, "1")
        assert "Siapa nama lengkap almarhum atau almarhumah?" in text(app)
        await enter(pilot, DECEASED)
        assert "1 Ketik NIK almarhum" in text(app) and "2 Lewati, NIK tidak diketahui" in text(app)
        await press(pilot, "2")
        assert "Kapan almarhum wafat?" in text(app) and "2 Kemarin 27 November 2026" in text(app)
        await press(pilot, "2")
        assert "Hari apa pemakamannya?" in text(app)
        assert "1 Hari ini 28 November 2026" in text(app) and "2 Besok 29 November 2026" in text(app)
        await press(pilot, "1")
        times = text(app)
        assert "Pukul berapa pemakamannya?" in times and "Pengelola TPU harus diberi tahu 2 jam sebelumnya." in times
        assert "1 Pukul 08.00" in times and "3 Pukul 10.00" in times and "9 Jam lain: ketik sendiri" in times
        await press(pilot, "3")
        assert "Hanya kecamatan yang masih punya petak kosong" in text(app)
        assert app.last_view.page == "Halaman 1 dari 2" and "+ Halaman berikutnya" in text(app)
        assert "1 Di sini: Desa Tapos, Kecamatan Tigaraksa" in text(app)
        assert "2 Tigaraksa Petak tersedia: 646" in text(app)  # the kiosk's kecamatan first
        await press(pilot, "9")  # 9 is no page key: nothing happens
        assert app.last_view.page == "Halaman 1 dari 2" and "Di kecamatan mana" in text(app)
        await press(pilot, "plus")
        assert app.last_view.page == "Halaman 2 dari 2" and "Tigaraksa" not in text(app)
        await press(pilot, "plus", "1")
        assert "Di TPU mana?" in text(app) and "1 TPU Tapos Petak tersedia: 120" in text(app)
        await press(pilot, "1")
        assert "Ketik NIK penanggung jawab." in text(app)
        await enter(pilot, NIK)
        assert "Siapa nama lengkap penanggung jawab?" in text(app)
        assert "2 Lewati, petugas mencatat nama dari NIK" in text(app)
        await press(pilot, "1")
        await enter(pilot, RESPONSIBLE)
        assert "Apa hubungan penanggung jawab dengan almarhum?" in text(app)
        assert "7 Bukan keluarga tetangga, pengurus RT/RW" in text(app)
        await press(pilot, "2")
        assert "Ketik nomor HP penanggung jawab." in text(app)
        await enter(pilot, PHONE)
        fee = text(app)
        assert "Apakah Anda punya SKTM (Surat Keterangan Tidak Mampu)?" in fee
        assert "1 Ya, saya punya SKTM biaya gratis dengan SKTM" in fee
        assert "2 Tidak punya SKTM biaya Rp100.000 untuk 3 tahun" in fee
        await press(pilot, "2")
        check = text(app)
        assert "Izin pemakaman · periksa jawaban" in check
        for line in ("• Dokumen: Lengkap", "• Almarhum: SITI AMINAH, NIK tidak diketahui",
                     "• Tanggal wafat: 27 November 2026", "• Pemakaman: 28 November 2026, pukul 10.00",
                     "• Tempat makam: TPU Tapos, Kecamatan Tigaraksa",
                     "• Penanggung jawab: BUDI SANTOSO (Anak), NIK 3603 2845 0871 0003",
                     "• Telepon: 0812 3456 7890", "• Biaya makam: Rp100.000 untuk 3 tahun",
                     "1 Benar, kirim", "2 Ubah jawaban"):
            assert line in check, line
        assert "****" not in check  # the check page reads every answer back in full

        app.api.mock_app.state.faults.mode = "down"  # hold the sending back, to see "Tersimpan" first
        await press(pilot, "1")
        receipt = text(app)
        assert "Tersimpan di anjungan ini" in receipt and "Nomor Anda untuk Cek Status: 94261128001." in receipt
        assert ("Lapor ke pengelola TPU Tapos di Desa Tapos, Kecamatan Tigaraksa, paling lambat pukul 08.00 pada "
                "28 November 2026 (2 jam sebelum pemakaman).") in receipt
        assert "Surat izin pemakaman selesai paling lambat 2 Desember 2026 (3 hari kerja)." in receipt
        assert "Biaya Rp100.000 untuk 3 tahun, dibayar saat mengambil surat izin." in receipt
        [saved] = outbox(settings).entries()
        assert saved.kind == "izin_makam"

        app.api.mock_app.state.faults.mode = ""
        app.ctx.submissions.sender.wake()
        await until(pilot, lambda: "Nomor izin pemakaman Anda" in text(app))
        receipt = text(app)
        assert "Terkirim dan sudah diterima. Simpan nomor ini:" in receipt and "Tersimpan" not in receipt
        assert "Nomor izin pemakaman Anda: IZM4-2026-00001" in receipt and "K-" not in receipt
        assert app.last_view.big == "4202600001"  # the 4 of IZM4: no other service's number looks alike
        [sent] = outbox(settings).entries()
        assert sent.status == "sent" and sent.official_ref == "IZM4-2026-00001"
        body = outbox(settings).get(sent.local_ref).payload
        assert body["kode_tpu"] == "TPU-001" and body["sktm"] is False and len(body["dokumen"]) == 5
        assert body["tanggal_makam"] == "2026-11-28" and body["jam_makam"] == "10:00"
        assert body["almarhum"] == {"tanggal_wafat": "2026-11-27"}  # name and NIK removed once confirmed
        assert body["penanggung_jawab"] == {"hubungan": "anak"}

        await choose(app, pilot, "Cetak struk")
        assert "Struk disimpan untuk dicetak petugas" in text(app)
        printed = (settings.data_dir / "receipts" / f"{sent.local_ref}.txt").read_text(encoding="utf-8")
        assert "IZM4-2026-00001" in printed and "3603********0003" in printed and NIK not in printed


async def test_only_tpu_with_free_plots_are_offered(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await press(pilot, "1")
        await enter(pilot, DECEASED)
        await press(pilot, "2", *WHEN)
        await choose(app, pilot, "Pasar Kemis")  # TPU Sindangsari is full
        shown = text(app)
        assert "Kecamatan Pasar Kemis" in shown
        assert [option.label for option in app.last_view.options] == ["TPU Radar", "TPU Pangadegan"]
        assert "Sindangsari" not in shown


async def test_bad_niks_of_the_deceased_are_refused_and_kept(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await press(pilot, "1")
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
        await press(pilot, "1")
        await enter(pilot, DECEASED)
        await press(pilot, "2", "3")
        await enter(pilot, "29112026")
        assert "Tanggal wafat tidak boleh setelah hari ini." in text(app)
        assert "29112026" in text(app)
        for _ in range(8):
            await press(pilot, "full_stop")
        await enter(pilot, "25112026")
        assert "Hari apa pemakamannya?" in text(app)


async def test_the_person_responsible_cannot_give_the_nik_of_the_deceased(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await press(pilot, "1")
        await enter(pilot, DECEASED)
        await press(pilot, "1")
        await enter(pilot, NIK)
        await press(pilot, *WHEN, *TO_PLACE)
        await enter(pilot, NIK)
        assert "Ini NIK almarhum. Ketik NIK penanggung jawab." in text(app)
        assert NIK in text(app)


async def test_both_niks_in_full_before_sending_masked_after_and_free_with_an_sktm(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await press(pilot, "1")
        await enter(pilot, DECEASED)
        await press(pilot, "1")
        await enter(pilot, "3603285508460002")  # a woman born 15 August 1946
        await press(pilot, *WHEN, *TO_PLACE)
        await enter(pilot, NIK)
        await press(pilot, "1")
        await enter(pilot, RESPONSIBLE)
        await press(pilot, "2")
        await enter(pilot, PHONE)
        await press(pilot, "1")
        check = text(app)
        assert "• Almarhum: SITI AMINAH, NIK 3603 2855 0846 0002" in check
        assert "• Penanggung jawab: BUDI SANTOSO (Anak), NIK 3603 2845 0871 0003" in check
        assert "• Biaya makam: gratis dengan SKTM" in check
        await press(pilot, "1")
        assert "Tanpa biaya dengan SKTM (surat keterangan tidak mampu)." in text(app)
        await until(pilot, lambda: "Terkirim" in text(app))
        receipt = "\n".join(app.screen.step.run.readback)  # what the receipt keeps: both NIKs masked
        assert "3603********0002" in receipt and "3603********0003" in receipt
        assert "3603 2855" not in receipt and "3603 2845" not in receipt
        assert "3603285508460002" not in receipt and NIK not in receipt


async def test_missing_documents_end_with_where_to_get_them_and_nothing_is_saved(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await press(pilot, "2")  # the first question: nothing typed yet
        shown = text(app)
        assert "Siapkan dulu dokumen yang kurang" in shown
        assert "Surat keterangan kematian didapat dari rumah sakit, puskesmas" in shown
        assert outbox(settings).entries() == []
        await press(pilot, "escape")  # back to the checklist
        assert "Apakah dokumen ini sudah ada?" in text(app)
        await press(pilot, "1")
        assert "Siapa nama lengkap almarhum atau almarhumah?" in text(app)


async def test_the_tpu_list_unreachable_then_retried(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await press(pilot, "1")
        await enter(pilot, DECEASED)
        await press(pilot, "2", "2", "1")
        app.api.warm_up()
        app.api.mock_app.state.faults.mode = "error"
        await press(pilot, "3")
        assert "Coba lagi" in text(app) or "coba lagi" in text(app).lower()
        app.api.mock_app.state.faults.mode = ""
        await press(pilot, "1")
        assert "1 Di sini: Desa Tapos, Kecamatan Tigaraksa" in text(app) and "3 Balaraja" in text(app)


async def test_english_check_screen(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot, language="2")
        check = text(app)
        assert "Burial permit · check your answers" in check
        assert "• Deceased: SITI AMINAH, NIK not known" in check
        assert "• Burial: November 28, 2026, at 10:00" in check
        assert "• Cemetery: TPU Tapos, Kecamatan Tigaraksa" in check
        assert "• Person responsible: BUDI SANTOSO (Son or daughter), NIK 3603 2845 0871 0003" in check
        assert "• Burial fee: Rp100,000 for 3 years" in check
        assert "1 Yes, it is right: send" in check and "2 Change an answer" in check


async def test_the_person_responsible_is_offered_again_in_the_same_visit(settings):
    """The person responsible's name, NIK and phone are the visit's; the deceased's name and NIK never are."""
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot, deceased_nik="3603285508460002")
        await press(pilot, "slash")  # nothing sent yet: Menu Utama keeps the visit
        assert "Menu Utama" in screen_text(app).splitlines()[0]
        for label in DONOR:
            await choose(app, pilot, label)
        await press(pilot, "1", "2", "1", "1", "1")  # a session; 17–60; 45 kg; never donated; healthy
        assert "1 Pakai NIK 3603 2845 0871 0003" in text(app) and "0002" not in text(app)
        await press(pilot, "1")
        assert "1 Pakai nama BUDI SANTOSO" in text(app) and "SITI AMINAH" not in text(app)
        await press(pilot, "1")
        assert "1 Pakai nomor 0812 3456 7890" in text(app)
        await press(pilot, "1")
        assert "Apa golongan darah Anda?" in text(app)
        assert "Daftar donor darah · langkah 9" in text(app)


async def test_another_time_of_burial_is_typed_and_checked(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await press(pilot, "1")
        await enter(pilot, DECEASED)
        await press(pilot, "2", "2", "2", "9")  # died yesterday, buried tomorrow, at another time
        assert "Ketik jam pemakaman." in text(app) and "1530 untuk pukul 15.30" in text(app)
        await enter(pilot, "2575")
        assert "25.75 bukan jam yang ada." in text(app) and "2575" in text(app)
        for _ in range(4):
            await press(pilot, "full_stop")
        await enter(pilot, "930")
        assert "Di kecamatan mana tempat pemakamannya (TPU)?" in text(app)
        await press(pilot, *TO_PLACE)
        await enter(pilot, NIK)
        await press(pilot, "1")
        await enter(pilot, RESPONSIBLE)
        await press(pilot, "2")
        await enter(pilot, PHONE)
        await press(pilot, "2")
        assert "• Pemakaman: 29 November 2026, pukul 09.30" in text(app)
        await press(pilot, "1")
        assert "paling lambat pukul 07.30 pada 29 November 2026" in text(app)
        await until(pilot, lambda: "Terkirim" in text(app))
        [sent] = outbox(settings).entries()
        assert outbox(settings).get(sent.local_ref).payload["jam_makam"] == "09:30"
