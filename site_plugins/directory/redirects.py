"""Stable addresses: every former address of a renamed organisation forwards to its page; the address of
an organisation merged into another forwards to the one it joined; a dissolved one's address says so.

A printed QR code for `/organisasjoner/prolar/` must keep working after proLAR became proLAR Nett,
so the build writes the page that address serves (`organisasjoner/prolar/index.html`, or
`organisasjoner/prolar.html` without directory URLs): a small page that forwards at once (meta
refresh), names the new address as canonical for search engines, and shows a link for anyone whose
browser does not follow. This does what the mkdocs-redirects plugin does, from the same model and
the site's one URL rule, without a second list of addresses to keep in step.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n.language import _, current, pick
from ..web.forwarding import forwarding_page
from ..web.output import GeneratedFile, markdown_page
from ..web.render import render
from ..web.urls import SiteUrls, category_path, organisation_page, organisation_path
from .load import Directory
from .model import Organisation


def former_file(slug: str, urls: SiteUrls) -> str:
    """The file in the site that serves the address a former file name had."""
    url = urls.page(organisation_page(slug))
    return f"{url}index.html" if url.endswith("/") else url


def redirect_files(directory: Directory, urls: SiteUrls) -> Iterator[GeneratedFile]:
    for org in directory.organisations:
        for old in org.former_slugs:
            yield GeneratedFile(former_file(old, urls), redirect_page(org, old, urls))
    for org in directory.merged():
        successor = directory.organisation(org.status.successor or "")
        assert successor is not None, "the loader checks that a successor is listed"
        for old in (org.slug, *org.former_slugs):
            yield GeneratedFile(former_file(old, urls), redirect_page(successor, old, urls, merged=org))
    for org in directory.dissolved():
        yield dissolved_page(org, directory, urls)
        for old in org.former_slugs:
            yield GeneratedFile(former_file(old, urls), redirect_page(org, old, urls))


def dissolved_page(org: Organisation, directory: Directory, urls: SiteUrls) -> GeneratedFile:
    """The page a dissolved organisation's address keeps: that it was dissolved, when, and where to look instead."""
    path = organisation_path(org)
    themes = [(pick(category.name, category.translations, "name")[0], urls.link(path, category_path(category)))
              for category in directory.categories if category.name in org.categories]
    body = render("dissolved.html", org=org, themes=themes, source=org.status.source)
    return markdown_page(path, _("{name} er lagt ned").format(name=org.display_name), body, searchable=False,
                         hide=("toc",), description=_("{name} er lagt ned og er ikke lenger med i oversikten.").format(
                             name=org.display_name))


def redirect_page(org: Organisation, old: str, urls: SiteUrls, merged: Organisation | None = None) -> str:
    """A page at the old address that forwards to the organisation's page (relative, so any host works);
    with `merged`, the old address was that organisation's, which has joined `org`."""
    name = org.display_name
    if merged is not None:
        title = _("{old} har slått seg sammen med {new}").format(old=merged.display_name, new=name)
        text = _("{old} er nå en del av {new}.").format(old=merged.display_name, new=name)
    else:
        title = _("{name} har fått ny adresse").format(name=name)
        text = _("Siden har flyttet.")
    follow = _("Hvis du ikke blir sendt videre med en gang, gå til {link}.")
    return forwarding_page(title=title, text=f"{text} {follow}", link_text=name, lang=current(),
                           target=urls.link(organisation_page(old), organisation_path(org)),
                           canonical=urls.absolute(organisation_path(org)))
