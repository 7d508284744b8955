"""What visitors see of the events: the overview at /arrangementer/, the facts, dates and agenda added
to each event's own page (with schema.org JSON-LD), and the list on an organisation's page."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dateutil.relativedelta import relativedelta

from ..directory.load import Directory
from ..hours.names import day_name
from ..i18n.language import _, current
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
    world_day: bool = False


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
    current = [event for event in events.at_desk() if not event.is_over(today)]
    world_days = [
        (event, event.schedule.next_occurrence(today)) for event in events.world_days() if not event.is_over(today)
    ]
    body = render(
        "events.html",
        months=months,
        regular=[_listing(event, today) for event in current if event.spec.recurrence],
        later=[
            _listing(event, today) for event in current if not event.spec.recurrence and event.spec.first_day > last
        ],
        world_days=sorted(world_days, key=lambda pair: (pair[1].day.month, pair[1].day.day) if pair[1] else (13, 0)),
        related=lambda event: _organisations(event.spec.related, directory),
        feed=urls.file_link(OVERVIEW_PATH, ALL_EVENTS_FEED),
        link=lambda src_path: urls.link(OVERVIEW_PATH, src_path),
        organisation_path=organisation_path,
        item_label=upcoming_label,
        day_label=day_label,
    )
    return markdown_page(
        OVERVIEW_PATH,
        _("Arrangementer"),
        body,
        hide=("toc",),
        description=_("Det som skjer på Pasient- og pårørendetorget de neste tre månedene, og verdensdagene."),
    )


def _listing(event: Event, today: dt.date) -> EventListing:
    upcoming = event.schedule.next_occurrence(today)
    if upcoming is None:
        return EventListing(event.title, event.src_path, schedule_summary(event.spec), None)
    when = day_label(upcoming.day, year=upcoming.day.year != today.year)
    return EventListing(event.title, event.src_path, schedule_summary(event.spec), when, event.spec.world_day)


def organisation_events(events: Events, slug: str, today: dt.date) -> list[EventListing]:
    """The events an organisation arranges, then the world days whose theme it works with; those with dates
    ahead, soonest first."""
    listings = []
    for found in (events.by_organiser(slug), events.related_to(slug)):
        current = [(event, event.schedule.next_occurrence(today)) for event in found if not event.is_over(today)]
        current.sort(key=lambda pair: pair[1].day if pair[1] else dt.date.max)
        listings += [_listing(event, today) for event, _ in current]
    return listings


def _organisations(slugs: list[str], directory: Directory) -> list[Any]:
    found = [directory.organisation(slug) for slug in slugs]
    return [org for org in found if org is not None]


def _organisers(event: Event, directory: Directory) -> list[Any]:
    return _organisations(event.spec.organiser, directory)


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
        related=_organisations(spec.related, directory),
        org_link=lambda org: urls.link(here, organisation_path(org)),
        feed=urls.file_link(here, event.feed_path),
        overview=urls.link(here, OVERVIEW_PATH),
        **context,
    )
    dates = render(
        "event_schedule.html",
        dates=sorted([*shown, *cancelled], key=lambda entry: entry.day),
        is_cancellation=lambda entry: isinstance(entry, Cancellation),
        occurrence_label=_occurrence_label,
        agenda=_agenda(event),
        day_label=day_label,
        day_name=day_name,
        overview=urls.link(here, OVERVIEW_PATH),
        qr_image=urls.file_link(here, page_qr(event.src_path, urls).svg),
        json_ld=event_json_ld(event, directory, urls, today),
        **context,
    )
    return facts.strip(), dates.strip()


def _occurrence_label(occurrence: Occurrence) -> str:
    """"tirsdag 24. november 2026, kl. 12:00–14:00", with the date it was moved from when it was."""
    when = ", ".join(part for part in (day_label(occurrence.day, year=True), time_span(occurrence)) if part)
    if occurrence.moved_from is None:
        return when
    return _("{when} (flyttet fra {day})").format(when=when, day=day_label(occurrence.moved_from))


def _agenda(event: Event) -> list[tuple[str, str]]:
    """(from–to, item) for each point; each point lasts until the next one, the last until the event ends."""
    spec = event.spec
    if not spec.agenda or spec.end_time is None:
        return []
    ends = [item.time for item in spec.agenda[1:]] + [spec.end_time]
    return [(f"{clock(item.time)}–{clock(end)}", words)
            for item, words, end in zip(spec.agenda, event.agenda_items, ends, strict=True)]


def event_json_ld(event: Event, directory: Directory, urls: SiteUrls, today: dt.date) -> dict[str, Any] | None:
    """schema.org Event for the next meeting (or the last, once over), with its Schedule when it repeats;
    None for a world day, which is a date and not an event anyone holds at a place."""
    spec, schedule = event.spec, event.schedule
    if spec.world_day:
        return None
    upcoming = schedule.next_occurrence(today)
    shown = upcoming or _last_occurrence(event)
    organisers = [
        {"@type": "Organization", "name": org.name, "url": urls.absolute(organisation_path(org))}
        for org in _organisers(event, directory)
    ]
    if event.host:
        organisers.append({"@type": "Organization", "name": event.host})
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary or schedule_summary(spec),
        "url": urls.absolute(event.src_path),
        "startDate": _moment(shown, start=True),
        "endDate": _moment(shown, start=False),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": event.location},
        "organizer": organisers or None,
        "inLanguage": current(),
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
