"""The shift plan in a built site: «I dag på torget» in Chromium with the clock set, the organisation
page's next shift, `/ledige-vakter/`, and the calendar feeds read back with icalendar.

The site is built as of Monday 23 November 2026 (SOURCE_DATE_EPOCH) with a small plan; the
browser's clock is then set to other days to show the text is decided at viewing time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import icalendar
import pytest
from conftest import Project, served_at_local_address

OSLO = ZoneInfo("Europe/Oslo")
BUILT_AT = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
PLAN = """\
shifts:
  - date: 2026-12-02
    organisations: [kreftforeningen, landsforeningen-for-hjerte-og-lungesyke]
    reserve: mental-helse
  - date: 2026-12-09
    organisations: [norsk-revmatikerforbund]
  - date: 2027-01-13
    organisations: [mental-helse]
    reserve: kreftforeningen
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, shared_cache) -> Iterator[tuple[Project, str]]:
    with served_at_local_address(tmp_path_factory.mktemp("shifts"), shared_cache, BUILT_AT,
                                 {"organisations/_vaktplan.yaml": PLAN}) as served:
        yield served


@pytest.fixture(scope="module")
def site(served) -> Project:
    return served[0]


@pytest.fixture(scope="module")
def server(served) -> str:
    return served[1]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def _article(html: str, name: str) -> str:
    return re.search(rf'<article class="{name}">.*?</article>', html, re.DOTALL).group(0)


# --- The built HTML and feeds ---------------------------------------------------------------------

def test_open_shifts_page_lists_the_staffed_days_with_what_they_need_and_how_to_sign_up(site):
    article = _article(site.page("ledige-vakter/"), "torget-shifts")
    days = [_text(item) for item in re.findall(r"<li data-torget-ends=[^>]*>(.*?)</li>", article, re.DOTALL)]
    assert days[:4] == [
        "onsdag 25. november 2026 kl. 11:00–14:00 Ingen organisasjon har tatt vakten ennå. Ledig: 2 ledige plasser, mangler reserve",
        "onsdag 2. desember 2026 kl. 11:00–14:00 På vakt: Kreftforeningen og LHL . Reserve: Mental Helse . Vakten er full.",
        "onsdag 9. desember 2026 kl. 11:00–14:00 På vakt: NRF . Ledig: 1 ledig plass, mangler reserve",
        "onsdag 16. desember 2026 kl. 11:00–14:00 Ingen organisasjon har tatt vakten ennå. Ledig: 2 ledige plasser, mangler reserve",
    ]
    assert days[4].startswith("onsdag 6. januar 2027")  # the Christmas holiday is skipped
    assert "onsdag 13. januar 2027 kl. 11:00–14:00 På vakt: Mental Helse . Reserve: Kreftforeningen . Ledig: 1 ledig plass" in days
    assert days[-1].startswith("onsdag 17. februar 2027")  # three months ahead
    assert 'href="../organisasjoner/landsforeningen-for-hjerte-og-lungesyke/"' in article
    assert '<a href="mailto:lmsenter@nlsh.no">lmsenter@nlsh.no</a>' in article
    text = _text(article)
    assert "De frivillige bestemmer selv hvilke vakter de vil gå." in text
    assert "hvilken vakt du vil ta" not in text  # no LMS procedure the seeds do not state
    assert "aldri navnet på den som går" in text
    assert '<a href="vakter.ics">' in article and '<a href="kreftforeningen.ics">Vaktene til Kreftforeningen</a>' in article


def test_volunteer_and_organisation_pages_link_to_the_open_shifts(site):
    for page in ("bli-frivillig/", "for-organisasjonene/"):
        assert '<a href="../ledige-vakter/">Ledige vakter</a>' in site.page(page)


def test_organisation_page_names_its_next_shift(site):
    kreft = site.page("organisasjoner/kreftforeningen/")
    items = re.findall(r'<li data-torget-ends="([^"]+)"( hidden)?>(Neste vakt[^<]*)</li>', kreft)
    assert items == [("2026-12-02T13:00:00Z", "", "Neste vakt på torget: onsdag 2. desember"),
                     ("2027-01-13T13:00:00Z", " hidden", "Neste vakt på torget: onsdag 13. januar – som reserve")]
    assert '<a href="../../ledige-vakter/kreftforeningen.ics">Vaktene til Kreftforeningen i kalenderen</a>' in kreft
    assert "Neste vakt på torget" not in site.page("organisasjoner/adhd-norge/")


