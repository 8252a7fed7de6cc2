"""Sidoni donor registration by number keys: a session from the schedule, who may donate, the receipt; an answer
that rules the donor out ends kindly and sends nothing; bad NIKs; English."""

from __future__ import annotations

import pytest

from gemilang_tui.outbox import Outbox
from tests.conftest import choose, kiosk, press, screen_text, text, type_text, until

NIK = "3603284508710003"  # CANON.md: valid, woman born 5 August 1971
PHONE = "081234567890"
NAME = "SITI AMINAH"
# Menu Utama "Donor darah dan pekerjaan" → "Donor darah (Sidoni)" → "Daftar sebagai pendonor darah" (by label, in
# either language)
FORM = ("Donor darah dan|Blood donation and", "Sidoni", "Daftar sebagai|Register as")
# 5 December 2026 at Kantor Kecamatan Cikupa; 17–60; ≥45 kg; never donated (no "this year" question); healthy
ELIGIBLE = ["1", "2", "1", "1", "1"]
THANKS = "Terima kasih atas niat baik Anda untuk mendonorkan darah."
NOTHING_SENT = "Anda belum didaftarkan dan tidak ada data yang dikirim."


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


async def walk_to_check(app, pilot, language: str = "1") -> None:
    await start(app, pilot, language)
    await press(pilot, *ELIGIBLE)
    await enter(pilot, NIK)
    await press(pilot, "1")  # the name may be left to the NIK: 1 types it
    await enter(pilot, NAME)
    await press(pilot, "1")  # the phone is optional: 1 types it
    await enter(pilot, PHONE)
    await press(pilot, "4")  # O


