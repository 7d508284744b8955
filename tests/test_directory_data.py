"""Truth check of the bundled directory against the public data it was made from.

Every bundled organisation is a row of shared/data/organisations.csv (website, themes, umbrella bodies
and search words as the row gives them), and every contact value, address, helpline, chapter and
source address appears in shared/data/organisation-contacts.csv on a line marked `use = yes` for that
organisation, or in the seed documents. The shared folder lies beside the repository (CI puts a copy
there); on a laptop without it the test skips, in CI it fails.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import pytest
from conftest import REPO, SHARED, missing_shared_data

from site_plugins.directory.load import Directory, load_directory
from site_plugins.directory.model import Organisation
from site_plugins.web.text import fold, slugify

DATA = SHARED / "data"


@pytest.fixture(scope="module")
def shared() -> Path:
    if not DATA.is_dir():
        missing_shared_data(DATA)
    return DATA


@pytest.fixture(scope="module")
def directory() -> Directory:
    return load_directory(REPO / "organisations", REPO)


@pytest.fixture(scope="module")
def rows(shared: Path) -> list[dict[str, str]]:
    with open(shared / "organisations.csv", encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


@pytest.fixture(scope="module")
def contact_lines(shared: Path) -> list[dict[str, str]]:
    with open(shared / "organisation-contacts.csv", encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


@pytest.fixture(scope="module")
def seeds(shared: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in sorted((SHARED / "seeds").glob("*")))


def _plain(name: str) -> str:
    """A row's name without the bracketed former names and notes: «ALS Norge (tidl. …)» -> «als norge»."""
    return fold(re.sub(r"\s*\([^)]*\)", "", name)).strip()


def _row_of(org: Organisation, rows: list[dict[str, str]]) -> dict[str, str]:
    """The one row whose name (or short name) the organisation's name begins, or is."""
    name = fold(org.name)
    found = [row for row in rows if _plain(row["name"]) == name or fold(row["name"]) == name]
    found = found or [row for row in rows if _plain(row["name"]).startswith(name) or (row["short_name"] and fold(row["short_name"]) == name)]
    assert len(found) == 1, f"{org.slug}: {len(found)} rows of organisations.csv match {org.name!r}"
    return found[0]


def test_every_bundled_organisation_is_one_row_of_the_data(directory, rows):
    matched = {org.slug: _row_of(org, rows)["name"] for org in _entries(directory)}
    assert len(set(matched.values())) == len(matched), "two files match the same row"
    assert len(matched) == len(rows), f"{len(rows) - len(matched)} rows of organisations.csv have no file"


def test_website_themes_umbrellas_and_keywords_follow_the_row(directory, rows, statuses):
    moved = {_plain(row["name"]) for row in statuses if row["status"] == "moved" and row["source_url"]}
    for org in directory.organisations:
        row = _row_of(org, rows)
        if _plain(row["name"]) not in moved:  # a moved one has the status data's address (tested below)
            assert (org.website or "") == row["website"], org.slug
        assert set(row["categories"].split(";")) <= set(org.categories), org.slug
        # No theme the row lacks, but for `Annet` (other) beside the row's own.
        assert set(org.categories) <= {*row["categories"].split(";"), "Annet"}, org.slug
        assert org.umbrella == [u for u in row["umbrella"].split(";") if u], org.slug
        assert {k for k in row["diagnoses"].split(";") if k} <= set(org.keywords), org.slug


def _contact_values(org: Organisation) -> list[tuple[str, str]]:
    """(kind, value) of every contact fact the file gives."""
    values = [("email", org.email), ("phone", org.phone), ("text", org.address), ("text", org.visiting_address)]
    for line in org.helplines:
        values += [("phone", line.phone), ("email", line.email)]
    if peer := org.peer_support:
        values += [("email", peer.email), ("phone", peer.phone), ("url", peer.url)]
    for chapter in org.local_chapters:
        values += [("text", chapter.name), ("text", chapter.region), ("email", chapter.email), ("phone", chapter.phone),
                   ("url", chapter.website)]
    return [(kind, value) for kind, value in values if value]


def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return digits[2:] if text.strip().startswith("+47") else digits


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9æøå]+", fold(text)))


def _lines_of(org: Organisation, row: dict[str, str], contact_lines: list[dict[str, str]]) -> list[dict[str, str]]:
    """The organisation's contact lines: under its row's name, or under a former name (the file's former slug)."""
    names = {row["name"]}
    return [line for line in contact_lines if line["name"] in names or slugify(line["name"]) in org.former_slugs]


def _found(kind: str, value: str, lines: list[dict[str, str]], seeds: str) -> bool:
    values = [line["value"] for line in lines if line["use"] == "yes"]
    if kind == "phone":
        return _digits(value) in {_digits(v) for v in values} or _digits(value) in _digits(seeds)
    if kind in ("email", "url"):
        return value.casefold() in {v.casefold() for v in values} or value.casefold() in seeds.casefold()
    return _words(value) <= set().union(*map(_words, values))  # names, regions, addresses: no word of our own


def test_every_contact_value_is_in_the_data_marked_for_use(directory, rows, contact_lines, seeds):
    missing = []
    for org in directory.organisations:
        lines = _lines_of(org, _row_of(org, rows), contact_lines)
        missing += [f"{org.slug}: {kind} {value!r}" for kind, value in _contact_values(org) if not _found(kind, value, lines, seeds)]
    assert not missing, "not in organisation-contacts.csv with use = yes (nor in the seeds):\n" + "\n".join(missing)


