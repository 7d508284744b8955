"""Which pages the offline copy holds, the page shown for the rest, the note on a stored page, and the
web app manifest with its icon.

The stored pages are what a visitor needs away from the desk: the front page, the directory and every
organisation, the themes, the helplines, the opening hours and the peer supporters. They are chosen by
their source path, so a page in another published language (`en/organisasjoner/x.md`, or
`organisasjoner/x.en.md`) is stored with its Norwegian original.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from ..directory.pages import THEMES
from ..hours.pages import HOURS_PAGE
from ..i18n.language import N_, _, current
from ..web.output import GeneratedFile, markdown_page
from ..web.qr import QR_FOLDER
from ..web.urls import DIRECTORY, DIRECTORY_INDEX, HELPLINES_PAGE, SiteUrls, relative_url

PEER_SUPPORT_PAGE = "likepersoner.md"
"""The hand-written page that lists the organisations with peer supporters (its marker: directory/peer_support.py)."""
FRONT_PAGE = "index.md"
STORED_SOURCES = (FRONT_PAGE, f"{DIRECTORY}/", f"{THEMES}/", HELPLINES_PAGE, HOURS_PAGE, PEER_SUPPORT_PAGE)
"""Source paths (a folder ends in `/`) of the pages stored for offline use on a visitor's first visit."""
OFFLINE_PAGE = "uten-nett.md"
"""The page the offline copy shows for an address it does not hold."""
MANIFEST = "manifest.webmanifest"
SITE_WORKER = "sw.js"
"""The public site's worker, at the site's root: a worker serves only addresses under its own folder."""
ICON = "assets/torget/icon.svg"
_LANGUAGE_FOLDER = re.compile(r"^[a-z]{2}(?:-[A-Za-z]{2})?/")
_LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2}(?:-[A-Za-z]{2})?\.md$")

# The links of the offline page: the stored pages a visitor opens from (each folder's index).
_OFFLINE_LINKS = (
    (FRONT_PAGE, "Forsiden"),
    (DIRECTORY_INDEX, "Organisasjonene fra A til Å"),
    (f"{THEMES}/index.md", "Organisasjonene etter tema"),
    (HELPLINES_PAGE, "Hjelpetelefoner"),
    (HOURS_PAGE, "Åpningstider"),
    (PEER_SUPPORT_PAGE, "Likepersoner"),
)


LEFT_OUT = (f"{QR_FOLDER}/",)
"""Folders (in any language's site) of files a stored page loads that the copy leaves out all the same: the page's
own QR code, made to be scanned from another screen or from paper. A phone does not show it (torget.css), and
the codes were a fifth of what the copy downloads. A visitor who opened a page with its code keeps the code."""


def left_out(path: str) -> bool:
    """Whether `path`, a file a stored page loads, stays out of the first visit's copy."""
    return path.startswith(LEFT_OUT) or _LANGUAGE_FOLDER.sub("", path, count=1).startswith(LEFT_OUT)


def stored_offline(src_path: str) -> bool:
    """Whether the page made from `src_path` is stored on a visitor's first visit, in any language."""
    path = _LANGUAGE_SUFFIX.sub(".md", _LANGUAGE_FOLDER.sub("", src_path, count=1))
    return any(path == stored or (stored.endswith("/") and path.startswith(stored)) for stored in STORED_SOURCES)


@dataclass(frozen=True)
class StoredNote:
    """The line on a stored page. Every page carries it hidden, in the page's own language: `hidden` starts it,
    then `data-note` holds its text with `{day}` and `data-locale` the language the day is written in. The
    worker, serving the page offline, swaps `hidden` for `shown` and writes the day the copy was made."""

    hidden: str
    shown: str


STORED_NOTE = StoredNote(hidden='<p class="torget-stored" data-torget-stored hidden',
                         shown='<p class="torget-stored" data-torget-stored role="status"')
STORED_TEXT = N_("Du er uten nett og ser en kopi. Lagret {day}.")


def stored_note() -> str:
    """The hidden note of a page in the language being rendered (`i18n.language.use_language`)."""
    text = html.escape(_(STORED_TEXT), quote=True)
    return f'{STORED_NOTE.hidden} data-note="{text}" data-locale="{html.escape(current())}"></p>'


