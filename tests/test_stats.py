"""`torget stats`: visits per printed code and week from nginx access logs, with no client address kept.

A synthetic log with known visits (and robots, errors, the site's own files, other pages, lines that are
no log lines, a gzip file and lines out of order) must give exactly those counts; bad input must give a
clear message and exit status 1, and no traceback.
"""

from __future__ import annotations

import csv
import gzip
import random
import re
from pathlib import Path

import pytest
from small_project import small_project
from test_cli import torget

from site_plugins.printing.codes import printed_codes
from site_plugins.stats.logs import LogError, read_logs
from site_plugins.stats.visits import NoVisits, count_visits
from site_plugins.web.urls import SiteUrls

IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"
TABLET = "Mozilla/5.0 (Linux; Android 14; SM-X910) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
DESKTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36"
# Client addresses that must never reach the output, full or as the server's log format may write them.
CLIENTS = ["203.0.113.77", "198.51.100.23", "2001:db8:85a3::8a2e:370:7334", "192.0.2.201"]


def line(when: str, path: str, agent: str, *, status: int = 200, method: str = "GET", client: int = 0) -> str:
    return (f'{CLIENTS[client % len(CLIENTS)]} - - [{when}] "{method} {path} HTTP/1.1" {status} 5120 '
            f'"https://torget.example.no/" "{agent}"')


def visits(count: int, when: str, path: str, agent: str) -> list[str]:
    return [line(when, path, agent, client=index) for index in range(count)]


# Week 48 of 2026 is Monday 23 to Sunday 29 November; week 49 starts Monday 30 November (Oslo time).
W48 = "24/Nov/2026:10:15:02 +0100"
W48_LATE = "29/Nov/2026:22:59:59 +0000"  # 23:59:59 on Sunday in Oslo: still week 48
W49 = "30/Nov/2026:00:30:00 +0100"
W49_FROM_UTC = "29/Nov/2026:23:30:00 +0000"  # 00:30 on Monday in Oslo: week 49
W50 = "09/Dec/2026:12:00:00 +0100"

COUNTED = (
    visits(3, W48, "/r/rollup/", IPHONE)
    + visits(1, W48_LATE, "/r/rollup/", DESKTOP)
    + visits(2, W48, "/r/plakat/", DESKTOP)
    + visits(1, W48, "/r/kort-melanomforeningen/", ANDROID)
    + visits(4, W49, "/r/rollup/", DESKTOP)
    + visits(1, W49_FROM_UTC, "/r/rollup/index.html", TABLET)
    + visits(2, W49, "/r/kort-mental-helse/?fra=kiosk", IPHONE)
    + visits(1, W49, "/r/kort-melanomforeningen/", DESKTOP)
    + visits(2, W50, "/r/kort-melanomforeningen/", DESKTOP)
    + visits(1, W50, "/apningstider/", ANDROID)  # a page, but no printed code leads to it
    # The pages the cards' short addresses forward to (each a visit of its own, as the browser follows).
    + visits(4, W49, "/organisasjoner/melanomforeningen/", DESKTOP)
    + visits(2, W49, "/organisasjoner/mental-helse/", IPHONE)
)
EXPECTED = {
    ("2026-W48", "/r/rollup/"): 4, ("2026-W48", "/r/plakat/"): 2, ("2026-W48", "/r/kort-melanomforeningen/"): 1,
    ("2026-W49", "/r/rollup/"): 5, ("2026-W49", "/r/kort-mental-helse/"): 2,
    ("2026-W49", "/r/kort-melanomforeningen/"): 1, ("2026-W50", "/r/kort-melanomforeningen/"): 2,
}
NOT_COUNTED = (
    visits(5, W48, "/r/rollup/", GOOGLEBOT)
    + visits(2, W49, "/r/plakat/", HEADLESS)
    + visits(2, W49, "/r/plakat/", "curl/8.5.0")
    + visits(1, W49, "/r/plakat/", "-")
    + [line(W49, "/organisasjoner/finnes-ikke/", DESKTOP, status=404),
       line(W49, "/r/rollup/", DESKTOP, status=500),
       line(W49, "/r/rollup/", DESKTOP, method="HEAD"),
       line(W49, "/r/rollup/", DESKTOP, method="POST", status=405),
       line(W49, "/assets/torget/torget.css", DESKTOP),
       line(W49, "/qr/rollup.svg", IPHONE),
       line(W49, "/utskrift/rollup-85x200.pdf", DESKTOP),
       line(W50, "/arrangementer/alle.ics", DESKTOP),
       f'{CLIENTS[0]} - - [{W49}] "\\x16\\x03\\x01" 400 150 "-" "-"']
)
MALFORMED = [
    "this is not a log line",
    f'{CLIENTS[1]} - - [yesterday] "GET / HTTP/1.1" 200 10 "-" "{DESKTOP}"',
    f"{CLIENTS[2]} GET /organisasjoner/ 200",
    '{"time": "2026-12-01T10:00:00+01:00", "path": "/"}',
]


@pytest.fixture
def project(tmp_path: Path):
    return small_project(tmp_path / "project")


@pytest.fixture
def logs(tmp_path: Path) -> list[Path]:
    """The lines shuffled over a plain log and a gzip-compressed rotated one."""
    lines = COUNTED + NOT_COUNTED + MALFORMED
    random.Random(28).shuffle(lines)
    half = len(lines) // 2
    plain, rotated = tmp_path / "logs" / "access.log", tmp_path / "logs" / "access.log.2.gz"
    plain.parent.mkdir()
    plain.write_text("\n".join(lines[:half]) + "\n", encoding="utf-8")
    with gzip.open(rotated, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines[half:]) + "\n")
    return [plain, rotated]


