"""Read and check `organisations/_vaktplan.yaml` against the directory and the desk's hours.

A missing file, or one without shifts, means there is no plan yet: not an error. Shifts before
the build day are history and are skipped unchecked; every other mistake is reported with
file, line and field, all at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from ..directory.load import Directory
from ..hours.day import DeskDays
from ..sources.fields import Date, Fields, one_or_many
from ..sources.problems import Problem, SourceError, display_path
from ..sources.validation import validate_at
from ..sources.yaml_lines import Loc, YamlDocument, field_name, read_yaml
from ..web.clock import OSLO
from ..web.text import slugify
from .model import LISTED_AHEAD, ON_DUTY, PLAN_FILE, Shift, ShiftDay, ShiftPlan

ENTRY_FIELDS = ("date", "organisations", "reserve")
_EXAMPLE = "shifts:\n  - date: 2026-12-02\n    organisations: [kreftforeningen, mental-helse]"


# The web editor offers the directory's organisations for these (a relation to its `organisations` collection).
Slug = Annotated[str, Field(min_length=1, json_schema_extra={"x-torget-relation": "organisations"})]


class _Entry(Fields):
    date: Date = Field(description="The staffed day (YYYY-MM-DD).")
    organisations: Annotated[list[Slug], BeforeValidator(one_or_many)] = Field(
        default_factory=list, description="The organisations on duty, by file name: at most two, each once.")
    reserve: Slug | None = Field(None, description="The organisation that stands in, by file name; not one on duty.")


class PlanFile(Fields):
    """The whole file: the messages about unknown fields, and the web editor's form."""

    shifts: list[_Entry] | None = None


def load_shift_plan(
    folder: Path, root: Path, directory: Directory, desk: DeskDays, now: dt.datetime
) -> ShiftPlan | None:
    """The plan in `folder/_vaktplan.yaml` from `now`'s day in Oslo on; None when there is no file."""
    path = folder / PLAN_FILE
    display = display_path(path, root)
    if not path.is_file() or _only_comments(path):
        return None
    doc, problems = read_yaml(path, display)
    if doc.data is None:
        raise SourceError(problems)
    today = now.astimezone(OSLO).date()
    shifts, found = _Reader(doc, directory, desk, today, {p.field for p in problems}).shifts()
    problems += found
    if problems:
        raise SourceError(problems)
    return ShiftPlan(display, tuple(shifts), tuple(_days(desk, shifts, today)))


def _days(desk: DeskDays, shifts: list[Shift], today: dt.date) -> list[ShiftDay]:
    """Every staffed day from `today` to three months ahead or the last shift, whichever is later."""
    until = max([today + LISTED_AHEAD, *(shift.day for shift in shifts)])
    by_day: dict[dt.date, list[Any]] = defaultdict(list)
    for interval in desk.spans(today, until):
        by_day[interval.start.astimezone(OSLO).date()].append(interval)
    planned = {shift.day: shift for shift in shifts}
    return [ShiftDay(day, tuple(spans), planned.get(day)) for day, spans in sorted(by_day.items())]


