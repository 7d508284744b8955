"""The content-addressed cache: a file is made once per distinct input, and kept outside the site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from site_plugins.web.cache import FileCache, PackedValues


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


def test_packed_values_are_read_from_one_file_and_keep_only_what_the_last_build_asked_for(tmp_path: Path):
    inputs = {"kind": "kiosk-modules", "version": {"qrcode": "8.2"}}
    made: list[str] = []

    def value(key: str):
        made.append(key)
        return {"n": len(key), "m": key.upper()}

    first = PackedValues(FileCache(tmp_path), inputs)
    assert [first.get(key, lambda key=key: value(key)) for key in ("a", "bb", "a")] == [
        {"n": 1, "m": "A"}, {"n": 2, "m": "BB"}, {"n": 1, "m": "A"}]
    first.save()
    [pack] = [path for path in tmp_path.rglob("*") if path.is_file()]
    written = pack.stat().st_mtime_ns

    warm = PackedValues(FileCache(tmp_path), inputs)  # the next build, nothing changed
    assert warm.get("bb", lambda: value("bb")) == {"n": 2, "m": "BB"} and warm.get("a", lambda: value("a"))
    warm.save()
    assert made == ["a", "bb"] and pack.stat().st_mtime_ns == written, "an unchanged pack is neither made nor written"

    edited = PackedValues(FileCache(tmp_path), inputs)  # "bb" was edited to "ccc"
    edited.get("a", lambda: value("a"))
    edited.get("ccc", lambda: value("ccc"))
    edited.save()
    assert made == ["a", "bb", "ccc"]
    assert json.loads(pack.read_text(encoding="utf-8")) == {"a": {"n": 1, "m": "A"}, "ccc": {"n": 3, "m": "CCC"}}

    other = PackedValues(FileCache(tmp_path), {**inputs, "version": {"qrcode": "8.3"}})  # a new renderer
    other.get("a", lambda: value("a"))
    assert made[-1] == "a" and other.path != pack


def test_an_unreadable_pack_counts_as_empty_and_is_written_anew(tmp_path: Path):
    inputs = {"kind": "kiosk-modules"}
    pack = FileCache(tmp_path).path(inputs, ".json")
    pack.parent.mkdir(parents=True)
    for broken in ("{not json", "[1, 2]"):
        pack.write_text(broken, encoding="utf-8")
        values = PackedValues(FileCache(tmp_path), inputs)
        assert values.get("a", lambda: 1) == 1
        values.save()
        assert json.loads(pack.read_text(encoding="utf-8")) == {"a": 1}
    nowhere = PackedValues(FileCache(None), inputs)
    assert nowhere.get("a", lambda: 2) == 2 and nowhere.path is None
    nowhere.save()


def test_a_file_can_be_had_as_its_path_in_the_cache_unread(tmp_path: Path):
    make = Maker(b"%PDF-1.7")
    cache = FileCache(tmp_path)
    first = cache.fetch_file({"kind": "poster"}, ".pdf", make)
    assert isinstance(first, Path) and first.read_bytes() == b"%PDF-1.7" and tmp_path in first.parents
    again = FileCache(tmp_path)  # the next build: the same path, nothing drawn
    assert again.fetch_file({"kind": "poster"}, ".pdf", make) == first and make.calls == 1
    assert (again.made, again.reused) == (0, 1)
    assert again.fetch({"kind": "poster"}, ".pdf", make) == b"%PDF-1.7"  # one cache, whichever way it is read
    assert FileCache(None).fetch_file({"kind": "poster"}, ".pdf", make) == b"%PDF-1.7" and make.calls == 2
