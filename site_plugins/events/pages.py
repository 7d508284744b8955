"""What visitors see of the events: the overview at /arrangementer/, the facts, dates and agenda added
to each event's own page (with schema.org JSON-LD), and the list on an organisation's page."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from dateutil.relativedelta import relativedelta

from ..directory.load import Directory
from ..web.clock import OSLO, oslo_date
from ..web.norwegian import clock, english_weekday, month_text
from ..web.output import GeneratedFile, markdown_page
from ..web.qr import page_qr
from ..web.render import render
from ..web.urls import SiteUrls, organisation_path
from .feeds import event_feed_files
from .load import ALL_EVENTS_FEED, OVERVIEW_PATH, Event, Events
from .recurrence import Cancellation, Occurrence
from .text import day_label, schedule_summary, time_span, upcoming_label

OVERVIEW_MONTHS = 3
NEXT_DATES = 6
_FIRST_H1 = re.compile(r"^# .+$", re.MULTILINE)


@dataclass(frozen=True)
class EventListing:
    """An event as a line in a list: its page, rhythm and next date."""

    title: str
    src_path: str
    summary: str
    next: str | None


def event_files(
    events: Events, directory: Directory, urls: SiteUrls, today: dt.date, now: dt.datetime
) -> Iterator[GeneratedFile]:
    """The overview page and the calendar feeds (event pages themselves are the editors' Markdown)."""
    yield overview_page(events, directory, today, urls)
    yield from event_feed_files(events, urls, today, now)


def overview_window(today: dt.date) -> tuple[dt.date, dt.date]:
    """From `today` up to the day before the same date three months later."""
    return today, today + relativedelta(months=OVERVIEW_MONTHS) - dt.timedelta(days=1)


def overview_page(events: Events, directory: Directory, today: dt.date, urls: SiteUrls) -> GeneratedFile:
    first, last = overview_window(today)
    occurrences = events.occurrences(first, last)
    months = []
    cursor = dt.date(first.year, first.month, 1)
    while cursor <= last:
        items = [item for item in occurrences if (item.day.year, item.day.month) == (cursor.year, cursor.month)]
        months.append({"label": month_text(cursor.year, cursor.month), "anchor": f"{cursor:%Y-%m}", "entries": items})
        cursor += relativedelta(months=1)
    current = [event for event in events if not event.is_over(today)]
    body = render(
        "events.html",
        months=months,
        regular=[_listing(event, today) for event in current if event.spec.recurrence and not event.spec.world_day],
        later=[
            _listing(event, today) for event in current if not event.spec.recurrence and event.spec.first_day > last
        ],
        world_days=sorted(
            ((event, event.schedule.next_occurrence(today)) for event in current if event.spec.world_day),
            key=lambda pair: (pair[1].day.month, pair[1].day.day) if pair[1] else (13, 0),
        ),
        organisers=lambda event: _organisers(event, directory),
        feed=urls.file_link(OVERVIEW_PATH, ALL_EVENTS_FEED),
        link=lambda src_path: urls.link(OVERVIEW_PATH, src_path),
        organisation_path=organisation_path,
        item_label=upcoming_label,
        day_label=day_label,
    )
    return markdown_page(
        OVERVIEW_PATH,
        "Arrangementer",
        body,
        hide=("toc",),
        description="Kafétreff, dialogmøter og verdensdager på Pasient- og pårørendetorget de neste tre månedene.",
    )


def _listing(event: Event, today: dt.date) -> EventListing:
    upcoming = event.schedule.next_occurrence(today)
    if upcoming is None:
        return EventListing(event.spec.title, event.src_path, schedule_summary(event.spec), None)
    year = upcoming.day.year != today.year
    when = day_label(upcoming.day, year=year)
    if upcoming.moved_from is not None and event.spec.world_day:
        when = f"{day_label(upcoming.moved_from, year=year)} (markeres {day_label(upcoming.day)})"
    return EventListing(event.spec.title, event.src_path, schedule_summary(event.spec), when)


def organisation_events(events: Events, slug: str, today: dt.date) -> list[EventListing]:
    """The events an organisation arranges or marks that still have dates ahead, soonest first."""
    current = [
        (event, event.schedule.next_occurrence(today))
        for event in events.by_organiser(slug)
        if not event.is_over(today)
    ]
    current.sort(key=lambda pair: pair[1].day if pair[1] else dt.date.max)
    return [_listing(event, today) for event, _ in current]


def _organisers(event: Event, directory: Directory) -> list[Any]:
    found = [directory.organisation(slug) for slug in event.spec.organiser]
    return [org for org in found if org is not None]


def event_page_markdown(markdown: str, event: Event, directory: Directory, urls: SiteUrls, now: dt.datetime) -> str:
    """The event page's Markdown with its facts and calendar link after the first heading (or at the top),
    and its next dates, agenda and JSON-LD after the editor's text."""
    facts, schedule = event_details(event, directory, urls, oslo_date(now))
    heading = _FIRST_H1.search(markdown)
    split = heading.end() if heading else 0
    before, after = markdown[:split], markdown[split:].strip("\n")
    return "\n\n".join(part for part in (before, facts, after, schedule) if part) + "\n"


def event_details(event: Event, directory: Directory, urls: SiteUrls, today: dt.date) -> tuple[str, str]:
    """(facts, schedule): what, where, who and the calendar link; then the next dates, agenda and JSON-LD."""
    spec, schedule = event.spec, event.schedule
    shown = schedule.occurrences(today, today + dt.timedelta(days=800))[:NEXT_DATES]
    cancelled: list[Cancellation] = schedule.cancellations(today, shown[-1].day) if shown else []
    here = event.src_path
    context = {"event": event, "over": event.is_over(today)}
    facts = render(
        "event.html",
        summary=schedule_summary(spec),
        organisers=_organisers(event, directory),
        org_link=lambda org: urls.link(here, organisation_path(org)),
        feed=urls.file_link(here, event.feed_path),
        **context,
    )
    dates = render(
        "event_schedule.html",
        dates=sorted([*shown, *cancelled], key=lambda entry: entry.day),
        is_cancellation=lambda entry: isinstance(entry, Cancellation),
        occurrence_label=_occurrence_label(event),
        agenda=_agenda(event),
        day_label=day_label,
        overview=urls.link(here, OVERVIEW_PATH),
        qr_image=urls.file_link(here, page_qr(event.src_path, urls).svg),
        json_ld=event_json_ld(event, directory, urls, today),
        **context,
    )
    return facts.strip(), dates.strip()


def _occurrence_label(event: Event) -> Callable[[Occurrence], str]:
    def label(occurrence: Occurrence) -> str:
        when = ", ".join(part for part in (day_label(occurrence.day, year=True), time_span(occurrence)) if part)
        if occurrence.moved_from is None:
            return when
        if event.spec.world_day:
            return f"{when}: markeres denne dagen (selve dagen er {day_label(occurrence.moved_from)})"
        return f"{when} (flyttet fra {day_label(occurrence.moved_from)})"

    return label


def _agenda(event: Event) -> list[tuple[str, str]]:
    """(from–to, item) for each point; each point lasts until the next one, the last until the event ends."""
    spec = event.spec
    if not spec.agenda or spec.end_time is None:
        return []
    ends = [item.time for item in spec.agenda[1:]] + [spec.end_time]
    return [(f"{clock(item.time)}–{clock(end)}", item.item) for item, end in zip(spec.agenda, ends, strict=True)]


def event_json_ld(event: Event, directory: Directory, urls: SiteUrls, today: dt.date) -> dict[str, Any]:
    """schema.org Event for the next meeting (or the last, once over), with its Schedule when it repeats."""
    spec, schedule = event.spec, event.schedule
    upcoming = schedule.next_occurrence(today)
    shown = upcoming or _last_occurrence(event)
    organisers = [
        {"@type": "Organization", "name": org.name, "url": urls.absolute(organisation_path(org))}
        for org in _organisers(event, directory)
    ]
    if spec.host:
        organisers.append({"@type": "Organization", "name": spec.host})
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": spec.title,
        "description": event.description or schedule_summary(spec),
        "url": urls.absolute(event.src_path),
        "startDate": _moment(shown, start=True),
        "endDate": _moment(shown, start=False),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": spec.location},
        "organizer": organisers or None,
        "inLanguage": "nb",
        "isAccessibleForFree": True,
        "eventSchedule": _schedule(event, today),
    }
    return {key: value for key, value in data.items() if value is not None}


