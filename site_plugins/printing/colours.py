"""The prints' colours, from the site's own palette, and the contrast rule (WCAG 2 AA) they are checked against.

The roll-up's band takes the dark shade of the theme's primary colour (`theme.palette.primary` in
mkdocs.yml, as Material for MkDocs defines it), so the print and the site look alike. Its title is set in
white or black, whichever reads better on it; the address under the code is set in the band's colour on
white, which a light palette (yellow, lime) makes too faint: the preflight says so.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RGB = tuple[int, int, int]
WHITE: RGB = (255, 255, 255)
BLACK: RGB = (0, 0, 0)
DEFAULT_PRIMARY = "indigo"
INDIGO_DARK: RGB = (0x30, 0x3F, 0xA1)
"""Material's `--md-primary-fg-color--dark` for indigo, the bundled site's primary colour."""
AA_CONTRAST = 4.5
"""WCAG 2 level AA's least contrast for text (large text may have 3, but a roll-up is read from afar)."""


@dataclass(frozen=True)
class PrintColours:
    """The band's colour and the text colour on it; the rest of the sheet is black on white."""

    band: RGB = INDIGO_DARK
    on_band: RGB = WHITE

    @classmethod
    def from_band(cls, band: RGB) -> PrintColours:
        """A band of `band`, its text in white or black, whichever contrasts more."""
        on_band = WHITE if contrast(WHITE, band) >= contrast(BLACK, band) else BLACK
        return cls(band, on_band)


def contrast(first: RGB, second: RGB) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: RGB) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def palette_colours(primary: str | None) -> PrintColours:
    """The prints' colours for Material's primary colour `primary` (e.g. `indigo`); indigo when the theme names
    none, or one Material does not define in hex (a custom colour set in CSS)."""
    band = _material_dark_shades().get(primary or DEFAULT_PRIMARY, INDIGO_DARK)
    return PrintColours.from_band(band)


@cache
def _material_dark_shades() -> dict[str, RGB]:
    """`--md-primary-fg-color--dark` of every primary colour in Material's palette stylesheet, in hex."""
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:  # the core runs without the theme, e.g. in tests of the core
        return {}
    folder = Path(spec.origin).parent / "templates" / "assets" / "stylesheets"
    shades: dict[str, RGB] = {}
    for sheet in folder.glob("palette.*.min.css"):
        text = sheet.read_text(encoding="utf-8")
        for name, rule in re.findall(r"\[data-md-color-primary=([a-z-]+)\]\{([^}]*)\}", text):
            if match := re.search(r"--md-primary-fg-color--dark:#([0-9a-f]{6})\b", rule):
                digits = match.group(1)
                shades[name] = (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))
    return shades
