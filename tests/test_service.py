"""``cliccheck serve``: the HTTP API end to end against one real server (uvicorn, 2 workers)."""

from __future__ import annotations

import http.client
import io
import json
import re
import stat
import threading
import time
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed (pip install '.[serve]')")

import docx
import jsonschema
from generate_docs import en_contract, zh_contract
from service_helpers import COMPLIANT_EN, PARTIAL_ZH, ROOT, multipart, request, running_server

from cliccheck.service.app import _page_lang, openapi_document
from cliccheck.service.uploads import safe_filename

SCHEMA = json.loads((ROOT / "cliccheck" / "report.schema.json").read_text(encoding="utf-8"))
TIMEOUT = 4  # the server's --timeout: a stuck document is killed after this many seconds


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    base = tmp_path_factory.mktemp("serve")
    with running_server(base, "--workers", "2", "--queue", "1", "--queue-wait", "1.5", "--timeout", str(TIMEOUT),
                        "--max-upload-mb", "1", env={"CLICCHECK_TEST_SLEEP": "hang-*=60"}) as srv:
        yield srv


def lint(server, name: str, data: bytes, query: str = "", raw: bool = False):  # type: ignore[no-untyped-def]
    if raw:
        sep = "&" if query else ""
        return request(server, "POST", f"/v1/lint?filename={quote(name)}{sep}{query}", data,
                       {"Content-Type": "application/octet-stream"})
    body, headers = multipart(name, data)
    return request(server, "POST", "/v1/lint" + (f"?{query}" if query else ""), body, headers)


def test_health_version_rules(server) -> None:  # type: ignore[no-untyped-def]
    status, _, body = request(server, "GET", "/v1/health")
    health = json.loads(body)
    assert status == 200 and health["status"] == "ok" and health["workers"] == 2 and not health["auth_required"]
    assert health["max_upload_bytes"] == 1024 * 1024
    status, _, body = request(server, "GET", "/v1/version")
    assert status == 200 and json.loads(body)["api"] == "v1"
    status, _, body = request(server, "GET", "/v1/rules")
    ids = [r["id"] for r in json.loads(body)["requirements"]]
    assert status == 200 and ids == ["CSR01", "CSR02", "CSR03", "CSR04"]


def test_lint_gate_pass_and_fail_in_both_languages(server) -> None:  # type: ignore[no-untyped-def]
    status, headers, body = lint(server, "compliant.txt", COMPLIANT_EN.encode())
    report = json.loads(body)
    jsonschema.validate(report, SCHEMA)
    assert status == 200 and headers["x-cliccheck-gate"] == "pass" and report["summary"]["exit_code"] == 0
    assert report["documents"][0]["path"] == "compliant.txt"  # the client's name, never the server's temp path

    status, headers, body = lint(server, "采购合同.md", PARTIAL_ZH.encode(), raw=True)
    report = json.loads(body)
    document = report["documents"][0]
    assert status == 200 and headers["x-cliccheck-gate"] == "fail" and report["summary"]["exit_code"] == 1
    assert document["path"] == "采购合同.md" and document["language"] == "zh"
    verdicts = {r["id"]: r["verdict"] for r in document["requirements"]}
    assert verdicts["CSR01"] == "satisfied" and verdicts["CSR03"] == "missing"

    # the CLI's options: fail-on never lets the same draft through; a select narrows the check
    _, headers, _ = lint(server, "zh.md", PARTIAL_ZH.encode(), "fail_on=never", raw=True)
    assert headers["x-cliccheck-gate"] == "pass"
    _, headers, body = lint(server, "zh.md", PARTIAL_ZH.encode(), "select=CSR01,CSR02", raw=True)
    assert [r["id"] for r in json.loads(body)["documents"][0]["requirements"]] == ["CSR01", "CSR02"]
    assert headers["x-cliccheck-gate"] == "pass"


