"""The lobby kiosk on a touch screen (landscape and portrait), as a visitor with one finger meets it."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import BROWSED_AT
from kiosk_pages import (
    SCREENS,
    SITE_URL,
    SMALL_TARGETS,
    Kiosk,
    decode_element,
    decode_svg_element,
    events_site_server,
    expected_targets,
    kiosk,
    kiosk_with_events,
    one_per_contact_layout,
    touch_context,
)
from quality import AXE_SCRIPT, AXE_TAGS, node_tools

from site_plugins.directory.load import load_directory

pytestmark = pytest.mark.browser

WEIGHT_LIMIT = 500_000
ACTIVE_SCREENS = ("themes", "theme", "az", "organisation", "mylist", "events", "volunteer")


@pytest.fixture(scope="module")
def directory(bundled_site):
    return load_directory(bundled_site.organisations, bundled_site.root)


def tour(kiosk: Kiosk, *, load: bool = True) -> Iterator[str]:
    """Every screen and dialog a visitor can reach, each named as it is shown."""
    page = kiosk.page
    if load:
        kiosk.open()
    yield "home"
    kiosk.tap("[data-view=home] [data-action=themes]")
    yield "themes"
    kiosk.tap("[data-theme=kreft]")
    yield "theme"
    kiosk.tap("[data-view=theme] [data-slug=melanomforeningen]")
    yield "organisation"
    kiosk.tap("[data-action=toggle-list]")
    kiosk.tap("[data-card] .contact")
    yield "qr-dialog"
    kiosk.tap("[data-action=close-dialog]")
    kiosk.tap("[data-action=mylist]")
    yield "mylist"
    kiosk.tap("[data-action=clear-list]")
    yield "mylist-empty"
    kiosk.tap("[data-action=home]")
    kiosk.tap("[data-view=home] [data-action=az]")
    kiosk.tap("[data-action=keyboard]")
    for letter in "KREFT":
        page.locator("[data-keyboard] button", has_text=letter).first.tap()
    yield "az"
    kiosk.tap("[data-action=home]")
    kiosk.tap("[data-view=home] [data-action=events]")
    yield "events"
    kiosk.tap("[data-action=home]")
    kiosk.tap("[data-view=home] [data-action=volunteer]")
    yield "volunteer"
    if load:  # the idle question and the attract screen, with the times shortened to a second
        kiosk.open("?attract=1")
        page.wait_for_function("() => document.body.dataset.screen === 'attract'")
        yield "attract"
        # The clock stands still until the tap is done, so a slow machine cannot ask before the visitor taps.
        page.clock.set_fixed_time(BROWSED_AT)
        kiosk.open("?idle=1")
        kiosk.tap("[data-view=home] [data-action=events]")
        page.wait_for_function("() => document.body.dataset.screen === 'events'")  # the tap is seen
        page.clock.set_fixed_time(BROWSED_AT + dt.timedelta(seconds=5))
        page.wait_for_function("() => document.querySelector('[data-idle-dialog]').open")
        yield "idle-dialog"


def test_the_kiosk_is_a_standalone_page_without_the_sites_header_sidebar_or_search(kiosk):
    kiosk.open()
    page = kiosk.page
    assert kiosk.screen == "home"
    assert page.locator(".md-header, .md-sidebar, .md-search, input[type=search]").count() == 0
    assert page.locator("h1:visible").inner_text() == "Velkommen til Pasient- og pårørendetorget"
    # Everything comes from the kiosk's own site.
    assert {urlsplit(url).netloc for url in kiosk.requests} == {urlsplit(kiosk.base).netloc}


def test_every_screen_has_home_and_back_and_names_itself_on_the_body(kiosk):
    for step in tour(kiosk):
        screen = kiosk.screen
        if step in ACTIVE_SCREENS:
            assert screen == step
            assert kiosk.page.locator(".bar [data-action=home]").is_visible()
            assert kiosk.page.locator(".bar [data-action=back]").is_visible()
    # Back retraces the way in; Home goes straight to the start.
    kiosk.open()
    kiosk.tap("[data-view=home] [data-action=themes]")
    kiosk.tap("[data-theme=demens]")
    kiosk.tap("[data-view=theme] .org-button")
    assert kiosk.screen == "organisation"
    kiosk.tap("[data-action=back]")
    assert kiosk.screen == "theme"
    assert kiosk.page.locator("[data-theme-name]").inner_text() == "Demens"
    kiosk.tap("[data-action=back]")
    assert kiosk.screen == "themes"
    kiosk.tap("[data-action=back]")
    assert kiosk.screen == "home"


def test_no_touch_target_is_smaller_than_48_px(kiosk):
    for step in tour(kiosk):
        small = kiosk.page.evaluate(SMALL_TARGETS)
        assert not small, f"{step}: targets under 48 × 48 px: {small}"


def test_no_wcag_a_or_aa_violation_on_any_screen(browser, site_server):
    """axe-core, as the site-wide gate (tests/quality.py) runs it, on every screen in both orientations."""
    node_tools()
    axe = AXE_SCRIPT.read_text(encoding="utf-8")
    for orientation, viewport in SCREENS.items():
        context = touch_context(browser, viewport)
        context.add_init_script(script=axe)
        tab = Kiosk(context.new_page(), site_server)
        for step in tour(tab):
            result = tab.page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", list(AXE_TAGS))
            problems = [f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']][:3]})" for v in result["violations"]]
            assert not problems, f"{orientation} {step}: {problems}"
            assert any(rule["id"] == "color-contrast" for rule in result["passes"]), "axe checked no contrast"
        context.close()


def _open_card(kiosk: Kiosk, slug: str) -> None:
    kiosk.tap("[data-action=home]") if kiosk.screen != "home" else None
    kiosk.tap("[data-view=home] [data-action=az]")
    kiosk.tap(f"[data-view=az] [data-slug='{slug}']")
    assert kiosk.screen == "organisation"


# One orientation: every button's code is read from the dialog's markup, which the screen's shape does not
# change; test_contact_qr_codes_scan_from_the_screen opens the dialog and scans it in both orientations.
@pytest.mark.parametrize("kiosk", ["landscape"], indirect=True)
def test_every_external_contact_shows_a_qr_code_of_its_address_and_never_leaves_the_kiosk(kiosk, directory):
    kiosk.open()
    page = kiosk.page
    start_url = page.url
    checked = expected_total = 0
    # One organisation of every contact layout; test_kiosk_site checks every organisation's card data.
    for org in one_per_contact_layout(directory):
        _open_card(kiosk, org.slug)
        expected = expected_targets(org)
        expected_total += len(expected)
        shown = set()
        buttons = page.locator("[data-card] .contact")
        assert buttons.count() >= len(expected)
        for index in range(buttons.count()):
            buttons.nth(index).tap()
            dialog = page.locator("[data-qr-dialog]")
            assert dialog.is_visible()
            decoded = decode_svg_element(dialog.locator("svg"))
            assert decoded == [dialog.get_attribute("data-target")]
            shown.add(decoded[0])
            page.locator("[data-action=close-dialog]").tap()
            assert page.url == start_url and len(page.context.pages) == 1
            checked += 1
        assert shown == expected, org.slug
        # The code to the organisation's own page on the public site, as the camera sees it on screen.
        assert decode_element(page.locator("[data-page-qr]")) == [f"{SITE_URL}organisasjoner/{org.slug}/"]
    assert checked >= expected_total > 0


def test_contact_qr_codes_scan_from_the_screen(kiosk, directory):
    """What a phone camera sees: a screenshot of the dialog's code, for each kind of address the data holds."""
    samples = {}
    for org in directory.organisations:
        for target in sorted(expected_targets(org)):
            samples.setdefault(target.split(":")[0], (org, target))
    assert {"https", "mailto"} <= set(samples)
    kiosk.open()
    for org, target in samples.values():
        _open_card(kiosk, org.slug)
        kiosk.page.locator(f"[data-card] .contact[data-qr='{target}']").first.tap()
        assert decode_element(kiosk.page.locator("[data-qr-code]")) == [target]
        text = kiosk.page.locator("[data-qr-text]").inner_text()  # shown as text too: melanom.no, 75 57 00 14
        assert text and (text in target or re.sub(r"\D", "", text)[-8:] in target)
        kiosk.tap("[data-action=close-dialog]")


