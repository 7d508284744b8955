"""Every QR code and print file the site ships, and the staff page listing them (drawing is in `drawn.py`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..directory.load import Directory
from ..events.load import Event
from ..readiness.proof import PROOF_WORD, prints_are_proofs
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
)
from ..web.render import render
from ..web.urls import DIRECTORY_INDEX, SiteUrls, organisation_path
from .cards import card_files, card_sheet
from .codes import desk_poster_address, event_address, forwarding_files, rollup_address, short_addresses
from .drawn import PRINT_FOLDER, code_files, poster_file, proof_sheet_file, rollup_file
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
from .rollup import Rollup, geometry_of, laid_out, preflight, read_logo

STAFF_PAGE = "plakater/index.md"
DESK_QR_MM = 100
A4_LABEL = "A4, 21 × 29,7 cm"


ROLLUP_LINES = (
    "Finn pasient- og brukerorganisasjoner for pasienter og pårørende – også når ingen er på vakt.",
    "Skann koden med kameraet på mobilen.",
)


@dataclass(frozen=True)
class PrintItem:
    """One file on the staff page: what it is, its printed size, the address its code holds and the page it opens."""

    path: str
    label: str
    size: str
    address: str
    """The address the code holds (a print's short address), or the page's own for a page's code."""
    target: str
    """The page the address opens."""


def catalogue_files(options: PrintOptions, urls: SiteUrls, *, hours: tuple[str, ...], directory: Directory,
                    events: Iterable[Event], today: dt.date, proof: bool = False,
                    english: str = "") -> Iterator[GeneratedFile]:
    """The roll-up and its sheet for the print shop, the desk poster, every page's code, each coming event's poster,
    each organisation's card, the short addresses their codes hold, and the staff page.

    `hours` are the sentences that describe the desk's usual week, printed on the roll-up, the desk poster and the
    cards. `proof` marks every file «PRØVETRYKK» (while `site_url` is a placeholder, see `readiness.proof`).
    `english` is the roll-up's line for English readers: empty until the site has English pages.
    """
    events = list(events)
    cache = FileCache(options.cache_folder)
    posters: list[PrintItem] = []
    organisations: list[tuple[str, PageCode, PrintItem | None]] = []
    listed: list[tuple[str, PageCode, PrintItem | None]] = []
    problems: list[Problem] = []
    try:
        yield from _front_prints(options, hours, urls, cache, posters, proof, english)
    except LayoutError as error:
        problems.append(Problem("mkdocs.yml", None, "plugins.torget.rollup_qr_cm", f"{error} (the roll-up or the desk "
                                "poster, with site_name, copyright and the opening hours)"))
    cards: dict[str, PrintItem] = {}
    sheet = card_sheet(options.card_size)
    try:
        for org, card, file in card_files(cache, options, urls, directory, hours, proof=proof):
            yield file
            cards[org.slug] = PrintItem(file.path, f"Kort {options.card_size}", f"{cm(sheet.width_mm)} × "
                                        f"{cm(sheet.height_mm)} cm", card.absolute(urls), urls.absolute(card.page))
    except SourceError as error:
        problems += error.problems
    for org in directory.organisations:
        code = page_qr(organisation_path(org), urls)
        yield from code_files(cache, code, PAGE_CODE_MM, proof=proof)
        organisations.append((org.display_name, code, cards.get(org.slug)))
    for event in events:
        code = page_qr(event.src_path, urls)
        yield from code_files(cache, code, PAGE_CODE_MM, proof=proof)
        poster = None
        # A world day is a date, not an event at the desk: it has a page and a code, but no poster.
        if not event.is_over(today) and not event.spec.world_day:
            poster = PrintItem(event_poster_path(event), "Plakat (PDF)", A4_LABEL,
                               event_address(event).absolute(urls), code.target)
            try:
                yield event_poster_file(cache, options, urls, directory, event, proof=proof)
            except SourceError as error:
                problems += error.problems
        listed.append((event.spec.title, code, poster))
    if problems:
        raise SourceError(problems)
    yield from forwarding_files(short_addresses(directory, events), urls)
    yield _staff_page(posters, organisations, listed, urls, proof, options.card_size)


def rollup_content(options: PrintOptions, hours: tuple[str, ...], urls: SiteUrls, *, proof: bool,
                   english: str = "") -> Rollup:
    """What the roll-up says: its code opens the directory, for when nobody staffs the desk."""
    code = rollup_address()
    return Rollup(title=options.title, lines=ROLLUP_LINES, target=code.absolute(urls),
                  address=code.printed(urls, options.short_address), hours=hours, english=english,
                  footer=options.footer, proof=proof, colours=options.colours,
                  logo=read_logo(options.logo) if options.logo else None)


def rollup_warnings(options: PrintOptions, hours: tuple[str, ...], urls: SiteUrls, *, english: str = "") -> list[str]:
    """The preflight of the roll-up as the build draws it: what breaks a rule for the foyer (see `rollup.preflight`)."""
    content = rollup_content(options, hours, urls, proof=prints_are_proofs(urls.site_url), english=english)
    geometry = geometry_of(options)
    try:
        return [f"torget: {warning}" for warning in preflight(content, geometry, laid_out(content, geometry))]
    except LayoutError:
        return []  # the build stops on it, naming rollup_qr_cm


def _front_prints(
    options: PrintOptions, hours: tuple[str, ...], urls: SiteUrls, cache: FileCache, posters: list[PrintItem],
    proof: bool, english: str,
) -> Iterator[GeneratedFile]:
    """The roll-up, its sheet for the print shop, its code on its own, and the desk poster (opening the front
    page); each code holds the print's short address."""
    geometry = geometry_of(options)
    content = rollup_content(options, hours, urls, proof=proof, english=english)
    directory = urls.absolute(DIRECTORY_INDEX)
    stem = f"{PRINT_FOLDER}/rollup-{options.rollup_width_cm:g}x{options.rollup_height_cm:g}"
    yield rollup_file(cache, f"{stem}.pdf", content, geometry)
    size = f"{decimal(options.rollup_width_cm)} × {decimal(options.rollup_height_cm)} cm"
    posters.append(PrintItem(f"{stem}.pdf", "Roll-up for foajeen (PDF til trykkeriet)", size, content.target,
                             directory))
    sheet_name = f"{stem}-til-trykkeriet.pdf"
    yield proof_sheet_file(cache, sheet_name, content, geometry, f"{stem.rsplit('/', 1)[-1]}.pdf")
    posters.append(PrintItem(sheet_name, "Bestillingsark til trykkeriet (PDF)", A4_LABEL, content.target, directory))
    rollup_code = PageCode(urls.page(DIRECTORY_INDEX), content.target, f"{QR_FOLDER}/rollup.svg",
                           f"{QR_FOLDER}/rollup.png")
    yield from code_files(cache, rollup_code, geometry.qr_mm, proof=proof)
    posters += _code_items(rollup_code, geometry.qr_mm, "QR-koden på roll-upen", directory)

    desk = desk_poster_address()
    desk_pdf = f"{PRINT_FOLDER}/plakat-disken-a4.pdf"
    yield poster_file(
        cache,
        desk_pdf,
        _desk_poster(options, hours, desk.absolute(urls), desk.printed(urls, options.short_address), proof),
        Sheet(A4_WIDTH_MM, A4_HEIGHT_MM, DESK_QR_MM),
    )
    posters.append(PrintItem(desk_pdf, "Plakat for disken (PDF)", A4_LABEL, desk.absolute(urls),
                             urls.absolute(desk.page)))


def _desk_poster(options: PrintOptions, hours: tuple[str, ...], target: str, address: str, proof: bool) -> Poster:
    return Poster(
        headline=options.title,
        lines=(
            "Her møter du frivillige fra pasient- og brukerorganisasjonene.",
            "Er det ingen her nå? Skann koden, så finner du organisasjonene på mobilen.",
        ),
        target=target,
        address=address,
        details=hours,
        footer=options.footer,
        proof=proof,
    )


def _code_items(code: PageCode, width_mm: float, label: str, opens: str) -> list[PrintItem]:
    side = cm(width_mm)
    pixels = png_pixels(width_mm)
    return [
        PrintItem(code.svg, f"{label} (SVG, vektor)", f"{side} × {side} cm", code.target, opens),
        PrintItem(code.png, f"{label} (PNG, {PRINT_DPI} dpi)", f"{side} × {side} cm, {pixels} × {pixels} piksler",
                  code.target, opens),
    ]


def _staff_page(
    posters: list[PrintItem],
    organisations: list[tuple[str, PageCode, PrintItem | None]],
    events: list[tuple[str, PageCode, PrintItem | None]],
    urls: SiteUrls,
    proof: bool,
    card_size: str,
) -> GeneratedFile:
    side = cm(PAGE_CODE_MM)
    body = render(
        "prints.html",
        posters=posters,
        organisations=organisations,
        events=events,
        code_size=f"{side} × {side} cm",
        card_size=card_size,
        proof=proof,
        proof_word=PROOF_WORD,
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

