"""Material's markup as the plugin corrects it: a named search dialog, scripts that do not hold up the first paint,
and no room taken or given up by what the page's scripts fill in (layout shift)."""

from __future__ import annotations

import re

import pytest
from conftest import Project

from site_plugins.web.theme_markup import correct_theme_markup


def test_every_page_names_its_search_dialog_and_defers_every_script(bundled_site: Project):
    for page in ("", "organisasjoner", "apningstider", "arrangementer/verdensdager/diabetesdagen", "plakater", "404.html"):
        html = (bundled_site.site / "404.html").read_text(encoding="utf-8") if page == "404.html" else bundled_site.page(page)
        assert '<div class="md-search" data-md-component="search" role="dialog" aria-label="Søk">' in html, page
        scripts = re.findall(r"<script src=[^>]*>", html)
        assert any("bundle." in tag for tag in scripts) and all(tag.endswith(" defer>") for tag in scripts), scripts


def test_markup_another_theme_version_writes_is_left_alone():
    other = '<div class="md-search" role="dialog" data-x><script src="bundle.js"></script>'
    assert correct_theme_markup(other) == other


# What the site's scripts fill in: the open-now status (from hours.json), the directory's count and filter.
FILLED_IN = """() => [...document.querySelectorAll('[data-torget-status]')].every(e => e.hidden || e.textContent.trim())
  && [...document.querySelectorAll('[data-torget-count]')].every(e => e.textContent.trim())
  && [...document.querySelectorAll('[data-torget-filter]')].every(form => form.dataset.torgetReady)"""


@pytest.mark.browser
def test_nothing_moves_while_the_directory_and_the_status_are_filled_in(page, site_server):
    """The filter form, its count and the open-now status are laid out before the scripts run."""
    page.add_init_script("""window.__shifts = [];
      window.__shiftObserver = new PerformanceObserver(list => list.getEntries().forEach(entry => {
        if (!entry.hadRecentInput) window.__shifts.push(entry.value);
      }));
      window.__shiftObserver.observe({type: "layout-shift", buffered: true});""")
    page.set_viewport_size({"width": 412, "height": 823})  # Lighthouse's phone
    for url in ("organisasjoner/", "", "apningstider/"):
        page.goto(site_server + url, wait_until="networkidle")
        # Wait until the scripts have filled in everything they fill in (however long a busy machine takes),
        # then have a frame drawn, which is when the browser measures shifts, and take what it measured.
        page.wait_for_function(FILLED_IN)
        page.screenshot()
        shift = page.evaluate("""() => { window.__shiftObserver.takeRecords().forEach(entry => {
          if (!entry.hadRecentInput) window.__shifts.push(entry.value); });
          return window.__shifts.reduce((a, b) => a + b, 0); }""")
        assert shift < 0.05, f"{url}: layout shift {shift:.3f}"


def test_the_404_page_uses_the_sites_search_worker_from_the_root(bundled_site: Project):
    """Material writes the 404 page with base "/", so the worker's address must not become "//assets/…"."""
    html = (bundled_site.site / "404.html").read_text(encoding="utf-8")
    assert '"search":"/assets/torget/search_worker.js?material=assets/javascripts/workers/search.' in html
