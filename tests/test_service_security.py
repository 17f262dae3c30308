"""``cliccheck serve`` safety: localhost by default, a token whenever one is set or the host is not loopback."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install '.[serve]')")

from service_helpers import CLICCHECK, COMPLIANT_EN, ROOT, request, running_server

from cliccheck.errors import ConfigError
from cliccheck.service.security import check_binding, is_loopback, load_token, token_matches

TOKEN = "test-token-0123456789abcdef"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    base = tmp_path_factory.mktemp("serve-token")
    with running_server(base, "--workers", "1", env={"CLICCHECK_TOKEN": TOKEN}) as srv:
        yield srv


def test_every_api_call_needs_the_token(server) -> None:  # type: ignore[no-untyped-def]
    for method, path, body in (("GET", "/v1/rules", None), ("GET", "/v1/version", None),
                               ("POST", "/v1/lint?filename=c.txt", COMPLIANT_EN.encode()),
                               ("POST", "/v1/annex?filename=c.txt", COMPLIANT_EN.encode()),
                               ("GET", "/v1/openapi.json", None)):
        for headers in ({}, {"Authorization": "Bearer wrong-token-0123456789"}, {"Authorization": TOKEN}):
            status, got, data = request(server, method, path, body, headers)
            assert status == 401, (path, headers)
            assert json.loads(data)["error"]["code"] == "unauthorized" and got["www-authenticate"] == "Bearer"
    status, got, data = request(server, "POST", "/v1/lint?filename=c.txt", COMPLIANT_EN.encode(),
                                {"Authorization": f"Bearer {TOKEN}"})
    assert status == 200 and got["x-cliccheck-gate"] == "pass"
    # liveness and the page carry no data: open, and the page learns that it must ask for the token
    status, _, data = request(server, "GET", "/v1/health")
    assert status == 200 and json.loads(data)["auth_required"] is True
    assert request(server, "GET", "/")[0] == 200
    assert TOKEN not in server.access_log.read_text(encoding="utf-8")


def test_refuses_to_listen_beyond_localhost_without_a_token(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run([*CLICCHECK, "serve", "--host", "0.0.0.0", "--port", "1"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "CLICCHECK_TOKEN" in lines[0] and "Traceback" not in result.stderr
    weak = tmp_path / "token"
    weak.write_text("short\n", encoding="utf-8")
    result = subprocess.run([*CLICCHECK, "serve", "--token-file", str(weak)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "at least 16" in result.stderr and "Traceback" not in result.stderr


def test_binding_and_token_rules(tmp_path: Path) -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and is_loopback("127.8.0.1")
    assert not is_loopback("0.0.0.0") and not is_loopback("::") and not is_loopback("192.168.1.5")
    assert not is_loopback("example.org")
    check_binding("127.0.0.1", None)
    check_binding("0.0.0.0", TOKEN)
    with pytest.raises(ConfigError):
        check_binding("0.0.0.0", None)
    assert load_token(None, {}) is None
    assert load_token(None, {"CLICCHECK_TOKEN": f" {TOKEN} "}) == TOKEN
    file = tmp_path / "token"
    file.write_text(f"{TOKEN}\nignored\n", encoding="utf-8")
    assert load_token(str(file), {}) == TOKEN
    with pytest.raises(ConfigError):
        load_token(str(tmp_path / "missing"), {})
    with pytest.raises(ConfigError):
        load_token(None, {"CLICCHECK_TOKEN": "has space inside the token"})
    assert token_matches(f"Bearer {TOKEN}", TOKEN) and token_matches(f"bearer {TOKEN}", TOKEN)
    assert not token_matches(None, TOKEN) and not token_matches(f"Basic {TOKEN}", TOKEN)
    assert not token_matches(f"Bearer {TOKEN}x", TOKEN)


def test_shutdown_removes_the_private_folder_and_the_workers(tmp_path: Path) -> None:
    with running_server(tmp_path, "--workers", "1") as srv:
        assert request(srv, "POST", "/v1/lint?filename=c.txt", COMPLIANT_EN.encode())[0] == 200
        folders = list(srv.tmpdir.glob("cliccheck-serve-*"))
        children = Path(f"/proc/{srv.process.pid}/task/{srv.process.pid}/children")
        workers = [int(p) for p in children.read_text().split()] if children.exists() else []
        process = srv.process
    assert process.returncode is not None and len(folders) == 1
    assert not folders[0].exists() and list(srv.tmpdir.iterdir()) == []
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()


def test_a_port_in_use_is_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([*CLICCHECK, "serve", "--port", str(port)], cwd=ROOT, capture_output=True, text=True,
                                timeout=60, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "in use" in result.stderr


def test_the_start_line_reads_in_the_ui_language(tmp_path: Path) -> None:
    """What ``serve`` prints when it listens is in the UI language, like every other line the CLI prints."""
    with running_server(tmp_path / "zh", "--workers", "1", env={"CLICCHECK_TOKEN": TOKEN, "CLICCHECK_UI_LANG": "zh"}) \
            as srv:
        line = srv.stderr.read_text(encoding="utf-8")
    assert "（1个工作进程，需要令牌）；按 Ctrl-C 停止" in line and "workers" not in line, line
    with running_server(tmp_path / "en", "--workers", "1", env={"CLICCHECK_UI_LANG": "en"}) as srv:
        line = srv.stderr.read_text(encoding="utf-8")
    assert "(1 worker); Ctrl-C stops" in line, line
