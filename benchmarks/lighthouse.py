"""Lighthouse on every page type, as a phone sees the site behind the production nginx set-up.

Usage: python benchmarks/lighthouse.py [--runs N] [--site FOLDER] [--http] [--pages home,organisation,...]

Builds the site (unless --site names a built one), serves it with deploy/nginx/torget.conf on a
free loopback port (deploy/local_nginx.py), over HTTPS with HTTP/2 as the published site (a
self-signed certificate for the run; --http for plain HTTP/1.1), and runs Lighthouse's default mobile preset (a
mid-range phone on slow 4G with 4x CPU slowdown, simulated) in Debian's Chromium against each
page type. Prints the four category scores, LCP, TBT and CLS per page type; with --runs N, the
median of N runs. Lighthouse comes from npm, pinned by benchmarks/package-lock.json and installed
with `npm ci` into benchmarks/node_modules on first use. Targets (issue 17): performance >= 98,
accessibility, best practices and SEO 100 (the kiosk is noindex on purpose), CLS < 0.1, LCP <= 1.5 s.
Issue 26 (one stylesheet, one script, the offline copy): performance, accessibility, best practices and
SEO 100 and LCP <= 1.0 s on the front page, the directory, an organisation page and the helplines
(`LCP_TARGET_PAGES`), and an organisation page's first visit <= 100 KB transferred; the run ends by
naming the pages that miss them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "deploy"))

from local_nginx import running_nginx  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
                "--disable-component-update --disable-sync --disable-quic --ignore-certificate-errors")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Chrome DevTools' CPU calibration scores a low-tier phone (Moto G Power 2022, the device Lighthouse's
# mobile preset emulates) at about 264 on Lighthouse's benchmark index.
PHONE_BENCHMARK_INDEX = 264


def page_types(site: Path) -> dict[str, str]:
    """One page of each type the site builds, as paths under the site's root."""
    def first(pattern: str) -> str:
        return min(site.glob(pattern)).parent.relative_to(site).as_posix() + "/"
    return {"home": "", "directory": "organisasjoner/", "organisation": first("organisasjoner/*/index.html"),
            "theme": first("tema/*/index.html"), "hours": "apningstider/",
            "event": first("arrangementer/*/*/index.html"),
            "helplines": "hjelpetelefoner/", "kiosk": "kiosk/", "printable pages": "plakater/", "404": "finnes-ikke/"}


LCP_TARGET_PAGES = ("home", "directory", "organisation", "helplines")
"""The pages a visitor scans their way to; each should paint its largest element within `LCP_TARGET` s."""
LCP_TARGET = 1.0
ORGANISATION_KB_TARGET = 100


def lighthouse_binary() -> Path:
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        npm = shutil.which("npm")
        if npm is None:
            sys.exit("npm is missing (apt install npm)")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    return binary


def run_lighthouse(binary: Path, url: str, cpu_slowdown: float, tries: int = 3) -> dict:
    """One Lighthouse report; a run that fails to record its trace (it happens on a loaded machine) is repeated."""
    for attempt in range(1, tries + 1):
        with tempfile.TemporaryDirectory() as folder:
            report = Path(folder) / "report.json"
            result = subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
                                     f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES),
                                     # the 404 page is measured as the page it is, status and all
                                     "--ignore-status-code", f"--throttling.cpuSlowdownMultiplier={cpu_slowdown}"],
                                    env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=600,
                                    capture_output=True, text=True)
            if result.returncode == 0:
                return json.loads(report.read_text(encoding="utf-8"))
            print(f"  (Lighthouse failed on {url}, try {attempt} of {tries}: {result.stderr.strip()[-200:]})",
                  file=sys.stderr)
    raise SystemExit(f"Lighthouse failed {tries} times on {url}")


def figures(report: dict) -> dict[str, float]:
    audits = report["audits"]
    found = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    found["lcp"] = audits["largest-contentful-paint"]["numericValue"] / 1000
    found["tbt"] = audits["total-blocking-time"]["numericValue"]
    found["cls"] = audits["cumulative-layout-shift"]["numericValue"]
    found["kb"] = audits["total-byte-weight"]["numericValue"] / 1024
    # Lighthouse's own measure of this machine's CPU speed: TBT depends on it (and on other load).
    found["benchmark_index"] = report["environment"]["benchmarkIndex"]
    return found


