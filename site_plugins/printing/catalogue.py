"""Every QR code and print file the site ships, and the staff page listing them (drawing is in `drawn.py`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..directory.load import Directory
from ..events.load import Event
from ..sources.problems import Problem, SourceError
from ..web.cache import FileCache
from ..web.norwegian import decimal
from ..web.output import GeneratedFile, markdown_page
from ..web.qr import (
    PAGE_CODE_MM,
    PRINT_DPI,
    QR_FOLDER,
    PageCode,
    page_qr,
    png_pixels,
    short_address,
)
from ..web.render import render
from ..web.urls import DIRECTORY_INDEX, SiteUrls, organisation_path
from .drawn import PRINT_FOLDER, code_files, poster_file
from .event_posters import event_poster_file, event_poster_path
from .options import PrintOptions
from .posters import (
    A4_HEIGHT_MM,
    A4_WIDTH_MM,
    LayoutError,
    Poster,
    Sheet,
    cm,
)

STAFF_PAGE = "plakater/index.md"
DESK_QR_MM = 100
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
        yield from code_files(cache, code, PAGE_CODE_MM)
        organisations.append((org.display_name, code))
    for event in events:
        code = page_qr(event.src_path, urls)
        yield from code_files(cache, code, PAGE_CODE_MM)
        poster = None
        if not event.is_over(today):
            poster = PrintItem(event_poster_path(event), "Plakat (PDF)", A4_LABEL, code.target)
            try:
                yield event_poster_file(cache, options, directory, event, code)
            except SourceError as error:
                problems += error.problems
        listed.append((event.spec.title, code, poster))
    if problems:
        raise SourceError(problems)
    yield _staff_page(posters, organisations, listed, urls)


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
    yield poster_file(cache, rollup_pdf, _rollup_poster(options, hours, directory.target, rollup_address), rollup)
    posters.append(
        PrintItem(
            rollup_pdf,
            "Roll-up for foajeen (PDF)",
            f"{decimal(options.rollup_width_cm)} × {decimal(options.rollup_height_cm)} cm",
            directory.target,
        )
    )
    rollup_code = PageCode(directory.page, directory.target, f"{QR_FOLDER}/rollup.svg", f"{QR_FOLDER}/rollup.png")
    yield from code_files(cache, rollup_code, rollup.qr_mm)
    posters += _code_items(rollup_code, rollup.qr_mm, "QR-koden på roll-upen")

    desk_pdf = f"{PRINT_FOLDER}/plakat-disken-a4.pdf"
    desk_address = options.short_address or short_address(urls.site_url)
    yield poster_file(
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

