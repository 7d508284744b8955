"""Event dates from the core: recurrences, exceptions, summer time, front matter with YAML 1.1 traps."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import REPO

from site_plugins.directory.load import load_directory
from site_plugins.events.load import load_events, upcoming_occurrences
from site_plugins.sources.problems import SourceError

OSLO = ZoneInfo("Europe/Oslo")


class FakeHolidays:
    """A holiday calendar written out by hand, so expected dates do not come from the code under test."""

    def __init__(self, school: dict[dt.date, str] | None = None, public: dict[dt.date, str] | None = None):
        self.school, self.public = school or {}, public or {}

    def school_holiday(self, day: dt.date) -> str | None:
        return self.school.get(day)

    def public_holiday(self, day: dt.date) -> str | None:
        return self.public.get(day)


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


CHRISTMAS_BREAK = dict.fromkeys(_days(dt.date(2026, 12, 19), dt.date(2027, 1, 3)), "juleferie")


@pytest.fixture(scope="module")
def directory():
    return load_directory(REPO / "organisations", REPO)


def _events(tmp_path: Path, directory, pages: dict[str, str], holidays=None):
    for name, text in pages.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return load_events(tmp_path / "docs", tmp_path, directory, holidays or FakeHolidays())


CAFE = """---
event:
  title: Kafé
  start: 2026-10-13 12:00
  end: 14:00
  location: Foajeen
  organiser: mental-helse
  recurrence:
    frequency: weekly
    interval: 2
  exceptions:
    dates: [2026-11-10]
    skip_school_holidays: true
---
# Kafé
"""


def test_every_other_tuesday_skips_holidays_and_keeps_local_time_across_summer_time(tmp_path, directory):
    events = _events(tmp_path, directory, {"kafe.md": CAFE}, FakeHolidays(school=CHRISTMAS_BREAK))
    event = events.by_src_path("kafe.md")
    found = event.schedule.occurrences(dt.date(2026, 10, 1), dt.date(2027, 2, 28))
    every_fortnight = [dt.date(2026, 10, 13) + dt.timedelta(weeks=2 * n) for n in range(10)]  # to 2027-02-16
    expected = [day for day in every_fortnight if day != dt.date(2026, 11, 10) and day not in CHRISTMAS_BREAK]
    assert [occurrence.day for occurrence in found] == expected
    assert dt.date(2026, 12, 22) not in [occurrence.day for occurrence in found]
    # 12:00 local on both sides of 25 October 2026: 10:00 UTC in summer time, 11:00 UTC after.
    before, after = found[0], found[1]
    assert (before.day, after.day) == (dt.date(2026, 10, 13), dt.date(2026, 10, 27))
    assert before.start.astimezone(dt.timezone.utc).hour == 10
    assert after.start.astimezone(dt.timezone.utc).hour == 11
    assert all(occurrence.start.astimezone(OSLO).time() == dt.time(12) for occurrence in found)
    assert all(occurrence.end.astimezone(OSLO).time() == dt.time(14) for occurrence in found)
    reasons = {c.day: c.reason for c in event.schedule.cancellations(dt.date(2026, 10, 1), dt.date(2027, 2, 28))}
    assert reasons == {dt.date(2026, 11, 10): "avlyst", dt.date(2026, 12, 22): "juleferie"}


def test_fortnightly_series_ignores_iso_week_numbers_across_a_53_week_year(tmp_path, directory):
    # 2026 has an ISO week 53; "every even week" would leave a three-week gap here.
    page = CAFE.replace("  exceptions:\n    dates: [2026-11-10]\n    skip_school_holidays: true\n", "")
    event = _events(tmp_path, directory, {"kafe.md": page}).by_src_path("kafe.md")
    found = [o.day for o in event.schedule.occurrences(dt.date(2026, 12, 1), dt.date(2027, 2, 1))]
    assert found == [dt.date(2026, 12, 8), dt.date(2026, 12, 22), dt.date(2027, 1, 5), dt.date(2027, 1, 19)]
    assert {later - earlier for earlier, later in itertools.pairwise(found)} == {dt.timedelta(days=14)}


def test_last_friday_of_the_month_until_a_date(tmp_path, directory):
    page = """---
event:
  title: Fredagstreff
  start: 2026-09-25 10:00
  duration: 90 min
  location: Foajeen
  organiser: leve
  recurrence: {frequency: monthly, weekday_of_month: -1, until: 2027-03-26}
