"""The kiosk left alone: "Vil du fortsette?", the reset, the attract screen and the nightly reload.

Time is Playwright's fake clock, so minutes pass at once and nothing depends on how fast the machine is.
"""

from __future__ import annotations

import datetime as dt

import pytest
from kiosk_pages import MONDAY_MORNING, OSLO, Kiosk, events_site_server, kiosk, kiosk_with_events
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SECOND = 1000
SHORT = "?idle=30&warn=20&attract=60"


def start(kiosk: Kiosk, query: str = SHORT, at: dt.datetime = MONDAY_MORNING) -> None:
    """Open the kiosk at `at`, stop the clock ten seconds later and touch the start screen's text then."""
    kiosk.page.clock.install(time=at)
    kiosk.open(query)
    kiosk.page.clock.pause_at(at + dt.timedelta(seconds=10))
    kiosk.tap("[data-view=home] .lead")


def question(kiosk: Kiosk):
    return kiosk.page.locator("[data-idle-dialog]")


def use_the_kiosk(kiosk: Kiosk) -> None:
    """Leave something behind: a marked organisation, a typed filter, a scrolled list."""
    kiosk.tap("[data-view=home] [data-action=az]")
    kiosk.tap("[data-view=az] [data-slug=melanomforeningen]")
    kiosk.tap("[data-action=toggle-list]")
    kiosk.tap("[data-action=back]")
    kiosk.tap("[data-action=keyboard]")
    kiosk.page.locator("[data-keyboard] button", has_text="K").first.tap()
    # Scrolling counts as use; wait for its event, so it is seen at the stopped clock's time.
    kiosk.page.locator("#main").evaluate(
        "main => new Promise(done => { main.addEventListener('scroll', done, {once: true}); main.scrollTop = 400; })")
    assert kiosk.list_count() == 1 and kiosk.screen == "az"


def test_after_the_idle_time_it_asks_and_then_clears_everything(kiosk):
    start(kiosk)
    use_the_kiosk(kiosk)
    kiosk.page.clock.run_for(29 * SECOND)
    assert not question(kiosk).is_visible()
    kiosk.page.clock.run_for(2 * SECOND)
    assert question(kiosk).is_visible()
    assert "Vil du fortsette?" in question(kiosk).inner_text()
    # The question waits `warn` seconds, and says how long is left.
    kiosk.page.clock.run_for(18 * SECOND)
    assert question(kiosk).is_visible() and kiosk.screen == "az"
    kiosk.page.clock.run_for(3 * SECOND)
    assert not question(kiosk).is_visible()
    assert kiosk.screen == "home" and kiosk.list_count() == 0
    assert kiosk.page.locator("#main").evaluate("main => main.scrollTop") == 0
    kiosk.tap("[data-view=home] [data-action=az]")
    assert not kiosk.page.locator("[data-keyboard]").is_visible()
    assert not kiosk.page.locator("[data-query-line]").is_visible()
    assert kiosk.page.locator("[data-action=back]").is_visible()
    kiosk.tap("[data-action=mylist]")
    assert kiosk.page.locator("[data-mylist-empty]").is_visible()


def test_answering_yes_keeps_the_visitors_place_and_list(kiosk):
    start(kiosk)
    use_the_kiosk(kiosk)
    kiosk.page.clock.run_for(31 * SECOND)
    kiosk.page.locator("[data-action=continue]").tap()
    assert not question(kiosk).is_visible()
    kiosk.page.clock.run_for(25 * SECOND)
    assert kiosk.screen == "az" and kiosk.list_count() == 1 and not question(kiosk).is_visible()
    # Asked again after another full idle time.
    kiosk.page.clock.run_for(6 * SECOND)
    assert question(kiosk).is_visible()
    kiosk.page.locator("[data-action=restart]").tap()
    assert kiosk.screen == "home" and kiosk.list_count() == 0


