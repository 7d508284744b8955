"""The site search: Material's index with the organisations' keywords, and Material's worker behind ours.

Material's search plugin writes `search/search_index.json` from the rendered pages. The build
then adds a `keywords` field to each organisation page's entry (in the bokmål site: keywords in
Norwegian and English, synonyms and phrase terms; in another language's site: the organisation's
names, its English keywords, its themes in that language, and phrase terms) and
declares the field in the index's own `config.fields`, which Material's worker indexes like
`title` and `text` but never shows.

Material 9 took away custom search workers and query transforms, but its page still reads the
worker's address from the `__config` block and its worker still understands lunr's query syntax.
`use_search_worker` points that address at `assets/torget/search_worker.js`, a thin wrapper that
loads Material's own worker (named in its address) and only rewrites each query into lunr syntax
with the shared rule in `search_rule.js` before handing it on. Material's worker, index format and
result rendering stay standard, so a Material update changes nothing here unless it renames the
`__config` block or its `search` entry, which `tests/test_search_site.py` would notice.
"""

from __future__ import annotations

import json
import posixpath
import re
from typing import Any
from urllib.parse import quote

from ..directory.load import Directory
from ..i18n.language import SOURCE_LANGUAGE, current
from ..web.assets import ASSET_FOLDER
from ..web.render import translated_text
from ..web.urls import SiteUrls, organisation_path
from .terms import index_keywords, language_keywords

KEYWORDS_FIELD = "keywords"
KEYWORDS_BOOST = 1000.0
"""As much as a page title: an organisation whose keyword matches outranks a page that only mentions the word."""
SEARCH_WORKER = f"{ASSET_FOLDER}/search_worker.js"

_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
# As Jinja's tojson: the JSON may not close its script element.
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"})


def organisation_keywords(directory: Directory, urls: SiteUrls) -> dict[str, str]:
    """The keyword field of each organisation page, by the page's address in the index (in the site's URL style),
    for the site of the current language (`i18n.language.use_language`)."""
    if current() == SOURCE_LANGUAGE:
        return {urls.page(organisation_path(org)): index_keywords(org, directory.synonyms)
                for org in directory.organisations}
    return {
        urls.page(organisation_path(org)): language_keywords(
            org, [translated_text(directory.category(name), "name") for name in org.categories])
        for org in directory.organisations
    }


def add_keywords(index: dict[str, Any], keywords: dict[str, str]) -> dict[str, Any]:
    """Material's search index with `keywords` on each organisation page's main entry (not its sections)."""
    fields = index.setdefault("config", {}).setdefault("fields", {})
    fields.setdefault(KEYWORDS_FIELD, {"boost": KEYWORDS_BOOST})
    for doc in index.get("docs", []):
        words = keywords.get(doc.get("location", ""))
        if words:
            doc[KEYWORDS_FIELD] = words
    return index


def index_with_keywords(text: str, directory: Directory, urls: SiteUrls) -> str:
    """The index file's text, rewritten with the keyword field (compact, as Material writes it)."""
    index = add_keywords(json.loads(text), organisation_keywords(directory, urls))
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def use_search_worker(html: str) -> str:
    """The page with Material's search worker replaced by ours, which is told where Material's is.

    The address of Material's worker is passed relative to the site's root, so the page can live
    in any folder and the site under any path.
    """
    found = _CONFIG.search(html)
    if not found:
        return html
    config = json.loads(found.group(2))
    material = config.get("search")
    if not isinstance(material, str) or SEARCH_WORKER in material:
        return html
    base = config.get("base") or "."
    from_root = posixpath.relpath(posixpath.normpath(material), posixpath.normpath(base))
    config["search"] = f"{base.rstrip('/')}/{SEARCH_WORKER}?material={quote(from_root)}"  # base "/" on the 404 page
    text = json.dumps(config, ensure_ascii=False, separators=(",", ":")).translate(_HTML_SAFE)
    return html[: found.start(2)] + text + html[found.end(2) :]
