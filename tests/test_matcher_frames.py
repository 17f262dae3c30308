"""Clause frames and fail-closed accounting (issue 10), and the linear-time bound on long sentences (issue 9 §3)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from _helpers import contract
from click.testing import CliRunner

from cliccheck.cli import cli
from cliccheck.errors import ConfigError
from cliccheck.library import load_library
from cliccheck.matcher import check_document
from cliccheck.matcher.frames import leftover
from cliccheck.readers import read_document

ROOT = Path(__file__).resolve().parents[1]


def _result(clause: str, lang: str, rule: str):  # type: ignore[no-untyped-def]
    return check_document(read_document(contract(clause, lang), filename="case.txt")).requirement(rule)


# Qualifiers no weakening list names: each must leave the undertaking weak, naming the words a lawyer should read.
UNKNOWN_QUALIFIERS = [
    ("en", "CSR02", "9.1 The Vendor shall not collect user data, in each case only to the extent that, in the "
                    "Vendor's judgment, such collection is unlawful.", "judgment"),
    ("en", "CSR02", "9.1 The Vendor shall not access any personal information of users, subject always to the "
                    "Vendor's Global Data Policy as amended from time to time.", "Global Data Policy"),
    ("en", "CSR01", "9.1 The Vendor shall cooperate with any cybersecurity review, it being understood that this is "
                    "an obligation of means.", "understood"),
    ("en", "CSR01", "9.1 The Vendor shall cooperate with any cybersecurity review, limited to providing copies of its "
                    "public datasheets.", "public datasheets"),
    ("en", "CSR03", "9.1 The Vendor shall not remotely control the Customer's equipment. Any access under Clause 4 "
                    "shall be deemed lawful.", "deemed lawful"),
    ("en", "CSR02", "9.1 The Vendor shall not collect user data. The foregoing shall not apply to maintenance data.",
     "not"),
    ("en", "CSR01", "9.1 The Vendor shall cooperate with any cybersecurity review and supply the information reasonably "
                    "required by the Vendor.", "reasonably"),
    ("zh", "CSR03", "第九条 乙方不得恶意控制甲方的设备。", "恶意"),
    ("zh", "CSR02", "第九条 乙方不得在交付后12个月内收集用户数据。", "个月"),
    ("zh", "CSR02", "第九条 乙方不得收集用户数据。乙方不受上述约定约束。", "约束"),
    ("en", "CSR04", "9.1 The Vendor shall not suspend the supply of the Products or technical support without "
                    "justifiable reason. A justifiable reason includes any reason the Vendor considers commercially "
                    "appropriate.", "considers"),
    ("zh", "CSR02", "第九条 乙方不得收集甲方的用户数据。乙方为产品改良目的调取的数据，视为已获甲方授权。", "视为"),
    ("zh", "CSR01", "第九条 乙方应当配合网络安全审查，但以乙方集团全球政策允许的范围为限。", "集团"),
]


@pytest.mark.parametrize("lang,rule,clause,word", UNKNOWN_QUALIFIERS, ids=[c[2][4:40] for c in UNKNOWN_QUALIFIERS])
def test_unknown_qualifier_is_weak_and_named(lang: str, rule: str, clause: str, word: str) -> None:
    result = _result(clause, lang, rule)
    assert str(result.verdict) == "weak", result.message
    # the words a lawyer must read are named: as unrecognised, or as a weakener or carve-out the library knows
    details = [r.detail for r in result.reasons if r.code in ("unrecognised-qualifier", "weakened-by", "carve-out")]
    assert any(word in d for d in details), result.reasons


# Known-safe complements: the undertaking stays satisfied.
SAFE = [
    ("en", "CSR01", "9.1 The Vendor represents, warrants and undertakes that it shall cooperate fully with any "
                    "cybersecurity review relating to the Products, including by providing the documents the "
                    "competent authorities request within five working days."),
    ("en", "CSR02", "9.1 The Vendor shall not, without the Customer's prior written consent, collect, access or "
                    "transfer any user data by means of the Products."),
    ("en", "CSR04", "9.1 The Vendor shall not, without justifiable reason, suspend the supply of the Products or the "
                    "technical support services, except where the Customer fails to pay after written notice or in "
                    "case of force majeure."),
    ("zh", "CSR01", "第九条 如甲方申报网络安全审查，乙方应当积极配合，并如实提供审查所需的全部材料。"),
    ("zh", "CSR03", "第九条 未经甲方书面同意，乙方及其工作人员不得以任何方式远程访问、控制或者操纵甲方的设备和系统。"),
    ("zh", "CSR04", "第九条 乙方承诺无正当理由不中断产品供应或者必要的技术支持服务，但甲方经书面催告仍未付款的除外。"),
    ("en", "CSR04", "9.1 The Vendor shall not suspend the supply of the Products or technical support without "
                    "justifiable reason. Sanctions and foreign laws are not justifiable reasons."),
    ("zh", "CSR04", "第九条 乙方无正当理由不得中断产品供应和技术支持服务。本条所称正当理由，仅限于甲方经书面催告后仍未付款、"
                    "不可抗力或者中华人民共和国法律禁止。"),
    ("en", "CSR02", "9.1 The Vendor shall not collect user data. The Vendor shall not sell or disclose such data."),
    # harmless classes: the statute's wording and lawful bases, scope tied to the contract, the authority's requests
    ("en", "CSR02", "9.1 The Vendor shall not, without lawful authority, obtain any data of the Customer's users in "
                    "violation of PRC law."),
    ("en", "CSR01", "9.1 The Vendor shall cooperate with any cybersecurity review of the procurement contemplated by "
                    "this Agreement and supply the information reasonably requested by the reviewing authority."),
    ("en", "CSR03", "9.1 Under no circumstances shall the Vendor, through firmware or management software, unlawfully "
                    "control the Customer's equipment."),
    # sibling items of one lead-in are separate undertakings: the next item's negation is not a rider
    ("zh", "CSR01", "第九条 乙方承诺：（一）配合甲方开展的网络安全审查；（二）不非法获取甲方用户的数据。"),
]


@pytest.mark.parametrize("lang,rule,clause", SAFE, ids=[c[2][4:40] for c in SAFE])
def test_known_safe_complements_stay_satisfied(lang: str, rule: str, clause: str) -> None:
    result = _result(clause, lang, rule)
    assert str(result.verdict) == "satisfied", result.message


def test_leftover_groups_adjacent_words_and_skips_numbers() -> None:
    text = "The Vendor shall not, in its sole judgment, collect data within 12 days."
    start = text.index("collect")
    assert leftover(text, [(0, 20), (start, start + 12)], "en") == ["in its sole judgment", "within 12 days"]
    assert leftover("乙方不得在12个月内收集", [(0, 5), (10, 12)], "zh") == ["个月内"]
    assert leftover("第9.1条", [], "zh") == ["第9.1条"] and leftover("9.1 (a)", [], "en") == []
    # a lettered clause number opening the text is its own label (redline --after: "5A.1"); elsewhere it is words
    assert leftover("5A.1 The Vendor", [(5, 15)], "en") == [] and leftover("7.2A The Vendor", [(5, 15)], "en") == []
    assert leftover("5G networks", [(3, 11)], "en") == ["5G"]
    assert leftover("The Vendor, 5A.1", [(0, 10)], "en") == ["5A"]


def test_an_undertaking_numbered_5a_1_is_satisfied() -> None:
    """Issue 11: the sub-clauses redline --after types under a new article "5A" ("5A.1 The Vendor shall not …") are
    judged as "5.1 …" is; the number was an unrecognised qualifier, so accepting the redline left the draft weak."""
    clause = "The Vendor shall not use its position as supplier to obtain user data unlawfully."
    assert str(_result(f"9.1 {clause}", "en", "CSR02").verdict) == "satisfied"
    assert str(_result(f"9A.1 {clause}", "en", "CSR02").verdict) == "satisfied"


def test_frame_is_recorded_on_the_reading() -> None:
    from cliccheck.matcher.frames import trace_document

    doc = read_document(contract("第九条 乙方不得恶意控制甲方的设备。", "zh"), filename="case.txt")
    readings = [a for _, a in trace_document(doc, load_library()) if a.requirement == "CSR03" and a.frame]
    assert readings
    frame = readings[0].frame
    assert (frame.actor, frame.modality, frame.polarity) == ("supplier", "binding", "negative")
    assert frame.leftover == ["恶意"]
    assert frame.to_dict()["objects"]


def test_explain_trace_shows_the_frame(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_bytes(contract("9.1 The Vendor shall not collect user data, save as its global policy permits.", "en"))
    out = CliRunner().invoke(cli, ["explain", "--trace", str(path)])
    assert out.exit_code == 0, out.output
    for part in ("actor: supplier", "modality: binding", "polarity negative", "act: collect", "leftover:"):
        assert part in out.output
    missing = CliRunner().invoke(cli, ["explain", "--trace", str(tmp_path / "none.txt")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output
    assert CliRunner().invoke(cli, ["explain"]).exit_code == 2


def test_frames_file_is_validated(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    shutil.copytree(ROOT / "clause_library", lib)
    text = (lib / "frames.yaml").read_text(encoding="utf-8")
    (lib / "frames.yaml").write_text(text.replace("back_references:", "back_refs:"), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"frames\.yaml"):
        load_library(lib)
    (lib / "frames.yaml").write_text(text.replace("polarity: [positive]", "polarity: [sideways]"), encoding="utf-8")
    with pytest.raises(ConfigError, match="sideways"):
        load_library(lib)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_long_trigger_word_sentence_is_linear(lang: str) -> None:
    unit = ("the Vendor shall not suspend the supply of products or technical support, may collect user data, "
            "control the equipment, cooperate with the cybersecurity review, except for non-payment, "
            if lang == "en" else
            "乙方不得中断产品供应和技术支持服务，有权收集用户数据，控制设备，配合网络安全审查，但甲方未付款的除外，")
    def cpu_seconds(size: int) -> tuple[float, Any]:
        clause = ("9.1 " if lang == "en" else "第九条 ") + unit * (size // len(unit.encode("utf-8")) + 1)
        doc = read_document(contract(clause, lang), filename="case.txt")
        started = time.process_time()
        result = check_document(doc)
        return time.process_time() - started, result

    half, _ = cpu_seconds(50_000)
    whole, result = cpu_seconds(100_000)
    # linear: twice the text costs about twice the time (a quadratic reading would cost four times); the absolute
    # bound only catches a runaway (measured 2026-12-06: 4.8-5.1 s CPU for the 100 KB English sentence)
    assert whole < 3.0 * half, (half, whole)
    assert whole < 20.0
    # read in windows: nothing in a sentence that long is satisfied
    assert all(str(r.verdict) != "satisfied" for r in result.requirements)


# Ordinary drafting (issue 10 §3-4): defined terms, restrictive permissions, nominalised duties, negation scope.
ORDINARY = [
    ("en", "CSR04", "satisfied", '1.2 "Services" means the hosting services and the technical support services described '
                                 "in Schedule 2.\n\n9.1 The Vendor shall not interrupt the supply of the Products or the "
                                 "Services without justifiable reason."),
    ("zh", "CSR04", "satisfied", "第一条 “服务”是指本合同项下的云服务及技术支持服务。\n\n第九条 乙方无正当理由不得中断产品和服务的供应。"),
    ("zh", "CSR04", "weak", "第一条 “服务”是指本合同项下的云服务及技术支持服务。\n\n第九条 乙方无正当理由不得中断服务器的供应。"),
    ("en", "CSR04", "satisfied", "9.1 The Vendor may suspend supply of the Products or technical support only where the "
                                 "Customer has failed to pay for 60 days after notice or in force majeure."),
    ("en", "CSR04", "contradicted", "9.1 The Vendor may suspend supply of the Products or technical support only where "
                                    "the Vendor decides."),
    ("en", "CSR01", "satisfied", "9.1 Full and timely cooperation with any cybersecurity review is a continuing "
                                 "obligation of the Vendor."),
    ("en", "CSR02", "satisfied", "9.1 No data relating to end users shall be collected by the Vendor."),
    ("en", "CSR02", "satisfied", "9.1 The Vendor shall not collect, use or authorise any third party to use user data."),
    ("en", "CSR04", "missing", "9.1 If the Vendor breaches Clause 3, the Customer may terminate the supply of the "
                               "Products and the technical support."),
    ("zh", "CSR03", "missing", "第九条 乙方不得以任何方式干扰云市场的正常运行。"),
    # the buyer at the head of the object names whose data it is; 保留 retains data here, it reserves no right
    ("zh", "CSR02", "satisfied", "第十条 乙方不得收集、下载或保留甲方及其用户的数据。"),
    ("en", "CSR02", "satisfied", "9.1 The Vendor shall not collect any Customer Data."),
    ("zh", "CSR04", "contradicted", "第九条 乙方保留随时暂停供货的权利。"),
    # a closed definition of the object naming nothing the library knows narrows it; "only" before a period limits
    ("zh", "CSR03", "weak", "第三条 “用户设备”指甲方办公室内之桌面电脑。\n\n第九条 乙方不得非法控制或操纵任何用户设备。"),
    ("zh", "CSR03", "satisfied", "第九条 乙方不得非法控制或操纵任何用户设备。"),
    ("zh", "CSR03", "weak", "第十五条 供应商仅于验收后六个月内不得擅自远程控制客户的服务器。"),
    # TW 違法取得 is 违法获取; 使用者之資料 is the users' data
    ("zh", "CSR02", "satisfied", "第九條 乙方不得違法取得甲方或其使用者之資料。"),
]


@pytest.mark.parametrize("word", ["承办商", "承辦商", "承包商", "厂商", "廠商"])
def test_contractor_words_name_the_supplier(word: str) -> None:
    """HK 承辦商, mainland 承包商 and TW 廠商 are the supplying side of a clause that defines no parties."""
    text = f"第十条 {word}不得非法获取客户的数据。\n".encode()
    assert str(check_document(read_document(text, filename="case.txt")).requirement("CSR02").verdict) == "satisfied"


@pytest.mark.parametrize("lang,rule,expected,clause", ORDINARY, ids=[c[3][:36] for c in ORDINARY])
def test_ordinary_drafting(lang: str, rule: str, expected: str, clause: str) -> None:
    assert str(_result(clause, lang, rule).verdict) == expected


def test_unnumbered_letter_reads_a_later_paragraph_that_points_back() -> None:
    letter = ("COMMITMENT LETTER\n\nNorthbridge Systems Ltd. (the \"Vendor\") undertakes to Harbour Bank Co., Ltd. (the "
              "\"Customer\") that it shall not interrupt product supply or necessary technical support without "
              "justifiable reason.\n\nThe above undertakings apply only to the extent permitted by our global "
              "policies.\n")
    result = check_document(read_document(letter.encode(), filename="letter.txt")).requirement("CSR04")
    assert str(result.verdict) != "satisfied"


# A right for the supplier in a later paragraph of the same clause, and a definition elsewhere that narrows the
# undertaking's own term, are read with the undertaking: each leaves it weak, never satisfied.
CLAUSE_CLOSURE = [
    ("zh", "CSR04", "第九条 供应保障\n\n9.1 乙方在本合同期限内不得中断产品供应及技术支持服务。\n\n"
                    "9.2 乙方之关联公司依其全球政策所作之任何调整，乙方可据以调整供应及支持，甲方同意不予异议。"),
    ("en", "CSR04", "9. Continuity\n\n9.1 The Vendor shall not interrupt the supply of the Products or technical "
                    "support during the Term.\n\n9.2 The Vendor may adjust supply and support to reflect any "
                    "change in its group's global product policy."),
    ("zh", "CSR02", "第一条 定义\n\n“用户数据”仅指甲方员工的通讯录信息。\n\n"
                    "第九条 乙方保证不利用提供产品和服务的便利条件非法获取用户数据。"),
    ("en", "CSR02", '1. Definitions\n\n"User Data" means only the business contact details of the Customer\'s '
                    "staff.\n\n9. The Vendor shall not obtain any User Data without the Customer's written consent."),
]


@pytest.mark.parametrize(("lang", "rule", "clause"), CLAUSE_CLOSURE, ids=["zh-right", "en-right", "zh-def", "en-def"])
def test_a_later_right_or_a_narrowing_definition_keeps_the_undertaking_weak(lang: str, rule: str, clause: str) -> None:
    result = _result(clause, lang, rule)
    assert str(result.verdict) != "satisfied", result.message


def test_subject_pronoun_skips_an_owner_named_possessively() -> None:
    """"… without the Customer's prior approval, and that it will not collect": "it" is the Vendor, so the
    undertaking is found (how strongly is the frame accounting's business), not given away to the Customer."""
    clause = ("9.1 The Vendor agrees that it will not alter the configuration of the Customer's systems without the "
              "Customer's prior approval, and that it will not collect any user data.")
    assert str(_result(clause, "en", "CSR02").verdict) in ("satisfied", "weak")


# The false passes of heldout-3 (scored with matcher-freeze-3), as classes in our own words: an exemption naming a
# dotted sub-clause, a definition of the justifiable reasons whose list the segmenter cuts at each "；", and a right to
# stop support held by a party the excerpt never identifies. Each must leave the undertaking short of satisfied.
HELDOUT_3_CLASSES = [
    ("zh", "CSR02", "第十一条 数据\n\n11.1 乙方不得利用提供产品和服务的便利条件非法获取甲方及其用户的数据。\n\n"
                    "11.2 乙方依照其不时修订的集团隐私政策所收集和处理的数据，不受第11.1条限制。", {"weak", "contradicted"}),
    ("en", "CSR02", "11. Data\n\n11.1 The Vendor shall not unlawfully obtain any user data by virtue of supplying the "
                    "Products.\n\n11.2 Data that the Vendor collects and processes under its group privacy policy, as "
                    "revised from time to time, is not subject to Clause 11.1.", {"weak"}),
    ("zh", "CSR04", "第七条 供应保障\n\n7.1 乙方承诺无正当理由不中断产品供应和必要的技术支持服务。\n\n"
                    "7.2 本条所称正当理由包括：不可抗力；甲方逾期付款；乙方调整产品路线或者经营策略。", {"weak"}),
]


@pytest.mark.parametrize(("lang", "rule", "clause", "expected"), HELDOUT_3_CLASSES,
                         ids=["zh-exempt-dotted", "en-shall-not-apply", "zh-reason-list"])
def test_heldout_3_false_pass_classes_stay_weak(lang: str, rule: str, clause: str, expected: set[str]) -> None:
    result = _result(clause, lang, rule)
    assert str(result.verdict) in expected, result.message


def test_a_right_to_stop_support_held_by_an_unidentified_party_keeps_the_undertaking_weak() -> None:
    """Nothing says who 乙方 is; it may stop technical services on notice for its own business needs, and an annexed
    letter promises no interruption. The right may be the supplier's, so the promise cannot be satisfied."""
    text = ("服务合同\n\n甲方：某市交通运输局\n乙方：云川数据服务有限公司\n\n"
            "第八条 8.1 乙方在服务期内可根据其业务安排，提前三十日通知甲方后停止提供全部或部分技术服务。\n\n"
            "附件 承诺书\n\n我公司承诺在服务期内无正当理由不中断产品供应及必要的技术支持服务。\n")
    result = check_document(read_document(text.encode(), filename="case.txt")).requirement("CSR04")
    assert str(result.verdict) in ("weak", "contradicted"), result.message
    assert any(r.code in ("unidentified-right", "contradicted-by") for r in result.reasons)


# What the customer agreed or asked for is no interruption (independent review, point 7); what the supplier arranges
# for itself is a carve-out.
_CSR04_ZH = "第十二条 乙方承诺无正当理由不中断产品供应或者必要的技术支持服务。\n\n"
_CSR04_EN = ("12.1 The Vendor undertakes that it shall not interrupt the supply of products or the necessary technical "
             "support services without justifiable reason.\n\n")
AGREED_PAUSES = [
    ("zh", _CSR04_ZH + "按照本合同约定的方式和时间窗口进行的维护，以及应甲方书面要求进行的暂停，不属于本条所称的中断。",
     "satisfied"),
    ("en", _CSR04_EN + "12.2 Maintenance carried out within the windows agreed in this Agreement, and any suspension "
                       "made at the written request of the Customer, is not an interruption under this clause.",
     "satisfied"),
    ("zh", _CSR04_ZH + "乙方根据自身业务需要进行的停机维护，不属于本条所称的中断。", "weak"),
    ("en", _CSR04_EN + "12.2 Maintenance carried out within windows the Vendor determines from time to time is not an "
                       "interruption under this clause.", "weak"),
    ("en", _CSR04_EN + "12.2 Any suspension that the Vendor considers necessary is not an interruption under this clause.",
     "weak"),
]


@pytest.mark.parametrize(("lang", "clause", "expected"), AGREED_PAUSES,
                         ids=["zh-agreed", "en-agreed", "zh-own-needs", "en-own-windows", "en-own-judgment"])
def test_only_what_the_customer_agreed_or_asked_for_is_no_interruption(lang: str, clause: str, expected: str) -> None:
    result = _result(clause, lang, "CSR04")
    assert str(result.verdict) == expected, result.message


# Termination for convenience open to the supplier ends supply and support at will (a heldout-3 case exposed it once
# the product life cycle became a harmless scope); termination for the other side's breach does not.
CONVENIENCE = [
    ("zh", _CSR04_ZH + "第十四条 任何一方均可提前九十日书面通知对方解除本合同，且无需承担违约责任。", "contradicted"),
    ("en", _CSR04_EN + "14.1 Either party may terminate this Agreement for convenience on ninety (90) days' notice.",
     "contradicted"),
    ("en", _CSR04_EN + "14.1 Either party may terminate this Agreement by written notice if the other party commits a "
                       "material breach and fails to remedy it within thirty (30) days.", "satisfied"),
]


@pytest.mark.parametrize(("lang", "clause", "expected"), CONVENIENCE, ids=["zh-either", "en-either", "en-for-breach"])
def test_termination_for_convenience_open_to_the_supplier_contradicts_csr04(lang: str, clause: str,
                                                                            expected: str) -> None:
    assert str(_result(clause, lang, "CSR04").verdict) == expected


# The supplier's own leave is no lawful basis: "未经乙方同意" where 乙方 is the supplier lets it decide for itself.
OWN_CONSENT = [
    ("zh", "第九条 乙方不得利用提供产品和服务的便利条件非法获取用户数据，但经乙方同意的除外。", "weak"),
    ("zh", "第九条 未经乙方同意，乙方不得利用提供产品和服务的便利条件获取甲方及其用户的数据。", "weak"),
    ("en", "9.1 The Vendor shall not obtain any user data without the prior written consent of the Vendor.", "weak"),
    ("en", "9.1 The Vendor shall not obtain any user data without the Vendor's prior written consent.", "weak"),
    ("zh", "第九条 未经甲方书面同意，乙方不得利用提供产品和服务的便利条件获取甲方及其用户的数据。", "satisfied"),
    ("en", "9.1 The Vendor shall not obtain any user data without the prior written consent of the Customer.",
     "satisfied"),
]


@pytest.mark.parametrize(("lang", "clause", "expected"), OWN_CONSENT,
                         ids=["zh-except", "zh-without", "en-of", "en-possessive", "zh-buyer", "en-buyer"])
def test_the_suppliers_own_consent_is_no_lawful_basis(lang: str, clause: str, expected: str) -> None:
    result = _result(clause, lang, "CSR02")
    assert str(result.verdict) == expected, result.message


# heldout-4 (scored once with matcher-freeze-4, then studied): the false-pass classes, in new wording, each beside
# a near miss that must keep its verdict.
HELDOUT_4_CLASSES = [
    # a justification inside an exception does not vouch for words that leave the exception to the supplier
    ("en", "CSR03", "9.1 The Vendor shall not remotely operate or manipulate the Customer's systems, except in an "
                    "emergency as determined by the Vendor in its sole judgment.", "weak"),
    ("en", "CSR04", "9.1 The Vendor shall not interrupt the supply of the Products or technical support, save during "
                    "an event of force majeure or for reasons of the Customer's non-payment after written notice.",
     "satisfied"),
    # a predicate that stops the object decides, even after a neutral one in the same clause
    ("en", "CSR04", "9.1 The Vendor shall not interrupt the supply of the Products without justifiable reason. 9.2 "
                    "Technical support is provided on a best-efforts basis and may be discontinued by the Vendor at "
                    "any time.", "contradicted"),
    # a Chinese reference by number ("第9.1条") to the clause reads the later sentence with it
    ("zh", "CSR01", "9.1 甲方申报网络安全审查的，乙方应当予以配合。\n\n第十四条 其他\n\n14.2 为履行第9.1条所述配合义务而发生的"
                    "工作，须经双方另行签订有偿服务协议后乙方方予提供。", "weak"),
    ("zh", "CSR01", "9.1 甲方申报网络安全审查的，乙方应当予以配合。\n\n第十四条 其他\n\n14.2 本合同未尽事宜由双方协商解决。",
     "satisfied"),
    # a deeming that widens force majeure to the supplier's own choices widens the exception that relies on it
    ("zh", "CSR04", "第八条 乙方上游厂商因任何原因停止向乙方供货的，视为乙方遭遇不可抗力。\n\n第九条 除不可抗力外，乙方不得中断产品"
                    "供应和必要的技术支持服务。", "weak"),
]


@pytest.mark.parametrize(("lang", "rule", "clause", "expected"), HELDOUT_4_CLASSES,
                         ids=["en-sole-judgment", "en-justified", "en-coordinated-passive",
                              "zh-numbered-reference", "zh-numbered-neutral", "zh-force-majeure-deeming"])
def test_heldout_4_false_pass_classes(lang: str, rule: str, clause: str, expected: str) -> None:
    result = _result(clause, lang, rule)
    assert str(result.verdict) == expected, (result.message, result.reasons)


#: heldout-5 (written after matcher-freeze-5): the four false-pass classes, each beside the near miss that must
#: stay satisfied
HELDOUT_5_CLASSES = [
    # a deeming that the supplier's measures under any jurisdiction's law are no breach, in an earlier sub-clause
    ("zh", "CSR04", "22.1 乙方依据任何司法辖区法律或政府机关要求采取的措施，包括停止供货、暂停服务，不视为违反本合同。\n\n"
                    "22.2 乙方承诺在合同期内不中断产品供应及技术支持。", "weak"),
    ("zh", "CSR04", "第十条 乙方承诺在合同期内不中断产品供应及技术支持服务。\n\n第十一条 乙方中断供货的，不视为违约。", "weak"),
    ("zh", "CSR04", "第十条 乙方承诺在合同期内不中断产品供应及技术支持服务。\n\n第十一条 乙方因不可抗力中断供货的，不视为违约。",
     "satisfied"),
    ("en", "CSR04", "10.1 The Vendor shall not interrupt the supply of the Products or the necessary technical support "
                    "during the Term.\n\n10.2 Any suspension of supply or support by the Vendor shall not be deemed a "
                    "breach of this Agreement.", "weak"),
    ("en", "CSR04", "10.1 The Vendor shall not interrupt the supply of the Products or the necessary technical support "
                    "during the Term.\n\n10.2 A suspension of supply caused by an event of force majeure shall not "
                    "constitute a breach of this Agreement.", "satisfied"),
    # a consent that is the buyer agreeing to pay makes the duty depend on payment
    ("en", "CSR01", "24.1 The Vendor undertakes to cooperate with any Cybersecurity Review, provided that the Customer "
                    "agrees in advance to any additional fees that the Vendor may quote for such cooperation.", "weak"),
    ("en", "CSR03", "24.1 The Vendor shall not remotely operate the Customer's systems, unless the Customer has "
                    "requested it in writing.", "satisfied"),
    # a project "name" that runs over the modal and the act is the clause itself: 恶意 (bad faith only) stays
    ("zh", "CSR02", "二、乙方不会恶意利用项目实施的便利获取甲方的业务数据。", "weak"),
    ("zh", "CSR02", "二、乙方不会利用“智慧水务”项目实施的便利非法获取甲方的业务数据。", "satisfied"),
]


@pytest.mark.parametrize(("lang", "rule", "clause", "expected"), HELDOUT_5_CLASSES,
                         ids=["zh-any-jurisdiction-no-breach", "zh-bare-no-breach", "zh-justified-no-breach",
                              "en-bare-no-breach", "en-justified-no-breach", "en-consent-to-fees",
                              "en-consent", "zh-bad-faith-inside-name", "zh-quoted-project-name"])
def test_heldout_5_false_pass_classes(lang: str, rule: str, clause: str, expected: str) -> None:
    result = _result(clause, lang, rule)
    assert str(result.verdict) == expected, (result.message, result.reasons)


#: justifiable reasons as drafters word them (heldout-5 misses), beside the unjustified look-alikes
JUSTIFICATIONS_AS_DRAFTED = [
    ("en", "CSR04", "9.1 The Vendor shall not suspend, interrupt or terminate the supply of the Products or the technical "
                    "support during the Term, except where the Customer has not paid undisputed amounts within forty-five "
                    "(45) days after written notice.", "satisfied"),
    ("en", "CSR04", "9.1 The Vendor shall not suspend, interrupt or terminate the supply of the Products or the technical "
                    "support during the Term, except where the Vendor has not paid its own licensors.", "weak"),
    ("en", "CSR04", "9.1 The Vendor shall not interrupt the supply of the Products or the technical support during the "
                    "Term, save where continued supply is prohibited by the laws of the People's Republic of China.",
     "satisfied"),
    ("en", "CSR04", "9.1 The Vendor shall not interrupt the supply of the Products or the technical support during the "
                    "Term, save where continued supply is prohibited by the laws of any jurisdiction.", "weak"),
    ("zh", "CSR02", "第九条 乙方不得非法获取甲方及其用户的数据（包括但不限于运行数据和个人信息）。", "satisfied"),
    ("zh", "CSR02", "第九条 乙方不得非法获取甲方及其用户的数据，但乙方为改进产品而收集的运行数据不在此限。", "weak"),
]


@pytest.mark.parametrize(("lang", "rule", "clause", "expected"), JUSTIFICATIONS_AS_DRAFTED,
                         ids=["en-customer-has-not-paid", "en-vendor-has-not-paid", "en-laws-of-the-prc",
                              "en-laws-of-any-jurisdiction", "zh-including-but-not-limited", "zh-but-exception"])
def test_justifications_as_drafted(lang: str, rule: str, clause: str, expected: str) -> None:
    result = _result(clause, lang, rule)
    assert str(result.verdict) == expected, (result.message, result.reasons)


def test_a_buyers_internal_rules_demanding_of_suppliers_hold_no_undertaking() -> None:
    """"应于契约中要求厂商：（一）…" in a buyer's internal rules: 厂商 is what the buyer demands things of, not a party
    defined by a party line, and the document is the buyer's own rules."""
    text = ("瀚海电信股份有限公司供应商资安管理作业要点（内部规范）\n\n三、采购单位于办理资通系统采购时，应于契约中要求厂商：\n\n"
            "（一）配合本公司或主管机关之资安稽核；\n\n（二）不得未经授权搜集本公司用户个人资料；\n\n"
            "（三）不得于交付之设备中预留后门或远端控制机制。")
    doc = read_document(text.encode("utf-8"), filename="rules.txt")
    report = check_document(doc)
    assert all(str(r.verdict) != "satisfied" for r in report.requirements), [(r.id, r.verdict) for r in report.requirements]


BILINGUAL = ("SUPPLY CONTRACT 供货合同\n\nParty A (Purchaser): Eastport Grid Co., Ltd.\n\n甲方（采购方）：东港电网有限公司\n\n"
             "Party B (Supplier): Northwind Controls Ltd.\n\n乙方（供应方）：北风控制有限公司\n\n"
             "5.1 Party B shall not remotely control Party A's equipment, save as Party B deems necessary.\n\n"
             "5.1 未经甲方书面同意，乙方不得远程控制甲方的设备。\n\n{clause}")


@pytest.mark.parametrize(("clause", "expected"), [
    ("20.1 The English text shall prevail over the Chinese text.\n\n20.1 以英文文本为准。", "weak"),
    ("20.1 Should the Chinese and English texts differ, the Chinese text shall prevail.\n\n20.1 中英文文本不一致的，以中文文本为准。",
     "satisfied"),
    ("20.1 Both texts are equally authentic.\n\n20.1 中英文文本具有同等效力。", "weak"),
], ids=["english-prevails-over", "chinese-prevails", "no-prevailing-version"])
def test_the_version_a_language_clause_names_decides(clause: str, expected: str) -> None:
    doc = read_document(BILINGUAL.replace("{clause}", clause).encode("utf-8"), filename="case.txt")
    result = check_document(doc).requirement("CSR03")
    assert str(result.verdict) == expected, result.message


SUPPORT_ONLY = ("运维服务合同\n\n委托方（甲方）：某市中心医院\n\n受托方（乙方）：杭州仁和信息技术有限公司\n\n"
                "第一条 乙方为甲方的影像归档系统提供7×24小时技术支持，包括故障处理和补丁升级。\n\n"
                "第二条 服务期内，乙方应持续提供本合同约定的技术支持服务，除甲方逾期付款经书面催告三十日仍未支付或者不可抗力外，"
                "不得中止或者终止{tail}。")


@pytest.mark.parametrize(("tail", "expected"), [("服务", "weak"), ("服务，亦不得中断本合同项下设备和软件许可的供应", "satisfied")],
                         ids=["support-only", "support-and-supply"])
def test_services_that_are_technical_support_are_not_product_supply(tail: str, expected: str) -> None:
    """In a support contract, 服务 repeats 技术支持服务 and 服务期 is a period: neither is the supply of products."""
    doc = read_document(SUPPORT_ONLY.format(tail=tail).encode("utf-8"), filename="case.txt")
    result = check_document(doc).requirement("CSR04")
    assert str(result.verdict) == expected, result.message


@pytest.mark.parametrize(("clause", "expected"), [
    ("第九条 未经甲方书面同意，乙方不得将本合同项下的服务（包括涉及甲方客户个人信息处理的服务）分包给第三方。经甲方同意分包的，"
     "乙方对分包方的行为承担连带责任。", "missing"),
    ("第九条 乙方不得（直接或者间接）超出本合同约定的目的处理甲方客户个人信息。", "satisfied"),
], ids=["verb-inside-parenthesis", "parenthesis-before-verb"])
def test_a_verb_inside_a_parenthesis_is_not_the_undertaking(clause: str, expected: str) -> None:
    """A no-subcontracting clause that mentions processing in a parenthesis promises nothing about the purpose."""
    from cliccheck.packs import load_packs

    doc = read_document(contract(clause, "zh"), filename="case.txt")
    result = check_document(doc, library=load_packs(("pipl21",))).requirement("PIPL21-03")
    assert str(result.verdict) == expected, result.message


@pytest.mark.parametrize(("clause", "rule", "expected"), [
    # the definition speaks of 中断, which the data undertaking never uses: no rider of it
    ("第三条 网络安全\n\n（二）乙方不得非法获取甲方及其用户的数据。\n\n（四）按照本合同约定的时间窗口进行的维护，以及应甲方书面要求进行的暂停，"
     "不属于本条所称的中断。", "CSR02", "satisfied"),
    # a definition of the word the undertaking uses still reads with it, and its unknown words count
    ("第三条 网络安全\n\n（四）乙方无正当理由不得中断产品供应或者必要的技术支持服务。\n\n（五）本条所称“正当理由”包括乙方的商业策略调整。",
     "CSR04", "weak"),
], ids=["zh-other-word", "zh-own-word"])
def test_a_later_definition_reads_only_with_undertakings_that_use_its_word(clause: str, rule: str,
                                                                           expected: str) -> None:
    result = _result(clause, "zh", rule)
    assert str(result.verdict) == expected, (result.message, result.reasons)


def test_a_later_definition_of_another_word_does_not_weaken_a_network_data_undertaking() -> None:
    """Read with the network-data pack alone (as lint reads each pack), "…的暂停，不属于本条所称的中断" in the same
    article defines 中断, which the ND02 undertaking never uses: 暂停 is no leftover word of it."""
    from cliccheck.packs import load_packs

    clause = ("第三条 网络安全\n\n（二）未经甲方同意，乙方不得访问、获取、留存、使用、泄露或者向他人提供甲方的网络数据。\n\n"
              "（四）按照本合同约定的时间窗口进行的维护，以及应甲方书面要求进行的暂停，不属于本条所称的中断。")
    doc = read_document(contract(clause, "zh"), filename="case.txt")
    result = check_document(doc, library=load_packs(["network-data"])).requirement("ND02")
    assert str(result.verdict) == "satisfied", (result.message, result.reasons)



@pytest.mark.parametrize(("items", "expected"), [
    ("（一）甲方逾期支付到期款项，经乙方书面催告后三十日内仍未支付；\n\n（二）发生不可抗力，且仅限于不可抗力影响的范围和期间；\n\n"
     "（三）中华人民共和国法律、行政法规禁止继续供应产品或者提供服务。", "satisfied"),
    ("（一）发生不可抗力；\n\n（二）乙方因自身经营策略调整停止销售该产品。", "weak"),
], ids=["justified-items", "business-reason-item"])
def test_a_reason_definition_with_a_colon_reads_its_items_in_the_next_paragraphs(items: str, expected: str) -> None:
    """"本条所称“正当理由”仅限于下列情形：" with its items as paragraphs of their own, as Chinese drafting puts it
    (review of outputs, point 17): each item is read as part of the definition."""
    clause = ("第四条 乙方承诺无正当理由不中断产品供应或者必要的技术支持服务。\n\n本条所称“正当理由”仅限于下列情形：\n\n" + items)
    result = _result(clause, "zh", "CSR04")
    assert str(result.verdict) == expected, (result.message, result.reasons)


#: heldout-6 (written after matcher-freeze-7): its false-pass class, and development classes found on it and on
#: dev, each beside the near miss that must keep its verdict
HELDOUT_6_CLASSES = [
    # a later sub-clause that leaves the undertaking's own term (正当理由) to the supplier: read with it, whether
    # or not it points back
    ("zh", "CSR04", "17.1 乙方承诺在本合同有效期内，无正当理由不中断对甲方的产品供应及必要的技术支持服务。\n\n"
                    "17.2 是否存在正当理由，由乙方根据实际情况自行认定。", "weak"),
    ("en", "CSR04", "17.1 The Vendor shall not, without justifiable reason, interrupt the supply of the Products or the "
                    "necessary technical support during the Term.\n\n17.2 Whether a justifiable reason exists shall be "
                    "determined by the Vendor at its discretion.", "weak"),
    # … and a later sub-clause that only names a justified reason stays harmless
    ("zh", "CSR04", "10.1 乙方于合同期内无正当理由不得中断产品供应及必要的技术支持服务。\n\n"
                    "10.2 甲方逾期付款经催告六十日仍未支付者，属正当理由。", "satisfied"),
    ("en", "CSR04", "10.1 The Vendor shall not, without justifiable reason, interrupt the supply of the Products or the "
                    "necessary technical support during the Term.\n\n10.2 The Customer's failure to pay within sixty days "
                    "after a reminder is a justifiable reason.", "satisfied"),
    ("zh", "CSR04", "10.1 乙方于合同期内无正当理由不得中断产品供应及必要的技术支持服务。\n\n"
                    "10.2 乙方调整经营策略者，属正当理由。", "weak"),
    # a duty that a condition opening the sentence makes about the review (the issue's own example)
    ("zh", "CSR01", "8.1 如甲方就本合同项下采购活动申报网络安全审查的，乙方应当在收到甲方通知之日起五个工作日内，"
                    "按照审查机构要求提交审查所需的全部材料。", "satisfied"),
    ("zh", "CSR01", "15.1 若甲方就本系统的采购申报网络安全审查，乙方应在甲方提出要求后五个工作日内，"
                    "向甲方和审查机构提供其所需的一切信息。", "satisfied"),
    ("en", "CSR01", "8.1 If the Customer files this procurement for a cybersecurity review, the Vendor shall, within five "
                    "Business Days of the Customer's request, provide all information and documents the review requires.",
     "satisfied"),
    # … the same opening before a refusal is a refusal, and a limit after it is still read
    ("zh", "CSR01", "8.1 如甲方就本合同项下采购活动申报网络安全审查的，乙方有权拒绝提供源代码及设计文档。", "contradicted"),
    ("en", "CSR01", "8.1 If the Customer files this procurement for a cybersecurity review, the Vendor shall, within five "
                    "Business Days, provide the information the review requires, to the extent the Vendor considers "
                    "appropriate.", "weak"),
    # the buyer's determination is the review's trigger; the supplier's own is a choice
    ("en", "CSR01", "31.1 If the Customer determines that the procurement of the Products must be filed for "
                    "cybersecurity review, the Vendor shall, within five Business Days of the Customer's request, provide "
                    "all documents and explanations required for the filing.", "satisfied"),
    ("en", "CSR01", "31.1 If the Vendor determines that the procurement of the Products must be filed for "
                    "cybersecurity review, the Vendor shall, within five Business Days of the Customer's request, provide "
                    "all documents and explanations required for the filing.", "weak"),
    # "不负…之义务": no duty, the content between
    ("zh", "CSR01", "第二十条 乙方不负配合任何政府机关或其委托机构审查之义务，包括网络安全审查。", "contradicted"),
]


@pytest.mark.parametrize(("lang", "rule", "clause", "expected"), HELDOUT_6_CLASSES,
                         ids=["zh-supplier-decides-reason", "en-supplier-decides-reason", "zh-named-reason",
                              "en-named-reason", "zh-named-business-reason", "zh-conditional-review-duty",
                              "zh-conditional-review-information", "en-conditional-review-duty",
                              "zh-conditional-refusal", "en-conditional-limited", "en-buyer-determines",
                              "en-vendor-determines", "zh-no-duty-of"])
def test_heldout_6_classes(lang: str, rule: str, clause: str, expected: str) -> None:
    result = _result(clause, lang, rule)
    assert str(result.verdict) == expected, (result.message, result.reasons)


def test_a_buyers_rules_demanding_undertakings_of_suppliers_are_not_the_suppliers_undertakings() -> None:
    """"本公司各单位采购网络产品时，应要求厂商不得非法取得本公司及用户之资料": 厂商 is what the buyer's rules demand
    things of; the prohibition binds the buyer's units to ask, not a supplier (before: CSR02 and CSR03 satisfied)."""
    zh = ("某某省电力公司信息安全管理规范（节录）\n\n第二十五条 本公司采购网络产品时，应要求厂商不得非法取得本公司及用户之资料，"
          "且不得非法控制本公司设备。\n\n第二十六条 采购部门应于合同中纳入前条要求，并由信息部门审核。\n")
    checked = check_document(read_document(zh.encode("utf-8"), filename="rules.txt"))
    assert [str(checked.requirement(r).verdict) for r in ("CSR02", "CSR03")] == ["missing", "missing"]


@pytest.mark.parametrize(("lang", "clause", "expected"), [
    # a demand the supplier binds itself to meet is its undertaking; the supplier demanding of its own people is its
    # own duty
    ("zh", "第二十三条 乙方应督促其人员配合网络安全审查。", "satisfied"),
    ("en", "23. The Vendor shall cooperate with any cybersecurity review and shall require its subcontractors to do "
           "the same.", "satisfied"),
    ("en", "23. Each business unit of the Customer shall require the Vendor not to obtain the data of the Customer "
           "or its users unlawfully.", "missing"),
], ids=["zh-supplier-urges-its-staff", "en-supplier-requires-subcontractors", "en-buyer-requires-vendor"])
def test_demands_made_of_the_supplier(lang: str, clause: str, expected: str) -> None:
    rule = "CSR02" if "data" in clause else "CSR01"
    result = _result(clause, lang, rule)
    assert str(result.verdict) == expected, (result.message, result.reasons)


#: words drafters use that are harmless where they stand (development classes from heldout-6, folded into dev),
#: beside look-alikes that must stay weak
DRAFTING_WORDS = [
    ("zh", "CSR04", "第十一条 乙方在设备使用寿命期间，无正当理由不得中断存储设备、备件的供应或原厂技术支持服务。", "satisfied"),
    ("zh", "CSR04", "第十一条 乙方在设备使用寿命期间不得中断备件供应及技术支持，但原厂停止支持的除外。", "weak"),
    ("zh", "CSR04", "第十一条 非因甲方原因、不可抗力或中国法律禁止，乙方在本合同期内不得中断产品供应和技术支持服务。", "satisfied"),
    ("zh", "CSR04", "第十一条 非因乙方原因、不可抗力或中国法律禁止，乙方在本合同期内不得中断产品供应和技术支持服务。", "weak"),
    ("zh", "CSR02", "第九条 乙方不得以提供产品或服务为便，非法获取甲方及其用户的数据。", "satisfied"),
    ("zh", "CSR01", "第八条 乙方应配合甲方依相关法令办理的网络安全审查，并据实编制、提供审查所需的材料。", "satisfied"),
    ("zh", "CSR02", "第九条 乙方及其派驻人员、联属公司不得非法获取甲方及其用户的数据。本条在本合同解除、终止后继续有效。",
     "satisfied"),
    ("en", "CSR01", "8.1 The Vendor shall cooperate with any cybersecurity review of the Products and shall designate "
                    "personnel to respond to enquiries from the reviewing authority.", "satisfied"),
    # a minimum stated on the product's life only lengthens the promise; a short period stays weak
    ("zh", "CSR04", "14.1 乙方应当在产品生命周期（不少于八年）内持续供应本合同项下的产品及备件，并持续提供必要的技术支持服务。",
     "satisfied"),
    ("zh", "CSR04", "14.1 乙方应当在交付后（不少于八个月）内持续供应本合同项下的产品及备件，并持续提供必要的技术支持服务。", "weak"),
]


@pytest.mark.parametrize(("lang", "rule", "clause", "expected"), DRAFTING_WORDS,
                         ids=["zh-service-life-oem-support", "zh-oem-stops-support", "zh-buyers-fault",
                              "zh-suppliers-fault", "zh-by-way-of", "zh-laws-prepare-truthfully",
                              "zh-seconded-affiliates-survival", "en-designate-personnel", "zh-life-not-less-than",
                              "zh-months-after-delivery"])
def test_drafting_words(lang: str, rule: str, clause: str, expected: str) -> None:
    result = _result(clause, lang, rule)
    assert str(result.verdict) == expected, (result.message, result.reasons)


@pytest.mark.parametrize(("clause", "expected"), [
    # a justified exception list in the next sentence: the 不 of 不可抗力 negates nothing
    ("10.2 乙方应确保所供产品在合同期间持续供应，并持续提供技术支持服务。除甲方书面同意、甲方根本违约或不可抗力外，乙方不得停止。",
     "satisfied"),
    ("10.2 乙方应确保所供产品在合同期间持续供应，并持续提供技术支持服务。除甲方书面同意或乙方认为必要外，乙方不得停止。", "weak"),
    # a long list ending in 的情形外
    ("10.2 除不可抗力、甲方严重违约经书面催告后十五日内仍未纠正、或者中华人民共和国法律法规禁止的情形外，乙方在合同期内不得停止或"
     "中断产品供应和技术支持服务。", "satisfied"),
    ("10.2 除不可抗力、甲方严重违约经书面催告后十五日内仍未纠正、或者乙方调整全球产品策略的情形外，乙方在合同期内不得停止或"
     "中断产品供应和技术支持服务。", "weak"),
], ids=["rider-force-majeure", "rider-supplier-thinks-necessary", "long-list", "long-list-business-reason"])
def test_exception_lists_as_drafted(clause: str, expected: str) -> None:
    result = _result(clause, "zh", "CSR04")
    assert str(result.verdict) == expected, (result.message, result.reasons)


@pytest.mark.parametrize(("obj", "expected"), [("data of Party A or its users", "satisfied"),
                                                ("payment card numbers of Party A's users", "weak")])
def test_the_buyer_named_by_its_label_in_the_data_object(obj: str, expected: str) -> None:
    """"data of Party A or its users", as the Chinese 甲方数据: the buyer's data named by the contract's label."""
    text = ('Supply Contract\n\nParty A: Huadong Grid Co., Ltd. (the "Buyer")\n\nParty B: Sino Relay Systems Co., Ltd. '
            f'(the "Supplier")\n\n11.2 Party B shall not take advantage of supplying the goods and services to '
            f'illegally obtain {obj}.\n')
    checked = check_document(read_document(text.encode("utf-8"), filename="c.txt"))
    assert str(checked.requirement("CSR02").verdict) == expected


_LIST_OPENERS = {
    "but-items": "第十条 乙方在合同期内不得中断产品供应和技术支持服务，但有下列情形之一的除外：\n\n{items}",
    "save-items": "第十条 除下列情形外，乙方在合同期内不得中断产品供应和技术支持服务：\n\n{items}",
}
_JUSTIFIED_ITEMS = "（一）甲方逾期付款经书面催告后六十日内仍未支付；\n\n（二）不可抗力。"
_NUMBERED_ITEMS = "1. 甲方逾期付款经书面催告后六十日内仍未支付；\n\n2. 不可抗力。"
_BUSINESS_ITEMS = "（一）甲方逾期付款经书面催告后六十日内仍未支付；\n\n（二）乙方认为必要的其他情形。"
_NUMBERED_BUSINESS_ITEMS = "1. 甲方逾期付款经书面催告后六十日内仍未支付；\n\n2. 乙方调整经营策略。"


@pytest.mark.parametrize(("opener", "items", "expected"), [
    ("but-items", _JUSTIFIED_ITEMS, "satisfied"),
    ("but-items", _NUMBERED_ITEMS, "satisfied"),
    ("save-items", _JUSTIFIED_ITEMS, "satisfied"),
    ("but-items", _BUSINESS_ITEMS, "weak"),
    ("but-items", _NUMBERED_BUSINESS_ITEMS, "weak"),
    ("save-items", _BUSINESS_ITEMS, "weak"),
    # the list is nowhere: the next article follows the opener
    ("but-items", "第十一条 本合同一式两份。", "weak"),
], ids=["but-justified", "but-numbered-justified", "save-justified", "but-business", "but-numbered-business",
        "save-business", "list-not-found"])
def test_an_exception_that_opens_a_list_is_read_with_every_item(opener: str, items: str, expected: str) -> None:
    """"…，但有下列情形之一的除外：" with its items as paragraphs of their own: satisfied only when every item is a
    justifiable reason; an opener without its list accounts for nothing."""
    result = _result(_LIST_OPENERS[opener].format(items=items), "zh", "CSR04")
    assert str(result.verdict) == expected, (result.message, result.reasons)


#: heldout-7 (written after matcher-freeze-8): its false-pass classes, each beside the near miss
_EXCEPT_WHERE = ("13.1 The Vendor shall not suspend the supply of the Products or the technical support except "
                 "where:\n\n(a) the Customer has failed to pay undisputed sums for sixty (60) days after written notice;"
                 "\n\n(b) a Force Majeure Event prevents performance; or\n\n(c) {third}")


@pytest.mark.parametrize(("third", "expected"), [
    ("the Vendor considers that continued supply may expose it to sanctions under any applicable law.", "weak"),
    ("continued supply is prohibited by the laws of the People's Republic of China.", "satisfied"),
], ids=["vendor-considers-any-law", "prc-law"])
def test_an_english_exception_list_is_read_item_by_item(third: str, expected: str) -> None:
    """"… except where:" and its items as paragraphs: an item is one case of the exception, never the undertaking
    with that case only (before: (a) alone made it satisfied and (c) was never read)."""
    result = _result(_EXCEPT_WHERE.format(third=third), "en", "CSR04")
    assert str(result.verdict) == expected, (result.message, result.reasons)


@pytest.mark.parametrize(("text", "expected"), [
    ("补充协议\n\n甲方：某市城投集团有限公司\n\n乙方：江苏润安信息系统集成有限公司\n\n一、删除主合同第十条全文（原文为：“10.1 乙方应配合"
     "网络安全审查；10.2 乙方承诺不利用提供产品和服务的便利条件非法获取用户数据，不非法控制和操纵用户设备。”），该条其后条款序号不作调整。\n",
     "missing"),
    ("补充协议\n\n甲方：某市城投集团有限公司\n\n乙方：江苏润安信息系统集成有限公司\n\n一、主合同第十条修改为：“10.2 乙方承诺不利用提供产品"
     "和服务的便利条件非法获取用户数据。”\n", "satisfied"),
    ("AMENDMENT No. 2\n\nCustomer: Harbour Grid Ltd.\n\nVendor: Northbridge Systems Ltd.\n\n1. Clause 10 of the Principal "
     "Agreement, which formerly read: \"10.2 The Vendor shall not take advantage of supplying the Products to obtain user "
     "data unlawfully.\", is deleted in its entirety.\n", "missing"),
], ids=["zh-deleted-old-wording", "zh-amended-to-read", "en-formerly-read"])
def test_old_wording_an_amendment_quotes_is_nobodys_undertaking(text: str, expected: str) -> None:
    aliases = ["江苏润安信息系统集成有限公司", "乙方"] if "乙方" in text else ["Northbridge Systems Ltd."]
    checked = check_document(read_document(text.encode("utf-8"), filename="amendment.txt"), supplier_aliases=aliases)
    assert str(checked.requirement("CSR02").verdict) == expected


_LETTER = "承诺函\n\n致：华北电力调度中心（以下简称“贵单位”）\n\n{body}\n\n承诺单位：北辰智控系统有限公司\n"
_EN_LETTER = ("LETTER OF UNDERTAKING\n\nTo: Harbour Grid Ltd. (the \"Customer\")\n\nWe, Northbridge Systems Ltd., undertake "
              "that we shall not use the supply of the Products to obtain data of the Customer or its users unlawfully."
              "\n\n{term}\n")


@pytest.mark.parametrize(("rule", "text", "expected"), [
    # a commitment letter's conditional item, however the condition is worded, and a long list of papers
    ("CSR01", _LETTER.format(body="本公司作为贵单位调度自动化系统项目的供应商，郑重承诺如下：\n\n一、贵单位申报网络安全审查的，我司将按要求"
                                  "提交产品检测报告、源代码安全说明、供应链情况等材料，并接受审查机构的询问和核查；\n\n二、我司不非法控制贵单位"
                                  "的设备。"), "satisfied"),
    ("CSR01", _LETTER.format(body="本公司郑重承诺：贵单位申报网络安全审查的，我司应按要求提交审查所需材料。"), "satisfied"),
    ("CSR01", _LETTER.format(body="本公司郑重承诺：如贵单位申报网络安全审查，我司应按要求提交审查所需材料。"), "satisfied"),
    ("CSR01", _LETTER.format(body="本公司郑重承诺：贵单位申报网络安全审查的，我司可视情况提交产品检测报告、源代码安全说明等材料。"), "weak"),
    # the letter's own term: an end before the contract's leaves every undertaking in it weak
    ("CSR01", _LETTER.format(body="本公司郑重承诺：贵单位申报网络安全审查的，我司应按要求提交审查所需材料。\n\n本承诺函自出具之日起生效，"
                                  "有效期至本项目初验合格之日止。"), "weak"),
    ("CSR01", _LETTER.format(body="本公司郑重承诺：贵单位申报网络安全审查的，我司应按要求提交审查所需材料。\n\n本承诺书有效期为一年，"
                                  "自签署之日起计算。"), "weak"),
    ("CSR01", _LETTER.format(body="本公司郑重承诺：贵单位申报网络安全审查的，我司应按要求提交审查所需材料。\n\n本承诺函自出具之日起生效，"
                                  "至本项目合同履行完毕之日止。"), "satisfied"),
    ("CSR02", _EN_LETTER.format(term="This Letter shall expire on Final Acceptance of the Products."), "weak"),
    ("CSR02", _EN_LETTER.format(term="This Letter remains in force for the term of the Contract."), "satisfied"),
], ids=["zh-letter-item-we-will", "zh-colon-condition-de", "zh-colon-condition-ru", "zh-as-circumstances-allow",
        "zh-letter-ends-at-initial-acceptance", "zh-letter-one-year", "zh-letter-until-contract-performed",
        "en-letter-expires-on-acceptance", "en-letter-term-of-contract"])
def test_commitment_letters_as_drafted(rule: str, text: str, expected: str) -> None:
    """Letters of undertaking (development classes of this round): the capacity the declarant signs in, a
    condition after "承诺：", papers listed before 等材料, and the letter's own term (r4-zh-055 had passed three
    requirements with a letter that lapses at initial acceptance once its lead-in was understood)."""
    checked = check_document(read_document(text.encode("utf-8"), filename="letter.txt"),
                             supplier_aliases=["北辰智控系统有限公司", "Northbridge Systems Ltd."])
    result = checked.requirement(rule)
    assert str(result.verdict) == expected, (result.message, result.reasons)


@pytest.mark.parametrize(("clause", "rule", "expected"), [
    ("17.1 The Vendor shall procure that none of its employees, Affiliates or subcontractors, in the course of "
     "their involvement in the Project:\n\n(a) obtains, copies or removes any data of the Customer or of any user of "
     "the System, except as expressly required by the Customer for the Project; or\n\n(b) remotely accesses, "
     "controls or disables any equipment of the Customer without the Customer's written approval.", "CSR02",
     "satisfied"),
    ("17.1 The Vendor shall procure that none of its employees, Affiliates or subcontractors, in the course of "
     "their involvement in the Project:\n\n(a) obtains, copies or removes any data of the Customer or of any user of "
     "the System, except as expressly required by the Customer for the Project; or\n\n(b) remotely accesses, "
     "controls or disables any equipment of the Customer without the Customer's written approval.", "CSR03",
     "satisfied"),
    ("17.1 The Vendor shall not obtain any data of the Customer or its users, except as required by the "
     "Vendor's group policies.", "CSR02", "weak"),
], ids=["procure-none-of-data", "procure-none-of-equipment", "group-policies"])
def test_procure_that_none_of_its_people(clause: str, rule: str, expected: str) -> None:
    result = _result(clause, "en", rule)
    assert str(result.verdict) == expected, (result.message, result.reasons)


def test_a_phrase_inside_a_longer_match_still_makes_a_candidate() -> None:
    """"乙方应提交网络安全审查所需材料": the act's expression swallowed the review it names, so the sentence was
    never read at all."""
    result = _result("8.1 乙方应提交网络安全审查所需材料。", "zh", "CSR01")
    assert str(result.verdict) != "missing", result.message


_MASTER = ("MASTER TERMS\n\n19.1 The Vendor shall cooperate fully with any cybersecurity review of the Customer's "
           "procurement of the Products.\n\nORDER FORM No. 2 - SPECIAL TERMS\n\n3. Regulatory review. {amendment}\n")


@pytest.mark.parametrize(("amendment", "expected"), [
    ("Clause 19.1 of the Master Terms is amended so that the Vendor shall use reasonable endeavours to assist the "
     "Customer with any cybersecurity review, at the Customer's cost.", "weak"),
    ("Clause 19.1 of the Master Terms is amended to read: the Vendor shall cooperate fully with any cybersecurity "
     "review and shall provide every document the reviewing authority requests.", "satisfied"),
    ("Clause 22 of the Master Terms is amended so that the Vendor's liability is capped at the fees paid.",
     "satisfied"),
], ids=["hedged-by-order-form", "restated-in-full", "another-clause-amended"])
def test_an_amendment_of_the_numbered_clause_decides(amendment: str, expected: str) -> None:
    """heldout-8 false pass (s2-en-057): an order form amending clause 19.1 to reasonable endeavours left 19.1's
    full wording satisfied."""
    result = _result(_MASTER.format(amendment=amendment), "en", "CSR01")
    assert str(result.verdict) == expected, (result.message, result.reasons)


@pytest.mark.parametrize(("definition", "expected"), [
    ("Support means the supply of replacement parts for the Products in accordance with Schedule 4.", "weak"),
    ("Support means the technical support and maintenance services described in Schedule 4.", "satisfied"),
], ids=["support-is-spare-parts", "support-is-technical-support"])
def test_an_unquoted_definition_narrows_the_element_it_names(definition: str, expected: str) -> None:
    """heldout-8 false pass (s2-en-086): a definitions list without quotes ("Support means the supply of replacement
    parts") made "the supply of Products or Support" cover technical support."""
    clause = (f"1. DEFINITIONS\n\n{definition}\n\n21.1 The Vendor shall not interrupt the supply of Products or Support "
              "during the Term, except for non-payment following 30 days' written notice or Force Majeure.")
    result = _result(clause, "en", "CSR04")
    assert str(result.verdict) == expected, (result.message, result.reasons)


@pytest.mark.parametrize(("obj", "expected"), [("any payment card data of the Customer's end users", "weak"),
                                                ("any data of the Customer's end users", "satisfied")])
def test_a_data_category_before_the_shared_head_narrows_the_object(obj: str, expected: str) -> None:
    """heldout-8 false pass (s4-en-117): "payment card data of the Customer's end users" was read as every kind of
    the users' data."""
    result = _result(f"20. The Vendor undertakes that it shall not obtain, through the Products, {obj}.", "en", "CSR02")
    assert str(result.verdict) == expected, (result.message, result.reasons)


@pytest.mark.parametrize(("clause", "rule", "expected"), [
    ("18.1 During the Contract Period, the Vendor shall not interrupt the supply of the Products or the provision of "
     "technical support services without reasonable cause.", "CSR04", "satisfied"),
    ("18.1 During the Contract Period, the Vendor shall not interrupt the supply of the Products or the provision of "
     "technical support services without reasonable notice.", "CSR04", "weak"),
    ("19.1 Without the Customer's prior written approval, the Vendor shall not remotely log in to, control or alter "
     "any equipment, system or network of the Customer or its users.", "CSR03", "satisfied"),
], ids=["reasonable-cause", "reasonable-notice", "employers-prior-written-approval"])
def test_hong_kong_forms_of_the_standard(clause: str, rule: str, expected: str) -> None:
    """"without reasonable cause" (無合理理由) is the statute's standard in Hong Kong drafting; "reasonable notice"
    is not a reason at all."""
    result = _result(clause, "en", rule)
    assert str(result.verdict) == expected, (result.message, result.reasons)


@pytest.mark.parametrize(("clause", "lang", "expected"), [
    ("第八条 甲方有权要求乙方配合网络安全审查，乙方不得拒绝。", "zh", "satisfied"),
    ("第八条 甲方申报网络安全审查的，甲方有权要求乙方提供审查所需的全部材料，乙方不得拒绝。", "zh", "satisfied"),
    ("第八条 甲方有权要求乙方配合网络安全审查。", "zh", "missing"),
    ("第八条 甲方有权要求乙方配合网络安全审查，乙方可以拒绝。", "zh", "missing"),
    ("8.1 The Customer may require the Vendor to cooperate with any cybersecurity review, and the Vendor shall "
     "comply with every such requirement.", "en", "satisfied"),
    ("8.1 The Customer may require the Vendor to cooperate with any cybersecurity review.", "en", "missing"),
], ids=["zh-may-not-refuse", "zh-condition-may-not-refuse", "zh-right-only", "zh-may-refuse", "en-shall-comply",
        "en-right-only"])
def test_a_buyers_right_to_demand_that_the_supplier_must_meet(clause: str, lang: str, expected: str) -> None:
    """"甲方有权要求乙方…，乙方不得拒绝" binds the supplier to what is demanded; the buyer's right alone binds no one."""
    text = ("甲方（采购人）：华北电力调度中心\n\n乙方（供应商）：北辰智控系统有限公司\n\n" if lang == "zh" else
            "Customer: Harbour Grid Ltd. Vendor (the supplier): Northbridge Systems Ltd.\n\n") + clause + "\n"
    result = check_document(read_document(text.encode("utf-8"), filename="c.txt")).requirement("CSR01")
    assert str(result.verdict) == expected, (result.message, result.reasons)


_BID = "技术规格逐条应答书\n\n项目名称：轨道交通综合监控系统升级改造\n\n应答人：江东智控系统股份有限公司\n\n"
_REQUIREMENT = "★5.3 招标要求：供应商在系统生命周期内无正当理由不得中断备品备件供应和技术支持服务。"


@pytest.mark.parametrize(("response", "expected"), [
    ("应答：满足。", "satisfied"),
    ("应答：满足，我司承诺在系统生命周期内持续供应。", "satisfied"),
    ("应答：无偏离，我司承诺在系统生命周期内持续供应。", "satisfied"),
    ("应答：不满足。", "contradicted"),
    ("应答：了解。", "weak"),
    ("响应：负偏离，仅在质保期内提供技术支持。", "weak"),
    ("应答：满足。但对于原厂已宣布停产（EOL）的产品，备品备件的供应期限以原厂届时有效的产品生命周期政策为准。", "weak"),
], ids=["accepted", "accepted-with-words", "no-deviation", "refused", "noted", "deviation", "accepted-then-rider"])
def test_a_requirement_in_a_bid_response_binds_as_far_as_the_response_accepts_it(response: str, expected: str) -> None:
    """heldout-9 false pass (u4-zh-002): a point-by-point bid response binds the supplier to a tender requirement
    only as its answer accepts it; a rider after the bare "满足" still qualifies it."""
    text = f"{_BID}{_REQUIREMENT}\n{response}\n"
    result = check_document(read_document(text.encode("utf-8"), filename="bid.txt")).requirement("CSR04")
    assert str(result.verdict) == expected, (result.message, result.reasons)


@pytest.mark.parametrize(("response", "expected"), [
    ("Response: Comply.", "satisfied"), ("Response: Not comply.", "contradicted"),
    ("Response: Partially comply - support for 24 months only.", "weak"), ("Response: Noted.", "weak")])
def test_an_english_compliance_schedule_binds_as_far_as_the_response_accepts_it(response: str, expected: str) -> None:
    text = ("Vendor: Northbridge Systems Ltd.\n\nCompliance schedule\n\n4.2 The Vendor shall not interrupt the supply "
            f"of products or technical support without justifiable reason.\n{response}\n")
    result = check_document(read_document(text.encode("utf-8"), filename="bid.txt")).requirement("CSR04")
    assert str(result.verdict) in ({expected} if expected != "satisfied" else {"satisfied"}), result.message


def test_words_in_square_brackets_are_not_an_agreed_undertaking() -> None:
    """heldout-9 false pass (u4-zh-031): in a negotiation draft the support half of the promise stood in square
    brackets (a party proposed deleting it); the other party's comment in 【】 named no one."""
    text = ("甲方：东江轨道交通集团有限公司\n\n乙方：中嘉信息技术有限公司\n\n第九条 持续供应\n\n9.1 乙方承诺，在本合同有效期及产品质保期内，"
            "无正当理由不中断产品供应[及必要的技术支持服务]。\n【乙方：删除方括号内容，技术支持按附件四执行。】\n【甲方：接受。】\n")
    doc = read_document(text.encode("utf-8"), filename="draft.txt")
    result = check_document(doc)
    csr04 = result.requirement("CSR04")
    assert str(csr04.verdict) == "weak" and any(r.code == "bracketed" for r in csr04.reasons), csr04.message
    assert "删除方括号内容" not in csr04.message  # the comment is no party's name
    settled = text.replace("[及必要的技术支持服务]", "及必要的技术支持服务")
    assert str(check_document(read_document(settled.encode("utf-8"), filename="d.txt")).requirement("CSR04").verdict) \
        == "satisfied"


@pytest.mark.parametrize("clause", ["4.1 乙方不得无正当理由中断维保服务。", "4.1 乙方不得无正当理由中断运维保障服务。"])
def test_a_maintenance_service_is_support_not_supply(clause: str) -> None:
    """heldout-9 false pass (u4-zh-024): 维保服务 is one thing, the maintenance service; its 服务 is not the supply of the
    contract's products."""
    text = (f"设备采购及维保服务合同\n\n甲方：某市人民医院\n\n乙方：华溪系统集成有限公司\n\n第四条 乙方义务\n{clause}\n"
            "4.2 乙方工程师在现场服务时，未经甲方许可不得拷贝甲方数据。\n4.3 乙方应每季度提交一次设备运行报告。\n")
    result = check_document(read_document(text.encode("utf-8"), filename="c.txt")).requirement("CSR04")
    assert str(result.verdict) == "weak", result.message


@pytest.mark.parametrize("text", [
    "采购需求\n\n一、项目名称：县级融媒体中心播出系统升级\n\n二、商务要求\n\n★2.1 供应商须配合采购人可能开展的网络安全审查。\n\n"
    "★2.2 供应商须保证所供产品在使用年限内持续供应并提供技术支持服务，不得无故中断。\n",
    "滨海银行信息科技外包管理办法（节选）\nBinhai Bank Measures for the Administration of IT Outsourcing (Extract)\n\n"
    "第二十条 本行与信息科技供应商签订的合同应当包含以下条款：供应商配合网络安全审查；供应商不得非法控制本行信息系统及设备；"
    "供应商无正当理由不得中断产品供应和技术支持服务。\n\nArticle 20 Contracts the Bank concludes with IT suppliers shall "
    "include the following terms: the supplier shall not illegally control the Bank's systems and equipment; and the "
    "supplier shall not interrupt product supply and technical support services without justifiable reason.\n",
], ids=["procurement-requirements", "bilingual-policy-title"])
def test_a_buyers_requirements_or_policy_binds_no_supplier(text: str) -> None:
    """heldout-9 false passes (u1-zh-095, u3-bilingual-046): the document names itself the buyer's requirements or
    an internal policy in its title (one in two languages, read as one paragraph) and defines no party."""
    result = check_document(read_document(text.encode("utf-8"), filename="p.txt"))
    assert [str(r.verdict) for r in result.requirements if str(r.verdict) == "satisfied"] == [], \
        [(r.id, str(r.verdict), r.message) for r in result.requirements]


def test_a_commitment_letters_occasion_and_closing_do_not_qualify_its_undertakings() -> None:
    """The letter's preamble ("参加贵集团…项目（项目编号：…）投标，现就网络安全事项郑重承诺如下："), a period that runs
    with the contract's and beyond it ("合同履行期间及产品交付后不少于八年内") and its closing "愿承担全部法律责任" are
    harmless; a limit inside the period ("仅在质保期内") still is not."""
    letter = ("供应商承诺书\n\n致：江北轨道交通集团有限公司\n\n我公司参加贵集团“线网指挥中心系统扩容项目”（项目编号：JBGD-2025-ZB-017）"
              "投标，现就网络安全事项郑重承诺如下：\n\n一、在合同履行期间及产品交付后不少于八年内，除不可抗力或法律禁止等正当事由外，我公司不中断产品"
              "供应，亦不中断升级、维护等必要的技术支持服务。\n\n如违反上述承诺，我公司愿承担全部法律责任。\n\n承诺人（盖章）：华岭信息系统有限公司\n")
    result = check_document(read_document(letter.encode("utf-8"), filename="l.txt")).requirement("CSR04")
    assert str(result.verdict) == "satisfied", result.message
    limited = letter.replace("在合同履行期间及产品交付后不少于八年内", "仅在质保期内")
    result = check_document(read_document(limited.encode("utf-8"), filename="l.txt")).requirement("CSR04")
    assert str(result.verdict) == "weak", result.message


def test_a_hong_kong_employer_is_the_buyer() -> None:
    text = ("第十条 承辦商須配合僱主就本合約進行之網絡安全審查，並提供所需文件。\n")
    result = check_document(read_document(text.encode("utf-8"), filename="hk.txt")).requirement("CSR01")
    assert str(result.verdict) == "satisfied", result.message


@pytest.mark.parametrize(("clause", "rule"), [
    ("11.2 乙方不得在所交付的软件中预留隐藏帐号或远程接入通道，不得擅自控制、干预医院服务器、工作站及医疗设备。", "CSR03"),
    ("11.1 乙方不得利用实施、运维过程中接触甲方调度系统的便利，未经甲方书面同意采集、复制或留存甲方的通信数据及其他任何数据。", "CSR02"),
])
def test_the_operators_sector_and_the_means_named_in_a_prohibition_are_harmless(clause: str, rule: str) -> None:
    """Words from the newly folded authors: the sector's systems (调度, 医院, 医疗设备, 通信), the means forbidden
    (预留隐藏帐号) and the acts (干预) are part of what is forbidden, not qualifiers of it; "仅" still is."""
    text = f"甲方：某市第一人民医院\n\n乙方：华溪医疗信息系统有限公司\n\n{clause}\n"
    result = check_document(read_document(text.encode("utf-8"), filename="c.txt")).requirement(rule)
    assert str(result.verdict) == "satisfied", result.message
    limited = text.replace("乙方不得", "乙方仅在质保期内不得", 1)
    assert str(check_document(read_document(limited.encode("utf-8"), filename="c.txt")).requirement(rule).verdict) \
        == "weak"


@pytest.mark.parametrize(("period", "expected"), [
    ("during the equipment's service life", "satisfied"),
    ("during the entire life cycle of the project", "satisfied"),
    ("for so long as this Agreement remains in force", "satisfied"),
    ("during the warranty period", "weak"),
])
def test_a_period_as_long_as_the_contract_or_the_products_life_is_harmless(period: str, expected: str) -> None:
    text = ("Customer: Harbour Grid Ltd.\n\nVendor (the supplier): Northbridge Systems Ltd.\n\n12.1 The Vendor shall "
            f"not, without justifiable reason, interrupt the supply of the Products or technical support {period}.\n")
    result = check_document(read_document(text.encode("utf-8"), filename="c.txt")).requirement("CSR04")
    assert str(result.verdict) == expected, result.message


@pytest.mark.parametrize(("clause", "expected"), [
    ("8.1 乙方在合同期内，除不可抗力或法律法规禁止外，不会无故停止产品供应或必要的技术支持服务。", "satisfied"),
    ("8.1 乙方有权无故停止产品供应及技术支持服务。", "contradicted"),
    ("8.1 乙方可无故终止本合同。", "contradicted"),
    ("8.1 乙方因甲方严重违约解除本合同的，不承担违约责任。", "missing"),
], ids=["will-not-stop-without-cause", "right-to-stop-without-cause", "right-to-terminate-without-cause",
        "termination-for-the-buyers-breach"])
def test_without_cause_is_the_statutes_standard_in_plainer_words(clause: str, expected: str) -> None:
    """无故 (without cause) is what the statute's 无正当理由 forbids: promising not to stop 无故 satisfies it, a right to
    stop or to end the contract 无故 contradicts it."""
    text = f"甲方：某省交通运输厅\n\n乙方（供应商）：某科技有限公司\n\n{clause}\n"
    result = check_document(read_document(text.encode("utf-8"), filename="c.txt")).requirement("CSR04")
    assert str(result.verdict) == expected, result.message


def test_a_buyers_letter_to_its_suppliers_is_no_supplier_letter() -> None:
    """"…水务有限公司致各供应厂商函": a 函 whose first person is the buyer, written to its suppliers as a class."""
    text = ("某市水务有限公司致各供应厂商函\n\n主旨：请配合本公司关键信息基础设施采购之相关规定。\n\n一、本公司采购网络产品及服务，应要求供应厂商配合"
            "网络安全审查，并承诺不无故中断供货及技术支持。\n")
    result = check_document(read_document(text.encode("utf-8"), filename="n.txt"))
    assert all(str(r.verdict) == "missing" for r in result.requirements), [(r.id, str(r.verdict)) for r in
                                                                           result.requirements]


@pytest.mark.parametrize(("exception", "expected"), [
    ("除雇主欠款经催告六十日未付或不可抗力外", "satisfied"),
    ("除雇主未付诸实施外", "weak"),
], ids=["unpaid-after-reminder", "not-an-unpaid-sum"])
def test_an_unpaid_sum_after_a_reminder_is_a_justifiable_reason(exception: str, expected: str) -> None:
    """"欠款经催告六十日未付" (the buyer's debt unpaid sixty days after a reminder) is non-payment as 未支付 is; the
    regression of making 雇主 the buyer (h3-bil-015), whose exception was then read and not accounted for."""
    text = ("甲方（雇主）：某港铁公司\n\n乙方（承办商）：某系统有限公司\n\n18.1 承办商于合约期内须持续供应产品并提供必要技术支持；"
            f"{exception}，不得暂停。\n")
    result = check_document(read_document(text.encode("utf-8"), filename="c.txt")).requirement("CSR04")
    assert str(result.verdict) == expected, result.message
