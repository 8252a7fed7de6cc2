"""Screen text made speakable: money, codes, times, dates and abbreviations in words; no symbol read aloud.

`speakable(text, locale)` works on one line; `script(view, locale)` reads a whole screen in order. Both are pure
and per language: number words and the spoken frame ("Tekan satu untuk …") are grammar, not screen strings.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Protocol

from gemilang_tui.speech.numbers import cardinal, decimal, digits, ordinal, year

#: Indonesian letter names; the English voice names a capital letter standing alone by itself.
LETTERS_ID = dict(zip("abcdefghijklmnopqrstuvwxyz",
                      "a be ce de e ef ge ha i je ka el em en o pe ki er es te u ve we eks ye zet".split(),
                      strict=True))

PHRASES = {
    "id": {
        "press": "Tekan {number} untuk {label}.", "currency": "rupiah", "at": "pukul", "past": "lewat",
        "to": "sampai", "hidden": "{count} angka disembunyikan", "percent": "persen", "plus": "plus",
        "email_at": "et", "dot": "titik", "deleted": "dihapus", "and": "dan", "or": "atau", "minutes": "menit",
        "positive": "positif", "negative": "negatif", "times": "dikali", "equals": "sama dengan",
        "less": "dikurangi", "underscore": "garis bawah", "hyphen": "minus",
    },
    "en": {
        "press": "Press {number} for {label}.", "currency": "rupiah", "at": "at", "past": "",
        "to": "to", "hidden": "{count} hidden digits", "percent": "percent", "plus": "plus",
        "email_at": "at", "dot": "dot", "deleted": "deleted", "and": "and", "or": "or", "minutes": "",
        "positive": "positive", "negative": "negative", "times": "times", "equals": "equals",
        "less": "minus", "underscore": "underscore", "hyphen": "dash",
    },
}

#: The keys of the numpad (and of a keyboard) by the names a citizen hears: "tekan minus untuk Kembali".
KEY_NAMES = {
    "id": {"-": "minus", ".": "titik", "+": "tambah", "*": "bintang", "/": "garis miring", "F1": "ef satu",
           "\u232b": "Backspace", "\u2191\u2193": "panah atas atau bawah", "Esc": "Esc", "Home": "Home",
           "Enter": "Enter"},
    "en": {"-": "minus", ".": "dot", "+": "plus", "*": "star", "/": "slash", "F1": "F one",
           "\u232b": "Backspace", "\u2191\u2193": "up or down arrow", "Esc": "Escape", "Home": "Home",
           "Enter": "Enter"},
}
KEY_SIGNS = "-.+*/"
#: Blood groups by the names of their letters, as a nurse says them: "AB−" → "a be negatif".
BLOOD_GROUPS = {"id": {"A": "a", "B": "be", "AB": "a be", "O": "o"}, "en": {"A": "A", "B": "B", "AB": "A B", "O": "O"}}
DAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Sabtu", "Minggu", "Ahad"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}

#: Said in full (the listed ones) or letter by letter, as a citizen hears them at the counter.
ABBREVIATIONS = {
    "id": {
        "iPBB": "i pe be be", "PBB": "pajak bumi dan bangunan", "NIK": "nomor induk kependudukan",
        "NOP": "nomor objek pajak", "TPU": "tempat pemakaman umum", "RT": "rukun tetangga", "RW": "rukun warga",
        "Kec.": "Kecamatan", "Kel.": "Kelurahan", "Kab.": "Kabupaten", "Jl.": "Jalan", "Jln.": "Jalan",
        "Ds.": "Desa", "Gg.": "Gang", "No.": "nomor", "Tgl.": "tanggal", "Prov.": "Provinsi",
        "dll.": "dan lain-lain", "dsb.": "dan sebagainya", "a.n.": "atas nama", "SKTM": "surat keterangan tidak mampu",
        "KTP": "ka te pe", "KK": "ka ka", "HP": "ha pe", "PMI": "pe em i", "PPID": "pe pe i de",
        "WIB": "we i be", "BPHTB": "be pe ha te be", "AK/1": "a ka satu", "UMKM": "u em ka em",
        "SAR": "sar", "LAPOR!": "lapor", "OPD": "o pe de", "SMS": "es em es",
        "NPOP": "en pe o pe", "NPOPTKP": "en pe o pe te ka pe", "NPOPKP": "en pe o pe ka pe", "NJOP": "en je o pe",
        "s.d.": "sampai dengan", "s/d": "sampai dengan", "FM": "ef em", "MHz": "megahertz", "F1": "ef satu",
    },
    "en": {
        "iPBB": "eye P B B", "Kec.": "Kecamatan", "Kel.": "Kelurahan", "Kab.": "Kabupaten", "Jl.": "Jalan",
        "Jln.": "Jalan", "Ds.": "Desa", "Gg.": "Gang", "No.": "number", "e.g.": "for example",
        "etc.": "et cetera", "LAPOR!": "lapor", "RT": "R T", "RW": "R W", "AK/1": "A K one", "NIK": "N I K",
        "PBB": "P B B", "NOP": "N O P", "TPU": "T P U", "KTP": "K T P", "KK": "K K", "PPID": "P P I D",
        "PMI": "P M I", "SKTM": "S K T M", "UMKM": "U M K M", "OPD": "O P D", "HP": "phone",
        "NPOP": "N P O P", "NPOPTKP": "N P O P T K P", "NPOPKP": "N P O P K P", "NJOP": "N J O P",
        "FM": "F M", "MHz": "megahertz",
    },
}
#: Short service numbers said digit by digit, as they are dialled ("satu satu dua").
SERVICE_NUMBERS = frozenset({"110", "112", "113", "115", "118", "119", "123", "129", "1500"})
NOP_GROUPS = (2, 2, 3, 3, 3, 4, 1)
DASHES = "\u2013\u2014\u2212"  # en dash, em dash, minus
_VOWELS = set("AEIOU")


def _say(locale: str, key: str) -> str:
    return PHRASES[_lang(locale)][key]


def _lang(locale: str) -> str:
    return "en" if locale == "en" else "id"


def spell(text: str, locale: str = "id") -> str:
    """'K-Z35A85' → 'ka, zet tiga lima a delapan lima': letters by name, digits one by one, parts apart."""
    english = _lang(locale) == "en"
    parts = []
    for part in re.split(r"[-/.\s]+", text):
        words = []
        for char in part:
            if char.isdigit():
                words.append(digits(char, locale))
            elif char.lower() in LETTERS_ID:
                words.append(char.upper() if english else LETTERS_ID[char.lower()])
        if words:
            parts.append(" ".join(words))
    return ", ".join(parts)


def digit_groups(text: str, locale: str = "id") -> str:
    """A NIK, NOP, phone or code: digit by digit, a pause between groups (its own, or fours)."""
    groups = [g for g in re.split(r"[^\d]+", text) if g]
    if len(groups) == 1:
        run = groups[0]
        if len(run) == 18:  # a NOP typed without its dots
            sizes, groups, at = NOP_GROUPS, [], 0
            for size in sizes:
                groups.append(run[at:at + size])
                at += size
        else:
            groups = [run[i:i + 4] for i in range(0, len(run), 4)]
            if len(groups) > 1 and len(groups[-1]) == 1:
                groups[-2:] = [groups[-2] + groups[-1]]
    return ", ".join(digits(group, locale) for group in groups)


# -- the rules, applied in order; each replaces what it recognises with words ------------------------------------

Rule = tuple[re.Pattern[str], Callable[[re.Match[str], str], str]]


def _money(match: re.Match[str], locale: str) -> str:
    amount = int(re.sub(r"\D", "", match["amount"]))
    return f" {cardinal(amount, locale)} {_say(locale, 'currency')} "


def _clock(hours: str, minutes: str, locale: str) -> str:
    h, m = int(hours), int(minutes)
    if _lang(locale) == "en":
        return f"{cardinal(h, locale)} o'clock" if m == 0 else f"{cardinal(h, locale)} {_minutes_en(m)}"
    said = f"{_say(locale, 'at')} {cardinal(h, locale)}"
    return said if m == 0 else f"{said} {_say(locale, 'past')} {cardinal(m, locale)} {_say(locale, 'minutes')}"


def _minutes_en(m: int) -> str:
    return f"oh {cardinal(m, 'en')}" if m < 10 else cardinal(m, "en")


def _time(match: re.Match[str], locale: str) -> str:
    if int(match["h"]) > 24 or int(match["m"]) > 59:
        return match[0]
    said = _clock(match["h"], match["m"], locale)
    if locale == "en" and match["word"]:
        said = f"{match['word']} {said}"
    if match["h2"] is not None:
        if int(match["h2"]) > 24 or int(match["m2"]) > 59:
            return match[0]
        said += f" {_say(locale, 'to')} {_clock(match['h2'], match['m2'], locale)}"
    return f" {said} "


def _iso_date(match: re.Match[str], locale: str) -> str:
    try:
        value = date(int(match["y"]), int(match["mo"]), int(match["d"]))
    except ValueError:
        return f" {digit_groups(match[0], locale)} "
    if _lang(locale) == "en":
        return f" {_months_en()[value.month - 1]} {ordinal(value.day, 'en')}, {year(value.year, 'en')} "
    from babel.dates import format_date

    return f" {format_date(value, 'long', locale='id')} "


def _en_date(match: re.Match[str], locale: str) -> str:
    return f" {match['month']} {ordinal(int(match['d']), 'en')}, {year(int(match['y']), 'en')} "


def _masked(match: re.Match[str], locale: str) -> str:
    head, hidden, tail = match["head"], match["hidden"], match["tail"]
    said = [digit_groups(head, locale)] if head else []
    said.append(_say(locale, "hidden").format(count=cardinal(len(hidden), locale)))
    if tail:
        said.append(digit_groups(tail, locale))
    return " " + ", ".join(said) + ", "


def _email(match: re.Match[str], locale: str) -> str:
    """'a_b-c@x.id' → 'a garis bawah b minus c et x titik i de': every sign said, a country code spelt."""
    local, domain = match[0].split("@", 1)
    labels = domain.split(".")
    if len(labels[-1]) == 2 and labels[-1].isalpha():
        labels[-1] = spell(labels[-1], locale)
    domain = ".".join(labels)
    return f" {_address_part(local, locale)} {_say(locale, 'email_at')} {_address_part(domain, locale)} "


def _address_part(text: str, locale: str) -> str:
    signs = {".": _say(locale, "dot"), "_": _say(locale, "underscore"), "-": _say(locale, "hyphen"),
             "+": _say(locale, "plus")}
    words = []
    for token in re.findall(r"\d+|[^\d._+-]+|[._+-]", text):
        words.append(signs.get(token) or (digits(token, locale) if token.isdigit() else token))
    return " ".join(words)


def key_words(key: str, locale: str = "id") -> str:
    """A key as shown ("0 -", "+", "Enter") by its spoken name: "nol atau minus"."""
    names = KEY_NAMES[_lang(locale)]
    said = []
    for sign in key.split():
        if sign.isdigit():
            said.append(digits(sign, locale))
        elif sign in names:
            said.append(names[sign])
        else:
            said.append(speakable(sign, locale))
    return f" {_say(locale, 'or')} ".join(word for word in said if word)


def _key_sign(match: re.Match[str], locale: str) -> str:
    return f"{match['before']} {KEY_NAMES[_lang(locale)][match['sign']]} "


def _blood_group(match: re.Match[str], locale: str) -> str:
    sign = "positive" if match["sign"] == "+" else "negative"
    return f" {BLOOD_GROUPS[_lang(locale)][match['group']]} {_say(locale, sign)} "


def _operator(match: re.Match[str], locale: str) -> str:
    return f" {_say(locale, {'=': 'equals', '×': 'times'}.get(match['op'], 'less'))} "


def _typed_digits(match: re.Match[str], locale: str) -> str:
    """'misalnya 1530', '1530 untuk pukul 15.30': what to type, said digit by digit, never as a number."""
    return f"{match['word'] or ''} {digits(match['n'], locale)} "


def _percent_range(match: re.Match[str], locale: str) -> str:
    return f" {match['a']} {_say(locale, 'to')} {match['b']} {_say(locale, 'percent')} "


def _frequency(match: re.Match[str], locale: str) -> str:
    return f" {decimal(int(match['w']), match['f'], locale)} {match['unit']} "


def _code(match: re.Match[str], locale: str) -> str:
    return f" {spell(match[0], locale)}, "


def _grouped(match: re.Match[str], locale: str) -> str:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", match[0]) and locale != "en":
        return _thousands(match, locale)
    return f" {digit_groups(match[0], locale)}, "


def _phone(match: re.Match[str], locale: str) -> str:
    return f" {_say(locale, 'plus')} {digits(match['cc'], locale)}, {digit_groups(match['rest'], locale)}, "


def _range(match: re.Match[str], locale: str) -> str:
    return f" {match['a']} {_say(locale, 'to')} {match['b']} "


def _percent(match: re.Match[str], locale: str) -> str:
    return f" {match['n']} {_say(locale, 'percent')} "


def _thousands(match: re.Match[str], locale: str) -> str:
    return f" {cardinal(int(re.sub(r'[^0-9]', '', match[0])), locale)} "


def _decimal(match: re.Match[str], locale: str) -> str:
    return f" {decimal(int(match['w']), match['f'], locale)} "


def _integer(match: re.Match[str], locale: str) -> str:
    text = match[0]
    if text in SERVICE_NUMBERS or text.startswith("0") and len(text) > 1 or len(text) > 4:
        return f" {digit_groups(text, locale)} "
    if locale == "en" and 1900 <= int(text) <= 2099:
        return f" {year(int(text), locale)} "
    return f" {cardinal(int(text), locale)} "


def _rt_rw(match: re.Match[str], locale: str) -> str:
    return f"{match['what']} {cardinal(int(match['n']), locale)},"


def _abbreviation(table: dict[str, str]) -> Callable[[re.Match[str], str], str]:
    return lambda match, locale: f" {table[match[0]]} "


def _unknown_acronym(match: re.Match[str], locale: str) -> str:
    word = match[0]
    if set(word) & _VOWELS:
        return word
    return f" {spell(word, locale)} "


def _months_en() -> list[str]:
    """`January` … `December`, from CLDR (Babel), as English text spells them."""
    from babel.dates import get_month_names

    return [str(name) for _, name in sorted(get_month_names("wide", locale="en").items())]


def _rules(locale: str) -> list[Rule]:
    english = _lang(locale) == "en"
    thousands = r"\d{1,3}(?:,\d{3})+" if english else r"\d{1,3}(?:\.\d{3})+"
    decimal_point = r"\." if english else ","
    dash = f"[{DASHES}]"
    table = ABBREVIATIONS[_lang(locale)]
    words = sorted(table, key=len, reverse=True)
    abbreviations = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])")
    time_sep = r":" if english else r"[.:]"
    signs = "[" + re.escape(KEY_SIGNS) + "]"
    days = "|".join(DAYS[_lang(locale)])
    a_time = r"(?:pukul\s+|at\s+)?\d{1,2}" + time_sep + r"\d{2}"
    rules: list[Rule] = [
        # A key sign is a key where a key is meant: after "Tekan", "tombol", "atau", or opening a line of help.
        (re.compile(r"(?P<before>(?:^|\b(?:[Tt]ekan|[Pp]ress|[Tt]ombol|key|atau|or|dan|and)\s))\s*(?P<sign>"
                    + signs + r")(?=\s|:|,|$)"), _key_sign),
        (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), _email),
        (re.compile(r"(?<![\w+\u2212-])(?P<group>AB|A|B|O)(?P<sign>[+\u2212-])(?![\w+\u2212-])"), _blood_group),
        (re.compile(r"(?P<word>\b(?:misalnya|mis\.|contoh|[Kk]etik|[Tt]ype|e\.g\.)\s+)?(?<![\d.,])(?P<n>\d{3,4})"
                    r"(?=\s+(?:untuk|for)\s+" + a_time + r")"), _typed_digits),
        (re.compile(r"(?P<word>\b(?:misalnya|mis\.|contoh|[Kk]etik|[Tt]ype|e\.g\.)\s+)(?P<n>\d{3,4})(?![\d.,])"),
         _typed_digits),
        (re.compile(r"(?P<w>\d{2,3})[.,](?P<f>\d{1,2})\s?(?P<unit>FM|AM|MHz|kHz)\b"), _frequency),
        (re.compile(r"\b(?P<a>" + days + r")\s*(?:" + dash + r"|-)\s*(?P<b>" + days + r")\b"), _range),
        (re.compile(r"(?<![\w.])(?P<head>\d*)(?P<hidden>[*\u25cf\u2022]{2,})(?P<tail>\d*)"), _masked),
        (re.compile(r"-?Rp\s?(?P<amount>\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,]\d{2}(?!\d))?"), _money),
        (re.compile(
            r"(?:\b(?P<word>[Pp]ukul|[Jj]am|at)\s+)?(?<![\d.:])(?P<h>\d{1,2})" + time_sep + r"(?P<m>\d{2})(?!\d|[.:]\d)"
            r"(?:\s*(?:" + dash + r"|-|sampai|to)\s*(?:pukul\s+)?(?P<h2>\d{1,2})" + time_sep
            + r"(?P<m2>\d{2})(?!\d|[.:]\d))?"), _time),
        (re.compile(r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b"), _iso_date),
        (re.compile(r"\b(?P<month>" + "|".join(_months_en()) + r")\s+(?P<d>\d{1,2}),\s*(?P<y>\d{4})\b"), _en_date),
        (re.compile(r"\+(?P<cc>62)[\s-]?(?P<rest>\d[\d\s-]{6,}\d)"), _phone),
        (re.compile(r"\b(?P<what>RT|RW)\s*0*(?P<n>\d+)\b"), _rt_rw),
        (re.compile(r"\bRT\s*/\s*RW\b"), lambda m, loc: "RT, RW"),
        (re.compile(r"\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)+\b"
                    r"|\b[A-Z]+(?:-\d+)+\b|\b[A-Z]{1,4}-[A-Z0-9]{4,}\b|\b(?=\w*\d)(?=\w*[A-Z])[A-Z0-9]{3,}\b"), _code),
        (re.compile(r"(?<![\d.,])\d{3,4}(?: \d{3,4}){2,}(?!\d|[.,]\d)"), _grouped),  # NIK, phone read back in fours
        (re.compile(r"(?<![\d.,])\d+(?:[.\-/]\d+){2,}(?![\d])|\b\d+-0\d+\b|\b\d{3,}-\d{3,}\b"), _grouped),
        (abbreviations, _abbreviation(table)),
        # "Pengaduan / Aspirasi": a slash between words is "atau"
        (re.compile(r"(?<=[^\W\d])\s*/\s*(?=[^\W\d])"), lambda m, loc: f" {_say(loc, 'or')} "),
        (re.compile(r"\b[A-Z]{2,6}\b"), _unknown_acronym),
        (re.compile(r"(?P<a>[\d.,]+)\s?%\s*(?:" + dash + r"|-)\s*(?P<b>[\d.,]+)\s?%"), _percent_range),
        (re.compile(r"(?P<n>[\d.,]+)\s?%"), _percent),
        (re.compile(r"(?P<op>=|\u00d7|(?<=\s)\u2212(?=\s))"), _operator),  # the e-BPHTB formula
        (re.compile(r"(?P<a>\d[\d.,]*)\s*(?:" + dash + r"|-)\s*(?P<b>\d[\d.,]*)"), _range),
        (re.compile(thousands + r"(?!\d)"), _thousands),
        (re.compile(r"(?<![\d.,])(?P<w>\d+)" + decimal_point + r"(?P<f>\d+)(?![\d])"), _decimal),
        (re.compile(r"(?<![\d.,])(?P<w>\d+)\.(?P<f>\d)(?![\d]|[.,]\d)"), _decimal),  # 2.5: no thousands, no time
        (re.compile(r"\d+"), _integer),
    ]
    return rules


_RULES: dict[str, list[Rule]] = {}
#: Units after a number, and signs that have a spoken word; everything else that is no letter is a pause or nothing.
UNITS = {
    "id": {"kg": "kilogram", "km": "kilometer", "cm": "sentimeter", "m²": "meter persegi", "m2": "meter persegi",
           "ha": "hektare", "mm": "milimeter"},
    "en": {"kg": "kilograms", "km": "kilometres", "cm": "centimetres", "m²": "square metres",
           "m2": "square metres", "ha": "hectares", "mm": "millimetres"},
}
_PAUSES = re.compile(r"[\u00b7\u2022|;()\[\]{}\u2192\u2190\u21d2\u2014\u2013\u2212]+")
_KEPT = frozenset(" .,:?!'-")
_SPACES = re.compile(r"\s+")


def speakable(text: str, locale: str = "id") -> str:
    """One line of screen text as words a speech engine reads well in `locale`."""
    lang = _lang(locale)
    rules = _RULES.get(lang)
    if rules is None:
        rules = _RULES[lang] = _rules(lang)
    units = UNITS[lang]
    text = re.sub(r"(?<=\d)\s?(" + "|".join(sorted(map(re.escape, units), key=len, reverse=True)) + r")(?![\w²])",
                  lambda m: f" {units[m[1]]}", text)
    text = re.sub(r"(?<=\S) {2,}(?=\S)", ", ", text)  # '112  Polisi': a number and its name
    text = text.replace("\u2026", ".").replace("&", f" {_say(lang, 'and')} ")
    for pattern, replace in rules:
        text = pattern.sub(functools.partial(_apply, replace, lang=lang), text)
    text = _PAUSES.sub(", ", text)
    text = text.replace("/", " ")
    text = "".join(char if char.isalpha() or char in _KEPT else " " for char in text)
    text = re.sub(r"(?<!\w)-|-(?!\w)", " ", text)
    return _tidy(text)


def _apply(replace: Callable[[re.Match[str], str], str], match: re.Match[str], lang: str) -> str:
    return replace(match, lang)


def _tidy(text: str) -> str:
    text = _SPACES.sub(" ", text).strip()
    text = re.sub(r"\s+([.,:?!])", r"\1", text)
    text = re.sub(r",+\s*([.?!:])", r"\1", text)
    text = re.sub(r"([.,:?!])[.,:]+", r"\1", text)
    text = re.sub(r"^[.,:\s]+", "", text)
    return text.strip().rstrip(",").strip()


def sentence(text: str, locale: str = "id") -> str:
    """`speakable`, ending with a full stop so the engine pauses between parts of a screen."""
    said = speakable(text, locale).rstrip(",:")
    if said and said[-1] not in ".?!":
        said += "."
    return said


def option_line(key: str, label: str, locale: str = "id", hint: str = "") -> str:
    """'Tekan satu untuk Layanan Mandiri, minta surat desa.' The key by its name ("tambah" for +), then the hint."""
    spoken = speakable(label, locale).rstrip(".,:")
    explained = speakable(hint, locale).rstrip(".,:") if hint else ""
    if explained:
        spoken = f"{spoken}, {explained}"
    return PHRASES[_lang(locale)]["press"].format(number=key_words(key, locale), label=spoken)


def typed(value: str, digits_only: bool, prefix: str, locale: str = "id") -> str:
    """What a field holds, as it should be heard: an amount in words, a number digit by digit, text as it is."""
    if not value:
        return ""
    if prefix.strip().startswith("Rp") and re.fullmatch(r"\d[\d.,]*", value):  # "415.000.000" as the field groups it
        amount = int(re.sub(r"\D", "", value))
        return f"{cardinal(amount, locale)} {_say(locale, 'currency')}"
    if digits_only:
        return digit_groups(value, locale)
    return speakable(value, locale)


def echo(char: str, locale: str = "id") -> str:
    """The key just typed into a field: a digit's word, a letter's name."""
    if char.isdigit():
        return digits(char, locale)
    return spell(char, locale) if char.strip() else ""


def deleted(locale: str = "id") -> str:
    return _say(locale, "deleted")


class _Field(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def masked(self) -> bool: ...
    @property
    def digits_only(self) -> bool: ...
    @property
    def prefix(self) -> str: ...


class _Choice(Protocol):
    @property
    def shown_key(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def hint(self) -> str: ...
    @property
    def enabled(self) -> bool: ...


class _Key(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def label(self) -> str: ...


class Screenful(Protocol):
    """What `script` reads: a `flow.View` in the kiosk's tests, a `seen.Seen` in the speech worker."""

    @property
    def title(self) -> str: ...
    @property
    def notice(self) -> str: ...
    @property
    def question(self) -> str: ...
    @property
    def body(self) -> Sequence[str]: ...
    @property
    def big(self) -> str: ...
    @property
    def prompt(self) -> _Field | None: ...
    @property
    def error(self) -> str: ...
    @property
    def options(self) -> Sequence[_Choice]: ...
    @property
    def page(self) -> str: ...
    @property
    def keys(self) -> Sequence[_Key]: ...


