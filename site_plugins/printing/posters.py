"""Posters as print-ready PDFs: a headline, a line or two of text, a QR code and the address under it.

Built with fpdf2: pure Python, measures in millimetres (the sizes on the sheet are physical, not pixels),
embeds and subsets TrueType fonts, and is well kept. The fonts are DejaVu Sans, shipped in
`assets/fonts/` so a build never depends on the fonts of the machine it runs on. Everything is black on
white (DeviceGray), and the code is one vector path, sharp at any size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..readiness.proof import PROOF_WORD
from ..web.norwegian import decimal
from ..web.qr import Modules, dark_runs

if TYPE_CHECKING:
    from fpdf import FPDF

FONT_FOLDER = Path(__file__).parent.parent / "assets" / "fonts"
FONT = "DejaVuSans"
FONT_FILES = {"": "DejaVuSans-Print.ttf", "B": "DejaVuSans-Bold-Print.ttf"}
"""DejaVu Sans cut down to the Latin scripts (Basic Latin, Latin-1, Latin Extended A, B and Additional, so
Norwegian and Sámi names), combining marks and the punctuation, currency, letterlike and arrow blocks. A fifth
of the full fonts' size, they load three times as fast, which counts with a card for every organisation. Made with
fontTools: `python -m fontTools.subset DejaVuSans.ttf --unicodes="U+0020-007E,U+00A0-024F,U+02B0-02FF,
U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2212,U+FFFD" --layout-features='*'`."""
MM_PER_PT = 25.4 / 72
A4_WIDTH_MM = 210
A4_HEIGHT_MM = 297
BLACK = 0
PROOF_GRAY = 200
"""The proof mark's grey (0 black, 255 white): plain to see, yet light enough that a code over it still scans."""
TYPE_SCALES = (1.0, 0.9, 0.8, 0.7, 0.6)
"""Type sizes tried in turn until the text fits beside the code."""


@dataclass(frozen=True)
class Poster:
    """What a poster says; the layout is the same on A4 and on a roll-up, scaled to the sheet."""

    headline: str
    lines: tuple[str, ...]
    """One or two short sentences under the headline."""
    target: str
    """The absolute address the QR code encodes."""
    address: str
    """The address printed under the code, for those who type it."""
    details: tuple[str, ...] = ()
    """Lines under the address: the staffed hours, or an event's date and place."""
    footer: str = ""
    proof: bool = False
    """True while `site_url` is a placeholder: the sheet then carries «PRØVETRYKK» from corner to corner."""


@dataclass(frozen=True)
class Sheet:
    """A sheet's size and the printed width of its code, in millimetres."""

    width_mm: float
    height_mm: float
    qr_mm: float


class LayoutError(ValueError):
    """The poster's text and code do not fit on the sheet."""


def poster_pdf(poster: Poster, sheet: Sheet, modules: Modules) -> bytes:
    """A one-page PDF of `poster` at the sheet's real size, with `modules` drawn `sheet.qr_mm` wide.

    Long text is set smaller, never the code; LayoutError when even the smallest type does not fit.
    A proof carries «PRØVETRYKK» corner to corner, as text, under everything else on the sheet.
    """
    pdf = _blank_pdf(poster, sheet)
    if poster.proof:
        _draw_proof_mark(pdf, sheet)
    for type_scale in TYPE_SCALES:
        layout = _Layout(sheet, type_scale)
        above, below, footer = layout.blocks(pdf, poster)
        free = (sheet.height_mm - layout.top - layout.bottom - sheet.qr_mm
                - sum(block.space for block in (*above, *below, *footer)))
        if free >= 2 * layout.gap and sheet.qr_mm <= layout.width:
            break
    else:
        raise LayoutError(f"the text and a {cm(sheet.qr_mm)} cm QR code do not fit on a {cm(sheet.width_mm)} × "
                          f"{cm(sheet.height_mm)} cm sheet; make the code smaller or the sheet larger")
    pdf.set_y(layout.top)
    layout.write(pdf, above)
    # A quarter of the free space above the code: on a roll-up that puts it at chest height.
    qr_top = pdf.get_y() + free / 4
    draw_code(pdf, modules, (sheet.width_mm - sheet.qr_mm) / 2, qr_top, sheet.qr_mm)
    pdf.set_y(qr_top + sheet.qr_mm)
    layout.write(pdf, below)
    pdf.set_y(sheet.height_mm - layout.bottom - sum(block.space for block in footer))
    layout.write(pdf, footer)
    return bytes(pdf.output())


def _blank_pdf(poster: Poster, sheet: Sheet) -> FPDF:
    # fpdf2 is imported only when a poster is drawn: a build whose posters come from the cache skips it.
    from fpdf import FPDF

    pdf = FPDF(unit="mm", format=(sheet.width_mm, sheet.height_mm))
    pdf.set_auto_page_break(False)
    pdf.c_margin = 0
    for style, name in FONT_FILES.items():
        pdf.add_font(FONT, style, FONT_FOLDER / name)
    pdf.set_title(poster.headline)
    pdf.set_subject(poster.target)
    pdf.set_creator("Torget")
    pdf.set_lang("nb-NO")
    pdf.add_page()
    pdf.set_text_color(BLACK)
    return pdf


