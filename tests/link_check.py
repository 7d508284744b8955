"""A link checker over a built site folder: every relative link and every address on the site resolves to a file."""

from __future__ import annotations

import html.parser
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

_SKIP = ("#", "mailto:", "tel:", "data:", "javascript:")


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def _target(site: Path, folder: str, link: str) -> Path:
    path = unquote(urlsplit(link).path)
    resolved = posixpath.normpath(posixpath.join(folder, path)) if path else folder
    target = site / resolved.lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def broken_relative_links(site: Path) -> list[str]:
    """`page: link` for every relative href/src in the site's HTML that names no file."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        folder = page.parent.relative_to(site).as_posix()
        for link in parser.links:
            if link.startswith(_SKIP) or urlsplit(link).scheme or link.startswith("//"):
                continue
            if not _target(site, folder, link).is_file():
                broken.append(f"{page.relative_to(site)}: {link}")
    return broken


def broken_site_addresses(site: Path, site_url: str, suffixes: tuple[str, ...] = (".html", ".ics", ".json")) -> list[str]:
    """`file: address` for every absolute address under `site_url` (QR targets, feeds, JSON-LD) that names no file."""
    pattern = re.compile(re.escape(site_url) + r"[^\s\"'<>\\),]*")
    broken = []
    for path in sorted(p for p in site.rglob("*") if p.suffix in suffixes):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".ics":
            text = text.replace("\n ", "")  # RFC 5545 folds long lines (read_text turned CRLF into LF)
        for address in set(pattern.findall(text)):
            if not _target(site, "", address.removeprefix(site_url)).is_file():
                broken.append(f"{path.relative_to(site)}: {address}")
    return broken