def read_counts(folder: Path) -> dict[tuple[str, str], int]:
    with (folder / "counts.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["week", "address", "visits"]
    return {(row["week"], row["address"]): int(row["visits"]) for row in rows}


def test_stats_counts_exactly_the_visits_per_printed_code_and_week(project, logs, tmp_path: Path):
    out = tmp_path / "tall"
    result = torget(project, "stats", *map(str, logs), "--out", str(out))
    assert result.returncode == 0, result.stderr
    counts = read_counts(out)
    addresses = ["/r/rollup/", "/r/plakat/", "/r/kort-melanomforeningen/", "/r/kort-mental-helse/"]
    weeks = ["2026-W48", "2026-W49", "2026-W50"]
    # One row per printed code and week, zeros included, and nothing else.
    assert sorted(counts) == sorted((week, address) for week in weeks for address in addresses)
    assert counts == {key: EXPECTED.get(key, 0) for key in counts}
    assert f"{len(MALFORMED)} lines skipped" in result.stdout

    report = (out / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", report))
    assert "tirsdag 24. november 2026 til onsdag 9. desember 2026" in text
    assert "3 uker" in text
    # Pages a person visited: the counted ones; phones are the iPhones and the Android phone, not the tablet.
    phones = 3 + 1 + 2 + 1 + 2
    assert f"{round(100 * phones / len(COUNTED))} % av besøkene kom fra en mobiltelefon" in text
    assert f"{sum(EXPECTED.values())} besøk kom til adressene" in text
    # The most visited organisation pages, by name, most first.
    assert re.search(r"Melanomforeningen 4 Mental Helse[^0-9]* 2", text), text
    # The chart is drawn in the file; nothing is loaded from anywhere.
    assert report.count("<svg") == 4 and "<script" not in report and "http://www.w3.org/2000/svg" in report
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", report)
    assert "<title>uke 49, 2026: 5 besøk</title>" in report


def test_no_client_address_from_the_log_appears_in_the_output(project, logs, tmp_path: Path):
    out = tmp_path / "tall"
    result = torget(project, "stats", *map(str, logs), "--out", str(out))
    assert result.returncode == 0, result.stderr
    written = "".join(path.read_text(encoding="utf-8") for path in out.iterdir()) + result.stdout + result.stderr
    assert sorted(path.name for path in out.iterdir()) == ["counts.csv", "index.html"]
    for client in CLIENTS:
        assert client not in written
        assert client.rsplit(".", 1)[0] + "." not in written  # nor a shortened one


@pytest.mark.parametrize(("content", "expected"), [
    ("", "the file is empty"),
    ('{"time": "2026-12-01T10:00:00+01:00", "path": "/"}\n{"time": "2026-12-01T10:01:00+01:00"}\n',
     "none of its 2 lines is an access log line in nginx's combined format"),
    ("[Mon Dec 07 10:00:00 2026] [error] client denied\n", "none of its 1 lines is an access log line"),
])
def test_a_log_in_another_format_or_empty_stops_with_a_message(project, tmp_path: Path, content: str, expected: str):
    log = tmp_path / "access.log"
    log.write_text(content, encoding="utf-8")
    out = tmp_path / "tall"
    result = torget(project, "stats", str(log), "--out", str(out))
    assert result.returncode == 1
    assert f"torget stats: {log}: {expected}" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_unreadable_logs_stop_with_a_message(project, tmp_path: Path):
    broken = tmp_path / "access.log.2.gz"
    broken.write_bytes(gzip.compress(("\n".join(COUNTED) + "\n").encode())[:60])
    for path, expected in [(tmp_path / "missing.log", "no such file"), (tmp_path, "is a folder"),
                           (broken, "the compressed file is cut short or damaged")]:
        result = torget(project, "stats", str(path), "--out", str(tmp_path / "tall"))
        assert result.returncode == 1
        assert f"torget stats: {path}: {expected}" in result.stderr, result.stderr


def test_a_log_without_a_visit_through_a_printed_code_writes_nothing(project, tmp_path: Path):
    log = tmp_path / "access.log"
    log.write_text("\n".join(visits(3, W49, "/apningstider/", DESKTOP) + visits(3, W49, "/", GOOGLEBOT)) + "\n",
                   encoding="utf-8")
    out = tmp_path / "tall"
    result = torget(project, "stats", str(log), "--out", str(out))
    assert result.returncode == 1
    assert "hold no visit through any of the 4 printed codes; nothing was written" in result.stderr
    assert not out.exists()


def test_the_report_is_never_written_into_the_published_docs(project, logs):
    result = torget(project, "stats", *map(str, logs), "--out", str(project.docs / "tall"))
    assert result.returncode == 1
    assert "inside the docs folder (docs), so it would be published" in result.stderr
    assert not (project.docs / "tall").exists()


def test_a_site_below_the_hosts_root_counts_its_own_paths_only(project, tmp_path: Path):
    codes = printed_codes(_directory(project), [], SiteUrls("https://example.no/torget/"))
    log = tmp_path / "access.log"
    log.write_text("\n".join(visits(2, W49, "/torget/organisasjoner/", DESKTOP)
                             + visits(3, W49, "/organisasjoner/", DESKTOP)
                             + visits(4, W49, "/torget/r/rollup/", DESKTOP)) + "\n", encoding="utf-8")
    figures = count_visits(read_logs([log]), codes, site_path="/torget/")
    assert figures.visits == {("2026-W49", "/r/rollup/"): 4}
    with pytest.raises(NoVisits):
        count_visits(read_logs([log]), codes, site_path="/annet/")
    with pytest.raises(LogError):
        read_logs([tmp_path / "nothing.log"])


def _directory(project):
    from site_plugins.directory.load import load_directory

    return load_directory(project.organisations, project.root)
