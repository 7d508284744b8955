"""A throw-away Debian web server for the deploy tests: deploy/install-server and deploy/publish run on it
as README.md «Publisering» says, with nginx as an ordinary daemon instead of a systemd service.

The root is a temporary folder standing for `/` (`TORGET_ROOT`): it starts as a stock Debian 12 after
`apt-get install nginx libnginx-mod-http-brotli-static` (a copy of this machine's /etc/nginx with its
default site enabled), only with its paths under the folder and its ports free ones. A `systemctl`
stand-in on PATH starts and reloads that nginx; curl reads a `.curlrc` that sends the site's host name to
those ports and trusts the throw-away certificate, so the README's commands run as written.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from nginx_server import nginx_or_skip

REPO = Path(__file__).resolve().parent.parent
HOST = "torget.example.no"
CERTIFICATE = f"/etc/ssl/certs/{HOST}.pem"
KEY = f"/etc/ssl/private/{HOST}.key"
TOOLS = ("rsync", "curl", "openssl")

SYSTEMCTL = """#!/bin/sh
# Stand-in for systemd on a throw-away root: `systemctl start|reload|is-active [--quiet] nginx` on an
# nginx daemon that reads the root's nginx.conf.
conf="$TORGET_ROOT/etc/nginx/nginx.conf"
pidfile="$TORGET_ROOT/run/nginx.pid"
[ "$2" = --quiet ] && set -- "$1" "$3"
[ "$2" = nginx ] || { echo "systemctl stand-in: only nginx ($*)" >&2; exit 2; }
running() { [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
case "$1" in
    is-active) running ;;
    start) exec nginx -c "$conf" ;;
    reload)
        # As systemd's reload, but returns only once the workers of the old configuration are gone.
        master=$(cat "$pidfile")
        old=$(pgrep -P "$master")
        nginx -c "$conf" -s reload
        for _ in $(seq 400); do
            alive=""
            for pid in $old; do kill -0 "$pid" 2>/dev/null && alive=1; done
            [ -z "$alive" ] && exit 0
            sleep 0.05
        done
        echo "systemctl stand-in: old nginx workers still running" >&2; exit 1 ;;
    *) echo "systemctl stand-in: cannot $1" >&2; exit 2 ;;
esac
"""


def tools_or_skip() -> None:
    """Skip on a laptop without nginx, rsync, curl or openssl; fail in CI, where .ci/run installs them."""
    nginx_or_skip()
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"{', '.join(missing)} not installed (apt install {' '.join(missing)})"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; .ci/run installs them")
        pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    """A throw-away root, its ports, and a checkout of the repository to run the README's commands in."""

    root: Path
    checkout: Path
    http_port: int
    https_port: int
    env: dict[str, str] = field(default_factory=dict)

    @property
    def web_root(self) -> Path:
        return self.root / "var/www/torget"

    @property
    def policy_map(self) -> Path:
        return self.root / "etc/nginx/torget/csp.conf"

    def run(self, command: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """A shell command as the README writes it (`sudo ` dropped: the test already has the rights it needs)."""
        command = re.sub(r"^sudo ", "", command.strip())
        done = subprocess.run(["sh", "-c", command], cwd=self.checkout, env=self.env, capture_output=True,
                              text=True, timeout=300)
        if check:
            assert done.returncode == 0, f"`{command}` failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
        return done

    def curl(self, url: str, *args: str) -> subprocess.CompletedProcess[str]:
        """curl with the root's .curlrc: the host name reaches this server, the certificate is trusted."""
        return subprocess.run(["curl", "--silent", "--max-time", "20", *args, url], env=self.env,
                              capture_output=True, text=True, timeout=60)

    def nginx_pid(self) -> int | None:
        pidfile = self.root / "run/nginx.pid"
        with contextlib.suppress(OSError, ValueError):
            return int(pidfile.read_text())
        return None

    def loaded_config_files(self) -> list[str]:
        """Every file nginx's configuration is made of, as `nginx -T` lists them."""
        dump = subprocess.run(["nginx", "-T", "-c", str(self.root / "etc/nginx/nginx.conf")], env=self.env,
                              capture_output=True, text=True, timeout=60)
        assert dump.returncode == 0, dump.stderr
        return re.findall(r"^# configuration file (.+):$", dump.stdout, re.M)


def _stock_nginx(root: Path, http_port: int) -> None:
    """`apt-get install nginx libnginx-mod-http-brotli-static` on a fresh Debian 12, under `root`."""
    etc = root / "etc/nginx"
    shutil.copytree("/etc/nginx", etc, symlinks=True)
    for link in (etc / "sites-enabled").iterdir():  # Debian links the default site by its absolute path
        link.unlink()
        (etc / "sites-enabled" / link.name).symlink_to(f"../sites-available/{link.name}")
    for name in ("run", "var/log/nginx", "var/www/html", *(f"var/lib/nginx/{t}" for t in
                                                         ("body", "proxy", "fastcgi", "uwsgi", "scgi"))):
        (root / name).mkdir(parents=True, exist_ok=True)
    config = (etc / "nginx.conf").read_text(encoding="utf-8")
    for path in ("/etc/nginx/", "/run/nginx.pid", "/var/log/nginx/"):
        config = config.replace(path, f"{root}{path}")
    temp = "".join(f"\t{name}_temp_path {root}/var/lib/nginx/{folder};\n" for name, folder in
                   (("client_body", "body"), ("proxy", "proxy"), ("fastcgi", "fastcgi"), ("uwsgi", "uwsgi"),
                    ("scgi", "scgi")))
    config = config.replace("http {\n", "http {\n" + temp, 1)
    (etc / "nginx.conf").write_text(config, encoding="utf-8")
    default = etc / "sites-available/default"
    default.write_text(re.sub(r"listen (\[::\]:)?80 ", rf"listen \g<1>{http_port} ",
                              default.read_text(encoding="utf-8")).replace("/var/www/html", f"{root}/var/www/html"),
                       encoding="utf-8")


def _certificate(root: Path) -> None:
    """A self-signed certificate for HOST where the README's --certificate and --key name them."""
    certificate, key = root / CERTIFICATE.lstrip("/"), root / KEY.lstrip("/")
    certificate.parent.mkdir(parents=True)
    key.parent.mkdir(parents=True)
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={HOST}",
                    "-addext", f"subjectAltName=DNS:{HOST}", "-keyout", str(key), "-out", str(certificate)],
                   check=True, capture_output=True)


