"""The "Åpningstider" page, its schema.org data, and the staffed intervals the status script reads."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..i18n.language import _
from ..web.clock import OSLO, day_end, utc_stamp
from ..web.emergency import EMERGENCY_NUMBERS
from ..web.norwegian import clock, english_weekday
from ..web.output import GeneratedFile, markdown_page
from ..web.render import render
from ..web.urls import DIRECTORY_INDEX, HELPLINES_PAGE, SiteUrls
from .closed_days import ClosedDays
from .desk import LISTED_AHEAD, STAFFED_DAYS_SHOWN, DeskHours, Interval
from .names import day_name
from .text import (
    CLOSED_NO_DATE,
    LINE_CLOSED_NO_DATE,
    closed_label,
    day_text,
    describe_rule,
    line_closed_label,
    line_open_label,
    open_label,
    span_text,
)

HOURS_PAGE = "apningstider.md"
HOURS_JSON = "assets/torget/hours.json"
DESK_NAME = "Pasient- og pårørendetorget"
HOSPITAL_NAME = "Nordlandssykehuset Bodø"


def hours_files(hours: DeskHours, closed_days: ClosedDays, urls: SiteUrls,
                lines: Mapping[str, Sequence[Interval]] | None = None) -> Iterator[GeneratedFile]:
    """The hours page and the status file; `lines` are helplines' answered intervals by status key."""
    yield GeneratedFile(HOURS_JSON, status_json(hours, lines or {}))  # per language: /en/assets/torget/hours.json
    yield hours_page(hours, closed_days, urls)


def status_json(hours: DeskHours, lines: Mapping[str, Sequence[Interval]] | None = None) -> str:
    """The staffed intervals of the next 12 months for the "Åpent nå" script (and the kiosk), and under
    `lines` each helpline's answered intervals (an element names its line in `data-torget-status`).

    Instants are UTC, so the reader needs no time-zone rules; each interval carries the two texts
    the status can show, made here, so the reader only picks: the first interval that has not
    ended gives `open` once it has started and `closed` before.
    """
    data = {
        "timezone": str(OSLO),
        "generated": utc_stamp(hours.now),
        "valid_until": utc_stamp(hours.until),
        "none_ahead": _(CLOSED_NO_DATE),
        "intervals": [
            {"start": utc_stamp(interval.start), "end": utc_stamp(interval.end),
             "open": open_label(interval), "closed": closed_label(interval)}
            for interval in hours.intervals
        ],
        "lines": {
            key: {
                "valid_until": utc_stamp(intervals[-1].end) if intervals else utc_stamp(hours.now),
                "none_ahead": _(LINE_CLOSED_NO_DATE),
                "intervals": [
                    {"start": utc_stamp(interval.start), "end": utc_stamp(interval.end),
                     "open": line_open_label(interval), "closed": line_closed_label(interval)}
                    for interval in intervals
                ],
            }
            for key, intervals in sorted((lines or {}).items())
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def hours_page(hours: DeskHours, closed_days: ClosedDays, urls: SiteUrls) -> GeneratedFile:
    days = list(_days_with_spans(hours))
    body = render(
        "hours.html",
        description=describe_rule(hours.rule, closed_days),
        days=days,
        shown=STAFFED_DAYS_SHOWN,
        changes=[
            (
                change,
                day_text(change.day),
                span_text(change.spans) if change.spans else None,
                day_name(change.reason) if change.reason else None,
                utc_stamp(day_end(change.day)),
            )
            for change in hours.changes
        ],
        directory=urls.link(HOURS_PAGE, DIRECTORY_INDEX),
        provisional_holidays=hours.rule.school_holidays_off and not closed_days.school.verified,
        helplines=urls.link(HOURS_PAGE, HELPLINES_PAGE),
        emergency=EMERGENCY_NUMBERS,
        built=day_text(hours.now.date()),
        json_ld=hours_json_ld(hours, urls.absolute(HOURS_PAGE)),
    )
    return markdown_page(
        HOURS_PAGE,
        _("Åpningstider"),
        body,
        description=_("Når Pasient- og pårørendetorget er bemannet, og når det er stengt."),
    )


def hours_json_ld(hours: DeskHours, page: str) -> dict[str, Any]:
    """schema.org Place with its usual week and the closures and changed days ahead."""
    regular = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{english_weekday(day)}" for day in weekly.weekdays],
            "opens": start,
            "closes": end,
        }
        for weekly in hours.rule.usual_week
        for start, end in weekly.spans
    ]
    special = []
    for change in hours.changes:
        spans = [(clock(span.start), clock(span.end)) for span in change.spans] or [("00:00", "00:00")]
        for opens, closes in spans:
            entry = {
                "@type": "OpeningHoursSpecification",
                "validFrom": change.day.isoformat(),
                "validThrough": change.day.isoformat(),
                "opens": opens,
                "closes": closes,
            }
            if change.reason:
                entry["description"] = change.reason
            special.append(entry)
    return {
        "@context": "https://schema.org",
        "@type": "Place",
        "name": DESK_NAME,
        "url": page,
        "containedInPlace": {"@type": "Hospital", "name": HOSPITAL_NAME},
        "openingHoursSpecification": regular,
        "specialOpeningHoursSpecification": special,
    }


def _days_with_spans(hours: DeskHours) -> Iterator[tuple[str, str, str]]:
    """(day text, times text, end of the day's last span in UTC) for the staffed days ahead."""
    for day, spans in hours.staffed_days(LISTED_AHEAD):
        yield day_text(day), span_text(spans), utc_stamp(spans[-1].end)
