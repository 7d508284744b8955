"""The built wheel is complete: installed into a fresh virtualenv, it builds the bundled project, kiosk included,
with no source tree on the path.

The build backend and the dependencies are fetched once into .cache/wheelhouse/<key> (the key changes
with pyproject.toml's requirements and the Python version); every run then builds and installs offline.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import REPO, Project, assert_built, copy_bundled_project

pytestmark = pytest.mark.wheel

PIP = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "--quiet"]


def _run(command: list[str], **options) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, **options)
    assert result.returncode == 0, f"{' '.join(map(str, command))} failed:\n{result.stdout}\n{result.stderr}"
    return result


def _clean_env() -> dict[str, str]:
    """The environment without anything that would put the source tree or the test venv on the path."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")}
    return {**env, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def _wheelhouse() -> Path:
    """.cache/wheelhouse/<key>: wheels of the build backend and of every dependency, fetched once (from pip's
    cache or the registry) and reused offline until pyproject.toml's requirements or the Python version change."""
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    requirements = [*pyproject["build-system"]["requires"], *pyproject["project"]["dependencies"]]
    key = hashlib.sha256("\n".join([sys.version, *requirements]).encode("utf-8")).hexdigest()[:16]
    wheelhouse = REPO / ".cache" / "wheelhouse" / key
    if not (wheelhouse / ".complete").exists():
        _run([*PIP, "wheel", "--wheel-dir", str(wheelhouse), *requirements], env=_clean_env())
        (wheelhouse / ".complete").touch()
    return wheelhouse


@pytest.fixture(scope="session")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv (no system site-packages, no pip) with only the wheel and its dependencies."""
    work = tmp_path_factory.mktemp("wheel")
    offline = ["--no-index", "--find-links", str(_wheelhouse())]
    # Build from a copy, so setuptools' build/ and *.egg-info never touch (or leak stale files from) the checkout;
    # in an isolated build environment, as `pip install .` builds it, with setuptools from the wheelhouse.
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(REPO / "site_plugins", source / "site_plugins", ignore=shutil.ignore_patterns("__pycache__"))
    _run([*PIP, "wheel", "--no-deps", *offline, "--wheel-dir", str(work / "dist"), str(source)], env=_clean_env())
    [wheel] = (work / "dist").glob("torget-*.whl")

    venv = work / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    assert "include-system-site-packages = false" in (venv / "pyvenv.cfg").read_text(encoding="utf-8")
    # The test venv's pip installs into the fresh one; --no-compile: Python compiles what it imports.
    _run([*PIP, "--python", str(venv / "bin" / "python"), "install", "--no-compile", *offline, str(wheel)],
         env=_clean_env())
    return venv


def test_the_installed_wheel_builds_the_bundled_project_with_its_kiosk(wheel_venv: Path, tmp_path: Path, shared_cache: Path):
    project = copy_bundled_project(tmp_path / "project", cache=shared_cache)
    env = _clean_env()
    # The plugin comes from the virtualenv, not from the checkout.
    where = _run([str(wheel_venv / "bin" / "python"), "-c", "import site_plugins; print(site_plugins.__file__)"],
                 cwd=project.root, env=env).stdout.strip()
    assert Path(where).is_relative_to(wheel_venv), where
    assert not Path(where).is_relative_to(REPO)

    result = subprocess.run([str(wheel_venv / "bin" / "mkdocs"), "build"], cwd=project.root, env=env,
                            capture_output=True, text=True, timeout=600)
    assert_built(result)
    kiosk = project.site / "kiosk"
    page = (kiosk / "index.html").read_text(encoding="utf-8")
    # Its own static files: everything the page loads, and the QR drawing script it ships with.
    loaded = {ref.split("?")[0] for ref in re.findall(r'(?:src|href)="([^"#:]+)"', page)}
    assert {"kiosk.css", "kiosk.js"} <= loaded, loaded
    for ref in loaded | {"vendor/qrcode-generator.js"}:
        assert (kiosk / ref).resolve().is_file(), f"site/kiosk/{ref} is missing"
    assert (project.site / "organisasjoner" / "melanomforeningen" / "index.html").is_file()

    check = subprocess.run([str(wheel_venv / "bin" / "torget"), "check"], cwd=project.root, env=env,
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr
    assert "\nOK: " in check.stdout and "Publication report:" in check.stdout


def test_wheel_test_project_is_a_copy(tmp_path: Path):
    """The wheel test's project holds no code: only mkdocs.yml, docs/, docs-en/ and organisations/ are copied."""
    project: Project = copy_bundled_project(tmp_path)
    assert sorted(path.name for path in project.root.iterdir()) == ["docs", "docs-en", "mkdocs.yml", "organisations"]
