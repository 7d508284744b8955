"""The "Åpningstider" page and the "Åpent nå" status in the built site, read as HTML and in Chromium.

The site is built as of Monday 23 November 2026 (SOURCE_DATE_EPOCH), so its dates are known;
the browser's clock is then set to other moments to show the status is decided at viewing time.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from conftest import REPO, Project, assert_built, served_at_local_address

from site_plugins.hours.closed_days import ClosedDays
from site_plugins.hours.desk import desk_hours
from site_plugins.hours.pages import hours_page
from site_plugins.hours.rule import parse_hours_rule
from site_plugins.hours.school_holidays import SchoolCalendar, SchoolHoliday
from site_plugins.sources.config_location import OptionLocation
from site_plugins.web.urls import SiteUrls

OSLO = ZoneInfo("Europe/Oslo")
BUILT_AT = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def served_project(tmp_path_factory: pytest.TempPathFactory, shared_cache) -> Iterator[tuple[Project, str]]:
    """The bundled site built as of BUILT_AT with `site_url` set to the local address it is served at.

    Material's instant navigation only follows links listed in sitemap.xml, which it matches by
    host but not by port, so the site must know the port it is served on.
    """
    with served_at_local_address(tmp_path_factory.mktemp("hours"), shared_cache, BUILT_AT) as served:
        yield served


@pytest.fixture(scope="module")
def hours_site(served_project) -> Project:
    return served_project[0]


@pytest.fixture(scope="module")
def hours_server(served_project) -> str:
    return served_project[1]


def _article(html: str) -> str:
    return re.search(r'<article class="torget-hours">.*?</article>', html, re.S).group(0)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_hours_page_explains_the_rule_and_lists_the_next_eight_staffed_days(hours_site):
    article = _article(hours_site.page("apningstider/"))
    text = _text(article)
    assert "Torget er bemannet onsdager kl. 11:00–14:00." in text
    assert "stengt i skoleferiene, på helligdager, på julaften (24. desember) og på nyttårsaften (31. desember)" in text
    shown = re.findall(r'<li data-torget-ends="[^"]+"><strong>([^<]+)</strong> kl\. 11:00–14:00</li>', article)
    assert shown == ["onsdag 25. november 2026", "onsdag 2. desember 2026", "onsdag 9. desember 2026",
                     "onsdag 16. desember 2026", "onsdag 6. januar 2027", "onsdag 13. januar 2027",
                     "onsdag 20. januar 2027", "onsdag 27. januar 2027"]


def test_hours_page_lists_coming_closures_with_reason_staffing_and_help_when_closed(hours_site):
    text = _text(_article(hours_site.page("apningstider/")))
    assert "onsdag 23. desember 2026 : stengt (juleferie)" in text
    assert "onsdag 30. desember 2026 : stengt (juleferie)" in text
    assert "onsdag 3. mars 2027 : stengt (vinterferie)" in text
    assert "to frivillige fra to ulike pasient- og brukerorganisasjoner" in text and "reserve" in text
    assert "QR-koden på roll-upen" in text
    assert "De frivillige har taushetsplikt." in text
    assert 'href="../organisasjoner/"' in hours_site.page("apningstider/")


def test_hours_page_calls_the_school_holidays_provisional_while_the_calendar_is_unconfirmed(hours_site):
    # The bundled calendar says `verified: false`.
    text = _text(_article(hours_site.page("apningstider/")))
    assert "Datoene for skoleferiene er foreløpige." in text


@pytest.mark.parametrize(("verified", "rule", "provisional"), [
    (False, "We 11:00-14:00; SH off; PH off", True),
    (True, "We 11:00-14:00; SH off; PH off", False),
    (False, "We 11:00-14:00; PH off", False),  # the desk ignores the school holidays: nothing to call provisional
])
def test_the_provisional_note_follows_the_calendar_and_the_rule(verified: bool, rule: str, provisional: bool):
    winter = SchoolHoliday(dt.date(2027, 2, 27), dt.date(2027, 3, 7), "vinterferie")
    closed_days = ClosedDays(SchoolCalendar((winter,), verified=verified), ())
    parsed, problems = parse_hours_rule(rule, closed_days, OptionLocation("mkdocs.yml", "hours"))
    assert not problems
    page = hours_page(desk_hours(parsed, closed_days, BUILT_AT), closed_days, SiteUrls("https://torget.example.no/"))
    page = page.html or str(page.content)
    assert ("Datoene for skoleferiene er foreløpige." in page) is provisional


def test_hours_page_is_in_the_navigation_and_the_front_page_has_the_status(hours_site):
    front = hours_site.page("")
    assert re.search(r'<a href="apningstider/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Åpningstider', front)
    assert "data-torget-status" in front
    # The status script is in the one script bundle the pages load.
    assert '<script src="assets/torget/torget.js" defer></script>' in front
    status_script = (REPO / "site_plugins/assets/opening_status.js").read_text(encoding="utf-8")
    assert status_script.strip() in (hours_site.site / "assets/torget/torget.js").read_text(encoding="utf-8")


def test_json_ld_has_the_usual_week_and_the_closures(hours_site, hours_server):
    html = hours_site.page("apningstider/")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Place" and data["url"] == hours_server + "apningstider/"
    assert data["openingHoursSpecification"] == [{"@type": "OpeningHoursSpecification",
                                                  "dayOfWeek": ["https://schema.org/Wednesday"],
                                                  "opens": "11:00", "closes": "14:00"}]
    special = {entry["validFrom"]: entry for entry in data["specialOpeningHoursSpecification"]}
    assert special["2026-12-23"] == {"@type": "OpeningHoursSpecification", "validFrom": "2026-12-23",
                                     "validThrough": "2026-12-23", "opens": "00:00", "closes": "00:00",
                                     "description": "juleferie"}


def test_status_file_covers_twelve_months_as_utc_instants(hours_site):
    data = json.loads((hours_site.site / "assets/torget/hours.json").read_text(encoding="utf-8"))
    starts = [dt.datetime.fromisoformat(interval["start"].replace("Z", "+00:00")) for interval in data["intervals"]]
    assert starts[0] == dt.datetime(2026, 11, 25, 11, 0, tzinfo=OSLO)
    assert all(start.astimezone(OSLO).strftime("%a %H:%M") == "Wed 11:00" for start in starts)
    assert dt.datetime(2027, 11, 17, 11, 0, tzinfo=OSLO) in starts
    assert dt.datetime(2026, 12, 23, 11, 0, tzinfo=OSLO) not in starts


# --- In the browser, with the clock set to the moment the visitor looks ---------------------------

def _status(page, url: str, moment: dt.datetime) -> str:
    page.clock.set_fixed_time(moment)
    page.goto(url)
    status = page.locator("[data-torget-status]")
    status.wait_for(state="visible")
    return status.inner_text()


@pytest.mark.browser
@pytest.mark.parametrize(("clock", "expected"), [
    ((10, 59), "Stengt – åpner onsdag 2. desember kl. 11:00"),
    ((11, 0), "Åpent nå – til 14:00"),
    ((13, 59), "Åpent nå – til 14:00"),
    ((14, 0), "Stengt – åpner onsdag 9. desember kl. 11:00"),
])
def test_status_on_the_front_page_at_opening_and_closing(page, hours_server, clock, expected):
    assert _status(page, hours_server, dt.datetime(2026, 12, 2, *clock, tzinfo=OSLO)) == expected


@pytest.mark.browser
@pytest.mark.parametrize(("clock", "expected"), [
    ((10, 59), "Stengt – åpner onsdag 31. mars kl. 11:00"),
    ((11, 0), "Åpent nå – til 14:00"),
])
def test_status_after_the_daylight_saving_change_on_a_device_in_another_zone(browser, hours_server, clock, expected):
    """Summer time starts 28 March 2027; a phone set to New York time still gets Oslo's hours."""
    context = browser.new_context(locale="nb-NO", timezone_id="America/New_York")
    page = context.new_page()
    try:
        assert _status(page, hours_server + "apningstider/", dt.datetime(2027, 3, 31, *clock, tzinfo=OSLO)) == expected
    finally:
        context.close()


