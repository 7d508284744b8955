"""The kiosk's data: everything the lobby touchscreen shows, computed from the one Site model.

The kiosk's script only draws what is here; every rule (order, letters, folding,
labels, addresses, QR modules) is decided in Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..directory.glance import PEER_HEADINGS, peer_phone_note
from ..directory.helplines import organisation_lines
from ..directory.load import Directory
from ..directory.model import Organisation
from ..directory.pages import ALPHABET
from ..directory.provenance import review_notice
from ..events.load import UpcomingOccurrence
from ..events.text import upcoming_label
from ..i18n.language import N_, SOURCE_LANGUAGE, _, current
from ..i18n.languages import language_name
from ..search.terms import search_words
from ..web.cache import FileCache, PackedValues
from ..web.clock import day_end, utc_stamp
from ..web.qr import ERROR_LEVEL, QUIET_ZONE, page_qr
from ..web.render import translated_text, web_label
from ..web.text import fold, index_letter
from ..web.urls import SiteUrls, organisation_path, tel_uri
from .qr import packed_code, packing_version
from .texts import kiosk_texts

KIOSK_FOLDER_URL = "kiosk/"
SAVED_LIST_PAGE = "kiosk/liste/index.md"
"""The phone page the "Min liste" code opens."""
DETAILS_FILE = "organisasjoner.json"
"""The organisations' cards, next to the kiosk page (`kiosk/organisasjoner.json`)."""


def language_file(code: str) -> str:
    """The file with everything the kiosk shows differently in `code`, next to the kiosk page (`kiosk/en.json`)."""
    return f"{code}.json"


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


class KioskCodes:
    """The packed QR modules of every address the kiosk shows, each encoded once and kept in the build cache.

    There are about five per organisation. All of them are kept in one file of the cache, so a warm build
    reads one file where it read one per code (5,353 at 1,000 organisations); an edited address is
    encoded anew, and the file follows on `save`.
    """

    def __init__(self, cache: FileCache) -> None:
        self._pack = PackedValues(cache, {"kind": "kiosk-modules", "version": packing_version()})

    def code(self, target: str) -> dict[str, Any]:
        code: dict[str, Any] = self._pack.get(target, lambda: packed_code(target))
        return code

    def save(self) -> None:
        """Keep the codes asked for in the cache, for the next build."""
        self._pack.save()


class QrTable:
    """The codes one of the kiosk's JSON files carries: each address's modules once, by address."""

    def __init__(self, codes: KioskCodes) -> None:
        self._all = codes
        self.codes: dict[str, dict[str, Any]] = {}

    def add(self, target: str) -> str:
        if target not in self.codes:
            self.codes[target] = self._all.code(target)
        return target


def _contact(qr: QrTable, kind: str, label: str, text: str, target: str) -> dict[str, str]:
    return {"kind": kind, "label": label, "text": text, "qr": qr.add(target)}


WEBSITE = N_("Nettside")


def _contacts(qr: QrTable, *, website: str | None = None, email: str | None = None, phone: str | None = None,
              membership_url: str | None = None, website_label: str = WEBSITE) -> list[dict[str, str]]:
    """Web, e-mail and phone as text with the address their QR code carries (never a link)."""
    found = []
    if website:
        found.append(_contact(qr, "web", _(website_label), web_label(website), website))
    if email:
        found.append(_contact(qr, "email", _("E-post"), email, f"mailto:{email}"))
    if phone and (uri := tel_uri(phone)):
        found.append(_contact(qr, "phone", _("Telefon"), phone, uri))
    if membership_url:
        found.append(_contact(qr, "web", _("Bli medlem"), web_label(membership_url), membership_url))
    return found


def _page_contact(src_path: str, label: str, urls: SiteUrls, qr: QrTable) -> dict[str, str]:
    """A page of the public site, as text and QR code."""
    target = page_qr(src_path, urls).target
    return _contact(qr, "web", label, web_label(target), target)


def _summary(directory: Directory, org: Organisation) -> dict[str, Any]:
    """What the list screens show and search: the first load carries this for every organisation."""
    themes = [directory.category(name) for name in org.categories]
    # In another language, its names of the themes are search words too.
    theme_names = [] if current() == SOURCE_LANGUAGE else [translated_text(theme, "name") for theme in themes]
    entry: dict[str, Any] = {
        "slug": org.slug,
        "name": org.display_name,
        "letter": index_letter(org.name),
        "description": translated_text(org, "description"),
        "themes": [theme.slug for theme in themes],
        # The folded search words the list does not show (short name, keywords in both languages, themes,
        # synonyms); the kiosk folds the name and description it has with the same rule and adds them.
        "search": fold(" ".join([*search_words(org, directory.synonyms), *theme_names])).strip(),
    }
    if org.at_torget:
        entry["at_torget"] = True
    return entry


