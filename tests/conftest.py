"""Shared fixtures: projects and real site builds in temporary folders, and headless Chromium.

Every test runs at a fixed moment: builds read `SOURCE_DATE_EPOCH` (set for the whole session to
`BUILT_AT`), browser pages start their clock at `BROWSED_AT`, and core calls are handed `BUILT_AT`.
Whole-site builds share one QR/print cache folder for the run (both pytest-xdist processes), so a code or
poster is drawn once; the tests of the cache itself build with a cache of their own. Sites that only tests
read are built once for the run (`built_once`), and sites that must know their localhost address take it
from a few ports the run reuses (`local_address`), so their codes are drawn once too.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import fcntl
import functools
import http.server
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("TORGET_CHROMIUM", "/usr/bin/chromium"))
# Flags a closed network needs: no background fetches from Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# Monday 23 November 2026, 10:00 in Oslo: every date a test reads follows from this moment, not from today.
BUILT_AT = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)
# The moment browser pages open at: half an hour after the build, as a visitor would come by.
BROWSED_AT = BUILT_AT + dt.timedelta(minutes=30)


def without_translations(text: str) -> str:
    """An editors' file without its `translations:` blocks: for a small project that configures no other language
    (the bundled files carry English, which such a site rightly refuses)."""
    kept: list[str] = []
    inside: int | None = None
    for line in text.splitlines(keepends=True):
        indent = len(line) - len(line.lstrip(" "))
        if inside is not None and (not line.strip() or indent > inside):
            continue
        inside = None
        if line.strip() == "translations:":
            inside = indent
            continue
        kept.append(line)
    return "".join(kept)


def copy_organisations(names: Iterable[str], folder: Path) -> None:
    """Copy bundled organisation files (and vocabularies) into `folder`, for a project in bokmål only."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        text = (REPO / "organisations" / name).read_text(encoding="utf-8")
        (folder / name).write_text(without_translations(text), encoding="utf-8")