def test_lint_with_rule_packs_and_no_folder_from_a_client(server) -> None:  # type: ignore[no-untyped-def]
    """``packs=`` as ``lint --packs``: the chosen packs' rules come back with their ids, and select narrows them; a
    folder or an unknown id is a 400 with a coded error, never a path read on the server."""
    status, _, body = lint(server, "zh.md", PARTIAL_ZH.encode(), "packs=csr,security-agreement,pipl21",
                                 raw=True)
    ids = [r["id"] for r in json.loads(body)["documents"][0]["requirements"]]
    assert status == 200 and ids[:4] == ["CSR01", "CSR02", "CSR03", "CSR04"]
    assert {"SEC01", "SEC04", "PIPL21-01", "PIPL21-06"} <= set(ids)
    _, _, body = lint(server, "zh.md", PARTIAL_ZH.encode(), "packs=security-agreement&select=SEC02", raw=True)
    assert [r["id"] for r in json.loads(body)["documents"][0]["requirements"]] == ["SEC02"]
    for bad in ("packs=./legal/our-playbook", "packs=" + quote(str(ROOT / "fixtures" / "playbook-incident-24h")),
                "packs=nonsense"):
        status, _, body = lint(server, "zh.md", PARTIAL_ZH.encode(), bad, raw=True)
        assert status == 400, bad
        assert json.loads(body)["error"]["code"] == "bad-request"


def test_lint_docx_sarif_and_html(server) -> None:  # type: ignore[no-untyped-def]
    status, headers, body = lint(server, "msa.docx", en_contract(), "format=sarif")
    assert status == 200 and headers["content-type"].startswith("application/sarif+json")
    assert json.loads(body)["version"] == "2.1.0" and headers["x-cliccheck-gate"] == "fail"
    status, headers, body = lint(server, "合同.docx", zh_contract(), "format=html&ui_lang=zh")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert b"<html" in body and "合同.docx".encode() in body


def test_unreadable_document_fails_closed(server) -> None:  # type: ignore[no-untyped-def]
    status, headers, body = lint(server, "fake.docx", b"PK\x03\x04 this is not a zip")
    document = json.loads(body)["documents"][0]
    assert status == 200 and headers["x-cliccheck-gate"] == "error"
    assert document["status"] == "error" and not document["passed"]


def test_annex_and_redline(server) -> None:  # type: ignore[no-untyped-def]
    body, headers = multipart("合同.docx", zh_contract())
    status, got, data = request(server, "POST", "/v1/annex", body, headers)
    assert status == 200 and got["content-type"].startswith("application/vnd.openxmlformats")
    assert "filename*=UTF-8''%E5%90%88%E5%90%8C.annex.docx" in got["content-disposition"]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "网络安全审查" in text and got["x-cliccheck-clauses"]

    status, got, data = request(server, "POST", "/v1/annex?format=md&lang=en&filename=c.txt",
                                PARTIAL_ZH.encode(), {"Content-Type": "application/octet-stream"})
    assert status == 200 and got["content-type"].startswith("text/markdown") and b"#" in data
    status, got, _ = request(server, "POST", "/v1/annex?filename=ok.txt", COMPLIANT_EN.encode())
    assert status == 204 and got["x-cliccheck-annex"] == "nothing-to-add"

    status, got, data = request(server, "POST", "/v1/redline?filename=msa.docx&date=2026-03-01", en_contract())
    assert status == 200 and data[:2] == b"PK"
    assert "msa.redline.docx" in got["content-disposition"]
    status, _, data = request(server, "POST", "/v1/redline?filename=c.txt", COMPLIANT_EN.encode())
    assert status == 422 and json.loads(data)["error"]["code"] == "unsupported-format"


def test_bad_requests_are_one_coded_error(server) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ("POST", "/v1/lint?format=pdf&filename=a.txt", b"x", 400, "bad-request"),
        ("POST", "/v1/lint?select=CSR99&filename=a.txt", b"x", 400, "config"),
        ("POST", "/v1/lint?filename=a.txt", b"", 400, "empty-file"),
        ("POST", "/v1/redline?date=yesterday&filename=a.docx", b"x", 400, "config"),
        ("GET", "/v1/nothing", None, 404, "not-found"),
    ]
    for method, path, body, want_status, want_code in cases:
        status, headers, data = request(server, method, path, body)
        error = json.loads(data)
        assert (status, error["error"]["code"]) == (want_status, want_code), path
        assert error["request_id"] == headers["x-request-id"]
    body, headers = multipart("a.txt", b"x")
    status, _, data = request(server, "POST", "/v1/lint", body.replace(b"name=\"file\"", b"name=\"other\""), headers)
    assert status == 400 and "'file'" in json.loads(data)["error"]["message"]
    status, _, _ = request(server, "POST", "/v1/lint", b"--nope\r\ngarbage",
                           {"Content-Type": "multipart/form-data; boundary=zzz"})
    assert status == 400


