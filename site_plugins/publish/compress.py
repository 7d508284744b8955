"""Pre-compressed copies of the built site's text files, for nginx's `gzip_static` and `brotli_static`.

The server then sends a compressed file without compressing on every request, and at a level
too slow to use per request. gzip runs at level 9 (zlib); Brotli at quality 5, which already
beats gzip -9 on every file type of the site at a small fraction of quality 11's cost (about
0.1 s for the bundled site against 26 s), so every build can afford it.

A file under `COMPRESS_FROM_BYTES` gets no copies. Compressed, it would be a few hundred bytes
smaller at most, less than the response's own headers, and nginx's `gzip on` still compresses
it on the fly from `gzip_min_length` (deploy/nginx/torget.conf) up; a browser that asks for
Brotli gets that gzip. Such files are mostly the empty calendar feeds, one per organisation, and
writing two copies of each cost more build time than compressing every other file.

The QR codes (`qr/`) get no copies either, for the same reason: there are two per organisation and
event, and each page shows only its own, about 5 KB, which nginx gzips on the fly (1.5 KB; Brotli
would save 0.2 KB more). Compressing and writing their copies took about 1 s of CPU per build at
1,000 organisations, for files that are also downloaded for print.

A copy whose original is gone (a page removed before a `--dirty` build, or a site folder reused) is
removed: `gzip_static` would otherwise go on serving the old text at an address that should be a 404.
Only copies of text files count as copies, so an archive such as `data.tar.gz` is left alone. The
cache of large files' copies is keyed by the SHA-256 of the content, never by the path, so a changed
file is compressed anew.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import brotli

from ..web.cache import FileCache
from ..web.qr import QR_FOLDER

# Text formats the site serves; images (PNG), PDFs and fonts are compressed already or rarely fetched.
TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".mjs", ".json", ".map", ".svg", ".xml", ".ics", ".txt",
                           ".webmanifest", ".yml", ".yaml"})
GZIP_LEVEL = 9
BROTLI_QUALITY = 5
# Smaller files get no compressed copies (see above).
COMPRESS_FROM_BYTES = 1024
# Files this large (the theme's scripts, source maps and search code, the search index) are the same
# build after build: their compressed copies are kept in the cache, named by the content's SHA-256.
CACHE_FROM_BYTES = 32 * 1024
# The encodings' file suffixes, as nginx's gzip_static and brotli_static look for them.
COPY_SUFFIXES = (".gz", ".br")


@dataclass(frozen=True)
class Compressed:
    """What `precompress` did: files looked at, and bytes before and after for each encoding."""

    files: int
    original: int
    gzip: int
    brotli: int


def is_text_file(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES


def text_files(site: Path) -> list[Path]:
    """Every text file under `site`, skipping dot folders (deploy files)."""
    return [path for path in _site_files(site) if is_text_file(path)]


def _site_files(site: Path) -> list[Path]:
    """Every file under `site` but dot files and dot folders, sorted; listed without a `stat` per file."""
    found = []
    for folder, folders, names in os.walk(site):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found += [Path(folder, name) for name in names if not name.startswith(".")]
    return sorted(found)


def orphan_copies(present: set[Path]) -> list[Path]:
    """The `.gz`/`.br` copies of text files among `present` whose original is not there, sorted."""
    return sorted(path for path in present
                  if path.suffix in COPY_SUFFIXES and is_text_file(original := path.with_suffix(""))
                  and original not in present)


def wants_copies(relative: str, size: int) -> bool:
    """Whether the text file at `relative` (a path in the site) of `size` bytes gets compressed copies (see above)."""
    return size >= COMPRESS_FROM_BYTES and not relative.startswith(f"{QR_FOLDER}/")


def gzip_bytes(content: bytes) -> bytes:
    """gzip at level 9 with no file name and a zero time stamp, so equal input gives equal output."""
    return gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0)


def brotli_bytes(content: bytes) -> bytes:
    packed: bytes = brotli.compress(content, quality=BROTLI_QUALITY, mode=brotli.MODE_TEXT)
    return packed


def _compress_one(site: Path, path: Path, cache: FileCache | None, present: set[Path]) -> tuple[int, int, int]:
    """Write `path.gz` and `path.br` beside `path` (only where worth it); returns the three sizes.
    `present` is every file of the site, so a copy left from a `--dirty` build is removed without a try per file."""
    size = path.stat().st_size
    if not wants_copies(path.relative_to(site).as_posix(), size):
        for suffix in COPY_SUFFIXES:
            if (stale := path.with_name(path.name + suffix)) in present:
                stale.unlink()
        return size, size, size
    content = path.read_bytes()
    sizes = [len(content)]
    digest = hashlib.sha256(content).hexdigest() if cache and len(content) >= CACHE_FROM_BYTES else None
    for suffix, compress, level in ((".gz", gzip_bytes, GZIP_LEVEL), (".br", brotli_bytes, BROTLI_QUALITY)):
        if cache and digest:
            inputs = {"compressed": suffix, "level": level, "sha256": digest}
            packed = cache.fetch(inputs, suffix, partial(compress, content))
        else:
            packed = compress(content)
        target = path.with_name(path.name + suffix)
        if len(packed) < len(content):
            target.write_bytes(packed)
            sizes.append(len(packed))
        else:  # a small file: the server sends the original, or compresses it on the fly
            if target in present:
                target.unlink()
            sizes.append(len(content))
    return sizes[0], sizes[1], sizes[2]


def precompress(site: Path, cache: FileCache | None = None) -> Compressed:
    """Write a `.gz` and a `.br` beside each text file of `site` that `wants_copies`, and remove the copies whose
    original is gone; large files' copies come from `cache` when it has them (by their content's SHA-256).
    zlib and Brotli release the GIL, so threads use every core."""
    every = _site_files(site)
    present = set(every)
    for orphan in orphan_copies(present):
        orphan.unlink()
    paths = [path for path in every if is_text_file(path)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        sizes = list(pool.map(lambda path: _compress_one(site, path, cache, present), paths))
    return Compressed(files=len(paths), original=sum(s[0] for s in sizes), gzip=sum(s[1] for s in sizes),
                      brotli=sum(s[2] for s in sizes))
