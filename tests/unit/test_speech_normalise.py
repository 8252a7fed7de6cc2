"""Screen text made speakable: money, codes digit by digit, dates, times, 112, abbreviations; no symbol said."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gemilang_tui.flow import KeyHint, Option, Prompt, View, next_page_option
from gemilang_tui.speech.normalise import key_words, script, speakable, spell

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
    ("Buka 09.30", "Buka pukul sembilan lewat tiga puluh menit"),
    ("pukul 08.00–12.00.", "pukul delapan sampai pukul dua belas."),
    ("Jam 07.15 WIB", "pukul tujuh lewat lima belas menit we i be"),
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
    ("Email: siti.aminah@contoh.id", "Email: siti titik aminah et contoh titik i de"),
    ("SP4N LAPOR!", "es pe empat en, lapor"),
    ("Mohon tunggu, sedang memuat…", "Mohon tunggu, sedang memuat."),
]

#: Numbers by ear (issue 15, rule 3): what a citizen hears for each kind of number a screen shows.
BY_EAR = [
    # frequencies: a decimal, never a sentence break
    ("Radio Gemilang 91.0 FM", "Radio Gemilang sembilan puluh satu koma nol ef em"),
    ("Frekuensi: 101.5 MHz", "Frekuensi: seratus satu koma lima megahertz"),
    ("Luas 2.5 hektare", "Luas dua koma lima hektare"),
    # clock times, with and without "pukul", and typed examples said as the digits to type
    ("Mulai 15.30", "Mulai pukul lima belas lewat tiga puluh menit"),
    ("Buka pukul 09.30.", "Buka pukul sembilan lewat tiga puluh menit."),
    ("Tutup 16.00", "Tutup pukul enam belas"),
    ("Pukul 07.05", "pukul tujuh lewat lima menit"),
    ("4 angka: 1530 untuk pukul 15.30, atau 930 untuk pukul 09.30.",
     "empat angka: satu lima tiga nol untuk pukul lima belas lewat tiga puluh menit, atau sembilan tiga nol untuk "
     "pukul sembilan lewat tiga puluh menit."),
    ("4 angka, misalnya 1530", "empat angka, misalnya satu lima tiga nol"),
    ("Ketik jamnya dengan 4 angka, jam lalu menit: 1530 untuk pukul 15.30.",
     "Ketik jamnya dengan empat angka, jam lalu menit: satu lima tiga nol untuk pukul lima belas lewat tiga puluh "
     "menit."),
    # ranges
    ("Senin–Jumat", "Senin sampai Jumat"),
    ("Senin-Sabtu, 08.00–16.00", "Senin sampai Sabtu, pukul delapan sampai pukul enam belas"),
    ("Senin–Jumat pukul 08.00–15.00", "Senin sampai Jumat pukul delapan sampai pukul lima belas"),
    ("Buka 06.00–18.00", "Buka pukul enam sampai pukul delapan belas"),
    ("Senin s.d. Kamis", "Senin sampai dengan Kamis"),
    ("usia 18–35 tahun", "usia delapan belas sampai tiga puluh lima tahun"),
    ("tarif 40%–75%", "tarif empat puluh sampai tujuh puluh lima persen"),
    # blood groups, with the minus sign or a hyphen
    ("A+", "a positif"), ("AB−", "a be negatif"), ("O+", "o positif"), ("B-", "be negatif"),
    ("Golongan darah: AB+, stok 12 kantong", "Golongan darah: a be positif, stok dua belas kantong"),
    ("A−  40", "a negatif, empat puluh"),
    # money
    ("Rp15.000", "lima belas ribu rupiah"),
    ("Denda Rp 2.500 per bulan", "Denda dua ribu lima ratus rupiah per bulan"),
    # codes and references, digit by digit
    ("Nomor tiket: 2611001", "Nomor tiket: dua enam satu satu, nol nol satu"),
    ("Nomor: DNR-2026-00001", "Nomor: de en er, dua nol dua enam, nol nol nol nol satu"),
    # e-mail addresses with every sign
    ("a_b-c@x.id", "a garis bawah b minus c et x titik i de"),
    ("Email: ahmad_01@contoh.id", "Email: ahmad garis bawah nol satu et contoh titik i de"),
    ("ppid@tangerangkab.go.id", "ppid et tangerangkab titik go titik i de"),
    ("siti+kiosk@mail.com", "siti plus kiosk et mail titik com"),
    # the e-BPHTB formula
    ("BPHTB = 5% × (NPOP − NPOPTKP)",
     "be pe ha te be sama dengan lima persen dikali, en pe o pe dikurangi en pe o pe te ka pe"),
    ("      = 5% × (Rp415.000.000 − Rp80.000.000)",
     "sama dengan lima persen dikali, empat ratus lima belas juta rupiah dikurangi delapan puluh juta rupiah"),
    ("      = 5% × Rp335.000.000 = Rp16.750.000",
     "sama dengan lima persen dikali tiga ratus tiga puluh lima juta rupiah sama dengan enam belas juta tujuh ratus "
     "lima puluh ribu rupiah"),
    ("NPOPTKP (tidak dikenai pajak)   − Rp80.000.000",
     "en pe o pe te ka pe, tidak dikenai pajak, dikurangi delapan puluh juta rupiah"),
    # a slash between words is "or"
    ("Pengaduan / Aspirasi", "Pengaduan atau Aspirasi"),
    ("Tidak sekolah / tidak tamat SD", "Tidak sekolah atau tidak tamat es de"),
]

#: Keys by their names on the numpad (issue 15, rule 2): a key sign in a sentence is never dropped.
KEYS_IN_TEXT = [
    ("Tekan - untuk kembali.", "Tekan minus untuk kembali."),
    ("Tekan . untuk menghapus angka.", "Tekan titik untuk menghapus angka."),
    ("Tekan + untuk halaman berikutnya.", "Tekan tambah untuk halaman berikutnya."),
    ("Tekan * untuk bantuan.", "Tekan bintang untuk bantuan."),
    ("Tekan / untuk Menu Utama.", "Tekan garis miring untuk Menu Utama."),
    ("Tekan 0 atau - untuk kembali.", "Tekan nol atau minus untuk kembali."),
    ("- : kembali satu langkah.", "minus: kembali satu langkah."),
    ("* : bantuan ini. Tekan - untuk kembali ke tempat Anda tadi.",
     "bintang: bantuan ini. Tekan minus untuk kembali ke tempat Anda tadi."),
    ("+: halaman berikutnya.", "tambah: halaman berikutnya."),
    ("Enter: lanjut. Tombol . menghapus angka terakhir.", "Enter: lanjut. Tombol titik menghapus angka terakhir."),
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


@pytest.mark.parametrize(("text", "said"), BY_EAR)
def test_numbers_by_ear(text, said):
    assert speakable(text, "id") == said


@pytest.mark.parametrize(("text", "said"), KEYS_IN_TEXT)
def test_a_key_sign_is_said_by_its_name(text, said):
    assert speakable(text, "id") == said


@pytest.mark.parametrize(("key", "said"), [("-", "minus"), (".", "titik"), ("+", "tambah"), ("*", "bintang"),
                                           ("/", "garis miring"), ("0", "nol"), ("0 -", "nol atau minus"),
                                           ("Enter", "Enter"), ("Esc", "Esc"), ("F1", "ef satu")])
def test_every_key_of_the_legend_has_a_spoken_name(key, said):
    assert key_words(key) == said


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


def test_a_screen_is_read_in_order_with_each_option_its_hint_and_the_keys_by_name():
    view = View(
        title="Siaga Darurat", question="", body=["Dalam keadaan darurat, telepon 112."], big="112",
        options=[Option("Nomor darurat lainnya", number=1), Option("Pengaduan", number=2, hint="laporan masalah"),
                 Option("Tutup", number=3, enabled=False), next_page_option()],
        error="", keys=[KeyHint("0 -", "Kembali"), KeyHint("/", "Menu Utama"), KeyHint("*", "Bantuan")],
        page="Halaman 1 dari 2")
    assert script(view) == [
        "Siaga Darurat.", "Dalam keadaan darurat, telepon satu satu dua.",
        "Tekan satu untuk Nomor darurat lainnya.", "Tekan dua untuk Pengaduan, laporan masalah.",
        "Tekan tambah untuk Halaman berikutnya.", "Halaman satu dari dua.",
        "Tekan nol atau minus untuk Kembali.", "Tekan garis miring untuk Menu Utama.", "Tekan bintang untuk Bantuan."]
    english = View(title="Main Menu", options=[Option("Emergency", number=5)], keys=[KeyHint("*", "Help")])
    assert script(english, "en") == ["Main Menu.", "Press five for Emergency.", "Press star for Help."]


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


def test_an_amount_field_is_heard_as_an_amount_and_each_key_as_its_digit():
    """The rupiah field groups what is typed ("41.500"): the amount is said in words, a key typed as its digit."""
    from gemilang_tui.speech.compose import echo
    from gemilang_tui.speech.normalise import typed
    from gemilang_tui.speech.seen import Field, Seen

    assert typed("415.000.000", True, "Rp") == "empat ratus lima belas juta rupiah"
    before, after = (Seen("e-BPHTB", prompt=Field("Harga", value, prefix="Rp")) for value in ("4.150", "41.500"))
    assert echo(before, after, "id") == "nol"
