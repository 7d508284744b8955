"""Print files drawn through the content-addressed cache: a page's QR code as SVG and PNG, a poster as PDF.

A drawn file's cache key holds everything it is made from, including `renderer_version()`: the
libraries' versions and a hash of our drawing code and fonts, so a change to any of them draws anew.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import asdict, replace
from functools import cache
from importlib import metadata
from pathlib import Path

from ..web.cache import FileCache
from ..web.output import GeneratedFile
from ..web.qr import PRINT_DPI, PageCode, encode, png, qr_renderer_version, svg
from . import posters, rollup
from .posters import FONT_FILES, FONT_FOLDER, Poster, Sheet, poster_pdf
from .rollup import Geometry, Rollup, proof_sheet_pdf, rollup_pdf

PRINT_FOLDER = "utskrift"
"""Where the posters go in the site (`utskrift/rollup-85x200.pdf`)."""


def poster_file(cache: FileCache, path: str, poster: Poster, sheet: Sheet) -> GeneratedFile:
    """The poster as a PDF at the sheet's size, drawn only when the cache does not hold it yet."""
    inputs = {"kind": "poster", "poster": asdict(poster), "sheet": asdict(sheet), "renderer": renderer_version()}
    drawn = cache.fetch_file(inputs, ".pdf", lambda: poster_pdf(poster, sheet, encode(poster.target)))
    return GeneratedFile(path, drawn)


def rollup_file(cache: FileCache, path: str, content: Rollup, geometry: Geometry) -> GeneratedFile:
    """The roll-up as a print shop's PDF, drawn only when the cache does not hold it yet."""
    inputs = {"kind": "rollup", **_rollup_inputs(content, geometry)}
    drawn = cache.fetch_file(inputs, ".pdf", lambda: rollup_pdf(content, geometry, encode(content.target)))
    return GeneratedFile(path, drawn)


def proof_sheet_file(cache: FileCache, path: str, content: Rollup, geometry: Geometry, file_name: str) -> GeneratedFile:
    """The A4 sheet that tells the print shop the roll-up's sizes, zones and fonts."""
    inputs = {"kind": "rollup-sheet", "file": file_name, **_rollup_inputs(content, geometry)}
    drawn = cache.fetch_file(inputs, ".pdf", lambda: proof_sheet_pdf(content, geometry, file_name))
    return GeneratedFile(path, drawn)


def _rollup_inputs(content: Rollup, geometry: Geometry) -> dict[str, object]:
    # The logo by its content, not its path: new artwork under the same name draws the roll-up anew.
    logo = hashlib.sha256(content.logo.path.read_bytes()).hexdigest() if content.logo else None
    return {"rollup": asdict(replace(content, logo=None)), "logo": logo, "geometry": asdict(geometry),
            "renderer": renderer_version()}


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
    versions = {**qr_renderer_version(), "fpdf2": metadata.version("fpdf2"), "pypdf": metadata.version("pypdf")}
    digest = hashlib.sha256()
    for path in (Path(posters.__file__), Path(rollup.__file__), *(FONT_FOLDER / name for name in FONT_FILES.values())):
        digest.update(path.read_bytes())
    versions["drawing"] = digest.hexdigest()
    return versions
