"""e-BPHTB contract: the kinds of acquisition with their NPOPTKP, and the rate. Policy lives on the server.

The kiosk works out the duty itself with `gemilang_tui.domain.bphtb` from these values, so a citizen can still
calculate from the last known rules when the server cannot be reached.
"""

from __future__ import annotations

from pydantic import Field

from gemilang_tui.api.endpoint import Endpoint
from gemilang_tui.api.model import ApiModel


class JenisPerolehan(ApiModel):
    """A kind of acquisition (jual beli, waris…) and its untaxed part (NPOPTKP)."""

    kode: str
    nama: str
    nama_en: str | None = None
    npoptkp: int = Field(ge=0, description="Nilai Perolehan Objek Pajak Tidak Kena Pajak, rupiah")


class AturanBphtb(ApiModel):
    """GET /v1/bphtb/aturan: the rate and the kinds of acquisition, as configured by Bapenda."""

    tarif_persen: float = Field(ge=0, le=100, description="percent")
    jenis_perolehan: list[JenisPerolehan] = Field(min_length=1)
    catatan: str = ""
    catatan_en: str | None = None


ATURAN: Endpoint[AturanBphtb] = Endpoint("GET", "/v1/bphtb/aturan", AturanBphtb)
