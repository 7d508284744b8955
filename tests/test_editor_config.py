"""The web editor's config is made from the models, and what the editor saves is what the build reads."""

from __future__ import annotations

import datetime as dt
import textwrap
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, copy_bundled_project
from editor_tools import run_formats
from pydantic import BaseModel

from site_plugins.build import editor_config_for
from site_plugins.cli import main as torget
from site_plugins.directory.model import Category, Organisation
from site_plugins.editor.collections import EditorOptions
from site_plugins.editor.labels import LABELS
from site_plugins.events.model import EventSpec
from site_plugins.hours.school_holidays import CalendarFile
from site_plugins.shifts.load import PlanFile
from site_plugins.site import SiteSources, load_site

NOW = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.timezone.utc)
LANGUAGES = ("en",)
"""The bundled site's languages besides bokmål (mkdocs.yml), whose `translations` the files carry."""


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    sources = SiteSources(root=REPO, organisations=REPO / "organisations", now=NOW, languages=LANGUAGES)
    return editor_config_for(load_site(sources), sources, EditorOptions(), "https://torget.example.no/")


def _collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == name)


def _file(config: dict[str, Any], collection: str, name: str) -> dict[str, Any]:
    return next(f for f in _collection(config, collection)["files"] if f["name"] == name)


def _fields_by_path(fields: list[dict[str, Any]], prefix: str = "") -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for field in fields:
        path = prefix + field["name"]
        found[path] = field
        found.update(_fields_by_path(field.get("fields", []), path + "."))
    return found


def _model_paths(model: type[BaseModel], prefix: str = "", required: bool = True) -> dict[str, bool]:
    """Every field of the model and its nested models, with whether the form must require it: the model
    requires it, and it is not inside a group the model lets the editor leave out."""
    paths: dict[str, bool] = {}
    for name, info in model.model_fields.items():
        if info.exclude:
            continue
        paths[prefix + name] = required and info.is_required()
        in_list = any(typing.get_origin(arg) is list for arg in (info.annotation, *typing.get_args(info.annotation)))
        by_language = typing.get_origin(info.annotation) is dict
        for nested in _nested_models(info.annotation):
            if by_language:  # `translations`: a group of the text's fields per language, never required
                for code in LANGUAGES:
                    paths[f"{prefix}{name}.{code}"] = False
                    paths.update(_model_paths(nested, f"{prefix}{name}.{code}.", False))
            else:
                paths.update(_model_paths(nested, prefix + name + ".", in_list or (required and info.is_required())))
    return paths


def _nested_models(annotation: Any) -> list[type[BaseModel]]:
    args = getattr(annotation, "__args__", ())
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in args for model in _nested_models(arg)]


@pytest.mark.parametrize(("model", "where"), [
    (Organisation, ("organisations", None, "")),
    (EventSpec, ("events-arrangementer", None, "event.")),
    (CalendarFile, ("data", "school_holidays", "")),
    (Category, ("data", "categories", "items.")),
    (PlanFile, ("data", "shifts", "")),
])
def test_every_model_field_is_in_the_form_and_required_where_the_model_requires_it(config, model, where):
    collection, file, prefix = where
    fields = _file(config, collection, file)["fields"] if file else _collection(config, collection)["fields"]
    form = _fields_by_path(fields)
    for path, required in _model_paths(model, prefix).items():
        assert path in form, f"{path} is missing from the {collection} form"
        assert form[path]["required"] is required, f"{path}: required is {form[path]['required']}, the model says {required}"


def test_every_field_has_a_norwegian_label(config):
    names = {field["name"] for collection in config["collections"]
             for fields in ([collection.get("fields", [])] + [f["fields"] for f in collection.get("files", [])])
             for field in _fields_by_path(fields).values()}
    assert sorted(names - set(LABELS) - set(LANGUAGES)) == []
    # A language's group is named by the language, in Norwegian.
    organisation = _fields_by_path(_collection(config, "organisations")["fields"])
    assert organisation["translations.en"]["label"] == "Engelsk"


