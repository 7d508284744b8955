"""An organisation page and the volunteer page print cleanly on A4: only the content, with link addresses."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PRINTED = ["organisasjoner/melanomforeningen/", "bli-frivillig/"]
# The printable width of A4 with the stylesheet's 18 mm side margins, in CSS pixels (96 per inch).
A4_PRINTABLE_WIDTH = round((210 - 2 * 18) / 25.4 * 96)
A4_POINTS = (595, 842)
CHROME = (".md-header", ".md-search", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer")

_HIDDEN = "selector => [...document.querySelectorAll(selector)].every(el => el.getClientRects().length === 0)"
_LINKS = """() => [...document.querySelectorAll("article a[href]")].map(a => ({
  href: a.getAttribute("href"), external: /^https?:$/.test(a.protocol) && a.origin !== location.origin, after: getComputedStyle(a, "::after").content}))"""


@pytest.mark.parametrize("url", PRINTED)
def test_page_prints_only_its_content_within_a4_width(page, site_server: str, url: str):
    page.set_viewport_size({"width": A4_PRINTABLE_WIDTH, "height": 1100})
    page.emulate_media(media="print")
    page.goto(site_server + url)
    for selector in CHROME:
        assert page.evaluate(_HIDDEN, selector), f"{selector} is printed on {url}"
    assert page.locator("article h1").is_visible()
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{url} is {overflow}px wider than an A4 page"


def test_printed_links_to_other_sites_show_their_address(page, site_server: str):
    page.emulate_media(media="print")
    page.goto(site_server + "organisasjoner/melanomforeningen/")
    links = page.evaluate(_LINKS)
    external = [link for link in links if link["external"]]
    assert external and len(external) < len(links), "the page needs links of both kinds for this test"
    for link in links:
        if link["external"]:
            assert link["href"].removeprefix("https://") in link["after"], link
        else:  # the site's own links and e-mail addresses print as they are
            assert link["after"] == "none", link
    page.emulate_media(media="screen")
    assert all(link["after"] == "none" for link in page.evaluate(_LINKS))


@pytest.mark.parametrize("url", PRINTED)
def test_pages_print_on_a4_paper(page, site_server: str, url: str):
    page.goto(site_server + url)
    pdf = page.pdf(prefer_css_page_size=True)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes and {(round(float(w)), round(float(h))) for w, h in boxes} == {A4_POINTS}
