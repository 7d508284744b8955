"""Where the desk's opening hours come from: the rule and extra days in mkdocs.yml, the school calendar file."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..sources.config_location import option_location
from ..sources.problems import SourceError, display_path
from .closed_days import ClosedDays, parse_extra_closed_days
from .desk import DeskHours, desk_hours
from .rule import parse_hours_rule
from .school_holidays import SchoolCalendar, load_school_calendar

DEFAULT_RULE = "We 11:00-14:00; SH off; PH off"
DEFAULT_EXTRA_CLOSED_DAYS = {"12-24": "julaften", "12-31": "nyttårsaften"}


@dataclass(frozen=True)
class HoursSources:
    """The `hours`, `extra_closed_days` and `school_holidays` options, as written in `config_file`."""

    school_holidays: Path
    rule: str = DEFAULT_RULE
    extra_closed_days: dict[Any, Any] = field(default_factory=lambda: dict(DEFAULT_EXTRA_CLOSED_DAYS))
    config_file: Path | None = None


def load_hours(sources: HoursSources, root: Path, now: dt.datetime) -> tuple[ClosedDays, DeskHours]:
    """The closed-days calendar and the desk's hours evaluated from `now`.

    Raise SourceError naming every problem in the school calendar, the extra days and the rule;
    the rule is checked even when the calendar is broken, so one build reports everything.
    """
    config_name = display_path(sources.config_file, root) if sources.config_file else "mkdocs.yml"
    school_display = display_path(sources.school_holidays, root)
    extra, problems = parse_extra_closed_days(sources.extra_closed_days,
                                              option_location(sources.config_file, config_name, "extra_closed_days"))
    try:
        school = load_school_calendar(sources.school_holidays, school_display)
    except SourceError as error:
        problems += error.problems
        school = SchoolCalendar(())
    closed_days = ClosedDays(school, extra)
    rule, rule_problems = parse_hours_rule(
        sources.rule, closed_days, option_location(sources.config_file, config_name, "hours")
    )
    problems += rule_problems
    if problems or rule is None:
        raise SourceError(problems)
    hours = desk_hours(rule, closed_days, now)
    warnings = [f"{config_name}: plugins.torget.hours: {warning}" for warning in hours.warnings]
    coverage = school.coverage_warning(hours.now.date(), school_display)
    return closed_days, dataclasses.replace(hours, warnings=(*([coverage] if coverage else []), *warnings))
