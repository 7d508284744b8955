"""Helplines in order of need: lines answered day and night first, then the others by who they are for.

One order and one way of telling a line's hours serve the «Hjelpetelefoner» page, each organisation's
page and the kiosk. A line whose source gives its hours carries a status key: the build writes its
answered intervals into the status file (`line_schedules`), and the same script that says whether the
desk is open says «Åpen nå» or «Stengt nå – åpner …» for the line when the page is viewed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..hours.desk import Interval
from ..hours.text import span_text, weekdays_text
from ..i18n.language import N_, _, pick
from ..web.clock import OSLO
from ..web.emergency import EMERGENCY_NUMBERS
from ..web.norwegian import join_and
from ..web.output import GeneratedFile, markdown_page
from ..web.render import render
from ..web.text import sort_key
from ..web.urls import DIRECTORY_INDEX, HELPLINES_PAGE, SiteUrls, organisation_path, tel_uri
from .glance import Reach, helpline_reach
from .line_hours import LineHours, line_hours
from .load import Directory
from .model import Category, Helpline, Organisation

ALWAYS_OPEN = N_("Åpen hele døgnet")
HOURS_UNKNOWN = N_("Åpningstiden er ikke kjent. Ring og prøv, eller se nettsiden.")
ALWAYS_HEADING = N_("Åpne hele døgnet")
LINE_HORIZON_DAYS = 92
"""A line's intervals cover the next three months (the desk's cover a year): enough between two builds,
and small enough that the status file stays light on a phone."""


@dataclass(frozen=True)
class LineView:
    """One helpline as every page shows it: how to reach it, when it answers, and its live status key."""

    name: str
    reach: list[Reach]
    hours_text: str
    """«Åpen hele døgnet», «Åpen mandager kl. 15:00–16:00», or that the hours are not known."""
    hours_note: str | None
    status_key: str | None
    """Where the status script finds the line's intervals; None when it is always open or its hours are unknown."""
    always: bool
    theme: Category
    description: str | None
    answered_by: str | None
    lang: dict[str, str | None]
    """The language of `name`, `description` and `answered_by` where it is not the page's ("nb": no translation)."""


@dataclass(frozen=True)
class HelplineEntry:
    """One number on the helplines page, with the organisations that list it."""

    line: LineView
    organisations: list[Organisation]


@dataclass(frozen=True)
class HelplineGroup:
    heading: str
    anchor: str
    entries: list[HelplineEntry]


def status_key(phone: str) -> str:
    """The key of a number's intervals in the status file: `line-` and its digits."""
    uri = tel_uri(phone) or phone
    return "line-" + "".join(char for char in uri if char.isdigit())


def hours_text(hours: LineHours | None) -> str:
    """When a line answers, in a sentence fragment a visitor reads beside the number."""
    if hours is None:
        return _(HOURS_UNKNOWN)
    if hours.always:
        return _(ALWAYS_OPEN)
    week = join_and([f"{weekdays_text(part.weekdays)} {span_text(part.spans)}" for part in hours.week])
    if hours.public_holidays_off:
        return _("Åpen {week}, men ikke på helligdager.").format(week=week)
    return _("Åpen {week}.").format(week=week)


def line_view(line: Helpline, org: Organisation, directory: Directory, given: Sequence[Helpline] = ()) -> LineView:
    """`line` as pages show it; `given` are other listings of the same number, whose texts fill in the gaps."""
    hours = line_hours(line.hours) if line.hours else None
    always = bool(hours and hours.always)
    texts: dict[str, str | None] = {}
    langs: dict[str, str | None] = {}
    for field in ("name", "description", "answered_by"):
        source = next((each for each in (line, *given) if getattr(each, field)), None)
        texts[field], langs[field] = (pick(getattr(source, field), source.translations, field) if source
                                      else (None, None))
    return LineView(
        name=texts["name"] or line.name,
        reach=helpline_reach(line),
        hours_text=hours_text(hours),
        hours_note=line.hours_note,
        status_key=status_key(line.phone) if hours and not always else None,
        always=always,
        theme=directory.category(line.theme or org.categories[0]),
        description=texts["description"],
        answered_by=texts["answered_by"],
        lang=langs,
    )