def _feed(site: Project, name: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((site.site / "ledige-vakter" / name).read_bytes())


def test_feed_of_all_shifts_has_every_staffed_day_in_oslo_time(site, server):
    calendar = _feed(site, "vakter.ics")
    assert [component["TZID"] for component in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
    events = {event.decoded("DTSTART").date(): event for event in calendar.walk("VEVENT")}
    assert min(events) == dt.date(2026, 11, 25) and dt.date(2026, 12, 23) not in events
    full, short = events[dt.date(2026, 12, 2)], events[dt.date(2026, 12, 9)]
    assert full.decoded("DTSTART") == dt.datetime(2026, 12, 2, 11, 0, tzinfo=OSLO)
    assert full.decoded("DTEND") == dt.datetime(2026, 12, 2, 14, 0, tzinfo=OSLO)
    assert str(full["SUMMARY"]) == "Vakt på torget (fullt)"
    assert str(short["SUMMARY"]) == "Vakt på torget (1 ledig plass)"
    assert str(full["UID"]) == "vakt-2026-12-02@127.0.0.1"
    assert str(full["DESCRIPTION"]).startswith("På vakt: Kreftforeningen og LHL.\nReserve: Mental Helse.\nBegge plassene på vakt er tatt.")
    assert str(full["URL"]) == server + "ledige-vakter/"


def test_organisation_feed_has_only_its_shifts_and_an_organisation_without_shifts_an_empty_one(site):
    events = _feed(site, "kreftforeningen.ics").walk("VEVENT")
    assert [(event.decoded("DTSTART").date(), str(event["SUMMARY"]), str(event["UID"])) for event in events] == [
        (dt.date(2026, 12, 2), "Vakt på torget: Kreftforeningen", "vakt-2026-12-02-kreftforeningen@127.0.0.1"),
        (dt.date(2027, 1, 13), "Reserve på torget: Kreftforeningen", "vakt-2027-01-13-kreftforeningen@127.0.0.1"),
    ]
    empty = _feed(site, "adhd-norge.ics")
    assert empty.walk("VEVENT") == [] and str(empty["X-WR-CALNAME"]) == "Pasient- og pårørendetorget: vaktene til ADHD Norge"


def test_without_a_plan_nothing_is_said_about_shifts(bundled_site):
    assert (bundled_site.site / "assets/torget/shifts.json").read_text(encoding="utf-8") == '{\n "days": []\n}\n'
    assert "Vaktplanen er ikke lagt ut her ennå." in bundled_site.page("ledige-vakter/")
    assert "torget-next-shift" not in bundled_site.page("organisasjoner/kreftforeningen/")
    assert icalendar.Calendar.from_ical((bundled_site.site / "ledige-vakter/vakter.ics").read_bytes()).walk("VEVENT") == []


# --- In the browser, with the clock set to the moment the visitor looks ---------------------------

def _shift_text(page, url: str, moment: dt.datetime) -> str:
    page.clock.set_fixed_time(moment)
    page.goto(url)
    element = page.locator("[data-torget-shift]").first
    element.wait_for(state="visible")
    return element.inner_text()


@pytest.mark.browser
def test_a_staffed_day_with_a_full_shift_names_both_organisations_with_links(page, server):
    text = _shift_text(page, server, dt.datetime(2026, 12, 2, 12, 0, tzinfo=OSLO))
    assert text == "I dag på torget: frivillige fra Kreftforeningen og LHL"
    links = page.locator("[data-torget-shift] a")
    assert links.all_inner_texts() == ["Kreftforeningen", "LHL"]
    assert links.first.get_attribute("href") == server + "organisasjoner/kreftforeningen/"


@pytest.mark.browser
def test_a_day_with_one_open_slot_names_the_one_organisation_on_the_hours_page(page, server):
    text = _shift_text(page, server + "apningstider/", dt.datetime(2026, 12, 9, 9, 0, tzinfo=OSLO))
    assert text == "I dag på torget: en frivillig fra NRF"
    assert page.locator("[data-torget-shift] a").get_attribute("href") == server + "organisasjoner/norsk-revmatikerforbund/"


@pytest.mark.parametrize("moment", [
    dt.datetime(2026, 12, 3, 12, 0, tzinfo=OSLO),   # a Thursday: the desk is closed
    dt.datetime(2026, 12, 2, 14, 0, tzinfo=OSLO),   # Wednesday's shift has just ended
])
@pytest.mark.browser
def test_on_a_closed_day_the_next_staffed_day_is_named(page, server, moment):
    assert _shift_text(page, server, moment) == "Onsdag 9. desember på torget: en frivillig fra NRF"


@pytest.mark.browser
def test_nothing_is_shown_when_the_next_staffed_day_is_not_planned_or_there_is_no_plan(page, server, site_server):
    for url, moment in ((server, dt.datetime(2026, 12, 23, 12, 0, tzinfo=OSLO)),     # juleferie; 6 January has no entry
                        (site_server, dt.datetime(2026, 12, 2, 12, 0, tzinfo=OSLO))):  # the bundled site: no plan
        page.clock.set_fixed_time(moment)
        page.goto(url)
        page.locator("[data-torget-shift-state=none]").wait_for(state="attached")
        assert not page.locator("[data-torget-shift]").is_visible()
        assert page.locator("[data-torget-status]").is_visible()  # the opening status is there, the shift text is not


@pytest.mark.browser
def test_kiosk_home_shows_the_organisations_without_links(page, server):
    text = _shift_text(page, server + "kiosk/", dt.datetime(2026, 12, 2, 12, 0, tzinfo=OSLO))
    assert text == "I dag på torget: frivillige fra Kreftforeningen og LHL"
    assert page.locator("[data-view=home] [data-torget-shift] a").count() == 0


@pytest.mark.browser
def test_organisation_page_built_weeks_ago_shows_the_shift_still_ahead(page, server):
    page.clock.set_fixed_time(dt.datetime(2026, 12, 10, 12, 0, tzinfo=OSLO))
    page.goto(server + "organisasjoner/kreftforeningen/")
    page.locator('.torget-next-shift li[data-torget-ends="2026-12-02T13:00:00Z"]').wait_for(state="hidden")
    assert page.locator(".torget-next-shift li:visible").all_inner_texts() == ["Neste vakt på torget: onsdag 13. januar – som reserve"]
