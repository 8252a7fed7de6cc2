"""The mock's e-BPHTB rules: rate and NPOPTKP per kind of acquisition are configuration."""

from __future__ import annotations

import json
from importlib import resources

import httpx
import pytest

from gemilang_tui.api.bphtb import AturanBphtb
from gemilang_tui.domain.bphtb import compute_bphtb
from gemilang_tui.mockapi.app import create_app
from gemilang_tui.mockapi.fixtures import FixtureError


def _fixture() -> dict:
    return json.loads(resources.files("gemilang_tui").joinpath("fixtures", "bphtb.json").read_text(encoding="utf-8"))


async def _rules(fixtures=None) -> AturanBphtb:
    app = create_app(fixtures=fixtures)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://mock") as client:
        response = await client.get("/v1/bphtb/aturan")
    assert response.status_code == 200
    return AturanBphtb.model_validate(response.json())


async def test_kinds_and_their_npoptkp():
    rules = await _rules()
    assert rules.tarif_persen == 5
    kinds = {kind.kode: kind for kind in rules.jenis_perolehan}
    assert [kind.nama for kind in rules.jenis_perolehan] == [
        "Jual beli", "Waris / hibah wasiat", "Hibah", "Perolehan lainnya"
    ]
    assert kinds["jual_beli"].npoptkp == 80_000_000
    assert kinds["waris"].npoptkp == 300_000_000


async def test_canonical_results_from_the_served_rules():
    rules = await _rules()
    kinds = {kind.kode: kind for kind in rules.jenis_perolehan}
    jual_beli = compute_bphtb(415_000_000, 380_000_000, kinds["jual_beli"].npoptkp, rules.tarif_persen)
    waris = compute_bphtb(0, 500_000_000, kinds["waris"].npoptkp, rules.tarif_persen)
    assert (jual_beli.bphtb, waris.bphtb) == (16_750_000, 10_000_000)


async def test_changed_configuration_is_served(tmp_path):
    data = _fixture()
    data["jenis_perolehan"][0]["npoptkp"] = 60_000_000
    (tmp_path / "bphtb.json").write_text(json.dumps(data), encoding="utf-8")
    rules = await _rules(tmp_path)
    assert rules.jenis_perolehan[0].npoptkp == 60_000_000


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: data["jenis_perolehan"].append(dict(data["jenis_perolehan"][0])), "twice"),
        (lambda data: data["jenis_perolehan"][0].update(npoptkp=-1), "npoptkp"),
        (lambda data: data.update(jenis_perolehan=data["jenis_perolehan"] * 3), "twice|9"),
    ],
)
def test_a_bad_fixture_is_refused_at_start(tmp_path, change, message):
    data = _fixture()
    change(data)
    (tmp_path / "bphtb.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FixtureError, match=message):
        create_app(fixtures=tmp_path)
