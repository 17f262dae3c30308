"""Sentences and enumerations, with Chinese punctuation and contract numbering."""

from __future__ import annotations

from cliccheck.readers import read_document
from cliccheck.segment import segment, split_sentences


def _texts(text: str) -> list[str]:
    return [text[a:b] for a, b, _ in split_sentences(text)]


def test_english_abbreviations_and_numbers_do_not_split() -> None:
    text = "Northbridge Systems Ltd. shall, e.g. under No. 5 and Clause 4.1, cooperate. It shall not; and the rest."
    assert _texts(text) == ["Northbridge Systems Ltd. shall, e.g. under No. 5 and Clause 4.1, cooperate.",
                            "It shall not;", "and the rest."]


def test_chinese_punctuation_and_lead_in() -> None:
    spans = split_sentences("乙方承诺：（一）配合网络安全审查；（二）不得获取用户数据。其他。")
    text = "乙方承诺：（一）配合网络安全审查；（二）不得获取用户数据。其他。"
    assert [text[a:b] for a, b, _ in spans] == ["乙方承诺：", "（一）配合网络安全审查；", "（二）不得获取用户数据。", "其他。"]
    assert [lead for *_, lead in spans] == [True, False, False, False]


def test_items_in_following_blocks_get_the_lead_in() -> None:
    doc = read_document(b"4.1 The Vendor undertakes that it shall:\n\n(a) cooperate with any review;\n\n"
                        b"(b) not collect user data.\n\n4.2 Payment is due monthly.\n", filename="c.txt")
    sentences = segment(doc)
    lead = sentences[0]
    assert lead.is_lead_in
    assert sentences[1].lead_in is lead and sentences[2].lead_in is lead
    assert sentences[3].lead_in is None


def test_mixed_block_is_split_by_language() -> None:
    doc = read_document("9.1 The Vendor shall cooperate with any cybersecurity review. 乙方应当配合网络安全审查。\n"
                        .encode(), filename="c.txt")
    langs = [s.language for s in segment(doc)]
    assert langs == ["en", "zh"]


def test_items_under_a_lead_in_with_mixed_numbering() -> None:
    # "第八条" then "8.1 …：" then "（一）…": the items are filed under 第八条 but belong to the 8.1 lead-in
    doc = read_document("第八条 乙方的权利\n\n8.1 乙方享有下列权利：\n\n（一）依照第二条的约定暂停发货；\n\n"
                        "（二）无需任何理由随时终止技术支持服务。\n\n8.2 甲方应按期付款。\n".encode(), filename="c.txt")
    by_text = {s.text: s for s in segment(doc)}
    assert by_text["（二）无需任何理由随时终止技术支持服务。"].lead_in.text == "8.1 乙方享有下列权利："
    assert by_text["8.2 甲方应按期付款。"].lead_in is None


def test_inline_item_number_before_chinese_text_is_not_a_full_stop() -> None:
    # "第五条 网络安全审查 1.供方应当…": the "1." numbers the item; cutting there left the item number as a
    # sentence of its own and the override below ("2.尽管有前款约定") lost the undertaking it points back to
    assert _texts("第五条 网络安全审查 1.供方应当配合网络安全审查。2.尽管有前款约定，供方有权拒绝。") == [
        "第五条 网络安全审查 1.供方应当配合网络安全审查。", "2.尽管有前款约定，供方有权拒绝。"]
    assert _texts("违约金为合同价款的0.5%。乙方应当交付。") == ["违约金为合同价款的0.5%。", "乙方应当交付。"]


def test_interleaved_bilingual_items_keep_their_own_language_lead_in() -> None:
    doc = read_document("我司谨此承诺：\n\nWe hereby undertake that:\n\n1. 配合贵司开展网络安全审查；\n\n"
                        "1. we will cooperate with your cybersecurity review;\n\n其他事项。\n".encode(), filename="c.txt")
    sentences = segment(doc)
    zh_lead, en_lead, zh_item, en_item = sentences[:4]
    assert zh_lead.is_lead_in and en_lead.is_lead_in
    assert zh_item.lead_in is zh_lead and en_item.lead_in is en_lead
    assert sentences[4].lead_in is None


def test_article_lead_in_governs_its_numbered_sub_clauses() -> None:
    doc = read_document("第九条 供应商承诺：\n\n9.1 配合采购人开展网络安全审查；\n\n9.2 不非法获取用户数据。\n\n"
                        "第十条 其他。\n\n10.1 付款。\n".encode(), filename="c.txt")
    sentences = segment(doc)
    lead = sentences[0]
    assert lead.is_lead_in
    assert sentences[1].lead_in is lead and sentences[2].lead_in is lead
    assert all(s.lead_in is None for s in sentences[3:])