def test_no_value_marked_not_for_use_is_bundled(directory, rows, contact_lines):
    refused = []
    for org in directory.organisations:
        lines = _lines_of(org, _row_of(org, rows), contact_lines)
        ours = {_digits(v) if kind == "phone" else v.casefold() for kind, v in _contact_values(org) if kind != "text"}
        allowed = {_digits(line["value"]) for line in lines if line["use"] == "yes"} | {line["value"].casefold() for line in lines if line["use"] == "yes"}
        for line in lines:
            value = line["value"]
            key = _digits(value) if line["field"].endswith("phone") else value.casefold()
            if line["use"] != "yes" and key in ours and key not in allowed:
                refused.append(f"{org.slug}: {value!r} ({line['why_not']})")
    assert not refused, "\n".join(refused)


def _address(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/").casefold()


def test_every_source_address_comes_from_the_data(directory, rows, contact_lines, shared):
    method = (shared / "organisations-SOURCES.md").read_text(encoding="utf-8").casefold()
    unknown = []
    for org in directory.organisations:
        row = _row_of(org, rows)
        lines = _lines_of(org, row, contact_lines)
        known = " ".join([row["source"], method, *(line["source_url"] + " " + line["note"] for line in lines)]).casefold()
        known = known.replace("https://", "").replace("http://", "").replace("www.", "")
        assert org.sources, f"{org.slug} names no source"
        unknown += [f"{org.slug}: {s.url}" for s in org.sources if s.url and _address(s.url) not in known]
    assert not unknown, "source addresses not found in the data:\n" + "\n".join(unknown)


# --- organisation-status.csv: what the directory says about organisations that may no longer exist as listed ---

@pytest.fixture(scope="module")
def statuses(shared: Path) -> list[dict[str, str]]:
    with open(shared / "organisation-status.csv", encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _entries(directory: Directory) -> list[Organisation]:
    return [*directory.organisations, *directory.former]


def _entry_of(name: str, directory: Directory) -> Organisation:
    wanted = _plain(name)
    found = [org for org in _entries(directory) if fold(org.name) == wanted]
    assert len(found) == 1, f"{name!r}: {len(found)} bundled entries"
    return found[0]


def test_every_bundled_status_follows_the_status_data(directory, statuses):
    by_state = {"merged": "merged", "dissolved": "dissolved", "merging": "merging", "uncertain": "uncertain"}
    expected = {}
    for row in statuses:
        if row["status"] in by_state:
            org = _entry_of(row["name"], directory)
            expected[org.slug] = by_state[row["status"]]
            if row["successor"]:
                assert org.status.successor == _entry_of(row["successor"], directory).slug, org.slug
            if row["source_url"]:
                assert org.status.source and org.status.source.url, f"{org.slug}: the status names no source"
                assert _address(org.status.source.url) == _address(row["source_url"]), org.slug
    actual = {org.slug: org.status.state for org in _entries(directory) if org.status.state != "active"}
    # A status the data lacks is allowed only as `uncertain` with a note (e.g. a name form no source shows).
    extra = {slug: state for slug, state in actual.items() if slug not in expected}
    assert all(state == "uncertain" for state in extra.values()), extra
    assert {slug: actual.get(slug) for slug in expected} == expected


def test_a_moved_organisation_has_the_address_the_data_gives(directory, statuses):
    for row in statuses:
        if row["status"] == "moved" and row["source_url"]:
            org = _entry_of(row["name"], directory)
            site = re.sub(r"^https?://(www\.)?", "", row["source_url"]).split("/")[0]
            assert org.website and _address(org.website) == site.casefold(), f"{org.slug}: {org.website}"


def test_a_closed_service_is_not_listed(directory, statuses):
    for row in statuses:
        if row["status"] == "service closed":
            numbers = re.findall(r"\d{2} \d{2} \d{2} \d{2}", row["evidence"])
            org = _entry_of(row["name"], directory)
            assert numbers and not any(_digits(line.phone) == _digits(n) for line in org.helplines for n in numbers)


def test_every_helpline_rule_holds_to_the_hours_the_data_gives(directory, contact_lines):
    """Each hour a rule names appears in the data's note on that number; `24/7` only where the data says so."""
    for org in directory.organisations:
        for line in org.helplines:
            if not line.hours:
                continue
            notes = " ".join(f"{c['note']} {c['why_not']}" for c in contact_lines
                             if _digits(c["value"]) == _digits(line.phone) or (line.email and c["value"] == line.email))
            assert notes, f"{org.slug}: no data line for {line.phone}"
            if line.hours == "24/7":
                assert re.search(r"24/7|døgn", notes), f"{org.slug}: {line.phone} is not said to be open day and night"
                continue
            hours = {int(h) for h in re.findall(r"(\d{2}):00", line.hours)}
            plain = re.sub(r"\+?\d[\d ]{6,}\d", " ", notes)  # phone numbers are no hours
            said = {int(h) for h in re.findall(r"(?<!\d)(\d{1,2})(?!\d)", plain)}
            assert hours <= said, f"{org.slug}: {line.phone} {line.hours!r}: hours {sorted(hours - said)} not in the data"
