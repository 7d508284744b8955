"""Quality gate: no page loads anything from another host, by what its HTML and CSS reference (and, in
test_quality_browser.py, by what Chromium requests)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Project, serve_folder
from quality import audit_pages, built_pages, foreign_references

pytestmark = [pytest.mark.browser, pytest.mark.gate]

FOREIGN_PAGE = """<!doctype html><html lang="nb"><head><title>Lekker</title>
<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
<script src="https://cdn.example.org/spor.js"></script>
<style>body { background: url(//bilder.example.org/bakgrunn.png); }</style>
</head><body><main><h1>Lekker</h1><a href="https://www.example.org/">en lenke henter ingenting</a></main></body></html>"""


def test_no_page_or_stylesheet_references_another_host(bundled_site: Project):
    found = foreign_references(bundled_site.site, built_pages(bundled_site.site))
    assert not found, "fonts, scripts, styles or images from other hosts (file: URL):\n" + "\n".join(found)


def test_checks_catch_a_page_that_loads_from_other_hosts(browser, tmp_path: Path):
    """The gates can fail: fonts, scripts and images from other hosts are caught in the browser and in the files."""
    (tmp_path / "index.html").write_text(FOREIGN_PAGE, encoding="utf-8")
    (tmp_path / "stil.css").write_text('@import "https://fonts.example.org/font.css"; a { color: red }', encoding="utf-8")
    with serve_folder(tmp_path) as base_url:
        [audit] = audit_pages(browser, base_url, ["index.html"])
    assert "https://fonts.googleapis.com/css?family=Roboto" in audit.foreign_requests
    assert "https://cdn.example.org/spor.js" in audit.foreign_requests
    assert not any("www.example.org" in url for url in audit.foreign_requests)
    assert foreign_references(tmp_path, ["index.html"]) == [
        "index.html: https://fonts.googleapis.com/css?family=Roboto",
        "index.html: https://cdn.example.org/spor.js",
        "index.html: //bilder.example.org/bakgrunn.png",
        "stil.css: https://fonts.example.org/font.css",
    ]