def test_errors_carry_a_localized_message_in_the_clients_language(server) -> None:  # type: ignore[no-untyped-def]
    """Every error keeps its English ``message`` (logs, scripts) and adds ``localized_message`` in the language
    the client asked for (``ui_lang``, else Accept-Language): what the web page shows a Chinese lawyer."""
    cases = [
        ("POST", "/v1/lint?format=pdf&filename=a.txt", b"x", "format: Input should be", "请求参数无效：format"),
        ("POST", "/v1/lint?filename=a.txt", b"", "the upload is empty", "上传内容为空"),
        ("POST", "/v1/lint?select=CSR99&filename=a.txt", b"x", "CSR99", "未知的规则 'CSR99'"),
        ("GET", "/v1/nothing", None, "Not Found", "没有这个地址"),
        ("POST", "/v1/redline?filename=c.txt", COMPLIANT_EN.encode(), "redline needs a Word document", "修订稿需要"),
        ("POST", "/v1/redline?author=%07&filename=a.docx", b"x", "author is empty", "修订人为空"),
        ("POST", "/v1/lint?fail_on=sometimes&filename=a.txt", b"x", "fail_on", "请求参数无效：fail_on"),
    ]
    for method, path, body, english, chinese in cases:
        for how, headers in (("ui_lang", {}), ("accept", {"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"})):
            url = path + ("&ui_lang=zh" if how == "ui_lang" and "?" in path else "?ui_lang=zh" if how == "ui_lang"
                          else "")
            _, _, data = request(server, method, url, body, headers)
            error = json.loads(data)["error"]
            assert english in error["message"], (path, error)
            assert chinese in error["localized_message"], (path, error)
            assert not re.search(r"(?<![\w-])(the|is|an?|send|needs|empty)(?![\w-])", error["localized_message"]), (path, error)
        _, _, data = request(server, method, path + ("&ui_lang=en" if "?" in path else "?ui_lang=en"), body,
                             {"Accept-Language": "zh-CN"})
        error = json.loads(data)["error"]
        assert english in error["localized_message"] and not re.search(r"[\u4e00-\u9fff]", error["localized_message"])


def test_upload_limit_refuses_before_reading_everything(server) -> None:  # type: ignore[no-untyped-def]
    big = b"a" * (1024 * 1024 + 1)
    status, _, data = lint(server, "big.txt", big, raw=True)
    assert status == 413 and json.loads(data)["error"]["code"] == "too-large"
    # chunked, so no Content-Length to refuse it by: the stream is cut at the limit
    host, port = server.url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    chunks = (b"b" * 65536 for _ in range(40))  # 2.5 MB
    try:
        conn.request("POST", "/v1/lint?filename=big.txt", body=chunks, encode_chunked=True,
                     headers={"Content-Type": "application/octet-stream"})
        response = conn.getresponse()
        assert response.status == 413
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server answered 413 and closed while the client was still sending: also a refusal
    finally:
        conn.close()


def test_private_folder_is_emptied_and_private(server) -> None:  # type: ignore[no-untyped-def]
    folders = list(server.tmpdir.glob("cliccheck-serve-*"))
    assert len(folders) == 1
    assert stat.S_IMODE(folders[0].stat().st_mode) == 0o700
    lint(server, "again.txt", COMPLIANT_EN.encode(), raw=True)
    assert list(folders[0].iterdir()) == []
    assert [p for p in server.tmpdir.iterdir() if p != folders[0]] == []  # nothing spooled beside it


def test_stuck_documents_are_killed_and_a_full_pool_says_so(server) -> None:  # type: ignore[no-untyped-def]
    results: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def send(key: str, name: str) -> None:
        results[key] = lint(server, name, COMPLIANT_EN.encode(), raw=True)

    hung = [threading.Thread(target=send, args=(f"hang{i}", f"hang-{i}.txt")) for i in range(2)]
    for thread in hung:
        thread.start()
    time.sleep(1.0)  # both workers are stuck now
    waiter = threading.Thread(target=send, args=("waiter", "ok.txt"))
    waiter.start()
    time.sleep(0.3)  # it waits in the line of one
    status, headers, data = lint(server, "ok.txt", COMPLIANT_EN.encode(), raw=True)
    assert status == 429 and json.loads(data)["error"]["code"] == "busy" and headers["retry-after"]
    waiter.join(30)
    assert results["waiter"][0] == 503  # no worker came free within --queue-wait
    for thread in hung:
        thread.join(30)
    for key in ("hang0", "hang1"):
        status, headers, data = results[key]
        document = json.loads(data)["documents"][0]
        assert status == 200 and headers["x-cliccheck-gate"] == "error"
        assert document["error"]["code"] == "timeout" and not document["passed"]
    # the service stays up: both workers were replaced and serve at once
    status, headers, _ = lint(server, "after.txt", COMPLIANT_EN.encode(), raw=True)
    assert status == 200 and headers["x-cliccheck-gate"] == "pass"
    health = json.loads(request(server, "GET", "/v1/health")[2])
    assert health["killed"] >= 2 and health["running"] == 0


