"""The kiosk for the lobby touchscreen: a standalone page (no theme) and the phone page for "Min liste".

The kiosk's front end (template, stylesheet, scripts) is package data beside this module (the
repository's top-level `kiosk/` keeps the launcher and the device guide); this module renders the
template with the site's data and copies the rest into `site/kiosk/`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader

from ..directory.load import Directory
from ..events.load import Events, upcoming_occurrences
from ..hours.desk import LISTED_AHEAD, DeskHours
from ..hours.pages import HOURS_JSON
from ..hours.text import day_text, span_text
from ..i18n.language import SOURCE_LANGUAGE, use_language
from ..i18n.languages import BOKMAL_ONLY, SiteLanguages
from ..offline.worker import WorkerPlan, worker_script
from ..shifts.pages import SHIFTS_JSON
from ..web.assets import ASSET_FOLDER, SEARCH_RULE, asset_files
from ..web.cache import FileCache
from ..web.clock import utc_stamp
from ..web.output import GeneratedFile, markdown_page
from ..web.render import environment, render, script_json
from ..web.urls import DIRECTORY_INDEX, SiteUrls, organisation_path, relative_url
from .data import (
    DETAILS_FILE,
    EVENT_DAYS,
    KIOSK_FOLDER_URL,
    SAVED_LIST_PAGE,
    KioskCodes,
    kiosk_data,
    kiosk_details,
    language_file,
    overlay,
)
from .texts import script_texts

KIOSK_FOLDER = Path(__file__).resolve().parent
# Copied as they are, next to the page; the page names them relatively.
STATIC_FILES = ("kiosk.css", "vendor/qrcode-generator.js", "kiosk.js")
# The service worker that keeps the kiosk working offline; it must sit in the kiosk's folder to serve it.
SERVICE_WORKER = "sw.js"
# The site's "Åpent nå" script (it reads the staffed intervals the hours page's build wrote), the
# site's search rule (search_rule.js), which the kiosk shares with the directory page, and the
# start-up rule they use (on_page.js).
STATUS_SCRIPT = f"{ASSET_FOLDER}/opening_status.js"
# «I dag på torget»: the site's script that picks today's organisations from shifts.json.
SHIFT_SCRIPT = f"{ASSET_FOLDER}/shift_today.js"
SITE_SCRIPTS = (f"{ASSET_FOLDER}/on_page.js", SEARCH_RULE, STATUS_SCRIPT, SHIFT_SCRIPT)


@cache
def _kiosk_environment() -> Environment:
    """The core's Jinja settings and filters, reading templates from `kiosk/`."""
    if not KIOSK_FOLDER.is_dir():
        raise FileNotFoundError(f"the kiosk's front end is missing: {KIOSK_FOLDER}")
    return environment().overlay(loader=FileSystemLoader(KIOSK_FOLDER))