_ARTICLE = '<article class="md-content__inner md-typeset">'


def page_offline_markup(html_page: str, page_url: str, *, worker: bool, theme_colour: str, site_root: str = "",
                        directory: str = "") -> str:
    """A built page with what the offline copy and the home screen need: the manifest and theme colour in
    its head, where the worker is (`data-torget-worker` on <html>, only when the build has one: never on the
    preview server), where the directory is (`data-torget-directory`, its URL from this build's root: the search
    points there when it cannot load offline) and the hidden note on stored pages. A page without the theme's
    markup is left as it is. `site_root` is where this build's site lies in the whole site ("en/" for English):
    the one worker is at the whole site's root."""
    if "</head>" not in html_page or _ARTICLE not in html_page:
        return html_page
    head = [f'<link rel="manifest" href="{html.escape(relative_url(page_url, MANIFEST))}">',
            f'<meta name="theme-color" content="{html.escape(theme_colour)}">']
    html_page = html_page.replace("</head>", "".join(head) + "</head>", 1)
    if worker:  # a data attribute: valid HTML, where a meta name of our own would not be
        address = html.escape(relative_url(site_root + page_url, SITE_WORKER))
        html_page = html_page.replace("<html ", f'<html data-torget-worker="{address}" ', 1)
    if directory:
        html_page = html_page.replace("<html ", f'<html data-torget-directory="{html.escape(directory)}" ', 1)
    return html_page.replace(_ARTICLE, _ARTICLE + stored_note(), 1)


def offline_page(urls: SiteUrls) -> GeneratedFile:
    """The page for an address the offline copy does not hold: it says so and links what it holds."""
    links = "\n".join(f'<li><a href="{html.escape(urls.link(OFFLINE_PAGE, source))}">{html.escape(text)}</a></li>'
                      for source, text in _OFFLINE_LINKS)
    body = f"""
<p>Du er uten nett, og denne siden er ikke lagret på telefonen din. Prøv igjen når du har nett.</p>
<p>Disse sidene kan du åpne uten nett, med alle organisasjonene:</p>
<ul>
{links}
</ul>
<p>De lagres første gang du er på nettstedet med nett. Sparer telefonen data, lagres bare sidene du har åpnet.</p>
<p>Trenger du hjelp nå, ring 113 når det står om liv, eller legevakten på 116 117.</p>
"""
    return markdown_page(OFFLINE_PAGE, "Uten nett", body, searchable=False,
                         description="Siden du åpnet, er ikke lagret for bruk uten nett.", hide=("toc", "navigation"))


@dataclass(frozen=True)
class AppOptions:
    """What the home-screen app is called and coloured; the names come from mkdocs.yml."""

    name: str
    short_name: str
    theme_colour: str
    logo_svg: str
    """The theme's logo (the one in the page header), whose drawing the icon reuses."""


_SVG_PATHS = re.compile(r"<path\b[^>]*/>|<path\b[^>]*>.*?</path>", re.S)


def app_files(options: AppOptions, urls: SiteUrls) -> list[GeneratedFile]:
    """The web app manifest (opening the directory, in the site's colour) and its icon: the header's logo,
    white on the theme colour."""
    drawing = "".join(_SVG_PATHS.findall(options.logo_svg))
    icon = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="24" height="24" rx="4" '
            f'fill="{html.escape(options.theme_colour)}"/><g fill="#fff" transform="translate(3 3) scale(0.75)">'
            f"{drawing}</g></svg>\n")
    manifest = {
        "name": options.name,
        "short_name": options.short_name,
        "lang": "nb",
        "start_url": urls.page(DIRECTORY_INDEX),  # relative to the manifest, at the root
        "scope": "./",
        "display": "standalone",
        "theme_color": options.theme_colour,
        "background_color": "#ffffff",
        "icons": [
            {"src": ICON, "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
            {"src": "assets/images/favicon.png", "sizes": "48x48", "type": "image/png"},
        ],
    }
    return [GeneratedFile(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"),
            GeneratedFile(ICON, icon)]