def listed_organisation_files(folder: Path) -> list[Path]:
    """The organisation files offered to visitors: every file but those whose status is merged or dissolved."""
    import yaml

    listed = []
    for path in sorted(folder.glob("[!_]*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if (data.get("status") or {}).get("state") not in ("merged", "dissolved"):
            listed.append(path)
    return listed


def source_date_epoch(moment: dt.datetime) -> str:
    """`moment` as mkdocs' SOURCE_DATE_EPOCH: the build's "now" (the plugin reads it through get_build_datetime)."""
    return str(int(moment.timestamp()))


@pytest.fixture(scope="session", autouse=True)
def fixed_build_time() -> Iterator[dt.datetime]:
    """Every build in the session, in-process or in a subprocess, is made as of BUILT_AT.

    A test that needs another moment sets SOURCE_DATE_EPOCH itself (monkeypatch.setenv).
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", source_date_epoch(BUILT_AT))
        yield BUILT_AT


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every test process of this run shares: pytest's base temporary folder, or under pytest-xdist
    the folder that holds each worker's (`pytest-N/`, beside `popen-gw0/` and `popen-gw1/`)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if "PYTEST_XDIST_WORKER" in os.environ else base


@contextlib.contextmanager
def run_lock(folder: Path, name: str) -> Iterator[None]:
    """Held by one test process of the run at a time (the others wait): for work done once for all of them."""
    with open(folder / f"{name}.lock", "a", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        yield


def built_once(folder: Path, make: Callable[[Path], None]) -> Path:
    """`folder`, made by `make(folder)` by the first test process of the run that asks for it; the others wait
    for it and share it. A failed `make` leaves no mark, so the next process to ask tries again (and fails too)."""
    with run_lock(folder.parent, folder.name):
        done = folder / ".made"
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


_RUN_FOLDER: list[Path] = []  # run_folder(), for helpers that take no fixture (run_port)


@pytest.fixture(scope="session", autouse=True)
def _remember_run_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    _RUN_FOLDER[:] = [run_folder(tmp_path_factory)]


def _port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as http.server's servers bind
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@contextlib.contextmanager
def run_port(name: str) -> Iterator[int]:
    """A localhost port for a server whose address goes into what it builds (`mkdocs serve` sets `site_url`
    to it), chosen from a few the run keeps for `name`: on a port used before, the build's QR codes and
    posters come from the shared cache instead of being drawn again.

    A port is held by one test at a time; the run keeps one per test process, so a test takes the first
    one free and never waits. If something else has taken a port meanwhile, it is replaced by another."""
    folder = _RUN_FOLDER[0]
    slots = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    with contextlib.ExitStack() as stack:
        for slot in range(slots):
            lock = stack.enter_context(open(folder / f"port-{name}-{slot}.lock", "a", encoding="utf-8"))
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | (fcntl.LOCK_NB if slot < slots - 1 else 0))
                break
            except BlockingIOError:
                lock.close()
        record = folder / f"port-{name}-{slot}"
        port = int(record.read_text(encoding="utf-8")) if record.exists() else 0
        if not port or not _port_is_free(port):
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = probe.getsockname()[1]
            record.write_text(str(port), encoding="utf-8")
        yield port


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One QR/print cache folder for every whole-site build whose test checks something else than drawing,
    shared by the run's test processes (it is content-addressed and writes atomically)."""
    folder = run_folder(tmp_path_factory) / "torget-cache"
    folder.mkdir(exist_ok=True)
    return folder


@dataclass
class Project:
    """A site project in a temporary folder, laid out like the repository."""

    root: Path

    @property
    def organisations(self) -> Path:
        return self.root / "organisations"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def build(self, *args: str, tool: str = "mkdocs") -> subprocess.CompletedProcess[str]:
        """Run `<tool> build` as an editor would; returns the finished process."""
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
        return subprocess.run([sys.executable, "-m", tool, "build", *args], cwd=self.root,
                              capture_output=True, text=True, env=env, timeout=600)

    def page(self, url: str) -> str:
        """The built HTML of the page at a site-relative URL such as `organisasjoner/x/`."""
        return (self.site / url / "index.html").read_text(encoding="utf-8")

    def share_cache(self, folder: Path) -> Project:
        """Build with `folder` as the QR/print cache: the default `.cache/torget` becomes a link to it.

        The cache is content-addressed and writes atomically, so builds of different projects can share it.
        """
        link = self.root / ".cache" / "torget"
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(folder, target_is_directory=True)
        return self

    def sources(self, now: dt.datetime = BUILT_AT):
        """The core's view of the project (`SiteSources`) as the plugin reads it from mkdocs.yml, as of `now`."""
        from mkdocs.config import load_config

        from site_plugins.plugin import sources_from

        config = load_config(str(self.root / "mkdocs.yml"))
        return dataclasses.replace(sources_from(config, config.plugins["torget"].config), now=now)

    def problems(self, now: dt.datetime = BUILT_AT) -> str:
        """What `mkdocs build` would stop with before it writes anything, asked without a build.

        As the build does: mkdocs.yml is loaded and validated (the plugin's option types), then the
        plugin's `on_config` checks its options and loads and validates the site (`load_site`) as of
        `now`. Returns the messages the build would print. Fails the test if nothing stops the build;
        any other exception (a traceback in a real build) fails it too.
        """
        from mkdocs.config import load_config
        from mkdocs.exceptions import Abort, PluginError

        errors: list[logging.LogRecord] = []
        handler = logging.Handler(logging.ERROR)
        handler.emit = errors.append  # type: ignore[method-assign]
        logger = logging.getLogger("mkdocs")
        logger.addHandler(handler)
        try:
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("SOURCE_DATE_EPOCH", source_date_epoch(now))
                config = load_config(str(self.root / "mkdocs.yml"))
                config.plugins["torget"].on_config(config)
        except (Abort, PluginError) as stopped:
            return "\n".join([record.getMessage() for record in errors] + [str(stopped)])
        finally:
            logger.removeHandler(handler)
        pytest.fail("nothing stops the build")


# The two warnings the bundled project gives on purpose until LMS confirms it: a placeholder site_url
# (proof prints) and a school calendar marked `verified: false`. Any other warning fails a test build.
PUBLICATION_WARNINGS = ("is a placeholder (", "verified: the school holidays are not confirmed")
# A host that is not reserved for examples, for tests of what a real address changes; not the site's address.
REAL_SITE_URL = "https://torget.nlsh.no/"


def unexpected_warnings(result: subprocess.CompletedProcess[str], allowed: tuple[str, ...] = PUBLICATION_WARNINGS) -> list[str]:
    """The WARNING lines of a build other than the `allowed` ones."""
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    return [line for line in warnings if not any(text in line for text in allowed)]


def assert_built(result: subprocess.CompletedProcess[str], allowed: tuple[str, ...] = PUBLICATION_WARNINGS) -> None:
    """The build succeeded with no warning but the `allowed` ones: `--strict`, less the publication warnings."""
    assert result.returncode == 0, result.stderr
    unexpected = unexpected_warnings(result, allowed)
    assert not unexpected, "\n".join(unexpected)


def make_publishable(project: Project, site_url: str = REAL_SITE_URL) -> None:
    """Give the project a real `site_url` and a confirmed school calendar, as LMS does before publishing."""
    config = project.root / "mkdocs.yml"
    text, count = re.subn(r"(?m)^site_url:.*$", f"site_url: {site_url}", config.read_text(encoding="utf-8"))
    assert count == 1
    config.write_text(text, encoding="utf-8")
    calendar = project.organisations / "_school_holidays.yaml"
    text, count = re.subn(r"(?m)^verified: false$", "verified: true", calendar.read_text(encoding="utf-8"))
    assert count == 1
    calendar.write_text(text, encoding="utf-8")


def copy_bundled_project(target: Path, cache: Path | None = None) -> Project:
    """A copy of the repository's own site sources (mkdocs.yml, docs/, docs-en/, organisations/).

    With `cache`, builds draw into that shared QR/print cache instead of a fresh one of their own.
    """
    for name in ("docs", "docs-en", "organisations"):
        shutil.copytree(REPO / name, target / name)
    for name in ("mkdocs.yml",):
        shutil.copy(REPO / name, target / name)
    project = Project(target)
    return project.share_cache(cache) if cache is not None else project


@pytest.fixture
def bundled_project(tmp_path: Path, shared_cache: Path) -> Project:
    """A fresh copy of the bundled project to change and build; its codes come from the shared cache."""
    return copy_bundled_project(tmp_path, cache=shared_cache)


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory: pytest.TempPathFactory, shared_cache: Path) -> Project:
    """The bundled site as it is, built once for every test that only reads it.

    Built like `mkdocs build --strict`, except for the two warnings the bundled project gives until LMS
    confirms it (`PUBLICATION_WARNINGS`). Read it, never change it: tests that change the project take
    `bundled_project` instead. Built once for the whole run: the test processes under pytest-xdist share it.
    """
    def build(root: Path) -> None:
        assert_built(copy_bundled_project(root, cache=shared_cache).build())

    return Project(built_once(run_folder(tmp_path_factory) / "bundled", build))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path, port: int = 0) -> Iterator[str]:
    """`folder` served over http on localhost (on `port`, or any free one); yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


LOCALHOST_SITES = "localhost-site"
"""The `run_port` name of the ports for sites built for their localhost address, `mkdocs serve`'s too."""


