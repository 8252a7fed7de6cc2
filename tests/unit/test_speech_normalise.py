"""Screen text made speakable: money, codes digit by digit, dates, times, 112, abbreviations; no symbol said."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gemilang_tui.flow import KeyHint, Option, Prompt, View
from gemilang_tui.speech.normalise import script, speakable, spell

INDONESIAN = [
    ("Rp1.150.500", "satu juta seratus lima puluh ribu lima ratus rupiah"),
    ("Harga Rp15.000.", "Harga lima belas ribu rupiah."),
    ("Total: Rp 380.000.000", "Total: tiga ratus delapan puluh juta rupiah"),
    ("NIK 3603284508710003", "nomor induk kependudukan tiga enam nol tiga, dua delapan empat lima, "
                             "nol delapan tujuh satu, nol nol nol tiga"),
    ("NIK: 3603********0003", "nomor induk kependudukan: tiga enam nol tiga, delapan angka disembunyikan, "
                              "nol nol nol tiga"),
    ("NOP 36.03.010.001.001-0001.0", "nomor objek pajak tiga enam, nol tiga, nol satu nol, nol nol satu, "
                                     "nol nol satu, nol nol nol satu, nol"),
    ("NOP 360301000100100010", "nomor objek pajak tiga enam, nol tiga, nol satu nol, nol nol satu, nol nol satu, "
                               "nol nol nol satu, nol"),
    ("Telepon: 081234567890", "Telepon: nol delapan satu dua, tiga empat lima enam, tujuh delapan sembilan nol"),
    ("Telepon: 0812****7890", "Telepon: nol delapan satu dua, empat angka disembunyikan, tujuh delapan sembilan nol"),
    ("+62 812-3456-7890", "plus enam dua, delapan satu dua, tiga empat lima enam, tujuh delapan sembilan nol"),
    ("Nomor permohonan: PPID-2026-0046", "Nomor permohonan: pe pe i de, dua nol dua enam, nol nol empat enam"),
    ("Kode tanda terima: K-Z35A85.", "Kode tanda terima: ka, zet tiga lima a delapan lima."),
    ("2026-00001", "dua nol dua enam, nol nol nol nol satu"),
    ("Sabtu, 7 Desember 2026", "Sabtu, tujuh Desember dua ribu dua puluh enam"),
    ("tanggal 2026-12-07", "tanggal 7 Desember 2026".replace("7", "tujuh").replace("2026", "dua ribu dua puluh enam")),
    ("Buka 09.30", "Buka pukul sembilan lewat tiga puluh"),
    ("pukul 08.00–12.00.", "pukul delapan sampai pukul dua belas."),
    ("Jam 07.15 WIB", "pukul tujuh lewat lima belas we i be"),
    ("Dalam keadaan darurat, telepon 112.", "Dalam keadaan darurat, telepon satu satu dua."),
    ("119  Ambulans (PSC 119)", "satu satu sembilan, Ambulans, pe es ce satu satu sembilan"),
    ("Bayar PBB di TPU? Tidak.", "Bayar pajak bumi dan bangunan di tempat pemakaman umum? Tidak."),
    ("RT 003/RW 005, Kel. Kadu, Kec. Curug", "rukun tetangga tiga, rukun warga lima, Kelurahan Kadu, Kecamatan Curug"),
    ("Ingin menambah nama jalan atau RT/RW?", "Ingin menambah nama jalan atau rukun tetangga, rukun warga?"),
    ("Jl. Raya Serang No. 5", "Jalan Raya Serang nomor lima"),
    ("Bawa KTP dan KK.", "Bawa ka te pe dan ka ka."),
    ("langkah 2 dari 9 · periksa jawaban", "langkah dua dari sembilan, periksa jawaban"),
    ("• Datang ✓ ● tepat waktu…", "Datang tepat waktu."),
    ("45 kg atau lebih", "empat puluh lima kilogram atau lebih"),
    ("17-60 tahun", "tujuh belas sampai enam puluh tahun"),
    ("Denda 2% sebulan", "Denda dua persen sebulan"),
    ("Luas 2,5 ha", "Luas dua koma lima hektare"),
    ("Email: siti.aminah@contoh.id", "Email: siti titik aminah et contoh titik id"),
    ("SP4N LAPOR!", "es pe empat en, lapor"),
    ("Mohon tunggu, sedang memuat…", "Mohon tunggu, sedang memuat."),
]

ENGLISH = [
    ("Rp1,150,500", "one million one hundred and fifty thousand five hundred rupiah"),
    ("December 7, 2026", "December seventh, twenty twenty six"),
    ("Come at 9:30", "Come at nine thirty"),
    ("Open 08:00–12:00", "Open eight o'clock to twelve o'clock"),
    ("In an emergency, call 112.", "In an emergency, call one one two."),
    ("Your NIK: 3603********0003", "Your N I K: three six zero three, eight hidden digits, zero zero zero three"),
    ("Registration number: DNR-2026-00001", "Registration number: D N R, two zero two six, zero zero zero zero one"),
    ("Step 2 of 9 · check your answers", "Step two of nine, check your answers"),
    ("Interest 2.5%", "Interest two point five percent"),
    ("Pay PBB at Kec. Tigaraksa", "Pay P B B at Kecamatan Tigaraksa"),
]


@pytest.mark.parametrize(("text", "said"), INDONESIAN)
def test_indonesian(text, said):
    assert speakable(text, "id") == said


@pytest.mark.parametrize(("text", "said"), ENGLISH)
def test_english(text, said):
    assert speakable(text, "en") == said


def test_letters_are_named_in_indonesian_and_left_to_the_english_voice():
    assert spell("DNR") == "de en er" and spell("DNR", "en") == "D N R"


SCREEN_TEXT = st.lists(st.sampled_from(
    list("0123456789 .,:-/*•·✓●…→–—()%+@NIKPBTUabcxyz²&#!?'\"") + ["Rp", "RT/RW", "Kec.", "\n", "09.30", "112"]),
    max_size=40).map("".join)


@given(SCREEN_TEXT, st.sampled_from(["id", "en"]))
def test_no_digit_or_symbol_is_left_to_be_read_out(text, locale):
    said = speakable(text, locale)
    assert all(char.isalpha() or char in " .,:?!'-" for char in said), said
    assert said == said.strip() and "  " not in said


def test_a_screen_is_read_in_order_with_each_option_and_its_number():
    view = View(
        title="Siaga Darurat", question="", body=["Dalam keadaan darurat, telepon 112."], big="112",
        options=[Option("Nomor darurat lainnya", number=1), Option("Yang perlu disampaikan", number=2),
                 Option("Tutup", number=3, enabled=False)],
        error="", keys=[KeyHint("0", "Kembali")], page="Halaman 1 dari 2")
    assert script(view) == [
        "Siaga Darurat.", "Dalam keadaan darurat, telepon satu satu dua.",
        "Tekan satu untuk Nomor darurat lainnya.", "Tekan dua untuk Yang perlu disampaikan.",
        "Halaman satu dari dua."]
    english = View(title="Main Menu", options=[Option("Emergency", number=5)])
    assert script(english, "en") == ["Main Menu.", "Press five for Emergency."]


def test_a_field_says_its_label_and_value_but_never_a_pin():
    nik = View(title="NIK", question="Ketik NIK Anda.", prompt=Prompt("NIK", "36032845"), error="NIK harus 16 angka.")
    assert script(nik)[-3:] == ["nomor induk kependudukan.", "tiga enam nol tiga, dua delapan empat lima.",
                                "nomor induk kependudukan harus enam belas angka."]
    pin = View(title="Petugas", prompt=Prompt("PIN", "4321", masked=True))
    assert script(pin) == ["Petugas.", "PIN."]
    amount = View(title="BPHTB", prompt=Prompt("Harga", "380000000", prefix="Rp"))
    assert script(amount)[-1] == "tiga ratus delapan puluh juta rupiah."


def test_the_big_number_is_said_once():
    view = View(title="Tanda terima", body=["Nomor Anda: DNR-2026-00001"], big="2026-00001")
    assert script(view) == ["Tanda terima.", "Nomor Anda: de en er, dua nol dua enam, nol nol nol nol satu."]
