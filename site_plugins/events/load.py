"""Events: Markdown pages under docs/ whose front matter holds an `event:` block, read and checked.

`upcoming_occurrences` is what other outputs (the kiosk, the front page) use to show what is on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..directory.load import Directory
from ..i18n.language import current
from ..sources.front_matter import read_front_matter
from ..sources.problems import Problem, SourceError, display_path
from ..sources.validation import validate
from ..sources.yaml_lines import Loc, YamlDocument, field_name
from ..web.clock import OSLO
from .checks import check_event
from .model import EventPage, EventSpec, clock_text
from .recurrence import HolidayCalendar, Occurrence, Schedule

EVENT_KEY = "event"
EVENTS_FOLDER = "arrangementer"
OVERVIEW_PATH = f"{EVENTS_FOLDER}/index.md"
ALL_EVENTS_FEED = f"{EVENTS_FOLDER}/alle.ics"


@dataclass(frozen=True)
class EventText:
    """An event's words in another language: the `event:` block and description of the same page in that
    language's folder (`docs-en/arrangementer/kafe.md`). Dates, times and organisations are the bokmål page's."""

    title: str
    description: str | None = None
    location: str | None = None
    host: str | None = None
    agenda: tuple[str, ...] = ()


TEXT_FIELDS = frozenset({"title", "location", "host", "agenda"})
"""The fields of `event:` a translated page words in its own language; the others must be the bokmål page's."""


@dataclass(frozen=True, eq=False)
class Event:
    """One event page: where it is, what its front matter says, and the dates it takes place on."""

    src_path: str
    spec: EventSpec
    description: str | None
    schedule: Schedule
    display: str = ""
    """The page's file as messages name it (`docs/arrangementer/kafe.md`)."""
    lines: Mapping[Loc, int] = field(default_factory=dict)
    """The line of each front-matter value, so a problem found later (on a poster) names it."""
    texts: Mapping[str, EventText] = field(default_factory=dict)
    """The event's words in other languages, by language code."""

    def _words(self) -> EventText | None:
        return self.texts.get(current())

    @property
    def title(self) -> str:
        """The title in the language being rendered (bokmål where the language's page lacks the event)."""
        words = self._words()
        return words.title if words else self.spec.title

    @property
    def location(self) -> str | None:
        words = self._words()
        return words.location if words else self.spec.location

    @property
    def host(self) -> str | None:
        words = self._words()
        return words.host if words else self.spec.host

    @property
    def summary(self) -> str | None:
        """The page's description in the language being rendered."""
        words = self._words()
        return words.description if words else self.description

    @property
    def agenda_items(self) -> tuple[str, ...]:
        words = self._words()
        return words.agenda if words else tuple(item.item for item in self.spec.agenda)

    def problem(self, loc: Loc, message: str) -> Problem:
        """A problem with the front-matter value at `loc`, e.g. `("description",)`, naming file, line and field."""
        line = next((self.lines[loc[:end]] for end in range(len(loc), 0, -1) if loc[:end] in self.lines), None)
        return Problem(self.display or self.src_path, line, field_name(loc), message)

    @property
    def feed_path(self) -> str:
        """The event's own calendar file, next to its page: `arrangementer/parorendekafe.ics`."""
        return self.src_path.removesuffix(".md") + ".ics"

    def is_over(self, today: dt.date) -> bool:
        """Whether the series has no date left on or after `today`."""
        last = self.schedule.last_day
        return last is not None and last < today and not any(to >= today for to in self.schedule.moved.values())


@dataclass(frozen=True)
class UpcomingOccurrence:
    """One meeting as the kiosk and lists show it. `start`/`end` are Oslo times, or None all day."""

    title: str
    day: dt.date
    start: dt.datetime | None
    end: dt.datetime | None
    location: str
    event: Event
    occurrence: Occurrence


@dataclass(frozen=True)
class Events:
    """Every event page, in the order of their source paths."""

    events: tuple[Event, ...] = ()

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def by_src_path(self, src_path: str) -> Event | None:
        return next((event for event in self.events if event.src_path == src_path), None)

    def by_organiser(self, slug: str) -> list[Event]:
        """The events an organisation arranges."""
        return [event for event in self.events if slug in event.spec.organiser]

    def related_to(self, slug: str) -> list[Event]:
        """The world days whose theme the organisation works with."""
        return [event for event in self.world_days() if slug in event.spec.related]

    def at_desk(self) -> Events:
        """The events that take place somewhere, without the world days (which are dates, not events at the desk)."""
        return Events(tuple(event for event in self.events if not event.spec.world_day))

    def world_days(self) -> list[Event]:
        return [event for event in self.events if event.spec.world_day]

    def without(self, src_paths: Container[str]) -> Events:
        """These events less the pages at `src_paths` (the drafts a published build leaves out)."""
        return Events(tuple(event for event in self.events if event.src_path not in src_paths))

    def occurrences(self, first: dt.date, last: dt.date) -> list[UpcomingOccurrence]:
        """Every meeting of every event at the desk from `first` to `last` (both included), in time order.
        World days are left out: they are dates, not something that happens on the desk's premises."""
        found = [
            _upcoming(event, occurrence)
            for event in self.at_desk()
            for occurrence in event.schedule.occurrences(first, last)
        ]
        return sorted(
            found, key=lambda item: (item.day, item.start is not None, item.start or dt.datetime.min, item.title)
        )


