"""Build time, memory and size: the generated directory against the same pages written by hand.

Usage: python benchmarks/build.py [N ...]   (default: 1000)

For each N it synthesises N organisation files, writes the same pages as plain Markdown for a
Material site without the plugin, builds both in fresh processes and prints both times, the ratio
(generated / hand-written; target <= 1.0; the generated site also carries a QR code per
organisation, drawn once into a content-addressed cache, so the cold build is printed apart), peak memory,
the largest organisation page (target
<= 30 KB at 1,000) and the total site size. It also times `torget check` on the N files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from site_plugins.build import site_files  # noqa: E402
from site_plugins.directory.load import load_directory  # noqa: E402
from site_plugins.printing.options import PrintOptions  # noqa: E402
from site_plugins.site import SiteSources, load_site  # noqa: E402
from site_plugins.web.assets import SCRIPTS, STYLESHEETS  # noqa: E402
from site_plugins.web.urls import SiteUrls  # noqa: E402

SITE_URL = "https://torget.example.no/"
WORDS = ["kreft", "hjerte", "lunge", "demens", "slag", "angst", "pårørende", "sorg", "diabetes", "astma", "revmatisme",
         "epilepsi"]


def synthesise(folder: Path, count: int) -> None:
    """N valid organisation files, beside the bundled themes and school calendar."""
    folder.mkdir(parents=True)
    for data_file in (REPO / "organisations").glob("_*.yaml"):  # themes, school calendar
        shutil.copy(data_file, folder / data_file.name)
    themes = [entry["name"] for entry in yaml.safe_load((folder / "_categories.yaml").read_text(encoding="utf-8"))]
    for i in range(count):
        word = WORDS[i % len(WORDS)]
        data = {
            "name": f"Foreningen for {word} nr. {i}",
            "description": f"En landsforening for mennesker som lever med {word}, og for deres pårørende.",
            "categories": [themes[i % len(themes)], themes[(i * 7 + 3) % len(themes)]]
            if i % 3
            else [themes[i % len(themes)]],
            "keywords": [word, f"{word}sykdom", f"stikkord{i}"],
            "website": f"https://forening{i}.example.no",
            "email": f"post@forening{i}.example.no",
            "phone": f"{40000000 + i}",
            "peer_support": {"email": f"likeperson@forening{i}.example.no", "description": "Likepersoner som lytter."},
            "local_chapters": [{"name": "Nordland fylkeslag", "region": "Bodø"}],
        }
        (folder / f"forening-{i}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _config(site_name: str, plugins: str) -> str:
    return f"""site_name: {site_name}
site_url: {SITE_URL}
theme:
  name: material
  language: nb
  font: false
plugins:
  - search:
      lang: ["no"]
      pipeline: [stopWordFilter, trimmer]
{plugins}
nav:
  - Forside: index.md
  - Organisasjoner: organisasjoner/index.md
  - Tema: tema/index.md
not_in_nav: |
  /organisasjoner/*
  /tema/*
"""


def generated_project(root: Path, count: int) -> Path:
    synthesise(root / "organisations", count)
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Forside\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(_config("Generert", "  - torget"), encoding="utf-8")
    return root


def hand_written_project(root: Path, generated: Path) -> Path:
    """The same site written out by hand: every page the plugin makes as a plain Markdown file, and
    every other file it adds (stylesheet, scripts, QR codes, posters, feeds, kiosk) as a static file."""
    sources = SiteSources(
        root=generated,
        organisations=generated / "organisations",
        docs=generated / "docs",
        prints=PrintOptions(cache_folder=generated / ".cache" / "torget"),
    )
    docs = root / "docs"
    for generated_file in site_files(load_site(sources), SiteUrls(SITE_URL)):
        path = docs / generated_file.path
        path.parent.mkdir(parents=True, exist_ok=True)
        content = generated_file.content
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    (docs / "index.md").write_text("# Forside\n", encoding="utf-8")
    assets = f"extra_css: [{', '.join(STYLESHEETS)}]\nextra_javascript: [{', '.join(SCRIPTS)}]\n"
    (root / "mkdocs.yml").write_text(_config("For hånd", "") + assets, encoding="utf-8")
    return root


def timed_build(project: Path) -> dict[str, float]:
    """Build in a fresh process; wall time and that process's peak memory."""
    code = (
        "import json, resource, sys, time; from mkdocs.config import load_config; "
        "from mkdocs.commands.build import build; start = time.perf_counter(); "
        "build(load_config('mkdocs.yml')); seconds = time.perf_counter() - start; "
        "print(json.dumps({'seconds': seconds, "
        "'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=project,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    if result.returncode:
        sys.exit(f"build of {project.name} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def site_size(project: Path) -> tuple[int, int]:
    """Total bytes of the built site, and the largest organisation page."""
    site = project / "site"
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    largest = max(p.stat().st_size for p in (site / "organisasjoner").glob("*/index.html"))
    return total, largest


def check_seconds(project: Path) -> tuple[float, float]:
    """Validation alone (in-process), and the `torget check` command end to end."""
    start = time.perf_counter()
    load_directory(project / "organisations", project)
    validation = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "site_plugins.cli", "check"], cwd=project, capture_output=True, check=True)
    return validation, time.perf_counter() - start


def main(counts: list[int]) -> None:
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            generated = generated_project(Path(tmp) / "generated", count)
            cold = timed_build(generated)  # draws every QR code and poster into the cache
            hand = hand_written_project(Path(tmp) / "hand", generated)
            timed_build(hand)  # warm the file cache once, so neither side pays for it alone
            gen = timed_build(generated)  # what an editor's rebuild costs: codes come from the cache
            ref = timed_build(hand)
            total, largest = site_size(generated)
            validation, command = check_seconds(generated)
            print(f"{count} organisations")
            print(f"  generated, cold cache  {cold['seconds']:7.2f} s   peak {cold['peak_mb']:6.0f} MB  "
                  "(draws QR codes, posters)")
            print(f"  generated site build   {gen['seconds']:7.2f} s   peak {gen['peak_mb']:6.0f} MB")
            print(f"  hand-written build     {ref['seconds']:7.2f} s   peak {ref['peak_mb']:6.0f} MB")
            print(f"  ratio generated/hand   {gen['seconds'] / ref['seconds']:7.2f}    (target <= 1.0)")
            print(f"  validation only        {validation:7.2f} s")
            print(f"  `torget check`         {command:7.2f} s   (target < 1 s at 1,000)")
            print(f"  largest org page       {largest / 1024:7.1f} KB  (target <= 30 KB at 1,000)")
            print(f"  whole site             {total / 1024 / 1024:7.1f} MB")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000])
