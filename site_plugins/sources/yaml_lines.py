"""Read one YAML file into plain Python data, remembering the line of every value.

Only the safe YAML subset editors need is accepted: no tags that build Python
objects, no anchors or aliases (which also rules out alias bombs), no duplicate
keys. Scalars that YAML 1.1 silently turned into something other than text are
remembered with their source text, so that validation can explain the surprise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from .problems import Problem

Loc = tuple[str | int, ...]

_Composer = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_SAFE_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}


@dataclass
class YamlDocument:
    """Data from one YAML file, with the line on which each value stands."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    plain_scalars: dict[Loc, str] = field(default_factory=dict)
    blank_text: bool = True
    """Whether some text value is empty or only spaces (what a web form writes for a cleared field);
    true unless the reader knows there is none."""

    def line_of(self, loc: Loc) -> int:
        """The line of the value at `loc`, or of its nearest enclosing value."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


class _Reader:
    def __init__(self, path: str, *, aliases: bool):
        self.doc = YamlDocument(path=path, data=None)
        self.problems: list[Problem] = []
        # The composer shares one node between an anchor and its aliases; `aliases` is false when the
        # text holds no `*`, so no node can be met twice and the bookkeeping is skipped.
        self._seen: set[int] | None = set() if aliases else None
        self.alias_locs: list[Loc] = []
        self._constructor = SafeConstructor()

    def problem(self, node: yaml.Node, loc: Loc, message: str) -> None:
        self.problems.append(Problem(self.doc.path, node.start_mark.line + 1, field_name(loc), message))

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        if self._seen is not None:
            if id(node) in self._seen:
                self.alias_locs.append(loc)
                return None
            self._seen.add(id(node))
        self.doc.lines.setdefault(loc, node.start_mark.line + 1)
        tag = node.tag
        if tag == _STR and type(node) is yaml.ScalarNode:  # most values: the text as written
            text = node.value
            if not text or text.isspace():
                self.doc.blank_text = True
            return text
        if tag not in _SAFE_TAGS:
            self.problem(node, loc, f"the YAML tag {tag!r} is not allowed; write plain text, lists and fields")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, loc)

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, loc, "field names must be plain words followed by a colon")
                continue
            key = key_node.value
            key_line = key_node.start_mark.line + 1
            if key in result:
                self.problem(key_node, (*loc, key), f"appears twice (first on line {first_line[key]}); keep only one")
                continue
            first_line[key] = key_line
            self.doc.lines[(*loc, key)] = key_line
            result[key] = self.build(value_node, (*loc, key))
        return result

    def _scalar(self, node: yaml.ScalarNode, loc: Loc) -> Any:
        try:
            value = self._constructor.construct_object(node)
        except (ValueError, OverflowError) as error:
            self.problem(node, loc, f"{node.value!r} is not a real date or number ({error})")
            return None
        if not isinstance(value, str) and not node.style and value is not None:
            self.doc.plain_scalars[loc] = node.value
        return value


def field_name(loc: Loc) -> str | None:
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or None


def read_yaml(path: Path, display: str, top_level: type = dict) -> tuple[YamlDocument, list[Problem]]:
    """Read `path`, whose top level must be a `top_level` (dict or list).

    Problems are returned rather than raised, so that every file is checked in one run.
    """
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return YamlDocument(path=display, data=None), [
            Problem(display, line, None, "the file is not UTF-8 text; save it as UTF-8")]
    return read_yaml_text(text, display, top_level)


def read_yaml_text(text: str, display: str, top_level: type = dict) -> tuple[YamlDocument, list[Problem]]:
    """Like `read_yaml`, for text already read (e.g. a page's front matter, padded to its lines in the file)."""
    reader = _Reader(display, aliases="*" in text)
    try:
        root = yaml.compose(text, Loader=_Composer)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(part for part in (error.context, error.problem) if part)
        return reader.doc, [Problem(display, line, None, f"YAML syntax error: {what}")]
    except yaml.reader.ReaderError as error:
        # libyaml counts the position in bytes, pure-Python YAML in characters: find the character itself.
        found = yaml.reader.Reader.NON_PRINTABLE.search(text)
        line = text[: found.start()].count("\n") + 1 if found else None
        message = f"the file holds a character YAML does not allow ({error.reason})"
        return reader.doc, [Problem(display, line, None, message)]
    expected = "fields (`name: …`)" if top_level is dict else "a list of entries (`- name: …`)"
    if root is None:
        return reader.doc, [Problem(display, 1, None, f"the file is empty; it must hold {expected}")]
    if not isinstance(root, yaml.MappingNode if top_level is dict else yaml.SequenceNode):
        return reader.doc, [Problem(display, root.start_mark.line + 1, None, f"the top level must be {expected}")]
    reader.doc.blank_text = False  # until `build` meets one
    reader.doc.data = reader.build(root, ())
    if reader.alias_locs:
        # The composer shares one node between an anchor and its aliases; the events know where each alias stands.
        alias_lines = [
            event.start_mark.line + 1
            for event in yaml.parse(text, Loader=_Composer)
            if isinstance(event, yaml.AliasEvent) and event.start_mark is not None
        ]
        message = "anchors and aliases (& and *) are not supported; write the value out in full"
        reader.problems += [
            Problem(display, line, field_name(loc), message)
            for loc, line in zip(reader.alias_locs, alias_lines, strict=False)
        ]
    return reader.doc, reader.problems