def test_themes_are_the_vocabulary_and_organisers_are_a_relation(config):
    categories = yaml.safe_load((REPO / "organisations" / "_categories.yaml").read_text(encoding="utf-8"))
    organisation = _fields_by_path(_collection(config, "organisations")["fields"])
    assert organisation["categories"]["widget"] == "select"
    assert organisation["categories"]["options"] == [entry["name"] for entry in categories]
    assert organisation["description"]["pattern"][0] == r"^[\s\S]{0,300}$"
    assert organisation["reviewed"]["widget"] == "datetime"
    umbrellas = yaml.safe_load((REPO / "organisations" / "_umbrellas.yaml").read_text(encoding="utf-8"))
    assert organisation["umbrella"]["widget"] == "select" and organisation["umbrella"]["multiple"] is True
    assert organisation["umbrella"]["options"] == [entry["name"] for entry in umbrellas]
    assert organisation["helplines.phone"]["required"] is True and organisation["helplines.name"]["required"] is True
    event = _fields_by_path(_collection(config, "events-arrangementer")["fields"])
    assert event["event.organiser"]["widget"] == "relation"
    assert event["event.organiser"]["collection"] == "organisations"
    assert event["event.recurrence.frequency"]["options"] == ["weekly", "monthly", "yearly"]
    assert event["draft"]["widget"] == "boolean"
    shifts = _fields_by_path(_file(config, "data", "shifts")["fields"])
    assert shifts["shifts.organisations"]["widget"] == "relation" and shifts["shifts.organisations"]["multiple"] is True
    assert shifts["shifts.reserve"]["widget"] == "relation" and shifts["shifts.reserve"]["multiple"] is False