def _upcoming(event: Event, occurrence: Occurrence) -> UpcomingOccurrence:
    return UpcomingOccurrence(
        event.title, occurrence.day, occurrence.start, occurrence.end, event.location or "", event, occurrence
    )


def upcoming_occurrences(events: Events, now: dt.datetime, days: int) -> list[UpcomingOccurrence]:
    """The meetings that have not ended at `now` (an aware time) and start within the next `days` days.

    Each has title, day, start and end (aware Europe/Oslo datetimes; None for a day-long event),
    location and the event (whose `src_path` names its page), in time order.
    """
    local = now.astimezone(OSLO)
    until = local + dt.timedelta(days=days)
    found = events.occurrences(local.date(), until.date())
    return [
        item
        for item in found
        if (item.end or item.start or local) >= local and (item.start is None or item.start <= until)
    ]


def load_events(docs: Path, root: Path, directory: Directory, holidays: HolidayCalendar) -> Events:
    """Read every page under `docs` with an `event:` block; raise SourceError listing every problem."""
    problems: list[Problem] = []
    events: list[Event] = []
    for path in sorted(docs.rglob("*.md")):
        relative = path.relative_to(docs)
        if any(part.startswith(".") for part in relative.parts):
            continue
        display = display_path(path, root)
        doc, found = read_front_matter(path, display, EVENT_KEY)
        problems += found
        if doc is None or doc.data is None or found:
            continue
        event, found = _event(doc, relative.as_posix(), directory, holidays)
        problems += found
        if event is not None:
            events.append(event)
    if problems:
        raise SourceError(problems)
    return Events(tuple(events))


def _event(
    doc: YamlDocument, src_path: str, directory: Directory, holidays: HolidayCalendar
) -> tuple[Event | None, list[Problem]]:
    _read_clock_times(doc)
    page, problems = validate(EventPage, doc, {"directory": directory}, {})
    if page is None:
        return None, problems
    if src_path.removesuffix(".md") + ".ics" == ALL_EVENTS_FEED:
        line = doc.line_of((EVENT_KEY,))
        return None, [
            Problem(
                doc.path,
                line,
                EVENT_KEY,
                f"this page's calendar file would replace {ALL_EVENTS_FEED}, the feed of all events; rename the page",
            )
        ]
    schedule = Schedule(page.event, holidays)
    problems = check_event(page.event, doc, schedule)
    description = page.description if isinstance(page.description, str) else None
    return (None if problems else Event(src_path, page.event, description, schedule, doc.path, doc.lines)), problems


def translated_events(events: Events, code: str, pages: Path, root: Path, directory: Directory) -> Events:
    """`events` with the words of each event page that `pages` (the folder of language `code`) also holds;
    raise SourceError when such a page's `event:` block is not valid or differs from the bokmål page in
    anything but its words (dates, times, organisations are written once, in docs/)."""
    problems: list[Problem] = []
    found: list[Event] = []
    for event in events:
        path = pages / event.src_path
        if not path.is_file():
            found.append(event)
            continue
        display = display_path(path, root)
        doc, read = read_front_matter(path, display, EVENT_KEY)
        problems += read
        if read:
            continue
        if doc is None or doc.data is None:
            problems.append(Problem(display, 1, EVENT_KEY, f"{event.display or event.src_path} is an event; "
                                    "copy its `event:` block here and word its title (and place) in this language"))
            continue
        _read_clock_times(doc)
        page, invalid = validate(EventPage, doc, {"directory": directory}, {})
        problems += invalid
        if page is None:
            continue
        mine, theirs = page.event, event.spec
        differs = [name for name in type(theirs).model_fields
                   if name not in TEXT_FIELDS and getattr(mine, name) != getattr(theirs, name)]
        if [item.time for item in mine.agenda] != [item.time for item in theirs.agenda]:
            differs.append("agenda")
        for name in differs:
            problems.append(Problem(display, doc.line_of((EVENT_KEY, name)),
                                    f"{EVENT_KEY}.{name}",
                                    f"differs from {event.display or event.src_path}; dates, times, the programme's "
                                    "times and organisations are the bokmål page's: copy them as they are there"))
        if differs:
            continue
        description = page.description if isinstance(page.description, str) else None
        text = EventText(mine.title, description, mine.location, mine.host, tuple(item.item for item in mine.agenda))
        found.append(replace(event, texts={**event.texts, code: text}))
    if problems:
        raise SourceError(problems)
    return Events(tuple(found))


def _read_clock_times(doc: YamlDocument) -> None:
    """Give back the text of times YAML 1.1 turned into numbers (`end: 14:00` reads as 840): they are times."""
    for loc, source in list(doc.plain_scalars.items()):
        if loc[:1] == (EVENT_KEY,) and not isinstance(_value_at(doc.data, loc), bool) and clock_text(source):
            _set_value_at(doc.data, loc, source)
            del doc.plain_scalars[loc]


def _value_at(data: Any, loc: tuple) -> Any:
    for part in loc:
        data = data[part]
    return data


def _set_value_at(data: Any, loc: tuple, value: Any) -> None:
    _value_at(data, loc[:-1])[loc[-1]] = value
