"""Pajak Daerah: a citizen pages through the regional taxes and reads what one is, its rate, how and where to pay."""

from __future__ import annotations

from tests.conftest import choose, kiosk, kiosk_at, press, screen_text, type_text


def flat(text: str) -> str:
    """The screen as one line, so that a sentence wrapped at 80 columns is found whole."""
    return " ".join(text.split())


async def test_list_pages_with_plus(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1", "7", "1")  # the one walk by number keys: Bahasa Indonesia, Pajak dan izin, Pajak daerah
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Pajak daerah"
        assert "Pajak apa yang ingin Anda ketahui? Tekan angkanya." in flat(text)
        assert "1  PBB-P2: pajak tanah dan bangunan" in text
        assert "2  BPHTB: pajak jual beli atau waris tanah" in text
        assert "3  Pajak makanan dan minuman (PBJT)" in text
        assert "7  Pajak listrik (PBJT)" in text and "8  " not in text
        assert "+  Halaman berikutnya" in text and "Halaman 1 dari 2" in flat(text)
        await press(pilot, "9")  # 8 and 9 are never page keys
        assert "Halaman 1 dari 2" in flat(screen_text(app))
        await press(pilot, "plus")
        text = screen_text(app)
        assert "1  Pajak reklame" in text and "2  Pajak air tanah" in text
        assert "3  Pajak sarang burung walet" in text
        assert "4  Pajak pasir, tanah urug, dan batu (MBLB)" in text
        assert "+  Halaman berikutnya" in text and "Halaman 2 dari 2" in flat(text)
        await press(pilot, "pageup")
        assert "1  PBB-P2" in screen_text(app) and "Halaman 1 dari 2" in flat(screen_text(app))
        await press(pilot, "plus", "plus")  # after the last page, the first again
        assert "1  PBB-P2" in screen_text(app) and "Halaman 1 dari 2" in flat(screen_text(app))


async def test_pbb_p2_detail_leads_to_the_bill_check(settings):
    async with kiosk_at(settings, "Pajak dan izin", "Pajak daerah") as (app, pilot):
        await press(pilot, "1")
        text = screen_text(app)
        assert "Pajak Bumi dan Bangunan Perdesaan dan Perkotaan (PBB-P2)" in flat(text).splitlines()[0]
        assert "Pajak tahunan atas tanah dan bangunan" in flat(text)
        assert "Tarif: paling tinggi 0,5% dari NJOP kena pajak" in flat(text)
        assert "Cara membayar: Siapkan NOP dari SPPT, lalu bayar paling lambat 31 Agustus." in flat(text)
        assert "Tempat membayar: Bank BJB (teller dan bjb DIGI), Tokopedia" in flat(text)
        assert "1  Cek tagihan PBB" in text
        await press(pilot, "1")
        assert "Ketik NOP (Nomor Objek Pajak)" in flat(screen_text(app))
        await type_text(pilot, "360303001300501170")
        await press(pilot, "enter")
        assert "Total tunggakan: Rp1.150.500" in flat(screen_text(app))


async def test_bphtb_detail_leads_to_the_calculator(settings):
    async with kiosk_at(settings, "Pajak dan izin", "Pajak daerah") as (app, pilot):
        await press(pilot, "2")
        text = screen_text(app)
        assert "Bea Perolehan Hak atas Tanah dan Bangunan (BPHTB)" in flat(text)
        assert "Tarif: 5% dari NPOP dikurangi NPOPTKP" in flat(text)
        assert "1  Hitung BPHTB" in text
        await press(pilot, "1")
        assert "1  Jual beli" in screen_text(app)
        await press(pilot, "1")
        await type_text(pilot, "415000000")
        await press(pilot, "enter")
        await type_text(pilot, "380000000")
        await press(pilot, "enter")
        assert "BPHTB yang harus dibayar: Rp16.750.000" in flat(screen_text(app))


async def test_other_taxes_only_inform(settings):
    async with kiosk_at(settings, "Pajak dan izin", "Pajak daerah") as (app, pilot):
        await press(pilot, "plus", "1")
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Pajak Reklame"
        assert "Tarif: paling tinggi 25% dari nilai sewa reklame" in flat(text)
        assert "Cara membayar: Ajukan izin reklame" in flat(text)
        assert "Kantor Bapenda Kabupaten Tangerang, Tigaraksa" in flat(text)
        assert "  1  " not in text
        await press(pilot, "0")
        assert "Halaman 2 dari 2" in flat(screen_text(app))


async def test_api_failure_offers_retry_then_recovers(settings):
    async with kiosk_at(settings) as (app, pilot):
        app.api.warm_up()
        app.api.mock_app.state.faults.mode = "error"
        await choose(app, pilot, "Pajak dan izin", "Pajak daerah")
        text = screen_text(app)
        assert "tidak dapat dihubungi" in flat(text) and "1  Coba lagi" in text
        assert "503" not in text and "error" not in text.lower()
        app.api.mock_app.state.faults.mode = ""
        await press(pilot, "1")
        assert "1  PBB-P2: pajak tanah dan bangunan" in screen_text(app)


async def test_english_walk(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "2")  # English
        await choose(app, pilot, "Taxes and permits", "Regional taxes")
        text = screen_text(app)
        assert "Which tax do you want to know about? Press its number." in flat(text)
        assert "1  PBB-P2: land and building tax" in text
        await press(pilot, "1")
        text = screen_text(app)
        assert "Rural and Urban Land and Building Tax (PBB-P2)" in flat(text)
        assert "Rate: at most 0.5% of the taxable NJOP" in flat(text)
        assert "Where to pay: Bank BJB (teller and bjb DIGI)" in flat(text)
        assert "1  Check a PBB bill" in text
