"""Files the core asks the build to add to the site, and pages whose body the core rendered to HTML."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class GeneratedFile:
    """A file for the site: `path` is relative to the docs folder (`x/y.md` becomes a page)."""

    path: str
    content: str | bytes | Path
    """The text or bytes; or a file in the build cache (a drawn code or poster), which the build copies into
    the site without reading it."""
    html: str | None = None
    """For a page whose body the core rendered: the finished HTML. `content` then holds only the front
    matter, and the plugin hands MkDocs this body in place of converting Markdown (which would re-parse it)."""
    meta: dict[str, Any] | None = None
    """For a rendered page: the front matter as data, so the build need not parse `content` again."""

    @property
    def data(self) -> bytes:
        """The content as bytes (text in UTF-8)."""
        if isinstance(self.content, Path):
            return self.content.read_bytes()
        return self.content.encode("utf-8") if isinstance(self.content, str) else self.content


def markdown_page(
    path: str,
    title: str,
    body: str,
    *,
    description: str | None = None,
    search_boost: float | None = None,
    hide: tuple[str, ...] = (),
    searchable: bool = True,
) -> GeneratedFile:
    """A page whose body is HTML the core rendered (escaped already), with front matter.

    The theme prints `title` and `description` unescaped, so they are escaped here. The front matter
    is JSON, which is valid YAML and which the standard library writes fast.
    """
    meta: dict[str, Any] = {"title": html.escape(title)}
    if description:
        meta["description"] = html.escape(description)
    if search_boost:
        meta["search"] = {"boost": search_boost}
    if not searchable:
        meta["search"] = {"exclude": True}
    if hide:
        meta["hide"] = list(hide)
    front = json.dumps(meta, ensure_ascii=False)
    return GeneratedFile(path, f"---\n{front}\n---\n", html=body.strip(), meta=meta)