def test_by_default_the_question_comes_after_90_seconds_and_waits_at_least_20(kiosk):
    start(kiosk, query="")
    kiosk.tap("[data-view=home] [data-action=events]")
    kiosk.page.clock.run_for(89 * SECOND)
    assert not question(kiosk).is_visible()
    kiosk.page.clock.run_for(2 * SECOND)
    assert question(kiosk).is_visible()
    kiosk.page.clock.run_for(20 * SECOND)
    assert question(kiosk).is_visible()
    kiosk.page.clock.run_for(11 * SECOND)
    assert kiosk.screen == "home"


def test_after_long_quiet_on_the_start_screen_the_attract_screen_shows_until_touched(kiosk):
    start(kiosk)
    kiosk.page.clock.run_for(59 * SECOND)
    assert kiosk.screen == "home"
    kiosk.page.clock.run_for(2 * SECOND)
    assert kiosk.screen == "attract"
    attract = kiosk.page.locator("[data-view=attract]")
    assert attract.is_visible()
    assert attract.locator("[data-torget-status]").inner_text().startswith(("Åpent", "Stengt"))
    kiosk.page.clock.run_for(600 * SECOND)
    assert kiosk.screen == "attract"
    # A touch anywhere wakes it, and does not also press what lies underneath.
    kiosk.page.touchscreen.tap(960, 540)
    assert kiosk.screen == "home" and not attract.is_visible()
    kiosk.page.clock.run_for(30 * SECOND)
    assert kiosk.screen == "home"


def test_after_a_reset_the_attract_screen_follows(kiosk):
    start(kiosk)
    kiosk.tap("[data-view=home] [data-action=volunteer]")
    kiosk.page.clock.run_for(52 * SECOND)  # 30 s idle, 20 s question, then the reset
    assert kiosk.screen == "home"
    kiosk.page.clock.run_for(62 * SECOND)
    assert kiosk.screen == "attract"


def test_the_default_attract_time_is_five_minutes(kiosk):
    start(kiosk, query="")
    kiosk.page.clock.run_for(299 * SECOND)
    assert kiosk.screen == "home"
    kiosk.page.clock.run_for(2 * SECOND)
    assert kiosk.screen == "attract"


def _serve_build(kiosk: Kiosk, build: str | None) -> list[str]:
    """Answer the kiosk page's address with the real page under another build stamp (None: network down)."""
    fetched: list[str] = []
    original = kiosk.page.request.get(kiosk.url).text()
    current = kiosk.page.evaluate("document.documentElement.dataset.build")

    def answer(route):
        fetched.append(route.request.url)
        if build is None:
            route.abort()
        else:
            route.fulfill(status=200, content_type="text/html; charset=utf-8",
                          body=original.replace(f'data-build="{current}"', f'data-build="{build}"'))

    kiosk.page.route(lambda url: url.split("?")[0] == kiosk.url, answer)
    return fetched


NIGHT = dt.datetime(2026, 11, 24, 3, 0, tzinfo=OSLO)


def test_at_night_an_idle_kiosk_reloads_when_a_newer_build_is_on_the_server(kiosk):
    start(kiosk, at=NIGHT)
    kiosk.page.evaluate("window.sameDocument = true")
    fetched = _serve_build(kiosk, "newer-build")
    kiosk.page.clock.run_for(62 * SECOND)
    kiosk.page.wait_for_function("() => document.documentElement.dataset.build === 'newer-build'")
    assert fetched
    assert kiosk.page.evaluate("window.sameDocument") is None


def _build_check(kiosk: Kiosk, outcome: str) -> None:
    """Wait, in real time, until the kiosk's look for a newer build has ended with `outcome`: the request
    is answered by the test's route, which a loaded machine may take seconds to run."""
    expect(kiosk.page.locator("body")).to_have_attribute("data-build-check", outcome, timeout=60_000)


