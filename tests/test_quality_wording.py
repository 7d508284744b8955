"""Quality gate: no visitor page names the tools, files or settings behind the site."""

from __future__ import annotations

from pathlib import Path

from conftest import Project
from quality import built_pages, tool_words, visible_text


def test_no_visitor_page_names_a_tool(bundled_site: Project):
    found = tool_words(bundled_site.site, built_pages(bundled_site.site))
    assert not found, "tool names on visitor pages (page: word):\n" + "\n".join(found)


def test_the_check_finds_tool_names_in_text_and_in_attributes_but_not_in_scripts(tmp_path: Path):
    """The gate can fail: a footer credit, an alt text and a setting's name are caught; script and JSON data are not text."""
    page = ('<!doctype html><html lang="nb"><head><title>Side</title><meta name="generator" content="mkdocs-1.6">'
            '<script>var yaml = 1;</script><style>.python { }</style></head><body>'
            '<p>Laget med Material for MkDocs.</p><img src="a.png" alt="QR-kode laget i Python">'
            '<p>Endre site_url og bygg på nytt.</p><p>Materiell og informasjonsmateriell er vanlige ord.</p>'
            '<script type="application/json">{"plugin": true}</script></body></html>')
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    found = [line.split(" («")[0] for line in tool_words(tmp_path, ["index.html"])]
    assert found == ["index.html: Material", "index.html: MkDocs", "index.html: Python", "index.html: site_url"]
    assert "yaml" not in visible_text(page) and "Materiell" in visible_text(page)
