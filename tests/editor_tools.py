"""The web editor's npm scripts for tests: installed with `npm ci` into editor/node_modules on first use,
and the editor's own file formats run under Node, so tests see exactly the text the editor saves."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from conftest import missing_tool, npm_installed

REPO = Path(__file__).resolve().parent.parent
EDITOR = REPO / "editor"
FORMATS_SCRIPT = REPO / "site_plugins" / "editor" / "torget-editor.js"


def editor_tools() -> Path:
    """editor/node_modules (what `make editor-deps` installs), installed when missing or older than the lock."""
    return npm_installed(EDITOR, timeout=900)


# Loads js-yaml and the editor's formats with a stand-in for Decap's registry, then writes each entry.
_RUNNER = """
const jsyaml = require(process.argv[1]);
const fs = require("fs");
const formats = {};
global.jsyaml = jsyaml;
global.CMS = { registerCustomFormat: (name, ext, f) => { formats[name] = f; }, init: () => {} };
eval(fs.readFileSync(process.argv[2], "utf8"));
const jobs = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(jobs.map(([format, op, value]) => formats[format][op](value))));
"""


def run_formats(jobs: list[tuple[str, str, Any]]) -> list[Any]:
    """Run the editor's formats under Node: each job is (format name, "toFile" or "fromFile", data or text)."""
    node = shutil.which("node")
    if node is None:
        missing_tool("Node.js")
    modules = editor_tools()
    result = subprocess.run([node, "-e", _RUNNER, str(modules / "js-yaml"), str(FORMATS_SCRIPT)],
                            input=json.dumps(jobs), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
