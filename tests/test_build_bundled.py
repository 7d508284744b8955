"""The bundled site builds, and a startup -> build -> shutdown run leaves the editors' files untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import Project, assert_built, make_publishable


def _fingerprint(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_leaves_sources_untouched(bundled_project: Project):
    before = {name: _fingerprint(bundled_project.root / name) for name in ("docs", "organisations")}
    assert_built(bundled_project.build())
    assert (bundled_project.site / "organisasjoner" / "index.html").is_file()
    after = {name: _fingerprint(bundled_project.root / name) for name in ("docs", "organisations")}
    assert after == before


def test_a_publishable_copy_builds_strict_under_properdocs(bundled_project: Project):
    make_publishable(bundled_project)
    result = bundled_project.build("--strict", tool="properdocs")
    assert result.returncode == 0, result.stderr
    html = bundled_project.page("organisasjoner/melanomforeningen/")
    assert "likeperson@melanom.no" in html