class _Reader:
    def __init__(
        self, doc: YamlDocument, directory: Directory, desk: DeskDays, today: dt.date, unreadable: set[str | None]
    ):
        self.doc, self.directory, self.desk, self.today = doc, directory, desk, today
        self.unreadable = unreadable
        self.problems: list[Problem] = []
        self.slugs = {org.slug for org in directory.organisations}

    def problem(self, loc: Loc, message: str) -> None:
        self.problems.append(Problem(self.doc.path, self.doc.line_of(loc), field_name(loc), message))

    def shifts(self) -> tuple[list[Shift], list[Problem]]:
        data = self.doc.data
        for key in data:
            if key != "shifts":
                close = difflib.get_close_matches(key, ["shifts"], n=1)
                hint = " Did you mean 'shifts'?" if close else ""
                self.problem(
                    (key,), f"is not a known field.{hint} The file holds one field, `shifts:`, a list like\n{_EXAMPLE}"
                )
        entries = data.get("shifts")
        if entries is None:
            return [], self.problems
        if not isinstance(entries, list):
            self.problem(("shifts",), f"expected a list of shifts, one `- date: …` per staffed day, like\n{_EXAMPLE}")
            return [], self.problems
        shifts: list[Shift] = []
        first_line: dict[dt.date, int] = {}
        for index, raw in enumerate(entries):
            shift = self.entry(index, raw)
            if shift is None or shift.day < self.today:
                continue  # past shifts are history: not checked, not shown
            if shift.day in first_line:
                self.problem(
                    ("shifts", index, "date"),
                    f"{shift.day} is planned twice (first on line {first_line[shift.day]}); "
                    "keep one entry per day, with both organisations in it",
                )
                continue
            first_line[shift.day] = shift.line
            if self.checked(index, shift):
                shifts.append(shift)
        return sorted(shifts, key=lambda shift: shift.day), self.problems

    def entry(self, index: int, raw: Any) -> Shift | None:
        loc: Loc = ("shifts", index)
        if not isinstance(raw, dict):
            self.problem(loc, f"expected a shift with `date:` and `organisations:`, like\n{_EXAMPLE}")
            return None
        for key in [key for key in raw if key not in ENTRY_FIELDS]:
            close = difflib.get_close_matches(key, ENTRY_FIELDS, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            self.problem(
                (*loc, key),
                f"is not a known field.{hint} A shift has {', '.join(ENTRY_FIELDS)}; "
                "the plan names organisations only, never a volunteer",
            )
            del raw[key]
        entry, problems = validate_at(_Entry, self.doc, loc, PlanFile)
        # A value YAML could not read (2026-02-30) was reported already; do not report it again as missing.
        self.problems += [p for p in problems if p.field not in self.unreadable]
        if entry is None:
            return None
        return Shift(entry.date, tuple(entry.organisations), entry.reserve, self.doc.line_of(loc))

    def checked(self, index: int, shift: Shift) -> bool:
        """Whether the shift passes every check against the directory and the hours (problems are recorded)."""
        before = len(self.problems)
        loc: Loc = ("shifts", index)
        if len(shift.organisations) > ON_DUTY:
            self.problem(
                (*loc, "organisations"),
                f"lists {len(shift.organisations)} organisations; a shift has {ON_DUTY} on duty, "
                "from two different organisations. Move one to `reserve:` or to another day",
            )
        seen: set[str] = set()
        for position, slug in enumerate(shift.organisations):
            here = (*loc, "organisations", position)
            if self.known(here, slug) and slug in seen:
                self.problem(here, f"{slug!r} is listed twice; the two on duty come from two different organisations")
            seen.add(slug)
        if shift.reserve is not None and self.known((*loc, "reserve"), shift.reserve) and shift.reserve in seen:
            self.problem(
                (*loc, "reserve"),
                f"{shift.reserve!r} is also on duty that day; the reserve comes from another organisation",
            )
        if not self.desk.is_staffed(shift.day):
            nearest = " and ".join(str(day) for day in self.desk.nearest_staffed(shift.day))
            hint = (
                f"; the nearest staffed days are {nearest}"
                if " and " in nearest
                else (f"; the nearest staffed day is {nearest}" if nearest else "")
            )
            self.problem(
                (*loc, "date"), f"the desk is closed on {shift.day}: {self.desk.closed_reason(shift.day)}{hint}"
            )
        return len(self.problems) == before

    def known(self, loc: Loc, slug: str) -> bool:
        if slug in self.slugs:
            return True
        suggestion = self.suggestion(slug)
        hint = f" Did you mean {suggestion!r}?" if suggestion else ""
        self.problem(
            loc,
            f"{slug!r} is not an organisation in the directory.{hint} "
            "Write the organisation's file name in organisations/ without .yaml",
        )
        return False

    def suggestion(self, slug: str) -> str | None:
        """The closest file name, also when the organisation's name or short name was written ("LHL")."""
        by_name = {
            slugify(name): org.slug
            for org in self.directory.organisations
            for name in (org.name, org.short_name or "")
            if name
        }
        wanted = slugify(slug)
        if wanted in self.slugs:
            return wanted
        if wanted in by_name:
            return by_name[wanted]
        close = difflib.get_close_matches(wanted, [*self.slugs, *by_name], n=1, cutoff=0.6)
        return (close[0] if close[0] in self.slugs else by_name[close[0]]) if close else None


def _only_comments(path: Path) -> bool:
    """Whether the file holds nothing but comments and blank lines (an editor emptied it)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return False
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())
