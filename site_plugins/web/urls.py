"""Page addresses: every generated page uses directory URLs (`organisasjoner/x/`)."""

from __future__ import annotations

import posixpath
from typing import Protocol

DIRECTORY = "organisasjoner"
"""The directory's folder: `organisasjoner/` lists every organisation, `organisasjoner/<slug>/` is one."""


class _HasSlug(Protocol):
    @property
    def slug(self) -> str: ...


def organisation_path(org: _HasSlug) -> str:
    """The generated page of an organisation: `organisasjoner/<slug>.md`."""
    return f"{DIRECTORY}/{org.slug}.md"


def page_url(src_path: str) -> str:
    """`organisasjoner/x.md` -> `organisasjoner/x/`; `a/index.md` -> `a/`; `index.md` -> ``."""
    stem = src_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` (both site-relative)."""
    target = posixpath.relpath(to_url or ".", from_url or ".")
    if to_url.endswith("/") and not target.endswith("/"):
        target += "/"
    return "./" if target in (".", "./") else target


def absolute_url(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url