NEED_FIRST = ("Pårørende", "Psykisk helse", "Rus", "Kreft", "Barn og unge")
"""The themes whose lines come first, in this order: an editorial choice for a desk for patients and relatives
(relatives, mental health, drugs and alcohol, cancer, children and young people); the other themes follow in the
vocabulary's order."""


def need_order(directory: Directory) -> list[Category]:
    """The themes in the order the helpline groups follow."""
    first = [category for name in NEED_FIRST for category in directory.categories if category.name == name]
    return [*first, *(category for category in directory.categories if category not in first)]


def organisation_lines(org: Organisation, directory: Directory) -> list[LineView]:
    """An organisation's own lines for its page and kiosk card: day and night first, then as the file lists them."""
    views = [line_view(line, org, directory) for line in org.helplines]
    return sorted(views, key=lambda view: not view.always)


def helpline_entries(directory: Directory) -> list[HelplineEntry]:
    """Every helpline in the directory, one entry per number; details come from the first listing that gives each."""
    by_number: dict[str, list[tuple[Helpline, Organisation]]] = {}
    for org in directory.organisations:
        for line in org.helplines:
            by_number.setdefault(tel_uri(line.phone) or line.phone, []).append((line, org))
    entries = []
    for listed in by_number.values():
        first_line, first_org = next(((line, org) for line, org in listed if line.hours), listed[0])
        view = line_view(first_line, first_org, directory, [line for line, _org in listed])
        entries.append(HelplineEntry(view, [org for _line, org in listed]))
    return entries


def helpline_groups(directory: Directory) -> list[HelplineGroup]:
    """Lines answered day and night first; then one group per theme, in the vocabulary's order; A–Å inside each."""
    entries = sorted(helpline_entries(directory), key=lambda entry: sort_key(entry.line.name))
    groups = []
    always = [entry for entry in entries if entry.line.always]
    if always:
        groups.append(HelplineGroup(_(ALWAYS_HEADING), "hele-dognet", always))
    others = [entry for entry in entries if not entry.line.always]
    for theme in need_order(directory):
        members = [entry for entry in others if entry.line.theme == theme]
        if members:
            groups.append(HelplineGroup(pick(theme.name, theme.translations, "name")[0], f"for-{theme.slug}", members))
    return groups


def line_schedules(directory: Directory, now: dt.datetime) -> dict[str, list[Interval]]:
    """Each line with known hours (not day and night): its answered intervals for the next three months."""
    now = now.astimezone(OSLO)
    start = dt.datetime.combine(now.date(), dt.time(), OSLO)
    until = start + dt.timedelta(days=LINE_HORIZON_DAYS)
    schedules: dict[str, list[Interval]] = {}
    for org in directory.organisations:
        for line in org.helplines:
            if not line.hours or status_key(line.phone) in schedules:
                continue
            hours = line_hours(line.hours)
            if not hours.always:
                schedules[status_key(line.phone)] = [Interval(a, b) for a, b in hours.intervals(start, until)]
    return schedules


def helplines_page(directory: Directory, urls: SiteUrls) -> GeneratedFile:
    body = render(
        "helplines.html",
        emergency=EMERGENCY_NUMBERS,
        groups=helpline_groups(directory),
        link=lambda org: urls.link(HELPLINES_PAGE, organisation_path(org)),
        directory=urls.link(HELPLINES_PAGE, DIRECTORY_INDEX),
    )
    return markdown_page(HELPLINES_PAGE, _("Hjelpetelefoner"), body,
                         description=_("Telefoner du kan ringe for å snakke med noen eller få råd, og nødnumrene."))
