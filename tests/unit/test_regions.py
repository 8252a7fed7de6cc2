import re
from pathlib import Path

from gemilang_tui.domain import regions
from gemilang_tui.domain.regions import Region, kecamatan, kecamatan_by_nik_code, region, villages


def test_all_29_kecamatan_sorted_by_name() -> None:
    result = kecamatan()
    assert len(result) == 29
    names = [r.nama for r in result]
    assert names == sorted(names, key=str.casefold)
    assert names[0] == "Balaraja"
    assert all(r.jenis == "kecamatan" and r.kode == r.kode_kecamatan for r in result)


def test_village_totals_match_the_source() -> None:
    everything = [v for k in kecamatan() for v in villages(k.kode)]
    assert sum(v.jenis == "kelurahan" for v in everything) == 28
    assert sum(v.jenis == "desa" for v in everything) == 246


def test_villages_of_cikupa_sorted_and_contain_bitung_jaya() -> None:
    result = villages("36.03.18")
    names = [v.nama for v in result]
    assert names == sorted(names, key=str.casefold)
    assert Region("36.03.18.2009", "Bitung Jaya", "desa", "36.03.18", "Cikupa") in result
    assert all(v.kode_kecamatan == "36.03.18" and v.nama_kecamatan == "Cikupa" for v in result)


def test_villages_of_unknown_kecamatan_is_empty() -> None:
    assert villages("36.03.99") == []
    assert villages("28") == []


def test_region_lookup() -> None:
    assert region("36.03.03.2013") == Region("36.03.03.2013", "Tapos", "desa", "36.03.03", "Tigaraksa")
    assert region("36.03.28.1001") == Region(
        "36.03.28.1001", "Kelapa Dua", "kelurahan", "36.03.28", "Kelapa Dua"
    )
    assert region("36.71.01") is None


def test_kecamatan_by_nik_code() -> None:
    kelapa_dua = kecamatan_by_nik_code("28")
    assert kelapa_dua == Region("36.03.28", "Kelapa Dua", "kecamatan", "36.03.28", "Kelapa Dua")
    assert kecamatan_by_nik_code("21") is None  # gap in the Kemendagri numbering
    assert kecamatan_by_nik_code("99") is None
    assert kecamatan_by_nik_code("2") is None
    assert kecamatan_by_nik_code("２８") is None


def test_returned_lists_are_copies() -> None:
    first = kecamatan()
    first.clear()
    assert len(kecamatan()) == 29


def test_one_owner_for_the_words_desa_and_kelurahan():
    tapos, binong = regions.region("36.03.03.2013"), regions.region("36.03.17.1006")
    assert tapos is not None and binong is not None
    assert regions.place_name(tapos, regions.region("36.03.03")) == "Desa Tapos, Kecamatan Tigaraksa"  # type: ignore[arg-type]
    assert regions.office_name(binong) == "Kantor Kelurahan Binong"
    assert regions.is_kelurahan("36.03.17.1006") and not regions.is_kelurahan("36.03.03.2013")
    assert regions.is_kelurahan("36.03.99.1001") and not regions.is_kelurahan("36.03.99.2001")  # by the rule


def test_no_hand_written_month_names_outside_i18n():
    """Dates are ISO in payloads and Babel's on screen and in composed texts (`long_date`), never a list of months."""
    package = Path(__file__).resolve().parents[2] / "gemilang_tui"
    offenders = [
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if "i18n" not in path.relative_to(package).parts
        and re.search(r"""["']Januari["']\s*,\s*["']Februari["']|["']January["']\s*,\s*["']February["']""",
                      path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
