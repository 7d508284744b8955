"""The print files' options from mkdocs.yml, and what may be wrong with them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROLLUP_QR_MIN_CM = 20


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
    return [f"torget: {problem}" for problem in problems]
