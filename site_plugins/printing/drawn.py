"""Print files drawn through the content-addressed cache: a page's QR code as SVG and PNG, a poster as PDF.

A drawn file's cache key holds everything it is made from, including `renderer_version()`: the
libraries' versions and a hash of our drawing code and fonts, so a change to any of them draws anew.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import asdict
from functools import cache
from importlib import metadata
from pathlib import Path

from ..web.cache import FileCache
from ..web.output import GeneratedFile
from ..web.qr import PRINT_DPI, PageCode, encode, png, qr_renderer_version, svg
from . import posters
from .posters import FONT_FILES, FONT_FOLDER, Poster, Sheet, poster_pdf

PRINT_FOLDER = "utskrift"
"""Where the posters go in the site (`utskrift/rollup-85x200.pdf`)."""


def poster_file(cache: FileCache, path: str, poster: Poster, sheet: Sheet) -> GeneratedFile:
    """The poster as a PDF at the sheet's size, drawn only when the cache does not hold it yet."""
    inputs = {"kind": "poster", "poster": asdict(poster), "sheet": asdict(sheet), "renderer": renderer_version()}
    drawn = cache.fetch_file(inputs, ".pdf", lambda: poster_pdf(poster, sheet, encode(poster.target)))
    return GeneratedFile(path, drawn)


def code_files(cache: FileCache, code: PageCode, width_mm: float, *, proof: bool = False) -> Iterator[GeneratedFile]:
    """The code's SVG and 300-dpi PNG (proofs marked «PRØVETRYKK» with `proof`), each drawn only when the cache
    does not hold it yet."""
    inputs = {"target": code.target, "width_mm": width_mm, "renderer": renderer_version(), "proof": proof}
    title = f"QR-kode til {code.target}"
    yield GeneratedFile(
        code.svg,
        cache.fetch_file(
            {**inputs, "kind": "svg", "title": title},
            ".svg",
            lambda: svg(encode(code.target), width_mm, title, proof=proof),
        ),
    )
    yield GeneratedFile(
        code.png,
        cache.fetch_file(
            {**inputs, "kind": "png", "dpi": PRINT_DPI}, ".png", lambda: png(encode(code.target), width_mm, proof=proof)
        ),
    )


@cache
def renderer_version() -> dict[str, str]:
    """What else a drawn file depends on: the libraries' versions and a hash of our drawing code and fonts."""
    versions = {**qr_renderer_version(), "fpdf2": metadata.version("fpdf2")}
    digest = hashlib.sha256()
    for path in (Path(posters.__file__), *(FONT_FOLDER / name for name in FONT_FILES.values())):
        digest.update(path.read_bytes())
    versions["drawing"] = digest.hexdigest()
    return versions
