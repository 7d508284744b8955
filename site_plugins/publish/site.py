"""The deploy files a build writes into the site folder, beside the pages they describe.

`.deploy/nginx-csp.conf` holds the Content-Security-Policy header for exactly this build, for the
server block in deploy/nginx/torget.conf to include; the server refuses requests for dot folders.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .csp import SitePolicy, nginx_include

DEPLOY_FOLDER = ".deploy"
CSP_INCLUDE = f"{DEPLOY_FOLDER}/nginx-csp.conf"


def site_policy(site: Path, sources: Mapping[str, str] | None = None) -> SitePolicy:
    """The policy every HTML file under `site` needs. `sources` maps a built file to the file it came
    from (`om-torget/index.html` -> `docs/om-torget.md`), so a problem names what an editor can change."""
    sources = sources or {}
    policy = SitePolicy()
    for path in sorted(site.rglob("*.html")):
        built = path.relative_to(site).as_posix()
        if built.startswith(f"{DEPLOY_FOLDER}/"):
            continue
        name = f"{sources[built]} ({built})" if built in sources else built
        policy.add_page(name, path.read_text(encoding="utf-8", errors="replace"))
    return policy


def policy_report(policy: SitePolicy) -> str:
    """The build's error message for pages a strict Content-Security-Policy would break."""
    lines = [f"  {problem}" for problem in policy.problems]
    return ("torget: the site's Content-Security-Policy allows only the site's own scripts and stylesheets and the "
            "theme's inline scripts; these pages need more:\n" + "\n".join(lines))


def write_policy(site: Path, policy: SitePolicy) -> Path:
    target = site / CSP_INCLUDE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(nginx_include(policy.header_value()), encoding="utf-8")
    return target
