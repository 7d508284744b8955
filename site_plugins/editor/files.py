"""The editor's files in the built site: `admin/index.html`, `admin/config.yml`, the scripts it loads, and the
editors' handbook as `admin/handbok.html`, linked from the editor's page.

Decap CMS and js-yaml come from npm (`make editor-deps` installs them into `editor/node_modules`)
and are served from the site itself, never from another host.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Template

from ..web.output import GeneratedFile

EDITOR_FOLDER = "admin"
HERE = Path(__file__).resolve().parent
BUNDLES = {"decap-cms.js": "decap-cms/dist/decap-cms.js", "js-yaml.min.js": "js-yaml/dist/js-yaml.min.js"}
"""The npm files the page loads, by their name in `admin/` and their place under node_modules."""
HANDBOOK = "handbook/redaktorhandbok.md"
"""The editors' handbook in the repository, relative to the folder of mkdocs.yml."""
HANDBOOK_PAGE = "handbok.html"


def config_text(config: dict[str, Any]) -> str:
    """`config.yml` as Decap reads it (and as `torget editor-config` prints it)."""
    header = "# Made by the build from the models; do not edit. `torget editor-config` prints it.\n"
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)


def missing_bundles(node_modules: Path) -> list[str]:
    return [str(node_modules / source) for source in BUNDLES.values() if not (node_modules / source).is_file()]


def editor_files(config: dict[str, Any], node_modules: Path, site_name: str,
                 handbook: Path | None = None) -> Iterator[GeneratedFile]:
    """The editor's files; with `handbook` (the Markdown file) also the handbook page the editor links to."""
    page = Template((HERE / "index.html").read_text(encoding="utf-8"), autoescape=True).render(
        site_name=site_name, handbook=HANDBOOK_PAGE if handbook else None)
    yield GeneratedFile(f"{EDITOR_FOLDER}/index.html", page)
    if handbook:
        yield GeneratedFile(f"{EDITOR_FOLDER}/{HANDBOOK_PAGE}", handbook_page(handbook.read_text(encoding="utf-8")))
    yield GeneratedFile(f"{EDITOR_FOLDER}/config.yml", config_text(config))
    yield GeneratedFile(f"{EDITOR_FOLDER}/torget-editor.js", (HERE / "torget-editor.js").read_bytes())
    for name, source in BUNDLES.items():
        yield GeneratedFile(f"{EDITOR_FOLDER}/{name}", (node_modules / source).read_bytes())


def handbook_page(markdown_text: str) -> str:
    """The handbook as one HTML page: its headings get the ids its table of contents links to (as the git
    host's view of the file gives them), and a link back to the editor."""
    import markdown
    from markupsafe import Markup

    body = markdown.markdown(markdown_text, extensions=["toc"], output_format="html")
    title = markdown_text.lstrip("# ").split("\n", 1)[0]
    page: str = Template((HERE / "handbook.html").read_text(encoding="utf-8"), autoescape=True).render(
        title=title, body=Markup(body))
    return page
