"""Every QR code the build prints, as the addresses a visit through it arrives at (read by `torget stats`).

This describes today's prints: each code encodes the page it opens, so a code's `address` is that page and
its `target` the same. The print issue (short addresses `/r/<name>/` that forward to the page) replaces this
module with one of the same interface; the statistics then count the short addresses without any change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..directory.load import Directory
from ..events.load import Event
from ..web.urls import DIRECTORY_INDEX, SiteUrls, organisation_path


@dataclass(frozen=True)
class PrintedCode:
    """One printed code: the site path it encodes, the page it leads to, and which print carries it."""

    address: str
    """The site path the code encodes, from the site's root: `/organisasjoner/` (later `/r/rollup/`)."""
    target: str
    """The site path of the page the code leads to; today the same as `address`."""
    print_name: str
    """A short Norwegian label of the print, e.g. «Roll-up i foajeen»."""


def printed_codes(urls: SiteUrls, *, directory: Directory, events: Iterable[Event],
                  today: dt.date) -> list[PrintedCode]:
    """The codes `catalogue.catalogue_files` prints from the same inputs: the roll-up, the desk poster, every
    organisation's and event's page code (an event's poster carries its page's code). One entry per address."""

    def code(src_path: str, print_name: str) -> PrintedCode:
        path = "/" + urls.page(src_path)
        return PrintedCode(address=path, target=path, print_name=print_name)

    found = [code(DIRECTORY_INDEX, "Roll-up i foajeen"), code("index.md", "Plakat på disken")]
    found += [code(organisation_path(org), f"QR-kode: {org.display_name}") for org in directory.organisations]
    for event in events:
        # A world day and a past event have a page code but no poster (as in catalogue_files).
        poster = not event.is_over(today) and not event.spec.world_day
        found.append(code(event.src_path, f"{'Plakat' if poster else 'QR-kode'}: {event.spec.title}"))
    unique: dict[str, PrintedCode] = {}
    for item in found:
        unique.setdefault(item.address, item)
    return list(unique.values())
