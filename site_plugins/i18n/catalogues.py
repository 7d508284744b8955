"""The message catalogues: gettext `.po` files read with Babel, checked, and counted against the template.

`site_plugins/locale/torget.pot` lists every interface string of the templates and the code (made with
`pybabel extract`, see README «Translating the site»); a language is `locale/<code>/LC_MESSAGES/torget.po`
beside mkdocs.yml, or else the one the package ships in `site_plugins/locale/`. A catalogue that cannot be
read, or a translation that drops or invents a placeholder (`{name}`, `%(name)s`), is a `file:line:` problem,
never a traceback.
"""

from __future__ import annotations

import gettext
import io
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from babel.core import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po

from ..sources.problems import Problem, SourceError, display_path

LOCALE_FOLDER = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "torget"
TEMPLATE = LOCALE_FOLDER / f"{DOMAIN}.pot"
_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


def catalogue_file(code: str, root: Path | None = None) -> Path:
    """The project's own catalogue for `code` when it has one (beside mkdocs.yml in `root`), else the package's."""
    own = Path(root or ".") / "locale" / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    return own if root is not None and own.is_file() else LOCALE_FOLDER / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def _display(path: Path, root: Path | None) -> str:
    if path.is_relative_to(LOCALE_FOLDER.parent):
        return f"site_plugins/{path.relative_to(LOCALE_FOLDER.parent).as_posix()}"
    return display_path(path, root or path.parent)


@dataclass(frozen=True)
class LoadedCatalogue:
    """One language's catalogue: gettext translations, and the template's messages it does not translate."""

    code: str
    translations: gettext.NullTranslations
    missing: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = field(default=())


def language_problem(code: str) -> str | None:
    """Why `code` cannot be a language of the site, or None (Babel's CLDR data must know it: dates, lists)."""
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return (f"{code!r} is not a language code the site knows; use an ISO 639 code such as en, nn, se (North "
                "Sámi) or smj (Lule Sámi)")
    return None


def placeholders(text: str) -> set[str]:
    return {a or b for a, b in _PLACEHOLDER.findall(text)}


def _read(path: Path, code: str, display: str) -> Catalog:
    try:
        with path.open("rb") as handle:
            return read_po(handle, locale=code, domain=DOMAIN, abort_invalid=True)
    except PoFileError as error:
        reason = str(error).rsplit(" on ", 1)[0]
        message = f"the catalogue cannot be read: {reason}; each entry is msgid \"…\" then msgstr \"…\""
        # Babel counts lines from 0.
        raise SourceError([Problem(display, error.lineno + 1, None, message)]) from None
    except UnicodeDecodeError:
        raise SourceError([Problem(display, None, None, "is not UTF-8 text; save it as UTF-8")]) from None


@cache
def template_messages() -> tuple[str, ...]:
    """Every message id the site uses (the template catalogue)."""
    with TEMPLATE.open("rb") as handle:
        # A plural message counts by its singular, as the translated ones do.
        return tuple(str(message.id[0] if isinstance(message.id, tuple | list) else message.id)
                     for message in read_po(handle, domain=DOMAIN) if message.id)


def load_catalogue(code: str, root: Path | None = None) -> LoadedCatalogue:
    """Read and check `code`'s catalogue (the project in `root` first); raise SourceError on a broken file.

    A language without a catalogue file translates nothing: every message counts as missing.
    """
    path = catalogue_file(code, root)
    if not path.is_file():
        return LoadedCatalogue(code, gettext.NullTranslations(), template_messages())
    display = _display(path, root)
    catalog = _read(path, code, display)
    problems = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = tuple(message.id) if isinstance(message.id, tuple | list) else (str(message.id),)
        strings = tuple(message.string) if isinstance(message.string, tuple | list) else (str(message.string),)
        wanted = set().union(*(placeholders(text) for text in ids))
        for text in strings:
            if text and placeholders(text) != wanted:
                lost, extra = sorted(wanted - placeholders(text)), sorted(placeholders(text) - wanted)
                what = "; ".join(part for part in (
                    f"lacks {', '.join('{' + name + '}' for name in lost)}" if lost else "",
                    f"has {', '.join('{' + name + '}' for name in extra)}, which the original does not"
                    if extra else "",
                ) if part)
                problems.append(Problem(display, message.lineno, None,
                                        f"the translation of {ids[0]!r} {what}; keep every placeholder as it is"))
    if problems:
        raise SourceError(problems)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    translated = {str(m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id and m.string
                  and not m.fuzzy and all(m.string if isinstance(m.string, tuple) else (m.string,))}
    missing = tuple(message for message in template_messages() if message not in translated)
    return LoadedCatalogue(code, gettext.GNUTranslations(buffer), missing)
