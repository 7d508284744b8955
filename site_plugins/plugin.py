"""The MkDocs adapter: reads the options, asks the core for the site's files, hands them to the build."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .build import editor_site_files, print_warnings, site_files
from .config import TorgetConfig
from .directory.peer_support import expand_peer_support_marker
from .editor.collections import EditorOptions
from .editor.files import EDITOR_FOLDER, missing_bundles
from .events.pages import event_page_markdown
from .kiosk.page import KIOSK_FOLDER
from .options import sources_from
from .printing.options import print_option_problems
from .publish.compress import precompress
from .publish.site import EditorArea, origin, policy_report, site_policy, write_policy
from .readiness.drafts import banner_markdown
from .readiness.proof import proof_warning
from .rendered_page import RenderedPage
from .search.index import index_with_keywords, use_search_worker
from .site import Site, load_site
from .sources.problems import SourceError
from .web.assets import SCRIPTS, STYLESHEETS
from .web.cache import FileCache
from .web.json_ld import json_ld_to_head
from .web.output import GeneratedFile
from .web.qr import site_url_problem
from .web.theme_markup import correct_theme_markup
from .web.urls import SiteUrls

log = get_plugin_logger("torget")


def editor_options_from(options: TorgetConfig) -> EditorOptions | None:
    """The web editor's settings, or None when it is off."""
    editor = options.editor
    if editor.backend == "off":
        return None
    return EditorOptions(backend=editor.backend, repo=editor.repo, base_url=editor.base_url, app_id=editor.app_id,
                         branch=editor.branch, local_url=editor.local_url)


def editor_area(options: EditorOptions | None) -> EditorArea | None:
    """Where the web editor lives in the site and which hosts it talks to (its git host, or decap-server)."""
    if options is None:
        return None
    default = {"gitlab": "https://gitlab.com", "local": "http://localhost:8081"}.get(options.backend)
    hosts = [url for url in (options.base_url or default, options.local_url) if url]
    return EditorArea(EDITOR_FOLDER, tuple(origin(url) for url in hosts))


def editor_problems(options: EditorOptions, node_modules: Path) -> list[str]:
    """What stops the editor from working, as messages naming the option in mkdocs.yml."""
    problems = []
    if options.backend != "local":
        problems += [f"torget: editor.{name} is required for the {options.backend} backend"
                     for name in ("repo", "app_id") if not getattr(options, name)]
    if missing := missing_bundles(node_modules):
        problems.append(f"torget: the web editor is on, but its scripts are missing ({', '.join(missing)}); "
                        "run `make editor-deps` (needs Node.js and npm), or set editor.backend to off")
    return problems


