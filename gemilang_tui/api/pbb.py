"""iPBB contract: a tax object's SPPT history with the fine and arrears computed by the server, and where to pay.

The fine rule (rate, cap, due date) is server policy: the kiosk shows what the server computed, never recomputes it.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel, Halaman


class AturanDendaBerlaku(ApiModel):
    """The fine rule the server applied to this answer."""

    tarif_persen: float = Field(ge=0, le=100, description="denda per bulan keterlambatan, persen dari PBB terutang")
    maks_bulan: int = Field(ge=0, description="paling banyak sekian bulan denda")


class SpptTahun(ApiModel):
    """One year's SPPT with its state on `dihitung_pada`."""

    tahun_pajak: int
    pbb: int = Field(ge=0, description="PBB yang harus dibayar (pokok), rupiah")
    jatuh_tempo: date
    status: Literal["lunas", "belum_bayar"]
    tanggal_bayar: date | None = None
    bulan_terlambat: int = Field(ge=0, description="bulan denda yang dihitung (sudah dibatasi maks_bulan)")
    denda: int = Field(ge=0, description="denda sampai dihitung_pada; 0 bila lunas")
    jumlah: int = Field(ge=0, description="pokok + denda yang masih harus dibayar; 0 bila lunas")


class TagihanPbb(ApiModel):
    """GET /v1/pbb/objek/{nop}: the object, each year's SPPT, and the arrears on a given day."""

    nop: str = Field(pattern=r"^\d{18}$")
    nop_format: str = Field(description="36.03.030.013.005-0117.0")
    wajib_pajak: str
    alamat_objek: str
    desa: str
    kode_desa: str
    kecamatan: str
    kode_kecamatan: str
    luas_bumi: int = Field(ge=0, description="m²")
    luas_bangunan: int = Field(ge=0, description="m²")
    njop_bumi: int = Field(ge=0)
    njop_bangunan: int = Field(ge=0)
    njoptkp: int = Field(ge=0)
    dihitung_pada: date = Field(description="the day the fines are computed for (today)")
    aturan_denda: AturanDendaBerlaku
    sppt: list[SpptTahun] = Field(description="oldest year first")
    tahun_belum_bayar: list[int]
    total_pokok: int = Field(ge=0, description="unpaid PBB without fines")
    total_denda: int = Field(ge=0)
    total_tunggakan: int = Field(ge=0, description="total_pokok + total_denda")


class KanalBayar(ApiModel):
    """A place or app where PBB can be paid (the kiosk takes no money)."""

    kode: str
    nama: str
    jenis: str
    cara: str
    cara_en: str | None = None


TAGIHAN: Endpoint[TagihanPbb] = Endpoint("GET", "/v1/pbb/objek/{nop}", TagihanPbb, personal=True)
KANAL_BAYAR: Endpoint[Halaman[KanalBayar]] = Endpoint("GET", "/v1/pbb/kanal-bayar", Halaman[KanalBayar])
