"""The roll-up for the foyer as a print shop wants it: trim and bleed boxes, crop marks, safe zones, the stand's
cassette, and a layout for people standing up to five metres away.

Lengths are millimetres, measured on the finished print (the trim) from its top left corner; heights
"above the floor" are measured from its bottom edge, which stands on the floor in the stand's cassette.

- A coloured band in the site's palette runs off the top edge and a second one fills the cassette zone,
  so both reach into the bleed; the rest of the sheet is white.
- No text, code or logo lies in the safe margin inside the trim or in the cassette zone. `layout` places
  everything inside the rest, the live area, or fails with LayoutError.
- The code's centre goes where a phone is held, 100 to 170 cm above the floor, with the opening hours under
  it; `preflight` warns about whatever the layout could not give (a short sheet, a small code, a faint colour).
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..readiness.proof import PROOF_WORD
from ..web.norwegian import decimal
from ..web.qr import Modules
from .colours import AA_CONTRAST, WHITE, PrintColours, contrast
from .posters import (
    A4_HEIGHT_MM,
    A4_WIDTH_MM,
    FONT,
    FONT_FILES,
    FONT_FOLDER,
    MM_PER_PT,
    PROOF_GRAY,
    LayoutError,
    cm,
    draw_code,
    line_height,
)

if TYPE_CHECKING:
    from fpdf import FPDF

    from .options import PrintOptions

MIN_CODE_MM = 250
"""The least width of the roll-up's code: a code scans from about ten times its width, and the foyer is 4–5 m."""
CODE_CENTRE_MM = (1000, 1700)
"""Where a phone is held: the code's centre between 100 and 170 cm above the floor."""
PREFERRED_CENTRE_MM = 1350
READING_DISTANCE_MM = 5000
"""The title must be readable from across the foyer."""
CAP_HEIGHT_PER_DISTANCE = 1 / 150
"""Signage rule of thumb: capitals at least 1/150 of the reading distance high (33 mm at 5 m)."""
DEJAVU_CAP_HEIGHT = 0.729
"""DejaVu Sans Bold's capital height as a share of the type size."""
MARK_GAP_MM = 3
MARK_LENGTH_MM = 10
SLUG_MM = MARK_GAP_MM + MARK_LENGTH_MM + 2
"""Room outside the bleed for the crop marks, which start 3 mm outside the bleed and are 10 mm long."""
LOGO_SHARE = 0.25
"""The logo's printed width as a share of the roll-up's width."""
LOGO_MIN_DPI = 150
TYPE_SCALES = (1.0, 0.9, 0.8, 0.7, 0.6)
FONT_NAMES = {"": "DejaVu Sans", "B": "DejaVu Sans Bold"}


@dataclass(frozen=True)
class Geometry:
    """The roll-up's finished size, its code's width, the bleed, the safe margin and the cassette zone (mm)."""

    width_mm: float = 850
    height_mm: float = 2000
    qr_mm: float = 400
    bleed_mm: float = 5
    safe_mm: float = 30
    cassette_mm: float = 100

    @property
    def offset(self) -> float:
        """Where the trim starts on the PDF's page (media box): the bleed plus room for the crop marks."""
        return self.bleed_mm + SLUG_MM if self.bleed_mm else 0

    @property
    def media(self) -> tuple[float, float]:
        return self.width_mm + 2 * self.offset, self.height_mm + 2 * self.offset

    @property
    def live(self) -> tuple[float, float, float, float]:
        """The live area (left, top, right, bottom) in trim coordinates: inside the safe margin, above the cassette."""
        return (self.safe_mm, self.safe_mm, self.width_mm - self.safe_mm,
                self.height_mm - max(self.safe_mm, self.cassette_mm))

    def room_problem(self) -> str | None:
        """Why the safe margin and cassette zone leave no room for the code, or None."""
        left, top, right, bottom = self.live
        if right - left < self.qr_mm or bottom - top < self.qr_mm:
            return (f"a {cm(self.qr_mm)} cm code does not fit in the {cm(max(0, right - left))} × "
                    f"{cm(max(0, bottom - top))} cm left inside the safe margin and above the cassette zone")
        return None


def geometry_of(options: PrintOptions) -> Geometry:
    """The roll-up's geometry from the options (given in cm and mm as editors think of them)."""
    return Geometry(options.rollup_width_cm * 10, options.rollup_height_cm * 10, options.rollup_qr_cm * 10,
                    options.bleed_mm, options.safe_margin_cm * 10, options.cassette_cm * 10)


