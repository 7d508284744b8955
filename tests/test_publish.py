"""What the build writes for the web server: compressed copies and the Content-Security-Policy."""

from __future__ import annotations

import base64
import gzip
import hashlib
import random
import re
from html.parser import HTMLParser
from pathlib import Path

import brotli
from conftest import Project

from site_plugins.publish.compress import COMPRESS_FROM_BYTES, precompress, text_files, wants_copies
from site_plugins.publish.csp import content_security_policy, editor_policy, nginx_include, page_inlines, source_hash
from site_plugins.publish.site import CSP_INCLUDE, site_policy

THEME_SCRIPT = '__md_scope=new URL("..",location)'


class _InlineScripts(HTMLParser):
    """A second reading of a page's inline scripts, by the standard library's HTML tokenizer rather than the
    build's regular expressions, so a script the build's reading misses cannot be missed on both sides."""

    RUN = frozenset({"", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script" and "src" not in found and (found.get("type") or "").strip().lower() in self.RUN:
            self._open = []

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            self.scripts.append("".join(self._open))
            self._open = None


def _plain_hashes(html: str) -> set[str]:
    """The CSP hash of every inline script a browser would run, computed without the build's code."""
    reader = _InlineScripts()
    reader.feed(html)
    reader.close()
    return {"'sha256-" + base64.b64encode(hashlib.sha256(script.replace("\r\n", "\n").encode()).digest()).decode() + "'"
            for script in reader.scripts}


def test_an_inline_script_is_hashed_as_a_browser_hashes_it():
    # The example of the CSP specification's hash-source, and a script with CRLF line breaks.
    assert source_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    assert source_hash("a();\r\nb();") == source_hash("a();\nb();")


# Every kind of inline script a page can carry: the theme's own (scope, palette, config data), a module,
# upper-case tags and attributes, a `>` inside an attribute value, an attribute that ends in `type`, a script
# inside a comment (never run), and line breaks a browser normalises before hashing.
KNOWN_PAGE = """<!doctype html><html><head>
<script>__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0)</script>
<script id="__config" type="application/json">{"base": "../.."}</script>
<SCRIPT TYPE="text/javascript" data-type="application/json">var palette = __md_get("__palette")</SCRIPT>
<script type="application/ld+json">{"@type": "Organization"}</script>
</head><body>
<script type="module" data-note="a > b">import("./x.js")</script >
<!-- <script>never()</script> -->
<script src="assets/bundle.js" defer></script>
<script>\r\ndocument$.subscribe(() => {})\r\n</script>
</body></html>"""


def test_a_known_page_gives_the_scripts_a_second_parser_finds():
    expected = {'__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0)',
                'var palette = __md_get("__palette")', 'import("./x.js")', "\r\ndocument$.subscribe(() => {})\r\n"}
    assert _plain_hashes(KNOWN_PAGE) == {source_hash(script) for script in expected}
    assert {source_hash(script) for script in page_inlines(KNOWN_PAGE).scripts} == _plain_hashes(KNOWN_PAGE)


def test_data_blocks_and_external_scripts_need_no_hash():
    found = page_inlines('<script>x()</script><script type="application/ld+json">{}</script>'
                         '<script id="__config" type="application/json">{}</script><script src="a.js"></script>'
                         '<script type="module">y()</script>')
    assert found.scripts == ["x()", "y()"] and found.problems == []


def test_what_no_hash_can_allow_is_reported():
    found = page_inlines('<p onclick="go()">x</p><a href="javascript:go()">y</a><span style="color:red">z</span>'
                         '<script src="https://cdn.example.org/x.js"></script><!-- <b style="x"> -->'
                         '<script>if (a<b) { document.body.onload = 1 }</script><code>&lt;i onclick=x&gt;</code>')
    assert [problem.split(" (")[0] for problem in found.problems] == [
        "a script from another host", "an event-handler attribute onclick=", "a javascript: address", "a style attribute"]
    assert "cdn.example.org" in found.problems[0]


def test_the_policy_allows_only_the_site_and_the_listed_hashes():
    policy = content_security_policy({"'sha256-b'", "'sha256-a'"})
    assert "script-src 'self' 'sha256-a' 'sha256-b';" in policy
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy and "unsafe" not in policy


def test_the_nginx_map_gives_the_editor_its_own_policy():
    include = nginx_include("default-src 'none'", [("/admin/", editor_policy({"'sha256-x'"}, ["https://git.example.no"]))])
    assert "map $uri $torget_content_security_policy {" in include
    assert '    default "default-src \'none\'";' in include
    [editor] = re.findall(r'"~\^/admin/" "([^"]+)";', include)
    assert "script-src 'self' 'unsafe-eval' 'sha256-x';" in editor and "connect-src 'self' https://git.example.no;" in editor


def test_precompressed_copies_round_trip_and_small_files_get_none(tmp_path: Path):
    (tmp_path / "a.html").write_text("<p>Åpent nå</p>\n" * 200, encoding="utf-8")
    (tmp_path / "b.json").write_text("{}", encoding="utf-8")
    # Just under and at the size copies start from; both would compress well.
    (tmp_path / "d.ics").write_bytes(b"x" * (COMPRESS_FROM_BYTES - 1))
    (tmp_path / "e.ics").write_bytes(b"x" * COMPRESS_FROM_BYTES)
    (tmp_path / "d.ics.gz").write_bytes(b"a stale copy from an earlier build")
    (tmp_path / "c.png").write_bytes(b"\x89PNG" * 100)
    (tmp_path / ".deploy").mkdir()
    (tmp_path / ".deploy" / "x.conf").write_text("y" * 1000)
    # A QR code gets no copies at any size (nginx gzips it on the fly), nor keeps one from an earlier build.
    (tmp_path / "qr").mkdir()
    (tmp_path / "qr" / "x.svg").write_text("<svg>" + "<path d='M4 4h7v1h-7z'/>" * 200 + "</svg>")
    (tmp_path / "qr" / "x.svg.br").write_bytes(b"a stale copy from an earlier build")
    files = text_files(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["a.html", "b.json", "d.ics", "e.ics", "qr/x.svg"]
    result = precompress(tmp_path)
    for name in ("a.html", "e.ics"):
        assert gzip.decompress((tmp_path / f"{name}.gz").read_bytes()) == (tmp_path / name).read_bytes()
        assert brotli.decompress((tmp_path / f"{name}.br").read_bytes()) == (tmp_path / name).read_bytes()
    for name in ("b.json", "d.ics", "qr/x.svg"):
        assert not (tmp_path / f"{name}.gz").exists() and not (tmp_path / f"{name}.br").exists()
    assert result.files == 5 and result.gzip < result.original and result.brotli <= result.gzip


def test_the_build_compresses_every_text_file_and_writes_the_policy_of_its_pages(bundled_site: Project):
    site = bundled_site.site
    copies = {p.relative_to(site).as_posix(): (p.with_name(p.name + ".gz").exists(), p.with_name(p.name + ".br").exists())
              for p in text_files(site)}
    missing = [path for path, (gz, br) in copies.items()
               if wants_copies(path, (site / path).stat().st_size) and not (gz and br)]
    assert not missing, missing
    # The QR codes are left to nginx (see compress.py), the pages and the search index are not.
    assert all(not any(copies[path]) for path in copies if path.startswith("qr/"))
    assert copies["organisasjoner/index.html"] == copies["search/search_index.json"] == (True, True)
    include = (site / CSP_INCLUDE).read_text(encoding="utf-8")
    [policy] = re.findall(r'default "([^"]+)";', include)
    assert policy == site_policy(site).pages.header_value()
    assert "admin" not in include  # the web editor is off in the bundled site
    # Material's inline scripts differ by the page's depth (`new URL("../..", location)`); each is allowed,
    # and the policy allows no script but those: read by a second, independent parser of the pages.
    hashes = {digest for page in site.rglob("*.html") if ".deploy" not in page.parts
              for digest in _plain_hashes(page.read_text(encoding="utf-8"))}
    assert len(hashes) >= 3
    [allowed] = re.findall(r"script-src ([^;]*)", policy)
    assert set(allowed.split()) - {"'self'"} == hashes
    assert any(THEME_SCRIPT in script for script in page_inlines(bundled_site.page("organisasjoner")).scripts)


def test_a_page_a_strict_policy_would_break_stops_the_build(bundled_project: Project):
    bundled_project.write("docs/om-torget.md", "# Om torget\n\n<span style=\"color: red\">Viktig</span>\n")
    result = bundled_project.build()
    assert result.returncode != 0
    assert "docs/om-torget.md (om-torget/index.html): a style attribute" in result.stderr
    assert "Traceback" not in result.stderr


def test_large_files_are_compressed_once_and_then_taken_from_the_cache(tmp_path: Path):
    from site_plugins.web.cache import FileCache

    site, cache = tmp_path / "site", FileCache(tmp_path / "cache")
    site.mkdir()
    (site / "bundle.js").write_text("var x = 1;\n" * 5000, encoding="utf-8")  # above CACHE_FROM_BYTES
    (site / "small.html").write_text("<p>Hei</p>\n" * 100, encoding="utf-8")
    precompress(site, cache)
    assert (cache.made, cache.reused) == (2, 0)
    first = (site / "bundle.js.br").read_bytes()
    (site / "bundle.js.br").unlink()
    precompress(site, cache)
    assert (cache.made, cache.reused) == (2, 2) and (site / "bundle.js.br").read_bytes() == first


def test_copies_whose_original_is_gone_are_removed_and_other_archives_kept(tmp_path: Path):
    # A page removed before a `--dirty` build leaves its copies; nginx's gzip_static would go on serving them.
    (tmp_path / "gone").mkdir()
    for name in ("gone/index.html.gz", "gone/index.html.br", "old.css.br", "feed.ics.gz"):
        (tmp_path / name).write_bytes(b"a copy from an earlier build")
    # Not copies of a text file of the site: an archive and the sitemap's own gzip (its original is there).
    (tmp_path / "data.tar.gz").write_bytes(b"an archive an editor put in docs/")
    sitemap = "<urlset>" + "<url><loc>https://torget.example.no/</loc></url>" * 40 + "</urlset>"
    (tmp_path / "sitemap.xml").write_text(sitemap, encoding="utf-8")
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(sitemap.encode()))
    (tmp_path / "kept.html").write_text("<p>Her</p>\n" * 200, encoding="utf-8")
    precompress(tmp_path)
    left = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file())
    assert left == ["data.tar.gz", "kept.html", "kept.html.br", "kept.html.gz", "sitemap.xml", "sitemap.xml.br",
                    "sitemap.xml.gz"]


def test_a_file_that_does_not_shrink_gets_no_copies_and_loses_old_ones(tmp_path: Path):
    # Random bytes do not compress: each copy would be larger than the file, so the server sends the file.
    content = random.Random(29).randbytes(4 * COMPRESS_FROM_BYTES)
    (tmp_path / "noise.js").write_bytes(content)
    (tmp_path / "noise.js.gz").write_bytes(b"a copy from when the file compressed well")
    (tmp_path / "noise.js.br").write_bytes(b"a copy from when the file compressed well")
    result = precompress(tmp_path)
    assert not (tmp_path / "noise.js.gz").exists() and not (tmp_path / "noise.js.br").exists()
    assert (result.files, result.original, result.gzip, result.brotli) == (1, len(content), len(content), len(content))


def test_a_changed_large_file_is_compressed_anew_not_taken_from_the_cache(tmp_path: Path):
    from site_plugins.web.cache import FileCache

    site, cache = tmp_path / "site", FileCache(tmp_path / "cache")
    site.mkdir()
    bundle = site / "bundle.js"
    bundle.write_text("var x = 1;\n" * 5000, encoding="utf-8")  # above CACHE_FROM_BYTES
    precompress(site, cache)
    # Same path, same size, other content: a cache keyed by path (or size) would hand back the old copies.
    bundle.write_text("var y = 2;\n" * 5000, encoding="utf-8")
    precompress(site, cache)
    assert (cache.made, cache.reused) == (4, 0)
    assert gzip.decompress((site / "bundle.js.gz").read_bytes()) == bundle.read_bytes()
    assert brotli.decompress((site / "bundle.js.br").read_bytes()) == bundle.read_bytes()
