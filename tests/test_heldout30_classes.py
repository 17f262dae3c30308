"""The false-pass classes of held-out parts 30 and packs 24 (issues 10 and 15), fixed after the parts were scored once
with matcher-freeze-31 / packs-freeze-24. Every text is written here for the test in words of our own; none is taken
from the held-out cases.

- "服务供应商并无责任就客户须接受之网络安全审查提供协助": the 须 of an attributive clause (客户须接受之…) is the
  customer's, and binds no one in the sentence; what remains is a refusal.
- "the supply of the maintenance management software": "maintenance" naming a product is not the support.
- A ban that holds only while the supplier's people work at the buyer's site leaves remote control open.
- One class of field or security device (遥测终端（RTU）, 网络安全设备) named alone is one device class.
- Packs: signing a separate 《网络安全和保密协议》 later is no security obligation in this contract; no liability for a
  subcontractor's breaches ("乙方不承担连带责任") limits the supplier's liability wherever it stands; a correlation ban
  on the personal information only leaves the rest of the data open; a right to hand the operator's 资料 to
  subcontractors "毋须经甲方同意" contradicts the ban.
"""

from __future__ import annotations

import pytest
from class_helpers import text_verdict as _verdict

ZH = "采购人（甲方）：南江流域梯级水电开发有限公司\n\n供应商（乙方）：澜清自动化工程有限公司\n\n"
EN = ('This Master Supply Agreement is made between Western Grid Dispatch Co., Ltd. (the "Purchaser") and Halvorsen '
      'Energy Software AS (the "Supplier").\n\n')


@pytest.mark.parametrize("clause", [
    "12.1 服务供应商并无责任就客户须接受之任何网络安全审查或监管审查提供协助。",
    "12.1 服务供应商无义务就客户须接受的网络安全审查提供任何资料或协助。",
    "12.1 服务供应商并无责任就客户依法须接受之任何网络安全审查提供协助。",
    "12.1 服务供应商并无责任就客户须依法接受之任何网络安全审查提供协助。",
    "12.1 服务供应商并无责任就最终用户须接受之任何网络安全审查提供协助。",
])
def test_the_customers_duty_in_an_attributive_clause_binds_no_supplier(clause: str) -> None:
    assert _verdict("网络管理平台服务条款\n\n" + clause + "\n", "CSR01") == "contradicted"


def test_the_suppliers_own_duty_beside_an_attributive_clause_still_binds() -> None:
    text = ZH + "第九条 乙方应配合甲方就本项目申报的网络安全审查，乙方应提交的材料包括产品安全说明和供应链说明。\n"
    assert _verdict(text, "CSR01") == "satisfied"


@pytest.mark.parametrize(("clause", "expected"), [
    ("9.2 The Supplier shall not without justifiable reason interrupt the supply of the outage maintenance planning "
     "software.", "weak"),
    ("9.2 The Supplier shall not without justifiable reason interrupt the supply of the decision support system.",
     "weak"),
    ("9.2 The Supplier shall not without justifiable reason interrupt the supply of the Products or their maintenance.",
     "satisfied"),
    ("9.2 The Supplier shall not without justifiable reason interrupt the supply of the Products, the maintenance "
     "software or support.", "satisfied"),
    ("9.2 The Supplier shall not without justifiable reason cease to supply the Products or cease to support Purchaser "
     "systems.", "satisfied"),
])
def test_maintenance_naming_a_product_is_not_support(clause: str, expected: str) -> None:
    assert _verdict(EN + clause + "\n", "CSR04") == expected


@pytest.mark.parametrize(("clause", "expected"), [
    ("第十二条 乙方人员在甲方厂区巡检时，不得擅自操作甲方的监控主机和网络设备。", "weak"),
    ("第十二条 乙方人员在甲方现场或者远程提供服务时，不得擅自操作甲方的监控主机和网络设备。", "satisfied"),
    ("第十二条 乙方人员在甲方变电站现场工作时，不得擅自操作甲方的监控主机和网络设备。", "weak"),
])
def test_a_ban_that_holds_only_on_site_is_weak(clause: str, expected: str) -> None:
    assert _verdict(ZH + clause + "\n", "CSR03") == expected


@pytest.mark.parametrize("opening", ["When working on the Purchaser's substation premises, the Supplier",
                                     "When on-site, the Supplier"])