def read_logo(path: Path) -> Logo | None:
    """The logo at `path` with its size in pixels, or None when it is not a PNG or JPEG image."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            if image.format not in ("PNG", "JPEG"):
                return None
            return Logo(path, image.size)
    except (OSError, UnidentifiedImageError):
        return None


@dataclass(frozen=True)
class Logo:
    """The hospital's own artwork (PNG or JPEG) and its size in pixels."""

    path: Path
    pixels: tuple[int, int]

    def printed_mm(self, geometry: Geometry) -> tuple[float, float]:
        width = LOGO_SHARE * geometry.width_mm
        return width, width * self.pixels[1] / self.pixels[0]

    def dpi(self, geometry: Geometry) -> float:
        return self.pixels[0] / (self.printed_mm(geometry)[0] / 25.4)


@dataclass(frozen=True)
class Rollup:
    """What the roll-up says."""

    title: str
    lines: tuple[str, ...]
    target: str
    """The absolute address its code encodes (the roll-up's short address)."""
    address: str
    """The address printed under the code, in full."""
    hours: tuple[str, ...]
    english: str = ""
    """One line for English readers, once the site has English pages; empty leaves it out."""
    footer: str = ""
    proof: bool = False
    colours: PrintColours = field(default_factory=PrintColours)
    logo: Logo | None = None


@dataclass(frozen=True)
class Placed:
    """Something printed, as laid out in trim coordinates (mm): text, the code or the logo."""

    kind: str
    text: str
    left: float
    top: float
    width: float
    height: float
    size_pt: float = 0
    colour: tuple[int, int, int] = (0, 0, 0)
    background: tuple[int, int, int] = WHITE

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def right(self) -> float:
        return self.left + self.width


@dataclass
class Layout:
    """Where everything goes, in trim coordinates; the bands are background."""

    placed: list[Placed] = field(default_factory=list)
    band_bottom: float = 0
    code: Placed | None = None

    def centre_above_floor(self, geometry: Geometry) -> float:
        assert self.code is not None
        return geometry.height_mm - (self.code.top + self.code.height / 2)


@dataclass(frozen=True)
class _Para:
    style: str
    size_pt: float
    text: str
    lines: int
    colour: tuple[int, int, int]
    background: tuple[int, int, int]

    @property
    def height(self) -> float:
        return self.lines * line_height(self.size_pt)


def layout(pdf: FPDF, rollup: Rollup, geometry: Geometry) -> Layout:
    """Place the title in the band, the lines under it, the code at phone height, the address, hours and English
    line under the code, and the logo and footer at the foot of the live area. LayoutError when nothing fits."""
    left, top, right, bottom = geometry.live
    width = right - left
    colours = rollup.colours
    base = min(geometry.width_mm / A4_WIDTH_MM, geometry.height_mm / A4_HEIGHT_MM)
    for type_scale in TYPE_SCALES:
        scale = base * type_scale
        gap = 0.6 * 20 * scale * MM_PER_PT
        title = _para(pdf, "B", _fit(pdf, "B", 40 * scale, rollup.title.split(), width), rollup.title, width,
                      colours.on_band, colours.band)
        lines = [_para(pdf, "", 20 * scale, line, width, (0, 0, 0), WHITE) for line in rollup.lines]
        address = _para(pdf, "B", _fit(pdf, "B", 26 * scale, [rollup.address], width), rollup.address, width,
                        colours.band, WHITE)
        under = [address, *(_para(pdf, "", 18 * scale, line, width, (0, 0, 0), WHITE) for line in rollup.hours)]
        if rollup.english:
            under.append(_para(pdf, "", 18 * scale, rollup.english, width, (0, 0, 0), WHITE))
        foot = [_para(pdf, "", 11 * scale, rollup.footer, width, (0, 0, 0), WHITE)] if rollup.footer else []
        logo_height = rollup.logo.printed_mm(geometry)[1] if rollup.logo else 0
        band_bottom = top + title.height + gap
        above = band_bottom + sum(gap + para.height for para in lines) + 2 * gap
        under_height = sum(gap / 2 + para.height for para in under)
        foot_height = sum(para.height for para in foot) + (logo_height + gap if logo_height else 0)
        highest = above  # the code's top, from the text above it
        lowest = bottom - foot_height - gap - under_height - geometry.qr_mm
        if lowest >= highest and geometry.qr_mm <= width:
            break
    else:
        raise LayoutError(f"the text and a {cm(geometry.qr_mm)} cm QR code do not fit in the live area of a "
                          f"{cm(geometry.width_mm)} × {cm(geometry.height_mm)} cm roll-up; make the code smaller, "
                          "the roll-up taller, or the safe margin and cassette zone smaller")
    result = Layout(band_bottom=band_bottom)
    y = top
    result.placed += _stack(title, left, y, width)
    y = band_bottom
    for para in lines:
        y += gap
        result.placed += _stack(para, left, y, width)
        y += para.height
    # The code's top where its centre is nearest the preferred height, within what the text leaves free.
    wanted = geometry.height_mm - PREFERRED_CENTRE_MM - geometry.qr_mm / 2
    code_top = min(max(wanted, highest), lowest)
    code = Placed("code", rollup.target, (geometry.width_mm - geometry.qr_mm) / 2, code_top, geometry.qr_mm,
                  geometry.qr_mm)
    result.placed.append(code)
    result.code = code
    y = code_top + geometry.qr_mm
    for para in under:
        y += gap / 2
        result.placed += _stack(para, left, y, width)
        y += para.height
    y = bottom - sum(para.height for para in foot)
    for para in foot:
        result.placed += _stack(para, left, y, width)
        y += para.height
    if rollup.logo is not None:
        logo_width, logo_height = rollup.logo.printed_mm(geometry)
        logo_top = bottom - sum(para.height for para in foot) - gap - logo_height
        result.placed.append(Placed("logo", str(rollup.logo.path), (geometry.width_mm - logo_width) / 2, logo_top,
                                    logo_width, logo_height))
    return result


