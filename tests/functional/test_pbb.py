"""iPBB: a citizen types a NOP with the number keys and reads each year's SPPT, the fines and the total arrears."""

from __future__ import annotations

from tests.conftest import choose, kiosk, kiosk_at, press, screen_text, type_text


def flat(text: str) -> str:
    """The screen as one line, so that a sentence wrapped at 80 columns is found whole."""
    return " ".join(text.split())

SITI = "360303001300501170"  # 36.03.030.013.005-0117.0
BUDI = "360318000700200330"  # 36.03.180.007.002-0033.0
UNKNOWN = "360302000100100010"
SHORT = "36030300130050117"


async def test_question_asks_for_the_nop_and_shows_its_dots_while_typing(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1", "2")  # the one walk by number keys: Bahasa Indonesia, then iPBB from the Menu Utama
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Pajak rumah dan tanah (iPBB)"
        assert "Ketik NOP (Nomor Objek Pajak): 18 angka pada SPPT PBB Anda." in flat(text)
        await type_text(pilot, "3603030")
        assert "36.03.030▏" in screen_text(app)
        await type_text(pilot, SITI[7:])
        assert "36.03.030.013.005-0117.0▏" in screen_text(app)


async def test_siti_aminah_arrears_with_fines_per_year(settings):
    async with kiosk_at(settings, "Pajak rumah dan tanah (iPBB)") as (app, pilot):
        await type_text(pilot, SITI)
        await press(pilot, "enter")
        text = screen_text(app)
        assert "Tagihan PBB · NOP 36.03.030.013.005-0117.0" in flat(text)
        assert "Wajib pajak: SITI AMINAH" in flat(text)
        assert "Kp. Tapos RT 002/RW 004, Desa Tapos, Kec. Tigaraksa" in flat(text)
        assert "Luas bumi (tanah) 120 m² · bangunan 54 m²" in flat(text)
        assert "Total tunggakan: Rp1.150.500" in flat(text)
        assert "Belum dibayar: tahun 2025 dan 2026. Denda dihitung sampai 28 November 2026." in flat(text)
        assert "2024  PBB Rp412.000 · jatuh tempo 31 Agustus 2024" in text
        assert "Lunas (dibayar 20 Agustus 2024)" in flat(text)
        assert "2025  PBB Rp487.500 · jatuh tempo 31 Agustus 2025" in text
        assert "Belum bayar · denda Rp146.250 · jumlah Rp633.750" in flat(text)
        assert "2026  PBB Rp487.500 · jatuh tempo 31 Agustus 2026" in text
        assert "Belum bayar · denda Rp29.250 · jumlah Rp516.750" in flat(text)
        assert "Bank BJB (teller), bjb DIGI, Tokopedia" in flat(text)
        assert "1  Cara membayar" in text and "2  Cek NOP lain" in text


async def test_how_to_pay_lists_the_real_channels(settings):
    async with kiosk_at(settings, "Pajak rumah dan tanah (iPBB)") as (app, pilot):
        await type_text(pilot, SITI)
        await press(pilot, "enter", "1")
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Cara membayar PBB"
        assert "NOP Anda: 36.03.030.013.005-0117.0" in flat(text) and "Rp1.150.500" in flat(text)
        assert "Anjungan ini tidak menerima uang." in flat(text)
        # short numbered choices, one for each way to pay, its places beside it
        for line in ("1  Di loket bank", "2  Di kasir toko", "3  Dengan aplikasi bank di HP",
                     "4  Dengan aplikasi belanja", "5  Dengan aplikasi dompet digital", "6  Dengan memindai kode QRIS"):
            assert line in text, line
        for channel in ("Bank BJB (teller)", "Alfamart, Indomaret", "bjb DIGI", "Tokopedia, Bukalapak",
                        "GoPay, OVO, LinkAja"):
            assert channel in flat(text), channel
        await press(pilot, "2")  # at a shop: its own short page
        shop = screen_text(app)
        assert shop.splitlines()[0].strip() == "Di kasir toko"
        assert "Alfamart" in shop and "Indomaret" in shop and "Tokopedia" not in shop
        assert "Sebutkan kepada kasir bahwa Anda akan membayar PBB Kabupaten Tangerang" in flat(shop)
        view = app.last_view.as_text()
        assert "Sebutkan NOP ini: 36.03.030.013.005-0117.0. Jumlah yang harus dibayar sekarang: Rp1.150.500." in flat(
            view)
        assert "denda 2% dari PBB untuk setiap bulan sejak jatuh tempo, paling lama 24 bulan" in flat(view)
        await press(pilot, "escape")
        assert "1  Di loket bank" in screen_text(app)


async def test_budi_santoso_owes_nothing(settings):
    async with kiosk_at(settings, "Pajak rumah dan tanah (iPBB)") as (app, pilot):
        await type_text(pilot, BUDI)
        await press(pilot, "enter")
        text = screen_text(app)
        assert "Wajib pajak: BUDI SANTOSO" in flat(text)
        assert "Jl. Raya Cikupa No. 8, Desa Cikupa, Kec. Cikupa" in flat(text)
        assert "Tidak ada tunggakan. Semua SPPT sudah lunas." in flat(text)
        assert "Total tunggakan" not in text and "Belum bayar" not in text
        assert text.count("Lunas (dibayar") == 3
        assert "1  Cek NOP lain" in text


async def test_check_another_nop_starts_an_empty_question(settings):
    async with kiosk_at(settings, "Pajak rumah dan tanah (iPBB)") as (app, pilot):
        await type_text(pilot, BUDI)
        await press(pilot, "enter", "1")
        text = screen_text(app)
        assert "Ketik NOP" in flat(text) and "36.03.180" not in text
        await type_text(pilot, SITI)
        await press(pilot, "enter")
        assert "Total tunggakan: Rp1.150.500" in flat(screen_text(app))


async def test_unknown_nop_says_not_found_and_what_to_do_and_empties_the_field(settings):
    async with kiosk_at(settings, "Pajak rumah dan tanah (iPBB)") as (app, pilot):
        await type_text(pilot, UNKNOWN)
        await press(pilot, "enter")
        text = screen_text(app)
        assert "NOP 36.03.020.001.001-0001.0 tidak ditemukan." in flat(text)
        assert "Periksa NOP pada SPPT PBB Anda" in flat(text)
        assert "petugas loket atau kantor Bapenda Kabupaten Tangerang" in flat(text)
        assert "404" not in text
        assert app.screen.step.value == ""  # said in the message; the next digits start a new NOP


async def test_seventeen_digits_are_refused_plainly_and_said_back(settings):
    async with kiosk_at(settings, "Pajak rumah dan tanah (iPBB)") as (app, pilot):
        await type_text(pilot, SHORT)
        await press(pilot, "enter")
        text = screen_text(app)
        assert "NOP harus 18 angka. Anda mengetik 17 angka." in flat(text)
        assert "Yang Anda ketik: 36.03.030.013.005-0117" in flat(text)  # to copy from, in the field's grouping
        assert app.screen.step.value == ""
        await type_text(pilot, SHORT + "0")
        await press(pilot, "enter")
        assert "Total tunggakan: Rp1.150.500" in flat(screen_text(app))


async def test_empty_and_foreign_nop_are_explained(settings):
    async with kiosk_at(settings, "Pajak rumah dan tanah (iPBB)") as (app, pilot):
        await press(pilot, "enter")
        assert "Ketik NOP: 18 angka" in flat(screen_text(app))
        await type_text(pilot, "317101000100100010")
        await press(pilot, "enter")
        assert "NOP ini bukan di Kabupaten Tangerang: NOP di sini diawali 3603." in flat(screen_text(app))


async def test_dot_deletes_the_last_digit(settings):
    async with kiosk_at(settings, "Pajak rumah dan tanah (iPBB)") as (app, pilot):
        await type_text(pilot, "36039")
        await press(pilot, "full_stop")
        assert "36.03▏" in screen_text(app)


async def test_api_failure_offers_retry_keeps_the_nop_then_recovers(settings):
    async with kiosk_at(settings) as (app, pilot):
        app.api.warm_up()
        await choose(app, pilot, "Pajak rumah dan tanah (iPBB)")
        await type_text(pilot, SITI)
        app.api.mock_app.state.faults.mode = "error"
        await press(pilot, "enter")
        text = screen_text(app)
        assert "tidak dapat dihubungi" in flat(text) and "1  Coba lagi" in text
        assert "Yang sudah Anda ketik tetap tersimpan." in flat(text)
        assert "503" not in text and "error" not in text.lower()
        app.api.mock_app.state.faults.mode = ""
        await press(pilot, "1")
        assert "Total tunggakan: Rp1.150.500" in flat(screen_text(app))


async def test_a_bill_is_never_kept_on_the_kiosk(settings):
    """A bill names a person: when the server is down it is not shown from an old copy, and none is on disk."""
    async with kiosk_at(settings, "Pajak rumah dan tanah (iPBB)") as (app, pilot):
        await type_text(pilot, SITI)
        await press(pilot, "enter")
        assert "Rp1.150.500" in flat(screen_text(app))
        await press(pilot, "0")
        assert "1 Pakai 36.03.030.013.005-0117.0" in flat(screen_text(app))
        app.api.mock_app.state.faults.mode = "down"
        await press(pilot, "1")  # the same NOP again, with the server down
        text = flat(screen_text(app))
        assert "Layanan sedang tidak dapat dihubungi" in text and "1 Coba lagi" in text
        assert "Yang sudah Anda ketik tetap tersimpan." in text
        assert "SITI AMINAH" not in text
    stored = b"".join(path.read_bytes() for path in settings.data_dir.rglob("*") if path.is_file())
    assert b"SITI AMINAH" not in stored and SITI.encode() not in stored


async def test_zero_goes_back_to_the_question_with_the_nop_kept(settings):
    async with kiosk_at(settings, "Pajak rumah dan tanah (iPBB)") as (app, pilot):
        await type_text(pilot, SITI)
        await press(pilot, "enter", "0")  # back from the bill: the NOP comes back as a choice, not as a field
        text = screen_text(app)
        assert "1  Pakai 36.03.030.013.005-0117.0" in text and "2  Ketik ulang" in text
        await press(pilot, "1")
        assert "Tagihan PBB · NOP 36.03.030.013.005-0117.0" in flat(screen_text(app))
        await press(pilot, "0", "2")  # type it again: an empty field
        assert app.screen.step.value == "" and "Ketik NOP" in flat(screen_text(app))


async def test_english_walk(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "2")  # English
        await choose(app, pilot, "Land and building tax (iPBB)")
        assert "Type the NOP (tax object number)" in flat(screen_text(app))
        await type_text(pilot, SITI)
        await press(pilot, "enter")
        text = screen_text(app)
        assert "PBB bill · NOP 36.03.030.013.005-0117.0" in flat(text)
        assert "Taxpayer: SITI AMINAH" in flat(text)
        assert "Total arrears: Rp1,150,500" in flat(text)
        assert "Not paid · fine Rp146,250 · to pay Rp633,750" in flat(text)
        assert "Paid (on August 20, 2024)" in flat(text)
        assert "1  How to pay" in text
