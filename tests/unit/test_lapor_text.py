"""What LAPOR! sends: a title and a text in plain Indonesian, composed from the numbered choices."""

from __future__ import annotations

from datetime import date

from gemilang_tui.api.submit_lapor import KategoriLaporan, LaporanBaru, Masalah
from gemilang_tui.config import Settings
from gemilang_tui.domain import regions
from gemilang_tui.flow import Context
from gemilang_tui.services import lapor
from gemilang_tui.session import Visit
from gemilang_tui.wizard import Answer, Answers
from gemilang_tui.wizard.run import envelope

INFRA = KategoriLaporan(kode="infrastruktur", nama="Infrastruktur",
                        masalah=[Masalah(kode="lampu_jalan_mati", nama="Lampu jalan mati")])
KTP = KategoriLaporan(kode="pelayanan_publik", nama="Pelayanan Publik",
                      masalah=[Masalah(kode="dokumen_kependudukan", nama="Masalah KTP-el, KK, atau akta")])


def answers(jenis="pengaduan", kategori=INFRA, masalah=None, own_words="", desa="36.03.03.2013", **more):
    village = regions.region(desa)
    district = regions.region(village.kode_kecamatan)
    chosen = masalah or kategori.masalah[0]
    store = {
        "jenis": Answer(jenis, jenis),
        "kategori": Answer(kategori.kode, kategori.nama, data=kategori),
        "masalah": (Answer(own_words, own_words, own_words=True) if own_words
                    else Answer(chosen.kode, chosen.nama, data=chosen)),
        "kecamatan": Answer(district.kode, district.nama, data=district),
        "desa": Answer(village.kode, village.nama, data=village),
        "tanggal": Answer(date(2026, 11, 27), "27 November 2026"),
        "anonim": Answer(False, "tidak"),
        "rahasia": Answer(False, "tidak"),
        "nik": Answer("3603284508710003", "3603********0003"),
        "telepon": Answer("081234567890", "0812****7890"),
    }
    store.update({key: Answer(value, str(value)) for key, value in more.items()})
    return Answers(store)


def test_a_complaint_reads_like_a_sentence():
    a = answers()
    assert lapor.judul(a) == "Lampu jalan mati di Desa Tapos, Kecamatan Tigaraksa"
    assert lapor.isi(a) == (
        "Warga melaporkan lampu jalan mati di Desa Tapos, Kecamatan Tigaraksa, Kabupaten Tangerang. "
        "Tanggal kejadian: 27 November 2026. Kategori: Infrastruktur.\n\n"
        "Laporan ini dibuat di anjungan Tangerang Gemilang."
    )


def test_suggestions_and_requests_and_kelurahan():
    assert lapor.judul(answers("aspirasi", desa="36.03.03.1007")) == (
        "Aspirasi tentang lampu jalan mati di Kelurahan Kadu Agung, Kecamatan Tigaraksa")
    assert lapor.judul(answers("permintaan_informasi", kategori=KTP)) == (
        "Permintaan informasi tentang masalah KTP-el, KK, atau akta di Desa Tapos, Kecamatan Tigaraksa")


def test_own_words_and_details():
    words = "got mampet di depan SD negeri sehingga air meluap ke jalan setiap kali hujan deras turun sore hari"
    a = answers(own_words=words, keterangan="Sudah dua minggu.")
    title = lapor.judul(a)
    assert title.startswith("Got mampet di depan SD negeri") and title.endswith("di Desa Tapos, Kecamatan Tigaraksa")
    assert "…" in title and len(title) <= 150
    assert "Keterangan dari pelapor: Sudah dua minggu." in lapor.isi(a)


def test_the_payload_is_a_valid_request(tmp_path):
    ctx = Context(visit=Visit(), api=None, settings=Settings(data_dir=tmp_path))  # type: ignore[arg-type]
    body = {**lapor.payload(ctx, answers(own_words="got mampet")), **envelope(ctx)}  # as the wizard sends it
    request = LaporanBaru.model_validate(body)
    assert request.kode_masalah is None and request.pelapor.nik == "3603284508710003"
    assert request.lokasi.kode_desa == "36.03.03.2013" and request.dibantu_petugas is False
