"""Section numbers: what a lawyer would call the clause a block belongs to."""

from __future__ import annotations

import pytest

from cliccheck.model import Block, BlockKind, TableCell
from cliccheck.normalize import detect_language
from cliccheck.sections import assign_sections, parse_label


@pytest.mark.parametrize(
    ("text", "label", "relative"),
    [
        ("第四条 网络安全审查", "第四条", False),
        ("第十二条　乙方的义务", "第十二条", False),
        ("一、总则", "一、", False),
        ("（一）乙方应当配合审查；", "（一）", True),
        ("(2) the Vendor shall", "(2)", True),
        ("4.1 The Supplier shall", "4.1", False),
        ("4.1.2. Support", "4.1.2", False),
        ("12. Termination", "12", False),
        ("Clause 12 Security Review", "Clause 12", False),
        ("ARTICLE 5 - SUPPLY", "Article 5", False),
        ("(a) not obtain user data", "(a)", True),
        ("(iv) not suspend", "(iv)", True),
        # an article inserted without renumbering the rest (redline --after)
        ("5A. No Illegal Acquisition of User Data", "5A", False),
        ("5A.1 The Supplier undertakes", "5A.1", False),
        ("7.2A The Supplier shall", "7.2A", False),
        ("第五条之一 不非法获取用户数据", "第五条之一", False),
    ],
)
def test_parse_label(text, label, relative):
    parsed = parse_label(text)
    assert parsed is not None
    assert parsed.text == label
    assert parsed.relative is relative


@pytest.mark.parametrize("text", ["2026年1月1日", "100 units", "The Supplier shall", "3.5%的违约金", "1",
                                  "5G networks shall be supported", "5A"])
def test_not_labels(text):
    assert parse_label(text) is None


def test_roman_after_h_is_a_letter():
    assert parse_label("(i) item", after_letter="h").level == 3
    assert parse_label("(i) item").level == 4


def _blocks(*texts, **kw):
    blocks = [Block(t, language=detect_language(t), **kw) for t in texts]
    assign_sections(blocks)
    return blocks


def test_relative_labels_compose_with_their_parent():
    blocks = _blocks("第四条 网络安全审查", "乙方承诺：", "（一）配合网络安全审查；", "（二）不得非法获取用户数据。",
                     "第五条 其他", "本合同一式两份。")
    assert [b.section for b in blocks] == ["第四条", "第四条", "第四条（一）", "第四条（二）", "第五条", "第五条"]
    assert blocks[1].section_title == "网络安全审查"


def test_english_hierarchy():
    blocks = _blocks("4. Security", "4.1 The Vendor undertakes that it shall:", "(a) cooperate;",
                     "(b) not obtain data.", "4.2 Further.", "Unnumbered paragraph.")
    assert [b.section for b in blocks] == ["4", "4.1", "4.1(a)", "4.1(b)", "4.2", "4.2"]


def test_bilingual_alternating_paragraphs_keep_separate_numbering():
    blocks = _blocks("第四条 网络安全审查", "Article 4 Cybersecurity Review", "（一）乙方应配合审查。",
                     "(a) The Supplier shall cooperate.")
    assert [b.section for b in blocks] == ["第四条", "Article 4", "第四条（一）", "Article 4(a)"]