def test_local_and_published_backends(config):
    assert config["local_backend"] is True
    assert config["locale"] == "nb_no"
    assert config["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
    sources = SiteSources(root=REPO, organisations=REPO / "organisations", now=NOW, languages=LANGUAGES)
    options = EditorOptions(backend="gitlab", repo="lms/torget", base_url="https://git.example.no/", app_id="abc")
    published = editor_config_for(load_site(sources), sources, options, "https://torget.example.no/")
    assert "local_backend" not in published
    assert published["publish_mode"] == "editorial_workflow"
    assert published["backend"] == {"name": "gitlab", "repo": "lms/torget", "branch": "main", "auth_type": "pkce",
                                    "app_id": "abc", "base_url": "https://git.example.no",
                                    "api_root": "https://git.example.no/api/v4", "auth_endpoint": "oauth/authorize"}


def test_editor_config_command_prints_the_config(capsys):
    assert torget(["-f", str(REPO / "mkdocs.yml"), "editor-config"]) == 0
    printed = yaml.safe_load(capsys.readouterr().out)
    assert [c["name"] for c in printed["collections"]][:1] == ["organisations"]


# Files in the shape the editor writes: no comments, keys in the form's order, cleared fields as "",
# dates without quotes or as quoted text.
DECAP_SHAPED = {
    "organisations/foreningen-for-testing.yaml": """\
        name: Foreningen for testing
        short_name: ""
        description: For alle som tester.
        categories:
          - Kreft
        keywords: []
        website: ""
        email: ""
        peer_support:
          email: ""
          phone: ""
          url: https://testing.no/likeperson
          description: ""
        at_torget: false
        umbrella: []
        reviewed: 2026-11-29
        """,
    "organisations/ivareta.yaml": """\
        reviewed: "2026-11-28"
        categories: [Rus, Pårørende]
        name: Ivareta – pårørende berørt av rus
        description: Ny beskrivelse fra redigeringen.
        website: https://www.ivareta.no
        """,
    "organisations/_school_holidays.yaml": """\
        source: ""
        holidays:
          - first_day: 2026-12-19
            last_day: "2027-01-03"
            reason: juleferie
          - reason: vinterferie
            last_day: 2027-03-07
            first_day: 2027-03-01
        """,
    "docs/arrangementer/testtreff.md": """\
        ---
        description: Et treff for å teste.
        draft: false
        event:
          title: Testtreff
          start: 2026-12-08 12:00
          end: "14:00"
          duration: ""
          location: Foajeen
          organiser:
            - ivareta
          host: ""
          recurrence:
            frequency: weekly
            interval: 2
            until: 2027-06-01
            weekday_of_month: ""
          agenda: []
        ---

        Tekst.
        """,
    "docs/om-torget.md": """\
        ---
        description: ""
        draft: false
        ---

        # Om torget

        Tekst.
        """,
}


def test_torget_check_accepts_what_the_editor_writes(tmp_path, capsys):
    project = copy_bundled_project(tmp_path)
    for path, text in DECAP_SHAPED.items():
        project.write(path, textwrap.dedent(text))
    assert torget(["-f", str(project.root / "mkdocs.yml"), "check"]) == 0, capsys.readouterr().err
    sources = SiteSources(root=project.root, organisations=project.organisations, now=NOW, languages=LANGUAGES)
    site = load_site(sources)
    testing = site.directory.organisation("foreningen-for-testing")
    assert testing is not None and testing.short_name is None and testing.website is None
    assert testing.reviewed == dt.date(2026, 11, 29)
    assert testing.peer_support is not None and testing.peer_support.description is None
    ivareta = site.directory.organisation("ivareta")
    assert ivareta is not None and ivareta.reviewed == dt.date(2026, 11, 28)
    event = next(e for e in site.events if e.src_path == "arrangementer/testtreff.md")
    assert event.spec.organiser == ["ivareta"] and event.spec.duration is None


def test_the_editors_formats_round_trip_every_collection(tmp_path, capsys):
    """Every bundled file, read and written by the editor's own formats (run under Node), still checks and means
    the same; YAML 1.1 traps (`no`, `10:30`) and cleared fields come out safe."""
    project = copy_bundled_project(tmp_path)
    files = sorted(project.organisations.glob("*.yaml")) + sorted(project.docs.rglob("*.md"))
    formats = ["torget-frontmatter" if path.suffix == ".md" else "torget-yaml" for path in files]
    texts = [path.read_text(encoding="utf-8") for path in files]
    read = run_formats([(fmt, "fromFile", text) for fmt, text in zip(formats, texts, strict=True)])
    trap = {"name": "Nei-foreningen", "short_name": "no", "description": "Treff kl. 10:30.", "categories": ["Kreft"],
            "phone": "75 57 00 14", "website": "", "keywords": [], "peer_support": {"email": "", "url": ""},
            "reviewed": "2026-11-29", "torget_kind": "organisation"}
    written = run_formats([(fmt, "toFile", data) for fmt, data in zip(formats, read, strict=True)] + [("torget-yaml", "toFile", trap)])
    for path, text in zip(files, written, strict=False):  # the last one written is the trap
        path.write_text(text, encoding="utf-8")
    project.write("organisations/nei-foreningen.yaml", written[-1])
    assert torget(["-f", str(project.root / "mkdocs.yml"), "check"]) == 0, capsys.readouterr().err
    assert written[-1].startswith("# yaml-language-server: $schema=./organisation.schema.json\n")
    assert "website" not in written[-1] and "peer_support" not in written[-1]
    before = load_site(SiteSources(root=REPO, organisations=REPO / "organisations", now=NOW, languages=LANGUAGES))
    after = load_site(SiteSources(root=project.root, organisations=project.organisations, now=NOW,
                                  languages=LANGUAGES))
    assert {o.slug: o for o in after.directory.organisations if o.slug != "nei-foreningen"} == \
        {o.slug: o for o in before.directory.organisations}
    trapped = after.directory.organisation("nei-foreningen")
    assert trapped is not None and trapped.short_name == "no" and trapped.phone == "75 57 00 14"
    assert [(e.src_path, e.spec) for e in after.events] == [(e.src_path, e.spec) for e in before.events]
    assert [c.name for c in after.directory.categories] == [c.name for c in before.directory.categories]


def test_editor_needs_its_scripts(tmp_path):
    from site_plugins.plugin import editor_problems

    problems = editor_problems(EditorOptions(), tmp_path / "node_modules")
    assert problems and "make editor-deps" in problems[0]
    problems = editor_problems(EditorOptions(backend="gitlab"), Path(tmp_path))
    assert any("editor.repo is required" in problem for problem in problems)
    assert any("editor.app_id is required" in problem for problem in problems)


def test_an_optional_group_left_alone_is_written_as_nothing(config):
    """A choice inside an optional group gets no default: Decap would save `peer_support: {kind: likeperson}`,
    a peer-support entry with nothing to say, which the build refuses."""
    organisation = _fields_by_path(_collection(config, "organisations")["fields"])
    assert organisation["peer_support.kind"]["widget"] == "select" and "default" not in organisation["peer_support.kind"]
    assert "default" not in organisation["status.state"]
    assert organisation["at_torget"]["default"] is False  # outside a group, defaults stay
