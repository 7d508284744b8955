"""Torget: builds a hospital desk's information site from editors' YAML and Markdown.

The core (everything but `plugin`, `config` and `cli`) imports nothing from MkDocs.
Public face: `load_site` reads and validates the sources once; `site_files` gives every
generated page and file (`SiteUrls` holds the address and URL style they link with);
`SourceError` carries every problem found, with file and line.
"""

from .build import site_files
from .site import Site, SiteSources, load_site
from .sources.problems import Problem, SourceError
from .web.urls import SiteUrls

__all__ = ["Problem", "Site", "SiteSources", "SiteUrls", "SourceError", "load_site", "site_files"]
