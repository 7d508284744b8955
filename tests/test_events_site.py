"""Events in a built site: the overview, event pages, organisation pages and the calendar feeds.

Feeds are read back with `icalendar` and expanded with `recurring-ical-events`, an independent
RFC 5545 implementation, and compared with dates written out in the tests.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from conftest import REPO, Project, assert_built, copy_organisations

OSLO = ZoneInfo("Europe/Oslo")
BUILT_AT = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
CHRISTMAS_BREAK = (dt.date(2026, 12, 19), dt.date(2027, 1, 3))
WINTER_BREAK = (dt.date(2027, 2, 27), dt.date(2027, 3, 7))

MKDOCS_YML = """\
site_name: Test
site_url: https://torget.example.no/
theme:
  name: material
  language: nb
  font: false
plugins:
  - torget
"""

SCHOOL_HOLIDAYS = f"""\
holidays:
  - {{reason: juleferie, first_day: {CHRISTMAS_BREAK[0]}, last_day: {CHRISTMAS_BREAK[1]}}}
  - {{reason: vinterferie, first_day: {WINTER_BREAK[0]}, last_day: {WINTER_BREAK[1]}}}
  - {{reason: sommerferie, first_day: 2027-06-19, last_day: 2027-08-17}}
"""

EVENTS = {
    # Every other Tuesday across the change from summer time (25 October 2026), one cancelled date
    # and the school holidays; `end: 14:00` unquoted is the YAML 1.1 number 840.
    "arrangementer/kafe.md": """---
description: Et treff for pårørende.
event:
  title: Kafé for pårørende
  start: 2026-10-13 12:00
  end: 14:00
  location: Foajeen
  organiser: mental-helse
  recurrence:
    frequency: weekly
    interval: 2
    until: 2027-03-30
  exceptions:
    dates: [2026-11-10]
    skip_school_holidays: true
---

# Kafé for pårørende

Velkommen innom.
""",
    "arrangementer/kveld.md": """---
event:
  title: Dialogkveld
  start: 2026-12-10 17:30
  duration: 3h
  location: Samfunnssalen
  organiser: [leve, mental-helse]
  recurrence: {frequency: monthly, weekday_of_month: 2}
  agenda:
    - {time: "17:30", item: Servering}
    - {time: "18:00", item: Samtale om kveldens tema}
    - {time: "19:15", item: Pause}
    - {time: "19:30", item: Samtalen fortsetter}
---
Ingen overskrift her: tittelen kommer fra event-blokken.
""",
    # Every Friday, all day, skipping public holidays: 25 December and 1 January are Fridays.
    "arrangementer/stand.md": """---
event:
  title: Informasjonsstand
  start: 2026-12-04
  location: Foajeen
  organiser: kreftforeningen
  recurrence: {frequency: weekly, until: 2027-01-08}
  exceptions: {skip_public_holidays: true}
---
# Informasjonsstand
""",
    "arrangementer/foredrag.md": """---
event:
  title: Foredrag om søvn
  start: 2026-11-02 18:00
  end: "19:30"
  location: Auditoriet
  organiser: kreftforeningen
---
# Foredrag om søvn
""",
    "arrangementer/seminar.md": """---
event:
  title: Seminar om rettigheter
  start: 2027-01-20 10:00
  end: "12:00"
  location: Auditoriet
  organiser: leve
---
# Seminar om rettigheter
""",
    "arrangementer/til-varen.md": """---
event:
  title: Vårmøte
  start: 2027-04-15 18:00
  end: "20:00"
  location: Auditoriet
  host: Lærings- og mestringssenteret
---
# Vårmøte
""",
    # A world day is a date with related organisations, not an event at the desk.
    "arrangementer/verdensdag.md": """---
event:
  title: Verdensdagen for psykisk helse
  world_day: true
  start: 2026-10-10
  related: [mental-helse, leve]
  recurrence: {frequency: yearly}
