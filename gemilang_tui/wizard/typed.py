"""Ready-made typed questions: NIK, phone, amount of rupiah, a person's name, a NIK with one more rule."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gemilang_tui.answers import nik_answer, phone_answer
from gemilang_tui.domain.grouping import in_groups
from gemilang_tui.domain.nik import Nik
from gemilang_tui.domain.phone import mask_phone
from gemilang_tui.flow import Context, FieldError
from gemilang_tui.i18n import L, _, money
from gemilang_tui.wizard.draft import Label
from gemilang_tui.wizard.questions import Typed


def nik_question(key: str = "nik", question: Label | None = None, **common: Any) -> Typed:
    """The NIK (16 digits), remembered for the visit, read back in full and grouped (3603 2845 0871 0003) before
    sending, masked (3603********0003) after."""

    def parse(ctx: Context, text: str) -> tuple[Any, str, str]:
        nik = nik_answer(text, today=ctx.today)
        return nik.digits, in_groups(nik.digits), nik.masked

    common.setdefault("summary", L("NIK"))
    common.setdefault("note", L("The NIK is the 16-digit number on your KTP and your Kartu Keluarga (KK)."))
    return Typed(key, question or (L("Type your NIK.")), L("NIK"), parse, max_length=16,
                 remember="nik", reuse=lambda shown: _("Use NIK {nik}").format(nik=shown),
                 retype=L("Type another NIK"), type_label=L("Type my NIK"), prefill=False, **common)


NO_SMS = L("Skip: without a mobile number you get no SMS")


def phone_question(key: str = "telepon", question: Label | None = None, *, required: bool = False,
                   **common: Any) -> Typed:
    """A mobile number (08…), remembered for the visit, read back grouped (0812 3456 7890), masked after sending.

    Optional unless `required` (a service that cannot work without it): the skip says what is lost (no SMS).
    """

    def parse(ctx: Context, text: str) -> tuple[Any, str, str]:
        phone = phone_answer(text)
        return phone, in_groups(phone), mask_phone(phone)

    common.setdefault("summary", L("Phone"))
    common.setdefault("note", L("An officer may call or send a message about it. Example: 081234567890."))
    if not required:
        common.setdefault("optional", True)
        common.setdefault("skip", NO_SMS)
    return Typed(key, question or (L("Type your mobile phone number.")), L("Mobile number"), parse,
                 max_length=13, remember="telepon", reuse=lambda shown: _("Use number {phone}").format(phone=shown),
                 retype=L("Type another number"), type_label=L("Type my number"), prefill=False,
                 **common)


def amount_question(key: str, question: Label, *, minimum: int = 1, maximum: int | None = None,
                    **common: Any) -> Typed:
    """A sum of rupiah typed as digits, read back as `Rp415.000.000`."""

    def parse(ctx: Context, text: str) -> tuple[Any, str]:
        digits = "".join(ch for ch in text if ch.isdigit())
        if not digits:
            raise FieldError(_("Type the amount in rupiah, digits only."))
        amount = int(digits)
        if amount < minimum:
            raise FieldError(_("The amount must be at least {amount}.").format(amount=money(minimum)))
        if maximum is not None and amount > maximum:
            raise FieldError(_("The amount can be at most {amount}.").format(amount=money(maximum)))
        return amount, money(amount)

    return Typed(key, question, L("Amount"), parse, max_length=15, prefix="Rp", **common)



FROM_NIK_SKIP = L("Skip: the officer takes the name from the NIK")
FROM_NIK_NOTE = L("If you cannot type, the officer takes the name from the NIK.")


def name_question(key: str, question: Label, *, remember: str | None = None, from_nik: bool = False,
                  **common: Any) -> Typed:
    """A full name typed with the keyboard (the officer may type it for the citizen), read back as typed.

    `from_nik`: the form has this person's NIK, so the name may be left to it (the same skip in every form).
    """

    def parse(ctx: Context, text: str) -> tuple[Any, str]:
        name = " ".join(text.split())
        if not name:
            raise FieldError(_("Please type the full name, then press Enter."))
        if any(char.isdigit() for char in name):
            raise FieldError(_("A name has no digits. Check it and type it again."))
        if sum(char.isalpha() for char in name) < 2:
            raise FieldError(_("This name is too short. Type the full name as on the KTP."))
        return name, name

    common.setdefault("summary", L("Name"))
    common.setdefault("example", L("Type it with the keyboard as on the KTP, then press Enter. "
                                            "The officer can type it for you."))
    common.setdefault("reuse", lambda shown: _("Use the name {name}").format(name=shown))
    common.setdefault("retype", L("Type another name"))
    common.setdefault("type_label", L("Type the name"))
    if from_nik:
        common.setdefault("optional", True)
        common.setdefault("skip", FROM_NIK_SKIP)
        common.setdefault("note", FROM_NIK_NOTE)
    return Typed(key, question, L("Full name"), parse, digits_only=False, max_length=60, remember=remember,
                 **common)


def person_nik_question(key: str = "nik", question: Label | None = None, *,
                        check: Callable[[Context, Nik], None] | None = None, **common: Any) -> Typed:
    """`nik_question` (16 digits, read back grouped, masked after sending, remembered as the visit's "nik" unless
    `remember` says otherwise) with one more rule: `check(ctx, nik)` raises `FieldError` with a plain sentence."""

    def parse(ctx: Context, text: str) -> tuple[Any, str, str]:
        nik = nik_answer(text, today=ctx.today)
        if check is not None:
            check(ctx, nik)
        return nik.digits, in_groups(nik.digits), nik.masked

    common.setdefault("summary", L("NIK"))
    common.setdefault("note", L("The NIK is the 16-digit number on your KTP and your Kartu Keluarga (KK)."))
    common.setdefault("remember", "nik")
    common.setdefault("reuse", lambda shown: _("Use NIK {nik}").format(nik=shown))
    common.setdefault("retype", L("Type another NIK"))
    common.setdefault("type_label", L("Type my NIK"))
    return Typed(key, question or (L("Type your NIK.")), L("NIK"), parse, max_length=16,
                 prefill=False, **common)
