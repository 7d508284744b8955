"""Calendar feeds of the shift plan: every staffed day with what it still needs, and one per organisation.

Written like the event feeds (same calendar header, Europe/Oslo times with VTIMEZONE, stable
UIDs made from the day, so an updated plan changes a subscriber's events instead of adding new ones).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import icalendar

from ..directory.load import Directory
from ..events.feeds import SITE_NAME, add_timezones, dtstamp, empty_feed, feed_calendar, feed_uid
from ..i18n.language import N_, _
from ..web.clock import oslo_date
from ..web.output import GeneratedFile
from ..web.urls import SiteUrls
from .model import ShiftDay, ShiftPlan
from .pages import ALL_SHIFTS_FEED, SHIFTS_PAGE, organisation_feed
from .text import NO_RESERVE, names_text, open_slots_text, short_name

LOCATION = N_("Pasient- og pårørendetorget, foajeen, Nordlandssykehuset Bodø")


def shift_feed_files(
    plan: ShiftPlan | None, directory: Directory, urls: SiteUrls, now: dt.datetime
) -> Iterator[GeneratedFile]:
    """`ledige-vakter/vakter.ics` and `ledige-vakter/<slug>.ics` for every organisation (empty without shifts),
    so a coordinator's subscription keeps working before the first shift and after the last."""
    planned = list(plan.days) if plan else []
    stamp = dtstamp(now)
    today = oslo_date(now)
    cal = feed_calendar(_("{site}: vakter").format(site=_(SITE_NAME)))
    for day in planned:
        cal.add_component(_all_event(day, directory, urls, stamp))
    yield GeneratedFile(ALL_SHIFTS_FEED, _finished(cal, planned, today))
    for org in directory.organisations:
        name = _("{site}: vaktene til {name}").format(site=_(SITE_NAME), name=short_name(org))
        mine = plan.of_organisation(org.slug) if plan else []
        if not mine:  # most organisations: an empty feed, made without a calendar of its own
            yield GeneratedFile(organisation_feed(org.slug), empty_feed(name))
            continue
        cal = feed_calendar(name)
        for day, role in mine:
            cal.add_component(_organisation_event(day, role, org.slug, directory, urls, stamp))
        yield GeneratedFile(organisation_feed(org.slug), _finished(cal, [day for day, _ in mine], today))


def _finished(cal: icalendar.Calendar, days: list[ShiftDay], today: dt.date) -> bytes:
    if days:
        add_timezones(cal, days[0].day.year, today)
    return bytes(cal.to_ical())


def _vevent(
    day: ShiftDay, uid: str, summary: str, description: list[str], urls: SiteUrls, stamp: dt.datetime
) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", uid)
    vevent.add("dtstamp", stamp)
    vevent.add("summary", summary)
    vevent.add("dtstart", day.spans[0].start)
    vevent.add("dtend", day.ends)
    vevent.add("location", _(LOCATION))
    url = urls.absolute(SHIFTS_PAGE)
    vevent.add("description", "\n".join([*description, _("Vaktplanen: {url}").format(url=url)]))
    vevent.add("url", url)
    return vevent


def _status_lines(day: ShiftDay, directory: Directory) -> list[str]:
    on_duty = names_text(directory, day.organisations)
    reserve = names_text(directory, (day.reserve,)) if day.reserve else None
    return [
        _("På vakt: {names}.").format(names=on_duty) if on_duty else _("Ingen organisasjon har tatt vakten ennå."),
        _("Reserve: {name}.").format(name=reserve) if reserve else _("Vakten mangler reserve."),
        _("Ledig: {slots}.").format(slots=open_slots_text(day.open_slots)) if day.open_slots
        else _("Begge plassene på vakt er tatt."),
    ]


def _all_event(day: ShiftDay, directory: Directory, urls: SiteUrls, stamp: dt.datetime) -> icalendar.Event:
    needs = open_slots_text(day.open_slots) if day.open_slots else (_(NO_RESERVE) if day.reserve is None
                                                                    else _("fullt"))
    return _vevent(
        day,
        feed_uid(f"vakt-{day.day.isoformat()}", urls.site_url),
        _("Vakt på torget ({needs})").format(needs=needs),
        _status_lines(day, directory),
        urls,
        stamp,
    )


def _organisation_event(
    day: ShiftDay, role: str, slug: str, directory: Directory, urls: SiteUrls, stamp: dt.datetime
) -> icalendar.Event:
    name = names_text(directory, (slug,))
    summary = (_("Reserve på torget: {name}") if role == "reserve" else _("Vakt på torget: {name}")).format(name=name)
    return _vevent(
        day,
        feed_uid(f"vakt-{day.day.isoformat()}-{slug}", urls.site_url),
        summary,
        _status_lines(day, directory),
        urls,
        stamp,
    )
