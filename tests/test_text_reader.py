"""Plain-text and Markdown contracts, in the encodings Chinese tools produce."""

from __future__ import annotations

import codecs

import pytest

from cliccheck.errors import DocumentError
from cliccheck.readers import read_document

CONTRACT_ZH = """采购合同

第一条 总则
本合同由甲方与乙方签订，
双方应当遵守本合同。

第二条 网络安全审查
（一）乙方应当配合甲方
完成网络安全审查；
（二）乙方不得非法获取用户数据。
"""


def _texts(doc):
    return [(b.section, b.text) for b in doc.blocks]


@pytest.mark.parametrize(
    "encoded",
    [
        CONTRACT_ZH.encode("utf-8"),
        codecs.BOM_UTF8 + CONTRACT_ZH.encode("utf-8"),
        codecs.BOM_UTF16_LE + CONTRACT_ZH.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + CONTRACT_ZH.encode("utf-16-be"),
        CONTRACT_ZH.encode("utf-16-le"),  # no BOM
        CONTRACT_ZH.encode("gb18030"),
        CONTRACT_ZH.encode("gbk"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-nobom", "gb18030", "gbk"],
)
def test_chinese_contract_reads_the_same_in_every_encoding(encoded):
    doc = read_document(encoded, filename="contract.txt")
    assert _texts(doc) == [
        (None, "采购合同"),
        ("第一条", "第一条 总则"),
        ("第一条", "本合同由甲方与乙方签订，双方应当遵守本合同。"),
        ("第二条", "第二条 网络安全审查"),
        ("第二条（一）", "（一）乙方应当配合甲方完成网络安全审查；"),
        ("第二条（二）", "（二）乙方不得非法获取用户数据。"),
    ]
    assert doc.language == "zh"
    assert all(b.language == "zh" for b in doc.blocks)


def test_offsets_map_back_to_blocks():
    doc = read_document(CONTRACT_ZH.encode(), filename="c.txt")
    start = doc.text.index("不得非法获取")
    where = doc.locate(start, start + 6)
    assert where["section"] == "第二条（二）"
    assert doc.blocks[where["block"]].text.startswith("（二）")


def test_english_hard_wrapped_lines_are_joined_and_hyphens_kept():
    raw = b"4.1 The Supplier shall cooperate with any cyber-\nsecurity review and shall not obliga-\ntions.\n"
    doc = read_document(raw, filename="c.txt")
    assert doc.blocks[0].text == "4.1 The Supplier shall cooperate with any cyber-security review and shall not obliga-tions."


def test_markdown_headings_lists_and_tables():
    md = """# Supply Agreement

## 4. Security

- The Vendor shall cooperate with the review.
- The Vendor shall not suspend supply.

| 中文 | English |
|---|---|
| 乙方应当配合审查。 | The Supplier shall cooperate. |
"""
    doc = read_document(md.encode(), filename="c.md")
    kinds = [(str(b.kind), b.text) for b in doc.blocks]
    assert kinds[:4] == [
        ("heading", "Supply Agreement"),
        ("heading", "4. Security"),
        ("list_item", "The Vendor shall cooperate with the review."),
        ("list_item", "The Vendor shall not suspend supply."),
    ]
    cells = [b for b in doc.blocks if b.table]
    assert [(c.table.row, c.table.column, c.text) for c in cells] == [
        (0, 0, "中文"), (0, 1, "English"), (1, 0, "乙方应当配合审查。"), (1, 1, "The Supplier shall cooperate.")]
    assert doc.blocks[3].section == "4"


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"", "a.txt", "empty-file"),
        (b"abc\x00\x01def\xff\xfe", "a.txt", "undecodable"),
        (b"\xff\xfe\xfd\x80\x81", "a.txt", "undecodable"),
        (b"{\\rtf1\\ansi hello}", "a.rtf", "unsupported-format"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "a.doc", "unsupported-format"),
        (b"hello", "a.docx", "not-a-docx"),
        (b"hello", "a.pdf", "not-a-pdf"),
    ],
)
def test_bad_text_input_gets_a_coded_error(data, name, code):
    with pytest.raises(DocumentError) as info:
        read_document(data, filename=name)
    assert info.value.code == code
    assert name in info.value.one_line()
    assert "\n" not in info.value.one_line()


def test_missing_file(tmp_path):
    with pytest.raises(DocumentError) as info:
        read_document(tmp_path / "nope.docx")
    assert info.value.code == "not-found"


def test_preamble_field_lines_stay_separate_blocks():
    raw = "技术服务合同\n甲方（需方）：华东电网数据中心有限公司\n乙方（供方）：星河网络科技有限公司\n地址：上海市浦东新区\nSupplier: Helix Networks Ltd.\n"
    doc = read_document(raw.encode(), filename="c.txt")
    assert [b.text for b in doc.blocks] == [
        "技术服务合同", "甲方（需方）：华东电网数据中心有限公司", "乙方（供方）：星河网络科技有限公司",
        "地址：上海市浦东新区", "Supplier: Helix Networks Ltd."]
