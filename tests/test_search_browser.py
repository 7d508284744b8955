"""Forgiving search in headless Chromium, in each of the site's three search boxes.

Every kind of query a visitor types (exact, beginnings, typos, inflected forms, English,
synonyms and phrases) is pinned with at least two examples in Material's site search, the
directory's filter and the kiosk; a query with no match shows suggestions and the themes.
"""

from __future__ import annotations

import re

import pytest
from kiosk_pages import SCREENS, Kiosk, touch_context
from search_pages import filter_matches, help_text, open_site_search, site_search

pytestmark = pytest.mark.browser

LHL = "landsforeningen-for-hjerte-og-lungesyke"
EPILEPSY = "norsk-epilepsiforbund"
DIABETES = "diabetesforbundet"
DEMENTIA = "nasjonalforeningen-for-folkehelsen"
RHEUMATISM = "norsk-revmatikerforbund"

# (kind, query, organisation expected among the first three results)
QUERIES = [
    ("exact", "diabetes", DIABETES),
    ("exact", "hjerteflimmer", LHL),
    ("prefix", "hukommel", DEMENTIA),
    ("prefix", "epilep", EPILEPSY),
    ("typo", "epilepis", EPILEPSY),
    ("typo", "psoraisis", "psoriasis-og-eksemforbundet"),
    ("typo", "prostatta", "prostatakreftforeningen"),
    ("typo", "alzhaimer", DEMENTIA),
    ("inflection", "diabetiker", DIABETES),
    ("inflection", "revmatisk", RHEUMATISM),
    ("inflection", "parkinsons", "norges-parkinsonforbund"),
    ("english", "stroke", "lhl-hjerneslag"),
    ("english", "kidney", "landsforeningen-for-nyrepasienter-og-transplanterte"),
    ("english", "epilepsy", EPILEPSY),
    ("synonym", "sukkersjuke", DIABETES),
    ("synonym", "glemsk", DEMENTIA),
    ("synonym", "slitasjegikt", RHEUMATISM),
    ("phrase", "pårørende til rusavhengige", "ivareta"),
    ("phrase", "kreft hos barn", "barnekreftforeningen"),
]
IDS = [f"{kind}-{query}" for kind, query, _ in QUERIES]


@pytest.fixture(scope="module")
def search_page(browser, site_server):
    """One tab with Material's search open, reused by every query (the field is emptied between them)."""
    context = browser.new_context(locale="nb-NO")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_site_search(page, site_server)
    yield page
    context.close()
    assert not errors, errors


@pytest.mark.parametrize(("kind", "query", "slug"), QUERIES, ids=IDS)
def test_site_search_finds_the_organisation_among_the_first_three(search_page, kind, query, slug):
    found = list(dict.fromkeys(site_search(search_page, query)))
    assert slug in found[:3], f"{kind} {query!r}: {found[:5]}"


def test_a_two_word_phrase_ranks_its_organisation_first(search_page):
    assert site_search(search_page, "pårørende til rusavhengige")[0] == "ivareta"
    assert site_search(search_page, "kreft hos barn")[0] == "barnekreftforeningen"


def test_a_typo_match_is_not_listed_as_a_missing_word(search_page):
    site_search(search_page, "epilepis")
    first = search_page.locator(".md-search-result__item").first
    assert "Mangler" not in first.inner_text()


def test_no_result_offers_the_closest_words_of_the_index_and_the_themes(search_page, site_server):
    assert site_search(search_page, "skitsofreni") == []
    assert search_page.locator(".md-search-result__meta").inner_text() == "Ingen treff"
    assert "Mente du schizofreni?" in help_text(search_page)
    search_page.locator(".torget-search-help__suggestion", has_text="schizofreni").click()
    search_page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 0")
    assert search_page.locator("[data-torget-search-help]").count() == 0
    # Nothing close at all: still a way on, to the themes.
    assert site_search(search_page, "xqzvw") == []
    assert "Bla i organisasjonene etter tema" in help_text(search_page)
    link = search_page.locator("[data-torget-search-help] a").get_attribute("href")
    assert link == site_server + "tema/"


def test_the_worker_loads_only_from_the_site(browser, site_server):
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    open_site_search(page, site_server)
    site_search(page, "stroke")
    context.close()
    assert any("/assets/torget/search_worker.js?material=" in url for url in requests)
    assert any(re.search(r"/assets/javascripts/workers/search\.\w+\.min\.js$", url) for url in requests)
    assert all(url.startswith(site_server) for url in requests)


HELD_BACK = re.compile(r"/search/search_index\.json$|/assets/javascripts/workers/search\.\w+\.min\.js$|/lunr/|/search_rule\.js$|/qr/")


