"""Each coming event's A4 poster, and the problem that names the event's file and field when its text does not fit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from ..directory.load import Directory
from ..events.load import Event
from ..events.text import schedule_summary
from ..readiness.proof import prints_are_proofs
from ..sources.problems import Problem, SourceError
from ..web.cache import FileCache
from ..web.norwegian import join_and
from ..web.output import GeneratedFile
from ..web.qr import encode
from ..web.urls import SiteUrls
from .codes import event_address
from .drawn import PRINT_FOLDER, poster_file
from .options import PrintOptions
from .posters import A4_HEIGHT_MM, A4_WIDTH_MM, LayoutError, Poster, Sheet, cm, poster_pdf

EVENT_QR_MM = 80


def event_poster_problems(options: PrintOptions, urls: SiteUrls, directory: Directory, events: Iterable[Event],
                          today: dt.date) -> list[Problem]:
    """What keeps a coming event's poster from being drawn, for `torget check`. The posters are drawn as the
    build draws them (proofs while `site_url` is a placeholder), so each is drawn once, by whichever comes first,
    and then comes from the cache."""
    cache = FileCache(options.cache_folder)
    problems: list[Problem] = []
    proof = prints_are_proofs(urls.site_url)
    for event in events:
        if not event.is_over(today):
            try:
                event_poster_file(cache, options, urls, directory, event, proof=proof)
            except SourceError as error:
                problems += error.problems
    return problems


def event_poster_path(event: Event) -> str:
    return f"{PRINT_FOLDER}/{event.src_path.removesuffix('.md')}-a4.pdf"


def event_poster_file(cache: FileCache, options: PrintOptions, urls: SiteUrls, directory: Directory, event: Event,
                      *, proof: bool = False) -> GeneratedFile:
    """The event's A4 poster, its code leading to the event's short address (a proof marked «PRØVETRYKK» with
    `proof`); SourceError naming the event's file, line and field when its text does not fit."""
    content = _event_poster(options, urls, directory, event, proof)
    sheet = Sheet(A4_WIDTH_MM, A4_HEIGHT_MM, EVENT_QR_MM)
    try:
        return poster_file(cache, event_poster_path(event), content, sheet)
    except LayoutError:
        raise SourceError([_too_long(event, content, sheet)]) from None


def _event_poster(options: PrintOptions, urls: SiteUrls, directory: Directory, event: Event, proof: bool) -> Poster:
    spec = event.spec
    code = event_address(event)
    organisers = [org.display_name for slug in spec.organiser if (org := directory.organisation(slug))]
    hosts = [*organisers, *([spec.host] if spec.host else [])]
    return Poster(
        headline=spec.title,
        lines=(event.description,) if event.description else (),
        target=code.absolute(urls),
        address=code.printed(urls, options.short_address),
        details=(schedule_summary(spec), spec.location or ""),
        footer=f"Arrangør: {join_and(hosts)}" if hosts else options.footer,
        proof=proof,
    )


def _too_long(event: Event, content: Poster, sheet: Sheet) -> Problem:
    """Which of the event's texts keeps its poster from fitting: the description, or else the title and place."""
    where = (
        f"the event's A4 poster ({cm(sheet.width_mm)} × {cm(sheet.height_mm)} cm, with a {cm(sheet.qr_mm)} cm QR code)"
    )
    try:
        poster_pdf(replace(content, lines=()), sheet, encode(content.target))
    except LayoutError:
        return event.problem(
            ("event", "title"),
            f"the title, place and organisers do not fit on {where}, even in the "
            "smallest type; shorten the title or the location",
        )
    return event.problem(
        ("description",),
        f"is {len(event.description or '')} characters, too long to fit on {where} "
        "even in the smallest type; shorten it to a sentence or two",
    )
