"""Pages whose body the core rendered: MkDocs takes their title, meta and HTML as they are.

A generated page (an organisation's, a theme's) is a `File.generated` whose Markdown is front matter
only. MkDocs would parse that front matter with the pure-Python YAML loader and set up a Markdown
converter with every configured extension to convert an empty body (together about a quarter of a
millisecond a page), before `on_page_content` replaced the result. `on_pre_page` may return the page
to build instead; for a page outside the menu the plugin returns a `RenderedPage`, which does neither.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

_ID = re.compile(r'\sid="([^"]+)"')


class RenderedPage(Page):
    """A page built from the core's HTML `body` and `meta` (the front matter as data)."""

    def __init__(self, file: File, config: MkDocsConfig, body: str, meta: Mapping[str, Any]) -> None:
        super().__init__(None, file, config)  # Page sets `file.page`, so the build uses this object
        self._body = body
        self._meta = dict(meta)

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown, self.meta = "", dict(self._meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        # As MkDocs leaves a page after converting Markdown: the body, its table of contents (none: the
        # core's pages are short and lead with their own headings), and the ids other pages may link to.
        self.content = self._body
        self.toc = get_toc([])
        self.present_anchor_ids = set(_ID.findall(self._body))