@contextlib.contextmanager
def throwaway_server(site_url: str = f"https://{HOST}/") -> Iterator[Server]:
    """A stock Debian 12 with nginx under a temporary root (no site yet), and a checkout of this repository
    whose mkdocs.yml has `site_url`; nginx is stopped and the root removed afterwards."""
    tools_or_skip()
    # Under /tmp itself, not pytest's private folder: nginx's workers (www-data when run as root) must reach it.
    root = Path(tempfile.mkdtemp(prefix="torget-root-"))
    root.chmod(0o755)
    server = Server(root, root / "home/admin/torget", _free_port(), _free_port())
    try:
        _stock_nginx(root, server.http_port)
        _certificate(root)
        server.checkout.mkdir(parents=True)
        (server.checkout / "deploy").symlink_to(REPO / "deploy")
        config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
        (server.checkout / "mkdocs.yml").write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {site_url}", config),
                                                    encoding="utf-8")
        bin_folder, curl_home = root / "test-bin", root / "test-curl"
        bin_folder.mkdir()
        (bin_folder / "systemctl").write_text(SYSTEMCTL, encoding="utf-8")
        (bin_folder / "systemctl").chmod(0o755)
        curl_home.mkdir()
        (curl_home / ".curlrc").write_text(
            f"connect-to = {HOST}:80:127.0.0.1:{server.http_port}\n"
            f"connect-to = {HOST}:443:127.0.0.1:{server.https_port}\n"
            f"cacert = {root}{CERTIFICATE}\n", encoding="utf-8")
        user = subprocess.run(["id", "-un"], capture_output=True, text=True, check=True).stdout.strip()
        server.env = {**os.environ, "PATH": f"{bin_folder}:{os.environ.get('PATH', '/usr/bin:/bin')}:/usr/sbin:/sbin",
                      "TORGET_ROOT": str(root), "TORGET_HTTP_PORT": str(server.http_port),
                      "TORGET_HTTPS_PORT": str(server.https_port), "TORGET_DEPLOY_USER": user,
                      "CURL_HOME": str(curl_home)}
        yield server
    finally:
        pid = server.nginx_pid()
        if pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
                time.sleep(0.05)
        shutil.rmtree(root, ignore_errors=True)


def readme_commands(section: str = "## Publisering") -> list[str]:
    """The shell commands of the README's section, in order: every line of its ```sh blocks, split at `&&`."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index(section + ":") if section + ":" in text else text.index(section)
    end = text.find("\n## ", start + 1)
    body = text[start:end if end > 0 else None]
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", body, re.S):
        for line in block.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                commands += [part.strip() for part in line.split(" && ")]
    return commands


def words(command: str) -> list[str]:
    return shlex.split(command)
