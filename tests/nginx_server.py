"""The bundled site behind the repository's nginx server block, for the deploy tests and benchmarks."""

from __future__ import annotations

import http.client
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "deploy"))

import local_nginx  # noqa: E402
from local_nginx import running_nginx  # noqa: E402

__all__ = ["Response", "fetch", "nginx_missing", "nginx_or_skip", "running_nginx"]


def nginx_missing() -> str | None:
    """What of nginx is not installed (the server, or a module the server block loads), or None."""
    try:
        local_nginx.nginx_binary()  # looked up on the module, so a test can stand in for a machine without it
    except local_nginx.NginxMissing as error:
        return str(error)
    return None


def nginx_or_skip() -> None:
    """Skip on a laptop without nginx; fail in CI, where .ci/run installs it."""
    if (missing := nginx_missing()) is not None:
        from conftest import missing_tool

        missing_tool("nginx", missing)


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")


def fetch(base_url: str, path: str, encoding: str | None = None) -> Response:
    """GET `path` as raw bytes (never decompressed), asking for `encoding` when given."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", "/" + path.lstrip("/"), headers={"Accept-Encoding": encoding} if encoding else {})
        answer = connection.getresponse()
        headers: dict[str, str] = {}
        for name, value in answer.getheaders():
            key = name.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        return Response(answer.status, headers, answer.read())
    finally:
        connection.close()


def served(site: Path) -> Iterator[str]:
    """`site` served by nginx with deploy/nginx/torget.conf; yields its base URL."""
    nginx_or_skip()
    with running_nginx(site) as url:
        yield url
