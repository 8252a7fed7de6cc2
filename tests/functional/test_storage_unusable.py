"""A data folder the kiosk cannot use (here: under a plain file, as a mistyped GEMILANG_DATA_DIR makes it) takes no
lookup down: the embedded mock keeps its records in memory (said once in the log), every service answers; only a
submission is refused, in plain Indonesian, with the citizen's answers kept, and the attendant's panel says why."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest

from gemilang_tui.attendant import hash_pin
from tests.conftest import choose, kiosk, press, text, type_text
from tests.functional.test_lapor import NIK, PHONE, complaint_to_check

PIN = "4321"
NOP = "360303001300501170"
UNAVAILABLE = "sedang tidak dapat dihubungi"


@pytest.fixture
def unusable(settings, tmp_path):
    plain_file = tmp_path / "bukan-folder"
    plain_file.write_text("a file where the data folder should be\n")
    return replace(settings, data_dir=plain_file / "data", attendant_pin_hash=hash_pin(PIN, iterations=1000))


async def test_every_lookup_works_and_a_submission_is_refused_plainly(unusable, caplog):
    caplog.set_level(logging.WARNING, logger="gemilang_tui")
    async with kiosk(unusable) as (app, pilot):
        await press(pilot, "1")
        await choose(app, pilot, "Pajak rumah dan tanah")
        await type_text(pilot, NOP)
        await press(pilot, "enter")
        assert "Rp1.150.500" in text(app) and UNAVAILABLE not in text(app)
        await press(pilot, "slash")
        await choose(app, pilot, "Lapor masalah dan informasi", "Berita")
        assert "Halaman 1 dari" in text(app)
        await press(pilot, "slash")
        await choose(app, pilot, "Cek laporan dan permohonan", "Cek laporan masalah")
        await type_text(pilot, "2611001")
        await press(pilot, "enter")
        assert UNAVAILABLE not in text(app)  # a status lookup too: the mock's store is in memory

        await press(pilot, "slash")
        await complaint_to_check(app, pilot)
        await press(pilot, "1")  # "1 Benar, kirim"
        refused = text(app)
        assert "Jawaban Anda tidak dapat disimpan di anjungan ini, jadi belum ada yang dikirim." in refused
        assert "Mohon minta bantuan petugas di loket." in refused
        assert "Error" not in refused and "Traceback" not in refused and "sqlite" not in refused.lower()

        await press(pilot, "ctrl+a")
        await type_text(pilot, PIN)
        await press(pilot, "enter")
        panel = " ".join(str(line) for line in app.screen.current_view().body)  # unwrapped: a long path breaks
        assert "Kiriman tidak dapat disimpan: folder data" in text(app)
        assert f"folder data {unusable.data_dir} tidak dapat dipakai" in panel
        assert "ada berkas di tempat yang seharusnya folder" in panel
        await choose(app, pilot, "Kiriman tertunda")
        assert "Kiriman tidak dapat disimpan" in text(app)

        log_path = app.log_path
    said = [record.getMessage() for record in caplog.records if "mock's store" in record.getMessage()]
    assert len(said) == 1 and "kept in memory" in said[0]
    # the log itself could not live in the data folder: it is in a private temporary one, and says so once
    assert log_path is not None and "bukan-folder" not in str(log_path)
    assert log_path.stat().st_mode & 0o777 == 0o600 and log_path.parent.stat().st_mode & 0o777 == 0o700
    logged = log_path.read_text(encoding="utf-8")
    assert logged.count("the mock's store") == 1 and logged.count("this log is kept in") == 1
    assert NIK not in logged and PHONE not in logged


async def test_the_mock_store_in_memory_still_answers_a_resend_once(unusable):
    """The fallback store keeps the idempotency contract: the same key twice is one record."""
    import uuid

    import httpx

    from gemilang_tui.mockapi.app import create_app
    from gemilang_tui.mockapi.submissions import STORE_FILE
    from tests.contract.test_submit_lapor import BODY

    app = create_app(today=unusable.today, database=unusable.data_dir / STORE_FILE, check_fixtures=False)
    key = {"Idempotency-Key": str(uuid.uuid4())}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://mock") as client:
        first = await client.post("/v1/lapor/laporan", json=BODY, headers=key)
        again = await client.post("/v1/lapor/laporan", json=BODY, headers=key)
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["nomor"] == again.json()["nomor"]
    assert app.state.submissions.count() == 1
