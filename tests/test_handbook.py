"""The editors' handbook (handbook/redaktorhandbok.md): reachable from the web editor, and its links work."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import REPO

from site_plugins.editor.files import BUNDLES, HANDBOOK, HANDBOOK_PAGE, editor_files

HANDBOOK_FILE = REPO / HANDBOOK


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")


def _editor_files(tmp_path: Path, handbook: Path | None) -> dict[str, str]:
    node_modules = tmp_path / "node_modules"
    for source in BUNDLES.values():
        (node_modules / source).parent.mkdir(parents=True, exist_ok=True)
        (node_modules / source).write_text("/* bundle */", encoding="utf-8")
    files = editor_files({"backend": {"name": "test-repo"}}, node_modules, "Test", handbook)
    return {file.path: (file.content.decode() if isinstance(file.content, bytes) else file.content) for file in files}


def test_the_editor_links_to_the_handbook_and_every_link_in_it_works(tmp_path: Path):
    files = _editor_files(tmp_path, HANDBOOK_FILE)
    editor = _Links()
    editor.feed(files["admin/index.html"])
    assert HANDBOOK_PAGE in editor.hrefs
    assert "Redaktørhåndbok" in files["admin/index.html"]

    page = _Links()
    page.feed(files[f"admin/{HANDBOOK_PAGE}"])
    anchors = [href for href in page.hrefs if href.startswith("#")]
    assert len(anchors) >= 9, "the table of contents links every chapter"
    for href in page.hrefs:
        if href.startswith("#"):
            assert href[1:] in page.ids, f"{href} leads to no heading"
        elif href != "./":  # back to the editor, beside it in admin/
            assert not re.match(r"^[a-z]+:", href), f"{href}: the handbook links nothing outside the repository"
            assert (HANDBOOK_FILE.parent / href).exists(), href
    # The same anchors as a git host's view of the Markdown file gives the headings (lower case, hyphens).
    headings = re.findall(r"^## (.+)$", HANDBOOK_FILE.read_text(encoding="utf-8"), re.M)
    for heading in headings:
        assert re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") in page.ids, heading


def test_without_a_handbook_the_editor_has_no_link(tmp_path: Path):
    files = _editor_files(tmp_path, None)
    assert f"admin/{HANDBOOK_PAGE}" not in files
    assert "Redaktørhåndbok" not in files["admin/index.html"]


def test_the_readme_links_to_the_handbook():
    assert f"({HANDBOOK})" in (REPO / "README.md").read_text(encoding="utf-8")
