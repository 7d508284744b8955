"""Quality gate: every internal link and anchor in the built site resolves to a file and an id."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Project
from quality import broken_links, built_pages, site_url_of

pytestmark = pytest.mark.gate


def test_every_internal_link_and_anchor_resolves(bundled_site: Project):
    problems = broken_links(bundled_site.site, built_pages(bundled_site.site), site_url_of(bundled_site.root))
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems)


def test_checker_finds_missing_pages_and_anchors(tmp_path: Path):
    """The gate can fail: it tells a missing page and a missing id from links that work."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="her">Her</h2><a name="gammel"></a>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a> <a href="a/#her">ok</a> <a href="/a/#gammel">ok</a> <a href="#topp" id="topp">ok</a>'
        ' <a href="https://torget.test/a/">ok</a> <a href="https://annen.test/x/">ekstern</a>'
        ' <a href="mailto:a@b.no">e-post</a> <a href="a/#borte">feil</a> <a href="b/">feil</a>'
        ' <a href="https://torget.test/c/">feil</a> <img src="bilde.png" alt="">', encoding="utf-8")
    problems = broken_links(tmp_path, built_pages(tmp_path), "https://torget.test/")
    assert problems == [
        "index.html: a/#borte (no id 'borte' in a/index.html)",
        "index.html: b/ (no file b/index.html)",
        "index.html: https://torget.test/c/ (no file c/index.html)",
        "index.html: bilde.png (no file bilde.png)",
    ]
