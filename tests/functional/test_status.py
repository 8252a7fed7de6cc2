"""Cek Status (Menu Utama → Cek laporan dan permohonan Anda): a citizen types the digits of a ticket or reference
and reads its status, deadline and history; bad input, unknown numbers and an unreachable service are said plainly."""

from __future__ import annotations

from tests.conftest import choose, kiosk, press, screen_text, type_text

TALL = (80, 60)  # the whole record at once; the 80×24 walks check what shows first




def flat(text: str) -> str:
    """The screen with its line wrapping undone, to find sentences that wrap at 80 columns."""
    return " ".join(text.split())


async def open_check(app, pilot, service: str, language: str = "1") -> None:
    """Cek Status's field for `service` (a word of its label: "LAPOR!", "Sipinter", "PPID", "Layanan Mandiri")."""
    await press(pilot, language)
    await choose(app, pilot, "Cek laporan dan permohonan" if language == "1" else "Check your report or request")
    await choose(app, pilot, service)


async def look_up(app, pilot, service: str, digits: str, language: str = "1") -> str:
    await open_check(app, pilot, service, language)
    await type_text(pilot, digits)
    await press(pilot, "enter")
    return screen_text(app)


# -- PPID ------------------------------------------------------------------------------------------------------


async def test_ppid_request_shows_status_and_answer_deadline_first(settings):
    async with kiosk(settings) as (app, pilot):
        text = await look_up(app, pilot, "PPID", "20260042")
        lines = text.splitlines()
        assert lines[0].strip() == "Cek permintaan data (PPID) · PPID-2026-0042"
        assert "Status: Diproses" in text
        body = flat(text)
        assert "Dinas yang memegang informasinya sedang mengerjakan permohonan Anda." in body
        assert "Diajukan: 23 November 2026" in body
        assert ("Jawaban atas permohonan Anda (10 hari kerja): paling lambat 7 Desember 2026. "
                "Sisa 6 hari kerja.") in body
        assert "0 - Kembali · / Menu Utama" in flat(lines[-1])  # the legend, on the last line


async def test_ppid_history_is_newest_last(settings):
    async with kiosk(settings, size=TALL) as (app, pilot):
        body = flat(await look_up(app, pilot, "PPID", "20260042"))
        received = body.index("23 November 2026 · Diterima · Permohonan dicatat oleh PPID Utama.")
        processing = body.index("24 November 2026 · Diproses · Permohonan diteruskan ke PPID Pelaksana")
        assert received < processing
        assert "Dinas tujuan: Dinas Bina Marga dan Sumber Daya Air" in body


async def test_the_field_reads_back_the_reference_while_typing(settings):
    async with kiosk(settings) as (app, pilot):
        await open_check(app, pilot, "PPID")
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Cek permintaan data (PPID)"
        assert "untuk PPID-2026-0001, ketik 20260001." in flat(text)
        assert "PPID-▏" in text
        await type_text(pilot, "2026")
        assert "PPID-2026▏" in screen_text(app)
        await type_text(pilot, "0042")
        assert "PPID-2026-0042▏" in screen_text(app)
        await press(pilot, "full_stop")  # the numpad . deletes the last digit
        assert "PPID-2026-004▏" in screen_text(app)


async def test_wrong_length_says_how_many_digits_and_says_them_back(settings):
    async with kiosk(settings) as (app, pilot):
        text = flat(await look_up(app, pilot, "PPID", "2026042"))
        assert "Nomor ini terdiri dari 8 angka (tahun dan nomor urut). Anda mengetik 7 angka." in text
        assert "Yang Anda ketik: PPID-2026-042" in text and app.screen.step.value == ""
        await type_text(pilot, "20260422")
        await press(pilot, "enter")
        assert "Status: Diterima" not in screen_text(app)  # PPID-2026-0422 does not exist
        assert "Nomor PPID-2026-0422 tidak ditemukan." in flat(screen_text(app))


async def test_unknown_number_is_not_found_and_the_field_empties(settings):
    async with kiosk(settings) as (app, pilot):
        text = flat(await look_up(app, pilot, "PPID", "20260099"))
        assert "Nomor PPID-2026-0099 tidak ditemukan." in text
        assert "lalu ketik lagi" in text
        assert "tanyakan kepada petugas di loket" in text
        assert app.screen.step.value == ""


