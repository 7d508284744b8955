"""The kiosk's data: everything the lobby touchscreen shows, computed from the one Site model.

The kiosk's script only draws what is here; every rule (order, letters, folding,
labels, addresses, QR modules) is decided in Python.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..directory.contact import tel_uri
from ..directory.load import Directory
from ..directory.model import Organisation
from ..directory.pages import ALPHABET
from ..events.load import UpcomingOccurrence
from ..events.recurrence import OSLO
from ..events.text import upcoming_label
from ..web.cache import FileCache
from ..web.qr import QUIET_ZONE, page_qr, qr_renderer_version
from ..web.render import web_label
from ..web.text import LETTER_FOLDS, fold, index_letter
from ..web.urls import absolute_url, organisation_path
from .qr import QR_LEVEL, packed_code

KIOSK_FOLDER_URL = "kiosk/"
SAVED_LIST_URL = "kiosk/liste/"
DETAILS_FILE = "organisasjoner.json"
"""The organisations' cards, next to the kiosk page (`kiosk/organisasjoner.json`)."""
VOLUNTEER_PAGE = "bli-frivillig.md"
"""The site's page for new volunteers (issue 6); the kiosk's volunteer screen carries its QR code."""
# Seconds: until "Vil du fortsette?", how long the question waits (WCAG 2.2.1 asks for at least 20),
# and from the start screen to the attract screen. URL parameters override them.
TIMEOUTS = {"idle": 90, "warn": 30, "attract": 300}
# Local hours in which an idle kiosk looks for a newer build and reloads.
RELOAD_HOURS = (2, 5)
# Marked organisations per visitor: ten of the longest addresses still make a code (version 20 at
# level Q) that a phone reads off the screen.
LIST_LIMIT = 10
# Events listed from the build on; the kiosk drops those that have ended, and a nightly build renews the list.
EVENT_DAYS = 60


class QrTable:
    """QR modules for every address the kiosk shows, each encoded once and kept in the build cache."""

    def __init__(self, cache: FileCache) -> None:
        self.cache = cache
        self.codes: dict[str, dict[str, Any]] = {}

    def add(self, target: str) -> str:
        if target not in self.codes:
            inputs = {"kind": "kiosk-modules", "target": target, "renderer": qr_renderer_version()}
            packed = self.cache.fetch(inputs, ".json", lambda: json.dumps(packed_code(target)).encode("utf-8"))
            self.codes[target] = json.loads(packed)
        return target


def _contact(qr: QrTable, kind: str, label: str, text: str, target: str) -> dict[str, str]:
    return {"kind": kind, "label": label, "text": text, "qr": qr.add(target)}


def _contacts(qr: QrTable, *, website: str | None = None, email: str | None = None, phone: str | None = None,
              membership_url: str | None = None, website_label: str = "Nettside") -> list[dict[str, str]]:
    """Web, e-mail and phone as text with the address their QR code carries (never a link)."""
    found = []
    if website:
        found.append(_contact(qr, "web", website_label, web_label(website), website))
    if email:
        found.append(_contact(qr, "email", "E-post", email, f"mailto:{email}"))
    if phone and (uri := tel_uri(phone)):
        found.append(_contact(qr, "phone", "Telefon", phone, uri))
    if membership_url:
        found.append(_contact(qr, "web", "Bli medlem", web_label(membership_url), membership_url))
    return found


def _page_contact(src_path: str, label: str, site_url: str, qr: QrTable) -> dict[str, str]:
    """A page of the public site, as text and QR code."""
    target = page_qr(src_path, site_url).target
    return _contact(qr, "web", label, web_label(target), target)


def _summary(directory: Directory, org: Organisation) -> dict[str, Any]:
    """What the list screens show and search: the first load carries this for every organisation."""
    entry: dict[str, Any] = {
        "slug": org.slug,
        "name": org.display_name,
        "letter": index_letter(org.name),
        "description": org.description,
        "themes": [directory.category(name).slug for name in org.categories],
        # The folded search words the list does not show; the kiosk adds the name and description it has.
        "search": fold(" ".join([org.short_name or "", *org.keywords, *org.categories])).strip(),
    }
    if org.at_torget:
        entry["at_torget"] = True
    return entry


def _details(org: Organisation, site_url: str, qr: QrTable) -> dict[str, Any]:
    """What only the organisation's card shows: contacts with their codes, peer support, local chapters."""
    entry: dict[str, Any] = {
        "contacts": _contacts(qr, website=org.website, email=org.email, phone=org.phone,
                              membership_url=org.membership_url),
        "page": _page_contact(organisation_path(org), "Denne siden på nettet", site_url, qr),
    }
    if org.address:
        entry["address"] = org.address
    if peer := org.peer_support:
        entry["peer"] = {
            "description": peer.description,
            "contacts": _contacts(qr, website=peer.url, email=peer.email, phone=peer.phone,
                                  website_label="Om likepersonene"),
        }
    if org.local_chapters:
        entry["chapters"] = [
            {"name": chapter.name, "region": chapter.region,
             "contacts": _contacts(qr, website=chapter.website, email=chapter.email, phone=chapter.phone)}
            for chapter in org.local_chapters
        ]
    return entry


def _occurrence(item: UpcomingOccurrence, site_url: str, qr: QrTable) -> dict[str, Any]:
    # A day-long event (no times) lasts until midnight in Oslo.
    end = item.end or item.start or dt.datetime.combine(item.day + dt.timedelta(days=1), dt.time(), OSLO)
    return {
        "title": item.title,
        "when": upcoming_label(item),
        "where": item.location,
        "end": end.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "page": _page_contact(item.event.src_path, item.title, site_url, qr),
    }


def kiosk_data(directory: Directory, site_url: str, occurrences: list[UpcomingOccurrence],
               cache: FileCache) -> dict[str, Any]:
    """The JSON the kiosk page carries: what its first screens need, and the codes of events and volunteering.

    Each organisation's card (contacts and their codes) is in `kiosk_details`, a file of its own
    (`DETAILS_FILE`) the kiosk fetches once its first screen is up, so the first load stays small.
    """
    qr = QrTable(cache)
    themes = [
        {"slug": category.slug, "name": category.name, "description": category.description,
         "organisations": [org.slug for org in directory.in_category(category)]}
        for category in directory.categories
    ]
    return {
        "timeouts": TIMEOUTS,
        "reload_hours": list(RELOAD_HOURS),
        "folds": LETTER_FOLDS,
        # The letters of the A–Å bar and of the on-screen keyboard.
        "alphabet": list(ALPHABET),
        "organisations": [_summary(directory, org) for org in directory.organisations],
        "details": DETAILS_FILE,
        "themes": [theme for theme in themes if theme["organisations"]],
        "events": [_occurrence(item, site_url, qr) for item in occurrences],
        "volunteer": {"contacts": [_page_contact(VOLUNTEER_PAGE, "Les mer på nettsiden", site_url, qr)]},
        "saved_list_url": absolute_url(site_url, SAVED_LIST_URL),
        "list_limit": LIST_LIMIT,
        "qr_level": QR_LEVEL,
        "qr_quiet_zone": QUIET_ZONE,
        "qr": qr.codes,
    }


def kiosk_details(directory: Directory, site_url: str, cache: FileCache) -> dict[str, Any]:
    """Every organisation's card by slug, and the QR modules of every address the cards show."""
    qr = QrTable(cache)
    cards = {org.slug: _details(org, site_url, qr) for org in directory.organisations}
    return {"organisations": cards, "qr": qr.codes}
