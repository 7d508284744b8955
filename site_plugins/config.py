"""The `torget` plugin's options in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from .editor.collections import BACKENDS
from .hours.school_holidays import SCHOOL_HOLIDAYS_FILE
from .hours.sources import DEFAULT_EXTRA_CLOSED_DAYS, DEFAULT_RULE
from .printing.options import PrintOptions


class EditorConfig(base.Config):
    """The web editor at /admin/ (Decap CMS), where LMS edits the same files without touching YAML."""

    backend = c.Choice(("off", *BACKENDS), default="off")
    """`off` (no editor in the site), `local` (saves into this checkout through decap-server; what `make edit`
    uses), or `gitlab` / `gitea` (the published editor: changes arrive as merge requests)."""
    repo = c.Optional(c.Type(str))
    """The repository as the git host names it, e.g. `lms/torget`; required for `gitlab` and `gitea`."""
    base_url = c.Optional(c.Type(str))
    """The git host's address, e.g. `https://gitlab.example.no`; leave out for gitlab.com."""
    app_id = c.Optional(c.Type(str))
    """The OAuth application's id on the git host (PKCE login, no secret); required for `gitlab` and `gitea`."""
    branch = c.Type(str, default="main")
    """The branch the site is built from; changes are proposed against it."""
    local_url = c.Optional(c.Type(str))
    """The decap-server API for `local`, e.g. `http://localhost:8081/api/v1` (Decap's default when left out)."""
    assets = c.Type(str, default="editor/node_modules")
    """Folder, relative to mkdocs.yml, where npm installed decap-cms and js-yaml (`make editor-deps`)."""


class TorgetConfig(base.Config):
    organisations = c.Type(str, default="organisations")
    """Folder holding one YAML file per organisation and `_categories.yaml`, relative to mkdocs.yml."""

    hours = c.Type(str, default=DEFAULT_RULE)
    """The desk's staffed hours in OpenStreetMap `opening_hours` syntax, evaluated in Europe/Oslo time.

    Weekday hours (`We 11:00-14:00`, `Mo-Fr 09:00-11:00,12:00-15:00`), `PH off` (Norwegian public
    holidays), `SH off` (the school holidays of `school_holidays`) and dated exceptions
    (`2026 Dec 02 off "kurs"`, `2026 Dec 23 11:00-13:00`), separated by `;`.
    """

    extra_closed_days = c.Type(dict, default=DEFAULT_EXTRA_CLOSED_DAYS)
    """Days the desk is always closed although they are no public holiday, with the reason in Norwegian:
    `"12-24": julaften` every year, or `"2026-12-23": personalmøte` once. Replaces the default list."""

    school_holidays = c.Type(str, default=f"organisations/{SCHOOL_HOLIDAYS_FILE}")
    """The school calendar (YAML, `holidays:` with `first_day`, `last_day`, `reason`), relative to mkdocs.yml.
    `SH off` closes the desk on these days; the build warns when it reaches less than 60 days ahead."""

    rollup_width_cm = c.Type((int, float), default=PrintOptions.rollup_width_cm)
    """Width of the roll-up's print in centimetres (the stand's visible area; 30 to 300)."""
    rollup_height_cm = c.Type((int, float), default=PrintOptions.rollup_height_cm)
    """Height of the roll-up's print in centimetres (50 to 500)."""
    rollup_qr_cm = c.Type((int, float), default=PrintOptions.rollup_qr_cm)
    """Width of the QR code on the roll-up in centimetres, quiet zone included. At least 20, and the build
    warns below 25: a code scans from about ten times its width, and 40 cm reaches across the foyer."""
    bleed_mm = c.Type((int, float), default=PrintOptions.bleed_mm)
    """Bleed around the roll-up's finished size in millimetres, where its coloured bands run past the trim
    (0 to 20; print shops ask for 3 to 5). With bleed the PDF also carries crop marks outside it."""
    safe_margin_cm = c.Type((int, float), default=PrintOptions.safe_margin_cm)
    """Margin inside the roll-up's trim in centimetres that holds no text, code or logo (0 to 20), so cutting
    and the stand's edges take nothing that matters."""
    cassette_cm = c.Type((int, float), default=PrintOptions.cassette_cm)
    """Height of the roll-up's bottom zone in centimetres that the stand's cassette hides (0 to 50): only
    background there."""
    card_size = c.Choice(("A6", "A5"), default=PrintOptions.card_size)
    """Paper size of the organisations' cards, `A6` or `A5`."""
    logo = c.Optional(c.Type(str))
    """The hospital's own artwork for the roll-up (PNG or JPEG, relative to mkdocs.yml), printed a quarter of
    the roll-up's width wide at 150 dpi or more. Left out, the roll-up has no logo: none is ever made up."""
    short_address = c.Optional(c.Type(str))
    """The host printed under the codes in place of `site_url`'s, before each print's short address
    (`<short_address>/r/rollup`); by default `site_url` without `https://`. Set it only when that host
    forwards every path to the site."""
    corrections_email = c.Optional(c.Type(str))
    """E-mail address the directory gives visitors for reporting a missing organisation or a mistake,
    e.g. the learning and coping centre's. Without it the directory only says that it is not complete."""
    cache_dir = c.Type(str, default=".cache/torget")
    """Folder, relative to mkdocs.yml, where drawn QR codes and posters are kept between builds, so an
    unchanged one is not drawn again. Must be outside `docs_dir` and `site_dir`; delete it at any time."""
    drafts = c.Type(bool, default=False)
    """Publish the pages marked `draft: true` as well, each with the banner «Utkast – ikke publisert»: for a
    staging build that LMS reviews before the drafts are confirmed. Leave it off for the public site, where
    drafts are left out entirely (no page, no entry in the event lists, feeds, kiosk, search or sitemap, and
    no print file). `mkdocs serve` always shows the drafts, with the banner."""
    app_short_name = c.Type(str, default="Torget")
    """The name under the icon when a visitor adds the site to the home screen (the web app manifest's
    `short_name`); the full name there is `site_name`."""
    theme_colour = c.Type(str, default="#4051b5")
    """The colour of the home-screen app's bar and icon (`theme_color`), as CSS: by default the header colour
    of the theme's `indigo` palette in mkdocs.yml. Change both together."""
    translations = c.Type(dict, default={})
    """The site in other languages: language code -> the folder (relative to mkdocs.yml) holding that language's
    pages, with the same file names as under `docs_dir`, e.g. `en: docs-en`. Each language is built as a site of
    its own under `/<code>/` (see README «The site in other languages»). Interface strings come from the catalogue
    `locale/<code>/LC_MESSAGES/torget.po` (the project's, else the package's). A language that lacks strings, pages
    or organisation texts is built only with `drafts: true`."""
    editor = c.SubConfig(EditorConfig)
    """The web editor (see `EditorConfig`); off unless `backend` says otherwise."""