async def test_unreachable_service_offers_to_try_again_and_keeps_the_number(settings):
    async with kiosk(settings) as (app, pilot):
        app.api.warm_up()
        app.api.mock_app.state.faults.mode = "error"
        text = flat(await look_up(app, pilot, "PPID", "20260042"))
        assert "Coba lagi" in text
        assert "Status: Diproses" not in text
        app.api.mock_app.state.faults.mode = ""
        await press(pilot, "1")
        text = screen_text(app)
        assert "Status: Diproses" in text and "7 Desember 2026" in text


async def test_a_persons_request_is_never_kept_on_the_kiosk_for_offline_use(settings):
    async with kiosk(settings) as (app, pilot):
        await look_up(app, pilot, "PPID", "20260042")
        await press(pilot, "0")
        app.api.mock_app.state.faults.mode = "error"
        await press(pilot, "1")  # "1 Pakai PPID-2026-0042": asked again, and the service is down
        text = screen_text(app)
        assert "Coba lagi" in text
        assert "Status: Diproses" not in text
        copies = settings.data_dir / "offline-copies.sqlite3"
        assert not copies.exists() or b"PPID-2026-0042" not in copies.read_bytes()


async def test_back_returns_to_the_number_and_check_another_starts_empty(settings):
    async with kiosk(settings) as (app, pilot):
        await look_up(app, pilot, "PPID", "20260042")
        await press(pilot, "0")  # back to the number: offered as a choice, not as the field
        text = flat(screen_text(app))
        assert "1 Pakai PPID-2026-0042" in text and "2 Ketik ulang" in text
        await press(pilot, "1")
        assert "Status: Diproses" in screen_text(app)
        await press(pilot, "minus", "2")  # "Ketik ulang": an empty field (a digit would never extend the answer)
        assert "PPID-▏" in screen_text(app) and app.screen.step.value == ""
        await type_text(pilot, "20260042")
        await press(pilot, "enter", "1")  # the status again, then "1 Cek nomor lain"
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Cek permintaan data (PPID)"
        assert "PPID-▏" in text and "PPID-2026" not in text.split("PPID-▏")[1]
        assert app.screen.step.value == ""
        await type_text(pilot, "20260040")
        await press(pilot, "enter")
        body = flat(screen_text(app))
        assert "Status: Diperpanjang" in body
        assert "(10 hari kerja, diperpanjang 7 hari kerja): paling lambat 9 Desember 2026." in body


async def test_answered_request_shows_when_it_was_done(settings):
    async with kiosk(settings) as (app, pilot):
        body = flat(await look_up(app, pilot, "PPID", "20260038"))
        assert "Status: Selesai" in body
        assert "Jawaban atas permohonan Anda (10 hari kerja): selesai 18 November 2026." in body


# -- LAPOR! ----------------------------------------------------------------------------------------------------


async def test_lapor_ticket_shows_canonical_report_and_its_deadlines(settings):
    async with kiosk(settings, size=TALL) as (app, pilot):
        body = flat(await look_up(app, pilot, "LAPOR!", "2611001"))
        assert "Cek laporan masalah (LAPOR!) · 2611001" in body
        assert "Status: Ditindaklanjuti" in body
        assert "Laporan: Lampu jalan mati di Jl. Raya Tigaraksa" in body
        assert "Kategori: Infrastruktur" in body
        assert "Dibuat: 16 November 2026" in body
        assert "Instansi: Dinas Bina Marga dan Sumber Daya Air" in body
        assert "Verifikasi oleh admin LAPOR! (3 hari kerja): selesai 17 November 2026." in body
        assert "Tanggapan instansi (5 hari kerja): selesai 23 November 2026." in body
        assert ("Tanggapan Anda sebelum laporan ditutup (10 hari kerja): paling lambat 7 Desember 2026. "
                "Sisa 6 hari kerja.") in body
        assert body.index("16 November 2026 · Belum Terverifikasi") < body.index("23 November 2026 · Ditindaklanjuti")


