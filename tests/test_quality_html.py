"""Quality gate: every built page is valid HTML by the Nu Html Checker (vnu.jar), run once over all pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Project
from quality import built_pages, check_html
from vnu_allowlist import ALLOWED, allowance_for

pytestmark = pytest.mark.gate


@pytest.fixture(scope="module")
def html_errors(bundled_site: Project):
    return check_html(bundled_site.site, built_pages(bundled_site.site))


def test_every_page_is_valid_html(html_errors):
    errors = [error for error in html_errors if allowance_for(error.message, error.extract) is None]
    assert not errors, f"{len(errors)} HTML error(s) (page:line: message):\n" + "\n".join(map(str, errors))


def test_every_allowance_is_still_needed(html_errors):
    used = {allowance_for(error.message, error.extract) for error in html_errors}
    unused = [entry.message for entry in ALLOWED if entry not in used]
    assert not unused, f"tests/vnu_allowlist.py excuses errors the site no longer has; remove: {unused}"


def test_checker_reports_our_own_errors(tmp_path: Path):
    """The gate can fail: an error in our markup is reported, even one whose message Material's is allowed for."""
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "index.html").write_text(
        '<!doctype html><html lang="nb"><head><title>Feil</title></head><body>'
        '<input type="checkbox" class="torget-toggle" autocomplete="off"><p><div>blokk i avsnitt</div></p>'
        '</body></html>', encoding="utf-8")
    errors = check_html(tmp_path, built_pages(tmp_path))
    assert errors and all(error.page == "x/index.html" for error in errors)
    assert [allowance_for(error.message, error.extract) for error in errors] == [None] * len(errors)
    assert any("autocomplete" in error.message for error in errors)
