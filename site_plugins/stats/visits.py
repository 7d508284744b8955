"""Counting a person's page visits per printed code and ISO week, from the requests of the access logs.

A visit is a page (an address ending in `/` or `.html`) that a person's browser fetched and got (status
200–399, GET). Left out: the site's own files (styles, scripts, images, feeds, QR codes, PDFs), errors,
and what is not a person's browser: crawlers and link previews (which the user-agent rules of `ua-parser`
call spiders), headless browsers, and programs that name no operating system (curl, scripts, monitors).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..printing.codes import PrintedCode
from ..web.clock import OSLO
from .logs import LogReading, Request


class NoVisits(Exception):
    """The logs hold no visit through any printed code: nothing worth writing."""


@lru_cache(maxsize=4096)
def _browser(agent: str) -> tuple[bool, bool]:
    """(a person's browser?, a phone?) for a User-Agent header; one answer per distinct header."""
    import ua_parser  # only `torget stats` needs it

    parsed = ua_parser.parse(agent)
    device = parsed.device.family if parsed.device else ""
    family = parsed.user_agent.family if parsed.user_agent else ""
    system = parsed.os.family if parsed.os else ""
    person = bool(system) and device != "Spider" and "headless" not in family.lower()
    # Phones: iPhones, and Android phones, whose browsers say "Mobile" (Android tablets do not).
    phone = device in ("iPhone", "iPod") or (system == "Android" and "Mobile" in agent)
    return person, person and phone


def is_page(path: str) -> bool:
    return path.endswith(("/", ".html"))


def iso_week(moment: dt.datetime) -> str:
    """The ISO week of `moment` in Oslo time, as `2026-W49`."""
    year, week, _ = moment.astimezone(OSLO).isocalendar()
    return f"{year}-W{week:02d}"


def weeks_between(first: dt.datetime, last: dt.datetime) -> list[str]:
    """Every ISO week from the one of `first` to the one of `last`, gaps included."""
    day = first.astimezone(OSLO).date()
    end = last.astimezone(OSLO).date()
    day -= dt.timedelta(days=day.weekday())
    weeks = []
    while day <= end:
        year, week, _ = day.isocalendar()
        weeks.append(f"{year}-W{week:02d}")
        day += dt.timedelta(days=7)
    return weeks


@dataclass(frozen=True)
class Figures:
    """What the report shows: visits per code and week, the organisation pages most visited, phones' share."""

    codes: tuple[PrintedCode, ...]
    weeks: tuple[str, ...]
    """Every ISO week the logs cover, oldest first."""
    visits: Mapping[tuple[str, str], int]
    """Visits per (week, code address); a pair with no visit is missing."""
    first: dt.datetime
    last: dt.datetime
    """The first and last request in the logs: the period covered."""
    page_visits: int
    """A person's page visits in all, through a code or not."""
    phone_visits: int
    top_pages: tuple[tuple[str, int], ...]
    """The organisation pages most visited, as (name, visits), most first."""
    malformed: int
    left_out: Mapping[str, int]
    """Requests not counted, by reason: `robots`, `errors`, `files` (the site's own files and other methods)."""

    def code_total(self, address: str) -> int:
        return sum(self.visits.get((week, address), 0) for week in self.weeks)

    def rows(self) -> list[tuple[str, str, int]]:
        """(week, address, visits) for every code and every week, zeros included: the rows of counts.csv."""
        return [(week, code.address, self.visits.get((week, code.address), 0))
                for week in self.weeks for code in self.codes]


def count_visits(reading: LogReading, codes: Sequence[PrintedCode], *, site_path: str = "/",
                 organisation_pages: Mapping[str, str] | None = None, top: int = 10) -> Figures:
    """The figures of `reading` for `codes`. `site_path` is the path of `site_url` (`/` at a host's root):
    requests outside it are not the site's. `organisation_pages` maps each organisation page's site path
    (`/organisasjoner/x/`) to its name. Raises NoVisits when no printed code was visited."""
    if not reading.requests:
        raise NoVisits("the logs hold no request at all")
    # The same page as `/a/` or `/a/index.html`, in the log as in a code's address.
    addresses = {_site_path(code.address, ""): code.address for code in codes}
    prefix = "/" + site_path.strip("/") if site_path.strip("/") else ""
    visits: Counter[tuple[str, str]] = Counter()
    pages: Counter[str] = Counter()
    left_out: Counter[str] = Counter()
    page_visits = phones = 0
    for request in reading.requests:
        reason = _left_out(request, prefix)
        if reason:
            left_out[reason] += 1
            continue
        path = _site_path(request.path, prefix)
        page_visits += 1
        phones += _browser(request.agent)[1]
        if path in addresses:
            visits[iso_week(request.time), addresses[path]] += 1
        if organisation_pages and path in organisation_pages:
            pages[path] += 1
    times = [request.time for request in reading.requests]
    first, last = min(times), max(times)
    if not visits:
        raise NoVisits(f"the logs ({first:%Y-%m-%d} to {last:%Y-%m-%d}) hold no visit through any of the "
                       f"{len(codes)} printed codes")
    names = organisation_pages or {}
    return Figures(
        codes=tuple(codes), weeks=tuple(weeks_between(first, last)), visits=dict(visits), first=first, last=last,
        page_visits=page_visits, phone_visits=phones,
        top_pages=tuple((names[path], count) for path, count in _most_common(pages, top)),
        malformed=reading.malformed, left_out=dict(left_out),
    )


def _left_out(request: Request, prefix: str) -> str | None:
    """Why `request` is not a person's page visit to the site, or None when it is."""
    if request.status >= 400:
        return "errors"
    if request.method != "GET" or not is_page(request.path) or not _inside(request.path, prefix):
        return "files"
    if not _browser(request.agent)[0]:
        return "robots"
    return None


def _inside(path: str, prefix: str) -> bool:
    return not prefix or path == prefix + "/" or path.startswith(prefix + "/")


def _site_path(path: str, prefix: str) -> str:
    """The path from the site's root, with `index.html` as the folder it stands for."""
    path = path[len(prefix):] if prefix else path
    return path.removesuffix("index.html") if path.endswith("/index.html") else path or "/"


def _most_common(counter: Counter[str], top: int) -> Iterable[tuple[str, int]]:
    # Ties in a fixed order, so a report can be repeated exactly.
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:top]
