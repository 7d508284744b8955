"""The bundled site builds, and a startup -> build -> shutdown run leaves the editors' files untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import REPO, Project, make_publishable


def _fingerprint(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_leaves_sources_untouched(bundled_site: Project):
    """`bundled_site` is a real `mkdocs build` (startup, build, shutdown) of a copy of the sources:
    afterwards the copy is still byte for byte the repository's."""
    assert (bundled_site.site / "organisasjoner" / "index.html").is_file()
    for name in ("docs", "docs-en", "organisations"):
        assert _fingerprint(bundled_site.root / name) == _fingerprint(REPO / name), name


def test_a_publishable_copy_builds_strict_under_properdocs(bundled_project: Project):
    make_publishable(bundled_project)
    result = bundled_project.build("--strict", tool="properdocs")
    assert result.returncode == 0, result.stderr
    html = bundled_project.page("organisasjoner/melanomforeningen/")
    assert "likeperson@melanom.no" in html
