"""One day at the desk: its staffed spans, and why it is closed when it is.

The shift plan asks this of every date it names; the answers come from the same rule and
calendar as the opening hours, so a shift can never be planned on a day the hours page calls closed.
"""

from __future__ import annotations

import datetime as dt

from ..web.clock import OSLO
from ..web.norwegian import english_weekday
from .closed_days import ClosedDays
from .desk import Interval, _merged, _open
from .rule import HoursRule

NEAREST_WITHIN = dt.timedelta(days=92)


class DeskDays:
    """Asks the desk's rule about single days; the rule is parsed once and reused."""

    def __init__(self, rule: HoursRule, closed_days: ClosedDays) -> None:
        self.rule = rule
        self.closed_days = closed_days
        self._evaluator = rule.evaluator()

    def spans(self, first: dt.date, last: dt.date | None = None) -> list[Interval]:
        """The staffed intervals from the start of `first` to the end of `last` (default: `first`)."""
        start = dt.datetime.combine(first, dt.time(), OSLO)
        end = dt.datetime.combine((last or first) + dt.timedelta(days=1), dt.time(), OSLO)
        return _merged(_open(self._evaluator.intervals(start, end)))

    def is_staffed(self, day: dt.date) -> bool:
        return bool(self.spans(day))

    def closed_reason(self, day: dt.date) -> str:
        """Why the desk is closed on `day`, in English for an editor, e.g. "it is a public holiday (Første juledag)".

        A weekday the usual week never staffs is named first (it is closed on every such day);
        then a public holiday, an extra closed day, a school holiday, and a dated exception's comment.
        """
        staffed_weekdays = {weekday for hours in self.rule.usual_week for weekday in hours.weekdays}
        if day.weekday() not in staffed_weekdays:
            usual = " and ".join(f"{english_weekday(weekday)}s" for weekday in sorted(staffed_weekdays))
            return (f"it is a {english_weekday(day.weekday())}, and the hours rule ({self.rule.written}) "
                    f"staffs the desk on {usual} only")
        if self.rule.public_holidays_off and (holiday := self.closed_days.public_holiday(day)):
            return f"it is a public holiday ({holiday})"
        if extra := self.closed_days.extra_closed_day(day):
            return f"it is an extra closed day ({extra}, under extra_closed_days in mkdocs.yml)"
        if self.rule.school_holidays_off and (school := self.closed_days.school_holiday(day)):
            return f"it is in a school holiday ({school})"
        start = dt.datetime.combine(day, dt.time(12), OSLO)
        comment = next((comment for _, _, _, comment in
                        self._evaluator.intervals(start, start + dt.timedelta(minutes=1)) if comment), None)
        why = f" ({comment})" if comment else ""
        return f"the hours rule closes the desk that day{why}"

    def nearest_staffed(self, day: dt.date) -> list[dt.date]:
        """The staffed days just before and just after `day`, within three months each way."""
        days = sorted({interval.start.astimezone(OSLO).date()
                       for interval in self.spans(day - NEAREST_WITHIN, day + NEAREST_WITHIN)})
        before = [other for other in days if other < day][-1:]
        after = [other for other in days if other > day][:1]
        return before + after
