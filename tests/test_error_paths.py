"""Bad input ends in `file:line: field: message` and a non-zero exit, never a traceback.

These call the core, the plugin and the `torget` command in-process; no whole build runs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import Project, assert_built
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from small_project import MKDOCS_YML, SITE_URL, event_page, small_project

from site_plugins.build import site_files
from site_plugins.cli import main
from site_plugins.plugin import TorgetPlugin
from site_plugins.site import SiteSources, load_site
from site_plugins.sources.problems import SourceError
from site_plugins.web.urls import SiteUrls

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return small_project(tmp_path)


def _long_description(project: Project) -> int:
    """Write an event whose description no poster can hold; return its length."""
    description = ("Her møtes pårørende for å snakke sammen over en kopp kaffe og dele erfaringer. " * 60).strip()
    project.write("docs/arrangementer/kafe.md", event_page(description))
    return len(description)


def test_a_description_too_long_for_the_poster_names_file_line_and_field(project: Project):
    length = _long_description(project)
    site = load_site(SiteSources(root=project.root, organisations=project.organisations, now=NOW))
    with pytest.raises(SourceError) as caught:
        list(site_files(site, SiteUrls(SITE_URL)))
    [problem] = caught.value.problems
    assert str(problem).startswith(f"docs/arrangementer/kafe.md:3: description: is {length} characters, too long "
                                   "to fit on the event's A4 poster")
    assert "shorten it" in str(problem)


def test_the_plugin_turns_the_poster_problem_into_a_build_error(project: Project):
    length = _long_description(project)
    config = load_config(str(project.root / "mkdocs.yml"))
    plugin = next(p for p in config.plugins.values() if isinstance(p, TorgetPlugin))
    plugin.on_config(config)
    with pytest.raises(PluginError, match=rf"docs/arrangementer/kafe\.md:3: description: is {length} characters"):
        plugin.on_files(Files([]), config)


def test_check_lays_out_the_event_posters_too(project: Project, capsys):
    length = _long_description(project)
    status, _, err = _torget(project, capsys, "check")
    assert status == 1
    assert f"docs/arrangementer/kafe.md:3: description: is {length} characters, too long" in err


def _torget(project: Project, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["-f", str(project.root / "mkdocs.yml"), *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_check_reports_source_problems_with_exit_1(project: Project, capsys):
    project.write("organisations/feil.yaml", "name: Feil\ndescription: Tekst.\ncategories: [Kraft]\n")
    status, _, err = _torget(project, capsys, "check")
    assert status == 1
    assert "organisations/feil.yaml:3: categories[1]: 'Kraft' is not a known category." in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", [["check"], ["new", "Ny forening"], ["schema"]])
def test_every_command_reports_a_missing_category_list_with_exit_1(project: Project, capsys, command):
    (project.organisations / "_categories.yaml").unlink()
    status, _, err = _torget(project, capsys, *command)
    assert status == 1
    assert "organisations/_categories.yaml: the category list is missing" in err


@pytest.mark.parametrize(("config", "expected"), [
    ("site_name: [\n", "cannot read"),
    # `torget check` reads the plugin's options without loading every plugin, and names the wrong one.
    (MKDOCS_YML.replace("  - torget\n", "  - torget:\n      hours: 7\n"),
     "plugins.torget.hours: Expected type: <class 'str'>"),
    (MKDOCS_YML.replace("plugins:\n  - torget\n", ""), "the `torget` plugin is not listed"),
])
def test_mkdocs_config_errors_are_messages_with_exit_1(project: Project, capsys, config, expected):
    project.write("mkdocs.yml", config)
    status, _, err = _torget(project, capsys, "check")
    assert status == 1
    assert expected in err and "Traceback" not in err


@pytest.mark.parametrize(("directory_urls", "address"), [
    (True, f"{SITE_URL}organisasjoner/sovn/"), (False, f"{SITE_URL}organisasjoner/sovn.html"),
])
def test_new_with_a_slug_gives_the_address_made_from_the_slug(project: Project, capsys, directory_urls, address):
    if not directory_urls:
        project.write("mkdocs.yml", MKDOCS_YML + "use_directory_urls: false\n")
    status, out, _ = _torget(project, capsys, "new", "Foreningen for søvnproblemer", "--slug", "sovn")
    assert status == 0
    assert f"its page will be {address}" in out
    text = (project.organisations / "sovn.yaml").read_text(encoding="utf-8")
    assert f"# New organisation: the page will be {address}\n" in text
    assert "foreningen-for-sovnproblemer" not in text


def test_check_names_a_misspelt_option_with_its_line_and_the_known_options(project: Project, capsys):
    # MkDocs only warns and then ignores the option; `torget check` must not say OK without a word.
    project.write("mkdocs.yml", MKDOCS_YML.replace("  - torget\n", "  - torget:\n      drafs: true\n"))
    status, out, _ = _torget(project, capsys, "check")
    assert status == 0
    assert ("warning: mkdocs.yml:6: plugins.torget.drafs: is not an option of the plugin, so it is ignored; "
            "the options are app_short_name, bleed_mm, cache_dir,") in out


def test_check_after_a_build_draws_no_poster_the_build_drew(project: Project, capsys):
    # The build draws proofs while site_url is a placeholder; check lays the posters out the same way,
    # so it finds them in the cache instead of drawing (and importing the drawing libraries) every time.
    project.write("docs/arrangementer/kafe.md", event_page())
    assert_built(project.build())
    cache = project.root / ".cache" / "torget"
    drawn = sorted(cache.rglob("*.pdf"))
    assert drawn
    status, _, _ = _torget(project, capsys, "check")
    assert status == 0
    assert sorted(cache.rglob("*.pdf")) == drawn


def _on_files(project: Project) -> None:
    """Every plugin's on_config and on_files over the project's own files, as `mkdocs build` runs them."""
    from mkdocs.structure.files import get_files

    config = load_config(str(project.root / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    config.plugins.on_files(get_files(config), config=config)


def test_a_hand_written_page_where_the_plugin_makes_one_stops_the_build(project: Project):
    project.write("docs/organisasjoner/melanomforeningen.md", "# Melanomforeningen\n\nSkrevet for hånd.\n")
    with pytest.raises(PluginError) as caught:
        _on_files(project)
    assert str(caught.value).startswith("torget: docs/organisasjoner/melanomforeningen.md would be written to "
                                        "organisasjoner/melanomforeningen/index.html, which the plugin makes")
    assert str(caught.value).endswith("remove or rename the hand-written file.")


@pytest.mark.parametrize("hand_written", ["docs/organisasjoner/gammel.md", "docs/organisasjoner/gammel/index.md"])
def test_a_former_address_taken_by_a_hand_written_page_stops_the_build(project: Project, hand_written: str):
    # The loader sees only organisations/gammel.yaml; a page in docs/ at the same address would silently
    # win over (or lose to) the forwarding page that printed codes of the old address rely on.
    source = project.organisations / "melanomforeningen.yaml"
    source.write_text(source.read_text(encoding="utf-8") + "former_slugs: [gammel]\n", encoding="utf-8")
    project.write(hand_written, "# Gammel side\n")
    with pytest.raises(PluginError) as caught:
        _on_files(project)
    assert str(caught.value).startswith(f"torget: {hand_written} would be written to organisasjoner/gammel/index.html, "
                                        "which the plugin makes")


def test_a_former_address_taken_by_a_hand_written_page_fails_the_real_build(project: Project):
    source = project.organisations / "melanomforeningen.yaml"
    source.write_text(source.read_text(encoding="utf-8") + "former_slugs: [gammel]\n", encoding="utf-8")
    project.write("docs/organisasjoner/gammel.md", "# Gammel side\n")
    result = project.build()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "torget: docs/organisasjoner/gammel.md would be written to organisasjoner/gammel/index.html" in result.stderr
