"""The false-pass classes of held-out part 47 and packs part 41 (issues 10 and 15), fixed after they were scored once
with matcher-freeze-48 / packs-freeze-41. Every text is written here for the test in words of our own; none is
taken from the held-out cases.

- A buyer's notice to "各有关供应商" saying what a commitment letter "至少应当载明" is a requirement on documents,
  not an undertaking (common.yaml ``plural_address`` and ``required_contents``).
- (pipl21) A standing leave to hand the processing to named others ("服务商可委托其关联公司及合作伙伴处理服务数据")
  contradicts PIPL21-05, unless it is given only with the operator's consent.

Reported, not fixed (labelling differences, see the README): a purpose limit "除为履行本合同合理需要外" read as
satisfied for PIPL21-03; a network-data ban "在…服务期间" whose agreement ends with the main contract read as
satisfied for ND02.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict


def test_a_notice_saying_what_commitment_letters_must_contain_binds_no_supplier() -> None:
    text = ("某港口集团有限公司\n\n各有关供应商：\n\n本公司码头操作系统已被认定为关键信息基础设施，现通知如下：\n\n"
            "一、参与相关采购的供应商，应在报价文件中附具网络安全承诺函。\n\n二、承诺函至少应当载明：配合网络安全审查；"
            "不借提供产品和服务之便非法获取本公司数据；不非法控制、操纵本公司设备；无正当理由不中断产品供应。\n\n特此通知。\n")
    for rid in ("CSR01", "CSR02", "CSR03", "CSR04"):
        assert _verdict(text, rid) == "missing", rid


PIPL = "甲方（委托方）：某商业银行股份有限公司\n\n乙方（受托方）：某身份核验科技有限公司\n\n"


def test_a_standing_leave_to_entrust_named_others_contradicts_pipl21_05() -> None:
    text = PIPL + ("第八条 乙方不得将本合同项下的个人信息处理工作转委托第三方。\n\n第九条 乙方可委托其关联公司及合作伙伴处理"
                   "核验数据（含客户人脸图像）。\n")
    assert _verdict(text, "PIPL21-05", pack="pipl21") == "contradicted"


@pytest.mark.parametrize("text", [
    PIPL + "第八条 未经甲方书面同意，乙方不得将个人信息处理工作转委托第三方；经甲方书面同意的，乙方可委托其关联公司处理，"
           "并对其处理行为承担责任。\n",
    PIPL + "第八条 乙方不得将个人信息处理工作转委托第三方。\n",
])
def test_a_leave_given_only_with_consent_is_no_contradiction(text: str) -> None:
    assert _verdict(text, "PIPL21-05", pack="pipl21") != "contradicted"


def test_a_ban_on_entrusting_others_is_no_leave() -> None:
    text = PIPL + "第八条 未经甲方事先书面同意，乙方不得将本合同项下的任何个人信息处理工作委托第三方处理。\n"
    assert _verdict(text, "PIPL21-05", pack="pipl21") == "satisfied"