class TorgetPlugin(BasePlugin[TorgetConfig]):
    """Builds the directory and the desk's other pages from the editors' YAML and front matter."""

    site: Site | None = None
    rendered: dict[str, GeneratedFile]
    """Pages whose body the core rendered to HTML, by source path; `on_pre_page` hands them to MkDocs."""
    urls: SiteUrls | None = None
    in_nav: frozenset[str] = frozenset()
    """Source paths of the pages in the menu (`nav`), whose page objects the menu holds."""
    command: str = "build"
    sources_of: dict[str, str]  # built page -> the editor's file it came from, for error messages

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` is the editors' preview: it shows the drafts, with their banner.
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if problem := site_url_problem(config.site_url):
            raise PluginError(problem)
        self.sources = sources_from(config, self.config, preview=self.command == "serve")
        self.sources_of = {}
        if problems := print_option_problems(self.sources.prints, Path(config.docs_dir), Path(config.site_dir)):
            raise PluginError("\n".join(problems))
        self.editor = editor_options_from(self.config)
        self.editor_assets = (self.sources.root / self.config.editor.assets).resolve()
        if self.editor is not None and (problems := editor_problems(self.editor, self.editor_assets)):
            raise PluginError("\n".join(problems))
        try:
            self.site = load_site(self.sources)
        except SourceError as error:
            raise PluginError(error.report()) from None
        for warning in (*self.site.hours.warnings, *self.site.directory.warnings):
            log.warning(warning)
        if proof := proof_warning(config.site_url or ""):
            log.warning(proof)
        for path in STYLESHEETS:
            if path not in config.extra_css:
                config.extra_css.append(path)
        for path in SCRIPTS:
            if path not in [str(script) for script in config.extra_javascript]:
                # Deferred like Material's bundle (see web/theme_markup.py), so they run after it, in order.
                script = ExtraScriptValue(path)
                script.defer = True
                config.extra_javascript.append(script)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        self._leave_out_drafts(files)
        # Read here, after every plugin's on_config: Material's offline plugin turns directory URLs off in its own.
        self.urls = SiteUrls(config.site_url or "", directory_urls=config.use_directory_urls)
        for warning in print_warnings(self.site, self.urls):
            log.warning(warning)
        self.rendered = {}
        try:
            generated_files = list(site_files(self.site, self.urls))
        except SourceError as error:  # e.g. an event's text too long for its poster
            raise PluginError(error.report()) from None
        if self.editor is not None:
            generated_files += editor_site_files(
                self.site, self.sources, self.editor, self.urls.site_url, config.site_name, self.editor_assets
            )
        for generated in generated_files:
            existing = files.get_file_from_path(generated.path)
            if existing is not None:
                raise PluginError(f"torget: {config.docs_dir}/{generated.path} is made by the plugin; "
                                  "remove or rename the hand-written file.")
            # Generated pages are reached through the directory, not the navigation: a site-wide
            # menu of every organisation would make each page grow with the directory.
            if isinstance(generated.content, Path):  # a drawn file, copied from the build cache
                files.append(File.generated(config, generated.path, abs_src_path=str(generated.content),
                                            inclusion=InclusionLevel.NOT_IN_NAV))
            else:
                files.append(File.generated(config, generated.path, content=generated.content,
                                            inclusion=InclusionLevel.NOT_IN_NAV))
            if generated.html is not None:
                self.rendered[generated.path] = generated
        self.sources_of = {file.dest_uri: f"{config.docs_dir.rstrip('/').rsplit('/', 1)[-1]}/{file.src_uri}"
                           for file in files if file.is_documentation_page() and not file.generated_by}
        return files

    def _leave_out_drafts(self, files: Files) -> None:
        """Unless drafts are shown, mark every draft page as MkDocs' own draft: left out of `mkdocs build`
        (page, navigation, search index, sitemap), and said so at INFO level, so `--strict` still passes."""
        assert self.site is not None
        if self.site.drafts_shown or not len(self.site.drafts):
            return
        for draft in self.site.drafts:
            if (file := files.get_file_from_path(draft.src_path)) is not None:
                file.inclusion = InclusionLevel.DRAFT
        log.info(f"left out {self.site.drafts.summary()} (set `drafts: true` for a staging build)")

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """A draft left out of the build leaves the navigation too (MkDocs keeps it there and only logs it)."""
        assert self.site is not None
        self.in_nav = frozenset(page.file.src_uri for page in nav.pages)
        if self.site.drafts_shown or not len(self.site.drafts):
            return nav
        nav.items = _without_drafts(nav.items)
        nav.pages = [page for page in nav.pages if not page.file.inclusion.is_excluded()]
        for previous, page, following in zip([None, *nav.pages], nav.pages, [*nav.pages[1:], None], strict=False):
            page.previous_page, page.next_page = previous, following
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """An event page gets its facts, next dates, agenda, calendar link and JSON-LD from the core;
        a page with the peer-support marker gets the list of organisations with peer supporters;
        a draft that is shown gets its banner."""
        assert self.site is not None and self.urls is not None
        markdown = expand_peer_support_marker(markdown, page.file.src_uri, self.site.directory, self.urls)
        event = self.site.events.by_src_path(page.file.src_uri)
        if event is not None:
            page.meta.setdefault("title", html.escape(event.spec.title))
            markdown = event_page_markdown(markdown, event, self.site.directory, self.urls, self.site.hours.now)
        if page.file.src_uri in self.site.drafts:
            markdown = banner_markdown() + markdown
        return markdown

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        """A generated page outside the menu (an organisation, a theme: the pages that grow with the directory)
        is built from the HTML and meta the core rendered, without Markdown. A page in the menu keeps its
        object, which the menu links to; its Markdown is front matter only, and `on_page_content` swaps in
        the body."""
        generated = self.rendered.get(page.file.src_uri)
        if generated is None or generated.html is None or page.file.src_uri in self.in_nav:
            return page
        return RenderedPage(page.file, config, generated.html, generated.meta or {})

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.rendered.get(page.file.src_uri)
        return generated.html if generated is not None and generated.html is not None else html

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return correct_theme_markup(use_search_worker(json_ld_to_head(output)))

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """The 404 page is a template, not a page: it gets the same search and corrections as the pages."""
        if template_name.endswith(".html"):
            return correct_theme_markup(use_search_worker(output_content))
        return output_content

    # Last: after Material's search plugin has written its index, the sitemap and any other plugin's files.
    @event_priority(-100)
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Add the organisations' keywords (both languages, synonyms, phrases) to the search index; check
        the pages against the Content-Security-Policy and write its header for nginx; and on `mkdocs build`
        (not `serve`) write a .gz and a .br beside every text file, the search index included."""
        assert self.site is not None and self.urls is not None
        site = Path(config.site_dir)
        index = site / "search" / "search_index.json"
        if index.is_file():
            text = index_with_keywords(index.read_text(encoding="utf-8"), self.site.directory, self.urls)
            index.write_text(text, encoding="utf-8")
        policies = site_policy(site, self.sources_of, editor_area(self.editor))
        if policies.problems:
            raise PluginError(policy_report(policies))
        write_policy(site, policies, config.site_url or "/")
        if self.command == "build":
            compressed = precompress(site, FileCache(self.sources.prints.cache_folder))
            log.debug(f"compressed {compressed.files} files: {compressed.original} bytes, "
                      f"{compressed.gzip} gzip, {compressed.brotli} brotli")

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
        server.watch(str(self.sources.organisations))
        server.watch(str(KIOSK_FOLDER))  # the kiosk's front end (template, stylesheet, script)
        if self.sources.hours is not None:
            server.watch(str(self.sources.hours.school_holidays))
        return server


def _without_drafts(items: list) -> list:
    """Navigation items without the pages left out of the build; a section left empty goes too."""
    kept = []
    for item in items:
        if isinstance(item, Page) and item.file.inclusion.is_excluded():
            continue
        if isinstance(item, Section):
            item.children = _without_drafts(item.children)
            if not item.children:
                continue
        kept.append(item)
    return kept