def test_a_page_only_read_downloads_neither_the_search_nor_a_code_it_does_not_show(browser, site_server):
    """On a phone, an organisation page downloads no search index, no search code and not its own QR code (a phone
    does not show it); the search fetches what it needs when the visitor opens it, and finds."""
    context = browser.new_context(viewport={"width": 390, "height": 800}, service_workers="block")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_server + "organisasjoner/melanomforeningen/", wait_until="networkidle")
    assert page.locator(".torget-take-away").count() == 1 and not page.locator(".torget-take-away").is_visible()
    assert [url for url in requests if HELD_BACK.search(url)] == []
    page.locator('label.md-header__button[for="__search"]').click()  # the phone's search button
    page.locator(".md-search__input").fill("melanom")
    page.locator(".md-search__input").dispatch_event("keyup")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    assert any(url.endswith("/search/search_index.json") for url in requests)
    assert not any("/qr/" in url for url in requests)
    # A larger screen shows the code to scan.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.keyboard.press("Escape")
    assert page.locator(".torget-take-away img").is_visible()
    context.close()


def test_the_directory_filter_forgives_with_the_same_rule(page, site_server):
    page.goto(site_server + "organisasjoner/")
    shown = filter_matches(page, [query for _, query, _ in QUERIES])
    missing = [(query, slug) for (_, query, slug), found in zip(QUERIES, shown, strict=True) if slug not in found]
    assert not missing
    # A query that matches as typed shows what it always showed: near misses do not widen it.
    typed = page.evaluate("""() => [...document.querySelectorAll('li[data-search]')]
        .filter((item) => item.dataset.search.includes('diabetes'))
        .map((item) => item.querySelector('a').getAttribute('href').replace(/\\/$/, '').split('/').pop())""")
    assert DIABETES in typed and filter_matches(page, ["diabetes"])[0] == typed


def test_the_directory_filter_says_ingen_treff_with_suggestions(page, site_server):
    page.goto(site_server + "organisasjoner/")
    page.fill("#torget-filter-query", "skitsofreni")
    empty = page.locator("[data-torget-empty]")
    assert empty.is_visible() and "Ingen treff" in empty.inner_text()
    page.locator("[data-torget-suggestions] button", has_text="schizofreni").click()
    assert page.input_value("#torget-filter-query") == "schizofreni"
    assert not empty.is_visible()
    assert "Landsforeningen for Pårørende innen Psykisk helse (LPP)" in page.locator(".torget-directory li:visible > a").all_inner_texts()
    page.fill("#torget-filter-query", "xqzvw")
    empty.locator("a", has_text="tema").click()
    page.wait_for_url("**/tema/")


@pytest.fixture(scope="module")
def kiosk_tab(browser, site_server):
    context = touch_context(browser, SCREENS["landscape"])
    tab = Kiosk(context.new_page(), site_server)
    tab.open()
    tab.tap("[data-view=home] [data-action=az]")
    tab.tap("[data-action=keyboard]")
    yield tab
    context.close()


def type_on_kiosk(kiosk: Kiosk, text: str) -> list[str]:
    """Clear the kiosk's query, type `text` on its keyboard, and return the slugs it lists."""
    keys = kiosk.page.locator("[data-keyboard] button")
    kiosk.page.locator("[data-keyboard] button[aria-label='Tøm søket']").tap()
    for letter in text.upper():
        key = "Mellomrom" if letter == " " else letter
        keys.filter(has_text=re.compile(f"^{key}$")).first.tap()
    return kiosk.page.locator("[data-az-groups] .org-button").evaluate_all("buttons => buttons.map((b) => b.dataset.slug)")


@pytest.mark.parametrize(("kind", "query", "slug"), [
    ("exact", "hjerteflimmer", LHL),
    ("typo", "epilepis", EPILEPSY),
    ("typo", "prostatta", "prostatakreftforeningen"),
    ("inflection", "diabetiker", DIABETES),
    ("inflection", "revmatisk", RHEUMATISM),
    ("english", "stroke", LHL),
    ("english", "kidney", "landsforeningen-for-nyrepasienter-og-transplanterte"),
    ("synonym", "sukkersjuke", DIABETES),
    ("synonym", "glemsk", DEMENTIA),
    ("phrase", "kreft hos barn", "barnekreftforeningen"),
    ("phrase", "tap av barn", "landsforeningen-uventet-barnedod"),
], ids=lambda value: value if isinstance(value, str) and " " not in value else None)
def test_the_kiosk_keyboard_search_forgives(kiosk_tab, kind, query, slug):
    assert slug in type_on_kiosk(kiosk_tab, query)


def test_the_kiosk_offers_suggestions_and_the_themes_when_nothing_matches(kiosk_tab):
    assert type_on_kiosk(kiosk_tab, "skitsofreni") == []
    assert kiosk_tab.page.locator("[data-az-count]").inner_text().startswith("Ingen treff")
    kiosk_tab.tap("[data-az-suggestions] [data-suggestion=schizofreni]")
    assert "landsforeningen-for-parorende-innen-psykisk-helse" in kiosk_tab.page.locator(
        "[data-az-groups] .org-button").evaluate_all("buttons => buttons.map((b) => b.dataset.slug)")
    type_on_kiosk(kiosk_tab, "xqzvw")
    kiosk_tab.tap("[data-az-help] [data-action=themes]")
    assert kiosk_tab.screen == "themes"
