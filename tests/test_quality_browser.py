"""Quality gates run in Chromium over one audit of the built site (the pages that together hold every part of
every page, see page_shapes.py): axe-core finds no WCAG 2.1 A/AA violation, and no page requests another host.

Both gates live in this file so that `make test`, which keeps a file in one process, audits the site once."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from conftest import Project, serve_folder
from page_shapes import one_page_per_shape, page_shape, pages_by_shape, pages_covering_every_part
from quality import audit_pages, site_audits

pytestmark = [pytest.mark.browser, pytest.mark.gate]


def test_no_page_violates_wcag_21_a_or_aa(browser, site_server: str, bundled_site: Project):
    audits = site_audits(browser, site_server, bundled_site.site)
    found = [f"{audit.page}: {violation}" for audit in audits for violation in audit.violations]
    assert not found, "WCAG 2.1 A/AA violations (page: rule (impact): help -> targets):\n" + "\n".join(found)


def test_no_page_requests_another_host(browser, site_server: str, bundled_site: Project):
    audits = site_audits(browser, site_server, bundled_site.site)
    found = [f"{audit.page}: {url}" for audit in audits for url in audit.foreign_requests]
    assert not found, "pages requested other hosts (page: URL):\n" + "\n".join(found)


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


def _page(folder: Path, name: str, body: str) -> str:
    """A bare page `name` in `folder` with `body` in its main element; returns its name."""
    (folder / name).write_text(f'<!doctype html><html lang="nb"><body><main>{body}</main></body></html>',
                               encoding="utf-8")
    return name


def test_pages_of_one_shape_differ_only_in_words(tmp_path: Path):
    """The gate audits one page per shape; a page with another element, class or empty name is a shape of its own."""
    page = functools.partial(_page, tmp_path)
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


def test_a_page_is_audited_unless_its_parts_are_all_on_audited_pages(tmp_path: Path):
    """A page that only mixes parts other pages have is left out; a new element, a new place for an element or
    a new step between heading levels brings it back."""
    page = functools.partial(_page, tmp_path)
    helpline = '<h2>Hjelpetelefon</h2><p><a href="tel:1">Ring</a></p>'
    peer = '<h2>Likepersoner</h2><p class="peer">Samtale</p>'
    pages = [
        page("both.html", f"<h1>A</h1>{helpline}{peer}"),
        page("helpline.html", f"<h1>B</h1>{helpline}"),  # its parts are all on both.html
        page("peer-first.html", f"<h1>C</h1>{peer}{helpline}"),  # the helpline now follows the peer box
        page("jump.html", '<h1>D</h1><h3>Hjelpetelefon</h3><p><a href="tel:1">Ring</a></p>'),  # h1 -> h3
        page("image.html", f'<h1>E</h1>{helpline}<img src="q.svg" alt="">'),
    ]
    assert pages_covering_every_part(tmp_path, pages) == ["both.html", "peer-first.html", "jump.html", "image.html"]
