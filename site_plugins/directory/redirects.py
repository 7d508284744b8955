"""Stable addresses: every former address of a renamed organisation forwards to its page.

A printed QR code for `/organisasjoner/prolar/` must keep working after proLAR became proLAR Nett,
so the build writes the page that address serves (`organisasjoner/prolar/index.html`, or
`organisasjoner/prolar.html` without directory URLs): a small page that forwards at once (meta
refresh), names the new address as canonical for search engines, and shows a link for anyone whose
browser does not follow. This does what the mkdocs-redirects plugin does, from the same model and
the site's one URL rule, without a second list of addresses to keep in step.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from ..web.output import GeneratedFile
from ..web.urls import SiteUrls, organisation_page, organisation_path
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


def redirect_page(org: Organisation, old: str, urls: SiteUrls) -> str:
    """A page at the old address that forwards to the organisation's page (relative, so any host works)."""
    target = html.escape(urls.link(organisation_page(old), organisation_path(org)))
    canonical = html.escape(urls.absolute(organisation_path(org)))
    name = html.escape(org.display_name)
    return f"""<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<title>{name} har fått ny adresse</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<main>
<h1>{name} har fått ny adresse</h1>
<p>Siden har flyttet. Hvis du ikke blir sendt videre med en gang, gå til <a href="{target}">{name}</a>.</p>
</main>
</body>
</html>
"""
