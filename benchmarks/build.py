"""What N organisations add to the whole project's build: from YAML, against the same pages by hand.

Usage: python benchmarks/build.py [N ...] [--rounds R]   (default: 1000 5000, 3 rounds)
       python benchmarks/build.py --languages [N ...] [--rounds R]   (both languages against one)

Three copies of the bundled project (this repository's docs/, organisations/ and mkdocs.yml):

- base:  as it is;
- yaml:  plus N synthetic organisation files in organisations/;
- hand:  plus the same N organisation pages written by hand as plain Markdown in docs/handskrevet/
         (not in the nav, like the generated pages), with the same facts, headings and links.

Each round builds base, yaml and hand in fresh processes (`mkdocs build`, wall time including start-up),
alternating which of yaml and hand goes first. The marginal cost of a side is its time minus the round's
base time; the script prints the median over the rounds of both, and of their ratio (target <= 0.8).
Before the rounds every copy is built once, unmeasured: that fills each copy's QR/poster cache
(`.cache/torget`), so neither side pays for drawing codes, and warms the file system cache.

It also prints each side's peak memory (maximum resident set of the build process), the largest
organisation page, the whole site's size and the search index's growth per page; and, for the smallest N,
`torget check` end to end (median of three runs) and a warm `mkdocs serve` rebuild after editing one
organisation file, against the same rebuild of the hand side after editing one hand-written page.
The rebuild is measured in one process the way `mkdocs serve` does it (mkdocs/commands/serve.py,
`builder()`): after a first build, each rebuild reloads mkdocs.yml with `load_config` and calls
`build(config, serve_url=...)`; only the rebuild is timed, the file watcher's delay is not.

With `--languages` it measures instead what the English site costs: one copy of the project with N synthetic
organisations (each with its English description), built as the public build (the bundled English site is
not complete, so the build leaves it out: bokmål alone) and as a staging build (`drafts: true`: bokmål and
English, /en/ with its pages, search index and the kiosk's en.json), alternating, in fresh processes. It
prints the median CPU time of each and the ratio both / one (target <= 1.8). The staging build also shows the
few bundled drafts, in both languages.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from site_plugins.directory.categories import CATEGORIES_FILE, load_categories  # noqa: E402
from site_plugins.web.urls import tel_uri  # noqa: E402

SITE_URL = "https://torget.example.no/"
WORDS = [
    "kreft",
    "hjerte",
    "lunge",
    "demens",
    "slag",
    "angst",
    "pårørende",
    "sorg",
    "diabetes",
    "astma",
    "revmatisme",
    "epilepsi",
]
ENGLISH_WORDS = ["cancer", "heart", "lung", "dementia", "stroke", "anxiety", "relatives", "grief", "diabetes", "asthma",
                 "rheumatism", "epilepsy"]
"""WORDS in English, for the synthetic organisations' English keywords and descriptions."""
HAND_FOLDER = "handskrevet"
BIN = Path(sys.executable).parent
# PYTHONPATH: this checkout's plugin, not the one installed in the virtualenv (a shared one may be another's).
ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": f"{BIN}:/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1790000000",
       "PYTHONPATH": str(REPO)}


def synthetic(count: int, themes: list[str]) -> list[dict]:
    """N valid organisations, each with contacts, peer support, a chapter and two themes or one."""
    organisations = []
    for i in range(count):
        word = WORDS[i % len(WORDS)]
        english = ENGLISH_WORDS[i % len(WORDS)]
        organisations.append(
            {
                "name": f"Foreningen for {word} nr. {i}",
                "description": f"En landsforening for mennesker som lever med {word}, og for deres pårørende.",
                "categories": [themes[i % len(themes)], themes[(i * 7 + 3) % len(themes)]]
                if i % 3
                else [themes[i % len(themes)]],
                "keywords": [word, f"{word}sykdom", f"stikkord{i}"],
                "keywords_en": [english],
                "website": f"https://forening{i}.example.no",
                "email": f"post@forening{i}.example.no",
                "phone": f"{40000000 + i}",
                "peer_support": {
                    "email": f"likeperson@forening{i}.example.no",
                    "description": "Likepersoner som lytter.",
                },
                "local_chapters": [{"name": "Nordland fylkeslag", "region": "Bodø"}],
                "translations": {"en": {"description": f"A national association for people living with {english}, "
                                                       "and for their relatives."}},
            }
        )
    return organisations


