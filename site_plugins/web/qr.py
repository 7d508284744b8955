"""QR codes for print and screen: encode an absolute address, draw it as SVG (vector) and as a 300-dpi PNG.

Every code is black on white with a quiet zone of four modules (the minimum the QR standard asks for),
at error correction level Q: up to a quarter of the code may be scuffed, creased, soiled or lost in a
reflection from the foyer's lights and it still scans. Our addresses are short, so Q keeps the code
coarse (an 80-character address fits version 7, 45 × 45 modules); level H would make every module
smaller, and so harder to scan from a distance, for no gain on paper that is kept indoors.
"""

from __future__ import annotations

import hashlib
import html
import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..readiness.proof import PROOF_WORD
from .urls import SiteUrls, page_url

if TYPE_CHECKING:
    from PIL import Image

# qrcode and Pillow are imported where a code is encoded or drawn: a build whose codes all come from
# the cache, and `torget check`, need neither.
ERROR_LEVEL = "Q"
"""The error correction level, as the QR standard (and qrcode's ERROR_CORRECT_* and the kiosk's library) name it."""
QUIET_ZONE = 4
PRINT_DPI = 300
MM_PER_INCH = 25.4
QR_FOLDER = "qr"
PAGE_CODE_MM = 40
"""Printed width of a page's code (organisation, event): 4 cm scans from about 40 cm, arm's length."""

PROOF_FONT = Path(__file__).resolve().parent.parent / "assets" / "fonts" / "DejaVuSans-Bold.ttf"
PROOF_GRAY = 200
"""The proof mark's grey behind the modules: light enough to read as white to a scanner."""

Modules = tuple[tuple[bool, ...], ...]
"""Rows of modules, quiet zone included; True is dark."""


def site_url_problem(site_url: str | None) -> str | None:
    """Why `site_url` cannot anchor QR codes, or None when it is an absolute http(s) address."""
    hint = "set `site_url` in mkdocs.yml to the site's public address, like https://torget.example.no/"
    if not site_url:
        return f"torget: {hint}; QR codes, posters and calendar feeds link to it."
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return (f"torget: `site_url` is {site_url!r}, which is not an absolute web address; {hint}. "
                "A QR code that points nowhere is worse than none.")
    return None


def short_address(site_url: str) -> str:
    """The address people can type, as printed under a code: `https://torget.example.no/` -> `torget.example.no`."""
    parts = urlsplit(site_url)
    return (parts.netloc + parts.path).rstrip("/")


@lru_cache(maxsize=4096)
def encode(target: str) -> Modules:
    """The modules of the smallest QR code at level Q that holds `target`, with the quiet zone."""
    import qrcode.constants

    level = getattr(qrcode.constants, f"ERROR_CORRECT_{ERROR_LEVEL}")
    code = qrcode.QRCode(error_correction=level, border=QUIET_ZONE)
    code.add_data(target)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


def dark_runs(modules: Modules) -> Iterator[tuple[int, int, int]]:
    """Horizontal runs of dark modules as (column, row, length): the rectangles the SVG and PDF draw."""
    for y, row in enumerate(modules):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                yield start, y, x - start
            else:
                x += 1


def svg(modules: Modules, width_mm: float, title: str, *, proof: bool = False) -> bytes:
    """A vector image `width_mm` wide: a white square and one black path, crisp at any size.
    A `proof` has «PRØVETRYKK» in light grey across the square, under the modules."""
    size = len(modules)
    path = "".join(f"M{x} {y}h{length}v1h-{length}z" for x, y, length in dark_runs(modules))
    mark = (f'<text x="{size / 2:g}" y="{size / 2:g}" transform="rotate(-45 {size / 2:g} {size / 2:g})" '
            'text-anchor="middle" dominant-baseline="central" '
            'font-family="DejaVu Sans, sans-serif" font-weight="bold" '
            f'font-size="{size * 0.16:.2f}" textLength="{size * 1.2:.2f}" lengthAdjust="spacingAndGlyphs" '
            f'fill="#{PROOF_GRAY:02x}{PROOF_GRAY:02x}{PROOF_GRAY:02x}">{PROOF_WORD}</text>') if proof else ""
    text = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        f'width="{width_mm:g}mm" height="{width_mm:g}mm" shape-rendering="crispEdges">'
        f"<title>{html.escape(title, quote=False)}</title>"
        f'<rect width="{size}" height="{size}" fill="#fff"/>'
        f"{mark}"
        f'<path fill="#000" d="{path}"/>'  # only letters, digits, spaces and minus signs
        "</svg>\n"
    )
    return text.encode("utf-8")


