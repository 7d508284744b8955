"""The deploy files a build writes into the site folder, beside the pages they describe.

`.deploy/nginx-csp.conf` holds the Content-Security-Policy header for exactly this build, as an nginx
`map`. Publishing (deploy/server/torget-apply-policy) checks that the file is such a map and nothing
else before it copies it into nginx's configuration, which the server block in
deploy/nginx/torget.conf includes; the server refuses requests for dot folders.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .csp import SitePolicy, editor_policy, nginx_include

DEPLOY_FOLDER = ".deploy"
CSP_INCLUDE = f"{DEPLOY_FOLDER}/nginx-csp.conf"


@dataclass(frozen=True)
class EditorArea:
    """The web editor's folder in the site (`admin`) and the git host origins it talks to."""

    folder: str
    hosts: tuple[str, ...]


@dataclass
class SitePolicies:
    """The policy of the site's pages and, when the web editor is built, of the editor's pages."""

    pages: SitePolicy = field(default_factory=SitePolicy)
    editor: SitePolicy | None = None
    editor_area: EditorArea | None = None

    @property
    def problems(self) -> list[str]:
        return self.pages.problems + (self.editor.problems if self.editor else [])


def origin(url: str) -> str:
    """`https://gitlab.example.no/api/v4` -> `https://gitlab.example.no`."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def site_policy(site: Path, sources: Mapping[str, str] | None = None, editor: EditorArea | None = None) -> SitePolicies:
    """The policies every HTML file under `site` needs. `sources` maps a built file to the file it came
    from (`om-torget/index.html` -> `docs/om-torget.md`), so a problem names what an editor can change.
    The web editor's pages (under `editor.folder`) get a policy of their own (see `csp.editor_policy`)."""
    sources = sources or {}
    policies = SitePolicies(editor=SitePolicy() if editor else None, editor_area=editor)
    for path in sorted(site.rglob("*.html")):
        built = path.relative_to(site).as_posix()
        if built.startswith(f"{DEPLOY_FOLDER}/"):
            continue
        name = f"{sources[built]} ({built})" if built in sources else built
        in_editor = editor is not None and built.startswith(f"{editor.folder}/")
        policy = policies.editor if in_editor and policies.editor else policies.pages
        policy.add_page(name, path.read_text(encoding="utf-8", errors="replace"))
    return policies


def policy_report(policies: SitePolicies) -> str:
    """The build's error message for pages a strict Content-Security-Policy would break."""
    lines = [f"  {problem}" for problem in policies.problems]
    return ("torget: the site's Content-Security-Policy allows only the site's own scripts and stylesheets and the "
            "theme's inline scripts; these pages need more:\n" + "\n".join(lines))


def nginx_policy_map(policies: SitePolicies, site_url: str) -> str:
    """The include file's text: the pages' policy, and the editor's for addresses under its folder."""
    exceptions: Iterable[tuple[str, str]] = ()
    if policies.editor is not None and policies.editor_area is not None:
        prefix = (urlsplit(site_url).path.rstrip("/") or "") + f"/{policies.editor_area.folder}/"
        exceptions = [(prefix, editor_policy(policies.editor.script_hashes, policies.editor_area.hosts))]
    return nginx_include(policies.pages.header_value(), exceptions)


def write_policy(site: Path, policies: SitePolicies, site_url: str = "/") -> Path:
    target = site / CSP_INCLUDE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(nginx_policy_map(policies, site_url), encoding="utf-8")
    return target