def kiosk_files(directory: Directory, events: Events, hours: DeskHours, urls: SiteUrls,
                cache: FileCache, languages: SiteLanguages = BOKMAL_ONLY) -> Iterator[GeneratedFile]:
    """`kiosk/index.html` with its assets, and the phone page the list QR code opens; rendered in bokmål.

    For every other language in `languages` (those published), `kiosk/<code>.json` holds what the kiosk shows
    differently in it (texts, descriptions, themes, dates, the pages' addresses in that language's site and
    their codes), as an `overlay` of the bokmål data and cards; the kiosk fetches it when a visitor chooses
    the language, so the first load carries bokmål only."""
    statics = {name: (KIOSK_FOLDER / name).read_bytes() for name in STATIC_FILES}
    site_scripts = {file.path: file.data for file in asset_files() if file.path in SITE_SCRIPTS}
    occurrences = upcoming_occurrences(events, hours.now, EVENT_DAYS)
    codes = KioskCodes(cache)
    saved_list_url = urls.absolute(SAVED_LIST_PAGE)

    def language_data(code: str) -> tuple[dict[str, Any], dict[str, Any]]:
        site_urls = urls if code == SOURCE_LANGUAGE else languages.urls(urls, code)
        folder = None if code == SOURCE_LANGUAGE else language_data_folder(languages, code)
        return (kiosk_data(directory, site_urls, occurrences, codes, staffed_days=staffed_days(hours),
                           languages=languages.codes, saved_list_url=saved_list_url, data_folder=folder),
                kiosk_details(directory, site_urls, codes))

    own, own_cards = language_data(SOURCE_LANGUAGE)
    others = {}
    fetched_elsewhere = []
    for code in languages.codes:
        if code == SOURCE_LANGUAGE:
            continue
        with use_language(code):
            their, their_cards = language_data(code)
        fetched_elsewhere += [relative_url(KIOSK_FOLDER_URL, languages.prefix(code) + path)
                              for path in (HOURS_JSON, SHIFTS_JSON)]
        others[language_file(code)] = compact_json({"data": overlay(own, their), "cards": overlay(own_cards,
                                                                                                  their_cards)})
    # The page's own texts are in its elements; the data carries those the script writes.
    data = script_json({**own, "texts": script_texts(own["texts"])})
    details = compact_json(own_cards)
    codes.save()
    template = _kiosk_environment().get_template("index.html")
    shared = tuple(relative_url(KIOSK_FOLDER_URL, path) for path in SITE_SCRIPTS)
    # The data the site's scripts fetch: the staffed intervals and today's organisations.
    fetched = (relative_url(KIOSK_FOLDER_URL, HOURS_JSON), relative_url(KIOSK_FOLDER_URL, SHIFTS_JSON))

    def page(build: str) -> str:
        stamped = [f"{name}?v={build}" for name in (*shared, *STATIC_FILES)]
        return template.render(data=data, build=build, texts=own["texts"], staffed_days=own["staffed_days"],
                               scripts=[name for name in stamped if ".js?" in name],
                               stylesheets=[name for name in stamped if ".css?" in name])

    # The build stamp follows everything the kiosk loads. An idle kiosk compares it with the server's
    # at night to see a newer build; on the assets' addresses it makes the reload fetch them anew.
    digest = hashlib.sha256(page("").encode("utf-8"))
    for content in (*statics.values(), *site_scripts.values(), details.encode("utf-8"),
                    *(text.encode("utf-8") for text in others.values())):
        digest.update(content)
    build = digest.hexdigest()[:16]
    yield GeneratedFile(f"{KIOSK_FOLDER_URL}index.html", page(build))
    for name, content in statics.items():
        yield GeneratedFile(f"{KIOSK_FOLDER_URL}{name}", content)
    yield GeneratedFile(f"{KIOSK_FOLDER_URL}{DETAILS_FILE}", details)
    for name, text in others.items():
        yield GeneratedFile(f"{KIOSK_FOLDER_URL}{name}", text)
    # What the service worker keeps for offline use: the page, its files, the data they fetch, the cards and the
    # other languages.
    offline = ["./", *(f"{name}?v={build}" for name in (*shared, *STATIC_FILES, DETAILS_FILE, *others)),
               *fetched, *fetched_elsewhere]
    # The site's offline mechanism: everything stored before the worker takes over, nothing else kept.
    yield GeneratedFile(f"{KIOSK_FOLDER_URL}{SERVICE_WORKER}",
                        worker_script(WorkerPlan(name="torget-kiosk", required=offline), build))
    yield saved_list_page(directory, urls)


def language_data_folder(languages: SiteLanguages, code: str) -> str:
    """The folder of `code`'s hours.json and shifts.json, relative to the kiosk (`../en/assets/torget/`)."""
    return relative_url(KIOSK_FOLDER_URL, languages.prefix(code) + HOURS_JSON.rsplit("/", 1)[0] + "/")


def compact_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def staffed_days(hours: DeskHours) -> list[tuple[str, str, str]]:
    """(day, times, end of the day's last span as a UTC instant) for the staffed days ahead.

    The site's status script hides the days that are over when the kiosk shows them.
    """
    return [
        (day_text(day, year=False), span_text(spans), utc_stamp(spans[-1].end))
        for day, spans in hours.staffed_days(LISTED_AHEAD)
    ]


def saved_list_page(directory: Directory, urls: SiteUrls) -> GeneratedFile:
    """The public page a visitor's phone opens from the list QR code: the chosen organisations, with links."""
    path = SAVED_LIST_PAGE
    body = render(
        "saved_list.html",
        directory=directory,
        link=lambda org: urls.link(path, organisation_path(org)),
        directory_link=urls.link(path, DIRECTORY_INDEX),
    )
    # Out of the site search: the page holds every organisation, hidden until the address names it.
    return markdown_page(
        path,
        "Listen din fra torget",
        body,
        searchable=False,
        description="Organisasjonene du merket på skjermen i foajeen.",
        hide=("toc", "navigation"),
    )
