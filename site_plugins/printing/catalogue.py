"""Every QR code and print file the site ships, drawn through the cache, and the staff page listing them."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from functools import cache
from importlib import metadata
from pathlib import Path

from ..directory.load import Directory
from ..events.load import Event
from ..events.text import schedule_summary
from ..sources.problems import Problem, SourceError
from ..web.cache import FileCache
from ..web.norwegian import decimal, join_and
from ..web.output import GeneratedFile, markdown_page
from ..web.qr import (
    PAGE_CODE_MM,
    PRINT_DPI,
    QR_FOLDER,
    PageCode,
    encode,
    page_qr,
    png,
    png_pixels,
    qr_renderer_version,
    short_address,
    svg,
)
from ..web.render import render
from ..web.urls import DIRECTORY_INDEX, SiteUrls, organisation_path
from . import posters
from .options import PrintOptions
from .posters import (
    A4_HEIGHT_MM,
    A4_WIDTH_MM,
    FONT_FILES,
    FONT_FOLDER,
    LayoutError,
    Poster,
    Sheet,
    cm,
    poster_pdf,
)

PRINT_FOLDER = "utskrift"
STAFF_PAGE = "plakater/index.md"
DESK_QR_MM = 100
EVENT_QR_MM = 80
A4_LABEL = "A4, 21 × 29,7 cm"


@dataclass(frozen=True)
class PrintItem:
    """One file on the staff page: what it is, its printed size, and the address its code opens."""

    path: str
    label: str
    size: str
    target: str


def catalogue_files(options: PrintOptions, urls: SiteUrls, *, hours: tuple[str, ...], directory: Directory,
                    events: Iterable[Event], today: dt.date) -> Iterator[GeneratedFile]:
    """The roll-up, the desk poster, every page's code, each coming event's poster, and the staff page.

    `hours` are the sentences that describe the desk's usual week, printed on the roll-up and the desk poster.
    """
    cache = FileCache(options.cache_folder)
    posters: list[PrintItem] = []
    organisations: list[tuple[str, PageCode]] = []
    listed: list[tuple[str, PageCode, PrintItem | None]] = []
    problems: list[Problem] = []
    try:
        yield from _front_prints(options, hours, urls, cache, posters)
    except LayoutError as error:
        problems.append(Problem("mkdocs.yml", None, "plugins.torget.rollup_qr_cm", f"{error} (the roll-up or the desk "
                                "poster, with site_name, copyright and the opening hours)"))
    for org in directory.organisations:
        code = page_qr(organisation_path(org), urls)
        yield from _code_files(cache, code, PAGE_CODE_MM)
        organisations.append((org.display_name, code))
    for event in events:
        code = page_qr(event.src_path, urls)
        yield from _code_files(cache, code, PAGE_CODE_MM)
        poster = None
        if not event.is_over(today):
            poster = PrintItem(_event_poster_path(event), "Plakat (PDF)", A4_LABEL, code.target)
            try:
                yield _event_poster_file(cache, options, directory, event, code)
            except SourceError as error:
                problems += error.problems
        listed.append((event.spec.title, code, poster))
    if problems:
        raise SourceError(problems)
    yield _staff_page(posters, organisations, listed, urls)


def event_poster_problems(options: PrintOptions, urls: SiteUrls, directory: Directory, events: Iterable[Event],
                          today: dt.date) -> list[Problem]:
    """What keeps a coming event's poster from being drawn, for `torget check` (drawn posters go to the cache)."""
    cache = FileCache(options.cache_folder)
    problems: list[Problem] = []
    for event in events:
        if not event.is_over(today):
            try:
                _event_poster_file(cache, options, directory, event, page_qr(event.src_path, urls))
            except SourceError as error:
                problems += error.problems
    return problems


def _event_poster_path(event: Event) -> str:
    return f"{PRINT_FOLDER}/{event.src_path.removesuffix('.md')}-a4.pdf"


def _event_poster_file(cache: FileCache, options: PrintOptions, directory: Directory, event: Event,
                       code: PageCode) -> GeneratedFile:
    """The event's A4 poster; SourceError naming the event's file, line and field when its text does not fit."""
    content, sheet = _event_poster(options, directory, event, code), Sheet(A4_WIDTH_MM, A4_HEIGHT_MM, EVENT_QR_MM)
    try:
        return _poster_file(cache, _event_poster_path(event), content, sheet)
    except LayoutError:
        raise SourceError([_too_long(event, content, sheet)]) from None


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


