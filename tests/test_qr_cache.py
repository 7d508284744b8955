"""The content-addressed cache: a file is made once per distinct input, and kept outside the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_plugins.web.cache import FileCache


class Maker:
    def __init__(self, content: bytes):
        self.content = content
        self.calls = 0

    def __call__(self) -> bytes:
        self.calls += 1
        return self.content


def test_same_inputs_are_made_once_even_across_cache_instances(tmp_path: Path):
    make = Maker(b"<svg/>")
    inputs = {"kind": "svg", "target": "https://torget.example.no/", "width_mm": 40}
    assert FileCache(tmp_path).fetch(inputs, ".svg", make) == b"<svg/>"
    second = FileCache(tmp_path)  # as in the next build
    assert second.fetch(dict(reversed(inputs.items())), ".svg", make) == b"<svg/>"
    assert make.calls == 1
    assert (second.made, second.reused) == (0, 1)


def test_any_changed_input_makes_a_new_file(tmp_path: Path):
    cache = FileCache(tmp_path)
    base = {"kind": "png", "target": "https://torget.example.no/", "width_mm": 40, "renderer": {"qrcode": "8.2"}}
    changes = [{"target": "https://ny.example.no/"}, {"width_mm": 41}, {"renderer": {"qrcode": "8.3"}}]
    for change in [{}, *changes]:
        make = Maker(repr(change).encode())
        assert cache.fetch({**base, **change}, ".png", make) == repr(change).encode()
        assert make.calls == 1
    assert len(list(tmp_path.rglob("*.png"))) == 4
    assert not list(tmp_path.rglob(".tmp-*"))


def test_a_cache_without_folder_always_makes():
    make = Maker(b"x")
    cache = FileCache(None)
    cache.fetch({"a": 1}, ".pdf", make)
    cache.fetch({"a": 1}, ".pdf", make)
    assert make.calls == 2


def test_a_failed_make_leaves_nothing_behind(tmp_path: Path):
    def broken() -> bytes:
        raise ValueError("layout")

    cache = FileCache(tmp_path)
    with pytest.raises(ValueError, match="layout"):
        cache.fetch({"a": 1}, ".pdf", broken)
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]
    assert cache.fetch({"a": 1}, ".pdf", Maker(b"ok")) == b"ok"
