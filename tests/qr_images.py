"""Reading emitted QR codes back, as a phone would: PNG and SVG decoded with zxing-cpp, PDFs rendered by PDFium.

The SVG rasteriser draws the `<rect>` and `<path>` elements onto a black canvas, so an SVG without its
own white background (a dark quiet zone on a dark page) fails to decode. It draws no `<text>`: the
proof mark under a code is tested on the PNG, where it is drawn into the pixels.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import zxingcpp
from PIL import Image, ImageDraw

SVG_NS = "{http://www.w3.org/2000/svg}"
PIXELS_PER_UNIT = 8
POINTS_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Decoded:
    """A code zxing-cpp found: its text, error correction level, version and the symbol's width in pixels."""

    text: str
    ec_level: str
    version: int
    symbol_pixels: float

    @property
    def modules(self) -> int:
        """Modules across the symbol, quiet zone not included."""
        return 17 + 4 * self.version


def decode_image(image: Image.Image) -> list[Decoded]:
    found = zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
    return [Decoded(code.text, code.ec_level, int(code.extra["Version"]),
                    code.position.top_right.x - code.position.top_left.x) for code in found]


def decode_png(path: Path) -> list[Decoded]:
    with Image.open(path) as image:
        return decode_image(image)


def rasterise_svg(data: bytes) -> Image.Image:
    root = ET.fromstring(data)
    _, _, width, height = (float(value) for value in root.attrib["viewBox"].split())
    image = Image.new("L", (round(width * PIXELS_PER_UNIT), round(height * PIXELS_PER_UNIT)), 0)
    draw = ImageDraw.Draw(image)
    for element in root.iter():
        fill = _gray(element.get("fill", "#000"))
        if element.tag == f"{SVG_NS}rect":
            x, y = float(element.get("x", 0)), float(element.get("y", 0))
            w, h = float(element.attrib["width"]), float(element.attrib["height"])
            draw.rectangle(_scaled([(x, y), (x + w, y + h)]), fill=fill)
        elif element.tag == f"{SVG_NS}path":
            for polygon in _subpaths(element.attrib["d"]):
                draw.polygon(_scaled(polygon), fill=fill)
    return image


def decode_svg(path: Path) -> list[Decoded]:
    return decode_image(rasterise_svg(path.read_bytes()))


def _gray(colour: str) -> int:
    """A fill as one grey level: named black and white, or #rgb / #rrggbb averaged over the channels."""
    named = {"white": 255, "black": 0}
    colour = colour.lower()
    if colour in named:
        return named[colour]
    digits = colour.removeprefix("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return round(sum(int(digits[i:i + 2], 16) for i in (0, 2, 4)) / 3)


def _scaled(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return [(x * PIXELS_PER_UNIT, y * PIXELS_PER_UNIT) for x, y in points]


def _subpaths(d: str) -> list[list[tuple[float, float]]]:
    """Polygons of a path made of straight lines: M, L, H, V and Z, absolute and relative."""
    tokens = re.findall(r"[MmLlHhVvZz]|-?\d*\.?\d+(?:e-?\d+)?", d)
    polygons: list[list[tuple[float, float]]] = []
    x = y = 0.0
    command = ""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.isalpha():
            command = token
            index += 1
            if command in "Zz":
                start = polygons[-1][0]
                x, y = start
            continue
        if command in "Mm":
            dx, dy = float(tokens[index]), float(tokens[index + 1])
            x, y = (x + dx, y + dy) if command == "m" else (dx, dy)
            polygons.append([(x, y)])
            index += 2
            command = "l" if command == "m" else "L"
            continue
        if command in "Ll":
            dx, dy = float(tokens[index]), float(tokens[index + 1])
            x, y = (x + dx, y + dy) if command == "l" else (dx, dy)
            index += 2
        elif command in "Hh":
            value = float(tokens[index])
            x = x + value if command == "h" else value
            index += 1
        elif command in "Vv":
            value = float(tokens[index])
            y = y + value if command == "v" else value
            index += 1
        else:
            raise ValueError(f"path command {command!r} is not supported by this test rasteriser")
        polygons[-1].append((x, y))
    return polygons


@dataclass(frozen=True)
class PdfPage:
    """The first page of a PDF as PDFium reads it."""

    width_mm: float
    height_mm: float
    pages: int
    text: str
    image: Image.Image
    pixels_per_mm: float


def read_pdf(data: bytes, pixels_per_mm: float = 2.0) -> PdfPage:
    document = pypdfium2.PdfDocument(io.BytesIO(data))
    try:
        page = document[0]
        width, height = page.get_size()
        text = page.get_textpage().get_text_bounded()
        image = page.render(scale=pixels_per_mm / POINTS_PER_MM).to_pil()
        return PdfPage(width / POINTS_PER_MM, height / POINTS_PER_MM, len(document), text, image, pixels_per_mm)
    finally:
        document.close()


def code_width_mm(code: Decoded, pixels_per_mm: float) -> float:
    """Printed width of a decoded code, the four-module quiet zone on each side included."""
    return code.symbol_pixels / pixels_per_mm * (code.modules + 8) / code.modules
