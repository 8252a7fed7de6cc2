"""Status lookups: the deadlines the mock computes from the promises in working days, and how the kiosk words them."""

from __future__ import annotations

import asyncio
from datetime import date

import httpx
import pytest

from gemilang_tui.api.status import Riwayat, Tahap, first_entry, stage
from gemilang_tui.i18n import set_locale
from gemilang_tui.mockapi.app import create_app
from gemilang_tui.services import status_lapor, status_ppid
from gemilang_tui.services.status import stage_line, year_and_serial
from tests.conftest import TODAY


class Mock:
    """The embedded mock, asked one GET at a time."""

    def __init__(self) -> None:
        self.app = create_app(today=TODAY)

    def get(self, path: str, params: dict | None = None) -> httpx.Response:
        async def fetch() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
                return await client.get(path, params=params)

        return asyncio.run(fetch())


@pytest.fixture(scope="module")
def mock() -> Mock:
    return Mock()


def stages_of(answer: dict) -> dict[str, dict]:
    return {item["tahap"]: item for item in answer["tahapan"]}


# -- the promise as dates --------------------------------------------------------------------------------------


def test_stage_counts_working_days_and_what_is_left():
    running = stage("jawaban", 10, date(2026, 11, 23), None, TODAY)
    assert running.tenggat == date(2026, 12, 7)  # Saturdays and Sundays skipped
    assert running.sisa_hari_kerja == 6  # 30 Nov, 1, 2, 3, 4 and 7 Dec
    done = stage("jawaban", 10, date(2026, 11, 9), date(2026, 11, 18), TODAY)
    assert done.tenggat == date(2026, 11, 23) and done.sisa_hari_kerja is None
    waiting = stage("penyelesaian", 10, None, None, TODAY)
    assert waiting.tenggat is None and waiting.sisa_hari_kerja is None


def test_stage_skips_holidays_and_counts_extensions():
    christmas = frozenset({date(2026, 12, 25)})
    assert stage("x", 5, date(2026, 12, 21), None, TODAY, christmas).tenggat == date(2026, 12, 29)
    assert stage("x", 10, date(2026, 11, 16), None, TODAY, tambahan=7).tenggat == date(2026, 12, 9)


def test_late_stage_has_negative_days_left():
    assert stage("x", 3, date(2026, 11, 16), None, TODAY).sisa_hari_kerja == -6  # due 19 Nov: 20, 23–27 Nov since


def test_first_entry_is_the_earliest_matching_event():
    history = [Riwayat(tanggal=date(2026, 11, 20), status="B"), Riwayat(tanggal=date(2026, 11, 18), status="B")]
    assert first_entry(history, {"B"}).tanggal == date(2026, 11, 18)
    assert first_entry(history, {"B"}, after=date(2026, 11, 19)).tanggal == date(2026, 11, 20)
    assert first_entry(history, {"C"}) is None


# -- the mock's answers for the canonical records ---------------------------------------------------------------


def test_ppid_0042_is_due_on_7_december(mock):
    answer = mock.get("/v1/ppid/permohonan/PPID-2026-0042").json()
    assert answer["status"] == "Diproses" and answer["tanggal"] == "2026-11-23"
    assert stages_of(answer)["jawaban"] == {
        "tahap": "jawaban", "hari_kerja": 10, "tambahan_hari_kerja": 0, "mulai": "2026-11-23",
        "tenggat": "2026-12-07", "selesai": None, "sisa_hari_kerja": 6,
    }


def test_ppid_accepts_the_typed_digits_and_refuses_strangers(mock):
    assert mock.get("/v1/ppid/permohonan/20260042").json()["nomor"] == "PPID-2026-0042"
    assert mock.get("/v1/ppid/permohonan/PPID-2026-0099").status_code == 404
    assert mock.get("/v1/ppid/permohonan/SPT-2026-000123").status_code == 404


def test_lapor_2611001_timeline(mock):
    answer = mock.get("/v1/lapor/tiket/2611001").json()
    assert (answer["judul"], answer["kategori"], answer["status"], answer["instansi"], answer["dibuat"]) == (
        "Lampu jalan mati di Jl. Raya Tigaraksa", "Infrastruktur", "Ditindaklanjuti",
        "Dinas Bina Marga dan Sumber Daya Air", "2026-11-16",
    )
    stages = stages_of(answer)
    assert (stages["verifikasi"]["tenggat"], stages["verifikasi"]["selesai"]) == ("2026-11-19", "2026-11-17")
    assert (stages["tanggapan"]["mulai"], stages["tanggapan"]["tenggat"]) == ("2026-11-18", "2026-11-25")
    assert stages["tanggapan"]["selesai"] == "2026-11-23"
    assert (stages["penutupan"]["tenggat"], stages["penutupan"]["sisa_hari_kerja"]) == ("2026-12-07", 6)
    assert [event["tanggal"] for event in answer["riwayat"]] == sorted(e["tanggal"] for e in answer["riwayat"])


def test_lapor_report_outside_the_regency_has_no_agency_deadline(mock):
    answer = mock.get("/v1/lapor/tiket/2611003").json()
    assert answer["status"] == "Bukan Wewenang"
    assert [item["tahap"] for item in answer["tahapan"]] == ["verifikasi"]