def test_links_never_open_even_if_one_is_put_on_the_page(kiosk):
    kiosk.open()
    kiosk.page.evaluate("""() => {
      const link = document.createElement('a');
      link.href = 'https://example.org/'; link.textContent = 'Ut'; link.id = 'escape';
      document.querySelector('[data-view=home]').append(link);
    }""")
    # The kiosk's own handler runs on the document; a listener on the window runs after it, and sees whether
    # the tap's default (following the link) was cancelled, which decides it without waiting for a navigation.
    kiosk.page.evaluate("""() => { window.linkTaps = [];
      window.addEventListener('click', (event) => window.linkTaps.push(event.defaultPrevented)); }""")
    kiosk.page.locator("#escape").tap()
    kiosk.page.wait_for_function("() => window.linkTaps.length > 0")
    assert kiosk.page.evaluate("window.linkTaps") == [True]
    assert kiosk.page.url == kiosk.url and len(kiosk.page.context.pages) == 1
    # Nor does a script's window.open open anything.
    assert kiosk.page.evaluate("window.open('https://example.org/')") is None
    assert len(kiosk.page.context.pages) == 1


def test_the_list_qr_code_opens_the_marked_organisations_on_a_phone(kiosk, browser, site_server, directory):
    marked = ["melanomforeningen", "adhd-norge", "norges-blindeforbund"]
    kiosk.open()
    for slug in marked:
        _open_card(kiosk, slug)
        kiosk.tap("[data-action=toggle-list]")
    assert kiosk.list_count() == len(marked)
    kiosk.tap("[data-action=mylist]")
    assert kiosk.page.locator("[data-mylist-organisations] .org-button__name").all_inner_texts() == [
        directory.organisation(slug).display_name for slug in marked]
    [address] = decode_element(kiosk.page.locator("[data-mylist-qr] svg"))
    assert address == f"{SITE_URL}kiosk/liste/#{','.join(marked)}"

    phone = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, locale="nb-NO")
    tab = phone.new_page()
    tab.goto(site_server + address.removeprefix(SITE_URL))
    names = tab.locator("[data-torget-saved-list] li:visible a").all_inner_texts()
    assert sorted(names) == sorted(directory.organisation(slug).display_name for slug in marked)
    tab.locator("[data-torget-saved-list] li:visible a", has_text="Melanomforeningen").click()
    assert tab.url.endswith("/organisasjoner/melanomforeningen/")
    phone.close()


