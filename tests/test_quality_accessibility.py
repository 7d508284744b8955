"""Quality gate: axe-core, run in Chromium on one built page of every shape, finds no WCAG 2.1 A/AA violation."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Project, serve_folder
from page_shapes import one_page_per_shape, page_shape, pages_by_shape
from quality import audit_pages, site_audits

pytestmark = [pytest.mark.browser, pytest.mark.gate]


def test_no_page_violates_wcag_21_a_or_aa(browser, site_server: str, bundled_site: Project):
    audits = site_audits(browser, site_server, bundled_site.site)
    found = [f"{audit.page}: {violation}" for audit in audits for violation in audit.violations]
    assert not found, "WCAG 2.1 A/AA violations (page: rule (impact): help -> targets):\n" + "\n".join(found)


def test_axe_reports_page_rule_and_target(browser, tmp_path: Path):
    """The gate can fail: an image without a text alternative is reported with its rule and element."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="nb"><head><title>Bilde</title></head>'
        '<body><main><h1>Bilde</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>',
        encoding="utf-8")
    with serve_folder(tmp_path) as base_url:
        [audit] = audit_pages(browser, base_url, ["index.html"])
    assert audit.page == "index.html"
    assert any(violation.startswith("image-alt (critical)") and violation.endswith("-> img")
               for violation in audit.violations), audit.violations


def test_pages_of_one_shape_differ_only_in_words(tmp_path: Path):
    """The gate audits one page per shape; a page with another element, class or empty name is a shape of its own."""
    def page(name: str, body: str) -> str:
        (tmp_path / name).write_text(f'<!doctype html><html lang="nb"><body><main>{body}</main></body></html>',
                                     encoding="utf-8")
        return name

    pages = [
        page("a.html", '<h1>Melanomforeningen</h1><ul><li><a href="x">Nettside</a></li></ul>'),
        page("b.html", '<h1>Mental Helse</h1><ul><li><a href="y">Nettside</a></li><li><a href="z">E-post</a></li></ul>'),
        page("c.html", '<h1>Leve</h1><ul><li><a href="y"></a></li></ul>'),
        page("d.html", '<h1>Leve</h1><ul class="torget-contact"><li><a href="y">Nettside</a></li></ul>'),
        page("e.html", '<h1>Leve</h1><ul><li><a href="y">Nettside</a></li></ul><img src="q.svg" alt="">'),
    ]
    assert pages_by_shape(tmp_path, pages) == {page_shape(tmp_path / "a.html"): ["a.html", "b.html"],
                                               page_shape(tmp_path / "c.html"): ["c.html"],
                                               page_shape(tmp_path / "d.html"): ["d.html"],
                                               page_shape(tmp_path / "e.html"): ["e.html"]}
    assert one_page_per_shape(tmp_path, pages) == ["a.html", "c.html", "d.html", "e.html"]
