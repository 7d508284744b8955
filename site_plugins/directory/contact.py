"""Rules for the contact details editors write: web addresses, e-mail, phone numbers."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from pydantic_core import PydanticCustomError

from ..web.urls import tel_uri

EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def web_address(value: str) -> str:
    """Accept only absolute http(s) addresses (never javascript: or data:)."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
        raise PydanticCustomError(
            "web_address", f"{value!r} is not a web address; write it in full, starting with https:// (or http://)"
        )
    return value


def email_address(value: str) -> str:
    if not EMAIL.match(value):
        raise PydanticCustomError(
            "email_address", f"{value!r} is not an e-mail address; write it like post@forening.no"
        )
    return value


def phone_number(value: str) -> str:
    """Norwegian 8-digit numbers (optionally +47), 113 and 116 numbers, or international +NN numbers; spaces allowed."""
    if tel_uri(value) is None:
        raise PydanticCustomError(
            "phone_number",
            f"{value!r} is not a phone number; write a Norwegian number with 8 digits (like 75 57 00 14, "
            "optionally starting with +47), a 116 number (like 116 123), or an international number starting "
            "with + and the country code",
        )
    return value
