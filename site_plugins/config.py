"""The `torget` plugin's options in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class TorgetConfig(base.Config):
    organisations = c.Type(str, default="organisations")
    """Folder holding one YAML file per organisation and `_categories.yaml`, relative to mkdocs.yml."""