def _themes(folder: Path) -> list[str]:
    return [entry["name"] for entry in yaml.safe_load((folder / CATEGORIES_FILE).read_text(encoding="utf-8"))]


def synthesise(folder: Path, count: int) -> None:
    """N organisation files in `folder`, beside the bundled themes and school calendar (copied when missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    for data_file in (REPO / "organisations").glob("_*.yaml"):
        if not (folder / data_file.name).exists():
            shutil.copy(data_file, folder / data_file.name)
    for i, data in enumerate(synthetic(count, _themes(folder))):
        (folder / f"forening-{i}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def hand_written(data: dict, theme_slugs: dict[str, str]) -> str:
    """The organisation's page as an editor would write it in Markdown, with the generated page's facts."""
    themes = ", ".join(f"[{name}](../tema/{theme_slugs[name]}.md)" for name in data["categories"])
    peer = data["peer_support"]
    chapters = "\n".join(f"- **{c['name']}** ({c['region']})" for c in data["local_chapters"])
    return f"""---
description: {json.dumps(data["description"], ensure_ascii=False)}
search:
  boost: 2
hide:
  - toc
---

# {data["name"]}

{data["description"]}

Tema: {themes}

## Kontakt

- Nettside: [{data["website"].split("://")[1]}]({data["website"]})
- E-post: [{data["email"]}](mailto:{data["email"]})
- Telefon: [{data["phone"]}]({tel_uri(data["phone"])})

## Snakk med en likeperson

{peer["description"]}

- E-post: [{peer["email"]}](mailto:{peer["email"]})

## Lokallag

{chapters}

Stikkord: {", ".join(data["keywords"])}

Opplysningene er ikke kontrollert med organisasjonen ennå.

[Alle organisasjoner](../organisasjoner/index.md)
"""


def copy_project(root: Path) -> Path:
    root.mkdir(parents=True)
    for folder in ("docs", "docs-en", "organisations"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def make_projects(tmp: Path, count: int) -> dict[str, Path]:
    base = copy_project(tmp / "base")
    generated = copy_project(tmp / "yaml")
    synthesise(generated / "organisations", count)
    hand = copy_project(tmp / "hand")
    slugs = {
        c.name: c.slug for c in load_categories(hand / "organisations" / CATEGORIES_FILE, CATEGORIES_FILE).values()
    }
    (hand / "docs" / HAND_FOLDER).mkdir()
    for i, data in enumerate(synthetic(count, _themes(hand / "organisations"))):
        (hand / "docs" / HAND_FOLDER / f"forening-{i}.md").write_text(hand_written(data, slugs), encoding="utf-8")
    config = hand / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "not_in_nav: |\n" in text
    config.write_text(text.replace("not_in_nav: |\n", f"not_in_nav: |\n  /{HAND_FOLDER}/\n"), encoding="utf-8")
    return {"base": base, "yaml": generated, "hand": hand}


_BUILD = """
import json, resource
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config("mkdocs.yml"))
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}))
"""


def timed_build(project: Path) -> dict[str, float]:
    """`mkdocs build` in a fresh process: CPU and wall time (start-up included) and the process's peak memory."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _BUILD], cwd=project, capture_output=True, text=True, env=ENV, check=False
    )
    seconds = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"build of {project.name} failed:\n{result.stderr}")
    return {"wall": seconds, **json.loads(result.stdout.strip().splitlines()[-1])}


def site_figures(project: Path, pages: str) -> dict[str, int]:
    site = project / "site"
    return {
        "total": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "largest": max(p.stat().st_size for p in (site / pages).glob("*/index.html")),
        "search": (site / "search" / "search_index.json").stat().st_size,
    }


