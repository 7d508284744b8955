"""A content-addressed cache of generated files, so an unchanged code or poster is never drawn twice.

A file's name is the SHA-256 of everything it is made from (address, text, size, the versions of the
libraries and of our own drawing code), so a change to any of them gives a new name and a stale file
is never served. The folder lives beside mkdocs.yml, outside docs/ and site/.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any


class FileCache:
    """Files in `folder` named by the hash of their inputs; with `folder=None`, nothing is kept."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.made = 0
        self.reused = 0

    def fetch(self, inputs: Mapping[str, Any], suffix: str, make: Callable[[], bytes]) -> bytes:
        """The file made from `inputs`: read from the cache, or made by `make()` and stored."""
        found = self.fetch_file(inputs, suffix, make)
        return found if isinstance(found, bytes) else found.read_bytes()

    def fetch_file(self, inputs: Mapping[str, Any], suffix: str, make: Callable[[], bytes]) -> Path | bytes:
        """The file made from `inputs`, made by `make()` and stored when the cache lacks it, given by its path
        in the cache, unread (for the build to copy into the site); without a folder, the content `make()` returns."""
        if self.folder is None:
            self.made += 1
            return make()
        path = self.path(inputs, suffix)
        if path.is_file():
            self.reused += 1
        else:
            _write_atomically(path, make())
            self.made += 1
        return path

    def path(self, inputs: Mapping[str, Any], suffix: str) -> Path:
        assert self.folder is not None
        key = content_key(inputs)
        return self.folder / key[:2] / f"{key}{suffix}"


class PackedValues:
    """Many small values of the cache kept in one JSON file, so a warm build reads one file, not thousands.

    The file is named by the hash of `inputs`, which must cover everything a value depends on besides its
    key. A key the file lacks gets its value from `make`; `save` rewrites the file with exactly the keys
    asked for since it was read, when they differ from what it held, so it never grows beyond one build's
    needs. An unreadable file counts as empty. With a cache without folder, nothing is kept.
    """

    def __init__(self, cache: FileCache, inputs: Mapping[str, Any]):
        self.path = cache.path(inputs, ".json") if cache.folder is not None else None
        self.held: dict[str, Any] = {}
        if self.path is not None:
            try:
                held = json.loads(self.path.read_bytes())
            except (OSError, ValueError):
                held = {}
            self.held = held if isinstance(held, dict) else {}
        self.used: dict[str, Any] = {}

    def get(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self.used:
            if key in self.held:
                self.used[key] = self.held[key]
            else:
                self.used[key] = make()
        return self.used[key]

    def save(self) -> None:
        if self.path is not None and self.used != self.held:
            _write_atomically(self.path, json.dumps(self.used, separators=(",", ":")).encode("utf-8"))
            self.held = dict(self.used)


def content_key(inputs: Mapping[str, Any]) -> str:
    """SHA-256 of the inputs as canonical JSON."""
    text = json.dumps(inputs, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _write_atomically(path: Path, content: bytes) -> None:
    """Write through a temporary file, so a build stopped halfway or run twice at once leaves no torn file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
