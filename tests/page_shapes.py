"""Built pages grouped by shape, so the browser gates audit each shape of page once.

A page's shape is its element tree with the words left out: every element's tag, classes and
attribute names (and whether each value is empty), in document order, with whether it holds text;
a run of siblings of one shape (the items of a list, the rows of a table) counts once. Two pages
of one shape differ only in their words and attribute values: the same template filled with other
data. axe-core's rules judge structure, roles, names and the theme's colours, so one page per shape
carries every finding the others would. The gates that read files (valid HTML, links, references to
other hosts) still read every page.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ShapeParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._open: list[list[str]] = [[""]]

    @staticmethod
    def _element(tag: str, attrs: list[tuple[str, str | None]]) -> str:
        values = dict(attrs)
        classes = ".".join(sorted((values.pop("class", None) or "").split()))
        names = ",".join(sorted(name + ("=" if value else "") for name, value in values.items()))
        return f"{tag}.{classes}[{names}]"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self._add(self._element(tag, attrs))
        else:
            self._open.append([self._element(tag, attrs)])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add(self._element(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or len(self._open) == 1:
            return
        head, *children = self._open.pop()
        self._add(f"{head}({' '.join(children)})")

    def handle_data(self, data: str) -> None:
        if data.strip():
            self._add("#text")

    def _add(self, shape: str) -> None:
        children = self._open[-1]
        if len(children) == 1 or children[-1] != shape:  # a run of equal siblings counts once
            children.append(shape)

    def shape(self) -> str:
        while len(self._open) > 1:  # elements left open at the end of the file
            self.handle_endtag("")
        return " ".join(self._open[0][1:])


def page_shape(path: Path) -> str:
    parser = _ShapeParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.shape()


def pages_by_shape(site: Path, pages: list[str]) -> dict[str, list[str]]:
    """`pages` grouped by shape, each group in the given order."""
    groups: dict[str, list[str]] = {}
    for page in pages:
        groups.setdefault(page_shape(site / page), []).append(page)
    return groups


def one_page_per_shape(site: Path, pages: list[str]) -> list[str]:
    """The first page of every shape among `pages`, in the given order."""
    return [group[0] for group in pages_by_shape(site, pages).values()]