def png_pixels(width_mm: float, dpi: int = PRINT_DPI) -> int:
    """Width in pixels of a PNG `width_mm` wide at `dpi`."""
    return round(width_mm / MM_PER_INCH * dpi)


def png(modules: Modules, width_mm: float, dpi: int = PRINT_DPI, *, proof: bool = False) -> bytes:
    """A black-and-white PNG exactly `width_mm` wide at `dpi`, which it records so printers size it right.
    A `proof` is greyscale, with «PRØVETRYKK» in light grey across it, under the modules."""
    from PIL import Image

    size = len(modules)
    small = Image.new("1", (size, size), 1)
    small.putdata([0 if dark else 1 for row in modules for dark in row])
    pixels = png_pixels(width_mm, dpi)
    image = small.resize((pixels, pixels), Image.Resampling.NEAREST)
    if proof:
        marked = _proof_mark(pixels)
        marked.paste(0, mask=image.convert("L").point(lambda value: 255 if value == 0 else 0))
        image = marked
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(dpi, dpi), optimize=True)
    return out.getvalue()


def _proof_mark(pixels: int) -> Image.Image:
    """A white square `pixels` wide with «PRØVETRYKK» in light grey from its lower left to its upper right corner."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(PROOF_FONT), size=100)
    left, top, right, bottom = font.getbbox(PROOF_WORD)
    font = ImageFont.truetype(str(PROOF_FONT), size=max(1, round(100 * 1.05 * pixels / (right - left))))
    left, top, right, bottom = font.getbbox(PROOF_WORD)
    word = Image.new("L", (round(right - left), round(bottom - top)), 0)
    ImageDraw.Draw(word).text((-left, -top), PROOF_WORD, font=font, fill=255)
    word = word.rotate(45, expand=True, resample=Image.Resampling.BICUBIC)
    square = Image.new("L", (pixels, pixels), 255)
    square.paste(PROOF_GRAY, ((pixels - word.width) // 2, (pixels - word.height) // 2), mask=word)
    return square


@dataclass(frozen=True)
class PageCode:
    """The QR code of one page: the absolute address it encodes and where its images are in the site."""

    page: str
    """Site-relative address of the page, like `organisasjoner/x/` (or `organisasjoner/x.html`)."""
    target: str
    """The absolute address the code encodes."""
    svg: str
    """Path of the SVG in the site, like `qr/organisasjoner/x.svg`."""
    png: str
    """Path of the 300-dpi PNG in the site."""


def page_qr(src_path: str, urls: SiteUrls) -> PageCode:
    """The code of the page made from `src_path` (like `organisasjoner/x.md`).

    Link to the image from a page with `urls.file_link(here, code.svg)`. The images themselves are
    written by `printing.catalogue.catalogue_files` for every page it lists. Their names follow the
    page's source path, so they stay the same whatever the URL style.
    """
    stem = f"{QR_FOLDER}/{page_url(src_path).rstrip('/') or 'forside'}"
    return PageCode(page=urls.page(src_path), target=urls.absolute(src_path), svg=f"{stem}.svg", png=f"{stem}.png")


@cache
def qr_renderer_version() -> dict[str, str]:
    """What a drawn code depends on besides its address: the QR library's version and this module's code."""
    return {"qrcode": metadata.version("qrcode"), "pillow": metadata.version("pillow"),
            "qr": hashlib.sha256(Path(__file__).read_bytes()).hexdigest()}
