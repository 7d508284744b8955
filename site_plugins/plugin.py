"""The MkDocs adapter: reads the options, asks the core for the site's files, hands them to the build."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from .assets import SCRIPTS, STYLESHEETS
from .config import TorgetConfig
from .problems import SourceError
from .site import Site, SiteSources, load_site, site_files


def sources_from(config: MkDocsConfig, options: TorgetConfig) -> SiteSources:
    """The source folders named in mkdocs.yml, resolved against the folder mkdocs.yml is in."""
    root = Path(config.config_file_path or ".").resolve().parent
    return SiteSources(root=root, organisations=root / options.organisations)


class TorgetPlugin(BasePlugin[TorgetConfig]):
    """Builds the directory and the desk's other pages from the editors' YAML and front matter."""

    site: Site | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.site_url:
            raise PluginError("torget: set `site_url` in mkdocs.yml to the site's public address; "
                              "QR codes and calendar feeds link to it.")
        self.sources = sources_from(config, self.config)
        try:
            self.site = load_site(self.sources)
        except SourceError as error:
            raise PluginError(error.report()) from None
        for path in STYLESHEETS:
            if path not in config.extra_css:
                config.extra_css.append(path)
        for path in SCRIPTS:
            if path not in [str(script) for script in config.extra_javascript]:
                config.extra_javascript.append(path)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        for generated in site_files(self.site, config.site_url):
            existing = files.get_file_from_path(generated.path)
            if existing is not None:
                raise PluginError(f"torget: {config.docs_dir}/{generated.path} is made by the plugin; "
                                  "remove or rename the hand-written file.")
            # Generated pages are reached through the directory, not the navigation: a site-wide
            # menu of every organisation would make each page grow with the directory.
            files.append(File.generated(config, generated.path, content=generated.content,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        return files

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
        server.watch(str(self.sources.organisations))
        return server