def _fit(pdf: FPDF, style: str, size: float, pieces: list[str], width: float) -> float:
    """`size`, or smaller if one of the pieces that must not be broken would not fit the width."""
    pdf.set_font(FONT, style, size)
    widest = max(pdf.get_string_width(piece) for piece in pieces)
    return size * min(1.0, 0.99 * width / widest)


def _para(pdf: FPDF, style: str, size: float, text: str, width: float, colour: tuple[int, int, int],
          background: tuple[int, int, int]) -> _Para:
    from fpdf.enums import MethodReturnValue

    pdf.set_font(FONT, style, size)
    lines = pdf.multi_cell(width, text=text, dry_run=True, output=MethodReturnValue.LINES)
    assert isinstance(lines, list)
    return _Para(style, size, text, len(lines), colour, background)


def _stack(para: _Para, left: float, top: float, width: float) -> list[Placed]:
    return [Placed("text" + para.style, para.text, left, top, width, para.height, para.size_pt, para.colour,
                   para.background)]


def preflight(rollup: Rollup, geometry: Geometry, placed: Layout) -> list[str]:
    """What in the laid-out roll-up breaks a rule for the foyer: text, code or logo outside the live area, a code
    under 25 cm or away from phone height, a title too small for 5 m, text that contrasts too little."""
    warnings = []
    left, top, right, bottom = geometry.live
    for item in placed.placed:
        if item.left < left - 0.01 or item.top < top - 0.01 or item.right > right + 0.01 or item.bottom > bottom + 0.01:
            what = {"code": "the QR code", "logo": "the logo"}.get(item.kind, f"the text «{item.text}»")
            warnings.append(f"{what} reaches into the safe margin ({cm(geometry.safe_mm)} cm) or the cassette zone "
                            f"(the lowest {cm(geometry.cassette_mm)} cm), where the trim or the stand may hide it")
        if item.kind.startswith("text") and (ratio := contrast(item.colour, item.background)) < AA_CONTRAST:
            warnings.append(f"the text «{item.text}» contrasts {ratio:.1f}:1 with its background, less than the "
                            f"{AA_CONTRAST:g}:1 of WCAG AA; choose a darker primary colour in theme.palette")
    if geometry.qr_mm < MIN_CODE_MM:
        warnings.append(f"the QR code is {cm(geometry.qr_mm)} cm wide; at least {cm(MIN_CODE_MM)} cm scans from "
                        "across the foyer (rollup_qr_cm)")
    if placed.code is not None:
        centre = placed.centre_above_floor(geometry)
        low, high = CODE_CENTRE_MM
        if not low - 0.5 <= centre <= high + 0.5:
            warnings.append(f"the QR code's centre is {cm(centre)} cm above the floor; a phone is held at "
                            f"{cm(low)}–{cm(high)} cm")
    title = next((item for item in placed.placed if item.kind == "textB"), None)
    if title is not None:
        cap = title.size_pt * MM_PER_PT * DEJAVU_CAP_HEIGHT
        least = READING_DISTANCE_MM * CAP_HEIGHT_PER_DISTANCE
        if cap < least:
            warnings.append(f"the title's capitals are {decimal(cap / 10)} cm high; at least {decimal(least / 10)} cm "
                            f"reads from {decimal(READING_DISTANCE_MM / 1000)} m (shorten site_name)")
    return [f"the roll-up: {warning}" for warning in warnings]


