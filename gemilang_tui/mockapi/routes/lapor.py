"""SP4N LAPOR!: GET /v1/lapor/tiket/{nomor}, a report's status with its history and the LAPOR! deadlines.

The promises are this server's configuration (`aturan` in lapor.json, DOMAIN.md): verified and forwarded within
3 working days, the agency answers within 5 working days of the disposition, and a report is closed 10 working
days after the follow-up when the reporter does not reply. Deadlines skip Saturdays, Sundays and `hari_libur`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import Field, model_validator

from gemilang_tui.api.lapor import STATUS_LAPORAN, StatusLaporan
from gemilang_tui.api.model import ApiModel
from gemilang_tui.api.status import Riwayat, Tahap, first_entry, stage
from gemilang_tui.mockapi.app import today_of
from gemilang_tui.mockapi.fixtures import fixture
from gemilang_tui.mockapi.submitted import find_submitted

router = APIRouter(tags=["lapor"])

UNVERIFIED = "Belum Terverifikasi"
DISPOSED = "Didisposisi"
FOLLOWED_UP = "Ditindaklanjuti"
#: A report in one of these states has ended: the promises it never reached are not shown.
ENDED = {"Selesai", "Bukan Wewenang", "Diarsipkan"}
#: The agency has answered once the report reaches one of these.
ANSWERED = {FOLLOWED_UP, "Selesai", "Ditunda"}
CLOSED = {"Selesai", "Diarsipkan"}


class AturanLapor(ApiModel):
    """The LAPOR! promises, in working days, and the holidays the deadlines skip."""

    verifikasi_hari_kerja: int = Field(ge=0)
    tanggapan_hari_kerja: int = Field(ge=0)
    tutup_hari_kerja: int = Field(ge=0)
    hari_libur: list[date] = Field(default_factory=list)

    @property
    def holidays(self) -> frozenset[date]:
        return frozenset(self.hari_libur)


class LokasiLaporan(ApiModel):
    desa: str
    kode_desa: str = Field(pattern=r"^36\.03\.\d{2}\.[12]\d{3}$")
    kecamatan: str
    kode_kecamatan: str = Field(pattern=r"^36\.03\.\d{2}$")

    def text(self) -> str:
        kind = "Kel." if self.kode_desa.rsplit(".", 1)[-1].startswith("1") else "Desa"
        return f"{kind} {self.desa}, Kec. {self.kecamatan}"


class Tiket(ApiModel):
    nomor: str = Field(pattern=r"^\d{7}$")
    judul: str
    jenis: str
    kategori: str
    kode_kategori: str | None = None
    status: str
    instansi: str | None = None
    dibuat: date
    lokasi: LokasiLaporan | None = None
    riwayat: list[Riwayat] = Field(min_length=1)

    @model_validator(mode="after")
    def _history_matches(self) -> Tiket:
        latest = max(self.riwayat, key=lambda event: event.tanggal)
        if self.riwayat[-1].status != self.status or latest.tanggal != self.riwayat[-1].tanggal:
            raise ValueError(f"ticket {self.nomor}: the last riwayat entry must carry the current status")
        return self


class KategoriLapor(ApiModel):
    kode: str
    nama: str
    nama_en: str | None = None


class LaporFixture(ApiModel):
    """lapor.json; the keys the complaint form reads (kategori, instansi, jenis, status) stay as they are."""

    aturan: AturanLapor
    tiket: list[Tiket]
    kategori: list[KategoriLapor] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> LaporFixture:
        numbers = [tiket.nomor for tiket in self.tiket]
        if len(numbers) != len(set(numbers)):
            raise ValueError("a ticket number appears twice")
        return self


FIXTURES = {"lapor.json": LaporFixture}


Data = Annotated[LaporFixture, Depends(fixture("lapor.json", LaporFixture))]


def stages(tiket: Tiket, rule: AturanLapor, today: date) -> list[Tahap]:
    """Verification, the agency's answer and the closing, each with its deadline once its clock has started."""
    ended = tiket.status in ENDED
    holidays = rule.holidays
    verified = next((e for e in sorted(tiket.riwayat, key=lambda e: e.tanggal) if e.status != UNVERIFIED), None)
    result = [
        stage("verifikasi", rule.verifikasi_hari_kerja, tiket.dibuat, verified.tanggal if verified else None,
              today, holidays)
    ]
    disposed = first_entry(tiket.riwayat, {DISPOSED})
    if disposed is not None or not ended:
        start = disposed.tanggal if disposed else None
        answered = first_entry(tiket.riwayat, ANSWERED, after=start) if start else None
        result.append(stage("tanggapan", rule.tanggapan_hari_kerja, start,
                            answered.tanggal if answered else None, today, holidays))
    followed = first_entry(tiket.riwayat, {FOLLOWED_UP})
    if followed is not None or not ended:
        start = followed.tanggal if followed else None
        closed = first_entry(tiket.riwayat, CLOSED, after=start) if start else None
        result.append(stage("penutupan", rule.tutup_hari_kerja, start, closed.tanggal if closed else None,
                            today, holidays))
    return result


def status_of(tiket: Tiket, data: LaporFixture, today: date) -> StatusLaporan:
    kategori = next((k for k in data.kategori if k.kode == tiket.kode_kategori), None)
    return StatusLaporan(
        nomor=tiket.nomor,
        judul=tiket.judul,
        jenis=tiket.jenis,
        kategori=tiket.kategori,
        kategori_en=kategori.nama_en if kategori else None,
        status=tiket.status,
        instansi=tiket.instansi,
        dibuat=tiket.dibuat,
        lokasi=tiket.lokasi.text() if tiket.lokasi else None,
        riwayat=sorted(tiket.riwayat, key=lambda event: event.tanggal),
        tahapan=stages(tiket, data.aturan, today),
        dihitung_pada=today,
    )


@router.get(STATUS_LAPORAN.path, response_model=STATUS_LAPORAN.model)
def status_laporan(nomor: str, request: Request, data: Data) -> StatusLaporan:
    """A report by its 7-digit ticket number (a leading # is allowed), old or new: status, history and deadlines."""
    digits = nomor.strip().lstrip("#")
    tiket = next((item for item in data.tiket if item.nomor == digits), None)
    if tiket is None:
        tiket = _submitted(request, digits)
    if tiket is None:
        raise HTTPException(404, detail="Nomor tiket tidak ditemukan.")
    return status_of(tiket, data, today_of(request))


def _submitted(request: Request, ticket: str) -> Tiket | None:
    """A report made through `POST /v1/lapor/laporan` (submit_lapor.py), from the mock's submission store."""
    found = find_submitted(request.app, "lapor", ticket)
    return Tiket.model_validate(found) if found is not None else None
