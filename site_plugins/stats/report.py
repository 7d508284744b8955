"""What `torget stats` writes: `counts.csv` (week, address, visits) and `index.html`, a report in Norwegian for
the driftsråd with its charts drawn here as SVG. The report is one file with no script and nothing from
another host, so it opens from a laptop's disk; it names no client address, because the figures hold none.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..web.clock import OSLO
from ..web.norwegian import date_text
from ..web.render import render
from .visits import Figures

COUNTS_FILE = "counts.csv"
REPORT_FILE = "index.html"
BAR_WIDTH = 14
BAR_GAP = 4
CHART_HEIGHT = 48
ALWAYS_SHOWN = 2
"""The first codes (the roll-up and the desk poster) get a chart even without a visit."""


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    height: int
    title: str


@dataclass(frozen=True)
class CodeChart:
    """One printed code's row in the report: its print, its address, its visits and one bar per week."""

    name: str
    address: str
    total: int
    bars: tuple[Bar, ...]


def counts_csv(figures: Figures) -> str:
    """`week,address,visits`, one row per printed code and week, zeros included."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["week", "address", "visits"])
    writer.writerows(figures.rows())
    return out.getvalue()


def charts(figures: Figures) -> tuple[list[CodeChart], list[tuple[str, str]]]:
    """The charts of the codes that were visited (and of the roll-up and desk poster), most visited first,
    on one scale; and (name, address) of the other codes, which had no visit in the period."""
    weekly = [figures.visits.get((week, code.address), 0) for week in figures.weeks for code in figures.codes]
    peak = max(weekly, default=0) or 1
    shown, unvisited = [], []
    for index, code in enumerate(figures.codes):
        total = figures.code_total(code.address)
        if not total and index >= ALWAYS_SHOWN:
            unvisited.append((code.print_name, code.address))
            continue
        bars = []
        for position, week in enumerate(figures.weeks):
            count = figures.visits.get((week, code.address), 0)
            height = round(count / peak * CHART_HEIGHT)
            bars.append(Bar(x=position * (BAR_WIDTH + BAR_GAP), y=CHART_HEIGHT - height, height=height,
                            title=f"{_week_label(week)}: {_visits(count)}"))
        shown.append(CodeChart(code.print_name, code.address, total, tuple(bars)))
    shown.sort(key=lambda chart: -chart.total)  # stable: equal totals keep the prints' order
    return shown, unvisited


def report_html(figures: Figures, *, site_name: str, site_url: str) -> str:
    shown, unvisited = charts(figures)
    share = round(100 * figures.phone_visits / figures.page_visits) if figures.page_visits else 0
    first, last = figures.first.astimezone(OSLO).date(), figures.last.astimezone(OSLO).date()
    return render(
        "stats_report.html",
        site_name=site_name,
        site_url=site_url,
        period=f"{date_text(first, year=True)} til {date_text(last, year=True)}",
        weeks=[_week_label(week) for week in figures.weeks],
        charts=shown,
        unvisited=unvisited,
        chart_width=max(1, len(figures.weeks) * (BAR_WIDTH + BAR_GAP) - BAR_GAP),
        chart_height=CHART_HEIGHT,
        bar_width=BAR_WIDTH,
        page_visits=figures.page_visits,
        phone_share=share,
        top_pages=figures.top_pages,
        left_out=figures.left_out,
        malformed=figures.malformed,
        code_visits=sum(chart.total for chart in shown),
        counts_file=COUNTS_FILE,
    )


def write_report(figures: Figures, out: Path, *, site_name: str, site_url: str) -> list[Path]:
    """Write `counts.csv` and `index.html` into `out` (made if missing); returns the two files."""
    out.mkdir(parents=True, exist_ok=True)
    counts, report = out / COUNTS_FILE, out / REPORT_FILE
    counts.write_text(counts_csv(figures), encoding="utf-8")
    report.write_text(report_html(figures, site_name=site_name, site_url=site_url), encoding="utf-8")
    return [counts, report]


def _week_label(week: str) -> str:
    """`2026-W49` -> «uke 49, 2026»."""
    year, number = week.split("-W")
    return f"uke {int(number)}, {year}"


def _visits(count: int) -> str:
    return f"{count} besøk"