def new_pdf(width_mm: float, height_mm: float, title: str, subject: str) -> FPDF:
    # fpdf2 is imported only when something is drawn: a build whose prints come from the cache skips it.
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format=(width_mm, height_mm))
    pdf.set_auto_page_break(False)
    pdf.c_margin = 0
    for style, name in FONT_FILES.items():
        pdf.add_font(FONT, style, FONT_FOLDER / name)
    pdf.set_title(title)
    pdf.set_subject(subject)
    pdf.set_creator("Torget")
    pdf.set_lang("nb-NO")
    pdf.add_page()
    return pdf


def laid_out(rollup: Rollup, geometry: Geometry) -> Layout:
    """The roll-up's layout, measured without drawing it (for the preflight of `torget check`)."""
    return layout(new_pdf(*geometry.media, rollup.title, rollup.target), rollup, geometry)


def rollup_pdf(rollup: Rollup, geometry: Geometry, modules: Modules) -> bytes:
    """The roll-up as one PDF page: the trim plus bleed plus crop marks, with TrimBox and BleedBox set."""
    from fpdf.enums import Align, XPos, YPos

    pdf = new_pdf(*geometry.media, rollup.title, rollup.target)
    placed = layout(pdf, rollup, geometry)
    o, b = geometry.offset, geometry.bleed_mm
    colours = rollup.colours
    pdf.set_fill_color(*colours.band)
    pdf.rect(o - b, o - b, geometry.width_mm + 2 * b, placed.band_bottom + b, style="F")
    foot_top = geometry.height_mm - geometry.cassette_mm
    pdf.rect(o - b, o + foot_top, geometry.width_mm + 2 * b, geometry.cassette_mm + b, style="F")
    if rollup.proof:
        _proof_mark(pdf, geometry, placed)
    for item in placed.placed:
        if item.kind == "code":
            draw_code(pdf, modules, o + item.left, o + item.top, item.width)
        elif item.kind == "logo":
            pdf.image(item.text, o + item.left, o + item.top, item.width, item.height)
        else:
            pdf.set_font(FONT, item.kind.removeprefix("text"), item.size_pt)
            pdf.set_text_color(*item.colour)
            pdf.set_xy(o + item.left, o + item.top)
            pdf.multi_cell(item.width, line_height(item.size_pt), item.text, align=Align.C, new_x=XPos.LMARGIN,
                           new_y=YPos.NEXT)
    if b:
        _crop_marks(pdf, geometry)
    return with_boxes(bytes(pdf.output()), geometry)


def _proof_mark(pdf: FPDF, geometry: Geometry, placed: Layout) -> None:
    """«PRØVETRYKK» in light grey along the white part of the live area's rising diagonal."""
    left, _, right, bottom = geometry.live
    top = placed.band_bottom
    o = geometry.offset
    width, height = right - left, bottom - top
    angle = math.degrees(math.atan2(height, width))
    pdf.set_font(FONT, "B", 100)
    size = 100 * 0.7 * math.hypot(width, height) / pdf.get_string_width(PROOF_WORD)
    size = min(size, 0.25 * width / MM_PER_PT)
    pdf.set_font(FONT, "B", size)
    pdf.set_text_color(PROOF_GRAY)
    x, y = o + left + width / 2, o + top + height / 2
    with pdf.rotation(angle, x, y):
        pdf.text(x - pdf.get_string_width(PROOF_WORD) / 2, y + size * MM_PER_PT / 3, PROOF_WORD)