def failed_audits(report: dict) -> list[str]:
    """Scored audits that are not at full marks, for the reader to act on."""
    audits, out = report["audits"], []
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            scored = ref["weight"] > 0 and audit["score"] is not None and ref.get("group") != "metrics"
            if scored and audit["score"] < 1:
                out.append(f"{category['id']}: {ref['id']} ({audit.get('displayValue') or audit['score']})")
    return out


def build(target: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)],
                   cwd=REPO, check=True, env=env)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is printed")
    parser.add_argument("--site", type=Path, help="a built site folder (default: build one now)")
    parser.add_argument("--http", action="store_true", help="plain HTTP/1.1 instead of HTTPS with HTTP/2")
    parser.add_argument("--pages", help="only these page types, comma-separated (e.g. home,organisation)")
    parser.add_argument("--cpu-slowdown", default="4",
                        help="Lighthouse's CPU slowdown: a number (default 4, its mobile preset, meant for a fast "
                             "desktop), or `auto`: this machine's benchmark index / 264, so a slow or busy machine "
                             "emulates the same phone")
    options = parser.parse_args()
    binary = lighthouse_binary()
    with tempfile.TemporaryDirectory(prefix="torget-lighthouse-") as folder:
        site = options.site or build(Path(folder) / "site")
        header = "| page type | performance | accessibility | best practices | SEO | LCP | TBT | CLS | transferred |"
        print(f"Lighthouse {json.loads((HERE / 'package.json').read_text())['devDependencies']['lighthouse']}, "
              f"mobile preset, {'HTTP/1.1' if options.http else 'HTTPS, HTTP/2'}, "
              f"{options.runs} run(s) per page, median\n")
        notes, indexes, misses = [], [], []
        with running_nginx(site, https=not options.http) as base_url:
            if options.cpu_slowdown == "auto":
                index = run_lighthouse(binary, base_url, 4)["environment"]["benchmarkIndex"]
                slowdown = max(1.0, round(index / PHONE_BENCHMARK_INDEX, 1))
                print(f"CPU slowdown {slowdown:g}: this machine's benchmark index is {index:.0f} now, the phone's "
                      f"{PHONE_BENCHMARK_INDEX}\n")
            else:
                slowdown = float(options.cpu_slowdown)
            print(header)
            print("| --- " * 9 + "|")
            chosen = page_types(site)
            if options.pages:
                wanted = options.pages.split(",")
                if unknown := set(wanted) - set(chosen):
                    sys.exit(f"unknown page types {sorted(unknown)}; known: {', '.join(chosen)}")
                chosen = {kind: chosen[kind] for kind in wanted}
            for kind, path in chosen.items():
                reports = [run_lighthouse(binary, base_url + path, slowdown) for _ in range(options.runs)]
                runs = [figures(report) for report in reports]
                median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                print(f"| {kind} | {median['performance']:.0f} | {median['accessibility']:.0f} | "
                      f"{median['best-practices']:.0f} | {median['seo']:.0f} | {median['lcp']:.2f} s | "
                      f"{median['tbt']:.0f} ms | {median['cls']:.3f} | {median['kb']:.0f} KB |", flush=True)
                notes += [f"{kind}: {note}" for note in failed_audits(reports[-1])]
                if kind in LCP_TARGET_PAGES and median["lcp"] > LCP_TARGET:
                    misses.append(f"{kind}: LCP {median['lcp']:.2f} s (target <= {LCP_TARGET:g} s)")
                if kind == "organisation" and median["kb"] > ORGANISATION_KB_TARGET:
                    misses.append(f"{kind}: {median['kb']:.0f} KB on a first visit "
                                  f"(target <= {ORGANISATION_KB_TARGET} KB)")
                indexes += [run["benchmark_index"] for run in runs]
        print(f"\nCPU slowdown {slowdown:g}; Lighthouse's benchmark index of this machine during the runs: "
              f"{min(indexes):.0f}–{max(indexes):.0f} "
              f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end)")
        if notes:
            print("\nBelow full marks (last run):\n" + "\n".join(f"- {note}" for note in notes))
        if misses:
            print("\nTargets missed:\n" + "\n".join(f"- {miss}" for miss in misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
