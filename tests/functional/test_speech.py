"""The kiosk speaks: each new screen with its numbered options, 112 digit by digit, the receipt; `*` repeats.

GEMILANG_SPEECH=file:DIR writes what was said to DIR/NNNN.txt, so what a citizen hears is checked without speakers.
The speech worker is a real process here, except where a test hands it a slow or missing engine (then a thread).
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from gemilang_tui.attendant import hash_pin
from gemilang_tui.speech.voice import Voice
from gemilang_tui.speech.worker import ThreadChannel
from tests.conftest import choose, kiosk, kiosk_at, press, type_text, wait_for

PIN = "4321"


def said(folder: Path) -> list[str]:
    """Every utterance so far, oldest first."""
    return [path.read_text(encoding="utf-8").strip() for path in sorted(folder.glob("[0-9]*.txt"))]


async def heard(pilot, folder: Path, needle: str, seconds: float = 30.0) -> str:
    """Wait until an utterance holding `needle` was written; return it."""
    for _ in range(int(seconds / 0.05)):
        for text in reversed(said(folder)):
            if needle in text:
                return text
        await pilot.pause(0.05)
    raise AssertionError(f"never said {needle!r}; said: {said(folder)}")


DIGIT_WORDS = dict(zip("0123456789", ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
                                       "sembilan"], strict=True))


async def type_heard(pilot, folder: Path, typed: str) -> None:
    """Type as a person who listens does: each character is heard before the next key (a key silences the voice);
    a digit is heard as its word, whatever else (a screen read late) is said around it."""
    for char in typed:
        count = len(said(folder))
        await press(pilot, char)
        word = DIGIT_WORDS.get(char)
        await wait_for(pilot, lambda count=count, word=word: word in said(folder)[count:] if word
                       else len(said(folder)) > count, f"{char!r} was said as it was typed")


@pytest.fixture
def spoken(settings, tmp_path):
    folder = tmp_path / "speech"
    return replace(settings, speech=f"file:{folder}"), folder


async def test_the_main_menu_is_read_with_the_number_of_each_option(spoken):
    settings, folder = spoken
    async with kiosk(settings) as (app, pilot):
        welcome = await heard(pilot, folder, "Selamat datang")
        assert "Tekan satu untuk Bahasa Indonesia." in welcome
        await press(pilot, "1")
        menu = await heard(pilot, folder, "Layanan apa yang Anda perlukan")
        assert menu.startswith("Menu Utama. Layanan apa yang Anda perlukan? Tekan nomornya.")
        for line in ("Tekan satu untuk Minta surat desa, Layanan Mandiri, Minta surat dari desa atau kelurahan.",
                     "Tekan dua untuk Pajak rumah dan tanah, i pe be be, Cek tagihan pajak bumi dan bangunan",
                     "Tekan lima untuk Nomor darurat, Siaga Darurat, satu satu dua dan nomor darurat lainnya.",
                     "Tekan sembilan untuk Cek laporan dan permohonan Anda, Lihat perkembangan laporan Anda."):
            assert line in menu, line  # each option with its hint
        # then the keys of the bottom line, by their names on the numpad
        assert menu.endswith("Tekan nol atau minus untuk Kembali. Tekan garis miring untuk Menu Utama. "
                             "Tekan bintang untuk Bantuan.")
        assert not any(char.isdigit() for char in menu)


async def test_siaga_reads_112_digit_by_digit(spoken):
    settings, folder = spoken
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1", "5")  # the one walk by number keys in this file: Bahasa Indonesia, Nomor darurat
        siaga = await heard(pilot, folder, "telepon satu satu dua")
        assert "Dalam keadaan darurat, telepon satu satu dua." in siaga
        assert "Tekan satu untuk Nomor darurat lainnya, satu satu nol, satu satu tiga," in siaga
        assert "seratus dua belas" not in siaga
        await press(pilot, "1")
        numbers = await heard(pilot, folder, "Nomor darurat.")
        assert "satu satu nol, Polisi." in numbers and "satu satu sembilan, Ambulans Gawat Darurat" in numbers


async def test_star_repeats_the_screen_then_the_help(spoken):
    settings, folder = spoken
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1")
        await heard(pilot, folder, "Layanan apa yang Anda perlukan")
        count = len(said(folder))
        await press(pilot, "asterisk")
        await heard(pilot, folder, "Bantuan. ")
        again = said(folder)[count:]
        assert again[0].startswith("Menu Utama.") and again[1].startswith("Bantuan.")
        # the help names the keys of the numpad first, each by its name; Esc and the rest come after
        assert again[1].index("minus: kembali satu langkah") < again[1].index("garis miring: ke Menu Utama") \
            < again[1].index("bintang: bantuan ini") < again[1].index("tambah: halaman berikutnya") \
            < again[1].index("Dengan papan ketik: Esc")


async def test_a_form_receipt_is_read_with_its_code_date_and_time(spoken):
    from tests.functional.test_donor import ELIGIBLE, NAME, NIK, PHONE, start

    settings, folder = spoken
    async with kiosk(settings) as (app, pilot):
        await start(app, pilot)
        await press(pilot, *ELIGIBLE)
        await type_heard(pilot, folder, NIK)
        await press(pilot, "enter", "1")  # the name: typed (it may be left to the NIK)
        await type_text(pilot, NAME)
        await press(pilot, "enter")
        # each digit typed is said as it is typed (the next screen may already be speaking after them)
        digits = ["tiga", "enam", "nol", "tiga", "dua", "delapan", "empat", "lima", "nol", "delapan", "tujuh", "satu",
                  "nol", "nol", "nol", "tiga"]
        echoed = [text for text in said(folder) if text in DIGIT_WORDS.values()]
        assert any(echoed[start:start + len(digits)] == digits for start in range(len(echoed))), echoed
        await press(pilot, "1")  # the phone: typed (it may be skipped)
        await type_text(pilot, PHONE)
        await press(pilot, "enter", "4")
        check = await heard(pilot, folder, "periksa jawaban")
        # read back in full before sending, in the groups shown on screen
        assert ("nomor induk kependudukan: tiga enam nol tiga, dua delapan empat lima, nol delapan tujuh satu, "
                "nol nol nol tiga.") in check
        assert "Telepon: nol delapan satu dua, tiga empat lima enam, tujuh delapan sembilan nol." in check
        assert "Tekan satu untuk Benar, kirim. Tekan dua untuk Ubah jawaban. Tekan nol atau minus untuk Kembali." \
            in check
        app.api.mock_app.state.faults.mode = "down"  # the receipt as first shown: saved, not yet sent
        await press(pilot, "1")  # "1 Benar, kirim" on every check page
        receipt = await heard(pilot, folder, "tanda terima. Tersimpan di anjungan ini.")
        assert "Datang pada Sabtu, lima Desember dua ribu dua puluh enam, pukul delapan sampai pukul dua belas." \
            in receipt
        assert "Tempat: Kantor Kecamatan Cikupa, Jalan Raya Serang, Cikupa." in receipt
        assert "Bawa ka te pe." in receipt, receipt
        assert "Tekan satu untuk Cetak struk, tidak ada printer di sini" in receipt, receipt  # with its hint
        assert "Nomor Anda untuk Cek Status: sembilan" in receipt
        assert not any(char in receipt for char in "•·…0123456789")
        app.api.mock_app.state.faults.mode = ""
        app.ctx.submissions.sender.wake()
        sent = await heard(pilot, folder, "Nomor pendaftaran Anda")
        assert "Terkirim dan sudah diterima. Simpan nomor ini." in sent
        assert "Nomor pendaftaran Anda: de en er lima, dua nol dua enam, nol nol nol nol satu." in sent
        assert "Ketik lima dua nol dua, enam nol nol nol, nol satu." in sent  # the digits Cek Status takes
        assert "Kode anjungan" not in sent and "ka, " not in sent  # the kiosk's code is gone once sent


class StuckEngine:
    """An engine that never finishes an utterance until the test lets it: slower than any real one."""

    name = "stuck"
    started = threading.Event()
    release = threading.Event()

    def synthesize(self, text, locale, volume, cancelled):
        StuckEngine.started.set()
        StuckEngine.release.wait(60)
        from gemilang_tui.speech.engines import Silence

        return Silence().synthesize(text, locale, volume, cancelled)


async def test_a_slow_speech_engine_never_slows_a_key(settings, tmp_path, monkeypatch):
    """Every key shows its screen while the engine is stuck on the first utterance. (How fast a key is with a
    slow engine is a number for benchmarks/speech_latency.py, not for a test on a shared machine.)"""
    StuckEngine.started.clear()
    StuckEngine.release.clear()
    monkeypatch.setattr("gemilang_tui.speech.worker.open_espeak", StuckEngine)
    monkeypatch.setattr(Voice, "launch", staticmethod(ThreadChannel.launcher()))  # the engine shares the GIL
    try:
        async with kiosk(replace(settings, speech=f"file:{tmp_path / 'speech'}")) as (app, pilot):
            await wait_for(pilot, StuckEngine.started.is_set, "the engine stuck on the welcome", seconds=30)
            for key, title in (("1", "Menu Utama"), ("5", "Nomor darurat (Siaga Darurat)"), ("escape", "Menu Utama"),
                               ("8", "Donor darah dan pekerjaan"), ("escape", "Menu Utama"),
                               ("6", "Lapor masalah dan informasi"), ("escape", "Menu Utama")):
                await press(pilot, key)
                await wait_for(pilot, lambda title=title: app.last_view and app.last_view.title.startswith(title),
                               f"{title!r} shown", seconds=30)
            assert not StuckEngine.release.is_set()  # every screen was shown while the engine was stuck
            StuckEngine.release.set()  # before the kiosk closes: it lets its speech thread finish
    finally:
        StuckEngine.release.set()


async def _open_panel(pilot) -> None:
    await press(pilot, "1", "ctrl+a")
    await type_text(pilot, PIN)
    await press(pilot, "enter")


async def test_the_attendant_turns_the_voice_off_and_on_and_sets_its_volume(spoken):
    settings, folder = spoken
    settings = replace(settings, attendant_pin_hash=hash_pin(PIN, iterations=1000))
    async with kiosk(settings) as (app, pilot):
        app.ctx.voice.wait_ready()
        await _open_panel(pilot)
        panel = " ".join(app.last_view.as_text().split())
        assert "Suara: hidup, volume 70 dari 100." in panel and "6 Matikan suara" in panel
        await press(pilot, "7", "2")
        assert "Volume: 80 dari 100." in app.last_view.as_text()
        assert "Volume: delapan puluh dari seratus." in await heard(pilot, folder, "delapan puluh dari seratus")
        assert app.ctx.voice.volume == 80
        await press(pilot, "escape", "6")
        panel = app.last_view.as_text()
        assert "Suara: mati." in panel and "6 Nyalakan suara" in panel
        count = len(said(folder))
        await press(pilot, "7")  # a new screen, not spoken while the voice is off
        await pilot.pause(0.3)
        assert app.last_view.title == "Volume suara" and len(said(folder)) == count
        await press(pilot, "escape", "6")
        assert "Suara: hidup" in app.last_view.as_text()
        assert "Suara: hidup" in await heard(pilot, folder, "Suara: hidup")


async def test_without_an_engine_the_kiosk_works_silently_and_the_attendant_sees_why(settings, monkeypatch):
    from gemilang_tui.speech.engines import EngineMissing

    def missing():
        raise EngineMissing("the espeakng-loader package is not installed; no espeak-ng program on the PATH")

    monkeypatch.setattr("gemilang_tui.speech.worker.open_espeak", missing)
    monkeypatch.setattr(Voice, "launch", staticmethod(ThreadChannel.launcher()))
    settings = replace(settings, speech="espeak", attendant_pin_hash=hash_pin(PIN, iterations=1000))
    async with kiosk_at(settings) as (app, pilot):
        app.ctx.voice.wait_ready()
        await choose(app, pilot, "Nomor darurat (Siaga Darurat)")
        assert app.last_view.title == "Nomor darurat (Siaga Darurat)"
        await press(pilot, "escape", "ctrl+a")
        await type_text(pilot, PIN)
        await press(pilot, "enter")
        panel = " ".join(app.last_view.as_text().split())
        assert "Tidak ada suara: mesin suara tidak ada (the espeakng-loader package is not installed" in panel