@contextlib.contextmanager
def local_address() -> Iterator[str]:
    """An address on localhost for a site that must know where it is served from, held until the block ends:
    Material's instant navigation follows only links on the `site_url` host and port.

    Its port is one the run keeps for such sites and for `mkdocs serve` (`run_port`), so the QR codes and
    posters of a site built for it are mostly drawn already, by another test on the same port."""
    with run_port(LOCALHOST_SITES) as port:
        yield f"http://127.0.0.1:{port}/"


@contextlib.contextmanager
def served_at_local_address(root: Path, cache: Path, built_at: dt.datetime,
                            files: dict[str, str] | None = None) -> Iterator[tuple[Project, str]]:
    """A copy of the bundled project (plus `files`, by path) built as of `built_at` with `site_url` set to a
    `local_address`, and served there until the block ends; yields the project and its base URL."""
    with local_address() as base:
        project = copy_bundled_project(root, cache=cache)
        config = project.root / "mkdocs.yml"
        config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {base}", config.read_text(encoding="utf-8")),
                          encoding="utf-8")
        for path, text in (files or {}).items():
            project.write(path, text)
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SOURCE_DATE_EPOCH", source_date_epoch(built_at))
            assert_built(project.build())
        with serve_folder(project.site, urlsplit(base).port) as served:
            yield project, served


