"""From a clean Debian server to the site over HTTPS, as README.md «Publisering» says: its commands run as
written on a throw-away root (tests/throwaway_server.py), then the smoke test against that server. And
the one rule publishing must never break: what the deploy user can write cannot change nginx."""

from __future__ import annotations

import re
import shutil
import socket
import stat
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import REPO, Project
from throwaway_server import CERTIFICATE, HOST, KEY, Server, readme_commands, throwaway_server

from site_plugins.publish.csp import content_security_policy, editor_policy, nginx_include

# The README's commands the test cannot run on a throw-away root, and what stands for each: the
# packages are on this machine, the checkout is the test's, and the build is a copy of the bundled site.
STANDS_IN = {
    "sudo apt-get install -y git make python3-venv": "packages",
    "git clone https://gitlab.example.no/lms/torget.git torget": "checkout",
    "cd torget": "checkout",
    "git pull": "checkout",
    "make build-deps publish": "first build",
    "make publish": "new build",
}
NEW_PAGE = "nytt-bygg.txt"


def _status(server: Server, url: str) -> str:
    return server.curl(url, "--output", "/dev/null", "--write-out", "%{http_code}").stdout


def test_the_readme_takes_a_clean_server_to_https_and_back_a_build(bundled_site: Project):
    commands = readme_commands()
    run = [command for command in commands if command not in STANDS_IN]
    assert [c for c in run if not c.startswith(("sudo deploy/", "deploy/"))] == [], \
        "the README has a step the test neither runs nor stands in for: add it to STANDS_IN"
    assert sum("deploy/install-server" in c for c in run) == 2 and sum("--certificate" in c for c in run) == 1
    assert any(c.endswith("--rollback") for c in run) and any(c.startswith("deploy/smoke-test https://") for c in run)

    with throwaway_server() as server:
        shutil.copytree(bundled_site.site, server.checkout / "site")
        default_site = server.root / "etc/nginx/sites-enabled/default"
        assert default_site.is_symlink()
        outputs: list[str] = []
        for command in commands:
            stand_in = STANDS_IN.get(command)
            if stand_in == "new build":  # a build with one page more than the one live
                (server.checkout / "site" / NEW_PAGE).write_text("nytt bygg\n", encoding="utf-8")
                continue
            if stand_in:
                continue
            done = server.run(command)
            outputs.append(done.stdout)
            if command.startswith("deploy/smoke-test"):
                assert "FAIL" not in done.stdout and "all checks passed" in done.stdout, done.stdout
            if "install-server" in command and len(outputs) == 1:
                # The first run: everything is new, Debian's default site goes, nginx is started (not reloaded).
                assert "changed: started nginx" in done.stdout and "disabled Debian's default site" in done.stdout
                assert not default_site.exists() and not default_site.is_symlink()
            if "--certificate" in command:
                assert "sites-available/torget" in done.stdout and "nginx: reloaded" in done.stdout
            if command == "sudo deploy/publish site/" and (server.checkout / "site" / NEW_PAGE).exists():
                assert _status(server, f"https://{HOST}/{NEW_PAGE}") == "200"
            if command.endswith("--rollback"):
                assert _status(server, f"https://{HOST}/{NEW_PAGE}") == "404", "the rollback kept the newer build"
                assert _status(server, f"https://{HOST}/") == "200"
        assert (server.checkout / "site" / NEW_PAGE).exists(), "the README's later deploy never ran"

        # Run again, the installer finds everything as asked and changes nothing; without --certificate
        # too, as HTTPS stays (browsers that saw HSTS would refuse plain HTTP).
        for install in [c for c in commands if "install-server" in c]:
            again = server.run(install)
            assert not re.search(r"(?m)^changed:", again.stdout) and "nothing changed" in again.stdout, again.stdout

        # nginx reads the pages, but no file of its configuration lies where the deploy user writes.
        loaded = server.loaded_config_files()
        assert str(server.root / "etc/nginx/torget/csp.conf") in loaded
        assert not [path for path in loaded if path.startswith(str(server.web_root))], loaded
        live = server.web_root / "live"
        assert live.is_symlink() and (live / "index.html").exists()
        for path in [live.resolve(), *live.resolve().rglob("*")]:
            mode = stat.S_IMODE(path.stat().st_mode)
            assert mode == (0o755 if path.is_dir() else 0o644), (path, oct(mode))
        for path in (server.policy_map, server.root / "etc/nginx/sites-available/torget"):
            assert stat.S_IMODE(path.stat().st_mode) == 0o644
        # The policy nginx sends is the live build's own.
        assert server.policy_map.read_bytes() == (live / ".deploy/nginx-csp.conf").read_bytes()


def test_the_installer_checks_the_host_against_site_url_and_the_certificate_against_the_host():
    with throwaway_server(site_url="https://torget.example.no/") as server:
        wrong_host = server.run("deploy/install-server --host torget2.example.no", check=False)
        assert wrong_host.returncode == 1 and "is not the host of site_url" in wrong_host.stderr
        (server.checkout / "mkdocs.yml").write_text("site_url: http://torget.example.no/\n", encoding="utf-8")
        plain = server.run(f"deploy/install-server --host {HOST}", check=False)
        assert plain.returncode == 1 and "it must be https://<host>/" in plain.stderr
        (server.checkout / "mkdocs.yml").write_text("site_url: https://torget.example.no/torget/\n", encoding="utf-8")
        below = server.run(f"deploy/install-server --host {HOST}", check=False)
        assert below.returncode == 1 and "served at the host's root" in below.stderr
        (server.checkout / "mkdocs.yml").write_text("site_url: https://torget.example.no/\n", encoding="utf-8")
        not_ours = server.run(f"deploy/install-server --host {HOST} --certificate {CERTIFICATE} --key /etc/ssl/private/x",
                              check=False)
        assert not_ours.returncode == 1 and "/etc/ssl/private/x cannot be read" in not_ours.stderr
        # Nothing was installed by the refused runs.
        assert not (server.root / "etc/nginx/sites-available/torget").exists()
        assert (server.root / "etc/nginx/sites-enabled/default").is_symlink()


