"""`mkdocs serve` rebuilds when an editor saves an organisation file."""

from __future__ import annotations

import contextlib
import os
import queue
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import LOCALHOST_SITES, Project, run_port

# How long `mkdocs serve` may take to say a build is done before the test gives up: a safety net as long
# as a test build's (conftest), not a speed target. The tests wait for the server's own log lines, so on
# a quiet machine they go on within seconds of them.
SERVE_TIMEOUT = 600.0


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


class Serving:
    """A running `mkdocs serve`, its log read line by line as it comes, so a test waits for what the
    server says it has done ("Serving on", "Reloading browsers"), not for a number of seconds."""

    def __init__(self, root: Path, port: int):
        self.port = port
        self.base = f"http://127.0.0.1:{self.port}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        self.process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
                                        cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        self._new: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)
            self._new.put(line)
        self._new.put(None)  # the server has ended

    def wait_for(self, text: str) -> None:
        """Until the server logs a line holding `text`; fails at once if it ends first."""
        deadline = time.monotonic() + SERVE_TIMEOUT
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._new.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                pytest.fail(f"mkdocs serve ended before it logged {text!r}:\n{self.output}")
            if text in line:
                return
        pytest.fail(f"mkdocs serve did not log {text!r} within {SERVE_TIMEOUT:.0f} s:\n{self.output}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(timeout=60)

    @property
    def output(self) -> str:
        return "".join(self.lines)


@contextlib.contextmanager
def serving(root: Path) -> Iterator[Serving]:
    """`mkdocs serve` in `root`, its first build done; stopped when the block ends.

    It listens on a port the run keeps for `mkdocs serve` (`run_port`): serve sets `site_url` to its address,
    so on a port used before its QR codes and posters come from the shared cache, not drawn once per test."""
    with run_port(LOCALHOST_SITES) as port:
        server = Serving(root, port)
        try:
            server.wait_for("Serving on ")
            yield server
        finally:
            server.stop()


def test_serve_reloads_after_an_organisation_file_changes(bundled_project: Project):
    with serving(bundled_project.root) as server:
        url = f"{server.base}organisasjoner/melanomforeningen/"
        before = _fetch(url)
        assert before is not None and "Melanomforeningen" in before
        assert "livereload" in before, "the served page carries no live-reload script"
        source = bundled_project.organisations / "melanomforeningen.yaml"
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("description: >-", "description: >-\n  Oppdatert i dag.", 1), encoding="utf-8")
        server.wait_for("Detected file changes")
        server.wait_for("Reloading browsers")  # logged once the rebuild is done
        after = _fetch(url)
        assert after is not None and "Oppdatert i dag." in after, "the page was not rebuilt after the YAML file changed"
    assert "Traceback" not in server.output, server.output
