"""Page addresses: the one rule from a page's source path to its URL, for either `use_directory_urls`.

With directory URLs (MkDocs's default) `organisasjoner/x.md` is served as `organisasjoner/x/`;
without them (`use_directory_urls: false`, or a site opened from disk) as `organisasjoner/x.html`.
Every generated link, QR code, feed address and kiosk address is made by `SiteUrls`.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Protocol

DIRECTORY = "organisasjoner"
"""The directory's folder: `organisasjoner/` lists every organisation, `organisasjoner/<slug>/` is one."""
DIRECTORY_INDEX = f"{DIRECTORY}/index.md"

_NORWEGIAN_PHONE = re.compile(r"^(\+47)?(\d{8})$")
_INTERNATIONAL_PHONE = re.compile(r"^\+[1-9]\d{6,14}$")
# Norway's emergency numbers (110, 112, 113) and the European 116 numbers (116 123, 116 117, …) are
# dialled as they are, without a country code.
_SHORT_PHONE = re.compile(r"^(11[023]|116\d{3})$")


HELPLINES_PAGE = "hjelpetelefoner.md"
"""The page that collects every organisation's helplines beside the emergency numbers."""


class _HasSlug(Protocol):
    @property
    def slug(self) -> str: ...


def organisation_path(org: _HasSlug) -> str:
    """The generated page of an organisation: `organisasjoner/<slug>.md`."""
    return organisation_page(org.slug)


THEMES = "tema"
"""The folder of the theme pages: `tema/<slug>/`."""


def category_path(category: _HasSlug) -> str:
    """The generated page of a theme: `tema/<slug>.md`."""
    return f"{THEMES}/{category.slug}.md"


def organisation_page(slug: str) -> str:
    """The source path of the page the organisation file `organisations/<slug>.yaml` becomes."""
    return f"{DIRECTORY}/{slug}.md"


def page_url(src_path: str, directory_urls: bool = True) -> str:
    """The site-relative URL of the page made from `src_path`, as MkDocs gives it.

    Directory URLs: `organisasjoner/x.md` -> `organisasjoner/x/`, `a/index.md` -> `a/`, `index.md` -> ``.
    Without: `organisasjoner/x.md` -> `organisasjoner/x.html`, `a/index.md` -> `a/index.html`.
    """
    stem = src_path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` (both site-relative URLs or file paths).

    A page URL ending in `/` is a folder; any other (`x.html`) is a file in its folder.
    """
    folder = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    target = _relative_path(to_url or ".", folder or ".")
    if to_url.endswith("/") and not target.endswith("/"):
        target += "/"
    return "./" if target in (".", "./") else target


def _relative_path(path: str, start: str) -> str:
    """`posixpath.relpath(path, start)` for paths within the site, without its two `os.getcwd()` calls
    (a page links to hundreds of others). Any other path (absolute, or above the site) goes to relpath."""
    path_parts, start_parts = _inside_parts(path), _inside_parts(start)
    if path_parts is None or start_parts is None:
        return posixpath.relpath(path, start)
    common = 0
    for path_part, start_part in zip(path_parts, start_parts, strict=False):
        if path_part != start_part:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."


def _inside_parts(path: str) -> list[str] | None:
    """The folders and name of a relative path that stays within its root, or None."""
    normal = posixpath.normpath(path)
    if normal.startswith(("/", "..")):
        return None
    return [part for part in normal.split("/") if part != "."]


def tel_uri(phone: str) -> str | None:
    """The `tel:` link for a phone number (Norwegian 8 digits, 113 or a 116 number, or + and a country code),
    or None when it is not one."""
    compact = re.sub(r"[\s-]", "", phone)
    if match := _NORWEGIAN_PHONE.match(compact):
        return f"tel:+47{match.group(2)}"
    if _SHORT_PHONE.match(compact):
        return f"tel:{compact}"
    return f"tel:{compact}" if _INTERNATIONAL_PHONE.match(compact) else None


def absolute_url(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url


@dataclass(frozen=True)
class SiteUrls:
    """The site's address and URL style: what every output needs to link, encode or announce a page."""

    site_url: str
    directory_urls: bool = True
    """MkDocs's `use_directory_urls`."""

    def page(self, src_path: str) -> str:
        """The site-relative URL of a page: `organisasjoner/x/` (or `organisasjoner/x.html`)."""
        return page_url(src_path, self.directory_urls)

    def absolute(self, src_path: str) -> str:
        """The page's full address, as QR codes, feeds and JSON-LD give it."""
        return absolute_url(self.site_url, self.page(src_path))

    def absolute_file(self, path: str) -> str:
        """The full address of a file in the site (a feed, a poster)."""
        return absolute_url(self.site_url, path)

    def link(self, from_src: str, to_src: str) -> str:
        """A relative link from one page to another, both named by their source paths."""
        return relative_url(self.page(from_src), self.page(to_src))

    def file_link(self, from_src: str, path: str) -> str:
        """A relative link from a page to a file in the site (an image, a feed, a PDF)."""
        return relative_url(self.page(from_src), path)
