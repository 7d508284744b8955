"""The Jinja environment for HTML the core renders: autoescaped, so YAML text is never markup."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..directory.contact import tel_uri
from .text import date_nb


def json_ld(data: dict[str, Any]) -> Markup:
    """JSON for a `<script type="application/ld+json">`; `<` is escaped so text cannot close the script."""
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("<", "\\u003c")
    return Markup(text)


def web_label(url: str) -> str:
    """https://www.melanom.no/om-oss -> melanom.no/om-oss"""
    label = url.split("://", 1)[-1].removeprefix("www.")
    return label.rstrip("/")


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("site_plugins", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(tel=tel_uri, date_nb=date_nb, web_label=web_label, json_ld=json_ld)
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
