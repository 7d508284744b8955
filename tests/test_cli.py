"""The editors' commands: `torget check`, `torget new`, `torget schema`; and what a failed build says.

The commands are called in-process through `site_plugins.cli.main`, as the `torget` script calls it;
tests/test_wheel.py runs the installed script itself.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import re
from dataclasses import dataclass

from conftest import REAL_SITE_URL, REPO, Project, listed_organisation_files, make_publishable

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
    # The command switches the cycle collector off while it runs (cli.py); it must give it back.
    assert gc.isenabled(), "torget left the garbage collector off"
    return Ran(code, out.getvalue(), err.getvalue())


def test_check_passes_on_the_bundled_data_and_lists_entries_due_for_review(bundled_project: Project):
    bundled_project.write("organisations/ny.yaml", "name: Ny forening\ndescription: Tekst.\ncategories: [Kreft]\n"
                                                   "reviewed: 2000-01-01\n")
    result = torget(bundled_project, "check")
    assert result.returncode == 0, result.stderr
    assert "warning: organisations/ny.yaml: last checked 2000-01-01" in result.stdout
    bundled = len(listed_organisation_files(bundled_project.root / "organisations"))
    assert f"OK: {bundled} organisations" in result.stdout  # the new file among them


def test_check_ends_with_a_publication_report_and_passes_on_the_bundled_project(bundled_project: Project):
    result = torget(bundled_project, "check")
    assert result.returncode == 0, result.stderr
    report = result.stdout.split("Publication report:", 1)[1]
    drafts = sorted(f"docs/{path.relative_to(bundled_project.docs).as_posix()}" for path in bundled_project.docs.rglob("*.md")
                    if "\ndraft: true\n" in path.read_text(encoding="utf-8"))
    assert drafts, "the bundled café and MØTEPLASS are drafts"
    assert f"drafts, left out of the published site: {', '.join(drafts)}" in report
    assert "school calendar: organisations/_school_holidays.yaml is not confirmed (verified: false)" in report
    assert "site_url: https://torget.example.no/ is a placeholder" in report
    assert re.search(r"organisations: \d+ of \d+ checked .*; \d+ never checked", report)
    assert "Not ready to publish yet" in report


def test_check_publish_fails_on_the_bundled_project_naming_what_is_missing(bundled_project: Project):
    result = torget(bundled_project, "check", "--publish")
    assert result.returncode == 1
    assert "site_url https://torget.example.no/ is a placeholder" in result.stderr
    assert "organisations/_school_holidays.yaml: confirm the school holidays" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_publish_passes_with_a_real_host_and_a_confirmed_calendar(bundled_project: Project):
    make_publishable(bundled_project)
    result = torget(bundled_project, "check", "--publish")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Ready to publish." in result.stdout
    # Drafts and unchecked entries are reported, but do not stop publication: drafts are left out.
    assert "drafts, left out of the published site:" in result.stdout


def test_check_publish_fails_on_each_blocker_alone(bundled_project: Project):
    make_publishable(bundled_project)
    config = bundled_project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(REAL_SITE_URL, "http://localhost:8000/"), encoding="utf-8")
    result = torget(bundled_project, "check", "--publish")
    assert result.returncode == 1 and "site_url http://localhost:8000/ is a placeholder" in result.stderr
    assert "school holidays" not in result.stderr


def test_a_draft_flag_that_is_not_yes_or_no_is_an_error(bundled_project: Project):
    bundled_project.write("docs/utkast.md", "---\ntitle: Utkast\ndraft: kanskje\n---\n# Utkast\n")
    result = torget(bundled_project, "check")
    assert result.returncode == 1
    assert "docs/utkast.md:3: draft: expected true or false, not 'kanskje'" in result.stderr


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
    assert {"enum": ["FFO", "SAFO", "Kreftforeningen samarbeidspartner", "Pårørendealliansen"]} in schema["properties"]["umbrella"]["anyOf"]
    assert {"helplines", "sources", "former_slugs", "visiting_address"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False and "slug" not in schema["properties"]


def test_every_bundled_file_points_editors_at_the_schema():
    for path in (REPO / "organisations").glob("[!_]*.yaml"):
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=./organisation.schema.json\n"), path


def test_missing_config_file_is_reported(tmp_path):
    result = torget(Project(tmp_path), "check")
    assert result.returncode == 1 and f"cannot read {tmp_path / 'mkdocs.yml'}" in result.stderr