def test_the_list_holds_as_many_organisations_as_one_scannable_code_can_carry(kiosk, directory):
    longest = sorted(directory.organisations, key=lambda org: len(org.slug), reverse=True)
    kiosk.open()
    limit = kiosk.page.evaluate("() => JSON.parse(document.getElementById('kiosk-data').textContent).list_limit")
    for org in longest[:limit]:
        _open_card(kiosk, org.slug)
        kiosk.tap("[data-action=toggle-list]")
    _open_card(kiosk, longest[limit].slug)
    assert kiosk.page.locator("[data-action=toggle-list]").is_disabled()
    assert kiosk.list_count() == limit
    kiosk.tap("[data-action=mylist]")
    [address] = decode_element(kiosk.page.locator("[data-mylist-qr] svg"))
    assert address.endswith("#" + ",".join(org.slug for org in longest[:limit]))


def test_removing_and_clearing_the_list(kiosk):
    kiosk.open()
    for slug in ("melanomforeningen", "adhd-norge"):
        _open_card(kiosk, slug)
        kiosk.tap("[data-action=toggle-list]")
    kiosk.tap("[data-action=mylist]")
    kiosk.page.locator("[data-mylist-organisations] .remove-button").first.tap()
    assert kiosk.list_count() == 1
    [address] = decode_element(kiosk.page.locator("[data-mylist-qr] svg"))
    assert address.endswith("#adhd-norge")
    kiosk.tap("[data-action=clear-list]")
    assert kiosk.list_count() == 0 and kiosk.page.locator("[data-mylist-empty]").is_visible()


def test_the_on_screen_keyboard_filters_ignoring_accents(kiosk, directory):
    kiosk.open()
    kiosk.tap("[data-view=home] [data-action=az]")
    total = kiosk.page.locator("[data-az-groups] .org-button").count()
    assert total == len(directory.organisations)
    kiosk.tap("[data-action=keyboard]")
    for letter in "FØFLEKK":
        kiosk.page.locator("[data-keyboard] button", has_text=letter).first.tap()
    assert kiosk.page.locator("[data-az-groups] .org-button__name").all_inner_texts() == ["Melanomforeningen"]
    kiosk.page.locator("[data-keyboard] button", has_text="Tøm").tap()
    for letter in "PARORENDE":  # typed without Å and Ø, as a visitor in a hurry might
        kiosk.page.locator("[data-keyboard] button", has_text=letter).first.tap()
    names = kiosk.page.locator("[data-az-groups] .org-button__name").all_inner_texts()
    assert "Pårørendealliansen" in names and len(names) < total


