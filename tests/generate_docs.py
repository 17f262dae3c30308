"""Realistic draft contracts (DOCX bytes) for the annex and redline tests.

Each draft has what the redline must survive: clauses split across runs
with different formatting, a header, a table, a comment and a tracked
insertion by another author, and a mix of missing, weak and contradicting
undertakings. Built with python-docx so the tests need no binary fixtures.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt, RGBColor

OTHER_AUTHOR = "Zhang San (buyer counsel)"


def _tracked_insertion(paragraph, text: str, rev_id: int = 901) -> None:  # type: ignore[no-untyped-def]
    """Append an existing tracked insertion by another author to ``paragraph``."""
    paragraph._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="{rev_id}" w:author="{OTHER_AUTHOR}" w:date="2025-12-01T08:00:00Z">'
        f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>'))


def _tracked_deletion(paragraph, text: str, rev_id: int = 902) -> None:  # type: ignore[no-untyped-def]
    paragraph._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="{rev_id}" w:author="{OTHER_AUTHOR}" w:date="2025-12-01T08:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'))


def _save(document) -> bytes:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def zh_contract() -> bytes:
    """Chinese draft: 甲方 buys, 乙方 supplies; CSR01 weak, CSR04 contradicted, CSR02/03 missing."""
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "合同编号：HT-2026-0158    机密"
    d.add_heading("网络安全设备采购合同", 0)
    d.add_paragraph("合同编号：HT-2026-0158")
    d.add_paragraph("甲方（采购方）：北京星河数据科技有限公司")
    d.add_paragraph("乙方（供应方）：上海云栈网络设备有限公司")
    d.add_heading("第一条 合同标的", 1)
    p = d.add_paragraph("乙方向甲方供应防火墙设备二十台及配套软件，并提供三年维保服务。")
    _tracked_insertion(p, "设备型号以附件一为准。")
    d.add_heading("第二条 交付与验收", 1)
    p = d.add_paragraph("乙方应于合同生效后三十日内交付全部设备。")
    p.add_run("甲方应在收到设备后十个工作日内组织验收。")
    d.add_heading("第三条 技术支持", 1)
    p = d.add_paragraph("维保期内乙方提供7×24小时远程技术支持。")
    bold = p.add_run("乙方有权随时暂停供货或者中止技术支持服务")
    bold.bold = True
    p.add_run("，无需事先通知甲方。")
    p.add_run("双方应就备件供应另行协商。")
    d.add_heading("第四条 网络安全", 1)
    p = d.add_paragraph("乙方将尽力配合甲方的网络安全审查。")
    d.add_comment(p.runs, text="请乙方确认。", author=OTHER_AUTHOR, initials="ZS")
    table = d.add_table(rows=2, cols=2)
    table.style = d.styles["Table Grid"]
    table.cell(0, 0).text = "付款节点"
    table.cell(0, 1).text = "比例"
    table.cell(1, 0).text = "验收合格后"
    table.cell(1, 1).text = "100%"
    d.add_heading("第五条 争议解决", 1)
    p = d.add_paragraph("因本合同引起的争议，提交甲方所在地人民法院诉讼解决。")
    _tracked_deletion(p, "或者仲裁。")
    d.add_paragraph("甲方（盖章）：北京星河数据科技有限公司")
    d.add_paragraph("乙方（盖章）：上海云栈网络设备有限公司")
    return _save(d)


def en_contract() -> bytes:
    """English draft: Vendor/Customer; CSR01 weak, CSR04 contradicted, CSR02/03 missing."""
    d = docx.Document()
    d.sections[0].footer.paragraphs[0].text = "Confidential - Master Supply Agreement"
    d.add_heading("Master Supply Agreement", 0)
    d.add_paragraph('This Agreement is made between Beijing Galaxy Data Co., Ltd. (the "Customer") and '
                    'Northbridge Systems Ltd. (the "Vendor").')
    d.add_heading("1. Supply", 1)
    p = d.add_paragraph("The Vendor shall deliver the Products listed in Schedule 1. ")
    r = p.add_run("The Vendor may suspend support services at any time")
    r.italic = True
    r.font.color.rgb = RGBColor(0x1F, 0x3A, 0x93)
    p.add_run(" and without notice. ")
    p.add_run("Delivery terms are DAP Beijing.")
    d.add_heading("2. Cybersecurity", 1)
    p = d.add_paragraph("The Vendor will use commercially reasonable efforts to cooperate with any "
                        "cybersecurity review.")
    p.runs[0].font.size = Pt(11)
    d.add_comment(p.runs, text="Too weak?", author=OTHER_AUTHOR, initials="ZS")
    d.add_heading("3. Governing Law", 1)
    p = d.add_paragraph("This Agreement is governed by the laws of the People's Republic of China.")
    _tracked_insertion(p, " Disputes go to CIETAC in Beijing.")
    d.add_paragraph("Customer: Beijing Galaxy Data Co., Ltd.")
    d.add_paragraph("Vendor: Northbridge Systems Ltd.")
    return _save(d)


def bilingual_contract() -> bytes:
    """Alternating Chinese and English paragraphs; 甲方 is the SUPPLIER here (roles reversed)."""
    d = docx.Document()
    d.add_heading("软件许可及技术服务合同 Software Licence and Technical Services Contract", 0)
    d.add_paragraph("甲方（供方）：深圳启明软件有限公司")
    d.add_paragraph("Party A (the Supplier): Shenzhen Qiming Software Co., Ltd.")
    d.add_paragraph("乙方（需方）：国网某省电力有限公司")
    d.add_paragraph("Party B (the Buyer): State Grid Province Electric Power Co., Ltd.")
    d.add_heading("第一条 许可 Clause 1 Licence", 1)
    d.add_paragraph("甲方授予乙方非独占的软件使用许可。")
    d.add_paragraph("Party A grants Party B a non-exclusive licence to use the Software.")
    d.add_heading("第二条 服务 Clause 2 Services", 1)
    d.add_paragraph("甲方可以根据自身商业安排随时终止技术支持服务。")
    d.add_paragraph("Party A may terminate the technical support services at any time at its sole discretion.")
    d.add_heading("第三条 语言 Clause 3 Language", 1)
    d.add_paragraph("本合同以中英文书就，两种文本不一致的，以中文文本为准。")
    d.add_paragraph("This Contract is made in Chinese and English; the Chinese text prevails.")
    return _save(d)


DRAFTS: dict[str, Callable[[], bytes]] = {
    "zh": zh_contract,
    "en": en_contract,
    "bilingual": bilingual_contract,
}
