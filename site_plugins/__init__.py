"""Torget: builds a hospital desk's information site from editors' YAML and Markdown.

The core (everything but `plugin`, `config`, `cli` and `commands`) imports nothing from MkDocs.
Public face: `load_site` reads and validates the sources once; `site_files` gives every
generated page and file (`SiteUrls` holds the address and URL style they link with);
`SourceError` carries every problem found, with file and line.

The names are imported when first used, so `torget check` (which only reads and validates)
does not pay for the page templates, QR drawing and calendar libraries the build needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .build import site_files
    from .site import Site, SiteSources, load_site
    from .sources.problems import Problem, SourceError
    from .web.urls import SiteUrls

__all__ = ["Problem", "Site", "SiteSources", "SiteUrls", "SourceError", "load_site", "site_files"]
_HOMES = {"site_files": ".build", "Site": ".site", "SiteSources": ".site", "load_site": ".site",
          "Problem": ".sources.problems", "SourceError": ".sources.problems",
          "SiteUrls": ".web.urls"}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name], __name__), name)
