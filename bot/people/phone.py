"""Indonesian phone numbers, normalised to E.164 so roster and Telegram contacts match."""

from __future__ import annotations

import phonenumbers


class InvalidPhone(ValueError):
    pass


def normalize_phone(raw: str) -> str:
    """Return +62... for 08xx, 628xx, +62 8xx, 8xx and spaced or dashed variants."""
    text = raw.strip()
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits:
        raise InvalidPhone(raw)
    # Telegram contacts arrive as "628..." without the plus; phonenumbers would read that as local.
    if text.startswith("+") or digits.startswith("62"):
        candidate = "+" + digits
    elif digits.startswith("8"):
        candidate = "+62" + digits
    else:
        candidate = digits
    try:
        number = phonenumbers.parse(candidate, "ID")
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhone(raw) from exc
    if not phonenumbers.is_valid_number(number):
        raise InvalidPhone(raw)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
