"""e-BPHTB: choose how the land was acquired, type the price and the NJOP, read the duty worked out step by step.

The rate and the untaxed part (NPOPTKP) of each kind come from the API (Bapenda's configuration); the arithmetic
is `gemilang_tui.domain.bphtb`. The result is an estimate: Bapenda sets the amount due after validation.
"""

from __future__ import annotations

from typing import Any

from gemilang_tui.api.bphtb import ATURAN, AturanBphtb, JenisPerolehan
from gemilang_tui.catalog import LocalText, ServiceEntry
from gemilang_tui.domain.bphtb import BphtbResult, compute_bphtb
from gemilang_tui.flow import Ask, Content, Context, Detail, FieldError, Option, Page, PagedList, Step
from gemilang_tui.i18n import L, _, glossary, localized, money, number
from gemilang_tui.wizard.paper import paper, print_options

#: 13 digits: up to Rp9.999.999.999.999, more than any land deal; a longer number is a typing mistake.
MAX_DIGITS = 13
_DEFAULT_TITLE = LocalText({"id": "e-BPHTB", "en": "e-BPHTB transfer duty"})


def start(ctx: Context, entry: ServiceEntry) -> Step:
    return choose_kind(entry.judul)


def calculator(ctx: Context) -> Step:
    """The calculator's first step, for other services that offer it (Pajak Daerah)."""
    return choose_kind(_DEFAULT_TITLE)


def choose_kind(title: Any = _DEFAULT_TITLE) -> PagedList[JenisPerolehan]:
    """How the land or building was acquired; each kind shows how much of its value is not taxed."""
    rules: dict[str, AturanBphtb] = {}

    async def fetch(ctx: Context, page: int, per_page: int) -> Page[JenisPerolehan]:
        rules["now"] = await ctx.api.fetch(ATURAN)
        kinds = rules["now"].jenis_perolehan
        start_at = (page - 1) * per_page
        return Page(kinds[start_at:start_at + per_page], len(kinds))

    return PagedList(
        title=lambda: str(title),
        question=L("Work out the BPHTB. How did you get the land or building? Press its number."),
        fetch=fetch,
        label=lambda kind: localized(kind.nama, kind.nama_en),
        hint=lambda kind: _("first {amount} not taxed").format(amount=money(kind.npoptkp)),
        open_item=lambda kind: lambda ctx: ask_price(rules["now"], kind, title),
    )


def rupiah_shown(digits: str) -> str:
    """What was typed, grouped as rupiah: `415000000` → `415.000.000` (the prompt adds "Rp")."""
    if not digits:
        return ""
    return number(int(digits))


class RupiahAsk(Ask):
    """A sum of money typed as digits and shown grouped while typing."""

    def shown(self, value: str) -> str:
        return rupiah_shown(value)


def rupiah_answer(text: str, what: str, allow_zero: bool = True) -> int:
    """Digits → rupiah, or a plain message naming the field (`what`) and how to fix it."""
    digits = text.strip()
    if not digits:
        raise FieldError(_("Please type the {what} in rupiah, digits only.").format(what=what))
    if not digits.isdigit():
        raise FieldError(_("Type digits only, without dots or commas."))
    significant = digits.lstrip("0")
    if len(significant) > MAX_DIGITS:
        raise FieldError(
            _("This number is too long: at most {most} digits. You typed {got} digits. "
              "Check it and type it again.").format(most=MAX_DIGITS, got=len(significant))
        )
    value = int(digits)
    if value == 0 and not allow_zero:
        raise FieldError(
            _("The {what} cannot be 0. Look at the SPPT PBB and type it again.").format(what=what)
        )
    return value


def ask_price(rules: AturanBphtb, kind: JenisPerolehan, title: Any = _DEFAULT_TITLE) -> Ask:
    """With no price (an inheritance) the citizen types 0, or just presses Enter on the empty field."""
    return RupiahAsk(
        title=lambda: f"{title} · {localized(kind.nama, kind.nama_en)}",
        question=L("What is the transaction price? Type it in rupiah (0 if there is none)."),
        label=L("Transaction price"),
        prefix="Rp",
        parse=lambda text: rupiah_answer(text or "0", _("transaction price")),
        then=lambda ctx, price: ask_njop(rules, kind, price, title),
        max_length=MAX_DIGITS,
        hint=L("Digits only, without dots. If there is no price (an inheritance), type 0 and press "
                       "Enter."),
    )


