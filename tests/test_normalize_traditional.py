"""Traditional characters and Taiwan/Hong Kong wording are read as mainland wording (issue 10 item 4).

The same undertakings drafted in Taiwan wording get the verdicts of their mainland twin; evidence quotes
the traditional original; our vocabulary (clause_library/variants.yaml) wins over OpenCC where OpenCC
would change the legal meaning.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from cliccheck.lang.zh_variants import to_mainland, variants
from cliccheck.matcher import check_document
from cliccheck.normalize import normalize, normalize_text
from cliccheck.paths import data_dir
from cliccheck.readers import read_document

HOSTILE = Path(__file__).resolve().parent.parent / "fixtures" / "hostile"
sys.path.insert(0, str(HOSTILE))
from build_obfuscated import OUT, SIMPLIFIED_CONTRACT, TW_CONTRACT  # noqa: E402


@pytest.mark.parametrize(("written", "mainland"), [
    ("網路安全審查", "网络安全审查"),
    ("資料", "资料"),
    ("技術支援", "技术支持"),
    ("軟體", "软件"),
    ("硬體", "硬件"),
    ("伺服器", "服务器"),
    ("資訊", "信息"),
    ("使用者", "用户"),
    ("個人資料", "个人信息"),
    ("使用者資料", "用户数据"),
    ("原始碼", "源代码"),
    ("蒐集", "收集"),
    ("私隱", "隐私"),
    ("網絡安全", "网络安全"),  # Hong Kong
    ("乙方不得無正當理由中斷產品供應或者必要的技術支援服務", "乙方不得无正当理由中断产品供应或者必要的技术支持服务"),
    ("网路安全审查与技术支援", "网络安全审查与技术支持"),  # Taiwan words in simplified characters
])
def test_taiwan_and_hong_kong_wording(written: str, mainland: str) -> None:
    assert normalize_text(written) == mainland


def test_mainland_text_is_left_alone() -> None:
    for text in SIMPLIFIED_CONTRACT:
        assert to_mainland(text) is None, text
    assert normalize("乙方应配合网络安全审查。") == ("乙方应配合网络安全审查。", list(range(12)))


def test_every_converted_character_keeps_an_offset_into_the_original() -> None:
    for raw in TW_CONTRACT:
        text, origin = normalize(raw)
        assert len(origin) == len(text) and origin == sorted(origin)
        assert origin[0] == 0 and origin[-1] == len(raw) - 1
        assert all(0 <= o < len(raw) for o in origin)


def test_variants_file_is_data_a_lawyer_can_review() -> None:
    data = yaml.safe_load((data_dir("clause_library") / "variants.yaml").read_text(encoding="utf-8"))
    entries = data["variants"]
    assert len(entries) >= 25
    # each traditional key is also matched in its simplified spelling
    table = variants()
    assert table["網路"] == table["网路"] == "网络"


def test_data_and_materials() -> None:
    """OpenCC alone turns every 資料 into 数据 ("data"); variants.yaml keeps the materials a review needs as
    资料 and makes a party's 資料 its data."""
    assert normalize_text("乙方應提供審查所需資料。") == "乙方应提供审查所需资料。"
    assert normalize_text("不將甲方資料傳輸至境外") == "不将甲方数据传输至境外"
    assert normalize_text("不得取得甲方及其客戶之資料") == "不得取得甲方及其客户的数据"


def test_taiwan_modal_de_is_may() -> None:
    """得 is "may" in Taiwan and Hong Kong drafting (供應商得暫停服務); 不得/取得/得到 are left alone."""
    assert normalize_text("供應商得暫停服務") == "供应商可暂停服务"
    assert normalize_text("乙方亦得拒絕") == "乙方亦可拒绝"
    for kept in ("乙方不得中斷", "乙方取得同意", "乙方得到甲方同意"):
        assert "得" in normalize_text(kept)


def test_a_bad_pattern_in_the_variants_file_is_a_config_error(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from cliccheck.errors import ConfigError
    from cliccheck.lang import zh_variants

    (tmp_path / "variants.yaml").write_text('variants:\n  "re:(": x\n', encoding="utf-8")
    monkeypatch.setattr(zh_variants, "data_dir", lambda name: tmp_path)
    zh_variants.variants.cache_clear()
    try:
        with pytest.raises(ConfigError, match="bad regular expression"):
            zh_variants.variants()
    finally:
        zh_variants.variants.cache_clear()


@pytest.mark.parametrize("ext", ["docx", "pdf"])
def test_taiwan_contract_reads_as_its_mainland_twin(ext: str) -> None:
    docs = {name: read_document((OUT / f"{name}.{ext}").read_bytes(), filename=f"{name}.{ext}")
            for name in ("zh-traditional", "zh-simplified")}
    results = {name: check_document(doc) for name, doc in docs.items()}
    verdicts = {name: {r.id: str(r.verdict) for r in res.requirements} for name, res in results.items()}
    assert verdicts["zh-traditional"] == verdicts["zh-simplified"]
    assert verdicts["zh-traditional"]["CSR01"] == "contradicted"  # the refusal in clause 5
    assert {v for k, v in verdicts["zh-traditional"].items() if k != "CSR01"} == {"satisfied"}
    # evidence quotes the traditional original
    doc = docs["zh-traditional"]
    quoted = [doc.original(ev.start, ev.end) for r in results["zh-traditional"].requirements for ev in r.evidence]
    assert any("網路安全審查" in q for q in quoted)
    assert any("技術支援" in q for q in quoted)
    # no false alarm: traditional characters are not obfuscation
    assert not [f for f in results["zh-traditional"].findings if f.rule == "obfuscated-text"]


def test_report_evidence_carries_the_traditional_original() -> None:
    from cliccheck.config import Config
    from cliccheck.report.build import build_document_report

    doc = read_document((OUT / "zh-traditional.docx").read_bytes(), filename="zh-traditional.docx")
    report = build_document_report(doc, check_document(doc), Config())
    csr04 = next(r for r in report.requirements if r.id == "CSR04")
    ev = csr04.evidence[0].to_dict()
    assert "中断" in ev["text"] and "中斷" in ev["original"]