@pytest.fixture(scope="session")
def site_server(bundled_site: Project) -> Iterator[str]:
    """The bundled site served on localhost; yields its base URL."""
    with serve_folder(bundled_site.site) as url:
        yield url


def _nginx_installed() -> bool:
    """Whether Debian's nginx and the Brotli module the server block loads are there (deploy/local_nginx.py)."""
    from nginx_server import nginx_missing

    return nginx_missing() is None


# What the browser tests, the quality gates, the editor's and the deploy tests need, and the Debian packages
# that install it (.ci/run installs them).
TOOLS = {
    "Chromium": ("chromium fonts-dejavu-core", lambda: CHROMIUM.exists()),
    "npm": ("npm", lambda: shutil.which("npm") is not None),
    "Node.js": ("nodejs", lambda: shutil.which("node") is not None),
    "Java": ("default-jre-headless", lambda: shutil.which("java") is not None),
    "nginx": ("nginx libnginx-mod-http-brotli-static", _nginx_installed),
}
_MISSING = re.compile(r"needs ([\w.]+), which is not installed")
# The public data the bundled directory was made from (shared/data/*.csv, shared/seeds/): it lies beside the
# repository on the build machine, and CI keeps a copy there; TORGET_SHARED points elsewhere.
SHARED = Path(os.environ.get("TORGET_SHARED", REPO.parent / "shared"))
_NO_DATA = "needs the shared data, which is not here"


def missing_tool(tool: str, detail: str = "") -> NoReturn:
    """Skip a test whose tool (a key of TOOLS) is not installed; in CI, where .ci/run installs it, fail it.
    `detail` says what exactly is missing, when the tool's name does not (a module of nginx)."""
    note = f" ({detail})" if detail else ""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{tool} is missing{note}; .ci/run installs it (apt-get install {TOOLS[tool][0]})")
    pytest.skip(f"needs {tool}, which is not installed{note}")


