"""What the offline copy downloads and keeps on a visitor's phone, read from the site's own service worker.

Usage: python benchmarks/offline_store.py [--site FOLDER] [--organisations N ...]

Builds the bundled project (or takes a built site with --site), serves it with the production nginx set-up
(deploy/local_nginx.py) and asks for every address on `sw.js`'s two lists the way a browser does
(`Accept-Encoding: br, gzip`), counting the bytes the server sends: what the copy costs the visitor's data
plan. It also counts what the copy keeps (the files as they are, which is how a browser stores them). The
lists are split into what is stored before the worker takes over (`required`: the offline page and what it
loads) and what is stored in the background after the first visit, per kind: each language's pages, its
stylesheet and scripts, data, icons and manifest.

With --organisations N (e.g. 1000) it also builds a copy of the project with N synthetic organisations (each
with an English description, as benchmarks/build.py makes them) beside the bundled ones and reports the same.
Their other texts have no English, so that copy is built with `drafts: true`, as a staging build would be,
for the English site to be there.
Target (issue 26): the background store <= 1.5 MB sent for the bundled organisations in two languages.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "deploy"))
sys.path.insert(0, str(HERE))

from local_nginx import running_nginx  # noqa: E402

from build import ENV, copy_project, synthesise  # noqa: E402

BACKGROUND_TARGET_MB = 1.5
_LIST = re.compile(r"const (REQUIRED|BACKGROUND) = (\[.*?\])\.map\(here\);", re.S)


def worker_lists(site: Path) -> dict[str, list[str]]:
    """The addresses (relative to the site's root) on the worker's two lists."""
    script = (site / "sw.js").read_text(encoding="utf-8")
    lists = {name.lower(): json.loads(value) for name, value in _LIST.findall(script)}
    if set(lists) != {"required", "background"}:
        raise SystemExit(f"{site / 'sw.js'}: the lists REQUIRED and BACKGROUND were not found")
    return lists


def built_file(site: Path, address: str) -> Path:
    if address in ("", "./") or address.endswith("/"):
        return site / address.removeprefix("./") / "index.html"
    return site / address


def kind(address: str) -> str:
    language = "en" if address.startswith("en/") else "nb"
    path = address.removeprefix("en/")
    if path in ("", "./") or path.endswith("/") or path.endswith(".html"):
        return f"pages ({language})"
    if path.endswith((".css", ".js")):
        return f"stylesheet and scripts ({language})"
    if path.endswith(".json"):
        return f"data ({language})"
    return f"icons and manifest ({language})"


def sent_bytes(url: str) -> int:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "br, gzip"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return len(response.read())


def measure(site: Path) -> dict[str, Counter]:
    lists = worker_lists(site)
    figures: dict[str, Counter] = {"sent": Counter(), "kept": Counter(), "files": Counter()}
    with running_nginx(site, https=False) as base_url:
        for list_name, addresses in lists.items():
            for address in addresses:
                key = (list_name, kind(address))
                figures["sent"][key] += sent_bytes(base_url + address.removeprefix("./"))
                figures["kept"][key] += built_file(site, address).stat().st_size
                figures["files"][key] += 1
    return figures


def report(label: str, site: Path, figures: dict[str, Counter]) -> float:
    organisations = len(list(site.glob("organisasjoner/*/index.html")))
    languages = "bokmål and English" if (site / "en" / "index.html").is_file() else "bokmål"
    print(f"\n{label}: {organisations} organisation pages, {languages}")
    print(f"  {'':<11} {'kind':<30} {'files':>6} {'sent':>10} {'kept':>10}")
    totals = {}
    for list_name in ("required", "background"):
        keys = sorted(key for key in figures["files"] if key[0] == list_name)
        for key in keys:
            print(f"  {list_name:<11} {key[1]:<30} {figures['files'][key]:>6} {figures['sent'][key] / 1024:>7.0f} KB "
                  f"{figures['kept'][key] / 1024:>7.0f} KB")
        sent = sum(figures["sent"][key] for key in keys)
        kept = sum(figures["kept"][key] for key in keys)
        totals[list_name] = sent
        print(f"  {list_name:<11} {'in all':<30} {sum(figures['files'][key] for key in keys):>6} "
              f"{sent / 1024 / 1024:>7.2f} MB {kept / 1024 / 1024:>7.2f} MB")
    return totals["background"] / 1024 / 1024


def build(project: Path, target: Path) -> Path:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(target)],
                   cwd=project, check=True, env=ENV)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build the bundled project now)")
    parser.add_argument("--organisations", type=int, nargs="*", default=[],
                        help="also build with N synthetic organisations beside the bundled ones")
    options = parser.parse_args()
    if shutil.which("nginx") is None:
        sys.exit("nginx is missing (apt install nginx libnginx-mod-http-brotli-static)")
    with tempfile.TemporaryDirectory(prefix="torget-offline-") as folder:
        site = options.site or build(REPO, Path(folder) / "site")
        background = report("The bundled project", site, measure(site))
        verdict = "met" if background <= BACKGROUND_TARGET_MB else "missed"
        print(f"  background store {background:.2f} MB sent: target <= {BACKGROUND_TARGET_MB} MB {verdict}")
        for count in options.organisations:
            project = copy_project(Path(folder) / f"project-{count}")
            synthesise(project / "organisations", count)
            config = project / "mkdocs.yml"
            text = config.read_text(encoding="utf-8")
            config.write_text(text.replace("  - torget:\n", "  - torget:\n      drafts: true\n", 1), encoding="utf-8")
            built = build(project, Path(folder) / f"site-{count}")
            report(f"With {count} synthetic organisations", built, measure(built))
    return 0


if __name__ == "__main__":
    sys.exit(main())
