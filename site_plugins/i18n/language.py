"""The language an output is being rendered in, and the gettext functions that read its catalogue.

Bokmål (`nb`) is the site's own language: the texts in the code and templates are bokmål and are the
catalogues' message ids, so bokmål needs no catalogue. Every other language is a catalogue
`site_plugins/locale/<code>/LC_MESSAGES/torget.po`; a string it lacks is shown in bokmål.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

SOURCE_LANGUAGE = "nb"
"""The language of the site's own texts (the message ids) and of docs/."""

_current: ContextVar[str] = ContextVar("torget_language", default=SOURCE_LANGUAGE)
_catalogues: dict[str, _gettext.NullTranslations] = {}


def current() -> str:
    """The language code of the output being rendered ("nb" unless `use_language` says otherwise)."""
    return _current.get()


def install(code: str, translations: _gettext.NullTranslations) -> None:
    """Use `translations` for `code` from now on (the build loads and checks each catalogue once)."""
    _catalogues[code] = translations


@contextmanager
def use_language(code: str) -> Iterator[None]:
    """Render in `code` inside the block, with the catalogue `install` gave it (none: bokmål shows)."""
    token = _current.set(code)
    try:
        yield
    finally:
        _current.reset(token)


def _translations() -> _gettext.NullTranslations:
    return _catalogues.get(current()) or _gettext.NullTranslations()


def gettext(message: str) -> str:
    """`message` (bokmål) in the current language, or as it is when the catalogue lacks it."""
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translations().ngettext(singular, plural, count)


_ = gettext


def N_(message: str) -> str:
    """Mark `message` for the catalogue where it is defined; it is translated where it is shown."""
    return message


def pick(own: str, translations: dict[str, object] | None, field: str) -> tuple[str, str | None]:
    """The text of `field` in the current language, and the language it is in when that is not the page's.

    `own` is the bokmål text; `translations` maps language code -> an object or mapping holding the same
    fields. Returns (text, None) when the text is in the current language, else (bokmål text, "nb").
    """
    code = current()
    if code == SOURCE_LANGUAGE:
        return own, None
    entry = (translations or {}).get(code)
    value = entry.get(field) if isinstance(entry, dict) else getattr(entry, field, None)
    if value:
        return str(value), None
    return own, SOURCE_LANGUAGE
