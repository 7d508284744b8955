"""Quality gate: axe-core, run in Chromium on every built page, finds no WCAG 2.1 A/AA violation."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Project, serve_folder
from quality import audit_pages, site_audits

pytestmark = pytest.mark.browser


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
