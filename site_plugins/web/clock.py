"""The site's one time zone, and instants written for the pages' scripts.

Every time a visitor reads is Norwegian wall-clock time (Europe/Oslo); instants handed to a
script are UTC, so the reader needs no time-zone rules.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")
"""The desk's time zone: opening hours, events and every date on the site are in it."""


def oslo_date(moment: dt.datetime) -> dt.date:
    """The day it is in Norway at `moment` (an aware time)."""
    return moment.astimezone(OSLO).date()


def day_end(day: dt.date) -> dt.datetime:
    """Midnight at the end of `day` in Norway: when a day-long entry is over."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), OSLO)


def utc_stamp(moment: dt.datetime) -> str:
    """`2026-12-02T13:00:00Z`: an instant as the pages' scripts read it."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
