"""QR codes for the kiosk screen, packed one bit per module for the kiosk's script to draw as SVG.

The codes themselves are `web.qr.encode`'s (the site's one rule for codes: level, quiet zone).
Hundreds of addresses are shown on the kiosk; as SVG markup they would weigh megabytes,
packed they weigh a few kilobytes.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from pathlib import Path

from ..web.qr import QUIET_ZONE, encode, qr_renderer_version


def packed_code(target: str) -> dict[str, int | str]:
    """The code for `target` as {"n": modules per side, "m": base64 of the modules row by row, 1 bit each}.

    The quiet zone (always light) is left out to save a third of the bytes; the kiosk draws it back.
    """
    modules = [row[QUIET_ZONE:-QUIET_ZONE] for row in encode(target)[QUIET_ZONE:-QUIET_ZONE]]
    bits = [dark for row in modules for dark in row]
    packed = bytearray((len(bits) + 7) // 8)
    for index, dark in enumerate(bits):
        if dark:
            packed[index // 8] |= 0x80 >> (index % 8)
    return {"n": len(modules), "m": base64.b64encode(packed).decode("ascii")}


@cache
def packing_version() -> dict[str, str]:
    """What a packed code depends on besides its address: how codes are drawn, and this module's code."""
    return {**qr_renderer_version(), "packing": hashlib.sha256(Path(__file__).read_bytes()).hexdigest()}