def test_an_english_ban_that_holds_only_on_site_is_weak(opening: str) -> None:
    text = EN + f"7.4 {opening} shall not operate, reconfigure or switch any Purchaser equipment without the Purchaser's " \
                "written consent.\n"
    assert _verdict(text, "CSR03") == "weak"
    plain = EN + "7.4 The Supplier shall not operate, reconfigure or switch any Purchaser equipment without the " \
                 "Purchaser's written consent.\n"
    assert _verdict(plain, "CSR03") == "satisfied"


@pytest.mark.parametrize(("clause", "expected"), [
    ("第十条 乙方承诺不对甲方的水情遥测终端（RTU）实施远程控制。", "weak"),
    ("第十条 乙方保证不对其交付的网络安全设备进行远程控制或者策略变更，但经甲方书面同意的除外。", "weak"),
    ("第十条 乙方承诺不对甲方的遥测终端、中心站服务器及其他网络设备实施远程控制。", "satisfied"),
])
def test_one_class_of_device_named_alone_is_partial(clause: str, expected: str) -> None:
    assert _verdict(ZH + clause + "\n", "CSR03") == expected


PACK_ZH = "甲方（运营者）：北城热力集团有限公司\n\n乙方（服务商）：恒泰热网信息技术有限公司\n\n"


@pytest.mark.parametrize(("text", "rule", "pack", "expected"), [
    # a separate agreement to be signed later: nothing of it is in this contract
    (PACK_ZH + "3. 乙方中标后将按甲方要求另行签订《信息安全和保密协议》，并遵守该协议。\n", "SEC01", "security-agreement",
     ("weak", "missing")),
    # liability for its own breaches, none for its subcontractors'
    (PACK_ZH + "9.1 乙方违反本合同约定的，应赔偿甲方因此遭受的全部损失。\n\n4.3 经甲方同意，乙方可将换热站巡检分包给具备资质"
     "的单位；分包单位违反安全保密约定的，由其自行向甲方承担责任，乙方不承担连带责任。\n", "SEC04", "security-agreement", ("weak",)),
    # correlation of the personal information only
    (PACK_ZH + "第六条 未经甲方同意，乙方不得将热用户数据中的个人信息与其他数据进行关联分析。\n", "ND03", "network-data",
     ("weak",)),
    # the data handed to subcontractors with the operator's consent expressly not needed
    (PACK_ZH + "第七条 未经甲方书面同意，乙方不得访问、留存、使用或者泄露甲方资料。\n\n第八条 乙方可毋须经甲方同意，将部分"
     "工作分包予其选定的单位，并向该单位提供履行分包工作所需的甲方资料。\n", "ND02", "network-data", ("contradicted", "weak")),
])
def test_pack_classes_of_part_30(text: str, rule: str, pack: str, expected: tuple[str, ...]) -> None:
    assert _verdict(text, rule, pack) in expected


def test_correlating_the_data_including_its_personal_information_is_banned_whole() -> None:
    text = PACK_ZH + "第六条 未经甲方同意，乙方不得将热用户数据（包括其中的个人信息）与其他数据进行关联分析。\n"
    assert _verdict(text, "ND03", "network-data") == "satisfied"


@pytest.mark.parametrize(("text", "rule", "pack", "expected"), [
    # the buyer disclaiming, not the supplier: the supplier's liability stands
    (PACK_ZH + "9.1 乙方违反本合同安全保密约定的，应赔偿甲方因此遭受的全部损失。\n\n4.3 分包单位造成损失的，由乙方承担全部赔偿"
     "责任，甲方对此不承担任何责任。\n", "SEC04", "security-agreement", "satisfied"),
    (EN + "9.1 The Supplier shall indemnify the Purchaser for all losses arising from its breach of the security and "
     "confidentiality obligations.\n\n4.3 The Purchaser shall not be liable for any act of the subcontractors.\n",
     "SEC04", "security-agreement", "satisfied"),
    # a ban, not a right: 不可未经…同意
    (PACK_ZH + "第七条 乙方不可未经甲方书面同意，向任何第三方提供或者披露甲方资料。\n", "ND02", "network-data", "weak"),
])
def test_the_part_30_pack_patterns_read_only_the_supplier(text: str, rule: str, pack: str, expected: str) -> None:
    assert _verdict(text, rule, pack) == expected
