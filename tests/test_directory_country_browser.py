"""In headless Chromium: old addresses of renamed organisations, the umbrella filter, and contact
buttons a thumb can hit on a phone."""

from __future__ import annotations

import pytest
from conftest import REPO

from site_plugins.directory.load import load_directory

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("old", "new", "name"), [
    ("prolar", "prolar-nett", "proLAR Nett – Nasjonalt forbund for folk i LAR"),
    ("norsk-nettverk-for-down-syndrom", "downs-syndrom-norge", "Downs syndrom Norge (DSN)"),
])
def test_a_printed_old_address_reaches_the_renamed_organisation(page, site_server, old, new, name):
    page.goto(site_server + f"organisasjoner/{old}/")
    page.wait_for_url(site_server + f"organisasjoner/{new}/", timeout=60_000)
    assert page.locator("article h1").inner_text() == name


def _visible_names(page) -> list[str]:
    return page.locator(".torget-directory li:visible > a").all_inner_texts()


def test_umbrella_filter_combines_with_the_theme_and_survives_a_reload(page, site_server):
    directory = load_directory(REPO / "organisations", REPO)
    ffo = directory.umbrella("FFO")
    members = sorted(org.display_name for org in directory.in_umbrella(ffo))
    page.goto(site_server + "organisasjoner/")
    assert page.locator("#torget-filter-umbrella-note").is_visible()
    page.select_option("#torget-filter-umbrella", "ffo")
    assert sorted(_visible_names(page)) == members
    total = page.locator(".torget-directory li[data-search]").count()
    assert page.locator("[data-torget-count]").inner_text() == f"Viser {len(members)} av {total} organisasjoner."
    page.select_option("#torget-filter-category", "kreft")
    cancer = [org.display_name for org in directory.in_umbrella(ffo) if "Kreft" in org.categories]
    assert sorted(_visible_names(page)) == sorted(cancer) and 0 < len(cancer) < len(members)
    assert "nettverk=ffo" in page.url and "tema=kreft" in page.url
    page.reload()
    assert page.input_value("#torget-filter-umbrella") == "ffo"
    assert sorted(_visible_names(page)) == sorted(cancer)
    page.select_option("#torget-filter-umbrella", "")
    page.select_option("#torget-filter-category", "")
    assert len(_visible_names(page)) == total


def test_contact_links_are_large_buttons_on_a_phone(browser, site_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nb-NO", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_server + "organisasjoner/landsforeningen-for-parorende-innen-psykisk-helse/")
    for href in ("tel:+4722491922", "tel:+4721075433", "https://www.lpp.no"):
        link = page.locator(f'a.torget-reach__link[href="{href}"]')
        box, row = link.bounding_box(), link.locator("xpath=ancestor::ul[1]").bounding_box()
        assert box["height"] >= 48, (href, box)  # WCAG 2.5.5: at least 44 CSS px; we ask for more
        assert box["width"] >= row["width"] - 1 >= 280, (href, box, row)  # the whole width of the column
    # The helpline comes before the office's number.
    helpline = page.locator('a[href="tel:+4722491922"]').bounding_box()
    office = page.locator('a[href="tel:+4721075433"]').bounding_box()
    assert helpline["y"] < office["y"]
    context.close()
