"""A card for each organisation (A6 or A5): its name, its description, a code to its page through the card's own
short address, and the desk's hours, for the organisation to set out at the desk and at its own meetings."""

from __future__ import annotations

from collections.abc import Iterator

from ..directory.load import Directory
from ..directory.model import Organisation
from ..sources.problems import Problem, SourceError
from ..web.cache import FileCache
from ..web.output import GeneratedFile
from ..web.qr import encode
from ..web.urls import SiteUrls
from .codes import ShortAddress, card_address
from .drawn import PRINT_FOLDER, poster_file
from .options import CARD_SIZES, PrintOptions
from .posters import LayoutError, Poster, Sheet, cm

CARD_QR_MM = {"A6": 35, "A5": 50}
"""The cards' codes at the least: read from about 30 cm, a table's distance, a code needs some 3 cm."""
CARD_MODULE_MM = 1.0
"""And modules of at least 1 mm, so the code of a long organisation name (a longer address, more modules)
still reads at 30 cm."""


def card_path(org: Organisation, size: str) -> str:
    return f"{PRINT_FOLDER}/kort/{org.slug}-{size.lower()}.pdf"


def card_sheet(size: str, modules: int = 0) -> Sheet:
    """The card's paper and its code's width for a code of `modules` modules across, quiet zone included."""
    width, height = CARD_SIZES[size]
    return Sheet(width, height, max(CARD_QR_MM[size], modules * CARD_MODULE_MM))


def card_files(cache: FileCache, options: PrintOptions, urls: SiteUrls, directory: Directory,
               hours: tuple[str, ...], *, proof: bool = False) -> Iterator[tuple[Organisation, ShortAddress,
                                                                                 GeneratedFile]]:
    """Each organisation's card, with its short address; SourceError naming every description too long for it."""
    problems = []
    for org in directory.organisations:
        code = card_address(org.slug, org.slug, org.display_name)
        sheet = card_sheet(options.card_size, len(encode(code.absolute(urls))))
        poster = Poster(
            headline=org.display_name,
            lines=(org.description,),
            target=code.absolute(urls),
            address=code.printed(urls, options.short_address),
            details=(f"{options.title}, åpningstider:", *hours) if hours else (),
            footer=options.footer,
            proof=proof,
        )
        try:
            yield org, code, poster_file(cache, card_path(org, options.card_size), poster, sheet)
        except LayoutError:
            problems.append(Problem(f"organisations/{org.slug}.yaml", None, "description",
                                    f"is too long for the organisation's {options.card_size} card "
                                    f"({cm(sheet.width_mm)} × {cm(sheet.height_mm)} cm) even in the smallest type; "
                                    "shorten it"))
    if problems:
        raise SourceError(problems)
