"""The kiosk for the lobby touchscreen: a standalone page (no theme) and the phone page for "Min liste".

The kiosk's front end (template, stylesheet, scripts) lives in the repository's top-level
`kiosk/` folder, next to its launcher; this module renders the template with the site's data
and copies the rest into `site/kiosk/`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from ..directory.load import Directory
from ..events.load import Events, upcoming_occurrences
from ..hours.desk import LISTED_AHEAD, DeskHours
from ..hours.pages import HOURS_JSON
from ..hours.text import day_text, span_text
from ..shifts.pages import SHIFTS_JSON
from ..web.assets import ASSET_FOLDER, asset_files
from ..web.cache import FileCache
from ..web.output import GeneratedFile, markdown_page
from ..web.render import environment, render
from ..web.urls import organisation_path, page_url, relative_url
from .data import (
    DETAILS_FILE,
    EVENT_DAYS,
    KIOSK_FOLDER_URL,
    SAVED_LIST_URL,
    kiosk_data,
    kiosk_details,
)

KIOSK_FOLDER = Path(__file__).resolve().parent
# Copied as they are, next to the page; the page names them relatively.
STATIC_FILES = ("kiosk.css", "vendor/qrcode-generator.js", "kiosk.js")
# The service worker that keeps the kiosk working offline; it must sit in the kiosk's folder to serve it.
SERVICE_WORKER = "sw.js"
# The site's "Åpent nå" script (it reads the staffed intervals the hours page's build wrote).
STATUS_SCRIPT = f"{ASSET_FOLDER}/opening_status.js"
# «I dag på torget»: the site's script that picks today's organisations from shifts.json.
SHIFT_SCRIPT = f"{ASSET_FOLDER}/shift_today.js"


@cache
def _kiosk_environment() -> Environment:
    """The core's Jinja settings and filters, reading templates from `kiosk/`."""
    if not KIOSK_FOLDER.is_dir():
        raise FileNotFoundError(f"the kiosk's front end is missing: {KIOSK_FOLDER}")
    return environment().overlay(loader=FileSystemLoader(KIOSK_FOLDER))


def script_json(data: Any) -> Markup:
    """JSON for a `<script type="application/json">`; `<` is escaped so text cannot close the script."""
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c"))


def kiosk_files(directory: Directory, events: Events, hours: DeskHours, site_url: str,
                cache: FileCache) -> Iterator[GeneratedFile]:
    """`kiosk/index.html` with its assets, and the phone page the list QR code opens."""
    statics = {name: (KIOSK_FOLDER / name).read_bytes() for name in STATIC_FILES}
    site_scripts = [file.content for file in asset_files() if file.path in (STATUS_SCRIPT, SHIFT_SCRIPT)]
    occurrences = upcoming_occurrences(events, hours.now, EVENT_DAYS)
    data = script_json(kiosk_data(directory, site_url, occurrences, cache))
    details = json.dumps(kiosk_details(directory, site_url, cache), ensure_ascii=False, separators=(",", ":"))
    template = _kiosk_environment().get_template("index.html")
    shared = (relative_url(KIOSK_FOLDER_URL, STATUS_SCRIPT), relative_url(KIOSK_FOLDER_URL, SHIFT_SCRIPT))
    # The data the site's scripts fetch: the staffed intervals and today's organisations.
    fetched = (relative_url(KIOSK_FOLDER_URL, HOURS_JSON), relative_url(KIOSK_FOLDER_URL, SHIFTS_JSON))

    def page(build: str) -> str:
        stamped = [f"{name}?v={build}" for name in (*shared, *STATIC_FILES)]
        return template.render(data=data, build=build, staffed_days=staffed_days(hours),
                               scripts=[name for name in stamped if ".js?" in name],
                               stylesheets=[name for name in stamped if ".css?" in name])

    # The build stamp follows everything the kiosk loads. An idle kiosk compares it with the server's
    # at night to see a newer build; on the assets' addresses it makes the reload fetch them anew.
    digest = hashlib.sha256(page("").encode("utf-8"))
    for content in (*statics.values(), *site_scripts, details.encode("utf-8")):
        digest.update(content)
    build = digest.hexdigest()[:16]
    yield GeneratedFile(f"{KIOSK_FOLDER_URL}index.html", page(build))
    for name, content in statics.items():
        yield GeneratedFile(f"{KIOSK_FOLDER_URL}{name}", content)
    yield GeneratedFile(f"{KIOSK_FOLDER_URL}{DETAILS_FILE}", details)
    # What the service worker keeps for offline use: the page, its files, the data they fetch and the cards.
    offline = ["./", *(f"{name}?v={build}" for name in (*shared, *STATIC_FILES, DETAILS_FILE)), *fetched]
    worker = _kiosk_environment().get_template(SERVICE_WORKER)
    yield GeneratedFile(f"{KIOSK_FOLDER_URL}{SERVICE_WORKER}",
                        worker.render(build=build, files=script_json(offline)))
    yield saved_list_page(directory)


def staffed_days(hours: DeskHours) -> list[tuple[str, str, str]]:
    """(day, times, end of the day's last span as a UTC instant) for the staffed days ahead.

    The site's status script hides the days that are over when the kiosk shows them.
    """
    return [(day_text(day, year=False), span_text(spans), _utc(spans[-1].end))
            for day, spans in hours.staffed_days(LISTED_AHEAD)]


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def saved_list_page(directory: Directory) -> GeneratedFile:
    """The public page a visitor's phone opens from the list QR code: the chosen organisations, with links."""
    path = f"{SAVED_LIST_URL}index.md"
    here = page_url(path)
    body = render(
        "saved_list.html",
        directory=directory,
        link=lambda org: relative_url(here, page_url(organisation_path(org))),
        directory_link=relative_url(here, "organisasjoner/"),
    )
    # Out of the site search: the page holds every organisation, hidden until the address names it.
    return markdown_page(path, "Listen din fra torget", body, searchable=False,
                         description="Organisasjonene du merket på skjermen i foajeen.", hide=("toc", "navigation"))
