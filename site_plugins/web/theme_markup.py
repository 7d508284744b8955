"""Two small corrections to the markup Material writes into every page.

- Its search dialog (`role="dialog"`) has no accessible name; screen readers announce a nameless
  dialog and axe-core reports it (WCAG 4.1.2). It gets the name "Søk".
- Its script bundle sits at the end of <body> without `defer`, so the parser waits for it; with
  `defer` it runs once the document is parsed, as before, but no longer holds up the first paint
  on a phone.
- The site's own script (deferred too) is moved before it, so it runs first: it holds back the
  search index Material's script would fetch at once until the visitor opens the search
  (assets/search_on_demand.js). The site's scripts start their work when the document is parsed,
  after Material's has run (assets/on_page.js).

Each correction applies only to Material's markup as this version writes it; if a new Material
version writes it differently, the page is left unchanged and the tests say so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .assets import SCRIPT_BUNDLE

SEARCH_DIALOG_NAME = "Søk"
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js)"></script>')
_SITE_SCRIPT = re.compile(r'\s*<script src="[^"]*' + re.escape(SCRIPT_BUNDLE) + r'" defer></script>')


def correct_theme_markup(html: str) -> str:
    html = html.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{SEARCH_DIALOG_NAME}">', 1)
    bundle = _BUNDLE.search(html)
    if bundle is None:
        return html
    site_script = _SITE_SCRIPT.search(html, bundle.end())
    moved = site_script.group(0).strip() if site_script else ""
    if site_script:
        html = html[: site_script.start()] + html[site_script.end():]
    return html[: bundle.start()] + moved + f'<script src="{bundle.group(1)}" defer></script>' + html[bundle.end():]


_STYLESHEET_LINK = re.compile(r'<link rel="stylesheet" href="([^"]*)">')


def one_stylesheet(html: str, bundled: Sequence[str], bundle: str) -> str:
    """The links to the stylesheets `bundled` (site paths, in the order the page links them) replaced by
    one link to `bundle`, with the same relative prefix. A page that does not link every one of them, in
    that order, is left as it is."""
    links = [match for match in _STYLESHEET_LINK.finditer(html)
             if any(match.group(1).endswith(path) for path in bundled)]
    if len(links) != len(bundled) or not links[0].group(1).endswith(bundled[0]):
        return html
    prefix = links[0].group(1).removesuffix(bundled[0])
    if any(link.group(1) != prefix + path for link, path in zip(links, bundled, strict=True)):
        return html
    parts, last = [], 0
    for index, link in enumerate(links):
        parts.append(html[last:link.start()])
        if index == 0:
            parts.append(f'<link rel="stylesheet" href="{prefix}{bundle}">')
        last = link.end()
    parts.append(html[last:])
    return "".join(parts)
