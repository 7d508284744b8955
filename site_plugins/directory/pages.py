"""The directory's pages: the A–Å list with its filters, one page per organisation and per theme,
the helplines page, and a forwarding page for every former address."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import groupby
from typing import Any

from ..i18n.language import _, pick
from ..search.terms import search_text
from ..web.output import GeneratedFile, markdown_page
from ..web.qr import page_qr
from ..web.render import render
from ..web.text import index_letter
from ..web.urls import DIRECTORY_INDEX, HELPLINES_PAGE, THEMES, SiteUrls, category_path, organisation_path
from . import glance
from .helplines import helplines_page, organisation_lines
from .load import Directory
from .model import Category, Organisation
from .provenance import review_notice
from .redirects import redirect_files

ORGANISATION_SEARCH_BOOST = 2
ALPHABET = (*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "Æ", "Ø", "Å")


def _no_events(slug: str) -> list[Any]:
    return []


def _no_shifts(slug: str) -> Any:
    return None


def directory_pages(
    directory: Directory,
    urls: SiteUrls,
    events_of: Callable[[str], list[Any]] = _no_events,
    shifts_of: Callable[[str], Any] = _no_shifts,
    corrections_email: str | None = None,
) -> Iterator[GeneratedFile]:
    """`events_of(slug)` lists an organisation's events for its page (`events.pages.EventListing`);
    `shifts_of(slug)` gives its shifts at the desk (`shifts.pages.OrganisationShifts`) or None;
    `corrections_email` is where the directory asks visitors to report a missing organisation."""
    yield _directory_index(directory, urls, corrections_email)
    yield _themes_index(directory, urls)
    for category in directory.categories:
        yield _category_page(directory, category, urls)
    for org in directory.organisations:
        yield organisation_page(directory, org, urls, events_of(org.slug), shifts_of(org.slug))
    yield helplines_page(directory, urls)
    yield from redirect_files(directory, urls)


def _list_context(src_path: str, urls: SiteUrls) -> dict[str, Any]:
    return {
        "link": lambda target_src: urls.link(src_path, target_src),
        "organisation_path": organisation_path,
        "category_path": category_path,
        "directory_path": DIRECTORY_INDEX,
        "themes_path": f"{THEMES}/index.md",
    }


def letter_anchor(letter: str) -> str:
    """HTML id of an A–Å heading; Æ, Ø and Å get their own (`bokstav-ae`, not `bokstav-a`)."""
    return "bokstav-" + {"Æ": "ae", "Ø": "oe", "Å": "aa", "#": "tall"}.get(letter, letter.lower())


def _directory_index(directory: Directory, urls: SiteUrls, corrections_email: str | None) -> GeneratedFile:
    path = DIRECTORY_INDEX
    groups = groupby(directory.organisations, key=lambda org: index_letter(org.name))
    letters = [(letter, letter_anchor(letter), list(orgs)) for letter, orgs in groups]
    present = {letter for letter, _, _ in letters}
    body = render(
        "directory.html",
        letters=letters,
        alphabet=[(letter, letter_anchor(letter) if letter in present else None) for letter in ALPHABET],
        directory=directory,
        count=len(directory.organisations),
        umbrellas=[umbrella for umbrella in directory.umbrellas if directory.in_umbrella(umbrella)],
        corrections_email=corrections_email,
        search_text=lambda org: search_text(org, directory.synonyms),
        category_slugs=lambda org: " ".join(directory.category(name).slug for name in org.categories),
        umbrella_slugs=lambda org: " ".join(directory.umbrella(name).slug for name in org.umbrella),
        review_notice=review_notice(directory.organisations),
        **_list_context(path, urls),
    )
    description = _("{count} pasient-, bruker- og pårørendeorganisasjoner fra A til Å.").format(
        count=len(directory.organisations))
    return markdown_page(path, _("Organisasjoner"), body, description=description, hide=("toc",))


def _themes_index(directory: Directory, urls: SiteUrls) -> GeneratedFile:
    path = f"{THEMES}/index.md"
    body = render("themes.html", directory=directory, review_notice=review_notice(directory.organisations),
                  **_list_context(path, urls))
    return markdown_page(path, _("Tema"), body, description=_("Organisasjonene ordnet etter tema."), hide=("toc",))


def _category_page(directory: Directory, category: Category, urls: SiteUrls) -> GeneratedFile:
    path = category_path(category)
    organisations = directory.in_category(category)
    body = render("category.html", category=category, organisations=organisations,
                  review_notice=review_notice(organisations), **_list_context(path, urls))
    return markdown_page(path, pick(category.name, category.translations, "name")[0], body,
                         description=pick(category.description, category.translations, "description")[0], hide=("toc",))


def organisation_page(
    directory: Directory, org: Organisation, urls: SiteUrls, events: Sequence[Any] = (), shifts: Any = None
) -> GeneratedFile:
    path = organisation_path(org)
    body = render(
        "organisation.html",
        org=org,
        categories=[directory.category(name) for name in org.categories],
        subject=glance.subject(org),
        umbrellas=glance.umbrella_links(org, directory),
        helplines=organisation_lines(org, directory),
        reach=glance.reach(org),
        addresses=glance.addresses(org),
        peer_reach=glance.peer_contacts(org),
        peer_phone_note=glance.peer_phone_note(org),
        peer_heading=_(glance.PEER_HEADINGS[org.peer_support.kind]) if org.peer_support else None,
        peer_anchor=glance.PEER_ANCHORS[org.peer_support.kind] if org.peer_support else None,
        successor=glance.successor_link(org, directory),
        chapters=[(chapter, glance.chapter_region(chapter)) for chapter in org.local_chapters],
        sources=[(glance.source_label(source), source.url) for source in org.sources],
        helplines_path=HELPLINES_PAGE,
        json_ld=_organisation_json_ld(org, directory, urls.absolute(path)),
        qr_image=urls.file_link(path, page_qr(path, urls).svg),
        events=events,
        shifts=shifts,
        **_list_context(path, urls),
    )
    return markdown_page(
        path, org.display_name, body, description=pick(org.description, org.translations, "description")[0],
        search_boost=ORGANISATION_SEARCH_BOOST, hide=("toc",)
    )


def _organisation_json_ld(org: Organisation, directory: Directory, page: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": org.name,
        "alternateName": org.short_name,
        "description": pick(org.description, org.translations, "description")[0],
        "url": org.website,
        "email": org.email,
        "telephone": org.phone,
        "address": org.address or org.visiting_address,
        "contactPoint": [
            {"@type": "ContactPoint", "name": line.name, "telephone": line.phone, "contactType": "helpline"}
            for line in org.helplines
        ]
        or None,
        "keywords": ", ".join(org.keywords) or None,
        # A partnership («samarbeider med») is not a membership, so only memberships are `memberOf`.
        "memberOf": [{"@type": "Organization", "name": body.title} for body in glance.memberships(org, directory)]
        or None,
        "subOrganization": [
            {"@type": "Organization", "name": c.name, "areaServed": c.region} for c in org.local_chapters
        ]
        or None,
        "mainEntityOfPage": page,
    }
    return {key: value for key, value in data.items() if value}