def test_lapor_unknown_ticket_is_404(mock):
    response = mock.get("/v1/lapor/tiket/2611999")
    assert response.status_code == 404


def test_sipinter_clock_waits_for_complete_documents(mock):
    answer = mock.get("/v1/sipinter/registrasi/2026000123").json()
    assert (answer["nomor"], answer["jenis_izin"], answer["pemohon"], answer["diajukan"], answer["status"]) == (
        "SPT-2026-000123", "Izin Reklame", "CV Maju Bersama", "2026-11-10", "Verifikasi Berkas",
    )
    assert stages_of(answer)["penyelesaian"]["mulai"] is None
    issued = stages_of(mock.get("/v1/sipinter/registrasi/SPT-2026-000109").json())["penyelesaian"]
    assert (issued["mulai"], issued["selesai"]) == ("2026-10-29", "2026-11-02")


def test_layanan_mandiri_00077_is_ready_at_kantor_desa_tapos(mock):
    answer = mock.get("/v1/layanan_mandiri/permohonan/LM-2026-00077").json()
    assert (answer["jenis_surat"], answer["status"], answer["tempat_ambil"]) == (
        "Surat Keterangan Domisili", "Siap diambil", "Kantor Desa Tapos",
    )
    assert stages_of(answer)["penyelesaian"]["selesai"] == "2026-11-26"


def test_information_list_filters_by_kind_and_pages(mock):
    answer = mock.get("/v1/ppid/informasi", params={"kategori": "berkala", "page": 2, "per_page": 7}).json()
    assert answer["total"] == 12 and answer["page"] == 2 and len(answer["items"]) == 5
    assert {item["kategori"] for item in answer["items"]} == {"berkala"}
    assert mock.get("/v1/ppid/informasi", params={"kategori": "rahasia"}).status_code == 422


# -- the kiosk's words ------------------------------------------------------------------------------------------


def _tahap(**fields) -> Tahap:
    return Tahap(tahap="jawaban", hari_kerja=10, **fields)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"mulai": date(2026, 11, 23), "tenggat": date(2026, 12, 7), "sisa_hari_kerja": 6},
         "Jawaban atas permohonan Anda (10 hari kerja): paling lambat 7 Desember 2026. Sisa 6 hari kerja."),
        ({"mulai": date(2026, 11, 13), "tenggat": date(2026, 11, 27), "sisa_hari_kerja": 0},
         "Jawaban atas permohonan Anda (10 hari kerja): paling lambat 27 November 2026, yaitu hari ini."),
        ({"mulai": date(2026, 11, 2), "tenggat": date(2026, 11, 16), "sisa_hari_kerja": -9},
         "Jawaban atas permohonan Anda (10 hari kerja): paling lambat 16 November 2026. Sudah lewat 9 hari kerja; "
         "silakan tanyakan kepada petugas di loket."),
        ({"mulai": date(2026, 11, 9), "tenggat": date(2026, 11, 23), "selesai": date(2026, 11, 18)},
         "Jawaban atas permohonan Anda (10 hari kerja): selesai 18 November 2026."),
        ({}, "Jawaban atas permohonan Anda (10 hari kerja): belum dimulai."),
        ({"mulai": date(2026, 11, 16), "tenggat": date(2026, 12, 9), "sisa_hari_kerja": 8, "tambahan_hari_kerja": 7},
         "Jawaban atas permohonan Anda (10 hari kerja, diperpanjang 7 hari kerja): paling lambat 9 Desember 2026. "
         "Sisa 8 hari kerja."),
    ],
    ids=["running", "today", "late", "done", "not-started", "extended"],
)
def test_stage_wording(fields, expected):
    service = status_ppid.service(_ctx())
    assert stage_line(service, _tahap(**fields)) == expected


def test_stage_wording_in_english():
    set_locale("en")
    service = status_lapor.service()
    line = stage_line(service, Tahap(tahap="verifikasi", hari_kerja=3, mulai=date(2026, 11, 27),
                                     tenggat=date(2026, 12, 2), sisa_hari_kerja=3))
    assert line == "Check by the LAPOR! admin (3 working days): by December 2, 2026 at the latest. 3 working days left."


def test_reference_field_reads_back_year_and_serial():
    assert year_and_serial("") == "" and year_and_serial("2026") == "2026"
    assert year_and_serial("20260042") == "2026-0042"


def _ctx():
    from types import SimpleNamespace

    return SimpleNamespace(today=TODAY)


def test_every_reference_field_reads_back_its_official_form():
    from gemilang_tui.domain.reference import AK1, IZM, PPID
    from gemilang_tui.services.status import field_start, reading_of

    assert (field_start(PPID), reading_of(PPID)("20260042")) == ("PPID-", "2026-0042")
    assert (field_start(IZM), reading_of(IZM)("4202600")) == ("IZM", "4-2026-00")
    ak1 = reading_of(AK1)
    assert field_start(AK1) == "AK"  # the citizen types the 1 of AK1 too
    assert [ak1(typed) for typed in ("1", "12026", "120260", "1202600001")] == ["1", "1-2026", "1-2026-0",
                                                                            "1-2026-00001"]