@pytest.mark.browser
def test_a_page_built_weeks_ago_shows_todays_status_and_drops_past_days(page, hours_server):
    assert _status(page, hours_server + "apningstider/", dt.datetime(2027, 1, 13, 12, 0, tzinfo=OSLO)) == "Åpent nå – til 14:00"
    days = page.locator(".torget-days li:visible strong").all_inner_texts()
    assert days[0] == "onsdag 13. januar 2027" and len(days) == 8
    assert "onsdag 23. desember 2026" not in page.locator(".torget-changes li:visible").all_inner_texts()


@pytest.mark.browser
def test_without_a_script_the_status_stays_hidden_and_the_link_remains(browser, hours_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(hours_server)
        assert not page.locator("[data-torget-status]").is_visible()
        assert page.get_by_role("link", name="åpningstidene").is_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_status_is_filled_after_instant_navigation(page, hours_server):
    page.clock.set_fixed_time(dt.datetime(2026, 12, 2, 12, 0, tzinfo=OSLO))
    # Material's instant navigation starts once it has read sitemap.xml: wait until the page has fetched it.
    page.goto(hours_server + "organisasjoner/", wait_until="networkidle")
    page.evaluate("window.torgetSamePage = true")
    page.locator(".md-tabs, .md-nav").get_by_role("link", name="Åpningstider").first.click()
    page.wait_for_url("**/apningstider/")
    assert page.evaluate("window.torgetSamePage") is True, "Material's instant navigation did not swap the page"
    status = page.locator("article [data-torget-status]")
    status.wait_for(state="visible")
    assert status.inner_text() == "Åpent nå – til 14:00"
