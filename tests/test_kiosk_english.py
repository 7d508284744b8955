"""The site in English where a visitor meets it in Chromium: the kiosk switched to English and back at the idle
reset, and the English site's search.

The bundled English site is not yet complete, so it is built as a staging build (`drafts: true`), the way LMS
looks at a language before it is published; the kiosk offers only the languages the build publishes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator

import pytest
from conftest import assert_built, copy_bundled_project, serve_folder
from kiosk_pages import MONDAY_MORNING, SCREENS, SITE_URL, Kiosk, _kiosk
from playwright.sync_api import expect
from search_pages import PLACEHOLDERS, open_site_search, site_search

pytestmark = pytest.mark.browser

SECOND = 1000
BREAST_CANCER = "brystkreftforeningen"
DEMENTIA = "nasjonalforeningen-for-folkehelsen"
STROKE = ("landsforeningen-for-slagrammede", "lhl-hjerneslag", "norsk-forening-for-slagrammede")


@pytest.fixture(scope="module")
def staging_site(tmp_path_factory: pytest.TempPathFactory, shared_cache) -> Iterator[str]:
    """The bundled site as a staging build (English built although incomplete), served; yields its base URL."""
    project = copy_bundled_project(tmp_path_factory.mktemp("english"), cache=shared_cache)
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - torget:\n", "  - torget:\n      drafts: true\n", 1),
                      encoding="utf-8")
    assert_built(project.build())
    assert (project.site / "kiosk" / "en.json").is_file()
    with serve_folder(project.site) as url:
        yield url


@pytest.fixture
def kiosk(browser, staging_site) -> Iterator[Kiosk]:
    yield from _kiosk(browser, SCREENS["landscape"], staging_site)


def start(kiosk: Kiosk) -> None:
    """Open the kiosk with short idle times on Monday morning, its clock stopped ten seconds later."""
    kiosk.page.clock.install(time=MONDAY_MORNING)
    kiosk.open("?idle=30&warn=20&attract=60")
    kiosk.page.clock.pause_at(MONDAY_MORNING + dt.timedelta(seconds=10))


def to_english(kiosk: Kiosk) -> None:
    button = kiosk.page.locator("[data-view=home] [data-languages] button[lang=en]")
    expect(button).to_have_text("English")
    button.tap()
    expect(kiosk.page.locator("html")).to_have_attribute("lang", "en")


def type_on_keyboard(kiosk: Kiosk, text: str) -> None:
    kiosk.tap("[data-action=keyboard]")
    for letter in text:
        kiosk.page.locator("[data-keyboard] button", has_text=letter).first.tap()


def test_the_kiosk_switches_to_english_and_back_to_bokmal_at_the_idle_reset(kiosk: Kiosk) -> None:
    start(kiosk)
    page = kiosk.page
    home_title = page.locator("#home-title")
    expect(home_title).to_have_text("Velkommen til Pasient- og pårørendetorget")
    first_day = page.locator("[data-view=home] [data-staffed-day='0'] strong")
    expect(first_day).to_have_text(re.compile(r"^onsdag "))
    # The opening status and today's shifts are read again from the English site's copies of their data.
    with page.expect_response(lambda response: response.url.endswith("/en/assets/torget/hours.json")):
        to_english(kiosk)
    expect(home_title).to_have_text("Welcome to the patient and relatives' desk")
    expect(first_day).to_have_text(re.compile(r"^Wednesday "))
    expect(page.locator("[data-action=back]")).to_have_attribute("aria-label", "Back")
    # The start screen now offers bokmål, named in itself.
    expect(page.locator("[data-languages] button[lang=nb]")).to_have_text("Norsk bokmål")
    # Themes and an organisation's card read English, its page's code leads to the English page.
    kiosk.tap("[data-view=home] [data-action=themes]")
    expect(page.locator("[data-theme=kreft] .tile__name")).to_have_text("Cancer")
    kiosk.tap("[data-theme=kreft]")
    kiosk.tap(f"[data-view=theme] [data-slug={BREAST_CANCER}]")
    card = page.locator("[data-card]")
    expect(card.locator(".lead")).to_contain_text("a patient association for people who have or have had breast cancer")
    expect(card.locator("[data-page-qr]")).to_have_attribute(
        "data-page-qr", f"{SITE_URL}en/organisasjoner/{BREAST_CANCER}/")
    expect(card.locator("h2").first).to_have_text("Contact")
    # The QR dialog of a contact reads English.
    card.locator(".contact", has_text="Web site").first.tap()
    dialog = page.locator("[data-qr-dialog]")
    expect(dialog.locator("[data-qr-label]")).to_have_text("Web site")
    expect(dialog).to_contain_text("This screen opens no links.")
    expect(dialog.locator("svg")).to_have_attribute("aria-label", "QR code: brystkreftforeningen.no")
    dialog.locator("[data-action=close-dialog]").tap()
    # Left alone: the question in English, then the reset, back to bokmål.
    page.clock.run_for(31 * SECOND)
    question = page.locator("[data-idle-dialog]")
    expect(question.locator("h2")).to_have_text("Do you want to continue?")
    expect(question.locator("[data-idle-text]")).to_contain_text("seconds the screen goes back to the start")
    page.clock.run_for(21 * SECOND)
    expect(question).to_be_hidden()
    assert kiosk.screen == "home"
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    expect(home_title).to_have_text("Velkommen til Pasient- og pårørendetorget")
    expect(first_day).to_have_text(re.compile(r"^onsdag "))
    assert page.locator("html").get_attribute("data-torget-data") is None
    expect(page.locator("[data-languages] button[lang=en]")).to_have_text("English")
    kiosk.tap("[data-view=home] [data-action=themes]")
    expect(page.locator("[data-theme=kreft] .tile__name")).to_have_text("Kreft")


def test_the_kiosk_in_english_searches_english_words_and_inflections(kiosk: Kiosk) -> None:
    start(kiosk)
    to_english(kiosk)
    kiosk.tap("[data-view=home] [data-action=az]")
    type_on_keyboard(kiosk, "STROKES")
    groups = kiosk.page.locator("[data-az-groups]")
    expect(groups.locator(f"[data-slug={STROKE[0]}]")).to_be_visible()
    expect(kiosk.page.locator("[data-az-count]")).to_have_text(
        f"Showing {groups.locator('[data-slug]').count()} organisations.")
    kiosk.tap("[data-keyboard] button[aria-label='Clear the search']")
    for letter in "DEMENTIA":
        kiosk.page.locator("[data-keyboard] button", has_text=letter).first.tap()
    expect(groups.locator(f"[data-slug={DEMENTIA}]")).to_be_visible()


def test_the_english_sites_search_finds_english_words_in_the_first_three(browser, staging_site) -> None:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    placeholder = PLACEHOLDERS["en"]
    open_site_search(page, staging_site + "en/", placeholder)
    for query, expected in (("breast cancer", (BREAST_CANCER,)), ("dementia", (DEMENTIA,)), ("strokes", STROKE),
                            ("diabetic", ("diabetesforbundet",))):
        top = list(dict.fromkeys(site_search(page, query, placeholder)))[:3]
        assert set(top) & set(expected), f"{query!r}: {top}"
    context.close()
    assert not errors, errors


def test_the_public_build_offers_the_published_languages(site_server) -> None:
    """The kiosk offers exactly the languages the public build publishes: bokmål, and English now that it is
    complete (an incomplete language is left out of the site, tests/test_languages.py)."""
    from urllib.request import urlopen

    page = urlopen(site_server + "kiosk/").read().decode("utf-8")
    data = json.loads(page.split('id="kiosk-data">', 1)[1].split("</script>", 1)[0])
    assert [language["code"] for language in data["languages"]] == ["nb", "en"]
