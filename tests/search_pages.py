"""Driving the site's three search boxes in Chromium: Material's site search, the directory's
filter and the kiosk's. Shared by the browser tests and benchmarks/search.py."""

from __future__ import annotations

from urllib.parse import urlsplit

PLACEHOLDER = "Skriv søkeord"  # Material's Norwegian text while the search field is empty
PLACEHOLDERS = {"nb": PLACEHOLDER, "en": "Type to start searching"}  # the same in each language's site
# Functions, not expressions: Playwright polls an expression with eval(), which a page's strict
# Content-Security-Policy (behind nginx) blocks and reports as a violation.
_META_IS = "(text) => document.querySelector('.md-search-result__meta')?.textContent === text"
_META_IS_NOT = "(text) => document.querySelector('.md-search-result__meta').textContent !== text"


def open_site_search(page, base: str, placeholder: str = PLACEHOLDER) -> None:
    """Open a page of the site and Material's search dialog, and wait for its worker to be ready.
    `placeholder` is Material's result line before a query, in the site's language (PLACEHOLDERS)."""
    page.goto(base)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.wait_for_function(_META_IS, arg=placeholder)


def site_search(page, query: str, placeholder: str = PLACEHOLDER) -> list[str]:
    """Type `query` into Material's search (open already) and return the results' page slugs, best first.

    The field is emptied first and the answer awaited by Material's result line, so each answer
    belongs to its own query.
    """
    field = page.locator(".md-search__input")
    field.fill("")
    field.dispatch_event("keyup")
    page.wait_for_function(_META_IS, arg=placeholder)
    field.fill(query)
    field.dispatch_event("keyup")  # Material reads the query on key events
    page.wait_for_function(_META_IS_NOT, arg=placeholder)
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("links => links.map((a) => a.getAttribute('href'))")
    # Each result links to `<page>/?h=<words>#<section>`: keep the page's last path segment.
    return [urlsplit(href).path.rstrip("/").split("/")[-1] for href in hrefs]


def help_text(page) -> str:
    """The "Mente du …?" box under "Ingen treff" in the site search ("" when there is none)."""
    box = page.locator("[data-torget-search-help]")
    box.first.wait_for(timeout=60_000)
    return box.inner_text()


def filter_matches(page, queries: list[str]) -> list[list[str]]:
    """The organisations the directory's filter rule (search_rule.js, as the kiosk) shows for each
    query, by slug, on the directory page already open."""
    return page.evaluate("""(queries) => {
        const items = [...document.querySelectorAll('.torget-directory li[data-search]')];
        const entries = items.map((item) => TorgetSearch.entry(item.dataset.search));
        const slug = (item) => item.querySelector('a').getAttribute('href').replace(/\\/$/, '').split('/').pop();
        return queries.map((query) => TorgetSearch.filter(query, entries).map((index) => slug(items[index])));
    }""", queries)
