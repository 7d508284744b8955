"""From mkdocs.yml's values to the sources the core reads: shared by the plugin and `torget check`.

`read_project` reads mkdocs.yml with MkDocs's own YAML reader (`!ENV`, `INHERIT`) but does not load
every plugin the file lists, as `mkdocs.config.load_config` does: checking the editors' files needs
only the `torget` options, and loading Material's plugins and our page templates would take longer
than the check itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .hours.sources import HoursSources
from .printing.colours import palette_colours
from .printing.options import PrintOptions
from .site import SiteSources
from .sources.config_location import PLUGIN, option_location
from .web.urls import SiteUrls

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from .config import TorgetConfig


def site_sources(config_file: Path | None, docs_dir: Path, options: TorgetConfig, *, site_name: str = "",
                 copyright: str | None = None, preview: bool = False, primary: str | None = None) -> SiteSources:
    """The source folders named in the options, resolved against the folder of `config_file`.
    `preview` is true under `mkdocs serve`, which shows the drafts; `primary` is the theme's primary colour."""
    from mkdocs.utils import get_build_datetime

    root = (config_file or Path("mkdocs.yml")).resolve().parent
    hours = HoursSources(school_holidays=root / options.school_holidays, rule=options.hours,
                         extra_closed_days=options.extra_closed_days, config_file=config_file)
    # The build time honours SOURCE_DATE_EPOCH, so a build can be repeated exactly.
    return SiteSources(root=root, organisations=root / options.organisations, hours=hours, now=get_build_datetime(),
                       prints=print_options(options, root, site_name, copyright, primary), docs=docs_dir,
                       show_drafts=preview or options.drafts, corrections_email=options.corrections_email,
                       languages=tuple(str(code) for code in options.translations))


def print_options(options: TorgetConfig, root: Path, site_name: str, copyright: str | None,
                  primary: str | None = None) -> PrintOptions:
    """The posters' options: the site's name as headline, its copyright line as footer, the colours of the theme's
    primary colour, the logo and the cache beside mkdocs.yml."""
    return PrintOptions(title=site_name, rollup_width_cm=options.rollup_width_cm,
                        rollup_height_cm=options.rollup_height_cm, rollup_qr_cm=options.rollup_qr_cm,
                        short_address=options.short_address, footer=copyright or "",
                        cache_folder=(root / options.cache_dir).resolve(), bleed_mm=options.bleed_mm,
                        safe_margin_cm=options.safe_margin_cm, cassette_cm=options.cassette_cm,
                        card_size=options.card_size, logo=root / options.logo if options.logo else None,
                        logo_option=options.logo or "", colours=palette_colours(primary))


def theme_primary(theme: Any) -> str | None:
    """The primary colour named under `theme.palette` (a mapping, or a list of schemes whose first counts)."""
    palette = theme.get("palette") if isinstance(theme, dict) or hasattr(theme, "get") else None
    if isinstance(palette, list):
        palette = palette[0] if palette else None
    primary = palette.get("primary") if isinstance(palette, dict) else None
    return str(primary) if primary else None


def sources_from(config: MkDocsConfig, options: TorgetConfig, *, preview: bool = False) -> SiteSources:
    """The sources of a loaded MkDocs configuration; `preview` under `mkdocs serve`."""
    config_file = Path(config.config_file_path) if config.config_file_path else None
    return site_sources(config_file, Path(config.docs_dir), options, site_name=config.site_name,
                        copyright=config.copyright, preview=preview, primary=theme_primary(config.theme))


class OptionsError(Exception):
    """mkdocs.yml cannot be read, or does not list the plugin; the message says which."""


def read_project(config_file: Path) -> tuple[TorgetConfig, SiteSources, SiteUrls, tuple[str, ...]]:
    """The plugin's options, the sources, the site's addresses in `config_file`, and warnings about the options
    (e.g. a misspelt name, which MkDocs ignores with a warning), reading only what the core needs.

    `use_directory_urls` is read as written: like `mkdocs.config.load_config`, this runs no plugin's `on_config`.
    """
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    from .config import TorgetConfig

    try:
        with config_file.open("rb") as handle:
            raw = yaml_load(handle)
    except (OSError, ConfigurationError) as error:
        raise OptionsError(str(error)) from None
    values = _plugin_options(raw.get("plugins"))
    if values is None:
        raise OptionsError(f"the `{PLUGIN}` plugin is not listed under `plugins:`")
    options = TorgetConfig(config_file_path=str(config_file))
    options.load_dict(values)
    errors, warnings = options.validate()
    if errors:
        raise OptionsError("; ".join(f"plugins.{PLUGIN}.{name}: {error}" for name, error in errors))
    root = config_file.resolve().parent
    docs_dir = root / str(raw.get("docs_dir") or "docs")
    sources = site_sources(config_file, docs_dir, options, site_name=str(raw.get("site_name") or ""),
                           copyright=raw.get("copyright"), primary=theme_primary(raw.get("theme") or {}))
    directory_urls = raw.get("use_directory_urls", True)
    urls = SiteUrls(str(raw.get("site_url") or ""), directory_urls=directory_urls is not False)
    return options, sources, urls, _option_warnings(config_file, warnings, options)


def _option_warnings(config_file: Path, warnings: list[tuple[str, str]], options: TorgetConfig) -> tuple[str, ...]:
    """MkDocs's warnings about the options as `file:line: field: message`; an unknown name lists the known ones."""
    unknown = {name for name, message in warnings if message.startswith("Unrecognised configuration name")}
    known = ", ".join(sorted(set(options) - unknown))
    found = []
    for name, message in warnings:
        where = option_location(config_file, config_file.name, name)
        if name in unknown:
            message = f"is not an option of the plugin, so it is ignored; the options are {known}"
        found.append(str(where.problem(message)))
    return tuple(found)


def _plugin_options(plugins: Any) -> dict[str, Any] | None:
    """The plugin's options from `plugins:` as a list (`- torget` or `- torget: {...}`) or a mapping."""
    entries = plugins.items() if isinstance(plugins, dict) else [
        next(iter(entry.items())) if isinstance(entry, dict) and len(entry) == 1 else (entry, {})
        for entry in plugins or []]
    for name, values in entries:
        if name == PLUGIN:
            return dict(values or {})
    return None