def _front_prints(
    options: PrintOptions, hours: tuple[str, ...], urls: SiteUrls, cache: FileCache, posters: list[PrintItem]
) -> Iterator[GeneratedFile]:
    """The roll-up (opening the directory, for when nobody staffs the desk), its code on its own,
    and the desk poster (opening the front page)."""
    front = page_qr("index.md", urls)
    directory = page_qr(DIRECTORY_INDEX, urls)

    rollup = Sheet(options.rollup_width_cm * 10, options.rollup_height_cm * 10, options.rollup_qr_cm * 10)
    rollup_pdf = f"{PRINT_FOLDER}/rollup-{options.rollup_width_cm:g}x{options.rollup_height_cm:g}.pdf"
    rollup_address = options.short_address or short_address(directory.target)
    yield _poster_file(cache, rollup_pdf, _rollup_poster(options, hours, directory.target, rollup_address), rollup)
    posters.append(
        PrintItem(
            rollup_pdf,
            "Roll-up for foajeen (PDF)",
            f"{decimal(options.rollup_width_cm)} × {decimal(options.rollup_height_cm)} cm",
            directory.target,
        )
    )
    rollup_code = PageCode(directory.page, directory.target, f"{QR_FOLDER}/rollup.svg", f"{QR_FOLDER}/rollup.png")
    yield from _code_files(cache, rollup_code, rollup.qr_mm)
    posters += _code_items(rollup_code, rollup.qr_mm, "QR-koden på roll-upen")

    desk_pdf = f"{PRINT_FOLDER}/plakat-disken-a4.pdf"
    desk_address = options.short_address or short_address(urls.site_url)
    yield _poster_file(
        cache,
        desk_pdf,
        _desk_poster(options, hours, front.target, desk_address),
        Sheet(A4_WIDTH_MM, A4_HEIGHT_MM, DESK_QR_MM),
    )
    posters.append(PrintItem(desk_pdf, "Plakat for disken (PDF)", A4_LABEL, front.target))


def _rollup_poster(options: PrintOptions, hours: tuple[str, ...], target: str, address: str) -> Poster:
    return Poster(
        headline=options.title,
        lines=(
            "Finn organisasjoner, likepersoner og møteplasser for pasienter og pårørende – også når ingen er på vakt.",
            "Skann koden med kameraet på mobilen.",
        ),
        target=target,
        address=address,
        details=hours,
        footer=options.footer,
    )


def _desk_poster(options: PrintOptions, hours: tuple[str, ...], target: str, address: str) -> Poster:
    return Poster(
        headline=options.title,
        lines=(
            "Her møter du frivillige fra pasient- og brukerorganisasjonene.",
            "Er det ingen her nå? Skann koden, så har du alle organisasjonene på mobilen.",
        ),
        target=target,
        address=address,
        details=hours,
        footer=options.footer,
    )


def _event_poster(options: PrintOptions, directory: Directory, event: Event, code: PageCode) -> Poster:
    spec = event.spec
    organisers = [org.display_name for slug in spec.organiser if (org := directory.organisation(slug))]
    hosts = [*organisers, *([spec.host] if spec.host else [])]
    return Poster(
        headline=spec.title,
        lines=(event.description,) if event.description else (),
        target=code.target,
        address=short_address(code.target),
        details=(schedule_summary(spec), spec.location),
        footer=f"Arrangør: {join_and(hosts)}" if hosts else options.footer,
    )


def _poster_file(cache: FileCache, path: str, poster: Poster, sheet: Sheet) -> GeneratedFile:
    inputs = {"kind": "poster", "poster": asdict(poster), "sheet": asdict(sheet), "renderer": renderer_version()}
    return GeneratedFile(path, cache.fetch(inputs, ".pdf", lambda: poster_pdf(poster, sheet, encode(poster.target))))


def _code_files(cache: FileCache, code: PageCode, width_mm: float) -> Iterator[GeneratedFile]:
    """The code's SVG and 300-dpi PNG, each drawn only when the cache does not hold it yet."""
    inputs = {"target": code.target, "width_mm": width_mm, "renderer": renderer_version()}
    title = f"QR-kode til {code.target}"
    yield GeneratedFile(
        code.svg,
        cache.fetch(
            {**inputs, "kind": "svg", "title": title}, ".svg", lambda: svg(encode(code.target), width_mm, title)
        ),
    )
    yield GeneratedFile(
        code.png,
        cache.fetch({**inputs, "kind": "png", "dpi": PRINT_DPI}, ".png", lambda: png(encode(code.target), width_mm)),
    )


def _code_items(code: PageCode, width_mm: float, label: str) -> list[PrintItem]:
    side = cm(width_mm)
    pixels = png_pixels(width_mm)
    return [
        PrintItem(code.svg, f"{label} (SVG, vektor)", f"{side} × {side} cm", code.target),
        PrintItem(
            code.png, f"{label} (PNG, {PRINT_DPI} dpi)", f"{side} × {side} cm, {pixels} × {pixels} piksler", code.target
        ),
    ]


def _staff_page(
    posters: list[PrintItem],
    organisations: list[tuple[str, PageCode]],
    events: list[tuple[str, PageCode, PrintItem | None]],
    urls: SiteUrls,
) -> GeneratedFile:
    side = cm(PAGE_CODE_MM)
    body = render(
        "prints.html",
        posters=posters,
        organisations=organisations,
        events=events,
        code_size=f"{side} × {side} cm",
        link=lambda path: urls.file_link(STAFF_PAGE, path),
        file_name=lambda path: path.rsplit("/", 1)[-1],
    )
    # For the staff: visitors searching for an organisation should land on its page, not on this list.
    return markdown_page(
        STAFF_PAGE,
        "Plakater og QR-koder",
        body,
        description="Filer til utskrift: roll-up, plakater og QR-koder til hver side.",
        searchable=False,
    )


@cache
def renderer_version() -> dict[str, str]:
    """What else a drawn file depends on: the libraries' versions and a hash of our drawing code and fonts."""
    versions = {**qr_renderer_version(), "fpdf2": metadata.version("fpdf2")}
    digest = hashlib.sha256()
    for path in (Path(posters.__file__), *(FONT_FOLDER / name for name in FONT_FILES.values())):
        digest.update(path.read_bytes())
    versions["drawing"] = digest.hexdigest()
    return versions
