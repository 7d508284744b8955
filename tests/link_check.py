"""Addresses written as text (QR targets, calendar feeds, JSON-LD, the kiosk's data): each must name a built file.

Links in `href` and `src` are checked by `quality.broken_links`.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit


def broken_site_addresses(site: Path, site_url: str, suffixes: tuple[str, ...] = (".html", ".ics", ".json")) -> list[str]:
    """`file: address` for every absolute address under `site_url` in the site's files that names no file."""
    pattern = re.compile(re.escape(site_url) + r"[^\s\"'<>\\),]*")
    broken = []
    for path in sorted(p for p in site.rglob("*") if p.suffix in suffixes):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".ics":
            text = text.replace("\n ", "")  # RFC 5545 folds long lines (read_text turned CRLF into LF)
        for address in set(pattern.findall(text)):
            relative = unquote(urlsplit(address).path).removeprefix(urlsplit(site_url).path)
            target = site / relative
            if relative == "" or relative.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{path.relative_to(site)}: {address}")
    return broken
