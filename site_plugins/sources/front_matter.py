"""The YAML front matter of a Markdown page, read with the line numbers it has in the page."""

from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem
from .yaml_lines import YamlDocument, read_yaml_text

# The block MkDocs itself reads: `---` on the first line, YAML, then `---` or `...`.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\r?\n(.*?\r?\n)(?:\.{3}|-{3})[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def front_matter_text(text: str) -> str | None:
    """The front matter of a page, padded with one empty line so that line numbers match the page."""
    match = _FRONT_MATTER.match(text.removeprefix("\ufeff"))
    return "\n" + match.group(1) if match else None


def has_top_level_key(front_matter: str, key: str) -> bool:
    """Whether the front matter has `key:` at its top level (decided before parsing, to pick the pages to check)."""
    return re.search(rf"^{re.escape(key)}[ \t]*:", front_matter, re.MULTILINE) is not None


def read_front_matter(path: Path, display: str, key: str) -> tuple[YamlDocument | None, list[Problem]]:
    """The page's front matter when it holds a top-level `key:`; (None, []) for pages without one."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(display, None, None, "the page is not UTF-8 text; save it as UTF-8")]
    block = front_matter_text(text)
    if block is None or not has_top_level_key(block, key):
        return None, []
    return read_yaml_text(block, display)
