"""The Jinja environment for HTML the core renders: autoescaped, so YAML text is never markup."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from ..i18n import language
from .norwegian import date_nb
from .urls import tel_uri


def script_json(data: Any, *, indent: int | None = None) -> Markup:
    """JSON to put inside a `<script>` (JSON-LD, a page's data); `<` is escaped so text cannot close the script.

    Without `indent` it is written compactly.
    """
    separators = None if indent is not None else (",", ":")
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
    return Markup(text.replace("<", "\\u003c"))


def json_ld(data: dict[str, Any]) -> Markup:
    """JSON for a `<script type="application/ld+json">`, one field a line."""
    return script_json(data, indent=1)


def web_label(url: str) -> str:
    """https://www.melanom.no/om-oss -> melanom.no/om-oss"""
    label = url.split("://", 1)[-1].removeprefix("www.")
    return label.rstrip("/")


def translated(item: Any, field: str) -> Markup:
    """`item.field` in the page's language, from `item.translations`; else the bokmål text in `<span lang="nb">`,
    so a screen reader reads it as bokmål."""
    text, lang = language.pick(getattr(item, field) or "", getattr(item, "translations", None), field)
    return Markup(f'<span lang="{lang}">{escape(text)}</span>') if lang else escape(text)


def translated_text(item: Any, field: str) -> str:
    """`item.field` in the page's language, or in bokmål, as plain text (for attributes, titles and options)."""
    return language.pick(getattr(item, field) or "", getattr(item, "translations", None), field)[0]


def in_language(text: str, lang: str | None) -> Markup:
    """`text`, marked `lang` when it is not in the page's language."""
    return Markup(f'<span lang="{lang}">{escape(text)}</span>') if lang else escape(text)


def bokmal(text: str) -> Markup:
    """Text that is always bokmål (keywords, names), marked so on a page in another language."""
    return in_language(text, None if language.current() == language.SOURCE_LANGUAGE else language.SOURCE_LANGUAGE)


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("site_plugins", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    # `{% trans %}` and `_()` read the catalogue of the language being rendered (i18n.language.use_language).
    env.install_gettext_callables(gettext=language.gettext, ngettext=language.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(tel=tel_uri, date_nb=date_nb, web_label=web_label, json_ld=json_ld, in_language=in_language,
                       bokmal=bokmal)
    env.globals.update(tr=translated, tr_text=translated_text)
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
