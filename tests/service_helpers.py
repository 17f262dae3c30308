"""Starting a real ``cliccheck serve`` for the service tests (one per test module) and talking to it."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLICCHECK = [sys.executable, "-m", "cliccheck"]

#: A one-page English contract with all four undertakings (the gate passes).
COMPLIANT_EN = """\
SUPPLY AND SUPPORT AGREEMENT

This Agreement is made between Harbour Grid Operations Co. (the "Customer") and Northbridge Systems Ltd.
(the "Supplier").

1. Supply. The Supplier shall deliver the network switches listed in Schedule 1 within 30 days.

2. Security review. The Supplier shall cooperate with the cybersecurity review conducted by the competent
authorities, including by providing documents and information on request.

3. User data. The Supplier shall not use the supply of products or services to illegally obtain user data.

4. Equipment. The Supplier shall not illegally control or manipulate the users' equipment.

5. Continuity. The Supplier shall not interrupt product supply or necessary technical support services
without justifiable reason.

6. Governing law. This Agreement is governed by the laws of the People's Republic of China.
"""

#: A one-page Chinese contract missing two undertakings (the gate fails).
PARTIAL_ZH = """\
设备采购合同

甲方（采购方）：海港电网运营有限公司
乙方（供应方）：北桥系统有限公司

第一条 乙方应于合同生效后三十日内交付附件一所列网络设备。
第二条 乙方应当配合有关主管部门依法开展的网络安全审查。
第三条 乙方不得利用提供产品和服务的便利条件非法获取用户数据。
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    access_log: Path
    tmpdir: Path
    stderr: Path

    def log_records(self) -> list[dict]:
        return [json.loads(line) for line in self.access_log.read_text(encoding="utf-8").splitlines() if line]


@contextlib.contextmanager
def running_server(base: Path, *args: str, env: dict[str, str] | None = None,
                   startup: float = 120.0) -> Iterator[Server]:
    """``cliccheck serve`` on a free localhost port, its TMPDIR and access log under ``base``."""
    tmpdir = base / "tmp"
    tmpdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = base / "access.jsonl"
    stderr = base / "stderr.txt"
    full_env = {**os.environ, "TMPDIR": str(tmpdir), **(env or {})}
    with open(stderr, "wb") as err:
        process = subprocess.Popen([*CLICCHECK, "serve", "--port", str(port), "--access-log", str(log), *args],
                                   cwd=ROOT, env=full_env, stdout=subprocess.DEVNULL, stderr=err)
    server = Server(f"http://127.0.0.1:{port}", process, log, tmpdir, stderr)
    try:
        deadline = time.monotonic() + startup
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"cliccheck serve exited: {stderr.read_text(errors='replace')[-2000:]}")
            with contextlib.suppress(OSError):
                if request(server, "GET", "/v1/health")[0] == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("cliccheck serve did not start in time")
            time.sleep(0.3)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def request(server: Server, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None, timeout: float = 120.0) -> tuple[int, dict[str, str], bytes]:
    """One HTTP request; returns status, headers (lower-case names) and body, whatever the status."""
    req = urllib.request.Request(server.url + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


def multipart(filename: str, data: bytes, fields: dict[str, str] | None = None) -> tuple[bytes, dict[str, str]]:
    """A multipart/form-data body with the document in the field ``file``."""
    boundary = "cliccheck-test-boundary-7d1f"
    parts = []
    for name, value in (fields or {}).items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                 "Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"}
