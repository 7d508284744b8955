"""The «Hjelpetelefoner» page: every organisation's helplines, beside the emergency numbers."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n.language import _, pick
from ..web.emergency import EMERGENCY_NUMBERS
from ..web.output import GeneratedFile, markdown_page
from ..web.render import render
from ..web.text import sort_key
from ..web.urls import DIRECTORY_INDEX, HELPLINES_PAGE, SiteUrls, organisation_path, tel_uri
from .glance import Reach, helpline_reach
from .load import Directory
from .model import Helpline, Organisation


@dataclass(frozen=True)
class HelplineEntry:
    """One number, with the organisations that list it; details come from the first that gives each."""

    name: str
    reach: list[Reach]
    hours: str | None
    answered_by: str | None
    description: str | None
    organisations: list[Organisation]
    lang: dict[str, str | None] | None = None
    """The language of each text field ("nb" where the line has no translation into the page's language)."""


def helpline_entries(directory: Directory) -> list[HelplineEntry]:
    """Every helpline in the directory, one entry per number, A–Å by the line's name."""
    by_number: dict[str, list[tuple[Helpline, Organisation]]] = {}
    for org in directory.organisations:
        for line in org.helplines:
            by_number.setdefault(tel_uri(line.phone) or line.phone, []).append((line, org))
    entries = []
    for listed in by_number.values():
        lines = [line for line, _ in listed]
        first = lines[0]
        texts: dict[str, str | None] = {}
        langs: dict[str, str | None] = {}
        for field in ("name", "answered_by", "description"):
            given = next((line for line in lines if getattr(line, field)), None)
            if given is not None:
                texts[field], langs[field] = pick(getattr(given, field), given.translations, field)
            else:
                texts[field], langs[field] = None, None
        entries.append(HelplineEntry(
            name=texts["name"] or first.name,
            reach=helpline_reach(first),
            hours=next((line.hours for line in lines if line.hours), None),
            answered_by=texts["answered_by"],
            description=texts["description"],
            organisations=[org for _org_line, org in listed],
            lang=langs,
        ))
    return sorted(entries, key=lambda entry: sort_key(entry.name))


def helplines_page(directory: Directory, urls: SiteUrls) -> GeneratedFile:
    body = render(
        "helplines.html",
        emergency=EMERGENCY_NUMBERS,
        entries=helpline_entries(directory),
        link=lambda org: urls.link(HELPLINES_PAGE, organisation_path(org)),
        directory=urls.link(HELPLINES_PAGE, DIRECTORY_INDEX),
    )
    return markdown_page(HELPLINES_PAGE, _("Hjelpetelefoner"), body,
                         description=_("Telefoner du kan ringe for å snakke med noen eller få råd, og nødnumrene."))
