"""The whole site's model, read once from every source and validated; `build.py` turns it into files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .directory.contact import EMAIL
from .directory.load import Directory, load_directory
from .events.load import Events, load_events
from .hours.closed_days import ClosedDays
from .hours.day import DeskDays
from .hours.desk import DeskHours
from .hours.school_holidays import SCHOOL_HOLIDAYS_FILE
from .hours.sources import HoursSources, load_hours
from .printing.options import PrintOptions
from .readiness.drafts import Drafts, load_drafts
from .shifts.load import load_shift_plan
from .shifts.model import ShiftPlan
from .sources.config_location import option_location
from .sources.problems import SourceError, display_path


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
    show_drafts: bool = False
    """Whether pages with `draft: true` are part of the site (the preview of `mkdocs serve`, a staging build)."""
    corrections_email: str | None = None
    """Where the directory asks visitors to report a missing organisation or a mistake; None leaves the request out."""
    languages: tuple[str, ...] = ()
    """The site's languages besides bokmål (`translations:` in mkdocs.yml): the codes `translations:` blocks may use."""

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
    """The events and world days the site shows: without the drafts unless `drafts_shown`."""
    shifts: ShiftPlan | None = None
    """The shift plan from the build day on; None when organisations/_vaktplan.yaml is missing or empty."""
    drafts: Drafts = Drafts()
    """Every page marked `draft: true`, shown or not."""
    drafts_shown: bool = False
    all_events: Events = Events()
    """Every event page, drafts included: what the editors' tools work on."""
    corrections_email: str | None = None


def load_site(sources: SiteSources) -> Site:
    """Read and validate every source; raise SourceError listing all problems."""
    problems = []
    now = sources.build_time
    drafts = Drafts()
    try:
        drafts = load_drafts(sources.docs_folder, sources.root)
    except SourceError as error:
        problems += error.problems
    try:
        directory = load_directory(sources.organisations, sources.root, sources.languages)
    except SourceError as error:
        problems += error.problems
    try:
        closed_days, hours = load_hours(sources.hours_sources, sources.root, now)
    except SourceError as error:
        problems += error.problems
    if sources.corrections_email is not None and not EMAIL.match(sources.corrections_email):
        config = sources.hours_sources.config_file
        config_name = display_path(config, sources.root) if config else "mkdocs.yml"
        where = option_location(config, config_name, "corrections_email")
        problems.append(where.problem(
            f"{sources.corrections_email!r} is not an e-mail address; write it like post@forening.no"))
    if not problems:  # events name organisers and skip holidays, so they are checked against both
        try:
            events = load_events(sources.docs_folder, sources.root, directory, closed_days)
        except SourceError as error:
            problems += error.problems
        try:  # the plan names organisations and must fall on days the hours staff
            shifts = load_shift_plan(
                sources.organisations, sources.root, directory, DeskDays(hours.rule, closed_days), now
            )
        except SourceError as error:
            problems += error.problems
    if problems:
        # A page that is not UTF-8 is reported by both the drafts and the events; say it once.
        raise SourceError(list(dict.fromkeys(problems)))
    shown = events if sources.show_drafts else events.without({draft.src_path for draft in drafts})
    return Site(
        directory=directory, closed_days=closed_days, hours=hours, prints=sources.prints, events=shown, shifts=shifts,
        drafts=drafts, drafts_shown=sources.show_drafts, all_events=events, corrections_email=sources.corrections_email,
    )