def _crop_marks(pdf: FPDF, geometry: Geometry) -> None:
    """Hairlines on the trim's edges, outside the bleed, at each corner."""
    o, b = geometry.offset, geometry.bleed_mm
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.1)
    start, end = b + MARK_GAP_MM, b + MARK_GAP_MM + MARK_LENGTH_MM
    for x in (o, o + geometry.width_mm):
        for y, sign in ((o, -1), (o + geometry.height_mm, 1)):
            pdf.line(x, y + sign * start, x, y + sign * end)
    for y in (o, o + geometry.height_mm):
        for x, sign in ((o, -1), (o + geometry.width_mm, 1)):
            pdf.line(x + sign * start, y, x + sign * end, y)


def with_boxes(data: bytes, geometry: Geometry) -> bytes:
    """The PDF with its TrimBox at the finished size and its BleedBox around it (fpdf2 writes the media box only)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import RectangleObject

    points = 72 / 25.4
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    o, b = geometry.offset, geometry.bleed_mm
    for page in writer.pages:
        page.trimbox = RectangleObject([o * points, o * points, (o + geometry.width_mm) * points,
                                        (o + geometry.height_mm) * points])
        page.bleedbox = RectangleObject([(o - b) * points, (o - b) * points, (o + geometry.width_mm + b) * points,
                                         (o + geometry.height_mm + b) * points])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def proof_sheet_pdf(rollup: Rollup, geometry: Geometry, file_name: str) -> bytes:
    """An A4 sheet for the print shop: finished size, bleed, crop marks, safe zones, the code and the fonts."""
    from fpdf.enums import Align, XPos, YPos

    placed = laid_out(rollup, geometry)
    pdf = new_pdf(A4_WIDTH_MM, A4_HEIGHT_MM, f"Til trykkeriet: {file_name}", rollup.target)
    pdf.set_text_color(0, 0, 0)
    size = f"{cm(geometry.width_mm)} × {cm(geometry.height_mm)} cm"
    band = "#" + "".join(f"{value:02x}" for value in rollup.colours.band)
    bleed = (f"{decimal(geometry.bleed_mm)} mm på alle sider (BleedBox), "
             f"{cm(geometry.width_mm + 2 * geometry.bleed_mm)} × {cm(geometry.height_mm + 2 * geometry.bleed_mm)} cm"
             if geometry.bleed_mm else "ingen")
    rows = [
        ("Fil", file_name),
        ("Ferdig format", f"{size} (TrimBox)"),
        ("Utfallende", bleed),
        ("Skjæremerker", "utenfor utfallende kant" if geometry.bleed_mm else "ingen"),
        ("Sikker sone", f"{cm(geometry.safe_mm)} cm innenfor skjærekanten, uten tekst eller kode"),
        ("Kassett", f"de nederste {cm(geometry.cassette_mm)} cm står i foten, uten tekst eller kode"),
        ("QR-kode", f"{cm(geometry.qr_mm)} × {cm(geometry.qr_mm)} cm, vektor, midten "
                    f"{cm(placed.centre_above_floor(geometry))} cm over gulvet"),
        ("Skrifter", ", ".join(FONT_NAMES.values()) + ", innebygd i filen"),
        ("Farger", f"RGB: bånd {band}, tekst svart og {'hvit' if rollup.colours.on_band == WHITE else 'svart'}"),
        ("Skann", f"koden åpner {rollup.target}"),
    ]
    pdf.set_xy(20, 20)
    pdf.set_font(FONT, "B", 18)
    pdf.multi_cell(170, line_height(18), f"Til trykkeriet: roll-up {size}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(pdf.get_y() + 6)
    for label, value in rows:
        pdf.set_x(20)
        pdf.set_font(FONT, "B", 11)
        pdf.cell(40, line_height(11), label)
        pdf.set_font(FONT, "", 11)
        pdf.multi_cell(130, line_height(11), value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_y(pdf.get_y() + 2)
    if rollup.proof:
        pdf.set_y(pdf.get_y() + 6)
        pdf.set_x(20)
        pdf.set_font(FONT, "B", 14)
        pdf.multi_cell(170, line_height(14), f"{PROOF_WORD}: nettstedet har ikke sin endelige adresse ennå. "
                       "Ikke trykk før filen er laget på nytt uten dette merket.", align=Align.L, new_x=XPos.LMARGIN,
                       new_y=YPos.NEXT)
    return bytes(pdf.output())
