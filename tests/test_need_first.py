"""The page a visitor in distress opens: helplines in order of need with a live status, organisations that
no longer exist as listed, peer support that is peer support, and texts that say no more than the sources."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO, Project
from small_project import small_project

from site_plugins.directory.helplines import helpline_groups, status_key
from site_plugins.directory.load import load_directory
from site_plugins.web.clock import OSLO

MERGED, SUCCESSOR = "norsk-epilepsiforbunds-ungdom", "norsk-epilepsiforbund"
DISSOLVED = "synshemmede-akademikere"
NOT_ONE_TO_ONE = {"angstringen-norge", "marborg", "aurora"}


def _text(page: str) -> str:
    body = page[page.index("<article"):page.index("</article>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


@pytest.fixture(scope="module")
def directory():
    return load_directory(REPO / "organisations", REPO)


# --- Helplines in order of need --------------------------------------------------------------------

def test_lines_open_day_and_night_come_first_then_by_who_they_are_for(directory):
    groups = helpline_groups(directory)
    assert groups[0].heading == "Åpne hele døgnet"
    assert [entry.line.reach[0].text for entry in groups[0].entries] == ["116 123"]
    assert all(entry.line.always for entry in groups[0].entries)
    assert not any(entry.line.always for group in groups[1:] for entry in group.entries)
    # Relatives before cancer; never the alphabet across groups.
    headings = [group.heading for group in groups[1:]]
    assert headings.index("Pårørende") < headings.index("Kreft")


def test_helplines_page_puts_emergency_numbers_then_the_open_lines_first(bundled_site: Project):
    page = bundled_site.page("hjelpetelefoner")
    text = _text(page)
    assert text.index("113") < text.index("116 117") < text.index("116 123") < text.index("476 82 571")
    assert text.index("Åpne hele døgnet") < text.index("Pårørende")
    # A line without known hours says so; a line with hours has its live status element.
    assert "Åpningstiden er ikke kjent" in text
    assert f'data-torget-status="{status_key("901 49 952")}"' in page
    assert "Åpen mandager kl. 15:00–16:00." in text


def test_the_status_file_holds_each_lines_answered_intervals(bundled_site: Project):
    data = json.loads((bundled_site.site / "assets/torget/hours.json").read_text(encoding="utf-8"))
    wso = data["lines"][status_key("901 49 952")]["intervals"]
    starts = [dt.datetime.fromisoformat(item["start"].replace("Z", "+00:00")).astimezone(OSLO) for item in wso]
    assert starts and all(start.strftime("%a %H:%M") == "Mon 15:00" for start in starts)
    assert wso[0]["open"] == "Åpen nå – til 16:00"
    assert wso[0]["closed"].startswith("Stengt nå – åpner mandag")
    assert status_key("116 123") not in data["lines"], "a line open day and night needs no intervals"


@pytest.mark.browser
@pytest.mark.parametrize(("moment", "expected"), [
    # Monday 23 November 2026: WSO's line answers 15–16 on Mondays, the PIO line 10–15 on weekdays.
    (dt.datetime(2026, 11, 23, 10, 30, tzinfo=OSLO), {status_key("901 49 952"): "Stengt nå – åpner mandag 23. november kl. 15:00",
                                                      status_key("22 49 19 22"): "Åpen nå – til 15:00"}),
    (dt.datetime(2026, 11, 23, 15, 30, tzinfo=OSLO), {status_key("901 49 952"): "Åpen nå – til 16:00",
                                                      status_key("22 49 19 22"): "Stengt nå – åpner tirsdag 24. november kl. 11:00"}),
    (dt.datetime(2026, 11, 23, 22, 0, tzinfo=OSLO), {status_key("901 49 952"): "Stengt nå – åpner mandag 30. november kl. 15:00",
                                                     status_key("22 49 19 22"): "Stengt nå – åpner tirsdag 24. november kl. 11:00"}),
])
def test_open_now_follows_the_visitors_clock(page, site_server, moment, expected):
    page.clock.set_fixed_time(moment)
    page.goto(site_server + "hjelpetelefoner/")
    for key, text in expected.items():
        status = page.locator(f'[data-torget-status="{key}"]').first
        status.wait_for(state="visible")
        assert status.inner_text() == text


# --- Organisations that no longer exist as listed ------------------------------------------------

def test_merged_and_dissolved_entries_are_in_no_list(bundled_site: Project, directory):
    assert {org.slug for org in directory.former} == {MERGED, DISSOLVED}
    listed = {org.slug for org in directory.organisations}
    assert MERGED not in listed and DISSOLVED not in listed
    pages = [bundled_site.page("organisasjoner"), bundled_site.page("tema"), bundled_site.page("likepersoner"),
             *(bundled_site.page(f"tema/{category.slug}") for category in directory.categories)]
    for page in pages:
        assert f"/{DISSOLVED}/" not in page and f"/{MERGED}/" not in page
    kiosk = "\n".join(path.read_text(encoding="utf-8") for path in (bundled_site.site / "kiosk").rglob("*.json"))
    assert DISSOLVED not in kiosk and MERGED not in kiosk
    index = json.loads((bundled_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not any(DISSOLVED in doc["location"] or MERGED in doc["location"] for doc in index["docs"])
    prints = "\n".join(path.read_text(encoding="utf-8", errors="replace")
                       for path in bundled_site.site.rglob("*.html") if "utskrift" in str(path) or "plakat" in str(path))
    assert "Synshemmede Akademikere" not in prints


def test_a_dissolved_address_says_so_and_when(bundled_site: Project):
    page = bundled_site.page(f"organisasjoner/{DISSOLVED}")
    text = _text(page)
    assert "Synshemmede Akademikere (SAF) er lagt ned (2020)" in text
    assert re.search(r'<a href="\.\./\.\./tema/sansetap-syn-og-horsel/">', page)


def test_the_merged_name_finds_the_successor_in_search(bundled_site: Project):
    index = json.loads((bundled_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    docs = [doc for doc in index["docs"] if doc["location"] == f"organisasjoner/{SUCCESSOR}/"]
    assert docs and "Norsk Epilepsiforbunds Ungdom" in docs[0]["keywords"]


@pytest.mark.browser
def test_the_merged_address_reaches_its_successor(page, site_server):
    page.goto(site_server + f"organisasjoner/{MERGED}/")
    page.wait_for_url(site_server + f"organisasjoner/{SUCCESSOR}/")
    assert page.locator("h1").first.inner_text().startswith("Norsk Epilepsiforbund")


def test_a_merging_organisation_says_whom_it_joins(bundled_site: Project):
    page = bundled_site.page("organisasjoner/norsk-osteoporoseforbund")
    assert "er i ferd med å slå seg sammen med" in _text(page)
    assert 'href="../norsk-revmatikerforbund/"' in page


# --- Peer support that is peer support --------------------------------------------------------------

def test_peer_support_page_counts_only_likeperson_schemes(bundled_site: Project, directory):
    page = bundled_site.page("likepersoner")
    one_to_one = [org for org in directory.organisations if org.peer_support and org.peer_support.kind == "likeperson"]
    assert f"{len(one_to_one)} organisasjoner har likepersoner du kan snakke med én og én" in _text(page)
    start = page.index('id="grupper-og-moteplasser"')
    for slug in NOT_ONE_TO_ONE:
        assert page.index(f"organisasjoner/{slug}/") > start, f"{slug} is not a likeperson scheme"


def test_a_switchboard_number_keeps_its_caveat_everywhere(bundled_site: Project):
    caveat = "Nummeret går til sentralbordet: ring og spør etter en likeperson."
    assert caveat in bundled_site.page("organisasjoner/diabetesforbundet")
    assert caveat in bundled_site.page("likepersoner")
    cards = (bundled_site.site / "kiosk").rglob("*.json")
    assert any(caveat in path.read_text(encoding="utf-8") for path in cards)


# --- Texts that say no more than the sources ---------------------------------------------------------

@pytest.mark.parametrize(("url", "gone", "present"), [
    ("", ["kontaktopplysninger og likepersoner", "temamøter", "komme i kontakt med en"], ["gir deg informasjon om"]),
    ("arrangementer/verdensdager/psykisk-helse", ["Avdeling for psykisk helse"], ["10. oktober"]),
    ("tilgjengelighetserklaering", ["Hver gang nettstedet endres", "har ansvaret for nettstedet"],
     ["Én side av hver sidetype"]),
    ("for-organisasjonene", ["gir dere beskjed til LMS", "Ta kontakt med LMS for å avtale"], ["Markering av verdensdager"]),
    ("ledige-vakter", ["hvilken vakt du vil ta"], ["bestemmer selv hvilke vakter"]),
    ("likepersoner", ["hjelpe deg å komme i kontakt med en likeperson"], ["gir\ninformasjon om organisasjonene"]),
])
def test_texts_say_what_the_sources_hold(bundled_site: Project, url, gone, present):
    page = bundled_site.page(url)
    for text in gone:
        assert text not in page
    for text in present:
        assert re.sub(r"\s+", " ", text) in re.sub(r"\s+", " ", page)


def test_world_days_name_organisations_in_full(bundled_site: Project):
    page = bundled_site.page("arrangementer")
    assert not re.search(r">(DSN|NPF|MHU|FFHB|VMH)</a>", page)


def test_the_404_page_and_the_kiosk_speak_norwegian(bundled_site: Project):
    assert "<h1>Fant ikke siden</h1>" in (bundled_site.site / "404.html").read_text(encoding="utf-8")
    kiosk = "\n".join(path.read_text(encoding="utf-8") for path in (bundled_site.site / "kiosk").glob("*.html"))
    assert "De neste dagene med frivillige" in kiosk


def test_the_pipeline_runs_the_quality_gates_before_it_deploys():
    pipeline = yaml.safe_load((REPO / "deploy/gitlab-ci.yml").read_text(encoding="utf-8"))
    gates = [name for name, job in pipeline.items()
             if isinstance(job, dict) and any(".ci/run" in line for line in job.get("script", []))]
    assert gates, "no job runs the test suite with its quality gates"
    assert set(gates) <= set(pipeline["deploy"]["needs"])


# --- Bad input ---------------------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path: Path) -> Project:
    return small_project(tmp_path)


def _edit(project: Project, name: str, extra: str) -> None:
    path = project.organisations / name
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")


def _one_file(project: Project) -> str:
    return sorted(path.name for path in project.organisations.glob("[!_]*.yaml"))[0]


@pytest.mark.parametrize(("extra", "field", "message"), [
    ("status:\n  state: merged\n", "status", "needs `successor:`"),
    ("status:\n  state: merged\n  successor: finnes-ikke\n", "status.successor", "is not an organisation file"),
    ("status:\n  state: dissolved\n  successor: x\n", "status", "only for the states"),
    ("status:\n  state: closed\n", "status.state", "'active'"),
])
def test_a_status_that_cannot_be_followed_names_file_line_and_field(project: Project, extra, field, message):
    name = _one_file(project)
    _edit(project, name, extra)
    problems = project.problems()
    assert re.search(rf"organisations/{re.escape(name)}:\d+: {re.escape(field)}: .*{re.escape(message)}", problems), problems
    assert "Traceback" not in problems


def test_a_successor_that_is_itself_dissolved_is_refused(project: Project):
    first, second = sorted(path.name for path in project.organisations.glob("[!_]*.yaml"))[:2]
    _edit(project, second, "status:\n  state: dissolved\n")
    _edit(project, first, f"status:\n  state: merged\n  successor: {second.removesuffix('.yaml')}\n")
    problems = project.problems()
    assert re.search(rf"organisations/{re.escape(first)}:\d+: status.successor: .*is itself dissolved", problems)


@pytest.mark.parametrize(("hours", "message"), [
    ("Hele døgnet", "cannot read 'Hele døgnet'"),
    ("Mo-Fr 10:00-15:00; SH off", "cannot explain it"),
])
def test_a_helpline_rule_that_is_not_valid_names_file_line_and_field(project: Project, hours, message):
    name = _one_file(project)
    data = yaml.safe_load((project.organisations / name).read_text(encoding="utf-8"))
    assert "helplines" not in data
    _edit(project, name, f'helplines:\n  - name: Linjen\n    phone: "22 22 22 22"\n    hours: "{hours}"\n')
    problems = project.problems()
    assert re.search(rf"organisations/{re.escape(name)}:\d+: helplines\[1\]\.hours: .*{re.escape(message)}", problems), problems
