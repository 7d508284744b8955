"""The access log the server block in deploy/ writes: no client address, and lines `torget stats` reads.

nginx serves a small folder with deploy/nginx/torget.conf itself (only `listen`, the site folder and the log
folder replaced); the test fetches pages and reads the real log lines nginx wrote.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from conftest import REPO
from nginx_server import fetch, nginx_or_skip, running_nginx

from site_plugins.stats.logs import Request, parse_line

LOGROTATE = REPO / "deploy" / "logrotate" / "torget"


def _wait_for_lines(log: Path, count: int, seconds: float = 10) -> list[str]:
    """nginx writes a request's line once the response is sent; wait until `count` lines are there."""
    deadline = time.monotonic() + seconds
    while True:
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        if len(lines) >= count or time.monotonic() > deadline:
            return lines
        time.sleep(0.05)


def test_the_access_log_holds_no_client_address_and_reads_as_combined_format(tmp_path: Path):
    nginx_or_skip()
    site, logs = tmp_path / "site", tmp_path / "logs"
    (site / "organisasjoner").mkdir(parents=True)
    (site / ".deploy").mkdir()
    logs.mkdir()
    (site / "index.html").write_text("<!doctype html><title>Forside</title>", encoding="utf-8")
    (site / "organisasjoner" / "index.html").write_text("<!doctype html><title>Org</title>", encoding="utf-8")
    (site / "404.html").write_text("<!doctype html><title>Ikke funnet</title>", encoding="utf-8")
    (site / ".deploy" / "nginx-csp.conf").write_text(
        "map $uri $torget_content_security_policy {\n    default \"default-src 'self'\";\n}\n", encoding="utf-8")
    with running_nginx(site, log_folder=logs) as url:
        assert fetch(url, "organisasjoner/?fra=test").status == 200
        assert fetch(url, "finnes-ikke/").status == 404
        lines = _wait_for_lines(logs / "access.log", 2)
    assert len(lines) == 2, lines
    for line in lines:
        assert "127.0.0.1" not in line and "127.0.0." not in line, line
        assert not re.search(r"\d+\.\d+\.\d+\.\d+|::1", line), line
    first, second = (parse_line(line) for line in lines)
    assert isinstance(first, Request) and isinstance(second, Request)
    assert (first.method, first.path, first.status) == ("GET", "/organisasjoner/", 200)
    assert first.agent == "-"  # nginx_server.fetch sends no User-Agent
    assert (second.path, second.status) == ("/finnes-ikke/", 404)


def test_logs_are_kept_for_a_limited_time():
    text = LOGROTATE.read_text(encoding="utf-8")
    assert "/var/log/nginx/torget/*.log" in text
    assert "/var/log/nginx/torget/access.log" in (REPO / "deploy" / "nginx" / "torget.conf").read_text()
    weeks = int(re.search(r"^\s*rotate (\d+)$", text, re.M)[1])
    assert re.search(r"^\s*weekly$", text, re.M) and weeks <= 13
    assert int(re.search(r"^\s*maxage (\d+)$", text, re.M)[1]) <= 92
