"""The web editor's `config.yml`: Decap CMS collections for every file LMS keeps, made from the models.

Each collection reads and writes the same files the build reads. The YAML formats are our own
(`torget-yaml`, `torget-frontmatter` in `torget-editor.js`): they quote every text so YAML 1.1
never turns `no` or `10:30` into something else, leave cleared fields out instead of writing
`key: ""`, and keep the data files (`_categories.yaml` …) out of the organisation list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..directory.categories import CATEGORIES_FILE
from ..directory.model import Category, Organisation
from ..events.model import EventSpec
from ..hours.school_holidays import CalendarFile
from ..shifts.load import PLAN_FILE, PlanFile
from .fields import Field, model_fields
from .labels import HINTS, LABELS

ORGANISATION_FORMAT = "torget-yaml"
PAGE_FORMAT = "torget-frontmatter"
ORGANISATION_KIND = "organisation"
"""What `torget-editor.js` marks an organisation file with (it has a `name:`), so the list leaves data files out."""
BACKENDS = ("local", "gitlab", "gitea")


@dataclass(frozen=True)
class EditorOptions:
    """Where the editor saves (see `config.py`'s `editor*` options)."""

    backend: str = "local"
    repo: str | None = None
    base_url: str | None = None
    app_id: str | None = None
    branch: str = "main"
    local_url: str | None = None
    """The decap-server's API address for the local backend; None is Decap's default (localhost:8081)."""


@dataclass(frozen=True)
class EditorSources:
    """The files the collections point at, relative to the repository root (the folder of mkdocs.yml)."""

    organisations: str
    docs: str
    school_holidays: str
    info_pages: Sequence[str]
    """Markdown pages under docs/ without an event, relative to the repository root."""
    event_folders: Sequence[str]
    """Folders under docs/ that hold event pages, relative to the repository root."""


def editor_config(options: EditorOptions, sources: EditorSources, categories: Sequence[str], site_url: str,
                  umbrellas: Sequence[str] = (), languages: Sequence[str] = ()) -> dict[str, Any]:
    """The whole `config.yml` Decap reads; `categories` and `umbrellas` are the vocabularies' names, `languages`
    the site's languages besides bokmål (the texts' `translations`)."""
    config: dict[str, Any] = {
        "backend": _backend(options),
        "locale": "nb_no",
        "site_url": site_url,
        "display_url": site_url,
        "media_folder": f"{sources.docs}/assets/bilder",
        "public_folder": "/assets/bilder",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            _organisations(sources, categories, umbrellas, languages),
            *[_events(folder) for folder in sources.event_folders],
            _info_pages(sources),
            _data_files(sources, categories, languages),
        ],
    }
    if options.backend == "local":
        config["local_backend"] = {"url": options.local_url} if options.local_url else True
    else:
        config["publish_mode"] = "editorial_workflow"
    return config


def _backend(options: EditorOptions) -> dict[str, Any]:
    if options.backend == "local":
        # Only used until the local server answers; Decap then saves through decap-server.
        return {"name": "git-gateway", "branch": options.branch}
    backend: dict[str, Any] = {
        "name": options.backend,
        "repo": options.repo,
        "branch": options.branch,
        "auth_type": "pkce",
        "app_id": options.app_id,
    }
    if options.base_url:
        base = options.base_url.rstrip("/")
        backend["base_url"] = base
        backend["api_root"] = f"{base}/api/v4" if options.backend == "gitlab" else f"{base}/api/v1"
        if options.backend == "gitlab":
            backend["auth_endpoint"] = "oauth/authorize"
    return backend


def _organisations(sources: EditorSources, categories: Sequence[str], umbrellas: Sequence[str],
                   languages: Sequence[str]) -> dict[str, Any]:
    return {
        "name": "organisations",
        "label": "Organisasjoner",
        "label_singular": "organisasjon",
        "description": "Én fil per organisasjon. Filnavnet blir adressen: /organisasjoner/<filnavn>/.",
        "folder": sources.organisations,
        "extension": "yaml",
        "format": ORGANISATION_FORMAT,
        "create": True,
        "delete": False,
        "identifier_field": "name",
        "slug": "{{name}}",
        "summary": "{{name}}",
        "sortable_fields": ["name", "reviewed"],
        "filter": {"field": "torget_kind", "value": ORGANISATION_KIND},
        "editor": {"preview": False},
        "fields": model_fields(Organisation, choices={"categories": list(categories), "umbrella": list(umbrellas)},
                               languages=languages),
    }