def check_seconds(project: Path) -> tuple[float, float]:
    """`torget check` end to end, as an editor runs it: median CPU and wall seconds of three runs."""
    cpu, wall = [], []
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([str(BIN / "torget"), "check"], cwd=project, capture_output=True, check=True, env=ENV)
        wall.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(cpu), statistics.median(wall)


_SERVE = """
import json, sys, tempfile, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
edited = Path(sys.argv[1])
site_dir = tempfile.mkdtemp(prefix="mkdocs_")
serve_url = "http://127.0.0.1:8000/"
def get_config():
    config = load_config("mkdocs.yml", site_dir=site_dir)
    config.site_url = serve_url
    return config
config = get_config()
config.plugins.on_startup(command="serve", dirty=False)
build(config, serve_url=serve_url)
times = []
original = edited.read_text(encoding="utf-8")
for i in range(3):
    edited.write_text(original.replace("Likepersoner som lytter.", f"Likepersoner som lytter ({i})."), encoding="utf-8")
    start = time.process_time()
    build(get_config(), serve_url=serve_url)
    times.append(time.process_time() - start)
edited.write_text(original, encoding="utf-8")
print(json.dumps(sorted(times)[1]))
"""


def serve_rebuild(project: Path, edited: Path) -> float:
    """A warm rebuild in one process as `mkdocs serve` runs it, after editing `edited`: median of three."""
    result = subprocess.run(
        [sys.executable, "-c", _SERVE, str(edited)], cwd=project, capture_output=True, text=True, env=ENV, check=False
    )
    if result.returncode:
        sys.exit(f"serve rebuild of {project.name} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(count: int, rounds: int, extras: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        projects = make_projects(Path(tmp), count)
        for project in projects.values():
            timed_build(project)  # unmeasured: draws the codes and posters into each copy's cache
        runs: dict[str, list[dict]] = {name: [] for name in projects}
        for round_ in range(rounds):
            order = ["base", "yaml", "hand"] if round_ % 2 == 0 else ["base", "hand", "yaml"]
            for name in order:
                runs[name].append(timed_build(projects[name]))
        result = {
            "count": count,
            "runs": runs,
            "sites": {
                "base": site_figures(projects["base"], "organisasjoner"),
                "yaml": site_figures(projects["yaml"], "organisasjoner"),
                "hand": site_figures(projects["hand"], HAND_FOLDER),
            },
        }
        if extras:
            result["check"] = check_seconds(projects["yaml"])
            result["serve_yaml"] = serve_rebuild(
                projects["yaml"], projects["yaml"] / "organisations" / "forening-0.yaml"
            )
            result["serve_hand"] = serve_rebuild(
                projects["hand"], projects["hand"] / "docs" / HAND_FOLDER / "forening-0.md"
            )
        return result


def report(result: dict) -> dict:
    count, runs, sites = result["count"], result["runs"], result["sites"]
    median = statistics.median
    base = [run["cpu"] for run in runs["base"]]
    extra = {side: [run["cpu"] - b for run, b in zip(runs[side], base, strict=True)] for side in ("yaml", "hand")}
    ratios = [y / h for y, h in zip(extra["yaml"], extra["hand"], strict=True)]
    peak = {side: median(run["peak_mb"] for run in runs[side]) for side in runs}
    print(f"{count} organisations ({len(base)} rounds; medians; each build a fresh `mkdocs build` process;")
    print("  CPU seconds (user + system) of the build process, wall seconds in brackets)")
    print(
        f"  base project build       {median(base):7.2f} s ({median(r['wall'] for r in runs['base']):5.1f})   "
        f"peak {peak['base']:5.0f} MB"
    )
    for side, label in (("yaml", "+N from YAML"), ("hand", "+N by hand (Markdown)")):
        cpu, wall = median(r["cpu"] for r in runs[side]), median(r["wall"] for r in runs[side])
        print(
            f"  {label:<24} {cpu:7.2f} s ({wall:5.1f})   "
            f"peak {peak[side]:5.0f} MB   adds {median(extra[side]):6.2f} s, {peak[side] - peak['base']:5.0f} MB"
        )
    print(
        f"  marginal ratio yaml/hand {median(ratios):7.2f}     (target <= 0.8; per round: "
        + ", ".join(f"{r:.2f}" for r in ratios)
        + ")"
    )
    for side in ("yaml", "hand"):
        growth = (sites[side]["search"] - sites["base"]["search"]) / count
        print(
            f"  {side:<5} largest page {sites[side]['largest'] / 1024:6.1f} KB   whole site "
            f"{sites[side]['total'] / 1e6:7.1f} MB   search index {sites[side]['search'] / 1e6:6.2f} MB "
            f"(+{growth:5.0f} bytes a page)"
        )
    if "check" in result:
        cpu, wall = result["check"]
        print(f"  `torget check`           {cpu:7.2f} s ({wall:5.1f})   (end to end; target < 0.5 s at 1,000)")
        ratio = result["serve_yaml"] / result["serve_hand"]
        print(
            f"  serve rebuild, YAML edit {result['serve_yaml']:7.2f} s   "
            f"hand page edit {result['serve_hand']:5.2f} s   "
            f"ratio {ratio:.2f} (target <= 1.2; CPU seconds)"
        )
    return {
        "extra": {side: median(extra[side]) for side in extra},
        "peak": {side: peak[side] - peak["base"] for side in ("yaml", "hand")},
    }


def languages_cost(count: int, rounds: int) -> None:
    """Bokmål and English (a staging build) against bokmål alone (the public build), N synthetic organisations."""
    with tempfile.TemporaryDirectory() as tmp:
        one = copy_project(Path(tmp) / "one")
        synthesise(one / "organisations", count)
        both = Path(tmp) / "both"
        shutil.copytree(one, both)
        config = both / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "  - torget:\n" in text
        config.write_text(text.replace("  - torget:\n", "  - torget:\n      drafts: true\n", 1), encoding="utf-8")
        projects = {"one": one, "both": both}
        for project in projects.values():
            timed_build(project)  # unmeasured: draws the codes and posters into each copy's cache
        assert not (one / "site" / "en").exists() and (both / "site" / "en" / "index.html").is_file()
        runs: dict[str, list[dict]] = {name: [] for name in projects}
        for round_ in range(rounds):
            for name in (["one", "both"] if round_ % 2 == 0 else ["both", "one"]):
                runs[name].append(timed_build(projects[name]))
        median = statistics.median
        cpu = {name: median(run["cpu"] for run in runs[name]) for name in runs}
        ratios = [b["cpu"] / o["cpu"] for b, o in zip(runs["both"], runs["one"], strict=True)]
        print(f"{count} synthetic organisations and the bundled ones ({rounds} rounds; medians; CPU seconds of a "
              "fresh `mkdocs build`, wall in brackets)")
        for name, label in (("one", "bokmål alone"), ("both", "bokmål and English")):
            print(f"  {label:<20} {cpu[name]:7.2f} s ({median(r['wall'] for r in runs[name]):5.1f})   "
                  f"peak {median(r['peak_mb'] for r in runs[name]):5.0f} MB")
        print(f"  both / one           {median(ratios):7.2f}     (target <= 1.8; per round: "
              + ", ".join(f"{r:.2f}" for r in ratios) + ")")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[1000, 5000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--languages", action="store_true", help="both languages against one (default N: 1000)")
    args = parser.parse_args()
    if args.languages:
        for count in args.counts if args.counts != [1000, 5000] else [1000]:
            languages_cost(count, args.rounds)
        return
    summaries = {}
    for count in sorted(args.counts):
        summaries[count] = report(measure(count, args.rounds, extras=count == min(args.counts)))
    if len(summaries) > 1:
        small, large = min(summaries), max(summaries)
        factor = large / small
        for side in ("yaml", "hand"):
            time_growth = summaries[large]["extra"][side] / summaries[small]["extra"][side]
            memory_growth = summaries[large]["peak"][side] / max(summaries[small]["peak"][side], 1)
            print(
                f"{side}: {large} cost {time_growth:.2f}x the time and {memory_growth:.2f}x the added memory "
                f"of {small} (linear would be {factor:.1f}x; target <= {factor * 1.1:.1f}x)"
            )


if __name__ == "__main__":
    main()