def _details(org: Organisation, directory: Directory, urls: SiteUrls, qr: QrTable) -> dict[str, Any]:
    """What only the organisation's card shows: contacts with their codes, peer support, local chapters."""
    entry: dict[str, Any] = {
        # Helplines first, as on the organisation's page: a visitor in distress needs them before the office.
        "contacts": [
            {**_contact(qr, "phone", line.name, line.reach[0].text, line.reach[0].href), "note": line.hours_text}
            for line in organisation_lines(org, directory)
        ]
        + _contacts(qr, website=org.website, email=org.email, phone=org.phone, membership_url=org.membership_url),
        "page": _page_contact(organisation_path(org), _("Denne siden på nettet"), urls, qr),
    }
    if address := org.address or org.visiting_address:
        entry["address"] = address
    if peer := org.peer_support:
        entry["peer"] = {
            "heading": _(PEER_HEADINGS[peer.kind]),
            "note": peer_phone_note(org),
            "description": translated_text(peer, "description") or None,
            "contacts": _contacts(qr, website=peer.url, email=peer.email, phone=peer.phone,
                                  website_label=N_("Om likepersonene")),
        }
    if org.local_chapters:
        entry["chapters"] = [
            {"name": chapter.name, "region": translated_text(chapter, "region") or None,
             "contacts": _contacts(qr, website=chapter.website, email=chapter.email, phone=chapter.phone)}
            for chapter in org.local_chapters
        ]
    return entry


def _occurrence(item: UpcomingOccurrence, urls: SiteUrls, qr: QrTable) -> dict[str, Any]:
    # A day-long event (no times) lasts until midnight in Oslo.
    end = item.end or item.start or day_end(item.day)
    return {
        "title": item.title,
        "when": upcoming_label(item),
        "where": item.location,
        "end": utc_stamp(end),
        "page": _page_contact(item.event.src_path, item.title, urls, qr),
    }


def kiosk_data(directory: Directory, urls: SiteUrls, occurrences: list[UpcomingOccurrence],
               codes: KioskCodes, *, staffed_days: Sequence[Sequence[str]] = (),
               languages: Sequence[str] = (SOURCE_LANGUAGE,), saved_list_url: str | None = None,
               data_folder: str | None = None) -> dict[str, Any]:
    """The JSON the kiosk page carries: what its first screens need, and the codes of events and volunteering,
    in the current language (`i18n.language.use_language`).

    Each organisation's card (contacts and their codes) is in `kiosk_details`, a file of its own
    (`DETAILS_FILE`) the kiosk fetches once its first screen is up, so the first load stays small.
    `staffed_days` are the desk's next staffed days as the start screen lists them (day, times, end),
    `languages` the kiosk's languages, bokmål first, `saved_list_url` the phone page of "Min liste"
    (bokmål's in every language: only the bokmål site has it) and `data_folder` the folder of the language's
    hours.json and shifts.json relative to the kiosk, when not the bokmål site's.
    """
    qr = QrTable(codes)
    themes = [
        {"slug": category.slug, "name": translated_text(category, "name"),
         "description": translated_text(category, "description"),
         "organisations": [org.slug for org in members], "review_notice": review_notice(members)}
        for category in directory.categories if (members := directory.in_category(category))
    ]
    return {
        "language": current(),
        # The choices of language on the start screen: each language's name in itself, and the file with its
        # texts (`language_file`), fetched when a visitor chooses it.
        "languages": [{"code": code, "name": language_name(code),
                       "file": None if code == SOURCE_LANGUAGE else language_file(code)} for code in languages],
        "texts": kiosk_texts(),
        # Where the opening-status and shift scripts read this language's hours.json and shifts.json (None: next
        # to themselves, the bokmål site's).
        "data_folder": data_folder,
        "staffed_days": [list(day) for day in staffed_days],
        "timeouts": TIMEOUTS,
        "reload_hours": list(RELOAD_HOURS),
        # The letters of the A–Å bar and of the on-screen keyboard.
        "alphabet": list(ALPHABET),
        "organisations": [_summary(directory, org) for org in directory.organisations],
        "details": DETAILS_FILE,
        "themes": themes,
        # One sentence per list when some entries are not yet checked with their organisation.
        "review_notice": review_notice(directory.organisations),
        "events": [_occurrence(item, urls, qr) for item in occurrences],
        "volunteer": {"contacts": [_page_contact(VOLUNTEER_PAGE, _("Les mer på nettsiden"), urls, qr)]},
        "saved_list_url": saved_list_url or urls.absolute(SAVED_LIST_PAGE),
        "list_limit": LIST_LIMIT,
        "qr_level": ERROR_LEVEL,  # the letter the kiosk's QR library also uses, for the "Min liste" code it draws
        "qr_quiet_zone": QUIET_ZONE,
        "qr": qr.codes,
    }


def kiosk_details(directory: Directory, urls: SiteUrls, codes: KioskCodes) -> dict[str, Any]:
    """Every organisation's card by slug, and the QR modules of every address the cards show."""
    qr = QrTable(codes)
    cards = {org.slug: _details(org, directory, urls, qr) for org in directory.organisations}
    return {"organisations": cards, "qr": qr.codes}


def overlay(base: Any, other: Any) -> Any:
    """What turns `base` into `other`, for the kiosk's script to lay over `base` (its `merged`): of a mapping, the
    keys whose values differ (None for a key `other` lacks); of two lists of one length, {"index": overlay} for
    the items that differ; else `other` itself. A language file carries the overlay of the bokmål data, so it
    holds only the texts (and addresses) that differ."""
    if isinstance(base, dict) and isinstance(other, dict):
        changed = {key: overlay(base[key], value) if key in base else value
                   for key, value in other.items() if key not in base or base[key] != value}
        return changed | {key: None for key in base if key not in other}
    if isinstance(base, list) and isinstance(other, list) and len(base) == len(other):
        return {str(index): overlay(old, new) for index, (old, new) in enumerate(zip(base, other, strict=True))
                if old != new}
    return other
