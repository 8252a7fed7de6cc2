"""PPID information requests: the form's topics (`GET /v1/ppid/topik`) and `POST /v1/ppid/permohonan` (idempotent).

A new request gets the next number of the year after the highest in ppid.json (PPID-2026-0045 exists, so the
first new one is PPID-2026-0046), status "Diterima", and its answer deadline: 10 working days, extendable once by 7
(`aturan` in ppid.json). The status route (`ppid.py`) finds it through `mockapi/submitted.py`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from pydantic import ConfigDict, Field, model_validator

from gemilang_tui.api.model import ApiModel, Halaman
from gemilang_tui.api.ppid import InformasiPublik
from gemilang_tui.api.status import Riwayat
from gemilang_tui.api.submit_ppid import (
    SUBMIT,
    TOPIK_INFORMASI,
    PermohonanInformasiBaru,
    PermohonanInformasiDiterima,
    TopikInformasi,
)
from gemilang_tui.domain.nik import NikError, parse_nik
from gemilang_tui.domain.regions import region
from gemilang_tui.domain.workdays import add_working_days
from gemilang_tui.mockapi.idempotent import (
    SubmissionRoute,
    ensure_store,
    submission_route,
)
from gemilang_tui.mockapi.paging import one_page
from gemilang_tui.mockapi.submissions import SubmissionStore
from gemilang_tui.mockapi.submitted import next_reference

router = APIRouter(tags=["ppid"], route_class=SubmissionRoute)

KIND = "ppid"
FIXTURE = "ppid.json"
NEW_STATUS = "Diterima"
#: Who receives a request written in own words (it is passed on from there).
PPID_UTAMA = "PPID Utama (Diskominfo)"


class _Rules(ApiModel):
    model_config = ConfigDict(extra="ignore")
    jawaban_hari_kerja: int = Field(ge=0)
    perpanjangan_hari_kerja: int = Field(ge=0)
    hari_libur: list[date] = Field(default_factory=list)


class _Topic(ApiModel):
    kode: str
    nama: str
    nama_en: str | None = None
    informasi: list[str] = Field(min_length=1)


class _Request(ApiModel):
    model_config = ConfigDict(extra="ignore")
    nomor: str


class PpidForm(ApiModel):
    """The parts of ppid.json the request form needs (the status routes validate the rest)."""

    model_config = ConfigDict(extra="ignore")
    aturan: _Rules
    informasi: list[InformasiPublik]
    topik: list[_Topic] = Field(min_length=1)
    permohonan: list[_Request] = Field(default_factory=list)

    @model_validator(mode="after")
    def _known_entries(self) -> PpidForm:
        known = {item.id for item in self.informasi}
        for topic in self.topik:
            unknown = [entry for entry in topic.informasi if entry not in known]
            if unknown:
                raise ValueError(f"topic {topic.kode}: unknown informasi {unknown}")
        return self

    def entry(self, kode: str) -> InformasiPublik | None:
        return next((item for item in self.informasi if item.id == kode), None)

    def topics(self) -> list[TopikInformasi]:
        by_id = {item.id: item for item in self.informasi}
        return [TopikInformasi(kode=topic.kode, nama=topic.nama, nama_en=topic.nama_en,
                               informasi=[by_id[entry] for entry in topic.informasi]) for topic in self.topik]

    @property
    def taken(self) -> frozenset[str]:
        return frozenset(item.nomor for item in self.permohonan)


def _read_form(app: Any) -> PpidForm:
    return app.state.fixtures.load(FIXTURE, PpidForm)


def setup(app: Any) -> None:
    ensure_store(app)
    app.state.ppid_form = _read_form(app)


def _form(request: Request) -> PpidForm:
    return request.app.state.ppid_form


@router.get(TOPIK_INFORMASI.path, response_model=TOPIK_INFORMASI.model)
def topik(request: Request) -> Halaman[Any]:
    """The topics of the request form, each with its entries of the daftar informasi publik."""
    items = _form(request).topics()
    return one_page(items)


def problem_with(permohonan: PermohonanInformasiBaru, form: PpidForm, today: date) -> str | None:
    """Why the request cannot be accepted, in plain Indonesian; None when it can."""
    pemohon = permohonan.pemohon
    if pemohon.jenis == "perorangan":
        if pemohon.nik is None:
            return "NIK pemohon wajib diisi untuk pemohon perorangan."
        try:
            parse_nik(pemohon.nik, today=today)
        except NikError:
            return "NIK pemohon tidak valid."
        if pemohon.pekerjaan is None:
            return "Pekerjaan pemohon wajib diisi untuk pemohon perorangan."
    elif pemohon.nama is None:
        return "Nama badan hukum wajib diisi."
    kecamatan = region(pemohon.alamat.kode_kecamatan)
    if kecamatan is None or kecamatan.jenis != "kecamatan":
        return "Kecamatan tidak dikenal di Kabupaten Tangerang."
    desa = region(pemohon.alamat.kode_desa)
    if desa is None or desa.kode_kecamatan != kecamatan.kode:
        return f"Desa atau kelurahan itu tidak ada di Kecamatan {kecamatan.nama}."
    if permohonan.kode_informasi is not None and form.entry(permohonan.kode_informasi) is None:
        return "Informasi yang dipilih tidak ada dalam daftar informasi publik."
    salinan = permohonan.cara_mendapatkan_salinan
    if permohonan.cara_memperoleh == "salinan" and salinan is None:
        return "Cara mendapatkan salinan wajib diisi jika meminta salinan."
    if permohonan.cara_memperoleh == "melihat_membaca" and salinan is not None:
        return "Cara mendapatkan salinan hanya diisi jika meminta salinan."
    if salinan == "email" and pemohon.email is None:
        return "Alamat email wajib diisi jika salinan dikirim lewat email."
    if salinan == "pos" and not (pemohon.alamat.detail or "").strip():
        return "Alamat jalan, RT/RW, dan nomor rumah wajib diisi jika salinan dikirim lewat pos."
    return None


def accept(store: SubmissionStore, permohonan: PermohonanInformasiBaru, form: PpidForm,
           today: date) -> dict[str, Any]:
    entry = form.entry(permohonan.kode_informasi) if permohonan.kode_informasi else None
    dinas = entry.dinas if entry is not None else PPID_UTAMA
    rules = form.aturan
    received = PermohonanInformasiDiterima(
        nomor=next_reference(store, KIND, "PPID", 4, today, form.taken),
        tanggal=today,
        status=NEW_STATUS,
        rincian=permohonan.rincian,
        dinas_tujuan=dinas,
        kode_informasi=permohonan.kode_informasi,
        tujuan_penggunaan=permohonan.tujuan_penggunaan,
        cara_memperoleh=permohonan.cara_memperoleh,
        cara_mendapatkan_salinan=permohonan.cara_mendapatkan_salinan,
        jawaban_hari_kerja=rules.jawaban_hari_kerja,
        perpanjangan_hari_kerja=rules.perpanjangan_hari_kerja,
        batas_jawaban=add_working_days(today, rules.jawaban_hari_kerja, frozenset(rules.hari_libur)),
        riwayat=[Riwayat(tanggal=today, status=NEW_STATUS,
                         keterangan="Permohonan dicatat oleh PPID Utama melalui anjungan.")],
    )
    return received.model_dump(mode="json")


submission_route(router, SUBMIT, KIND, PermohonanInformasiBaru, data=_form, problem=problem_with, accept=accept,
                 doc="A new information request. "
                 "Send an Idempotency-Key: the same key and body return the same number.")
