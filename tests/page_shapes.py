"""Built pages grouped by shape, so the browser gates audit each shape of page once.

A page's shape is its element tree with the words left out: every element's tag, classes and
attribute names (and whether each value is empty), in document order, with whether it holds text;
a run of siblings of one shape (the items of a list, the rows of a table) counts once. Two pages
of one shape differ only in their words and attribute values: the same template filled with other
data. axe-core's rules judge structure, roles, names and the theme's colours, so one page per shape
carries every finding the others would. The gates that read files (valid HTML, links, references to
other hosts) still read every page.

Organisation pages come in many shapes (with or without a helpline, a peer-support box, a chapter,
…), and most shapes are a new mix of parts other pages already have. `pages_covering_every_part`
keeps, from one page per shape, as few pages as together hold every part: every element in its
context (its parent, the sibling before it, whether it holds text), every step from one heading
level to the next, and every page's sequence of landmarks. axe-core's rules look at an element, its
name, its parent and its neighbours, the heading order and the landmarks, so a page whose parts are
all on audited pages brings no finding of its own.
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


_LANDMARKS = {"header", "nav", "main", "aside", "footer", "form", "search"}


class _PartsParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._open: list[tuple[str, list[str]]] = [("", [])]  # (element, its children so far)
        self._text: list[bool] = [False]
        self.parts: set[tuple] = set()
        self._heading = 0
        self._landmarks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = _ShapeParser._element(tag, attrs)
        parent, siblings = self._open[-1]
        self.parts.add(("element", parent, siblings[-1] if siblings else "", element))
        siblings.append(element)
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.parts.add(("heading", self._heading, int(tag[1])))
            self._heading = int(tag[1])
        if tag in _LANDMARKS:
            self._landmarks.append(tag)
        if tag not in _VOID:
            self._open.append((element, []))
            self._text.append(False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or len(self._open) == 1:
            return
        element, _ = self._open.pop()
        self.parts.add(("text", element, self._text.pop()))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self._text[-1] = True

    def close(self) -> None:
        super().close()
        self.parts.add(("landmarks", tuple(self._landmarks)))


def page_parts(path: Path) -> set[tuple]:
    """The parts of a page that axe-core's rules judge (see the module's docstring)."""
    parser = _PartsParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.parts


def pages_covering_every_part(site: Path, pages: list[str]) -> list[str]:
    """From one page per shape, a few pages that together hold every part of every page, in the given order.

    Greedy: take the page with the most parts not yet held (the first such page on a tie) until none is left.
    """
    left = {page: page_parts(site / page) for page in one_page_per_shape(site, pages)}
    held: set[tuple] = set()
    chosen: list[str] = []
    while left:
        page = max(left, key=lambda candidate: len(left[candidate] - held))
        if not left[page] - held:
            break
        held |= left.pop(page)
        chosen.append(page)
    return [page for page in pages if page in chosen]


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
