"""How often the site's search finds the right organisation among the first three results.

Usage: python benchmarks/search.py [queries.yaml]   (default: benchmarks/search_queries.yaml)
       python benchmarks/search.py benchmarks/search_queries_en.yaml   (the English site's search)

A query file may name its site's language (`language: en`): the queries are then typed into that
language's site under /<code>/ (built with `drafts: true` while the language is incomplete), whose index
and keyword field are its own.

Builds the bundled site in a temporary folder, serves it on localhost and types every query of
the query set into Material's site search in headless Chromium (Debian's chromium). Prints the
share found among the first three per kind of query and overall, the misses, how many
organisations the directory's filter (and the kiosk, which shares its rule and data) shows for
the same queries, and the size of the search index (raw and gzip) without and with the keyword
field this build adds (keywords in both languages, synonyms, phrase terms): the budget is 25 %.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, serve_folder  # noqa: E402
from search_pages import PLACEHOLDERS, filter_matches, open_site_search, site_search  # noqa: E402

from site_plugins.search.index import KEYWORDS_FIELD  # noqa: E402

TOP = 3
GROWTH_BUDGET = 0.25


def load_queries(path: Path) -> tuple[str, list[tuple[str, str, list[str]]]]:
    """The site's language ("nb" unless the file says `language:`), and (kind, query, acceptable slugs) for every
    query in the file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    language = str(data.pop("language", "nb"))
    return language, [
        (kind, str(item["query"]), [item["expect"]] if isinstance(item["expect"], str) else list(item["expect"]))
        for kind, items in data.items() for item in items]


def build_site(folder: Path, language: str = "nb") -> Path:
    """The bundled site in `folder`; with another language, a staging build (`drafts: true`), so the language's
    site is built while it is incomplete. Returns the folder of the language's site."""
    for name in ("docs", "docs-en", "organisations"):
        shutil.copytree(REPO / name, folder / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if language != "nb":
        config = config.replace("  - torget:\n", "  - torget:\n      drafts: true\n", 1)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=folder, capture_output=True, text=True,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(Path(sys.executable).parent),
                                 "PYTHONPATH": str(REPO)})  # this checkout's plugin, not the one installed
    if result.returncode:
        sys.exit(result.stderr)
    return folder / "site" / ("" if language == "nb" else language)


def index_sizes(site: Path) -> tuple[tuple[int, int], tuple[int, int]]:
    """((raw, gzip) without the keyword field, (raw, gzip) as built)."""
    built = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    index = json.loads(built)
    index["config"]["fields"].pop(KEYWORDS_FIELD, None)
    for doc in index["docs"]:
        doc.pop(KEYWORDS_FIELD, None)
    plain = json.dumps(index, separators=(",", ":"))  # as Material writes it

    def sizes(text: str) -> tuple[int, int]:
        data = text.encode("utf-8")
        return len(data), len(gzip.compress(data, 9))

    return sizes(plain), sizes(built)


def main(path: Path) -> None:
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} is missing (apt install chromium)")
    from playwright.sync_api import sync_playwright

    language, queries = load_queries(path)
    placeholder = PLACEHOLDERS[language]
    with tempfile.TemporaryDirectory() as folder:
        site = build_site(Path(folder), language)
        with serve_folder(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            open_site_search(page, base, placeholder)
            started = time.perf_counter()
            results = [site_search(page, query, placeholder) for _, query, _ in queries]
            elapsed = time.perf_counter() - started
            page.goto(base + "organisasjoner/")
            shown = filter_matches(page, [query for _, query, _ in queries])
            browser.close()
        before, after = index_sizes(site)

    kinds: dict[str, list[bool]] = {}
    misses = []
    for (kind, query, expected), found in zip(queries, results, strict=True):
        top = list(dict.fromkeys(found))[:TOP]
        hit = any(slug in top for slug in expected)
        kinds.setdefault(kind, []).append(hit)
        if not hit:
            misses.append(
                f"  {kind:<10} {query!r}: expected {' or '.join(expected)}, got {', '.join(top) or 'nothing'}"
            )
    hits = sum(sum(values) for values in kinds.values())
    print(f"Site search ({language}), {len(queries)} queries ({path.name}), first {TOP} results:")
    for kind, values in kinds.items():
        print(f"  {kind:<10} {sum(values):>3} / {len(values):<3} {sum(values) / len(values):6.0%}")
    print(
        f"  {'all':<10} {hits:>3} / {len(queries):<3} {hits / len(queries):6.0%}   "
        f"({elapsed / len(queries) * 1000:.0f} ms a query in the browser)"
    )
    print("Misses:" if misses else "Misses: none")
    print("\n".join(misses))

    found_in_filter = [
        any(slug in matched for slug in expected) for (_, _, expected), matched in zip(queries, shown, strict=True)
    ]
    counts = sorted(len(matched) for matched in shown)
    print(
        f"Directory filter and kiosk (one rule, same data): the expected organisation is shown for "
        f"{sum(found_in_filter)} / {len(queries)} ({sum(found_in_filter) / len(queries):.0%}); "
        f"organisations shown: median {counts[len(counts) // 2]}, most {counts[-1]}"
    )
    filter_misses = [query for (_, query, _), ok in zip(queries, found_in_filter, strict=True) if not ok]
    if filter_misses:
        print(f"  not shown for: {', '.join(map(repr, filter_misses))}")

    (raw0, gz0), (raw1, gz1) = before, after
    print(
        f"Search index (before: as Material writes it): {raw0:,} → {raw1:,} bytes raw ({raw1 / raw0 - 1:+.1%}), "
        f"{gz0:,} → {gz1:,} bytes gzip ({gz1 / gz0 - 1:+.1%}); budget +{GROWTH_BUDGET:.0%}: "
        f"{'met' if max(raw1 / raw0, gz1 / gz0) - 1 <= GROWTH_BUDGET else 'NOT MET'}"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "benchmarks" / "search_queries.yaml")
