"""Bad opening-hours input stops the build with file, line and field named, and no traceback.

The problems are asked of the core as the build asks it (`Project.problems`); one build shows the
strict-mode warning when the school calendar runs out.
"""

from __future__ import annotations

import datetime as dt

from conftest import Project, source_date_epoch

from site_plugins.site import load_site

SCHOOL_FILE = "organisations/_school_holidays.yaml"


def line_of(project: Project, relative: str, text: str) -> int:
    lines = (project.root / relative).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def replace(project: Project, relative: str, old: str, new: str) -> None:
    path = project.root / relative
    source = path.read_text(encoding="utf-8")
    assert old in source
    path.write_text(source.replace(old, new, 1), encoding="utf-8")


def assert_stopped(result, *expected: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr


def assert_reported(problems: str, *expected: str) -> None:
    for text in expected:
        assert text in problems, problems


def test_bad_rule_and_bad_school_calendar_are_reported_together(bundled_project: Project):
    replace(bundled_project, "mkdocs.yml", 'hours: "We 11:00-14:00; SH off; PH off"', 'hours: "We 11:00-14:00; sh off"')
    replace(bundled_project, SCHOOL_FILE, "first_day: 2027-02-27", "first_day: 2027-02-30")
    problems = bundled_project.problems()
    rule_line = line_of(bundled_project, "mkdocs.yml", "hours:")
    date_line = line_of(bundled_project, SCHOOL_FILE, "2027-02-30")
    assert_reported(problems,
                   f"mkdocs.yml:{rule_line}: plugins.torget.hours: cannot read 'sh off'",
                   f"{SCHOOL_FILE}:{date_line}: holidays[3].first_day: '2027-02-30' is not a real date")


def test_unsupported_rule_names_the_part(bundled_project: Project):
    replace(bundled_project, "mkdocs.yml", 'hours: "We 11:00-14:00; SH off; PH off"', 'hours: "We 11:00-14:00; easter off"')
    problems = bundled_project.problems()
    rule_line = line_of(bundled_project, "mkdocs.yml", "hours:")
    assert_reported(problems, f"mkdocs.yml:{rule_line}: plugins.torget.hours: the part 'easter closed' is valid opening_hours syntax")


def test_overlapping_school_holidays_stop_the_build(bundled_project: Project):
    replace(bundled_project, SCHOOL_FILE, "  - reason: vinterferie\n    first_day: 2027-02-27",
            "  - reason: vinterferie\n    first_day: 2027-01-02")
    problems = bundled_project.problems()
    line = line_of(bundled_project, SCHOOL_FILE, "first_day: 2027-01-02") - 1
    assert_reported(problems, f"{SCHOOL_FILE}:{line}: holidays[3]: 'vinterferie' (2027-01-02–2027-03-07) overlaps 'juleferie'")


def test_end_before_start_and_bad_extra_closed_day(bundled_project: Project):
    replace(bundled_project, SCHOOL_FILE, "last_day: 2027-08-17", "last_day: 2027-06-01")
    replace(bundled_project, "mkdocs.yml", '"12-31": nyttårsaften', '"12-32": nyttårsaften')
    problems = bundled_project.problems()
    entry_line = line_of(bundled_project, SCHOOL_FILE, "first_day: 2027-06-19") - 1
    extra_line = line_of(bundled_project, "mkdocs.yml", '"12-32"')
    assert_reported(problems,
                   f"{SCHOOL_FILE}:{entry_line}: holidays[5]: last_day (2027-06-01) is before first_day (2027-06-19)",
                   f"mkdocs.yml:{extra_line}: plugins.torget.extra_closed_days.12-32: '12-32' is not a date")


def test_missing_school_calendar_is_named(bundled_project: Project):
    (bundled_project.root / SCHOOL_FILE).unlink()
    assert_reported(bundled_project.problems(), f"{SCHOOL_FILE}: the school calendar is missing")


def test_build_warns_when_the_school_calendar_runs_out(bundled_project: Project, monkeypatch):
    late = dt.datetime(2028, 7, 1, tzinfo=dt.timezone.utc)
    warning = f"{SCHOOL_FILE}: the school calendar ends on 2028-08-20, but the opening hours need it at least to 2028-08-30"
    # A warning, not a problem: the core loads the site and hands the warning on.
    [found] = load_site(bundled_project.sources(now=late)).hours.warnings
    assert found.startswith(warning)
    # Only a build shows that the plugin logs it and that --strict then stops (-v: a quiet build neither prints nor counts warnings).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", source_date_epoch(late))
    strict = bundled_project.build("--strict", "-v")
    assert f"WARNING -  torget: {warning}" in strict.stderr
    assert_stopped(strict, warning)
    assert "Aborted with 1 warnings in strict mode" in strict.stdout
