"""Serve a built site with the production server block, on this machine, without touching /etc/nginx.

    python deploy/local_nginx.py [--https] [site]   # then open the address it prints; Ctrl-C stops it

nginx runs as an ordinary process (one process, no daemon) on a free loopback port, with a
temporary prefix holding its config, logs and temp folders. The server block is
deploy/nginx/torget.conf itself, with only its `listen` lines, the web root (/var/www/torget/live)
and the policy map (/etc/nginx/torget/csp.conf, here the build's own .deploy/nginx-csp.conf)
replaced, so what the tests and the Lighthouse benchmark measure is what the hospital's server
sends. Needs Debian's nginx and libnginx-mod-http-brotli-static.

With `https=True` (`--https`) it listens with TLS and HTTP/2 as the published site will, on a
self-signed certificate made with `openssl` for the run (browsers need --ignore-certificate-errors).
Browsers ask for Brotli only over HTTPS, and a phone on HTTP/1.1 opens six connections where HTTP/2
needs one, so the Lighthouse benchmark measures over HTTPS.
"""

from __future__ import annotations

import contextlib
import ctypes
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
SERVER_BLOCK = DEPLOY / "nginx" / "torget.conf"
SITE_ROOT = "/var/www/torget/live"
POLICY_MAP = "/etc/nginx/torget/csp.conf"
BUILD_POLICY_MAP = ".deploy/nginx-csp.conf"
LOG_FOLDER = "/var/log/nginx/torget"
MODULES = Path("/usr/lib/nginx/modules")
NEEDED_MODULES = ("ngx_http_brotli_static_module.so",)


class NginxMissing(RuntimeError):
    """nginx or a module the server block needs is not installed."""


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found is None:
        raise NginxMissing("nginx is not installed (apt install nginx libnginx-mod-http-brotli-static)")
    for module in NEEDED_MODULES:
        if not (MODULES / module).exists():
            raise NginxMissing(f"{MODULES / module} is missing (apt install libnginx-mod-http-brotli-static)")
    return found


def server_block_for(site: Path, port: int, server_block: Path = SERVER_BLOCK,
                     certificate: tuple[Path, Path] | None = None, log_folder: Path | None = None) -> str:
    """The repository's server block, listening on 127.0.0.1:`port` and serving `site`; with TLS and
    HTTP/2 when given a (certificate, key) pair; its access log in `log_folder` (by default the temporary one)."""
    text = server_block.read_text(encoding="utf-8")
    logs = str(log_folder.resolve()) if log_folder else tempfile.gettempdir()
    text = re.sub(re.escape(LOG_FOLDER) + r"(?=/)", logs.replace("\\", "/"), text)
    text, listens = re.subn(r"(?m)^(\s*)listen\s+(?:\[::\]:)?80;.*\n", "", text)
    listen = f"listen 127.0.0.1:{port};"
    if certificate:
        listen = (f"listen 127.0.0.1:{port} ssl http2;\n    ssl_certificate {certificate[0]};\n"
                  f"    ssl_certificate_key {certificate[1]};")
    text, servers = re.subn(r"(?m)^(\s*)(server_name\s[^;]*;)", lambda m: f"{m[1]}{listen}\n{m[1]}{m[2]}",
                            text, count=1)
    folder = str(site.resolve()).replace("\\", "/")
    text, roots = re.subn(re.escape(SITE_ROOT) + r"(?=[/;])", folder, text)
    text, maps = re.subn(re.escape(POLICY_MAP) + ";", f"{folder}/{BUILD_POLICY_MAP};", text)
    if not (listens and servers and roots and maps):
        raise ValueError(f"{server_block}: expected `listen 80;`, a server_name, {SITE_ROOT} as root and the "
                         f"include of {POLICY_MAP}; update deploy/local_nginx.py with it")
    return text


def main_config(prefix: Path, server_block: Path) -> str:
    """A complete nginx.conf for one foreground process whose files all live under `prefix`."""
    modules = "".join(f"load_module {MODULES / module};\n" for module in NEEDED_MODULES)
    temp = "".join(f"    {name}_temp_path {prefix / 'temp' / name};\n"
                   for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (f"{modules}daemon off;\nmaster_process off;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\n"
            f"error_log {prefix / 'error.log'} warn;\nevents {{ worker_connections 256; }}\n"
            "http {\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
            f"    access_log off;\n    sendfile on;\n{temp}    include {server_block};\n}}\n")


def _die_with_parent() -> None:
    """In the child before exec: on Linux, ask for SIGTERM when the Python process that started nginx
    dies, so a killed test run or benchmark leaves no nginx behind."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_listening(process: subprocess.Popen[bytes], port: int, log: Path, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
        time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on port {port} within {seconds} s:\n{log.read_text(errors='replace')}")


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1, valid for two days, and its key."""
    openssl = shutil.which("openssl")
    if openssl is None:
        raise NginxMissing("openssl is not installed (apt install openssl)")
    certificate, key = folder / "localhost.pem", folder / "localhost.key"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
                   check=True, capture_output=True)
    return certificate, key


@contextlib.contextmanager
def running_nginx(site: Path, server_block: Path = SERVER_BLOCK, *, https: bool = False,
                  log_folder: Path | None = None) -> Iterator[str]:
    """nginx serving `site` with `server_block`; yields its base URL and stops it afterwards. The access log
    goes to `log_folder`, or to the run's temporary folder."""
    binary = nginx_binary()
    with tempfile.TemporaryDirectory(prefix="torget-nginx-") as folder:
        prefix = Path(folder)
        certificate = self_signed_certificate(prefix) if https else None
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (prefix / "temp" / name).mkdir(parents=True)
        config, log = prefix / "nginx.conf", prefix / "error.log"
        for _attempt in range(3):  # the free port may be taken between probe and bind
            port = _free_port()
            block = server_block_for(site, port, server_block, certificate, log_folder or prefix)
            (prefix / "torget.conf").write_text(block, encoding="utf-8")
            config.write_text(main_config(prefix, prefix / "torget.conf"), encoding="utf-8")
            process = subprocess.Popen([binary, "-p", str(prefix), "-c", str(config), "-e", str(log)],
                                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                       preexec_fn=_die_with_parent if sys.platform == "linux" else None)
            if _wait_until_listening(process, port, log):
                break
            error = (process.stderr.read() if process.stderr else b"").decode(errors="replace")
            error += log.read_text(errors="replace") if log.exists() else ""
            if "Address already in use" not in error:
                raise RuntimeError(f"nginx did not start:\n{error}")
        else:
            raise RuntimeError("nginx found no free port in three tries")
        try:
            yield f"{'https' if https else 'http'}://127.0.0.1:{port}/"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stderr:
                process.stderr.close()


def main(argv: list[str]) -> int:
    https = "--https" in argv
    argv = [arg for arg in argv if arg != "--https"]
    site = Path(argv[0] if argv else "site")
    if not (site / "index.html").exists():
        print(f"{site}/index.html is missing: run `make site` first", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop nginx on `kill` too, not only on Ctrl-C
    try:
        with running_nginx(site, https=https) as url:
            print(f"Serving {site} with {SERVER_BLOCK.relative_to(DEPLOY.parent)} at {url}  (Ctrl-C stops)")
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    except NginxMissing as error:
        print(error, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
