"""Where an option of the plugin stands in mkdocs.yml, so problems with it name file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .problems import Problem
from .yaml_lines import Loc, YamlDocument, read_yaml

PLUGIN = "torget"


@dataclass(frozen=True)
class OptionLocation:
    """One option of `plugins: - torget:` in the configuration file (line numbers are best effort)."""

    path: str
    option: str
    doc: YamlDocument | None = None
    base: Loc = ()
    sub: Loc = ()

    @property
    def field(self) -> str:
        return ".".join(["plugins", PLUGIN, self.option, *map(str, self.sub)])

    @property
    def line(self) -> int | None:
        return self.doc.line_of((*self.base, *self.sub)) if self.doc else None

    def at(self, *sub: str | int) -> OptionLocation:
        """The location of a value inside the option, e.g. one key of a mapping."""
        return OptionLocation(self.path, self.option, self.doc, self.base, (*self.sub, *sub))

    def problem(self, message: str) -> Problem:
        return Problem(self.path, self.line, self.field, message)


def option_location(config_file: Path | None, display: str, option: str) -> OptionLocation:
    """Locate `plugins: - torget: <option>` in `config_file`, or only name the file when it cannot be read."""
    if config_file is None or not config_file.is_file():
        return OptionLocation(display, option)
    # Problems in mkdocs.yml itself (e.g. Python tags of other plugins) are MkDocs's business, not ours.
    doc, _ = read_yaml(config_file, display)
    plugins = doc.data.get("plugins") if isinstance(doc.data, dict) else None
    if isinstance(plugins, dict):
        return OptionLocation(display, option, doc, ("plugins", PLUGIN, option))
    for index, entry in enumerate(plugins if isinstance(plugins, list) else []):
        if isinstance(entry, dict) and PLUGIN in entry:
            return OptionLocation(display, option, doc, ("plugins", index, PLUGIN, option))
    return OptionLocation(display, option, doc, ("plugins",))