async def test_whole_registration_by_number_keys_to_the_receipt(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        sessions = text(app)
        assert "Daftar donor darah · langkah 1 " in sessions and "dari" not in sessions
        assert "1 Sabtu, 5 Desember 2026 08.00–12.00, Kantor Kecamatan Cikupa" in sessions
        assert "21 November" not in sessions  # past sessions are not offered
        await press(pilot, "1")
        assert "Berapa umur Anda?" in text(app) and "2 17 sampai 60 tahun" in text(app)
        await press(pilot, "2")
        assert "Apakah berat badan Anda paling sedikit 45 kg?" in text(app)
        await press(pilot, "1")
        assert "Kapan terakhir kali Anda donor darah?" in text(app)
        await press(pilot, "3")  # 2–3 months ago: the number of donations this year is asked too
        assert "Apakah Anda merasa sehat hari ini?" in text(app)
        await press(pilot, "1")
        assert "Sudah berapa kali Anda donor darah tahun ini?" in text(app)
        await press(pilot, "1")
        assert "Ketik NIK Anda." in text(app)
        await enter(pilot, NIK)
        assert "Siapa nama lengkap Anda?" in text(app) and "2 Lewati, petugas mencatat nama dari NIK" in text(app)
        await press(pilot, "1")
        await enter(pilot, NAME)
        assert "2 Lewati, tanpa nomor HP Anda tidak mendapat SMS" in text(app)
        await press(pilot, "1")
        await enter(pilot, PHONE)
        assert "Apa golongan darah Anda?" in text(app) and "5 Belum tahu petugas PMI akan memeriksanya" in text(app)
        await press(pilot, "4")
        check = text(app)
        assert "Daftar donor darah · periksa jawaban" in check
        for line in ("• Jadwal: 5 Desember 2026, Kantor Kecamatan Cikupa",
                     "• Umur dan berat: 17 sampai 60 tahun, 45 kg atau lebih",
                     "• Donor terakhir: 2 sampai 3 bulan lalu, tahun ini 4 kali atau kurang",
                     "• Kesehatan: sehat hari ini", "• Nama: SITI AMINAH", "• NIK: 3603 2845 0871 0003",
                     "• Telepon: 0812 3456 7890", "• Golongan darah: O", "1 Benar, kirim", "2 Ubah jawaban"):
            assert line in check, line
        assert "****" not in check  # the check page reads every answer back in full

        app.api.mock_app.state.faults.mode = "down"
        await press(pilot, "1")
        receipt = text(app)
        assert "Tersimpan di anjungan ini" in receipt
        assert "Datang pada Sabtu, 5 Desember 2026, pukul 08.00–12.00." in receipt
        assert "Tempat: Kantor Kecamatan Cikupa, Jl. Raya Serang, Cikupa." in receipt
        assert "Bawa KTP. Makan dulu, dan tidur cukup pada malam sebelumnya." in receipt
        assert "Nomor Anda untuk Cek Status: 95261128001." in receipt

        app.api.mock_app.state.faults.mode = ""
        app.ctx.submissions.sender.wake()
        await until(pilot, lambda: "Nomor pendaftaran Anda" in text(app))
        receipt = text(app)
        assert "Terkirim dan sudah diterima. Simpan nomor ini:" in receipt
        assert "Nomor pendaftaran Anda: DNR5-2026-00001" in receipt and "K-" not in receipt
        assert "Datang pada Sabtu, 5 Desember 2026, pukul 08.00–12.00." in receipt
        assert app.last_view.big == "5202600001"  # the 5 of DNR5: no other service's number looks alike
        [sent] = outbox(settings).entries()
        assert sent.kind == "donor" and sent.official_ref == "DNR5-2026-00001"
        body = outbox(settings).get(sent.local_ref).payload
        assert body["jadwal"] == {"tanggal": "2026-12-05", "jam_mulai": "08:00:00", "kode_kecamatan": "36.03.18"}
        assert body["kelayakan"]["donor_terakhir"] == "2_3_bulan" and body["kelayakan"]["lima_kali_tahun_ini"] is False
        assert "nik" not in body and "nama" not in body and "telepon" not in body


@pytest.mark.parametrize(
    ("keys", "why", "when"),
    [
        (["1"], "pendonor darah harus berumur paling sedikit 17 tahun", "setelah Anda berumur 17 tahun"),
        (["3"], "hanya untuk umur 17 sampai 60 tahun", "tanyakan kepada dokter PMI"),
        (["2", "2"], "berat badan pendonor paling sedikit 45 kg", "sudah 45 kg atau lebih"),
        (["2", "1", "2"], "paling sedikit 2 bulan untuk mengganti darah", "2 bulan setelah donor terakhir Anda"),
        (["2", "1", "1", "2"], "hanya boleh saat badan sehat", "setelah Anda sehat kembali"),
        (["2", "1", "3", "1", "2"], "paling banyak 5 kali dalam setahun", "mulai 1 Januari 2027"),
    ],
    ids=["under-17", "over-60", "under-45-kg", "too-soon", "unwell", "five-this-year"],
)
async def test_an_ineligible_answer_ends_kindly_and_nothing_is_saved(settings, keys, why, when):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await press(pilot, "1", *keys)
        shown = text(app)
        assert THANKS in shown and why in shown and when in shown and NOTHING_SENT in shown
        assert "1 Selesai" in shown
        assert outbox(settings).entries() == []
        question = len(app.screen_stack)
        await press(pilot, "0")  # back to the question, to change the answer
        assert len(app.screen_stack) == question - 1 and "✓ jawaban Anda" not in text(app)
        await press(pilot, *keys[-1:])
        await press(pilot, "1")  # Selesai
        assert "Menu Utama" in screen_text(app).splitlines()[0]
        assert outbox(settings).entries() == []


async def test_an_ineligible_change_from_the_check_screen_forgets_the_old_answer(settings):
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot)
        await press(pilot, "2", "4", "2")  # change Kesehatan: not healthy after all
        assert THANKS in text(app)
        await press(pilot, "0", "0")
        assert "• Kesehatan: belum dijawab" in text(app)
        await press(pilot, "1")  # Benar, kirim asks the missing question instead of sending
        assert "Apakah Anda merasa sehat hari ini?" in text(app)
        assert outbox(settings).entries() == []


async def test_bad_niks_are_refused_and_kept(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await press(pilot, *ELIGIBLE)
        await enter(pilot, "360328450871000")
        assert "NIK harus 16 angka. Anda mengetik 15 angka." in text(app) and "360328450871000" in text(app)
        for _ in range(15):
            await press(pilot, "full_stop")
        await enter(pilot, "3603281513710003")
        assert "13 bukan bulan" in text(app) and "3603281513710003" in text(app)
        for _ in range(16):
            await press(pilot, "full_stop")
        await enter(pilot, "3603281501600001")  # born 15 January 1960: 66 on the day of the session
        assert "Menurut NIK ini, umur Anda 66 tahun pada hari donor." in text(app)
        assert "3603281501600001" in text(app)


async def test_english_walk(settings):
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot, language="2")
        assert "Blood donor registration · step 1 " in text(app) and " of " not in text(app)
        await press(pilot, "1", "2", "2")
        assert "Thank you for your wish to give blood." in text(app)
        assert "You are welcome to come when you weigh 45 kg or more." in text(app)
    async with kiosk(settings) as (app, pilot):
        await walk_to_check(app, pilot, language="2")
        check = text(app)
        assert "Blood donor registration · check your answers" in check
        assert "• Session: December 5, 2026, Kantor Kecamatan Cikupa" in check
        assert "• Last donation: Never" in check and "1 Yes, it is right: send" in check
