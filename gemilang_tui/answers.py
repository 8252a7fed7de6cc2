"""Typed answers shared by many services (NIK, NOP, phone, references): parse, or say plainly what is wrong.

The domain rules raise errors with a reason code; here they become one plain sentence for the citizen,
saying what is wrong and how to fix it ("NIK harus 16 angka. Anda mengetik 15 angka.").
"""

from __future__ import annotations

from datetime import date

from gemilang_tui.domain.nik import Nik, NikError, parse_nik
from gemilang_tui.domain.nop import Nop, NopError, parse_nop
from gemilang_tui.domain.phone import PhoneError, parse_phone
from gemilang_tui.domain.reference import (
    ReferenceFormat,
    ReferenceNumberError,
    digits_of,
    normalise_reference,
    parse_ticket,
)
from gemilang_tui.flow import FieldError
from gemilang_tui.i18n import _


def nik_answer(text: str, today: date | None = None) -> Nik:
    try:
        return parse_nik(text, today=today)
    except NikError as problem:
        reason, params = problem.reason, problem.params
        if reason == "empty":
            raise FieldError(_("Please type your NIK: the 16 digits on your KTP.")) from None
        if reason == "length":
            raise FieldError(
                _("A NIK has 16 digits. You typed {got} digits.").format(got=params["got"])
            ) from None
        if reason == "month":
            raise FieldError(
                _("Digits 9 and 10 of a NIK are the birth month, but {month} is not a month. "
                  "Check your KTP and type it again.").format(month=params["month"])
            ) from None
        if reason in ("day", "date"):
            raise FieldError(
                _("Digits 7 to 12 of a NIK are a birth date, but this is not a real date. "
                  "Check your KTP and type it again.")
            ) from None
        raise FieldError(_("A NIK has only digits. Check your KTP and type it again.")) from None


def nop_answer(text: str) -> Nop:
    try:
        return parse_nop(text)
    except NopError as problem:
        reason, params = problem.reason, problem.params
        if reason == "empty":
            raise FieldError(_("Please type the NOP: the 18 digits on your SPPT PBB.")) from None
        if reason == "length":
            raise FieldError(
                _("A NOP has 18 digits. You typed {got} digits. Check your SPPT and type it again.").format(
                    got=params["got"]
                )
            ) from None
        raise FieldError(
            _("This NOP is not in Kabupaten Tangerang: a NOP here starts with 3603.")
        ) from None


def phone_answer(text: str) -> str:
    try:
        return parse_phone(text)
    except PhoneError as problem:
        reason, params = problem.reason, problem.params
        if reason == "empty":
            raise FieldError(_("Please type your mobile phone number.")) from None
        if reason == "length":
            raise FieldError(
                _("A mobile number has 10 to 13 digits. You typed {got} digits.").format(got=params["got"])
            ) from None
        raise FieldError(_("This is not a mobile number. A mobile number starts with 08.")) from None


def reference_answer(text: str, fmt: ReferenceFormat) -> str:
    """`2026000123` → `SPT-2026-000123`: the kiosk knows the prefix of the service it is in."""
    try:
        return normalise_reference(text, fmt)
    except ReferenceNumberError as problem:
        reason, params = problem.reason, problem.params
        example = f"{fmt.prefix}-2026-{'1'.zfill(fmt.serial_digits)}"
        if reason == "empty":
            raise FieldError(_("Please type the number, for example {example}.").format(example=example)) from None
        if reason == "length" and fmt.prefix_digits:
            raise FieldError(
                _("This number has {expected} digits. You typed {got} digits. For {example}, type {digits}.").format(
                    expected=params["expected"], got=params["got"], example=example, digits=digits_of(example))
            ) from None
        if reason == "length":
            raise FieldError(
                _("This number has {expected} digits (year and serial). You typed {got} digits. "
                  "Example: {example}.").format(expected=params["expected"], got=params["got"], example=example)
            ) from None
        message = _("This is not a number of this service. Example: {example}.")
        raise FieldError(message.format(example=example)) from None


def ticket_answer(text: str, digits: int = 7) -> str:
    try:
        return parse_ticket(text, digits)
    except ReferenceNumberError as problem:
        if problem.reason == "length":
            raise FieldError(
                _("A ticket number has {expected} digits. You typed {got} digits.").format(
                    expected=digits, got=problem.params["got"]
                )
            ) from None
        raise FieldError(_("Please type the ticket number: {expected} digits.").format(expected=digits)) from None
