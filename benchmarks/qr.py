"""QR codes and print files: the cold cost (empty cache) against the warm cost (nothing changed).

Usage: python benchmarks/qr.py [N]   (default: 1000)

Synthesises N organisations, then asks the core for every code and poster twice with the same cache
folder, as two builds in a row would, and prints both times and the ratio (cold / warm). The warm run
should cost next to nothing: it hashes each file's inputs and reads the file.
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from build import synthesise  # noqa: E402  (the build benchmark's synthetic organisations)
from site_plugins.printing.catalogue import catalogue_files  # noqa: E402
from site_plugins.site import SiteSources, load_site  # noqa: E402
from site_plugins.web.clock import oslo_date  # noqa: E402
from site_plugins.web.qr import encode  # noqa: E402
from site_plugins.web.urls import SiteUrls  # noqa: E402

SITE_URL = "https://torget.example.no/"


def timed_run(site) -> tuple[float, int]:
    """Seconds to produce every code and print file, and their total size in bytes."""
    encode.cache_clear()  # as in a fresh build process
    start = time.perf_counter()
    files = list(
        catalogue_files(
            site.prints,
            SiteUrls(SITE_URL),
            hours=(),
            directory=site.directory,
            events=site.events,
            today=oslo_date(site.hours.now),
        )
    )
    return time.perf_counter() - start, sum(len(file.content) for file in files)


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        synthesise(root / "organisations", count)
        sources = SiteSources(root=root, organisations=root / "organisations")
        site = load_site(sources)
        site = replace(site, prints=replace(site.prints, cache_folder=root / ".cache" / "torget"))
        cold, size = timed_run(site)
        warm, _ = timed_run(site)
        cached = sum(1 for path in (root / ".cache").rglob("*") if path.is_file())
    print(f"{count} organisations: {cached} cached files, {size / 1e6:.1f} MB in the site")
    print(f"cold (empty cache): {cold:8.2f} s")
    print(f"warm (no change):   {warm:8.3f} s")
    print(f"ratio cold / warm:  {cold / warm:8.0f} ×")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
