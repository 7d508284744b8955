"""The links between a page and its counterparts in the site's other languages.

Every page gets, at the top of its content, a link to the same page in each other language (visible
without scrolling, also on a phone, and marked with `hreflang`); each language's sitemap lists the alternates
of every address for search engines (see `add_language_links` for why not in the page's head).
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from pathlib import Path

from .language import _, use_language
from .languages import SiteLanguages, language_name

_CONTENT = re.compile(r'(<article class="md-content__inner md-typeset">)')
_SITEMAP_URL = re.compile(r"(<url>\s*<loc>([^<]*)</loc>)")
XHTML = "http://www.w3.org/1999/xhtml"


def switch_markup(languages: SiteLanguages, code: str, page_url: str) -> str:
    """`<nav>` with a link to `page_url`'s counterpart in each other language, named in that language."""
    links = " ".join(
        f'<a href="{html.escape(link)}" hreflang="{other}" lang="{other}">{html.escape(language_name(other))}</a>'
        for other, link in languages.counterparts(page_url, code))
    with use_language(code):  # the navigation's name in the page's language, from its catalogue
        label = _("Språk")
    return f'<nav class="torget-language" aria-label="{html.escape(label)}">{links}</nav>'



def add_language_links(output: str, languages: SiteLanguages, code: str, page_url: str, site_url: str) -> str:
    """The built page with its language switch (a page without Material's article, such as the kiosk, is left
    as it is).

    The alternates for search engines are in each language's sitemap (`sitemap_with_alternates`), not in the
    page's head: Material's page script fetches `sitemap.xml` beside every `<link rel="alternate">` of a page,
    so a head link per counterpart would cost each page view two more downloads (404s at that), and a request
    to `site_url`'s host wherever the site is served from elsewhere. The switch's links carry `hreflang`."""
    del site_url  # the sitemap's alternates are absolute; the switch's links are relative
    return _CONTENT.sub(lambda match: match.group(1) + switch_markup(languages, code, page_url), output, count=1)


def sitemap_with_alternates(sitemap: Path, languages: SiteLanguages, code: str, site_url: str,
                            without: Collection[str] = ()) -> None:
    """Add `<xhtml:link rel="alternate" hreflang>` for every language to each address of `code`'s sitemap
    (and rewrite its `.gz`, which MkDocs writes beside it); `without` are page URLs no other language has."""
    own = languages.absolute(site_url, "", code)
    text = sitemap.read_text(encoding="utf-8")

    def alternates(match: re.Match[str]) -> str:
        url = match.group(2)
        if not url.startswith(own):
            return match.group(1)
        page = url[len(own):]
        if page in without:
            return match.group(1)
        links = "".join(f'\n         <xhtml:link rel="alternate" hreflang="{other}" '
                        f'href="{html.escape(languages.absolute(site_url, page, other))}"/>'
                        for other in languages.codes)
        return match.group(1) + links

    text = _SITEMAP_URL.sub(alternates, text)
    text = text.replace('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"',
                        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="{XHTML}"', 1)
    sitemap.write_text(text, encoding="utf-8")
    packed = sitemap.with_name(sitemap.name + ".gz")
    if packed.is_file():
        import gzip

        with gzip.GzipFile(packed, "wb", mtime=0) as handle:
            handle.write(text.encode("utf-8"))
