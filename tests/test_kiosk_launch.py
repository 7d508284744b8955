"""kiosk/launch.sh: the Chromium flags a public terminal needs and the URL allow-list, checked with a stand-in browser."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import REPO

LAUNCHER = REPO / "kiosk" / "launch.sh"
REQUIRED_FLAGS = ("--kiosk", "--noerrdialogs", "--disable-session-crashed-bubble", "--overscroll-history-navigation=0",
                  "--disable-pinch", "--no-first-run", "--disable-background-networking")


def launch(tmp_path: Path, *args: str, policy_dir: Path | None = None) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run the launcher with a stand-in for Chromium that writes down how it was started."""
    record = tmp_path / "arguments"
    browser = tmp_path / "chromium"
    browser.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\n', encoding="utf-8")
    browser.chmod(0o755)
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path / "home"), "CHROMIUM": str(browser),
           "KIOSK_POLICY_DIR": str(policy_dir or tmp_path / "policies" / "managed")}
    result = subprocess.run(["sh", str(LAUNCHER), *args], capture_output=True, text=True, env=env, timeout=30)
    arguments = record.read_text(encoding="utf-8").splitlines() if record.exists() else []
    return result, arguments


def test_starts_chromium_full_screen_with_a_profile_of_its_own(tmp_path):
    result, arguments = launch(tmp_path, "https://torget.example.no/kiosk/?idle=120")
    assert result.returncode == 0, result.stderr
    assert set(REQUIRED_FLAGS) <= set(arguments)
    assert any(flag.startswith("--disable-features=") and "Translate" in flag for flag in arguments)
    assert f"--user-data-dir={tmp_path}/home/.local/share/torget-kiosk" in arguments
    assert arguments[-1] == "https://torget.example.no/kiosk/?idle=120"


def test_writes_the_url_allow_list_policy_for_the_kiosks_own_site(tmp_path):
    result, _ = launch(tmp_path, "http://127.0.0.1:8000/kiosk/")
    assert result.returncode == 0, result.stderr
    policy = json.loads((tmp_path / "policies" / "managed" / "torget-kiosk.json").read_text(encoding="utf-8"))
    assert policy["URLBlocklist"] == ["*"]
    assert policy["URLAllowlist"] == ["http://127.0.0.1:8000", "about:blank"]
    assert policy["TranslateEnabled"] is False and policy["DeveloperToolsAvailability"] == 2


def test_when_the_policy_folder_cannot_be_written_it_says_how_to_install_it_and_starts_anyway(tmp_path):
    # A file where the folder should be: unwritable even for root, like /etc for an ordinary user.
    (tmp_path / "etc").write_text("", encoding="utf-8")
    result, arguments = launch(tmp_path, "https://torget.example.no/kiosk/", policy_dir=tmp_path / "etc" / "managed")
    assert result.returncode == 0
    assert "install -D -m 644" in result.stderr and "torget-kiosk-policy.json" in result.stderr
    assert "--kiosk" in arguments


@pytest.mark.parametrize("args", [(), ("torget.example.no/kiosk/",), ("javascript:alert(1)",), ("a", "b")])
def test_refuses_anything_but_one_web_address(tmp_path, args):
    result, arguments = launch(tmp_path, *args)
    assert result.returncode == 64 and arguments == []
    assert "usage" in result.stderr or "not an http(s) address" in result.stderr