@dataclass(frozen=True)
class _Block:
    """A paragraph as laid out: its type, and the gap above it plus its height, in mm."""

    style: str
    size_pt: float
    text: str
    gap: float
    height: float

    @property
    def space(self) -> float:
        return self.gap + self.height


class _Layout:
    """Margins and type sizes, scaled from an A4 design to the sheet, times `type_scale`."""

    def __init__(self, sheet: Sheet, type_scale: float):
        # Type grows with the sheet; the narrower side sets the scale, so odd shapes still fit.
        scale = min(sheet.width_mm / A4_WIDTH_MM, sheet.height_mm / A4_HEIGHT_MM) * type_scale
        self.side = 0.09 * sheet.width_mm
        self.top = 1.2 * self.side
        # The foot of a roll-up hides the lowest part of the print.
        self.bottom = max(self.side, 0.07 * sheet.height_mm)
        self.width = sheet.width_mm - 2 * self.side
        self.headline_pt = 40 * scale
        self.body_pt = 20 * scale
        self.address_pt = 26 * scale
        self.detail_pt = 18 * scale
        self.footer_pt = 11 * scale
        self.gap = 0.6 * self.body_pt * MM_PER_PT

    def blocks(self, pdf: FPDF, poster: Poster) -> tuple[list[_Block], list[_Block], list[_Block]]:
        """The paragraphs above the code, below it, and at the foot of the sheet."""
        headline_pt = self.fit(pdf, "B", self.headline_pt, poster.headline.split())
        # An address broken over two lines is hard to type: it gets one line, smaller if need be.
        address_pt = self.fit(pdf, "B", self.address_pt, [poster.address])
        above = [self.block(pdf, "B", headline_pt, poster.headline, 0),
                 *(self.block(pdf, "", self.body_pt, line, self.gap) for line in poster.lines)]
        below = [self.block(pdf, "B", address_pt, poster.address, self.gap / 2),
                 *(self.block(pdf, "", self.detail_pt, line, self.gap / 2) for line in poster.details)]
        footer = [self.block(pdf, "", self.footer_pt, poster.footer, 0)] if poster.footer else []
        return above, below, footer

    def fit(self, pdf: FPDF, style: str, size: float, pieces: list[str]) -> float:
        """`size`, or smaller if one of the pieces that must not be broken would not fit the width."""
        pdf.set_font(FONT, style, size)
        widest = max(pdf.get_string_width(piece) for piece in pieces)
        return size * min(1.0, 0.99 * self.width / widest)

    def block(self, pdf: FPDF, style: str, size: float, text: str, gap: float) -> _Block:
        pdf.set_font(FONT, style, size)
        from fpdf.enums import MethodReturnValue

        lines = pdf.multi_cell(self.width, text=text, dry_run=True, output=MethodReturnValue.LINES)
        assert isinstance(lines, list)
        return _Block(style, size, text, gap, len(lines) * line_height(size))

    def write(self, pdf: FPDF, blocks: list[_Block]) -> None:
        from fpdf.enums import Align, XPos, YPos

        for block in blocks:
            pdf.set_font(FONT, block.style, block.size_pt)
            pdf.set_xy(self.side, pdf.get_y() + block.gap)
            pdf.multi_cell(self.width, line_height(block.size_pt), block.text, align=Align.C,
                           new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _draw_proof_mark(pdf: FPDF, sheet: Sheet) -> None:
    """«PRØVETRYKK» in light grey along the sheet's rising diagonal, three quarters of its length."""
    angle = math.degrees(math.atan2(sheet.height_mm, sheet.width_mm))
    diagonal = math.hypot(sheet.width_mm, sheet.height_mm)
    pdf.set_font(FONT, "B", 100)
    size = 100 * 0.75 * diagonal / pdf.get_string_width(PROOF_WORD)
    pdf.set_font(FONT, "B", size)
    pdf.set_text_color(PROOF_GRAY)
    centre_x, centre_y = sheet.width_mm / 2, sheet.height_mm / 2
    with pdf.rotation(angle, centre_x, centre_y):
        # The baseline sits a third of the type size below the centre, so the capitals straddle it.
        pdf.text(centre_x - pdf.get_string_width(PROOF_WORD) / 2, centre_y + size * MM_PER_PT / 3, PROOF_WORD)
    pdf.set_text_color(BLACK)


def draw_code(pdf: FPDF, modules: Modules, x: float, y: float, width: float) -> None:
    """The code as a single filled path of rectangles, so no seam shows between rows."""
    from fpdf.drawing import DeviceGray
    from fpdf.enums import PathPaintRule

    module = width / len(modules)
    with pdf.new_path(paint_rule=PathPaintRule.FILL_NONZERO) as path:
        path.style.fill_color = DeviceGray(BLACK)
        path.style.stroke_color = None
        for column, row, length in dark_runs(modules):
            path.rectangle(x + column * module, y + row * module, length * module, module)


def line_height(size_pt: float) -> float:
    return 1.25 * size_pt * MM_PER_PT


def cm(mm: float) -> str:
    """A length given in millimetres, as centimetres for people: 85 -> "8,5"."""
    return decimal(mm / 10)