def test_at_night_it_stays_on_its_page_when_the_server_cannot_be_reached(kiosk):
    start(kiosk, at=NIGHT)
    kiosk.page.evaluate("window.sameDocument = true")
    fetched = _serve_build(kiosk, None)
    kiosk.expect_console_error("Failed to load resource: net::ERR_FAILED")  # Chromium logs the refused request
    kiosk.page.clock.run_for(62 * SECOND)
    _build_check(kiosk, "unreachable")
    assert fetched, "the kiosk did not look for a newer build"
    assert kiosk.page.evaluate("window.sameDocument") is True
    assert kiosk.screen == "attract"
    # Half an hour later it looks again, and stays again.
    kiosk.page.evaluate("document.body.dataset.buildCheck = ''")
    kiosk.page.clock.run_for(30 * 60 * SECOND)
    _build_check(kiosk, "unreachable")
    assert len(fetched) == 2 and kiosk.page.evaluate("window.sameDocument") is True


def test_at_night_an_unchanged_build_is_not_reloaded(kiosk):
    start(kiosk, at=NIGHT)
    kiosk.page.evaluate("window.sameDocument = true")
    fetched = _serve_build(kiosk, kiosk.page.evaluate("document.documentElement.dataset.build"))
    kiosk.page.clock.run_for(62 * SECOND)
    _build_check(kiosk, "current")
    assert fetched and kiosk.page.evaluate("window.sameDocument") is True


def test_in_the_daytime_an_idle_kiosk_does_not_reload(kiosk):
    start(kiosk)
    fetched = _serve_build(kiosk, "newer-build")
    # The page's own calls, counted as they are made: the fake clock runs the kiosk's timers within run_for,
    # so what they fetch is known when it returns, without waiting for requests that should never come.
    kiosk.page.evaluate("""() => { const original = window.fetch; window.fetchCalls = [];
      window.fetch = (...args) => { window.fetchCalls.push(String(args[0])); return original(...args); }; }""")
    kiosk.page.clock.run_for(120 * SECOND)
    assert kiosk.screen == "attract"
    assert kiosk.page.evaluate("window.fetchCalls") == [] and fetched == []
    assert kiosk.page.locator("body").get_attribute("data-build-check") is None


def _kiosk_json(kiosk: Kiosk) -> dict:
    return kiosk.page.evaluate("() => JSON.parse(document.getElementById('kiosk-data').textContent)")


def _at(kiosk: Kiosk, instant: str) -> Kiosk:
    """The same kiosk opened afresh in a new tab whose clock stands still at `instant` (UTC, ISO)."""
    tab = Kiosk(kiosk.page.context.new_page(), kiosk.base)
    tab.page.clock.set_fixed_time(dt.datetime.fromisoformat(instant.replace("Z", "+00:00")))
    tab.open()
    return tab


def test_the_start_screen_tells_whether_the_desk_is_staffed_now(kiosk):
    kiosk.open()
    hours = kiosk.page.request.get(kiosk.base + "assets/torget/hours.json").json()
    first = hours["intervals"][0]
    during = (dt.datetime.fromisoformat(first["start"].replace("Z", "+00:00")) + dt.timedelta(minutes=1)).isoformat()
    before = (dt.datetime.fromisoformat(first["start"].replace("Z", "+00:00")) - dt.timedelta(minutes=1)).isoformat()
    assert _at(kiosk, during).page.locator("[data-view=home] [data-torget-status]").inner_text() == first["open"]
    assert _at(kiosk, before).page.locator("[data-view=home] [data-torget-status]").inner_text() == first["closed"]


def test_events_that_have_ended_drop_off_without_a_new_build(kiosk_with_events):
    kiosk = kiosk_with_events
    kiosk.open()
    events = _kiosk_json(kiosk)["events"]
    assert len(events) >= 2, "DESK_EVENTS, built on BUILT_AT, have at least two dates in the coming weeks"
    later = _at(kiosk, events[0]["end"].replace("Z", ".001Z"))
    remaining = [event for event in events if event["end"] > events[0]["end"]]
    assert later.page.locator("[data-events-hint]").inner_text() == f"Neste: {remaining[0]['title']}, {remaining[0]['when']}"
    later.tap("[data-view=home] [data-action=events]")
    assert later.page.locator("[data-events] .event__when").all_inner_texts() == [event["when"] for event in remaining]
