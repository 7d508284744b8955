"""The shift plan's outputs: `/ledige-vakter/`, the data the «I dag på torget» script reads, and an
organisation's next shift."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..directory.load import Directory
from ..hours.text import day_text, span_text
from ..i18n.language import N_, _
from ..web.clock import OSLO, utc_stamp
from ..web.output import GeneratedFile, markdown_page
from ..web.render import render
from ..web.urls import SiteUrls, organisation_page, organisation_path
from .model import ShiftDay, ShiftPlan
from .text import (
    TODAY_LEAD,
    ahead_lead,
    needs_text,
    next_shift_text,
    short_name,
    volunteers_lead,
)

SHIFTS_PAGE = "ledige-vakter/index.md"
SHIFTS_JSON = "assets/torget/shifts.json"
ALL_SHIFTS_FEED = "ledige-vakter/vakter.ics"
VOLUNTEER_PAGE = "bli-frivillig.md"
LMS_NAME = N_("Lærings- og mestringssenteret (LMS)")
LMS_EMAIL = "lmsenter@nlsh.no"
LMS_PHONE = "75 57 00 14"
"""LMS's e-mail and phone as the volunteers' brochure prints them (seed 000)."""


def organisation_feed(slug: str) -> str:
    """The calendar of the shifts one organisation has taken: `ledige-vakter/<slug>.ics`."""
    return f"ledige-vakter/{slug}.ics"


@dataclass(frozen=True)
class NextShift:
    """One line for an organisation's page; the status script hides it once `ends` has passed."""

    text: str
    ends: str


def status_json(plan: ShiftPlan | None, directory: Directory, urls: SiteUrls) -> str:
    """The staffed days up to the plan's last shift, for the «I dag på torget» script.

    Each day carries its start and the end of its last staffed span as UTC instants, and the two
    texts (as parts, links site-relative) it can show: `today` from its start to that end, and
    `ahead` before it. A day without an organisation on the plan has neither, and nothing is
    shown; with no plan the list is empty.
    """
    days = []
    for day in plan.planned_days() if plan else []:
        names = _name_parts(directory, day.organisations, urls)
        days.append(
            {
                "from": utc_stamp(dt.datetime.combine(day.day, dt.time(), OSLO)),
                "until": utc_stamp(day.ends),
                "today": [{"text": _(TODAY_LEAD) + volunteers_lead(len(day.organisations))}, *names] if names else None,
                "ahead": [{"text": ahead_lead(day) + volunteers_lead(len(day.organisations))}, *names]
                if names
                else None,
            }
        )
    return json.dumps({"days": days}, ensure_ascii=False, indent=1) + "\n"


def _name_parts(directory: Directory, slugs: tuple[str, ...], urls: SiteUrls) -> list[dict[str, str]]:
    """ "Kreftforeningen", " og ", "LHL": each name a link to its page (site-relative)."""
    parts: list[dict[str, str]] = []
    orgs = [org for slug in slugs if (org := directory.organisation(slug))]
    for index, org in enumerate(orgs):
        if index:
            parts.append({"text": " og " if index == len(orgs) - 1 else ", "})
        parts.append({"text": short_name(org), "url": urls.page(organisation_path(org))})
    return parts


@dataclass(frozen=True)
class OrganisationShifts:
    """What an organisation's page says about its shifts: the next ones, the plan, its calendar.

    The links are relative to the organisation's page.
    """

    upcoming: tuple[NextShift, ...]
    page_link: str
    feed_link: str


def organisation_shifts(plan: ShiftPlan | None, slug: str, urls: SiteUrls) -> OrganisationShifts | None:
    """An organisation's shifts ahead for its page, or None when it has none.

    Every shift ahead is listed; the status script shows the first that has not ended, so a page
    built last week names the right shift today.
    """
    taken = plan.of_organisation(slug) if plan else []
    if not taken:
        return None
    here = organisation_page(slug)
    return OrganisationShifts(
        upcoming=tuple(NextShift(next_shift_text(day, role), utc_stamp(day.ends)) for day, role in taken),
        page_link=urls.link(here, SHIFTS_PAGE),
        feed_link=urls.file_link(here, organisation_feed(slug)),
    )


def shifts_page(plan: ShiftPlan | None, directory: Directory, urls: SiteUrls) -> GeneratedFile:
    here = SHIFTS_PAGE

    def link(slug: str) -> tuple[str, str] | None:
        org = directory.organisation(slug)
        return (short_name(org), urls.link(here, organisation_path(org))) if org else None

    days = [_row(day, link) for day in plan.days] if plan else []
    taking_part = sorted(
        {slug for day in plan.days for slug in (*day.organisations, day.reserve) if slug} if plan else set()
    )
    feeds = [
        (name, urls.file_link(here, organisation_feed(slug)))
        for slug in taking_part
        if (org := directory.organisation(slug))
        for name in [short_name(org)]
    ]
    body = render(
        "shifts.html",
        days=days,
        has_plan=bool(plan),
        all_feed=urls.file_link(here, ALL_SHIFTS_FEED),
        feeds=sorted(feeds),
        volunteer_page=urls.link(here, VOLUNTEER_PAGE),
        lms_name=LMS_NAME,
        lms_email=LMS_EMAIL,
        lms_phone=LMS_PHONE,
    )
    return markdown_page(
        SHIFTS_PAGE,
        _("Ledige vakter"),
        body,
        description=_("Vaktene på Pasient- og pårørendetorget som mangler frivillige, og hvordan du tar en vakt."),
    )


def _row(day: ShiftDay, link: Callable[[str], tuple[str, str] | None]) -> dict[str, Any]:
    return {
        "day": day_text(day.day),
        "times": span_text(day.spans),
        "on_duty": [found for slug in day.organisations if (found := link(slug))],
        "reserve": link(day.reserve) if day.reserve else None,
        "needs": needs_text(day),
        "ends": utc_stamp(day.ends),
    }


def shift_files(plan: ShiftPlan | None, directory: Directory, urls: SiteUrls) -> Iterator[GeneratedFile]:
    yield GeneratedFile(SHIFTS_JSON, status_json(plan, directory, urls))
    yield shifts_page(plan, directory, urls)
