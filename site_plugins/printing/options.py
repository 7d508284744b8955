"""The print files' options from mkdocs.yml, and what may be wrong with them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .colours import PrintColours

ROLLUP_QR_MIN_CM = 20
CARD_SIZES = {"A6": (105, 148), "A5": (148, 210)}
"""The organisation cards' paper sizes (portrait, mm)."""


@dataclass(frozen=True)
class PrintOptions:
    """The print files' settings from mkdocs.yml (see `config.py` for what each means)."""

    title: str = "Pasient- og pårørendetorget"
    rollup_width_cm: float = 85
    rollup_height_cm: float = 200
    rollup_qr_cm: float = 40
    short_address: str | None = None
    footer: str = ""
    cache_folder: Path | None = None
    bleed_mm: float = 5
    safe_margin_cm: float = 3
    cassette_cm: float = 10
    card_size: str = "A6"
    logo: Path | None = None
    logo_option: str = ""
    """The `logo` option as written in mkdocs.yml, for messages."""
    colours: PrintColours = field(default_factory=PrintColours)


def print_option_problems(options: PrintOptions, docs_dir: Path, site_dir: Path) -> list[str]:
    """What is wrong with the print options, as messages naming the option in mkdocs.yml."""
    problems = []
    cache = options.cache_folder
    for name, folder in (("docs_dir", docs_dir), ("site_dir", site_dir)):
        if cache is not None and cache.resolve().is_relative_to(folder.resolve()):
            problems.append(f"cache_dir {cache} is inside {name} ({folder}); keep the cache outside both, "
                            "like the default .cache/torget beside mkdocs.yml")
    if not 30 <= options.rollup_width_cm <= 300:
        problems.append(
            f"rollup_width_cm is {options.rollup_width_cm:g}; give the print's width in centimetres, 30 to 300"
        )
    # 500 cm is close to the largest page a PDF reader must accept (200 inches).
    if not 50 <= options.rollup_height_cm <= 500:
        problems.append(
            f"rollup_height_cm is {options.rollup_height_cm:g}; give the print's height in centimetres, 50 to 500"
        )
    widest = 0.8 * options.rollup_width_cm
    if not ROLLUP_QR_MIN_CM <= options.rollup_qr_cm <= max(widest, ROLLUP_QR_MIN_CM):
        problems.append(
            f"rollup_qr_cm is {options.rollup_qr_cm:g}; the roll-up's QR code must be at least "
            f"{ROLLUP_QR_MIN_CM} cm wide to scan from a few metres, and at most {widest:g} cm "
            "(80 % of the roll-up's width)"
        )
    problems += _print_shop_problems(options)
    return [f"torget: {problem}" for problem in problems]


def _print_shop_problems(options: PrintOptions) -> list[str]:
    """Bleed, safe margin and cassette zone that are out of range or leave no room for the code; a bad logo."""
    from .rollup import geometry_of

    problems = []
    if not 0 <= options.bleed_mm <= 20:
        problems.append(f"bleed_mm is {options.bleed_mm:g}; give the bleed in millimetres, 0 (none) to 20 "
                        "(print shops ask for 3 to 5)")
    if not 0 <= options.safe_margin_cm <= 20:
        problems.append(f"safe_margin_cm is {options.safe_margin_cm:g}; give the margin in centimetres, 0 to 20")
    if not 0 <= options.cassette_cm <= 50:
        problems.append(f"cassette_cm is {options.cassette_cm:g}; give the height the stand's foot hides in "
                        "centimetres, 0 to 50")
    if not problems and (room := geometry_of(options).room_problem()):
        problems.append(f"safe_margin_cm {options.safe_margin_cm:g} and cassette_cm {options.cassette_cm:g}: {room}; "
                        "make them or rollup_qr_cm smaller, or the roll-up larger")
    if options.card_size not in CARD_SIZES:
        problems.append(f"card_size is {options.card_size!r}; choose one of {', '.join(CARD_SIZES)}")
    if options.logo is not None and not problems:
        problems += _logo_problems(options)
    return problems


def _logo_problems(options: PrintOptions) -> list[str]:
    from .rollup import geometry_of, read_logo

    assert options.logo is not None
    written = options.logo_option or str(options.logo)
    if not options.logo.is_file():
        return [f"logo: {written} does not exist; give a PNG or JPEG file of the hospital's artwork, relative to "
                "mkdocs.yml, or leave the option out"]
    logo = read_logo(options.logo)
    if logo is None:
        return [f"logo: {written} is not a PNG or JPEG image; export the artwork as PNG"]
    geometry = geometry_of(options)
    if (dpi := logo.dpi(geometry)) < 150:
        width = logo.printed_mm(geometry)[0]
        least = round(width / 25.4 * 150)
        return [f"logo: {written} is {logo.pixels[0]} pixels wide, {dpi:.0f} dpi at its printed width of "
                f"{width / 10:g} cm; a print needs at least 150 dpi, {least} pixels"]
    return []
