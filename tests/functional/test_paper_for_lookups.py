"""Paper for what a citizen carries away from a page looked up (a PBB bill to the cashier, an e-BPHTB estimate to
the notary, the emergency numbers, a job and how to apply): "Cetak halaman ini" prints it as ESC/POS bytes
(GEMILANG_PRINTER=file:PATH); while it prints the screen says it is printing, not loading; a kiosk without a
printer does not offer it. Nothing of a looked-up page is kept on the kiosk."""

from __future__ import annotations

from dataclasses import replace

from gemilang_tui.printing.target import PrinterTarget
from tests.conftest import choose, kiosk, kiosk_at, press, settle, text, type_text, until

NOP = "360303001300501170"  # CANON.md: SITI AMINAH, owes Rp1.150.500 on 2026-11-28


def printed(path) -> str:
    return path.read_bytes().decode("ascii", "replace")


async def print_this_page(app, pilot, out) -> str:
    await choose(app, pilot, "Cetak halaman ini")
    await until(pilot, out.exists)
    await settle(pilot)
    assert "Sudah dicetak. Ambil kertasnya dari printer." in text(app)
    await choose(app, pilot, "Kembali ke halaman tadi")
    return printed(out)


def with_printer(settings, tmp_path):
    out = tmp_path / "printer.bin"
    return replace(settings, printer=PrinterTarget("file", str(out))), out


async def test_the_pbb_bill_prints_with_its_nop_what_is_owed_and_where_to_pay(settings, tmp_path):
    settings, out = with_printer(settings, tmp_path)
    async with kiosk_at(settings, "iPBB") as (app, pilot):
        await type_text(pilot, NOP)
        await press(pilot, "enter")
        await settle(pilot)
        paper = await print_this_page(app, pilot, out)
        assert "36.03.030.013.005-0117.0" in paper and "SITI AMINAH" in paper
        assert "Rp1.150.500" in paper and "Rp633.750" in paper and "Rp516.750" in paper
        assert "Alfamart" in paper  # where to pay
        assert "Simpan nomor ini" not in paper  # a NOP is not a receipt number
        assert "Tagihan PBB" in text(app)  # back on the bill
    assert not (settings.data_dir / "receipts").exists()  # a bill names a person: never kept on the kiosk


async def test_the_emergency_numbers_print(settings, tmp_path):
    settings, out = with_printer(settings, tmp_path)
    async with kiosk_at(settings, "Siaga") as (app, pilot):
        await settle(pilot)
        paper = await print_this_page(app, pilot, out)
        assert "112" in paper and "Polisi" in paper


async def test_a_job_prints_with_how_to_apply(settings, tmp_path):
    settings, out = with_printer(settings, tmp_path)
    async with kiosk_at(settings, "Donor darah dan pekerjaan", "Lowongan kerja (Siap Kerja)") as (app, pilot):
        await press(pilot, "1")  # every vacancy
        await settle(pilot)
        await press(pilot, "1")  # the first one
        await settle(pilot)
        job = app.last_view.title
        paper = await print_this_page(app, pilot, out)
        assert job.split()[0] in paper
        assert "Untuk melamar" in paper or "Tempat melamar" in paper


async def test_the_bphtb_estimate_prints_with_its_working(settings, tmp_path):
    settings, out = with_printer(settings, tmp_path)
    async with kiosk_at(settings, "Pajak dan izin", "e-BPHTB") as (app, pilot):
        await press(pilot, "1")
        await type_text(pilot, "415000000")
        await press(pilot, "enter")
        await type_text(pilot, "380000000")
        await press(pilot, "enter")
        await settle(pilot)
        paper = await print_this_page(app, pilot, out)
        assert "Rp16.750.000" in paper and "NPOPTKP" in paper


async def test_while_it_prints_the_screen_says_printing_not_loading(settings, tmp_path, monkeypatch):
    import asyncio

    from gemilang_tui.printing import device

    settings, out = with_printer(settings, tmp_path)
    release = asyncio.Event()
    real = device.print_receipt_async

    async def slow_print(settings, doc):
        await release.wait()
        return await real(settings, doc)

    monkeypatch.setattr(device, "print_receipt_async", slow_print)
    monkeypatch.setattr("gemilang_tui.printing.print_receipt_async", slow_print)
    async with kiosk_at(settings, "Siaga") as (app, pilot):
        await settle(pilot)
        number = next(o.number for o in app.last_view.options if o.label == "Cetak halaman ini")
        await pilot.press(str(number))
        for _turn in range(2000):  # not `until`: it waits for the loading to end, which the printer holds
            if "Sedang mencetak, mohon tunggu" in text(app):
                break
            await pilot.pause(0.01)
        assert "Sedang mencetak, mohon tunggu" in text(app) and "memuat" not in text(app)
        release.set()
        await until(pilot, lambda: "Sudah dicetak" in text(app))


async def test_without_a_printer_nothing_offers_to_print_a_page(settings):
    async with kiosk(settings) as (app, pilot):
        await press(pilot, "1")
        await choose(app, pilot, "iPBB")
        await type_text(pilot, NOP)
        await press(pilot, "enter")
        await settle(pilot)
        assert "Tagihan PBB" in text(app) and "Cetak" not in text(app)