def _last_occurrence(event: Event) -> Occurrence | None:
    last = event.schedule.last_day
    found = event.schedule.occurrences(event.spec.first_day, last) if last else []
    return found[-1] if found else None


def _moment(occurrence: Occurrence | None, *, start: bool) -> str | None:
    if occurrence is None:
        return None
    moment = occurrence.start if start else occurrence.end
    if moment is not None:
        return moment.isoformat()
    return occurrence.day.isoformat()


def _schedule(event: Event, today: dt.date) -> dict[str, Any] | None:
    spec, recurrence = event.spec, event.spec.recurrence
    if recurrence is None:
        return None
    unit = {"weekly": "W", "monthly": "M", "yearly": "Y"}[recurrence.frequency]
    data: dict[str, Any] = {
        "@type": "Schedule",
        "repeatFrequency": f"P{recurrence.interval}{unit}",
        "startDate": spec.first_day.isoformat(),
        "endDate": recurrence.until.isoformat() if recurrence.until else None,
        "scheduleTimezone": str(OSLO),
    }
    if spec.start_time is not None and spec.end_time is not None:
        data["startTime"] = clock(spec.start_time)
        data["endTime"] = clock(spec.end_time)
    if recurrence.frequency in ("weekly", "monthly") and (
        recurrence.frequency == "weekly" or recurrence.weekday_of_month
    ):
        data["byDay"] = f"https://schema.org/{english_weekday(spec.first_day.weekday())}"
    if recurrence.weekday_of_month:
        data["byMonthWeek"] = recurrence.weekday_of_month
    if recurrence.frequency == "yearly":
        data["byMonth"] = spec.first_day.month
        data["byMonthDay"] = spec.first_day.day
    skipped = event.schedule.cancellations(today, today + dt.timedelta(days=366))
    if skipped:
        data["exceptDate"] = [cancellation.day.isoformat() for cancellation in skipped]
    return {key: value for key, value in data.items() if value is not None}
