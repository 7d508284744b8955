"""The generated list of organisations with peer supporters, placed where a page asks for it.

A hand-written page (docs/likepersoner.md) explains what a peer supporter is and holds the
marker; the list under it is made from the directory, so it is never out of step with it. It is
grouped by theme, so a visitor looks under «Kreft» rather than through the whole alphabet; an
organisation filed under several themes is listed under each, and every entry links to the peer
supporters' box on the organisation's page.
"""

from __future__ import annotations

from ..web.render import render
from ..web.urls import SiteUrls, organisation_path
from .glance import PEER_ANCHORS, peer_contacts, peer_phone_note
from .load import Directory
from .model import Category, Organisation
from .provenance import review_notice

PEER_SUPPORT_MARKER = "<!-- torget:likepersoner -->"


def peer_support_organisations(directory: Directory) -> list[Organisation]:
    """Every organisation with a likeperson scheme (one-to-one peer support), in A–Å order."""
    return [org for org in directory.organisations if org.peer_support and org.peer_support.kind == "likeperson"]


def group_organisations(directory: Directory) -> list[Organisation]:
    """Organisations whose offer is groups, meeting places or a companion service rather than a likeperson scheme."""
    return [org for org in directory.organisations if org.peer_support and org.peer_support.kind != "likeperson"]


def peer_support_by_theme(directory: Directory) -> list[tuple[Category, list[Organisation]]]:
    """(theme, its organisations with peer supporters), in the vocabulary's order; empty themes left out."""
    with_peers = peer_support_organisations(directory)
    groups = [
        (category, [org for org in with_peers if category.name in org.categories]) for category in directory.categories
    ]
    return [(category, orgs) for category, orgs in groups if orgs]


def peer_support_list(directory: Directory, src_path: str, urls: SiteUrls) -> str:
    """The list's HTML for the page at `src_path` (links are relative to that page)."""
    organisations = peer_support_organisations(directory)
    others = group_organisations(directory)
    return render(
        "peer_support.html",
        groups=peer_support_by_theme(directory),
        count=len(organisations),
        others=others,
        review_notice=review_notice([*organisations, *others]),
        contacts=peer_contacts,
        phone_note=peer_phone_note,
        link=lambda org: f"{urls.link(src_path, organisation_path(org))}#{_anchor(org)}",
    )


def _anchor(org: Organisation) -> str:
    return PEER_ANCHORS[org.peer_support.kind if org.peer_support else "likeperson"]


def expand_peer_support_marker(markdown: str, src_path: str, directory: Directory, urls: SiteUrls) -> str:
    """`markdown` with the marker replaced by the list; pages without the marker are returned as they are."""
    if PEER_SUPPORT_MARKER not in markdown:
        return markdown
    # Blank lines around the HTML keep Markdown from wrapping it in a paragraph.
    return markdown.replace(PEER_SUPPORT_MARKER, f"\n\n{peer_support_list(directory, src_path, urls)}\n\n")
