"""The suite's own promise: without Chromium, npm or Java, `make test` says at the end how many browser and
gate tests it skipped and the one command that installs what they need; with CI=true they fail instead."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import REPO

# One browser test and one quality-gate test that need no site build.
NEEDY = ["tests/test_quality_browser.py::test_axe_reports_page_rule_and_target",
         "tests/test_quality_html.py::test_checker_reports_our_own_errors"]


def _pytest_without_tools(tmp_path, **env: str) -> subprocess.CompletedProcess[str]:
    bare = tmp_path / "bin"  # a PATH without npm and java
    bare.mkdir(exist_ok=True)
    # The outer run's CI flag and pytest options (e.g. --durations) must not reach the inner run.
    environment = {key: value for key, value in os.environ.items() if key not in {"CI", "PYTEST_ADDOPTS"}}
    environment.update(PATH=str(bare), TORGET_CHROMIUM=str(tmp_path / "no-chromium"), **env)
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *NEEDY], cwd=REPO,
                          env=environment, capture_output=True, text=True, timeout=300)


def test_skipped_browser_and_gate_tests_are_counted_at_the_end_with_the_install_command(tmp_path):
    result = _pytest_without_tools(tmp_path)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.rstrip().splitlines()
    summary = next(index for index, line in enumerate(lines) if "skipped: tools not installed" in line)
    assert "1 browser test(s) and 1 quality-gate test(s) were skipped" in lines[summary + 1]
    assert lines[summary + 2].endswith("sudo apt-get install chromium fonts-dejavu-core npm default-jre-headless")
    # Nothing but pytest's own closing lines comes after it.
    assert all("skipped" in line or "short test summary" in line or line.startswith(("SKIPPED", "With CI=true"))
               for line in lines[summary + 3:]), lines[summary:]


def test_in_ci_missing_tools_fail_the_run(tmp_path):
    result = _pytest_without_tools(tmp_path, CI="true")
    assert result.returncode == 1
    assert "1 failed, 1 error" in result.stdout  # the browser fixture errs, the vnu test fails
    assert "Chromium is missing; .ci/run installs it" in result.stdout
    assert "Java is missing; .ci/run installs it" in result.stdout