def _page_fields(extra: list[Field]) -> list[Field]:
    return [
        {
            "name": "description",
            "label": LABELS["description"],
            "widget": "string",
            "required": False,
            "hint": "Én setning som vises i søkemotorer og kalendere.",
        },
        {
            "name": "draft",
            "label": LABELS["draft"],
            "widget": "boolean",
            "required": False,
            "default": False,
            "hint": HINTS["draft"],
        },
        *extra,
        {"name": "body", "label": LABELS["body"], "widget": "markdown", "required": False},
    ]


def _events(folder: str) -> dict[str, Any]:
    name = Path(folder).name
    event = {
        "name": "event",
        "label": LABELS["event"],
        "widget": "object",
        "required": True,
        "fields": model_fields(EventSpec),
    }
    return {
        "name": f"events-{name}",
        "label": "Verdensdager" if name == "verdensdager" else "Arrangementer",
        "label_singular": "arrangement",
        "folder": folder,
        "extension": "md",
        "format": PAGE_FORMAT,
        "create": True,
        "delete": False,
        "identifier_field": "event.title",
        "slug": "{{event.title}}",
        "summary": "{{event.title}}",
        "editor": {"preview": False},
        "fields": _page_fields([event]),
    }


def _info_pages(sources: EditorSources) -> dict[str, Any]:
    return {
        "name": "pages",
        "label": "Informasjonssider",
        "label_singular": "side",
        "editor": {"preview": False},
        "files": [
            {
                "name": Path(page).stem,
                "label": Path(page).stem.replace("-", " ").capitalize(),
                "file": page,
                "format": PAGE_FORMAT,
                "fields": _page_fields([]),
            }
            for page in sources.info_pages
        ],
    }


def _data_files(sources: EditorSources, categories: Sequence[str], languages: Sequence[str] = ()) -> dict[str, Any]:
    return {
        "name": "data",
        "label": "Vaktplan, skolerute og tema",
        "editor": {"preview": False},
        "files": [
            {
                "name": "shifts",
                "label": "Vaktplanen (hvilke organisasjoner som har vakt)",
                "file": f"{sources.organisations}/{PLAN_FILE}",
                "format": ORGANISATION_FORMAT,
                "fields": model_fields(PlanFile),
            },
            {
                "name": "school_holidays",
                "label": "Skoleruten (stengte dager i skoleferier)",
                "file": sources.school_holidays,
                "format": ORGANISATION_FORMAT,
                "fields": model_fields(CalendarFile),
            },
            {
                "name": "categories",
                "label": "Temaliste",
                "file": f"{sources.organisations}/{CATEGORIES_FILE}",
                "format": ORGANISATION_FORMAT,
                "fields": [
                    {
                        "name": "items",
                        "label": LABELS["items"],
                        "widget": "list",
                        "collapsed": True,
                        "summary": "{{fields.name}}",
                        "fields": model_fields(Category, languages=languages),
                    }
                ],
            },
        ],
    }


def editor_sources(
    root: Path, organisations: Path, docs: Path, school_holidays: Path, event_pages: Sequence[str]
) -> EditorSources:
    """The collections' files: `event_pages` are the event pages' paths under `docs` (they get the event form)."""

    def relative(path: Path) -> str:
        return path.resolve().relative_to(root.resolve()).as_posix()

    events = set(event_pages)
    info = sorted(relative(page) for page in docs.glob("*.md") if page.name not in events)
    folders = {relative((docs / page).parent) for page in events if "/" in page}
    return EditorSources(
        organisations=relative(organisations),
        docs=relative(docs),
        school_holidays=relative(school_holidays),
        info_pages=info,
        event_folders=sorted(folders),
    )