def script(view: Screenful, locale: str = "id") -> list[str]:
    """A whole screen in reading order: title, notice, question, body, big number, field, error, options with their
    hints, page, and the keys of the bottom line by their names on the numpad."""
    lines = [view.title, view.notice, view.question]
    for line in view.body:
        lines.extend(line.split("\n"))
    shown = " ".join(lines)
    if view.big and view.big not in shown:
        lines.append(view.big)
    said = [sentence(line, locale) for line in lines if line and line.strip()]
    if view.prompt is not None:
        said.append(sentence(view.prompt.label, locale))
        if not view.prompt.masked:
            value = typed(view.prompt.value, view.prompt.digits_only, view.prompt.prefix, locale)
            if value:
                said.append(value + ".")
    if view.error:
        said.append(sentence(view.error, locale))
    said.extend(option_line(option.shown_key, option.label, locale, option.hint)
                for option in view.options if option.enabled)
    if view.page:
        said.append(sentence(view.page, locale))
    options = set(said)
    said.extend(line for line in (option_line(key.key, key.label, locale) for key in view.keys if key.key.strip())
                if line not in options)  # "+ Halaman berikutnya" is an option of the list already
    return [line for line in said if line.strip(" .")]


def spoken(view: Screenful, locale: str = "id") -> str:
    return " ".join(script(view, locale))
