"""Golden files: an organisation page's main content, as built, compared with tests/golden/<slug>.html.

The input is a frozen copy of a few bundled sources in tests/golden/project/ (so an editor's change to
organisations/ does not touch the golden files), built with `mkdocs build --strict` as of BUILT_AT.
When the rendering changes on purpose, rewrite the golden files and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py

(or `make golden`).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import Project

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def golden_site(tmp_path_factory: pytest.TempPathFactory, shared_cache: Path) -> Project:
    root = tmp_path_factory.mktemp("golden")
    shutil.copytree(GOLDEN / "project", root, dirs_exist_ok=True)
    project = Project(root).share_cache(shared_cache)
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    return project


def main_content(page: str) -> str:
    """The inner HTML of the page's main `<article>` (Material's content area), one tag run per line,
    without the template's indentation and blank lines."""
    match = re.search(r'<article class="md-content__inner md-typeset">(.*)</article>\s*</div>', page, re.S)
    assert match, "the page has no main article"
    lines = (line.strip() for line in match.group(1).splitlines())
    return "\n".join(line for line in lines if line) + "\n"


def test_main_content_keeps_only_the_article_without_indentation():
    page = ('<div><article class="md-content__inner md-typeset">\n   \n  <h1>A</h1>\n\t<p>b\n  c</p>\n'
            '</article>\n</div>')
    assert main_content(page) == "<h1>A</h1>\n<p>b\nc</p>\n"


@pytest.mark.parametrize("slug", ["melanomforeningen", "landsforeningen-for-parorende-innen-psykisk-helse"])
def test_organisation_page_matches_its_golden_file(golden_site: Project, slug: str):
    """Peer support and a contact (melanomforeningen); themes, keywords, affiliation and a monthly event
    with its next date (LPP)."""
    built = main_content(golden_site.page(f"organisasjoner/{slug}/"))
    golden = GOLDEN / f"{slug}.html"
    if UPDATE:
        assert os.environ.get("CI") != "true", "golden files are updated by a person, not in CI"
        golden.write_text(built, encoding="utf-8")
    assert golden.is_file(), f"no golden file yet; run UPDATE_GOLDEN=1 pytest {__file__}"
    assert built == golden.read_text(encoding="utf-8"), (
        f"the page differs from {golden.relative_to(GOLDEN.parent.parent)}; if the change is intended, "
        "run `make golden` and review the diff")
