"""Calendar feeds (RFC 5545), made with the `icalendar` library: one per event and one for all events.

A series is written as one VEVENT with an RRULE in Europe/Oslo local time (so 12:00 stays 12:00
across summer time), EXDATEs of the same value type as DTSTART for the dates it skips, and one
overriding VEVENT (RECURRENCE-ID) per moved date. UIDs come from the page's source path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import cache
from urllib.parse import urlsplit

import icalendar

from ..i18n.language import N_, _, current
from ..web.clock import OSLO
from ..web.norwegian import clock
from ..web.output import GeneratedFile
from ..web.urls import SiteUrls
from .load import ALL_EVENTS_FEED, Event, Events
from .recurrence import Occurrence
from .text import day_label, schedule_summary

PRODID = "-//Pasient- og pårørendetorget//torget//{language}"
SITE_NAME = N_("Pasient- og pårørendetorget")
"""The desk's name in the feeds' names, in the language being rendered."""
# Skipped holidays are written out this far ahead; later ones follow in the feeds of later builds.
EXCEPTIONS_AHEAD = dt.timedelta(days=2 * 366)
TIMEZONE_YEARS_AHEAD = 10
_ICAL_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_NAME = "x-wr-calname"
"""The feed's name, the calendar's title in a subscriber's calendar app."""


def event_feed_files(events: Events, urls: SiteUrls, today: dt.date, now: dt.datetime) -> Iterator[GeneratedFile]:
    """`<page>.ics` for every event and world day, and `arrangementer/alle.ics` with the events at the desk."""
    for event in events:
        yield GeneratedFile(
            event.feed_path, calendar([event], f"{_(SITE_NAME)}: {event.title}", urls, today, now).to_ical()
        )
    desk = calendar(events.at_desk(), _("{site}: arrangementer").format(site=_(SITE_NAME)), urls, today, now)
    yield GeneratedFile(ALL_EVENTS_FEED, desk.to_ical())


def calendar(
    events: Iterable[Event], name: str, urls: SiteUrls, today: dt.date, now: dt.datetime
) -> icalendar.Calendar:
    """A VCALENDAR with every event in `events`; `now` is the DTSTAMP."""
    cal = feed_calendar(name)
    stamp = dtstamp(now)
    first_years = []
    for event in events:
        first_years.append(event.spec.first_day.year)
        for component in event_components(event, urls, today, stamp):
            cal.add_component(component)
    if first_years:
        add_timezones(cal, min(first_years), today)
    return cal


def feed_calendar(name: str) -> icalendar.Calendar:
    """An empty VCALENDAR named `name` that subscribers refresh daily; every feed of the site starts so."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID.format(language=current().upper()))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add(_NAME, name)
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    return cal


def empty_feed(name: str) -> bytes:
    """`feed_calendar(name).to_ical()`, the same bytes, without building a calendar for each name.

    A feed with no events is the same but for its name's line, which icalendar escapes and folds
    here as in a whole calendar. The shift plan writes one such feed per organisation.
    """
    before, after = _empty_feed_around_name()
    return before + _name_line(name) + after


def _name_line(name: str) -> bytes:
    """The feed's name as icalendar writes its content line (escaped, folded at 75 octets)."""
    holder = icalendar.Calendar()
    holder.add(_NAME, name)
    return bytes(holder.content_line(_NAME.upper(), holder[_NAME]).to_ical())


@cache
def _empty_feed_around_name() -> tuple[bytes, bytes]:
    """An empty feed as icalendar writes it, split around its name's line."""
    stand_in = "x"
    before, line, after = feed_calendar(stand_in).to_ical().partition(b"\r\n" + _name_line(stand_in) + b"\r\n")
    if not line:
        raise RuntimeError("icalendar wrote the feed's name in a form this module does not know")
    return before + b"\r\n", b"\r\n" + after


def dtstamp(now: dt.datetime) -> dt.datetime:
    """The build time as DTSTAMP: UTC, whole seconds."""
    return now.astimezone(dt.timezone.utc).replace(microsecond=0)


def add_timezones(cal: icalendar.Calendar, first_year: int, today: dt.date) -> None:
    """The VTIMEZONE of every TZID used (Europe/Oslo), from `first_year` to ten years ahead."""
    cal.add_missing_timezones(
        first_date=dt.date(first_year, 1, 1), last_date=dt.date(today.year + TIMEZONE_YEARS_AHEAD, 1, 1)
    )


