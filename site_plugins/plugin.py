"""The MkDocs adapter: reads the options, asks the core for the site's files, hands them to the build."""

from __future__ import annotations

import html
import re
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

from .build import (
    bokmal_only_files,
    editor_site_files,
    offline_worker,
    page_code_files,
    print_warnings,
    site_files,
)
from .config import TorgetConfig
from .directory.peer_support import expand_peer_support_marker
from .editor.collections import EditorOptions
from .editor.files import EDITOR_FOLDER, missing_bundles
from .events.pages import event_page_markdown
from .i18n.completeness import LanguageReport
from .i18n.language import SOURCE_LANGUAGE, install, use_language
from .i18n.language import gettext as i18n_gettext
from .i18n.language import ngettext as i18n_ngettext
from .i18n.languages import SiteLanguages
from .i18n.setup import Translation, language_reports, load_translations, translated_site
from .i18n.switch import add_language_links, sitemap_with_alternates
from .kiosk.page import KIOSK_FOLDER
from .offline.pages import OFFLINE_PAGE, SITE_WORKER, AppOptions, app_files, page_offline_markup, stored_offline
from .offline.worker import BuiltPage
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
from .web.assets import SCRIPT_BUNDLE, STYLESHEETS, stylesheet_bundle
from .web.cache import FileCache
from .web.json_ld import json_ld_to_head
from .web.output import GeneratedFile
from .web.qr import site_url_problem
from .web.script_texts import with_script_texts
from .web.theme_markup import correct_theme_markup, one_stylesheet
from .web.urls import DIRECTORY_INDEX, SiteUrls