async def test_lapor_status_is_readable_at_80x24(settings):
    async with kiosk(settings) as (app, pilot):
        text = await look_up(app, pilot, "LAPOR!", "2611001")
        assert "Status: Ditindaklanjuti" in text
        assert "Laporan: Lampu jalan mati di Jl. Raya Tigaraksa" in text
        assert "Instansi: Dinas Bina Marga dan Sumber Daya Air" in text


async def test_lapor_new_ticket_counts_down_to_verification(settings):
    async with kiosk(settings) as (app, pilot):
        body = flat(await look_up(app, pilot, "LAPOR!", "2611006"))
        assert "Status: Belum Terverifikasi" in body
        assert "Verifikasi oleh admin LAPOR! (3 hari kerja): paling lambat 2 Desember 2026. Sisa 3 hari kerja." in body
        assert "Instansi: belum ditentukan" in body


async def test_lapor_ticket_with_six_digits_is_refused_plainly(settings):
    async with kiosk(settings) as (app, pilot):
        text = flat(await look_up(app, pilot, "LAPOR!", "261100"))
        assert "7 angka" in text and "6 angka" in text
        assert "Yang Anda ketik: 261100" in text and "261100▏" not in text


async def test_lapor_unknown_ticket(settings):
    async with kiosk(settings) as (app, pilot):
        text = flat(await look_up(app, pilot, "LAPOR!", "2611999"))
        assert "Nomor 2611999 tidak ditemukan." in text
        assert "2611999▏" not in text


# -- Sipinter ---------------------------------------------------------------------------------------------------


async def test_sipinter_registration_shows_permit_applicant_and_status(settings):
    async with kiosk(settings) as (app, pilot):
        await open_check(app, pilot, "Sipinter")
        await type_text(pilot, "2026000123")
        assert "SPT-2026-000123▏" in screen_text(app)
        await press(pilot, "enter")
        body = flat(screen_text(app))
        assert "Cek izin (Sipinter) · SPT-2026-000123" in body
        assert "Status: Verifikasi Berkas" in body
        assert "Jenis izin: Izin Reklame" in body
        assert "Pemohon: CV Maju Bersama" in body
        assert "Diajukan: 10 November 2026" in body
        assert "Batas waktu mulai dihitung setelah berkas Anda lengkap." in body
        assert "Penyelesaian izin sejak berkas lengkap (10 hari kerja): belum dimulai." in body


async def test_sipinter_wrong_length(settings):
    async with kiosk(settings) as (app, pilot):
        text = flat(await look_up(app, pilot, "Sipinter", "202600012"))
        assert "10 angka" in text and "9 angka" in text
        assert "Yang Anda ketik: SPT-2026-00012" in text


# -- Layanan Mandiri --------------------------------------------------------------------------------------------


async def test_layanan_mandiri_letter_is_ready_at_the_village_office(settings):
    async with kiosk(settings) as (app, pilot):
        text = await look_up(app, pilot, "Layanan Mandiri", "202600077")
        body = flat(text)
        assert text.splitlines()[0].strip() == "Cek surat desa (Layanan Mandiri) · LM-2026-00077"
        assert "Status: Siap diambil" in body
        assert "Tempat pengambilan: Kantor Desa Tapos" in body
        assert "Jenis surat: Surat Keterangan Domisili" in body
        assert "Pembuatan surat (3 hari kerja): selesai 26 November 2026." in body


async def test_layanan_mandiri_unknown_number(settings):
    async with kiosk(settings) as (app, pilot):
        text = flat(await look_up(app, pilot, "Layanan Mandiri", "202600078"))
        assert "Nomor LM-2026-00078 tidak ditemukan." in text


# -- English ----------------------------------------------------------------------------------------------------


async def test_english_walk_names_the_status_in_english_with_the_official_label(settings):
    async with kiosk(settings) as (app, pilot):
        text = await look_up(app, pilot, "PPID", "20260042", language="2")
        body = flat(text)
        assert text.splitlines()[0].strip() == "Check an information request (PPID) · PPID-2026-0042"
        assert "Status: In progress (Diproses)" in body
        assert "The office that holds the information is working on your request." in body
        assert ("Answer to your request (10 working days): by December 7, 2026 at the latest. "
                "6 working days left.") in body
        assert "Kembali" not in body
