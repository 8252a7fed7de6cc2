"""The mock's iPBB: fines and arrears computed on the server from its configured rule and the pinned date."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import httpx
import pytest

from gemilang_tui.api.pbb import KANAL_BAYAR, TagihanPbb
from gemilang_tui.mockapi.app import create_app
from gemilang_tui.mockapi.fixtures import FixtureError

TODAY = date(2026, 11, 28)
SITI = "360303001300501170"
BUDI = "360318000700200330"
SOLEH = "360307000201100090"  # five unpaid years, the oldest beyond the 24-month cap


def _fixture() -> dict:
    return json.loads(resources.files("gemilang_tui").joinpath("fixtures", "pbb.json").read_text(encoding="utf-8"))


async def _get(path: str, today: date = TODAY, fixtures=None, **params) -> httpx.Response:
    app = create_app(fixtures=fixtures, today=today)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://mock") as client:
        return await client.get(path, params=params or None)


async def _bill(nop: str, today: date = TODAY, fixtures=None) -> TagihanPbb:
    response = await _get(f"/v1/pbb/objek/{nop}", today, fixtures)
    assert response.status_code == 200, response.text
    return TagihanPbb.model_validate(response.json())


async def test_siti_aminah_on_the_pinned_date():
    bill = await _bill(SITI)
    assert (bill.wajib_pajak, bill.nop_format) == ("SITI AMINAH", "36.03.030.013.005-0117.0")
    assert (bill.luas_bumi, bill.luas_bangunan, bill.desa, bill.kecamatan) == (120, 54, "Tapos", "Tigaraksa")
    assert bill.dihitung_pada == TODAY
    years = {year.tahun_pajak: year for year in bill.sppt}
    assert years[2024].status == "lunas" and years[2024].tanggal_bayar == date(2024, 8, 20)
    assert (years[2024].pbb, years[2024].denda, years[2024].jumlah) == (412_000, 0, 0)
    assert (years[2025].bulan_terlambat, years[2025].denda, years[2025].jumlah) == (15, 146_250, 633_750)
    assert (years[2026].bulan_terlambat, years[2026].denda, years[2026].jumlah) == (3, 29_250, 516_750)
    assert bill.tahun_belum_bayar == [2025, 2026]
    assert (bill.total_pokok, bill.total_denda, bill.total_tunggakan) == (975_000, 175_500, 1_150_500)
    assert [year.tahun_pajak for year in bill.sppt] == [2024, 2025, 2026]


async def test_budi_santoso_owes_nothing():
    bill = await _bill(BUDI)
    assert bill.wajib_pajak == "BUDI SANTOSO"
    assert all(year.status == "lunas" for year in bill.sppt)
    assert (bill.total_tunggakan, bill.tahun_belum_bayar) == (0, [])


async def test_fine_is_capped_at_24_months():
    bill = await _bill(SOLEH)
    oldest = bill.sppt[0]
    assert (oldest.tahun_pajak, oldest.bulan_terlambat) == (2022, 24)
    assert oldest.denda == 142_368  # 48% of Rp296.600
    assert bill.total_tunggakan == sum(year.jumlah for year in bill.sppt)


@pytest.mark.parametrize(
    ("today", "months", "fine"),
    [
        (date(2026, 8, 31), 0, 0),  # on the due date: not late yet
        (date(2026, 9, 1), 1, 9_750),  # a started month counts whole
        (date(2026, 9, 30), 1, 9_750),
        (date(2026, 10, 1), 2, 19_500),
    ],
)
async def test_fine_follows_the_pinned_date(today, months, fine):
    bill = await _bill(SITI, today=today)
    year = next(year for year in bill.sppt if year.tahun_pajak == 2026)
    assert (year.bulan_terlambat, year.denda, year.jumlah) == (months, fine, 487_500 + fine)


async def test_rate_and_cap_are_server_configuration(tmp_path):
    data = _fixture()
    data["aturan_denda"].update(tarif_persen=1, maks_bulan=12)
    (tmp_path / "pbb.json").write_text(json.dumps(data), encoding="utf-8")
    bill = await _bill(SITI, fixtures=tmp_path)
    years = {year.tahun_pajak: year for year in bill.sppt}
    assert (years[2025].bulan_terlambat, years[2025].denda) == (12, 58_500)  # 1% × 12 months
    assert years[2026].denda == 14_625
    assert bill.aturan_denda.tarif_persen == 1 and bill.aturan_denda.maks_bulan == 12


async def test_due_date_comes_from_the_rule_when_an_sppt_has_none(tmp_path):
    data = _fixture()
    data["aturan_denda"]["jatuh_tempo"] = "09-30"
    siti = next(item for item in data["objek"] if item["nop"] == SITI)
    for sppt in siti["sppt"]:
        sppt.pop("jatuh_tempo")
    (tmp_path / "pbb.json").write_text(json.dumps(data), encoding="utf-8")
    bill = await _bill(SITI, fixtures=tmp_path)
    year = next(year for year in bill.sppt if year.tahun_pajak == 2026)
    assert year.jatuh_tempo == date(2026, 9, 30) and year.bulan_terlambat == 2


async def test_separators_in_the_nop_are_accepted():
    bill = await _bill("36.03.030.013.005-0117.0")
    assert bill.nop == SITI


async def test_unknown_nop_is_404_and_a_short_one_422():
    assert (await _get("/v1/pbb/objek/360302000100100010")).status_code == 404
    assert (await _get("/v1/pbb/objek/36030300130050117")).status_code == 422


async def test_payment_channels_are_the_real_ones_and_page():
    response = await _get("/v1/pbb/kanal-bayar")
    channels = KANAL_BAYAR.parse(response.json())
    names = [channel.nama for channel in channels.items]
    assert channels.total == 10 and names[:2] == ["Bank BJB (teller)", "bjb DIGI"]
    for name in ("Tokopedia", "Bukalapak", "GoPay", "OVO", "LinkAja", "QRIS", "Alfamart", "Indomaret"):
        assert name in names
    second = KANAL_BAYAR.parse((await _get("/v1/pbb/kanal-bayar", page=2, per_page=4)).json())
    assert [channel.nama for channel in second.items] == names[4:8]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: data["objek"][0]["sppt"][0].update(tanggal_bayar=None), "tanggal_bayar"),
        (lambda data: data["objek"].append(dict(data["objek"][0])), "appears twice"),
        (lambda data: data["aturan_denda"].update(jatuh_tempo="02-30"), "jatuh_tempo"),
        (lambda data: data["objek"][0].update(nop="3171" + data["objek"][0]["nop"][4:]), "nop"),
    ],
)
def test_a_bad_fixture_is_refused_at_start(tmp_path, change, message):
    data = _fixture()
    change(data)
    (tmp_path / "pbb.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FixtureError, match=message):
        create_app(fixtures=tmp_path, today=TODAY)
