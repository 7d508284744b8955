"""The editors' YAML is read as `yaml.safe_load` reads it, with the line of every value besides.

The reader builds its values from libyaml's nodes itself (`sources/yaml_lines.py`), to know each
value's line; these tests hold its values to PyYAML's, so `no`, `10:30` or a date mean what YAML 1.1
says they mean, and a text value known to hold no blank is handed to validation as it is.
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from conftest import REPO

from site_plugins.sources.yaml_lines import read_yaml, read_yaml_text

# Plain values whose type YAML 1.1 decides by their look, next to quoted ones it must leave as text.
TRICKY = """\
plain_no: no
plain_yes: Yes
plain_off: OFF
clock: 10:30
sexagesimal: 1:20:30
octal: 010
hex: 0x1F
float: 1.5e3
infinity: -.inf
not_a_number: .nan
date: 2025-03-01
stamp: 2025-03-01 10:30
null_tilde: ~
null_word: Null
empty:
quoted_no: 'no'
quoted_clock: "10:30"
quoted_date: '2025-03-01'
text: Mental Helse
list: [no, 1, -2, +3.5, '4', 2025-03-01, '']
nested:
  - {phone: 75 57 00 14, at_torget: true}
  - folded: >
      two
      lines
"""


def test_tricky_values_are_typed_as_safe_load_types_them():
    doc, problems = read_yaml_text(TRICKY, "x.yaml")
    assert not problems
    assert doc.data == yaml.safe_load(TRICKY)
    # the values the reader exists to explain: read as YAML 1.1 reads them, with the text as written
    assert doc.data["plain_no"] is False and doc.plain_scalars[("plain_no",)] == "no"
    assert doc.data["clock"] == 630 and doc.plain_scalars[("clock",)] == "10:30"
    assert doc.data["date"] == dt.date(2025, 3, 1) and doc.data["quoted_date"] == "2025-03-01"
    assert doc.lines[("nested", 1, "folded")] == 23
    assert doc.blank_text  # the empty text in `list`: validation leaves it out
    assert not read_yaml_text("name: Mental Helse\nphone: 75 57 00 14\n", "y.yaml")[0].blank_text


@pytest.mark.parametrize("folder", ["organisations", "tests/golden/project/organisations"])
def test_every_bundled_file_reads_as_safe_load_reads_it(folder: str):
    files = sorted((REPO / folder).glob("*.yaml"))
    assert files, f"no YAML files in {folder}"
    for path in files:
        expected = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
        doc, problems = read_yaml(path, path.name, top_level=list if isinstance(expected, list) else dict)
        assert not problems, path.name
        assert doc.data == expected, path.name