def ask_njop(rules: AturanBphtb, kind: JenisPerolehan, price: int, title: Any = _DEFAULT_TITLE) -> Ask:
    return RupiahAsk(
        title=lambda: f"{title} · {localized(kind.nama, kind.nama_en)}",
        question=L("What is the NJOP of the land and building? Type it in rupiah."),
        label=L("NJOP"),
        prefix="Rp",
        parse=lambda text: rupiah_answer(text, _("NJOP"), allow_zero=False),
        then=lambda ctx, njop: result(rules, kind, price, njop, title),
        max_length=MAX_DIGITS,
        hint=L("The NJOP is on this year's SPPT PBB (NJOP as the basis of PBB). Digits only."),
    )


def _npop_reason(price: int, njop: int) -> str:
    if price > njop:
        return _("the transaction price, because it is higher than the NJOP")
    if njop > price:
        return _("the NJOP, because it is higher than the transaction price")
    return _("the transaction price, which is the same as the NJOP")


def _aligned(rows: list[tuple[str, str]]) -> str:
    """Labels on the left, sums right-aligned in one column."""
    label_width = max(len(label) for label, _value in rows)
    value_width = max(len(value) for _label, value in rows)
    return "\n".join(f"{label.ljust(label_width)}  {value.rjust(value_width)}" for label, value in rows)


def breakdown(kind: JenisPerolehan, price: int, njop: int, outcome: BphtbResult) -> list[str]:
    """The working, each line short enough for 80 columns."""
    rate = number(outcome.rate_percent)
    table = _aligned([
        (_("Transaction price"), money(price)),
        (_("NJOP"), money(njop)),
        (_("NPOP (value used)"), money(outcome.npop)),
        (_("NPOPTKP (not taxed)"), "− " + money(outcome.npoptkp)),
        (_("Taxable NPOP"), money(outcome.npopkp)),
        (_("Rate"), f"{rate}%"),
        (_("BPHTB"), money(outcome.bphtb)),
    ])
    words = _("The NPOP is {reason}.").format(reason=_npop_reason(price, njop))
    formula = "\n".join([
        _("BPHTB = {rate}% × (NPOP − NPOPTKP)").format(rate=rate),
        f"      = {rate}% × ({money(outcome.npop)} − {money(outcome.npoptkp)})",
        f"      = {rate}% × {money(outcome.npopkp)} = {money(outcome.bphtb)}",
    ])
    return [table, words, formula]


def result(rules: AturanBphtb, kind: JenisPerolehan, price: int, njop: int, title: Any = _DEFAULT_TITLE) -> Step:
    outcome = compute_bphtb(price, njop, kind.npoptkp, rules.tarif_persen)

    def body(ctx: Context) -> list[str]:
        if outcome.bphtb > 0:
            headline = _("BPHTB to pay: {amount}").format(amount=money(outcome.bphtb))
        else:
            headline = _("No BPHTB to pay: the NPOP is not more than the NPOPTKP.")
        lines = [
            headline + "\n" + _("Kind: {kind}").format(kind=localized(kind.nama, kind.nama_en)),
            *breakdown(kind, price, njop, outcome),
            _("To pay: your notary or PPAT files the SSPD BPHTB. After Bapenda has validated it, "
              "you pay with the payment code you are given."),
        ]
        note = localized(rules.catatan, rules.catatan_en)
        if note:
            lines.append(note)
        return glossary.with_notes(lines)

    async def ready(ctx: Context) -> BphtbResult:
        return outcome

    return Detail(
        title=lambda: _("{title} · result").format(title=title),
        fetch=ready,
        render=lambda ctx, _outcome: Content(
            body(ctx), options=[
                Option(_("Work it out again"), lambda ctx: choose_kind(title)),
                *print_options(ctx, lambda: str(title), lambda ctx: paper(
                    ctx, _("BPHTB estimate"), money(outcome.bphtb), _("BPHTB to pay:"), body(ctx)[:-1])),
            ]
        ),
    )
