"""The suite's own promise: without Chromium, npm, Java, nginx or the shared data, `make test` says at the end
how many tests it skipped and what brings what they need; with CI=true they fail instead."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import REPO, TOOLS, missing_shared_data, missing_tool

# One browser test, one quality-gate test, one test behind nginx and one of the shared data; none builds a site
# before it finds what it lacks.
NEEDY = ["tests/test_quality_browser.py::test_axe_reports_page_rule_and_target",
         "tests/test_quality_html.py::test_checker_reports_our_own_errors",
         "tests/test_deploy_nginx.py::test_fingerprinted_assets_are_immutable_and_the_rest_is_cached_briefly",
         "tests/test_directory_data.py::test_every_bundled_organisation_is_one_row_of_the_data"]
# Loaded into the inner run: a machine without nginx (Debian installs it in /usr/sbin, outside any PATH).
WITHOUT_NGINX = '''import local_nginx


def _missing():
    raise local_nginx.NginxMissing("nginx is not installed (apt install nginx libnginx-mod-http-brotli-static)")


local_nginx.nginx_binary = _missing
'''


def _pytest_without_tools(tmp_path, **env: str) -> subprocess.CompletedProcess[str]:
    bare = tmp_path / "bin"  # a PATH without npm and java
    bare.mkdir(exist_ok=True)
    (tmp_path / "without_nginx.py").write_text(WITHOUT_NGINX, encoding="utf-8")
    # The outer run's CI flag and pytest options (e.g. --durations) must not reach the inner run.
    environment = {key: value for key, value in os.environ.items() if key not in {"CI", "PYTEST_ADDOPTS"}}
    python_path = [str(tmp_path), str(REPO / "deploy"), *filter(None, [os.environ.get("PYTHONPATH")])]
    environment.update(PATH=str(bare), TORGET_CHROMIUM=str(tmp_path / "no-chromium"),
                       TORGET_SHARED=str(tmp_path / "no-shared"), PYTHONPATH=os.pathsep.join(python_path), **env)
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "without_nginx", "-q",
                           *NEEDY], cwd=REPO, env=environment, capture_output=True, text=True, timeout=300)


def test_skipped_tests_are_counted_at_the_end_with_what_brings_what_they_need(tmp_path):
    result = _pytest_without_tools(tmp_path)
    assert result.returncode == 0, result.stdout
    assert "4 skipped" in result.stdout
    lines = result.stdout.rstrip().splitlines()
    summary = next(index for index, line in enumerate(lines) if "skipped: tools or data not installed" in line)
    assert lines[summary + 1] == ("1 browser test(s), 1 quality-gate test(s) and 1 other test(s) were skipped, "
                                  "because Chromium, npm, Java and nginx are not installed.")
    assert lines[summary + 2].endswith("sudo apt-get install chromium fonts-dejavu-core npm default-jre-headless "
                                       "nginx libnginx-mod-http-brotli-static")
    assert lines[summary + 3] == ("1 test(s) of the bundled directory against its sources were skipped, because the "
                                  f"shared data is not in {tmp_path / 'no-shared'}.")
    assert lines[summary + 4].startswith("Put a copy of shared/")
    # Nothing but pytest's own closing lines comes after it.
    assert all("skipped" in line or "short test summary" in line or line.startswith(("SKIPPED", "With CI=true"))
               for line in lines[summary + 5:]), lines[summary:]


def test_in_ci_missing_tools_and_data_fail_the_run(tmp_path):
    result = _pytest_without_tools(tmp_path, CI="true")
    assert result.returncode == 1
    # The browser, nginx and data fixtures err; the vnu test fails.
    assert "1 failed, 3 errors" in result.stdout
    assert "Chromium is missing; .ci/run installs it" in result.stdout
    assert "Java is missing; .ci/run installs it" in result.stdout
    assert "nginx is missing (nginx is not installed (apt install nginx" in result.stdout
    assert f"{tmp_path / 'no-shared' / 'data'} is missing; CI keeps a copy of shared/ beside the clone" in result.stdout


@pytest.mark.parametrize("tool", list(TOOLS))
def test_every_tool_the_suite_skips_without_fails_in_ci(tool: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=rf"^{tool} is missing; .ci/run installs it \(apt-get install "):
        missing_tool(tool)
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception, match=rf"^needs {tool}, which is not installed$"):
        missing_tool(tool)


def test_the_shared_data_fails_in_ci_and_is_skipped_elsewhere(tmp_path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="is missing; CI keeps a copy of shared/ beside the clone"):
        missing_shared_data(tmp_path)
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match=r"^needs the shared data, which is not here"):
        missing_shared_data(tmp_path)