def missing_shared_data(folder: Path) -> NoReturn:
    """Skip a test that checks the bundled data against SHARED when `folder` is not there; in CI, fail it."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{folder} is missing; CI keeps a copy of shared/ beside the clone")
    pytest.skip(f"{_NO_DATA} ({folder}; it lies beside the repository on the build machine)")


def npm_installed(folder: Path, timeout: int) -> Path:
    """folder/node_modules, installed with `npm ci` when missing or older than folder/package-lock.json.

    One test process installs at a time (`make test` runs two with pytest-xdist); the other waits and finds
    the install done.
    """
    modules = folder / "node_modules"
    with open(folder / "package-lock.json", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        installed = modules / ".package-lock.json"
        if not installed.exists() or installed.stat().st_mtime < os.fstat(lock.fileno()).st_mtime:
            npm = shutil.which("npm")
            if npm is None:
                missing_tool("npm")
            result = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=folder,
                                    capture_output=True, text=True, timeout=timeout)
            assert result.returncode == 0, f"npm ci in {folder} failed:\n{result.stderr}"
    return modules


# The slowest test files, slowest first (`--durations`, summed per file, 2 cores): they start first, so the many
# quick files fill in at the end and neither pytest-xdist process is left running a long file alone. An order
# only: a file missing here still runs, after these. Update it when a file's time changes much. The first two
# go to the two processes at once: test_kiosk_browser builds the bundled site (bundled_site) while
# test_hours_site builds its own for a local address, so neither draws the codes the other is drawing.
SLOWEST_FILES = (
    "test_kiosk_browser.py", "test_hours_site.py", "test_offline_browser.py", "test_print_shop.py",
    "test_quality_browser.py", "test_editor_browser.py", "test_build_bundled.py", "test_qr_build.py",
    "test_kiosk_idle.py", "test_deploy_nginx.py", "test_search_browser.py", "test_wheel.py", "test_kiosk_english.py",
    "test_print_files.py", "test_publish.py", "test_directory_browser.py", "test_drafts.py", "test_kiosk_site.py",
    "test_error_paths.py", "test_deploy_server.py", "test_events_site.py", "test_shifts_site.py", "test_serve.py",
    "test_hours_bad_input.py", "test_quality_html.py", "test_directory_site.py", "test_languages.py",
    "test_suite_tools.py", "test_site_urls.py", "test_cli.py",
)


def pytest_configure(config: pytest.Config) -> None:
    # pytest-xdist hands out whole files (--dist=loadfile) in the order collected, unless it reorders them by
    # their number of tests (its default), which would start the quick many-test files first and leave the
    # slow few-test ones (a browser file, a build) for the end, one process running while the other waits.
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slowest files first (SLOWEST_FILES), the others after them in their usual order."""
    rank = {name: index for index, name in enumerate(SLOWEST_FILES)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


def _kind(report) -> str:
    return "browser" if "browser" in report.keywords else "quality-gate" if "gate" in report.keywords else "other"


def _listed(names: list[str]) -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    return " and ".join(filter(None, [", ".join(names[:-1]), names[-1]]))


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """At the end of the run: how many tests were skipped for a missing tool or for the missing shared data,
    and the fix of each."""
    skipped = {"browser": 0, "quality-gate": 0, "other": 0}
    without_data = 0
    for report in terminalreporter.stats.get("skipped", []):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if _MISSING.search(reason):
            skipped[_kind(report)] += 1
        elif _NO_DATA in reason:
            without_data += 1
    if not any(skipped.values()) and not without_data:
        return
    terminalreporter.section("skipped: tools or data not installed", sep="=", yellow=True, bold=True)
    if any(skipped.values()):
        missing = [tool for tool, (_, installed) in TOOLS.items() if not installed()]
        if "npm" in missing and "Node.js" in missing:
            missing.remove("Node.js")  # Debian's npm brings Node.js
        packages = " ".join(TOOLS[tool][0] for tool in missing) or " ".join(package for package, _ in TOOLS.values())
        counts = [f"{count} {kind} test(s)" for kind, count in skipped.items() if count or kind != "other"]
        names = _listed(missing) if missing else "a tool"
        terminalreporter.line(f"{_listed(counts)} were skipped, because {names} "
                              f"{'are' if len(missing) > 1 else 'is'} not installed.", yellow=True, bold=True)
        terminalreporter.line(f"Install what they need with:  sudo apt-get install {packages}", bold=True)
    if without_data:
        terminalreporter.line(f"{without_data} test(s) of the bundled directory against its sources were skipped, "
                              f"because the shared data is not in {SHARED}.", yellow=True, bold=True)
        terminalreporter.line("Put a copy of shared/ (data/ and seeds/) beside the clone, or set TORGET_SHARED to it.",
                              bold=True)
    terminalreporter.line("With CI=true (as .ci/run sets it) these tests fail instead of skipping.")


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium through Playwright. Skips on a laptop without it, never in CI."""
    if not CHROMIUM.exists():
        missing_tool("Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """A fresh browser page with Norwegian locale and Oslo time, its clock started at BROWSED_AT;
    fails the test on a script error. A test may install another clock."""
    context = browser.new_context(locale="nb-NO", timezone_id="Europe/Oslo")
    tab = context.new_page()
    tab.clock.install(time=BROWSED_AT)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not errors, f"script errors on the page: {errors}"