def feed_uid(name: str, site_url: str) -> str:
    """A UID that is the same in every build: a name unique within the site, at the site's host."""
    return f"{name}@{urlsplit(site_url).hostname or 'localhost'}"


def event_components(event: Event, urls: SiteUrls, today: dt.date, stamp: dt.datetime) -> list[icalendar.Event]:
    """The series' VEVENT, then one VEVENT per moved date."""
    spec, schedule = event.spec, event.schedule
    master = _vevent(event, urls, stamp, _series_occurrence(event, spec.first_day))
    if spec.recurrence is not None:
        master.add("rrule", _rrule(event))
        horizon = max([today + EXCEPTIONS_AHEAD, *schedule.cancelled])
        for cancellation in schedule.cancellations(spec.first_day, horizon):
            master.add("exdate", _value(event, cancellation.day))
    components = [master]
    for original, moved_to in sorted(schedule.moved.items()):
        occurrence = _series_occurrence(event, moved_to, moved_from=original)
        override = _vevent(event, urls, stamp, occurrence)
        override.add("recurrence-id", _value(event, original))
        components.append(override)
    return components


def _series_occurrence(event: Event, day: dt.date, moved_from: dt.date | None = None) -> Occurrence:
    return Occurrence(day, event.spec.start_time, event.spec.end_time, moved_from)


def _value(event: Event, day: dt.date) -> dt.date | dt.datetime:
    """A date of the series in DTSTART's value type: a DATE, or a DATE-TIME with TZID=Europe/Oslo."""
    start = event.spec.start
    return dt.datetime.combine(day, start.time(), OSLO) if isinstance(start, dt.datetime) else day


def _vevent(event: Event, urls: SiteUrls, stamp: dt.datetime, occurrence: Occurrence) -> icalendar.Event:
    vevent = icalendar.Event()
    # The page's source path and the site's host: the same in every build.
    vevent.add("uid", feed_uid(event.src_path.removesuffix(".md").replace("/", "-"), urls.site_url))
    vevent.add("dtstamp", stamp)
    vevent.add("summary", event.title)
    if occurrence.start is not None:
        vevent.add("dtstart", occurrence.start)
        if occurrence.end is not None:
            vevent.add("dtend", occurrence.end)
    else:
        vevent.add("dtstart", occurrence.day)
        vevent.add("dtend", occurrence.day + dt.timedelta(days=1))
    if event.location:
        vevent.add("location", event.location)
    vevent.add("description", _description(event, occurrence))
    vevent.add("url", urls.absolute(event.src_path))
    return vevent


def _description(event: Event, occurrence: Occurrence) -> str:
    spec = event.spec
    lines = []
    if occurrence.moved_from is not None:
        lines.append(_("Holdes {day} i stedet for {moved}.").format(day=day_label(occurrence.day),
                                                                  moved=day_label(occurrence.moved_from)))
    if event.summary:
        lines.append(event.summary)
    lines.append(schedule_summary(spec) + ".")
    lines += [f"{clock(item.time)} {words}" for item, words in zip(spec.agenda, event.agenda_items, strict=True)]
    return "\n".join(lines)


def _rrule(event: Event) -> dict[str, object]:
    spec = event.spec
    recurrence = spec.recurrence
    assert recurrence is not None
    rule: dict[str, object] = {"freq": recurrence.frequency.upper()}
    if recurrence.interval != 1:
        rule["interval"] = recurrence.interval
    weekday = _ICAL_WEEKDAYS[spec.first_day.weekday()]
    if recurrence.frequency == "weekly":
        rule["byday"] = weekday
    elif recurrence.frequency == "monthly" and recurrence.weekday_of_month:
        rule["byday"] = f"{recurrence.weekday_of_month}{weekday}"
    if recurrence.until is not None:
        # UNTIL is UTC when DTSTART has a TZID (RFC 5545, 3.3.10); the last possible start is inclusive.
        until = _value(event, recurrence.until)
        rule["until"] = until.astimezone(dt.timezone.utc) if isinstance(until, dt.datetime) else until
    rule["wkst"] = "MO"
    return rule
