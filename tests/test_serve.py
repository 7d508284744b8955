"""`mkdocs serve` rebuilds when an editor saves an organisation file."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import Project


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(condition, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.3)
    return None


def test_serve_reloads_after_an_organisation_file_changes(bundled_project: Project):
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=bundled_project.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/organisasjoner/melanomforeningen/"
    try:
        before = _wait_for(lambda: _fetch(url))
        assert before is not None and "Melanomforeningen" in before
        assert "livereload" in before, "the served page carries no live-reload script"
        source = bundled_project.organisations / "melanomforeningen.yaml"
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("description: >-", "description: >-\n  Oppdatert i dag.", 1), encoding="utf-8")
        after = _wait_for(lambda: (page := _fetch(url)) and "Oppdatert i dag." in page and page)
        assert after, "the page was not rebuilt after the YAML file changed"
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Traceback" not in output, output