def test_theme_then_a_to_z_lists_exactly_the_themes_organisations(kiosk, directory):
    kiosk.open()
    kiosk.tap("[data-view=home] [data-action=themes]")
    category = directory.category("Demens")
    kiosk.tap(f"[data-theme={category.slug}]")
    shown = kiosk.page.locator("[data-theme-organisations] .org-button__name").all_inner_texts()
    assert shown == [org.display_name for org in directory.in_category(category)]


def test_the_kiosk_keeps_working_with_the_network_gone_after_the_first_load(kiosk):
    kiosk.open()
    loaded = len(kiosk.requests)
    kiosk.page.context.route("**/*", lambda route: route.abort())
    seen = [kiosk.screen for _ in tour(kiosk, load=False)]
    assert set(ACTIVE_SCREENS) <= set(seen)
    _open_card(kiosk, "melanomforeningen")
    kiosk.tap("[data-action=toggle-list]")
    kiosk.tap("[data-action=mylist]")
    assert decode_element(kiosk.page.locator("[data-mylist-qr] svg"))
    assert kiosk.page.locator("[data-torget-status]").first.inner_text().startswith(("Åpent", "Stengt"))
    assert kiosk.requests[loaded:] == []


def test_no_request_is_made_while_a_visitor_uses_the_kiosk(kiosk):
    kiosk.open()
    loaded = len(kiosk.requests)
    kiosk.tap("[data-view=home] [data-action=themes]")
    kiosk.tap("[data-theme=kreft]")
    kiosk.tap("[data-view=theme] .org-button")
    kiosk.tap("[data-card] .contact")
    kiosk.tap("[data-action=close-dialog]")
    kiosk.tap("[data-action=toggle-list]")
    kiosk.tap("[data-action=mylist]")
    kiosk.tap("[data-action=home]")
    kiosk.tap("[data-view=home] [data-action=events]")
    assert kiosk.requests[loaded:] == []


def test_the_first_load_transfers_at_most_500_kb(kiosk):
    # Counted from the browser's own network events: the fixture's fake clock (page.clock) replaces
    # `performance`, whose resource timings then list nothing.
    finished = []
    kiosk.page.on("requestfinished", lambda request: finished.append(request))
    kiosk.open()
    transferred = []
    for request in finished:
        sizes = request.sizes()
        transferred.append([request.url, sizes["responseHeadersSize"] + sizes["responseBodySize"]])
    assert any(url.endswith("/kiosk/") for url, _ in transferred), transferred  # the page itself was counted
    # The organisations' cards are fetched once the first screen is up (a visitor's first tap then needs
    # no network); they are the rest of the data, not part of what the first screen waits for.
    cards = [entry for entry in transferred if "/kiosk/organisasjoner.json" in entry[0]]
    assert len(cards) == 1 and cards[0][1] > 0, transferred
    transferred.remove(cards[0])
    total = sum(size for _, size in transferred)
    assert all(size > 0 for _, size in transferred), transferred  # each was really fetched and counted
    assert total <= WEIGHT_LIMIT, json.dumps(transferred, indent=1)


def test_upcoming_events_show_their_page_as_a_qr_code(kiosk_with_events):
    kiosk = kiosk_with_events
    kiosk.open()
    kiosk.tap("[data-view=home] [data-action=events]")
    events = kiosk.page.locator("[data-events] .event")
    assert events.count() > 0, "DESK_EVENTS, built and viewed on BUILT_AT, are in the coming weeks"
    events.first.tap()
    [address] = decode_svg_element(kiosk.page.locator("[data-qr-dialog] svg"))
    assert address.startswith(f"{SITE_URL}arrangementer/")
    path = Path(urlsplit(address).path.strip("/"))
    assert kiosk.page.request.get(kiosk.base + str(path) + "/").ok


def test_the_volunteer_screen_points_to_the_volunteer_page(kiosk):
    kiosk.open()
    kiosk.tap("[data-view=home] [data-action=volunteer]")
    kiosk.tap("[data-volunteer-contacts] .contact")
    [address] = decode_svg_element(kiosk.page.locator("[data-qr-dialog] svg"))
    assert address == f"{SITE_URL}bli-frivillig/"
    assert kiosk.page.request.get(kiosk.base + "bli-frivillig/").ok
