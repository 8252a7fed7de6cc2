"""e-BPHTB: a citizen picks how the land was acquired, types the price and the NJOP, and reads the duty worked out."""

from __future__ import annotations

from tests.conftest import choose, kiosk, kiosk_at, press, screen_text, type_text


def flat(text: str) -> str:
    """The screen as one line, so that a sentence wrapped at 80 columns is found whole."""
    return " ".join(text.split())


async def test_kinds_of_acquisition_come_with_their_untaxed_part(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1", "7", "2")  # the one walk by number keys: Bahasa Indonesia, Pajak dan izin, e-BPHTB
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "Pajak beli atau waris tanah (e-BPHTB)"
        assert "Bagaimana Anda memperoleh tanah atau bangunan ini? Tekan angkanya." in flat(text)
        assert "1  Jual beli             Rp80.000.000 pertama tidak dikenai pajak" in text
        assert "2  Waris / hibah wasiat  Rp300.000.000 pertama tidak dikenai pajak" in text
        assert "3  Hibah" in text and "4  Perolehan lainnya" in text


async def test_jual_beli_canonical(settings):
    async with kiosk_at(settings, "Pajak dan izin", "e-BPHTB") as (app, pilot):
        await press(pilot, "1")
        text = screen_text(app)
        assert "Pajak beli atau waris tanah (e-BPHTB) · Jual beli" in flat(text)
        assert "Berapa harga transaksinya? Ketik dalam rupiah (0 bila tidak ada)." in flat(text)
        await type_text(pilot, "415000000")
        assert "Rp415.000.000▏" in screen_text(app)  # grouped while typing
        await press(pilot, "enter")
        assert "Berapa NJOP (nilai tanah dan bangunan menurut SPPT PBB)?" in flat(screen_text(app))
        await type_text(pilot, "380000000")
        await press(pilot, "enter")
        text = screen_text(app)
        assert "BPHTB yang harus dibayar: Rp16.750.000" in flat(text)
        assert "Jenis perolehan: Jual beli" in flat(text)
        assert "Harga transaksi Rp415.000.000" in flat(text)
        assert "NJOP Rp380.000.000" in flat(text)
        assert "NPOP (nilai yang dipakai) Rp415.000.000" in flat(text)
        assert "NPOPTKP (tidak dikenai pajak) − Rp80.000.000" in flat(text)
        assert "NPOP kena pajak Rp335.000.000" in flat(text)
        assert "Tarif 5%" in flat(text)
        assert "BPHTB Rp16.750.000" in flat(text)
        lines = text.splitlines()
        first = next(index for index, line in enumerate(lines) if line.strip().startswith("Harga transaksi"))
        assert len({len(line.rstrip()) for line in lines[first:first + 7]}) == 1  # sums right-aligned
        assert "NPOP yang dipakai adalah harga transaksi, karena lebih tinggi daripada" in flat(text)
        assert "BPHTB = 5% × (NPOP − NPOPTKP)" in flat(text)
        assert "= 5% × (Rp415.000.000 − Rp80.000.000)" in flat(text)
        assert "= 5% × Rp335.000.000 = Rp16.750.000" in flat(text)


async def test_waris_canonical_without_a_price(settings):
    async with kiosk_at(settings, "Pajak dan izin", "e-BPHTB") as (app, pilot):
        await press(pilot, "2")
        assert "Rp▏" in screen_text(app)  # nothing prefilled: with no price, Enter on the empty field is enough
        await press(pilot, "enter")
        assert "Berapa NJOP" in flat(screen_text(app))
        await type_text(pilot, "500000000")
        await press(pilot, "enter")
        text = screen_text(app)
        assert "BPHTB yang harus dibayar: Rp10.000.000" in flat(text)
        assert "Jenis perolehan: Waris / hibah wasiat" in flat(text)
        assert "− Rp300.000.000" in flat(text)
        assert "NPOP yang dipakai adalah NJOP, karena lebih tinggi daripada harga" in flat(text)
        assert "= 5% × Rp200.000.000 = Rp10.000.000" in flat(text)


async def test_typing_a_price_over_the_zero(settings):
    async with kiosk_at(settings, "Pajak dan izin", "e-BPHTB") as (app, pilot):
        await press(pilot, "2")
        await type_text(pilot, "0")  # "type 0 if there is none" works too
        await press(pilot, "enter")
        assert "Berapa NJOP" in flat(screen_text(app))


async def test_nothing_to_pay_below_the_untaxed_part(settings):
    async with kiosk_at(settings, "Pajak dan izin", "e-BPHTB") as (app, pilot):
        await press(pilot, "1")
        await type_text(pilot, "75000000")
        await press(pilot, "enter")
        await type_text(pilot, "60000000")
        await press(pilot, "enter")
        text = screen_text(app)
        assert "Tidak ada BPHTB yang harus dibayar" in flat(text)
        assert "Rp0" in flat(text)


async def test_too_many_digits_is_refused_and_kept(settings):
    async with kiosk_at(settings, "Pajak dan izin", "e-BPHTB") as (app, pilot):
        await press(pilot, "1")
        await type_text(pilot, "12345678901234")  # the 14th digit is refused, out loud
        text = screen_text(app)
        assert "Harga transaksi paling banyak 13 angka. Tekan . untuk menghapus angka." in flat(text)
        assert "Rp1.234.567.890.123▏" in text
        assert app.screen.step.value == "1234567890123"
        await press(pilot, "full_stop")
        assert "Rp123.456.789.012▏" in screen_text(app)
        await press(pilot, "enter")
        assert "Berapa NJOP" in flat(screen_text(app))


async def test_empty_njop_is_explained(settings):
    async with kiosk_at(settings, "Pajak dan izin", "e-BPHTB") as (app, pilot):
        await press(pilot, "1")
        await type_text(pilot, "415000000")
        await press(pilot, "enter", "enter")
        assert "Ketik NJOP dalam rupiah, hanya angka." in flat(screen_text(app))
        await type_text(pilot, "380000000")
        await press(pilot, "enter")
        assert "Rp16.750.000" in flat(screen_text(app))


async def test_zero_goes_back_with_the_answers_kept(settings):
    async with kiosk_at(settings, "Pajak dan izin", "e-BPHTB") as (app, pilot):
        await press(pilot, "1")
        await type_text(pilot, "415000000")
        await press(pilot, "enter")
        await type_text(pilot, "380000000")
        await press(pilot, "enter", "0")  # back from the result: the NJOP comes back as a choice, not a field
        text = screen_text(app)
        assert "1  Pakai Rp380.000.000" in text and "2  Ketik ulang" in text
        await press(pilot, "escape")
        assert "1  Pakai Rp415.000.000" in screen_text(app)
        await press(pilot, "1")  # the price kept, then a fresh NJOP field
        assert "Rp▏" in screen_text(app) and app.screen.step.value == ""
        await type_text(pilot, "380000000")
        await press(pilot, "enter")
        assert "BPHTB yang harus dibayar: Rp16.750.000" in flat(screen_text(app))


async def test_work_it_out_again(settings):
    async with kiosk_at(settings, "Pajak dan izin", "e-BPHTB") as (app, pilot):
        await press(pilot, "2", "enter")
        await type_text(pilot, "500000000")
        await press(pilot, "enter", "1")
        assert "Bagaimana Anda memperoleh tanah atau bangunan ini?" in flat(screen_text(app))


async def test_api_failure_offers_retry_then_recovers(settings):
    async with kiosk_at(settings) as (app, pilot):
        app.api.warm_up()
        app.api.mock_app.state.faults.mode = "error"
        await choose(app, pilot, "Pajak dan izin", "e-BPHTB")
        text = screen_text(app)
        assert "tidak dapat dihubungi" in flat(text) and "1  Coba lagi" in text
        assert "503" not in text and "error" not in text.lower()
        app.api.mock_app.state.faults.mode = ""
        await press(pilot, "1")
        assert "1  Jual beli" in screen_text(app)


async def test_rules_come_from_the_fixtures(settings, tmp_path):
    import json
    from dataclasses import replace
    from importlib import resources

    rules = json.loads(resources.files("gemilang_tui").joinpath("fixtures", "bphtb.json").read_text())
    rules["jenis_perolehan"][0]["npoptkp"] = 60_000_000  # the older Perda
    folder = tmp_path / "fixtures"
    folder.mkdir()
    (folder / "bphtb.json").write_text(json.dumps(rules))
    async with kiosk_at(replace(settings, fixtures=folder), "Pajak dan izin", "e-BPHTB") as (app, pilot):
        await press(pilot, "1")
        await type_text(pilot, "415000000")
        await press(pilot, "enter")
        await type_text(pilot, "1")
        await press(pilot, "enter")
        assert "BPHTB yang harus dibayar: Rp17.750.000" in flat(screen_text(app))  # DOMAIN.md's textbook example


async def test_english_walk(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "2")  # English
        await choose(app, pilot, "Taxes and permits", "e-BPHTB")
        text = screen_text(app)
        assert "How did you get the land or building?" in flat(text)
        assert "1  Sale and purchase" in text and "first Rp80,000,000 not taxed" in flat(text)
        await press(pilot, "1")
        await type_text(pilot, "415000000")
        await press(pilot, "enter")
        await type_text(pilot, "380000000")
        await press(pilot, "enter")
        text = screen_text(app)
        assert "BPHTB to pay: Rp16,750,000" in flat(text)
        assert "The NPOP is the transaction price, because it is higher than the NJOP." in flat(text)
