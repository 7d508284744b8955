"""Bad input in the fields added for the whole-country directory (helplines, addresses, sources, former
slugs, umbrella bodies) is reported with file, line and field by the core, like every other field."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from site_plugins.directory.contact import tel_uri
from site_plugins.directory.glance import umbrella_links
from site_plugins.directory.load import load_directory
from site_plugins.events.load import load_events
from site_plugins.sources.problems import SourceError

CATEGORIES = "- name: Kreft\n  description: For dem som har eller har hatt kreft.\n"
UMBRELLAS = """\
- name: FFO
  title: Funksjonshemmedes Fellesorganisasjon (FFO)
  relation: er medlem av
  label: Medlem av FFO
  organisation: ffo
"""
FFO = "name: Funksjonshemmedes Fellesorganisasjon\ndescription: Paraply.\ncategories: [Kreft]\n"
GOOD = "name: Melanomforeningen\ndescription: Forening for personer med føflekkreft.\ncategories: [Kreft]\n"


def _folder(tmp_path: Path, files: dict[str, str], umbrellas: str | None = UMBRELLAS) -> Path:
    folder = tmp_path / "organisations"
    folder.mkdir()
    (folder / "_categories.yaml").write_text(CATEGORIES, encoding="utf-8")
    if umbrellas is not None:
        (folder / "_umbrellas.yaml").write_text(umbrellas, encoding="utf-8")
    for name, content in {"ffo.yaml": FFO, **files}.items():
        (folder / name).write_text(textwrap.dedent(content), encoding="utf-8")
    return folder


def _problems(tmp_path: Path, files: dict[str, str], **kwargs) -> list[str]:
    with pytest.raises(SourceError) as caught:
        load_directory(_folder(tmp_path, files, **kwargs), tmp_path)
    return [str(problem) for problem in caught.value.problems]


HELPLINE = GOOD + "helplines:\n  - name: Hjelpetelefonen\n    phone: '116 123'\n"


@pytest.mark.parametrize(("content", "expected"), [
    pytest.param(GOOD + "helplines:\n  - name: Hjelpetelefonen\n",
                 "x.yaml:5: helplines[1].phone: is required but missing", id="helpline-without-number"),
    pytest.param(GOOD + "helplines:\n  - phone: '800 40 567'\n",
                 "x.yaml:5: helplines[1].name: is required but missing", id="helpline-without-name"),
    pytest.param(HELPLINE.replace("116 123", "1161"),
                 "x.yaml:6: helplines[1].phone: '1161' is not a phone number; write a Norwegian number with 8 digits",
                 id="helpline-bad-number"),
    pytest.param(HELPLINE + "    phon: '116 123'\n", "x.yaml:7: helplines[1].phon: is not a known field; did you mean 'phone'?",
                 id="helpline-unknown-field"),
    pytest.param(GOOD + "helplines: Hjelpetelefonen 116 123\n", "x.yaml:4: helplines: expected a list", id="helpline-not-a-list"),
    pytest.param(HELPLINE + "    hours: Hele døgnet.\n", "x.yaml:7: helplines[1].hours: cannot read 'Hele døgnet.'",
                 id="helpline-hours-not-a-rule"),
    pytest.param(HELPLINE + "    email: post(at)vfb.no\n", "x.yaml:7: helplines[1].email: 'post(at)vfb.no' is not an e-mail",
                 id="helpline-email"),
    pytest.param(HELPLINE + "    answered_by: no\n", 'helplines[1].answered_by: expected text, but YAML reads no as the yes/no value',
                 id="helpline-yaml-no"),
    pytest.param(GOOD + "visiting_address: 10:30\n", "x.yaml:4: visiting_address: expected text, but YAML reads 10:30",
                 id="visiting-address-sexagesimal"),
    pytest.param(GOOD + "sources:\n  - url: www.melanom.no/om-oss\n",
                 "x.yaml:5: sources[1].url: 'www.melanom.no/om-oss' is not a web address", id="source-without-scheme"),
    pytest.param(GOOD + "sources:\n  - https://www.melanom.no/om-oss\n",
                 "x.yaml:5: sources[1]: write it as `url: https://www.melanom.no/om-oss` (a source has `url:`, `title:` or "
                 "both), not as bare text", id="source-bare-address"),
    pytest.param(GOOD + "sources:\n  - Medlemsblad 1/2024\n",
                 "x.yaml:5: sources[1]: write it as `title: Medlemsblad 1/2024`", id="source-bare-title"),
    pytest.param(GOOD + "sources:\n  - {}\n", "x.yaml:5: sources[1]: give the source's url, its title, or both", id="source-empty"),
    pytest.param(GOOD + "sources:\n  - title: Om oss\n    url: ftp://melanom.no\n",
                 "x.yaml:6: sources[1].url: 'ftp://melanom.no' is not a web address", id="source-scheme"),
    pytest.param(GOOD + "sources:\n  - adresse: https://melanom.no\n", "x.yaml:5: sources[1].adresse: is not a known field",
                 id="source-unknown-field"),
    pytest.param(GOOD + "sources: https://melanom.no\n", "x.yaml:4: sources: expected a list", id="sources-not-a-list"),
    pytest.param(GOOD + "former_slugs: [ProLAR]\n", "x.yaml:4: former_slugs[1]: 'ProLAR' is not a page address",
                 id="former-slug-format"),
    pytest.param(GOOD + "former_slugs: [x]\n", "x.yaml:4: former_slugs: 'x' is this file's own name", id="former-slug-own"),
    pytest.param(GOOD + "former_slugs: [gammel, gammel]\n", "x.yaml:4: former_slugs: a former file name is listed twice",
                 id="former-slug-twice"),
    pytest.param(GOOD + "umbrella: FF0\n", "x.yaml:4: umbrella[1]: 'FF0' is not a known umbrella body. Did you mean 'FFO'?",
                 id="umbrella-unknown"),
    pytest.param(GOOD + "umbrella: [FFO, FFO]\n", "x.yaml:4: umbrella: an umbrella body is listed twice", id="umbrella-twice"),
    pytest.param(GOOD + "peer_support: {}\n", "x.yaml:4: peer_support: give a way to reach a peer supporter", id="peer-support-empty"),
])
def test_bad_input_in_new_fields_names_file_line_and_field(tmp_path, content, expected):
    problems = _problems(tmp_path, {"x.yaml": content})
    assert any(problem.startswith("organisations/") and expected in problem for problem in problems), problems


def test_good_new_fields_load(tmp_path):
    files = {"x.yaml": HELPLINE + "    hours: \"24/7\"\nvisiting_address: Storgata 1, 8006 Bodø\n"
                                  "peer_support:\n  description: Vi lytter.\numbrella: FFO\nformer_slugs: [gammel]\n"
                                  "sources:\n  - url: https://melanom.no/om-oss\n  - title: Medlemsblad 1/2024\n"
                                  "  - {title: 'FFO: Melanomforeningen', url: 'https://ffo.no/m/'}\n"}
    directory = load_directory(_folder(tmp_path, files), tmp_path)
    org = directory.organisation("x")
    assert org.helplines[0].phone == "116 123" and tel_uri(org.helplines[0].phone) == "tel:116123"
    assert [(s.title, s.url) for s in org.sources] == [
        (None, "https://melanom.no/om-oss"), ("Medlemsblad 1/2024", None), ("FFO: Melanomforeningen", "https://ffo.no/m/")]
    assert directory.renamed("gammel") is org and directory.renamed("x") is None
    assert [o.slug for o in directory.in_umbrella(directory.umbrella("FFO"))] == ["x"]


def test_a_former_slug_may_not_be_a_current_page(tmp_path):
    problems = _problems(tmp_path, {"x.yaml": GOOD + "former_slugs:\n  - annen\n  - gammel\n",
                                    "annen.yaml": GOOD.replace("Melanomforeningen", "Annen forening")})
    assert problems == ["organisations/x.yaml:5: former_slugs: 'annen' is the file name of annen.yaml, so its address "
                        "/organisasjoner/annen/ is in use; a former address must not be a current one: remove it here, "
                        "or rename that file"]


def test_two_files_may_not_claim_one_former_slug(tmp_path):
    problems = _problems(tmp_path, {"a.yaml": GOOD + "former_slugs: [gammel]\n",
                                    "b.yaml": GOOD.replace("Melanomforeningen", "B") + "former_slugs: [gammel]\n"})
    assert problems == ["organisations/b.yaml:4: former_slugs: 'gammel' is also a former name in organisations/a.yaml; "
                        "an old address can forward to one page only"]


@pytest.mark.parametrize(("umbrellas", "expected"), [
    pytest.param(UMBRELLAS.replace("  label: Medlem av FFO\n", ""), "organisations/_umbrellas.yaml:1: label: is required but missing",
                 id="no-label"),
    pytest.param(UMBRELLAS + UMBRELLAS, "organisations/_umbrellas.yaml:6: name: 'FFO' is listed twice", id="twice"),
])
def test_bad_umbrella_list(tmp_path, umbrellas, expected):
    problems = _problems(tmp_path, {"x.yaml": GOOD}, umbrellas=umbrellas)
    assert any(expected in problem for problem in problems), problems


def test_an_umbrella_without_its_own_page_is_a_warning_and_its_sentence_has_no_link(tmp_path):
    folder = _folder(tmp_path, {"x.yaml": GOOD + "umbrella: FFO\n"})
    (folder / "ffo.yaml").unlink()
    directory = load_directory(folder, tmp_path)
    assert directory.warnings == ("organisations/_umbrellas.yaml: organisation: FFO: there is no ffo.yaml, so the sentence on "
                                  "member pages is not linked; write the umbrella's own file name without .yaml, or leave "
                                  "the field out",)
    [link] = umbrella_links(directory.organisation("x"), directory)
    assert (link.relation, link.title, link.page) == ("er medlem av", "Funksjonshemmedes Fellesorganisasjon (FFO)", None)


def test_without_an_umbrella_list_no_umbrella_is_allowed(tmp_path):
    problems = _problems(tmp_path, {"x.yaml": GOOD + "umbrella: FFO\n"}, umbrellas=None)
    assert any("umbrella[1]: 'FFO' is not a known umbrella body. No umbrella is listed yet" in p for p in problems), problems


def test_an_event_naming_a_former_slug_is_told_the_new_one(tmp_path):
    directory = load_directory(_folder(tmp_path, {"ny.yaml": GOOD + "former_slugs: [gammel]\n"}), tmp_path)
    page = tmp_path / "docs" / "dag.md"
    page.parent.mkdir()
    page.write_text("---\nevent:\n  title: Dag\n  start: 2026-03-21\n  location: Foajeen\n  organiser: gammel\n---\n# Dag\n",
                    encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_events(tmp_path / "docs", tmp_path, directory, None)
    assert "docs/dag.md:6: event.organiser[1]: 'gammel' is the former file name of ny.yaml (Melanomforeningen); write 'ny'" \
        in caught.value.report()


@pytest.mark.parametrize(("number", "uri"), [
    ("116 123", "tel:116123"), ("113", "tel:113"), ("800 40 567", "tel:+4780040567"), ("+47 21 49 49 21", "tel:+4721494921"),
    ("1161", None), ("114", None), ("116 12", None),
])
def test_emergency_and_116_numbers_are_phone_numbers(number, uri):
    assert tel_uri(number) == uri