---
"""
    event = _events(tmp_path, directory, {"fredag.md": page}).by_src_path("fredag.md")
    found = event.schedule.occurrences(dt.date(2026, 1, 1), dt.date(2028, 1, 1))
    expected = []
    for year, month in [(2026, 9), (2026, 10), (2026, 11), (2026, 12), (2027, 1), (2027, 2), (2027, 3)]:
        fridays = [week[calendar.FRIDAY] for week in calendar.monthcalendar(year, month) if week[calendar.FRIDAY]]
        expected.append(dt.date(year, month, fridays[-1]))
    assert [o.day for o in found] == expected
    assert found[0].end.time() == dt.time(11, 30)


def test_public_holidays_are_skipped_when_asked(tmp_path, directory):
    page = CAFE.replace("start: 2026-10-13 12:00", "start: 2026-12-01 12:00").replace(
        "    dates: [2026-11-10]\n    skip_school_holidays: true\n", "    skip_public_holidays: true\n"
    ).replace("interval: 2", "interval: 1")
    public = {dt.date(2026, 12, 29): "Testdag"}
    event = _events(tmp_path, directory, {"kafe.md": page}, FakeHolidays(school=CHRISTMAS_BREAK, public=public)).by_src_path("kafe.md")
    days = [o.day for o in event.schedule.occurrences(dt.date(2026, 12, 1), dt.date(2027, 1, 12))]
    assert days == [dt.date(2026, 12, d) for d in (1, 8, 15, 22)] + [dt.date(2027, 1, 5), dt.date(2027, 1, 12)]


def test_unquoted_times_are_read_as_the_times_written(tmp_path, directory):
    # YAML 1.1 reads 14:00 as the number 840 and 19.30 as 19.3; the source text is what the editor meant.
    page = """---
event:
  title: Kveld
  start: 2026-12-10 17:30
  end: 20.30
  location: Salen
  organiser: [leve, mental-helse]
  agenda:
    - time: 17:30
      item: Servering
    - time: 19.15
      item: Pause
---
"""
    event = _events(tmp_path, directory, {"kveld.md": page}).by_src_path("kveld.md")
    assert event.spec.end == dt.time(20, 30)
    assert [item.time for item in event.spec.agenda] == [dt.time(17, 30), dt.time(19, 15)]


def test_world_day_moved_off_the_weekend(tmp_path, directory):
    page = """---
event:
  title: Verdensdagen
  world_day: true
  start: 2026-10-10
  location: Foajeen
  organiser: mental-helse
  recurrence: {frequency: yearly}
  exceptions:
    moved:
      - {date: 2027-10-10, to: 2027-10-08}
---
"""
    event = _events(tmp_path, directory, {"dag.md": page}).by_src_path("dag.md")
    found = event.schedule.occurrences(dt.date(2026, 1, 1), dt.date(2028, 12, 31))
    assert [(o.day, o.moved_from) for o in found] == [
        (dt.date(2026, 10, 10), None), (dt.date(2027, 10, 8), dt.date(2027, 10, 10)), (dt.date(2028, 10, 10), None)]
    assert found[0].start is None


def test_upcoming_occurrences_for_the_kiosk(tmp_path, directory):
    events = _events(tmp_path, directory, {"kafe.md": CAFE}, FakeHolidays(school=CHRISTMAS_BREAK))
    during = dt.datetime(2026, 11, 24, 13, 0, tzinfo=OSLO)
    found = upcoming_occurrences(events, during, days=21)
    assert [(item.title, item.start, item.end, item.location, item.event.src_path) for item in found] == [
        ("Kafé", dt.datetime(2026, 11, 24, 12, tzinfo=OSLO), dt.datetime(2026, 11, 24, 14, tzinfo=OSLO), "Foajeen", "kafe.md"),
        ("Kafé", dt.datetime(2026, 12, 8, 12, tzinfo=OSLO), dt.datetime(2026, 12, 8, 14, tzinfo=OSLO), "Foajeen", "kafe.md"),
    ]
    after = dt.datetime(2026, 11, 24, 14, 30, tzinfo=OSLO).astimezone(dt.timezone.utc)
    assert [item.day for item in upcoming_occurrences(events, after, days=21)] == [dt.date(2026, 12, 8)]


def test_pages_without_an_event_block_are_left_alone(tmp_path, directory):
    events = _events(tmp_path, directory, {"om.md": "---\ntitle: Om\n---\n# Om\n", "bare.md": "# Ingen front matter\n"})
    assert len(events) == 0


def test_problems_are_collected_from_every_event_page(tmp_path, directory):
    bad_end = CAFE.replace("end: 14:00", "end: 11:00")
    bad_organiser = CAFE.replace("organiser: mental-helse", "organiser: mental-helsa")
    with pytest.raises(SourceError) as caught:
        _events(tmp_path, directory, {"a.md": bad_end, "b.md": bad_organiser})
    report = caught.value.report()
    assert "docs/a.md:5: event.end: ends at 11:00, which is not after the start at 12:00" in report
    assert "docs/b.md:7: event.organiser[1]: 'mental-helsa' is not an organisation in the directory. Did you mean 'mental-helse'?" in report
