"""The mock's Pajak Daerah: a paged list of the regional taxes and each tax in full."""

from __future__ import annotations

import json
from importlib import resources

import httpx
import pytest

from gemilang_tui.api.pajak_daerah import DAFTAR, Pajak
from gemilang_tui.mockapi.app import create_app
from gemilang_tui.mockapi.fixtures import FixtureError


async def _get(path: str, **params) -> httpx.Response:
    app = create_app()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://mock") as client:
        return await client.get(path, params=params or None)


async def test_the_list_pages_with_a_total():
    first = DAFTAR.parse((await _get("/v1/pajak-daerah", page=1, per_page=7)).json())
    second = DAFTAR.parse((await _get("/v1/pajak-daerah", page=2, per_page=7)).json())
    assert first.total == second.total == 11
    assert len(first.items) == 7 and len(second.items) == 4
    codes = [item.kode for item in first.items + second.items]
    assert codes[:2] == ["pbb_p2", "bphtb"]
    for kode in ("pbjt_makanan_minuman", "pbjt_perhotelan", "pbjt_parkir", "pbjt_hiburan", "reklame",
                 "air_tanah", "sarang_burung_walet", "mblb"):
        assert kode in codes


async def test_a_tax_in_full_names_the_related_kiosk_service():
    pbb = Pajak.model_validate((await _get("/v1/pajak-daerah/pbb_p2")).json())
    assert pbb.layanan_terkait == "pbb" and "Bank BJB (teller dan bjb DIGI)" in pbb.tempat_bayar
    bphtb = Pajak.model_validate((await _get("/v1/pajak-daerah/bphtb")).json())
    assert bphtb.layanan_terkait == "bphtb"
    reklame = Pajak.model_validate((await _get("/v1/pajak-daerah/reklame")).json())
    assert reklame.layanan_terkait is None and reklame.tarif_en


async def test_unknown_tax_is_404():
    assert (await _get("/v1/pajak-daerah/pajak_kuda")).status_code == 404


def test_english_places_must_match_line_by_line(tmp_path):
    data = json.loads(resources.files("gemilang_tui").joinpath("fixtures", "pajak_daerah.json").read_text())
    data["pajak"][0]["tempat_bayar_en"] = ["Bank BJB"]
    (tmp_path / "pajak_daerah.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FixtureError, match="line by line"):
        create_app(fixtures=tmp_path)
