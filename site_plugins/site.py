"""The whole site's model, read once from the sources, and every file generated from it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .assets import asset_files
from .closed_days import ClosedDays
from .directory import Directory, load_directory
from .directory_pages import directory_pages
from .event_pages import event_files, organisation_events
from .events import Events, load_events
from .desk_hours import DeskHours
from .hours_pages import hours_files
from .hours_sources import HoursSources, load_hours
from .kiosk_page import kiosk_files
from .output import GeneratedFile
from .print_catalogue import PrintOptions, catalogue_files
from .problems import SourceError
from .recurrence import oslo_date
from .school_holidays import SCHOOL_HOLIDAYS_FILE


@dataclass(frozen=True)
class SiteSources:
    """Where the editors' files are. `root` is the folder of mkdocs.yml; messages name files relative to it."""

    root: Path
    organisations: Path
    hours: HoursSources | None = None
    """The desk's opening-hours options; None means the defaults, with the school calendar in organisations/."""
    now: dt.datetime | None = None
    """The build time (timezone-aware); pages show what lies ahead of it. None means the current time."""
    prints: PrintOptions = PrintOptions()
    """The roll-up's and posters' options, and the folder that caches drawn codes and posters."""
    docs: Path | None = None
    """The docs folder, where event pages (front matter with `event:`) are; None means `root/docs`."""

    @property
    def build_time(self) -> dt.datetime:
        return self.now or dt.datetime.now(dt.timezone.utc)

    @property
    def docs_folder(self) -> Path:
        return self.docs or self.root / "docs"

    @property
    def hours_sources(self) -> HoursSources:
        return self.hours or HoursSources(school_holidays=self.organisations / SCHOOL_HOLIDAYS_FILE)


@dataclass(frozen=True)
class Site:
    """Everything the outputs are made from; one model serves every page, feed and code."""

    directory: Directory
    closed_days: ClosedDays
    hours: DeskHours
    prints: PrintOptions
    events: Events = Events()


def load_site(sources: SiteSources) -> Site:
    """Read and validate every source; raise SourceError listing all problems."""
    problems = []
    now = sources.build_time
    try:
        directory = load_directory(sources.organisations, sources.root)
    except SourceError as error:
        problems += error.problems
    try:
        closed_days, hours = load_hours(sources.hours_sources, sources.root, now)
    except SourceError as error:
        problems += error.problems
    if not problems:  # events name organisers and skip holidays, so they are checked against both
        try:
            events = load_events(sources.docs_folder, sources.root, directory, closed_days)
        except SourceError as error:
            problems += error.problems
    if problems:
        raise SourceError(problems)
    return Site(directory=directory, closed_days=closed_days, hours=hours, prints=sources.prints, events=events)


def site_files(site: Site, site_url: str) -> Iterator[GeneratedFile]:
    """Every page and file the plugin adds to the build."""
    yield from asset_files()
    today = oslo_date(site.hours.now)
    yield from directory_pages(site.directory, site_url, events_of=lambda slug: organisation_events(site.events, slug, today))
    yield from event_files(site.events, site.directory, site_url, today, site.hours.now)
    yield from hours_files(site.hours, site.closed_days, site_url)
    yield from kiosk_files(site, site_url)
    yield from catalogue_files(site, site_url)