def test_parallel_table_columns_keep_separate_numbering():
    cells = [("第四条 审查", 0), ("Article 4 Review", 1), ("（一）乙方应配合。", 0), ("(a) The Supplier shall.", 1)]
    blocks = [Block(t, kind=BlockKind.TABLE_CELL, table=TableCell(0, i // 2, col), language=detect_language(t))
              for i, (t, col) in enumerate(cells)]
    assign_sections(blocks)
    assert [b.section for b in blocks] == ["第四条", "Article 4", "第四条（一）", "Article 4(a)"]


def test_headers_and_footers_do_not_move_the_numbering():
    blocks = [Block("第四条 审查", language="zh"), Block("第 3 页", kind=BlockKind.FOOTER, language="zh"),
              Block("乙方应配合。", language="zh")]
    assign_sections(blocks)
    assert blocks[1].section is None
    assert blocks[2].section == "第四条"


def test_chinese_items_numbered_with_digits_under_an_article():
    blocks = _blocks("第四条 乙方义务", "1. 配合审查；", "2. 不得中断供货。")
    assert [b.section for b in blocks] == ["第四条", "第四条1.", "第四条2."]


def test_party_numbers_in_a_preamble_do_not_govern_the_recitals():
    blocks = _blocks("This Agreement is made between:", "(1) Northbridge Systems Ltd. (the Supplier); and",
                     "(2) Jiangnan Grid Data Co., Ltd. (the Customer).",
                     "Whereas the Customer operates critical information infrastructure.",
                     "1. Definitions", "In this Agreement the following terms apply.", "(a) Products;",
                     "Each term applies to its plural.")
    assert [b.section for b in blocks] == [None, "(1)", "(2)", None, "1", "1", "1(a)", "1(a)"]
    zh = _blocks("（一）甲方：江南电网数据有限公司", "（二）乙方：北桥系统有限公司", "鉴于甲方为关键信息基础设施运营者，",
                 "第一条 定义", "本合同中下列用语含义如下。")
    assert [b.section for b in zh] == ["（一）", "（二）", None, "第一条", "第一条"]


def _sections_of(texts: list[str]) -> list[str | None]:
    from cliccheck.model import Block
    from cliccheck.normalize import detect_language

    blocks = [Block(text=x, language=detect_language(x)) for x in texts]
    assign_sections(blocks)
    return [b.section for b in blocks]


def test_annex_headings_are_sections_zh() -> None:
    """附件一 is a section of its own, not part of the last clause (issue 12); clauses in it are cited with it."""
    got = _sections_of(["第十二条 其他", "（二）本合同一式两份。", "附件一：产品清单", "1. 服务器十台。",
                        "附件二：安全承诺", "第三条 乙方承诺不中断供货。"])
    assert got[2] == "附件一"
    assert got[3] is not None and got[3].startswith("附件一")
    assert got[5] == "附件二 第三条"


def test_annex_headings_are_sections_en() -> None:
    got = _sections_of(["12.2 This Agreement is made in two copies.", "Schedule 1 - Products",
                        "3. Ten servers.", "Schedule 1 sets out the Products."])
    assert got[1] == "Schedule 1"
    assert got[2] == "Schedule 1 item 3"
    assert parse_label("Schedule 1 sets out the Products.") is None
    assert parse_label("Schedule of Rates") is None


def test_chinese_items_numbered_yi_er_under_an_article_belong_to_it():
    """A refusal in item 二 of an article must be read with the undertaking of item 一 (one clause), while a
    一、/二、 chapter list outside an article stays a top level."""
    blocks = _blocks("第十二条 审查配合", "一、乙方应配合网络安全审查。", "二、乙方可拒绝提供源代码。", "第十三条 其他",
                     "二、合同价款")
    assert [b.section for b in blocks] == ["第十二条", "第十二条一、", "第十二条二、", "第十三条", "二、"]
    assert blocks[1].section_title == "审查配合"


def test_lettered_articles_are_sections_of_their_own():
    """Issue 11: the articles redline --after inserts ("5A", "第五条之一") and their sub-clauses are sections of their
    own, not more of article 5 ("5.1", "第五条1.")."""
    blocks = _blocks("5. Security", "5.1 The Vendor shall cooperate.", "5A. No Illegal Acquisition of User Data",
                     "5A.1 The Vendor shall not obtain user data.", "6. Other")
    assert [b.section for b in blocks] == ["5", "5.1", "5A", "5A.1", "6"]
    blocks = _blocks("第五条 网络安全", "第五条之一 不非法获取用户数据", "乙方不得非法获取用户数据。", "第五条之规定不适用。")
    assert [b.section for b in blocks] == ["第五条", "第五条之一", "第五条之一", "第五条"]
