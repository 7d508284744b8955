"""The site's languages: which are built, where each lives, and the links between a page and its counterparts.

Bokmål is the site itself (`/`); every other language is a whole site of its own under `/<code>/`, built
from the same model with the same page paths, so a page's counterpart is the same path in the other
language's folder (`/organisasjoner/x/` and `/en/organisasjoner/x/`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel.core import Locale

from ..web.urls import SiteUrls, relative_url
from .language import SOURCE_LANGUAGE


@cache
def language_name(code: str) -> str:
    """The language's name in itself, as a language switch writes it: "English", "Norsk bokmål", "Davvisámegiella"."""
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


@dataclass(frozen=True)
class SiteLanguages:
    """The languages a build links to: bokmål first, then the published others (the drafts' too in a staging build)."""

    codes: tuple[str, ...] = (SOURCE_LANGUAGE,)

    @staticmethod
    def prefix(code: str) -> str:
        """Where a language's site starts, relative to the bokmål site: "" or "en/"."""
        return "" if code == SOURCE_LANGUAGE else f"{code}/"

    def counterparts(self, url: str, code: str) -> list[tuple[str, str]]:
        """(language, relative link) for `url` (a page's URL inside the `code` site) in every other language."""
        here = self.prefix(code) + url
        return [(other, relative_url(here, self.prefix(other) + url) or "./")
                for other in self.codes if other != code]

    def absolute(self, site_url: str, url: str, code: str) -> str:
        """The address of `url` in the `code` site, given the bokmål site's `site_url`."""
        return site_url.rstrip("/") + "/" + self.prefix(code) + url

    def urls(self, urls: SiteUrls, code: str) -> SiteUrls:
        """The `code` site's addresses, given the bokmål site's `urls`."""
        return SiteUrls(self.absolute(urls.site_url, "", code), directory_urls=urls.directory_urls)


BOKMAL_ONLY = SiteLanguages()
"""A site in bokmål alone."""
