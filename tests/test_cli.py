"""The editors' commands: `torget check`, `torget new`, `torget schema`; and what a failed build says.

The commands are called in-process through `site_plugins.cli.main`, as the `torget` script calls it;
tests/test_wheel.py runs the installed script itself.
"""

from __future__ import annotations

import contextlib
import io
import json
from dataclasses import dataclass

from conftest import REPO, Project

from site_plugins.cli import main


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def torget(project: Project, *args: str) -> Ran:
    """`torget <args>` run on a project's mkdocs.yml: its exit status and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--config-file", str(project.root / "mkdocs.yml"), *args])
    return Ran(code, out.getvalue(), err.getvalue())


def test_check_passes_on_the_bundled_data_and_lists_entries_due_for_review(bundled_project: Project):
    bundled_project.write("organisations/ny.yaml", "name: Ny forening\ndescription: Tekst.\ncategories: [Kreft]\n"
                                                   "reviewed: 2000-01-01\n")
    result = torget(bundled_project, "check")
    assert result.returncode == 0, result.stderr
    assert "warning: organisations/ny.yaml: last checked 2000-01-01" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("OK: ")


def test_check_fails_listing_every_problem(bundled_project: Project):
    bundled_project.write("organisations/feil.yaml", "name: Feil\ndescription: Tekst.\ncategories: [Kraft]\n")
    bundled_project.write("organisations/feil-to.yaml", "name: Feil to\n")
    result = torget(bundled_project, "check")
    assert result.returncode == 1
    assert "organisations/feil.yaml:3: categories[1]: 'Kraft' is not a known category." in result.stderr
    assert "organisations/feil-to.yaml:1: description: is required but missing" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_stops_with_the_problem_and_no_traceback(bundled_project: Project):
    bundled_project.write("organisations/feil.yaml", "name: Feil\ndescription: Tekst.\ncategories: [Kreft]\nat_torget: ja\n")
    result = bundled_project.build()
    assert result.returncode == 1
    assert "organisations/feil.yaml:4: at_torget: expected true or false, not the text 'ja'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (bundled_project.site / "organisasjoner").exists()


def test_new_writes_a_template_that_fails_until_filled_in(bundled_project: Project):
    result = torget(bundled_project, "new", "Foreningen for søvnproblemer")
    assert result.returncode == 0, result.stderr
    path = bundled_project.organisations / "foreningen-for-sovnproblemer.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./organisation.schema.json\n")
    assert 'name: "Foreningen for søvnproblemer"' in text and "#   - Kreft" in text
    check = torget(bundled_project, "check")
    assert check.returncode == 1
    assert "foreningen-for-sovnproblemer.yaml:10: description: must not be empty" in check.stderr
    filled = text.replace('description: ""', "description: For dem som sover dårlig.").replace(
        "categories: []", "categories: [Psykisk helse]")
    path.write_text(filled, encoding="utf-8")
    assert torget(bundled_project, "check").returncode == 0


def test_new_refuses_to_overwrite(bundled_project: Project):
    path = bundled_project.organisations / "melanomforeningen.yaml"
    before = path.read_bytes()
    result = torget(bundled_project, "new", "Melanomforeningen")
    assert result.returncode == 1
    assert "organisations/melanomforeningen.yaml already exists" in result.stderr
    assert path.read_bytes() == before
    assert torget(bundled_project, "new", "Melanomforeningen", "--slug", "melanom-nord").returncode == 0
    assert (bundled_project.organisations / "melanom-nord.yaml").is_file()


def test_committed_schema_is_current_and_lists_the_categories(bundled_project: Project):
    result = torget(bundled_project, "schema")
    assert result.returncode == 0, result.stderr
    committed = (REPO / "organisations" / "organisation.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, "run `make schema` and commit organisations/organisation.schema.json"
    schema = json.loads(committed)
    assert "Kreft" in schema["properties"]["categories"]["items"]["enum"]
    assert schema["additionalProperties"] is False and "slug" not in schema["properties"]


def test_every_bundled_file_points_editors_at_the_schema():
    for path in (REPO / "organisations").glob("[!_]*.yaml"):
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=./organisation.schema.json\n"), path


def test_missing_config_file_is_reported(tmp_path):
    result = torget(Project(tmp_path), "check")
    assert result.returncode == 1 and f"cannot read {tmp_path / 'mkdocs.yml'}" in result.stderr