---
# Verdensdagen for psykisk helse
""",
}


def make_events_project(root: Path, events: dict[str, str]) -> Project:
    """A small site: three organisations from the repository, a school calendar and the given event pages."""
    project = Project(root)
    copy_organisations(("_categories.yaml", "mental-helse.yaml", "leve.yaml", "kreftforeningen.yaml"), project.organisations)
    project.write("organisations/_school_holidays.yaml", SCHOOL_HOLIDAYS)
    project.write("mkdocs.yml", MKDOCS_YML)
    project.write("docs/index.md", "# Forside\n")
    for path, text in events.items():
        project.write(f"docs/{path}", text)
    return project


def build_at(project: Project, moment: dt.datetime, *args: str):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))
        return project.build(*args)


@pytest.fixture(scope="module")
def events_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_events_project(tmp_path_factory.mktemp("events"), EVENTS)
    assert_built(build_at(project, BUILT_AT))
    return project


def _feed(project: Project, path: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((project.site / path).read_bytes())


def _expand(calendar: icalendar.Calendar, first: dt.date, last: dt.date) -> list[icalendar.Event]:
    return sorted(recurring_ical_events.of(calendar).between(first, last), key=lambda e: str(e.start))


def _text(markup: str) -> str:
    spaced = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup)))
    return re.sub(r" ([,.:;)])", r"\1", spaced).strip()


def _article(project: Project, url: str) -> str:
    page = project.page(url)
    return page[page.index('<article class="md-content__inner'):]


def _json_ld_types(project: Project, url: str) -> list[str]:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', project.page(url), re.S)
    return [data.get("@type") for data in map(json.loads, found)]


def _json_ld(project: Project, url: str) -> dict:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', project.page(url), re.S)
    return next(data for data in map(json.loads, found) if data.get("@type") == "Event")


def _in_range(day: dt.date, span: tuple[dt.date, dt.date]) -> bool:
    return span[0] <= day <= span[1]


def test_cafe_feed_expands_to_every_other_tuesday_at_noon_oslo_time(events_site):
    fortnightly = [dt.date(2026, 10, 13) + dt.timedelta(days=14 * n) for n in range(13)]
    assert fortnightly[-1] == dt.date(2027, 3, 30)
    expected = [day for day in fortnightly if day != dt.date(2026, 11, 10)
                and not _in_range(day, CHRISTMAS_BREAK) and not _in_range(day, WINTER_BREAK)]
    assert dt.date(2026, 12, 22) not in expected and dt.date(2027, 3, 2) not in expected
    for feed in ("arrangementer/kafe.ics", "arrangementer/alle.ics"):
        found = [e for e in _expand(_feed(events_site, feed), dt.date(2026, 1, 1), dt.date(2028, 1, 1))
                 if e["SUMMARY"] == "Kafé for pårørende"]
        assert [e.start for e in found] == [dt.datetime.combine(day, dt.time(12), OSLO) for day in expected]
        assert [e.end for e in found] == [dt.datetime.combine(day, dt.time(14), OSLO) for day in expected]
    # Across the change to standard time on 25 October 2026 the meeting stays at 12:00 local time.
    utc_hours = {e.start.date(): e.start.astimezone(dt.timezone.utc).hour for e in found[:2]}
    assert utc_hours == {dt.date(2026, 10, 13): 10, dt.date(2026, 10, 27): 11}


def test_cafe_feed_is_an_rrule_with_exdates_of_the_start_type_and_a_vtimezone(events_site):
    raw = (events_site.site / "arrangementer/kafe.ics").read_bytes().decode("utf-8")
    assert raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", "")  # RFC 5545 lines end in CRLF
    calendar = icalendar.Calendar.from_ical(raw)
    [event] = calendar.walk("VEVENT")
    # UNTIL is the last start in UTC: 30 March 2027 is in summer time, so 12:00 is 10:00Z.
    assert "RRULE:FREQ=WEEKLY;UNTIL=20270330T100000Z;INTERVAL=2;BYDAY=TU;WKST=MO" in raw.replace("\r\n ", "")
    assert "BYWEEKNO" not in raw
    assert "DTSTART;TZID=Europe/Oslo:20261013T120000" in raw
    exdates = [value.dt for prop in event.get("EXDATE") for value in prop.dts]
    assert exdates == [dt.datetime(2026, 11, 10, 12, tzinfo=OSLO), dt.datetime(2026, 12, 22, 12, tzinfo=OSLO),
                       dt.datetime(2027, 3, 2, 12, tzinfo=OSLO)]
    assert all(str(value.tzinfo) == "Europe/Oslo" for value in exdates)
    assert raw.count("EXDATE;TZID=Europe/Oslo:") == 3
    [timezone] = calendar.walk("VTIMEZONE")
    assert timezone["TZID"] == "Europe/Oslo"
    assert {sub.name for sub in timezone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    assert event["DTSTAMP"].dt == BUILT_AT
    assert event["URL"] == "https://torget.example.no/arrangementer/kafe/"


def test_all_day_series_has_date_exdates_for_public_holidays(events_site):
    raw = (events_site.site / "arrangementer/stand.ics").read_text(encoding="utf-8")
    assert "DTSTART;VALUE=DATE:20261204" in raw
    assert "EXDATE;VALUE=DATE:20261225" in raw and "EXDATE;VALUE=DATE:20270101" in raw
    found = _expand(_feed(events_site, "arrangementer/stand.ics"), dt.date(2026, 1, 1), dt.date(2028, 1, 1))
    fridays = [dt.date(2026, 12, 4) + dt.timedelta(weeks=n) for n in range(6)]
    assert [e.start for e in found] == [day for day in fridays if day not in (dt.date(2026, 12, 25), dt.date(2027, 1, 1))]


def test_monthly_and_world_day_feeds_expand_as_intended(events_site):
    evenings = _expand(_feed(events_site, "arrangementer/kveld.ics"), dt.date(2026, 12, 1), dt.date(2027, 4, 1))
    assert [e.start for e in evenings] == [dt.datetime(y, m, d, 17, 30, tzinfo=OSLO)
                                           for y, m, d in ((2026, 12, 10), (2027, 1, 14), (2027, 2, 11), (2027, 3, 11))]
    assert all(e.end - e.start == dt.timedelta(hours=3) for e in evenings)
    # A world day falls on its own date every year, even on a weekend, and has no place.
    world = _expand(_feed(events_site, "arrangementer/verdensdag.ics"), dt.date(2026, 1, 1), dt.date(2029, 1, 1))
    assert [e.start for e in world] == [dt.date(2026, 10, 10), dt.date(2027, 10, 10), dt.date(2028, 10, 10)]
    raw = (events_site.site / "arrangementer/verdensdag.ics").read_text(encoding="utf-8")
    assert "RECURRENCE-ID" not in raw and "LOCATION" not in raw


def test_uids_are_stable_across_builds_and_shared_by_the_feeds(events_site, tmp_path):
    def uids(project: Project, path: str) -> set[str]:
        return {str(e["UID"]) for e in _feed(project, path).walk("VEVENT")}

    again = make_events_project(tmp_path, EVENTS)
    assert_built(build_at(again, BUILT_AT + dt.timedelta(days=3)))
    names = [path.removesuffix(".md") + ".ics" for path in EVENTS]
    for name in names:
        assert uids(events_site, name) == uids(again, name)
        assert len(uids(events_site, name)) == 1
    # The feed of all events holds the events at the desk; a world day is not one of them.
    at_desk = [name for name in names if name != "arrangementer/verdensdag.ics"]
    assert uids(events_site, "arrangementer/alle.ics") == set().union(*(uids(events_site, name) for name in at_desk))
    assert uids(events_site, "arrangementer/kafe.ics") == {"arrangementer-kafe@torget.example.no"}
    stamps = {str(e["DTSTAMP"].dt) for e in _feed(again, "arrangementer/kafe.ics").walk("VEVENT")}
    assert stamps == {str(BUILT_AT + dt.timedelta(days=3))}


def _month_sections(project: Project) -> dict[str, str]:
    article = _article(project, "arrangementer/")
    parts = re.split(r'<h2 id="([^"]+)">', article)
    return {anchor: _text(body) for anchor, body in zip(parts[1::2], parts[2::2], strict=True)}


def test_overview_groups_the_next_three_months_and_drops_past_one_off_events(events_site):
    sections = _month_sections(events_site)
    assert list(sections)[:4] == ["2026-11", "2026-12", "2027-01", "2027-02"]
    november, december, january, february = (sections[key] for key in ("2026-11", "2026-12", "2027-01", "2027-02"))
    assert november.startswith("November 2026 tirsdag 24. november kl. 12:00–14:00 Kafé for pårørende, Foajeen")
    assert re.findall(r"(\w+dag \d+\. \w+)", december) == [
        "fredag 4. desember", "tirsdag 8. desember", "torsdag 10. desember", "fredag 11. desember", "fredag 18. desember"]
    assert "22. desember" not in december and "25. desember" not in december
    assert "onsdag 20. januar kl. 10:00–12:00 Seminar om rettigheter" in january
    assert "tirsdag 16. februar" in february and "Mars" not in sections
    overview = _text(_article(events_site, "arrangementer/"))
    assert "Foredrag om søvn" not in overview
    assert "Vårmøte" in sections["senere"] and "Vårmøte" not in january + february
    assert ("Verdensdagen for psykisk helse: søndag 10. oktober 2027. Organisasjoner som arbeider med dette: "
            "Mental Helse og LEVE – Landsforeningen for etterlatte ved selvmord.") in sections["verdensdager"]
    assert "Verdensdagen" not in "".join(sections[key] for key in ("2026-11", "2026-12", "2027-01", "2027-02"))
    assert 'href="alle.ics"' in _article(events_site, "arrangementer/")
    assert re.search(r'<a[^>]*href="kafe/"[^>]*>Kafé for pårørende</a>', _article(events_site, "arrangementer/"))


def test_past_one_off_event_keeps_its_page(events_site):
    text = _text(_article(events_site, "arrangementer/foredrag/"))
    assert "Dette arrangementet er over." in text
    assert "Neste datoer" not in text
    assert _json_ld(events_site, "arrangementer/foredrag/")["startDate"] == "2026-11-02T18:00:00+01:00"


def test_event_page_shows_next_dates_calendar_link_and_json_ld(events_site):
    article = _article(events_site, "arrangementer/kafe/")
    text = _text(article)
    assert text.index("Kafé for pårørende") < text.index("Når") < text.index("Velkommen innom.")
    assert "Annenhver tirsdag kl. 12:00–14:00, til og med 30. mars 2027, ikke i skoleferier" in text
    assert re.findall(r"tirsdag \d+\. \w+ \d{4}(?:, kl\. 12:00–14:00|: utgår \(\w+\))", text)[:4] == [
        "tirsdag 24. november 2026, kl. 12:00–14:00", "tirsdag 8. desember 2026, kl. 12:00–14:00",
        "tirsdag 22. desember 2026: utgår (juleferie)", "tirsdag 5. januar 2027, kl. 12:00–14:00"]
    link = re.search(r'<a class="md-button md-button--primary" href="([^"]+)" download>Legg til i kalender</a>', article)
    assert link and (events_site.site / "arrangementer/kafe/" / link.group(1)).resolve() == (events_site.site / "arrangementer/kafe.ics").resolve()
    data = _json_ld(events_site, "arrangementer/kafe/")
    assert (data["@type"], data["name"], data["startDate"], data["endDate"]) == (
        "Event", "Kafé for pårørende", "2026-11-24T12:00:00+01:00", "2026-11-24T14:00:00+01:00")
    assert data["location"] == {"@type": "Place", "name": "Foajeen"}
    assert data["organizer"][0]["url"] == "https://torget.example.no/organisasjoner/mental-helse/"
    assert data["eventSchedule"]["repeatFrequency"] == "P2W"
    assert data["eventSchedule"]["byDay"] == "https://schema.org/Tuesday"
    assert "2026-12-22" in data["eventSchedule"]["exceptDate"]


def test_every_event_page_links_to_its_own_calendar_file_and_has_event_json_ld(events_site):
    for path, source in EVENTS.items():
        url = path.removesuffix(".md") + "/"
        link = re.search(r'href="([^"]+)" download>Legg til i kalender<', events_site.page(url))
        feed = (events_site.site / url / link.group(1)).resolve()
        assert feed == (events_site.site / path.replace(".md", ".ics")).resolve() and feed.is_file()
        title = re.search(r"title: (.+)", source).group(1)
        if "world_day: true" in source:  # a date, not an event anyone holds: no schema.org Event
            assert "Event" not in _json_ld_types(events_site, url)
        else:
            assert _json_ld(events_site, url)["name"] == title
        assert str(_feed(events_site, path.replace(".md", ".ics")).walk("VEVENT")[0]["SUMMARY"]) == title


def test_event_page_without_a_heading_gets_its_title_and_agenda(events_site):
    page = events_site.page("arrangementer/kveld/")
    assert "<title>Dialogkveld - Test</title>" in page
    assert re.search(r"<h1[^>]*>Dialogkveld</h1>", page)
    rows = re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td></tr>", page)
    assert rows == [("17:30–18:00", "Servering"), ("18:00–19:15", "Samtale om kveldens tema"),
                    ("19:15–19:30", "Pause"), ("19:30–20:30", "Samtalen fortsetter")]
    text = _text(_article(events_site, "arrangementer/kveld/"))
    assert "Andre torsdag i måneden kl. 17:30–20:30" in text
    assert "Arrangør LEVE – Landsforeningen for etterlatte ved selvmord, Mental Helse" in text
    assert _json_ld(events_site, "arrangementer/kveld/")["eventSchedule"]["byMonthWeek"] == 2


def test_organisation_pages_list_their_current_events(events_site):
    def listed(slug: str) -> list[str]:
        article = _article(events_site, f"organisasjoner/{slug}/")
        section = re.search(r'<h2 id="arrangementer">.*?</ul>', article, re.S)
        return re.findall(r'<a href="../../arrangementer/[^"]+/">([^<]+)</a>', section.group(0)) if section else []

    assert listed("mental-helse") == ["Kafé for pårørende", "Dialogkveld"]
    assert listed("leve") == ["Dialogkveld", "Seminar om rettigheter"]
    # The past lecture is gone from Kreftforeningen's page; the Friday stand is still ahead.
    assert listed("kreftforeningen") == ["Informasjonsstand"]


def test_world_day_page_is_a_date_with_related_organisations_not_an_event_at_the_desk(events_site):
    text = _text(_article(events_site, "arrangementer/verdensdag/"))
    assert "Når Hvert år 10. oktober" in text
    assert "Hvor" not in text and "Arrangør" not in text and "Markeres av" not in text
    assert "Organisasjoner som arbeider med dette Mental Helse, LEVE – Landsforeningen for etterlatte ved selvmord" in text
    assert "ikke et arrangement på torget" in text
    assert "Neste gang lørdag 10. oktober 2026" not in text and "søndag 10. oktober 2027" in text


def test_organisation_page_lists_the_world_days_it_works_with_apart_from_its_events(events_site):
    article = _article(events_site, "organisasjoner/leve/")
    section = re.search(r'<h2 id="verdensdager">.*?</ul>', article, re.S)
    assert section and re.findall(r'<a href="../../arrangementer/[^"]+/">([^<]+)</a>', section.group(0)) == [
        "Verdensdagen for psykisk helse"]
    assert "arbeider med temaet for denne verdensdagen" in _text(section.group(0))
    assert "Verdensdagen" not in _text(re.search(r'<h2 id="arrangementer">.*?</ul>', article, re.S).group(0))


def test_no_event_claims_to_be_free_without_a_source(events_site):
    assert all("isAccessibleForFree" not in _json_ld(events_site, url) for url in ("arrangementer/kafe/", "arrangementer/kveld/"))
    assert "koster ingenting" not in _text(_article(events_site, "arrangementer/"))


BAD_EVENTS = {
    "arrangementer/slutt.md": ("event:\n  title: A\n  start: 2026-12-01 12:00\n  end: \"11:00\"\n  location: X\n  organiser: leve\n",
                               "docs/arrangementer/slutt.md:5: event.end: ends at 11:00, which is not after the start at 12:00"),
    "arrangementer/arrangor.md": ("event:\n  title: A\n  start: 2026-12-01 12:00\n  end: \"13:00\"\n  location: X\n  organiser: mental-helsa\n",
                                  "docs/arrangementer/arrangor.md:7: event.organiser[1]: 'mental-helsa' is not an organisation "
                                  "in the directory. Did you mean 'mental-helse'?"),
    "arrangementer/til.md": ("event:\n  title: A\n  start: 2026-12-01 12:00\n  end: \"13:00\"\n  location: X\n  organiser: leve\n"
                             "  recurrence:\n    frequency: weekly\n    until: 2026-11-01\n",
                             "docs/arrangementer/til.md:10: event.recurrence.until: 2026-11-01 is before the start 2026-12-01"),
    "arrangementer/intervall.md": ("event:\n  title: A\n  start: 2026-12-01 12:00\n  end: \"13:00\"\n  location: X\n  organiser: leve\n"
                                   "  recurrence:\n    frequency: weekly\n    interval: 0\n",
                                   "docs/arrangementer/intervall.md:10: event.recurrence.interval: 0 is impossible"),
    "arrangementer/sjette.md": ("event:\n  title: A\n  start: 2026-12-01 12:00\n  end: \"13:00\"\n  location: X\n  organiser: leve\n"
                                "  recurrence:\n    frequency: monthly\n    weekday_of_month: 6\n",
                                "docs/arrangementer/sjette.md:10: event.recurrence.weekday_of_month: 6 is impossible: "
                                "a month has at most five of each weekday"),
    "arrangementer/program.md": ("event:\n  title: A\n  start: 2026-12-01 12:00\n  end: \"13:00\"\n  location: X\n  organiser: leve\n"
                                 "  agenda:\n    - time: \"12:00\"\n      item: Kaffe\n    - time: \"12:30\"\n",
                                 "docs/arrangementer/program.md:11: event.agenda[2].item: is required but missing"),
    "arrangementer/rekkefolge.md": ("event:\n  title: A\n  start: 2026-12-01 12:00\n  end: \"13:00\"\n  location: X\n  organiser: leve\n"
                                    "  agenda:\n    - {time: \"12:30\", item: B}\n    - {time: \"12:00\", item: A}\n",
                                    "docs/arrangementer/rekkefolge.md:10: event.agenda[2].time: 12:00 does not come after the point before it"),
    "arrangementer/unntak.md": ("event:\n  title: A\n  start: 2026-12-01 12:00\n  end: \"13:00\"\n  location: X\n  organiser: leve\n"
                                "  recurrence: {frequency: weekly, interval: 2}\n  exceptions:\n    dates: [2026-12-08]\n",
                                "docs/arrangementer/unntak.md:10: event.exceptions.dates[1]: 2026-12-08 is not one of the event's dates; "
                                "the nearest are 2026-12-01 and 2026-12-15"),
    "arrangementer/uten-sted.md": ("event:\n  title: A\n  start: 2026-12-01 12:00\n  end: \"13:00\"\n  organiser: leve\n",
                                   "docs/arrangementer/uten-sted.md:2: event.location: say where it takes place"),
    "arrangementer/dag-sted.md": ("event:\n  title: A\n  world_day: true\n  start: 2026-10-10\n  location: Foajeen\n"
                                  "  related: leve\n",
                                  "docs/arrangementer/dag-sted.md:6: event.location: a world day is a date, not an event at the desk, "
                                  "so it has no location; a marking of the day at the desk is an event page of its own"),
    "arrangementer/dag-arrangor.md": ("event:\n  title: A\n  world_day: true\n  start: 2026-10-10\n  organiser: leve\n",
                                      "docs/arrangementer/dag-arrangor.md:6: event.organiser: a world day is a date, not an event "
                                      "at the desk, so it has no organiser"),
    "arrangementer/dag-flyttet.md": ("event:\n  title: A\n  world_day: true\n  start: 2026-10-10\n  related: leve\n"
                                     "  recurrence: {frequency: yearly}\n  exceptions:\n    moved:\n"
                                     "      - {date: 2026-10-10, to: 2026-10-09}\n",
                                     "docs/arrangementer/dag-flyttet.md:9: event.exceptions.moved: a world day falls on its own "
                                     "date and is never moved"),
    "arrangementer/dag-tid.md": ("event:\n  title: A\n  world_day: true\n  start: 2026-10-10 12:00\n  end: \"13:00\"\n",
                                 "docs/arrangementer/dag-tid.md:5: event.start: a world day lasts the whole day: write only the date"),
    "arrangementer/relatert.md": ("event:\n  title: A\n  start: 2026-12-01 12:00\n  end: \"13:00\"\n  location: X\n"
                                  "  organiser: leve\n  related: mental-helse\n",
                                  "docs/arrangementer/relatert.md:8: event.related: only a world day lists related organisations"),
    "arrangementer/sted.md": ("event:\n  title: A\n  start: 2026-12-01 12:00\n  end: \"13:00\"\n  location: no\n  organiser: leve\n",
                              "docs/arrangementer/sted.md:6: event.location: expected text, but YAML reads no as the yes/no value false"),
}


def test_bad_events_stop_the_build_naming_file_line_and_field(tmp_path):
    project = make_events_project(tmp_path, {path: f"---\n{text}---\n# A\n" for path, (text, _) in BAD_EVENTS.items()})
    problems = project.problems(now=BUILT_AT)
    for _, expected in BAD_EVENTS.values():
        assert expected in problems
    assert f"{len(BAD_EVENTS)} problems in the source files" in problems
