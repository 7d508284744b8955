"""The generated list of organisations with peer supporters, placed where a page asks for it.

A hand-written page (docs/likepersoner.md) explains what a peer supporter is and holds the
marker; the list under it is made from the directory, so it is never out of step with it.
"""

from __future__ import annotations

from ..web.render import render
from ..web.urls import SiteUrls, organisation_path
from .load import Directory
from .model import Organisation

PEER_SUPPORT_MARKER = "<!-- torget:likepersoner -->"


def peer_support_organisations(directory: Directory) -> list[Organisation]:
    """Every organisation with a `peer_support` entry, in A–Å order."""
    return [org for org in directory.organisations if org.peer_support]


def peer_support_list(directory: Directory, src_path: str, urls: SiteUrls) -> str:
    """The list's HTML for the page at `src_path` (links are relative to that page)."""
    return render(
        "peer_support.html",
        organisations=peer_support_organisations(directory),
        link=lambda org: urls.link(src_path, organisation_path(org)),
    )


def expand_peer_support_marker(markdown: str, src_path: str, directory: Directory, urls: SiteUrls) -> str:
    """`markdown` with the marker replaced by the list; pages without the marker are returned as they are."""
    if PEER_SUPPORT_MARKER not in markdown:
        return markdown
    # Blank lines around the HTML keep Markdown from wrapping it in a paragraph.
    return markdown.replace(PEER_SUPPORT_MARKER, f"\n\n{peer_support_list(directory, src_path, urls)}\n\n")
