"""Weight of the kiosk's first load: the bundled organisations, and N synthetic ones.

Usage: python benchmarks/kiosk_weight.py [N ...]   (default: 1000)

Prints, for each data set, the bytes of the kiosk's data (inline JSON), of the whole page, and of
everything the first load fetches (page, stylesheet, scripts, staffed intervals and shifts), against the
500 KB budget; and the organisations' cards (`kiosk/organisasjoner.json`), which the kiosk fetches
once its first screen is up and its service worker keeps for offline use; and the English file
(`kiosk/en.json`), fetched when a visitor chooses English. The kiosk is built with both languages (the
synthetic organisations have English descriptions). Uncompressed: a kiosk's local server may not compress.
HTTP headers come on top (a few hundred bytes a file); tests/test_kiosk_browser.py measures the real
transfer in Chromium.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import synthesise  # noqa: E402
from site_plugins.hours.pages import HOURS_JSON, hours_files  # noqa: E402
from site_plugins.i18n.catalogues import load_catalogue  # noqa: E402
from site_plugins.i18n.language import install  # noqa: E402
from site_plugins.i18n.languages import SiteLanguages  # noqa: E402
from site_plugins.kiosk.data import DETAILS_FILE, language_file  # noqa: E402
from site_plugins.kiosk.page import SERVICE_WORKER, SITE_SCRIPTS, kiosk_files  # noqa: E402
from site_plugins.shifts.pages import SHIFTS_JSON, shift_files  # noqa: E402
from site_plugins.site import SiteSources, load_site  # noqa: E402
from site_plugins.web.assets import asset_files  # noqa: E402
from site_plugins.web.cache import FileCache  # noqa: E402
from site_plugins.web.urls import SiteUrls  # noqa: E402

BUDGET = 500_000
SITE_URL = "https://torget.example.no/"
LANGUAGES = SiteLanguages(("nb", "en"))


def first_load(sources: SiteSources) -> tuple[int, int, int, int, int, int]:
    """(organisations, data bytes, page bytes, first-load bytes, cards bytes, English file bytes) for the site these
    sources make, with English."""
    install("en", load_catalogue("en").translations)
    site = load_site(sources)
    urls = SiteUrls(SITE_URL)
    files = {f.path: f.content for f in (*asset_files(), *hours_files(site.hours, site.closed_days, urls),
                                         *shift_files(site.shifts, site.directory, urls),
                                         *kiosk_files(site.directory, site.events, site.hours, urls,
                                                      FileCache(site.prints.cache_folder), LANGUAGES))}
    page = files["kiosk/index.html"]
    data = re.search(r'<script type="application/json" id="kiosk-data">(.*?)</script>', page, re.DOTALL).group(1)
    english = f"kiosk/{language_file('en')}"
    later = {f"kiosk/{DETAILS_FILE}", f"kiosk/{SERVICE_WORKER}", english}
    loaded = [path for path in files if path.startswith("kiosk/") and not path.endswith(".md") and path not in later]
    # The site's scripts (start-up rule, search rule, "Åpent nå", today's organisations) and the data they fetch.
    loaded += [*SITE_SCRIPTS, HOURS_JSON, SHIFTS_JSON]
    size = {path: len(content.encode("utf-8") if isinstance(content, str) else content)
            for path, content in files.items()}
    return (len(site.directory.organisations), len(data.encode("utf-8")), size["kiosk/index.html"],
            sum(size[path] for path in loaded), size[f"kiosk/{DETAILS_FILE}"], size[english])


def report(label: str, figures: tuple[int, int, int, int, int, int]) -> None:
    count, data, page, total, cards, english = figures
    print(f"{label:<22} {count:>6} orgs  data {data / 1000:8.1f} KB  page {page / 1000:8.1f} KB  "
          f"first load {total / 1000:8.1f} KB  ({total / BUDGET:5.0%} of 500 KB)  then cards {cards / 1000:8.1f} KB"
          f"  English {english / 1000:8.1f} KB")


def main(counts: list[int]) -> None:
    report("bundled", first_load(SiteSources(root=REPO, organisations=REPO / "organisations", languages=("en",))))
    for count in counts:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            synthesise(root / "organisations", count)
            (root / "docs").mkdir()  # no events: they name bundled organisations as organisers
            figures = first_load(SiteSources(root=root, organisations=root / "organisations", docs=root / "docs",
                                             languages=("en",)))
            report(f"synthetic {count}", figures)
            print(f"{'':<22} {figures[1] / count:8.0f} bytes of first-load data, {figures[4] / count:5.0f} bytes "
                  f"of cards and {figures[5] / count:5.0f} bytes of English per organisation")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000])