log = get_plugin_logger("torget")
THEME_FOLDER = str(Path(__file__).parent / "theme")
"""Templates that replace Material's (404.html)."""


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
    bundled_sheets: tuple[str, ...] = ()
    """Site paths of the stylesheets the pages link as the one sheet `sheet`, in their order."""
    sheet: str = ""
    stored_pages: list[BuiltPage]
    """The built pages the offline copy stores on a first visit, gathered as MkDocs writes them."""
    offline_page: BuiltPage | None = None
    language: str = SOURCE_LANGUAGE
    """The language this build renders; bokmål, or another when the bokmål build runs it (`parent`)."""
    parent: TorgetPlugin | None = None
    """For another language's build: the bokmål build's plugin, whose model, sources and languages it shares."""
    languages: SiteLanguages = SiteLanguages()
    """The languages this build links to (switch, hreflang, sitemap): bokmål and the published others."""
    translations: list[Translation]
    reports: list[LanguageReport]
    single_language: frozenset[str] = frozenset()
    """Source paths of the pages only the bokmål site has (kiosk, prints, offline page): no language links."""
    single_language_urls: set[str]
    fallback_pages: frozenset[str] = frozenset()
    """Pages of another language's build that its folder lacks, shown in bokmål (a staging build only)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` is the editors' preview: it shows the drafts, with their banner.
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if problem := site_url_problem(config.site_url):
            raise PluginError(problem)
        if self.parent is not None:  # another language's build: the bokmål build has read and checked everything
            self._share_parent()
            self._add_assets(config)
            return config
        self.sources = sources_from(config, self.config, preview=self.command == "serve")
        self.sources_of = {}
        if problems := print_option_problems(self.sources.prints, Path(config.docs_dir), Path(config.site_dir)):
            raise PluginError("\n".join(problems))
        self.editor = editor_options_from(self.config)
        self.editor_assets = (self.sources.root / self.config.editor.assets).resolve()
        if self.editor is not None and (problems := editor_problems(self.editor, self.editor_assets)):
            raise PluginError("\n".join(problems))
        try:
            self.translations = load_translations(self.config.translations, self.sources)
            self.site = translated_site(load_site(self.sources), self.translations, self.sources)
        except SourceError as error:
            raise PluginError(error.report()) from None
        for warning in (*self.site.hours.warnings, *self.site.directory.warnings):
            log.warning(warning)
        if proof := proof_warning(config.site_url or ""):
            log.warning(proof)
        for translation in self.translations:
            install(translation.code, translation.catalogue.translations)
        self.reports = language_reports(self.translations, self.site, self.sources)
        published = [report.code for report in self.reports if report.complete or self.site.drafts_shown]
        for report in self.reports:
            if report.code not in published:
                log.info(f"left out the {report.code} site, which is not complete (`torget check` lists what it "
                         "lacks; set `drafts: true` for a staging build)")
        self.languages = SiteLanguages((SOURCE_LANGUAGE, *published))
        self._add_assets(config)
        return config

    def _share_parent(self) -> None:
        parent = self.parent
        assert parent is not None and parent.site is not None
        self.site, self.sources, self.languages = parent.site, parent.sources, parent.languages
        self.translations, self.reports, self.editor = parent.translations, parent.reports, None
        self.sources_of = {}

    def _add_assets(self, config: MkDocsConfig) -> None:
        # The plugin's own theme templates (a Norwegian 404 page) come before Material's.
        if THEME_FOLDER not in config.theme.dirs:
            config.theme.dirs.insert(0, THEME_FOLDER)
        for path in STYLESHEETS:
            if path not in config.extra_css:
                config.extra_css.append(path)
        if SCRIPT_BUNDLE not in [str(script) for script in config.extra_javascript]:
            # The site's scripts in one file, deferred like Material's bundle (see web/theme_markup.py), so
            # they run after it.
            script = ExtraScriptValue(SCRIPT_BUNDLE)
            script.defer = True
            config.extra_javascript.append(script)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        self._leave_out_drafts(files)
        # Read here, after every plugin's on_config: Material's offline plugin turns directory URLs off in its own.
        self.urls = SiteUrls(config.site_url or "", directory_urls=config.use_directory_urls)
        if self.parent is None:  # the prints are the bokmål build's
            for warning in print_warnings(self.site, self.urls, english="en" in self.languages.codes):
                log.warning(warning)
        self.rendered = {}
        try:
            with use_language(self.language):
                generated_files = list(site_files(self.site, self.urls, every_output=False, languages=self.languages))
                only_here = list(bokmal_only_files(self.site, self.urls, self.languages) if self.parent is None
                                 else page_code_files(self.site, self.urls))
            # Pages no other language has: no language switch, no alternates in the sitemap.
            self.single_language = frozenset(file.path for file in only_here if self.parent is None)
            self.single_language_urls = set()
            generated_files += only_here
        except SourceError as error:  # e.g. an event's text too long for its poster
            raise PluginError(error.report()) from None
        # One stylesheet for the first paint: Material's (as its pages link them) and Torget's.
        theme_sheets = [file for name in ("main", "palette" if config.theme.get("palette") else None) if name
                        for file in files if re.fullmatch(rf"assets/stylesheets/{name}\.[0-9a-f]{{8}}\.min\.css",
                                                          file.src_uri)]
        sheet = stylesheet_bundle(file.content_bytes for file in theme_sheets)
        self.bundled_sheets = (*(file.url for file in theme_sheets), *STYLESHEETS)
        self.sheet = sheet.path
        generated_files.append(sheet)
        generated_files += app_files(AppOptions(config.site_name, self.config.app_short_name, self.config.theme_colour,
                                                _logo_svg(config)), self.urls)
        self.stored_pages = []
        self.offline_page = None
        if self.parent is not None:
            self._add_fallback_pages(files, config)
        if self.editor is not None:
            generated_files += editor_site_files(
                self.site, self.sources, self.editor, self.urls.site_url, config.site_name, self.editor_assets
            )
        # A hand-written file clashes with a made one by its source path (docs/organisasjoner/index.md) or by
        # the address it is written to (docs/organisasjoner/gammel.md and a former address's forwarding page).
        hand_written = {file.dest_uri: file for file in files}
        docs = config.docs_dir.rstrip("/").rsplit("/", 1)[-1]
        for generated in generated_files:
            # Generated pages are reached through the directory, not the navigation: a site-wide
            # menu of every organisation would make each page grow with the directory.
            if isinstance(generated.content, Path):  # a drawn file, copied from the build cache
                made = File.generated(config, generated.path, abs_src_path=str(generated.content),
                                      inclusion=InclusionLevel.NOT_IN_NAV)
            else:
                made = File.generated(config, generated.path, content=generated.content,
                                      inclusion=InclusionLevel.NOT_IN_NAV)
            existing = files.get_file_from_path(generated.path) or hand_written.get(made.dest_uri)
            if existing is not None:
                raise PluginError(f"torget: {docs}/{existing.src_uri} would be written to {made.dest_uri}, which the "
                                  "plugin makes (an organisation's page, the forwarding page of a name in "
                                  "former_slugs, a print, the kiosk); remove or rename the hand-written file.")
            files.append(made)
            if generated.html is not None:
                self.rendered[generated.path] = generated
        self.sources_of = {file.dest_uri: f"{docs}/{file.src_uri}"
                           for file in files if file.is_documentation_page() and not file.generated_by}
        return files

    def _add_fallback_pages(self, files: Files, config: MkDocsConfig) -> None:
        """A staging build of an incomplete language shows the bokmål page where its folder lacks one."""
        docs = self.sources.docs_folder
        missing = []
        for path in sorted(docs.rglob("*.md")):
            src = path.relative_to(docs).as_posix()
            if files.get_file_from_path(src) is None:
                files.append(File(src, str(docs), config.site_dir, config.use_directory_urls))
                missing.append(src)
        self.fallback_pages = frozenset(missing)

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
        with use_language(self.language):
            markdown = expand_peer_support_marker(markdown, page.file.src_uri, self.site.directory, self.urls)
            event = self.site.events.by_src_path(page.file.src_uri)
            if event is not None:
                page.meta.setdefault("title", html.escape(event.title))
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
        content = generated.html if generated is not None and generated.html is not None else html
        if page.file.src_uri in self.fallback_pages:  # read in bokmål by screen readers, too
            content = f'<div lang="{SOURCE_LANGUAGE}">\n{content}\n</div>'
        return content

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        # Pages of another language's build are stored by the one offline copy at the site's root.
        url = self.languages.prefix(self.language) + page.url
        built = BuiltPage(url, page.file.src_uri)
        stored = self.parent.stored_pages if self.parent is not None else self.stored_pages
        if page.file.src_uri == OFFLINE_PAGE:
            if self.parent is None:
                self.offline_page = built
        elif stored_offline(page.file.src_uri):
            stored.append(built)
        assert self.urls is not None
        with use_language(self.language):  # the stored-copy note and the scripts' words in the page's language
            output = page_offline_markup(output, page.url, worker=self.command == "build",
                                         theme_colour=self.config.theme_colour,
                                         site_root=self.languages.prefix(self.language),
                                         directory=self.urls.page(DIRECTORY_INDEX))
            output = with_script_texts(output)
        output = self._corrected(json_ld_to_head(output))
        if page.file.src_uri in self.single_language:
            self.single_language_urls.add(page.url)
        elif len(self.languages.codes) > 1 and page.url is not None:
            site_url = (self.parent.urls if self.parent and self.parent.urls else self.urls or SiteUrls("")).site_url
            output = add_language_links(output, self.languages, self.language, page.url, site_url)
        return output

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        """The plugin's own theme templates (the 404 page) read the catalogue of this build's language, as
        `{{ _("…") }}` and `{% trans %}`, like the plugin's templates."""
        code = self.language

        def gettext(message: str) -> str:
            with use_language(code):
                return i18n_gettext(message)

        def ngettext(singular: str, plural: str, count: int) -> str:
            with use_language(code):
                return i18n_ngettext(singular, plural, count)

        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_callables(gettext, ngettext, newstyle=True)
        return env

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        """The 404 page is a template, not a page: it gets the same search and corrections as the pages."""
        if template_name.endswith(".html"):
            with use_language(self.language):
                return self._corrected(with_script_texts(output_content))
        return output_content

    def _corrected(self, output: str) -> str:
        return one_stylesheet(correct_theme_markup(use_search_worker(output)), self.bundled_sheets, self.sheet)

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
            with use_language(self.language):
                text = index_with_keywords(index.read_text(encoding="utf-8"), self.site.directory, self.urls)
            index.write_text(text, encoding="utf-8")
        if self.parent is not None:  # the bokmål build checks and compresses the whole site, this language's too
            return
        for translation in self.translations:
            if translation.code in self.languages.codes:
                self._build_language(config, translation)
        if len(self.languages.codes) > 1:
            for code in self.languages.codes:
                sitemap = site / self.languages.prefix(code) / "sitemap.xml"
                if sitemap.is_file():
                    sitemap_with_alternates(sitemap, self.languages, code, self.urls.site_url,
                                            without=self.single_language_urls)
        policies = site_policy(site, self.sources_of, editor_area(self.editor))
        if policies.problems:
            raise PluginError(policy_report(policies))
        write_policy(site, policies, config.site_url or "/")
        if self.command == "build" and self.offline_page is not None:
            self._write_worker(site)
        if self.command == "build":
            compressed = precompress(site, FileCache(self.sources.prints.cache_folder))
            log.debug(f"compressed {compressed.files} files: {compressed.original} bytes, "
                      f"{compressed.gzip} gzip, {compressed.brotli} brotli")

    def _write_worker(self, site: Path) -> None:
        """The public site's offline copy (`sw.js` at the root); never on the preview server, whose pages
        name no worker."""
        assert self.offline_page is not None

        def read(path: str) -> bytes | None:
            file = site / path
            return file.read_bytes() if file.is_file() else None

        script, plan, size = offline_worker(self.stored_pages, self.offline_page, read)
        (site / SITE_WORKER).write_text(script, encoding="utf-8")
        log.debug(f"offline copy: {len(plan.required)} files at once, {len(plan.background)} in the background, "
                  f"{size} bytes")

    def _build_language(self, config: MkDocsConfig, translation: Translation) -> None:
        """Build `translation` as a site of its own in `<site_dir>/<code>/`: the same configuration with the
        language's pages, Material's interface and search in that language, and this build's model."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        assert self.urls is not None
        code = translation.code
        # MkDocs keeps plugin objects in its schema for `serve`'s rebuilds; this build needs fresh ones.
        plugins_option: Any = dict(MkDocsConfig._schema)["plugins"]
        kept, plugins_option.plugin_cache = plugins_option.plugin_cache, {}
        try:
            other = load_config(config_file=config.config_file_path, docs_dir=str(translation.pages),
                                site_dir=str(Path(config.site_dir) / code), strict=config.strict,
                                site_url=self.languages.absolute(self.urls.site_url, "", code),
                                nav=_untitled(config.nav))
        finally:
            plugins_option.plugin_cache = kept
        other.theme["language"] = code
        other.use_directory_urls = config.use_directory_urls
        plugin = other.plugins["torget"]
        assert isinstance(plugin, TorgetPlugin)
        plugin.parent, plugin.language, plugin.command = self, code, self.command
        search = other.plugins.get("material/search") or other.plugins.get("search")
        if search is not None:
            search.config["lang"] = [code]
        build(other)

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
        server.watch(str(self.sources.organisations))
        server.watch(str(KIOSK_FOLDER))  # the kiosk's front end (template, stylesheet, script)
        if self.sources.hours is not None:
            server.watch(str(self.sources.hours.school_holidays))
        return server


def _logo_svg(config: MkDocsConfig) -> str:
    """The drawing of the theme's logo in the page header (Material's default icon unless mkdocs.yml names one)."""
    icon = (config.theme.get("icon") or {}).get("logo") or "material/library"
    for folder in config.theme.dirs:
        path = Path(folder) / ".icons" / f"{icon}.svg"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return ""

def _untitled(nav: Any) -> Any:
    """The menu with its titles left out, so another language's menu takes each page's own (translated) title."""
    if isinstance(nav, list):
        return [_untitled(item) for item in nav]
    if isinstance(nav, dict) and len(nav) == 1:
        title, value = next(iter(nav.items()))
        # A page takes its own title; a section keeps its heading (MkDocs has nowhere else to read it from).
        return value if isinstance(value, str) else {title: _untitled(value)}
    return nav


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