def test_access_log_is_an_audit_trail_without_content(server) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    data = PARTIAL_ZH.encode()
    _, headers, _ = lint(server, "北桥-secret-name.md", data, raw=True)
    server.process  # noqa: B018 - the log is flushed per line
    records = server.log_records()
    mine = [r for r in records if r["request_id"] == headers["x-request-id"]]
    assert len(mine) == 1
    record = mine[0]
    assert record["sha256"] == hashlib.sha256(data).hexdigest() and record["bytes"] == len(data)
    assert record["gate"] == "fail" and record["verdicts"]["CSR03"] == "missing" and record["ms"] > 0
    text = server.access_log.read_text(encoding="utf-8")
    for secret in ("北桥", "secret-name", "海港电网", "网络安全审查", "Northbridge", "Harbour Grid"):
        assert secret not in text
    assert all({"request_id", "method", "route", "status", "ms", "time"} <= set(r) for r in records)


def test_openapi_document_is_committed_and_served(server) -> None:  # type: ignore[no-untyped-def]
    committed = (ROOT / "docs" / "openapi.json").read_text(encoding="utf-8")
    assert committed == openapi_document(), "docs/openapi.json is stale: cliccheck serve --openapi > docs/openapi.json"
    status, _, body = request(server, "GET", "/v1/openapi.json")
    assert status == 200 and json.loads(body) == json.loads(committed)
    assert {"/v1/lint", "/v1/annex", "/v1/redline", "/v1/rules", "/v1/health", "/v1/version"} <= set(
        json.loads(committed)["paths"])


def test_page_is_served_in_the_browser_language(server) -> None:  # type: ignore[no-untyped-def]
    status, headers, body = request(server, "GET", "/", headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"})
    assert status == 200 and b'<html lang="zh">' in body
    assert "default-src 'none'" in headers["content-security-policy"]
    assert b"http://" not in body and b"https://" not in body  # nothing external
    for name in ("app.js", "app.css"):
        status, _, asset = request(server, "GET", f"/static/{name}")
        assert status == 200 and b"http://" not in asset and b"https://" not in asset
    _, _, body = request(server, "GET", "/", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert b'<html lang="en">' in body
    assert request(server, "GET", "/static/../app.py")[0] == 404


def test_filename_and_language_helpers() -> None:
    assert safe_filename("../../etc/passwd") == "passwd"
    assert safe_filename("C:\\Users\\li\\合同.docx") == "合同.docx"
    assert safe_filename("\x1b[31m.docx") == "[31m.docx"
    assert safe_filename("") == "upload" and safe_filename("...") == "upload"
    assert len(safe_filename("a" * 500 + ".docx")) <= 120 and safe_filename("a" * 500 + ".docx").endswith(".docx")

    class Fake:
        def __init__(self, header: str, query: str | None = None):
            self.headers = {"accept-language": header}
            self.query_params = {"lang": query} if query else {}

    assert _page_lang(Fake("fr-FR,zh;q=0.5,en;q=0.4")) == "zh"  # type: ignore[arg-type]
    assert _page_lang(Fake("de")) == "en"  # type: ignore[arg-type]
    assert _page_lang(Fake("zh-CN", "en")) == "en"  # type: ignore[arg-type]


def test_ui_lang_sets_the_report_language(server) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import fields

    from cliccheck.config import Config

    if "ui_lang" not in {f.name for f in fields(Config)}:
        pytest.skip("this build's reports have no interface language setting yet")
    pages = {lang: lint(server, "msa.docx", en_contract(), f"format=html&ui_lang={lang}")[2] for lang in ("zh", "en")}
    assert b'<html lang="zh' in pages["zh"] and b'<html lang="en' in pages["en"]