# --- What the deploy user writes cannot change the server -----------------------------------------

def _tiny_site(folder: Path, policy_map: str) -> Path:
    """A build as far as publishing cares: pages and the build's policy map."""
    folder.mkdir(parents=True)
    (folder / "index.html").write_text("<!doctype html><title>Torget</title><p>Forsiden</p>\n", encoding="utf-8")
    (folder / "404.html").write_text("<!doctype html><title>Fant ikke siden</title>\n", encoding="utf-8")
    (folder / ".deploy").mkdir()
    (folder / ".deploy/nginx-csp.conf").write_text(policy_map, encoding="utf-8")
    return folder


PAGES_POLICY = content_security_policy(["'sha256-" + "A" * 43 + "='"])
# The build's own maps, with and without the web editor's exception: these pass.
GOOD_MAPS = {
    "pages only": nginx_include(PAGES_POLICY),
    "with the web editor": nginx_include(PAGES_POLICY, [(re.escape("/admin/"), editor_policy(
        ["'sha256-" + "B" * 43 + "='"], ["https://gitlab.example.no"]))]),
}
_MAP = "map $uri $torget_content_security_policy {\n"
# What someone who can write the web root might try: every one must be refused.
EVIL_MAPS = {
    "a server of its own": f'{_MAP}    default "default-src \'self\'";\n}}\nserver {{ listen {{port}}; root /; autoindex on; }}\n',
    "a directive after the value": f'{_MAP}    default "default-src \'self\'"; include /etc/shadow;\n}}\n',
    "a quote out of the string": f'{_MAP}    default "x\\"; return 200 pwned; #";\n}}\n',
    "an nginx variable": f'{_MAP}    default "$http_x_policy";\n}}\n',
    "a second map": f'{_MAP}    default "default-src \'self\'";\n}}\nmap $uri $torget_cache_control {{ default "x"; }}\n',
    "a directive inside the map": f'{_MAP}    default "default-src \'self\'";\n    hostnames;\n}}\n',
    "no map at all": 'add_header X-Pwned 1;\n',
    "a key that escapes its quote": f'{_MAP}    default "default-src \'self\'";\n    "~^/a\\" "x";\n}}\n',
    "a carriage return": f'{_MAP}    default "default-src \'self\'";\r\n}}\n',
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_file_the_deploy_user_writes_cannot_add_an_nginx_directive(tmp_path: Path):
    with throwaway_server() as server:
        server.run(f"deploy/install-server --host {HOST}")
        for name, policy_map in GOOD_MAPS.items():
            site = _tiny_site(tmp_path / name.replace(" ", "-"), policy_map)
            server.run(f"deploy/publish {site}/")
            assert server.policy_map.read_text(encoding="utf-8") == policy_map, name
        good = server.policy_map.read_bytes()
        live = (server.web_root / "live").resolve()
        headers = server.curl(f"http://{HOST}/", "--include").stdout
        assert f"Content-Security-Policy: {PAGES_POLICY}" in headers

        for name, policy_map in EVIL_MAPS.items():
            port = _free_port()
            site = _tiny_site(tmp_path / f"evil-{len(list(tmp_path.iterdir()))}",
                              policy_map.replace("{port}", str(port)))
            refused = server.run(f"deploy/publish {site}/", check=False)
            assert refused.returncode != 0, f"{name}: published"
            assert "the policy in use stays as it is" in refused.stderr, (name, refused.stderr)
            assert server.policy_map.read_bytes() == good, f"{name}: the policy nginx includes changed"
            assert (server.web_root / "live").resolve() == live, f"{name}: the refused build went live"
            assert "Forsiden" in server.curl(f"http://{HOST}/").stdout
            with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", port), timeout=1):
                pass  # no server of the file's own
        assert f"Content-Security-Policy: {PAGES_POLICY}" in server.curl(f"http://{HOST}/", "--include").stdout
        # The refused builds were cleared away; the live one and the ones before it are kept.
        assert len(list((server.web_root / "releases").iterdir())) == 2


# --- The production build is the build ---------------------------------------------------------------

def test_the_pipeline_builds_with_make_publish_and_only_the_builds_packages():
    pipeline = yaml.safe_load((REPO / "deploy/gitlab-ci.yml").read_text(encoding="utf-8"))
    assert pipeline["default"]["before_script"] == ["make build-deps"]
    assert pipeline["build"]["script"] == ["make publish"]
    scripts = [line for job in pipeline.values() if isinstance(job, dict) for line in job.get("script", [])]
    assert not [line for line in scripts if "make site" in line]
    assert pipeline["deploy"]["script"][0] == 'deploy/publish site/ "$DEPLOY_HOST"'
    assert pipeline["deploy"]["script"][1].startswith("deploy/smoke-test ")


def test_make_build_deps_installs_the_project_without_the_test_tools(tmp_path: Path):
    """`make -n` prints what a fresh checkout would run, without running it."""
    shutil.copy(REPO / "Makefile", tmp_path / "Makefile")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    for target in ("build-deps", "publish"):
        dry = subprocess.run(["make", "-n", target], cwd=tmp_path, capture_output=True, text=True, check=True).stdout
        assert "pip install --quiet --editable .\n" in dry and "[test]" not in dry, (target, dry)
    test = subprocess.run(["make", "-n", "test"], cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert "--editable '.[test]'" in test
