"""Clause templates: binding, complete, unweakened, cited; filled safely."""

from __future__ import annotations

import re

import pytest

from cliccheck.generate import REQUIREMENT_IDS, RenderError, clause, suggested_clause
from cliccheck.generate.context import Overrides, build_context
from cliccheck.generate.render import annex_text, environment, md_escape, templates_dir
from cliccheck.verdicts import CheckResult, Party, Roles

LANGS = ("zh", "en")
VARIANTS = ("short", "full")
ALL = [(r, lang, v) for r in REQUIREMENT_IDS for lang in LANGS for v in VARIANTS]

#: Words that would turn an undertaking into something less (checked on the rendered text).
WEAKENERS = {
    "zh": ["尽力", "尽量", "原则上", "可以", "酌情", "自行决定", "有权", "视情况"],
    "en": ["reasonable efforts", "best efforts", "endeavour", "sole discretion", " may ", "where possible",
           "to the extent practicable", "knowingly", "at any time"],
}
BINDING = {"zh": ("应当", "不得", "承诺"), "en": ("shall", "undertakes")}


def _ctx(lang: str) -> dict:
    roles = Roles(Party("上海云栈网络设备有限公司", {"zh": ["乙方"], "en": ["Vendor"]}, source="definition"),
                  Party("北京星河数据科技有限公司", {"zh": ["甲方"], "en": ["Customer"]}, source="definition"))
    return build_context(None, CheckResult(roles, [])).for_lang(lang)


#: The remedies paragraph grants the buyer rights ("甲方有权解除", "the Customer may terminate"): not a weakener.
REMEDY_OPENERS = ("乙方违反本条约定的", "Any breach of this clause by the Vendor", "The Vendor shall compensate")


@pytest.mark.parametrize(("req", "lang", "variant"), ALL)
def test_clause_is_a_binding_supplier_undertaking(req: str, lang: str, variant: str) -> None:
    c = clause(req, lang, variant, _ctx(lang))
    text = c.text
    supplier = "乙方" if lang == "zh" else "The Vendor"
    assert text.startswith(supplier), text[:40]
    assert any(word in c.paragraphs[0] for word in BINDING[lang])
    undertaking = [p for p in c.paragraphs if not p.startswith(REMEDY_OPENERS)]
    assert len(undertaking) >= len(c.paragraphs) - 1
    lowered = f" {' '.join(undertaking).lower()} "
    for weak in WEAKENERS[lang]:
        assert weak.lower() not in lowered, f"{req} {lang} {variant} contains weakening word {weak!r}"
    assert "None" not in text and "{{" not in text and "}}" not in text


@pytest.mark.parametrize(("req", "lang", "variant"), ALL)
def test_every_template_names_its_legal_basis(req: str, lang: str, variant: str) -> None:
    c = clause(req, lang, variant, _ctx(lang))
    assert ("网络安全审查办法" in c.basis and "第六条" in c.basis) if lang == "zh" else (
        "Cybersecurity Review Measures (2022), Art. 6" in c.basis)
    # Cybersecurity Law articles as renumbered from 1 Jan 2026 (37/38), never the old 35/36
    assert re.search(r"第三十[七八]条|Art\. 3[78]", c.basis)
    assert not re.search(r"第三十[五六]条|Art\. 3[56]\b", c.basis)
    source = (templates_dir() / "clauses" / f"{req}.{lang}.{variant}.j2").read_text(encoding="utf-8")
    assert "Art. 6" in source or "第六条" in source
    # citations go into the redline comment and the annex preamble, never into the clause itself
    assert not any(p.startswith(("本条依据", "This clause is made under")) for p in c.paragraphs)
    assert "《" not in c.text and "Cybersecurity Review Measures" not in c.text


@pytest.mark.parametrize("variant", VARIANTS)
def test_csr04_covers_supply_and_support_and_defines_justifiable_reason(variant: str) -> None:
    zh = clause("CSR04", "zh", variant, _ctx("zh")).text
    assert "产品供应" in zh and "技术支持服务" in zh
    assert "正当理由" in zh and "仅限于" in zh
    for cause in ("严重违约", "书面通知", "三十日", "不可抗力", "中华人民共和国法律"):
        assert cause in zh, cause
    assert re.search(r"外国法律.*不构成正当理由", zh)
    en = clause("CSR04", "en", variant, _ctx("en")).text
    assert "supply of products" in en and "technical support services" in en
    assert re.search(r"justifiable reason\"? (?:under this clause )?means only", en)
    for cause in ("material breach", "written notice", "thirty (30) days", "force majeure",
                  "laws or administrative regulations of the People's Republic of China"):
        assert cause in en, cause
    assert re.search(r"foreign laws.*(?:are not justifiable reasons|not a justifiable reason)", en)


@pytest.mark.parametrize("lang", LANGS)
def test_statutory_undertaking_wording_is_present(lang: str) -> None:
    expected = {
        "zh": {"CSR01": "配合网络安全审查", "CSR02": "非法获取用户数据", "CSR03": "非法控制和操纵用户设备",
               "CSR04": "无正当理由不中断产品供应或者必要的技术支持服务"},
        "en": {"CSR01": "cooperate with the cybersecurity review", "CSR02": "to obtain user data unlawfully",
               "CSR03": "to control or manipulate users' equipment unlawfully",
               "CSR04": "shall not interrupt the supply of products or the necessary technical support services "
                        "without justifiable reason"},
    }[lang]
    for req, words in expected.items():
        for variant in VARIANTS:
            assert words in clause(req, lang, variant, _ctx(lang)).text


def test_missing_value_is_an_error_naming_it() -> None:
    with pytest.raises(RenderError, match="supplier"):
        clause("CSR01", "zh", "full", {"buyer": "甲方"})
    ctx = _ctx("en")
    del ctx["buyer_label"]
    with pytest.raises(RenderError, match="buyer_label"):
        annex_text("en", ctx)


def test_none_is_never_written() -> None:
    with pytest.raises(RenderError, match="None"):
        clause("CSR02", "en", "short", {"supplier": None, "buyer": "the Customer"})


def test_unknown_choices_are_clear_errors() -> None:
    with pytest.raises(RenderError, match="CSR09"):
        clause("CSR09", "zh", "full", _ctx("zh"))
    with pytest.raises(RenderError, match="fr"):
        clause("CSR01", "fr", "full", _ctx("zh"))


HOSTILE = ["<w:p>", "{{ supplier }}", "A & B", 'O"Brien \'Ltd\'', "x" * 500,
           "شركة الاتصالات", "חברת רשתות", "华为技术有限公司", "<script>alert(1)</script>"]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_labels_are_literal_text(name: str) -> None:
    ctx = {"supplier": name, "buyer": "甲方"}
    text = clause("CSR02", "zh", "short", ctx).text
    assert text.startswith(name)  # inserted as is: no evaluation, no escaping in plain text
    html = environment("html").from_string("<p>{{ t }}</p>").render(t=text)
    assert "<w:p>" not in html and "<script>" not in html
    if "&" in name:
        assert "&amp;" in html


def test_markdown_escaping_keeps_text_literal() -> None:
    assert md_escape("<w:p> & *bold* [x](y) {{ z }}") == r"\<w:p\> \& \*bold\* \[x\](y) \{\{ z \}\}"
    assert md_escape("1. not a list") == r"1\. not a list"


def test_suggested_clause_default_and_role_aware() -> None:
    assert suggested_clause("CSR03", "zh", "short").startswith("供应方承诺")
    text = suggested_clause("CSR03", "en", "full", _ctx("en"))
    assert text.startswith("The Vendor undertakes") and "\n\n" in text


def test_overrides_are_checked() -> None:
    with pytest.raises(RenderError, match="--supplier"):
        build_context(None, None, Overrides(supplier="bad\x00name"))
    with pytest.raises(RenderError, match="both be called"):
        build_context(None, None, Overrides(supplier_label="乙方", buyer_label="乙方"))


def test_labels_follow_the_contract_in_both_languages() -> None:
    roles = Roles(Party(None, {"zh": ["供方", "甲方"]}, source="definition"),
                  Party(None, {"zh": ["需方", "乙方"]}, source="definition"))
    ctx = build_context(None, CheckResult(roles, []))
    assert ctx.labels["zh"] == ("供方", "需方")
    assert ctx.labels["en"] == ("Supplier", "Buyer")  # counterparts of 供方/需方, not Party A/B
    ctx = build_context(None, None, Overrides(supplier_label="甲方", buyer_label="乙方"))
    assert ctx.labels["en"] == ("Party A", "Party B")  # 甲方 supplies here: never assumed otherwise
    assert ctx.for_lang("en")["supplier"] == "Party A"


def test_party_names_must_look_like_organisations() -> None:
    from cliccheck.generate.context import plausible_name

    assert plausible_name("Northbridge Systems Ltd.") and plausible_name("北桥系统有限公司")
    assert not plausible_name("Singapore 098634") and not plausible_name("Nanjing")
    assert not plausible_name("88 Zhongshan Road") and not plausible_name(None)


def test_zh_party_line_gives_the_name_when_the_matcher_has_none() -> None:
    from cliccheck.verdicts import Evidence

    ev = Evidence("乙方（供应商）：北桥系统有限公司（以下简称“乙方”）", 0, 10, 0, None, None, 0, "zh")
    roles = Roles(Party("Singapore 098634", {"zh": ["乙方"]}, evidence=[ev], source="definition"),
                  Party(None, {"zh": ["甲方"]}, source="definition"))
    ctx = build_context(None, CheckResult(roles, []))
    assert ctx.supplier_name == "北桥系统有限公司" and ctx.buyer_name is None
    assert "buyer_name" not in ctx.for_lang("zh")


# ----------------------------------------------------------------- the drafting review (templates/REVIEW.md)

def _all_text(**options: str) -> dict[str, str]:
    roles = Roles(Party("上海云栈网络设备有限公司", {"zh": ["乙方"], "en": ["Party B"]}, source="definition"),
                  Party("北京星河数据科技有限公司", {"zh": ["甲方"], "en": ["Party A"]}, source="definition"))
    ctx = build_context(None, CheckResult(roles, []), Overrides(**options))
    out = {}
    for lang in LANGS:
        parts = [clause(r, lang, v, ctx.for_lang(lang)).text for r in REQUIREMENT_IDS for v in VARIANTS]
        texts = annex_text(lang, ctx.for_lang(lang))
        parts += [str(texts.preamble), str(texts.parties), str(texts.signature_buyer), str(texts.signature_supplier)]
        out[lang] = "\n".join(parts)
    return out


def test_review_points_are_resolved_in_the_text() -> None:
    """Each point of templates/REVIEW.md that changed wording: the old wording is gone, the new one is there."""
    text = _all_text()
    en, zh = text["en"], text["zh"]
    for gone in ("take advantage of", "the own business decisions", "continuously and stably supply",
                 "Legal or authorised representative", '(the "Party A")', '(the "Party B")',
                 "not disclosed in writing to Party A in the products", "that it has not disclosed"):
        assert gone not in en, gone
    assert "use its position as supplier of the products and the services to obtain user data unlawfully" in en
    assert "Party B's own business decisions" in en and "ensure a continuous and stable supply" in en
    assert '("Party A")' in en and "Signature of legal representative or authorised signatory" in en
    assert "未经甲方书面授权，不得对上述数据进行关联分析" in zh
    assert "不得擅自使上述设备、系统和网络停止运行或者功能受限" in zh
    assert "应当在采取必要保密措施后及时提供" in zh and "shall take the necessary confidentiality measures and promptly" \
        " provide" in en
    # the independent review (templates/REVIEW-independent.md), points 7, 8, 12, 13 and 17
    assert "不属于本条所称的中断" in zh and "is not an interruption under this clause" in en
    assert "降级" not in zh and "或者降低其性能" in zh
    assert "维护方案中给予的授权" in zh and "including an authorisation given in this Contract" in en
    assert "参与审查的其他机构" in zh and "the other authorities taking part in the review" in en
    assert "软件许可及其更新升级" not in zh and "to which Party A is entitled under this Contract" in en


@pytest.mark.parametrize("lang", LANGS)
def test_remedy_options(lang: str) -> None:
    both, damages, none = (_all_text(remedies=r)[lang] for r in ("both", "damages", "none"))
    terminate = "有权书面通知乙方解除本合同" if lang == "zh" else "entitles Party A to terminate this Contract by notice"
    compensate = "赔偿甲方因此遭受的全部损失" if lang == "zh" else "compensate Party A for all losses"
    assert both.count(terminate) == 4 and compensate in both  # CSR01 to CSR04 (full), as CSR01 had
    assert terminate not in damages and damages.count(compensate) == 4
    assert terminate not in none and compensate not in none


@pytest.mark.parametrize("lang", LANGS)
def test_csr04_strict_and_balanced(lang: str) -> None:
    strict, balanced = (_all_text(csr04=c)[lang] for c in ("strict", "balanced"))
    if lang == "zh":
        assert "均不构成正当理由" in strict and "出口管制" in strict
        assert "依法对乙方具有约束力的制裁、出口管制" in balanced and "产品停产或者停止支持" in balanced
        assert "十二个月" in balanced and "其他商业决策均不构成正当理由" in balanced
    else:
        assert "are not justifiable reasons" in strict
        assert "binds Party B by law" in balanced and "end of production or support" in balanced
        assert "twelve (12) months' prior written notice" in balanced


@pytest.mark.parametrize("lang", LANGS)
def test_clause_titles_are_the_clause_library_titles(lang: str) -> None:
    from cliccheck.library import load_library

    lib = load_library()
    for req in REQUIREMENT_IDS:
        assert clause(req, lang, "full", _ctx(lang)).title == lib.requirement(req).titles[lang]


def test_every_review_point_is_answered() -> None:
    review = (templates_dir() / "REVIEW.md").read_text(encoding="utf-8")
    points = re.findall(r"^### (R\d+)", review, flags=re.M)
    assert len(points) >= 12
    for point in points:
        body = review.split(f"### {point}", 1)[1].split("\n### ", 1)[0]
        assert re.search(r"\*\*(Resolved|Answered)\*\*", body), point


@pytest.mark.parametrize("lang", LANGS)
def test_balanced_csr04_is_a_carve_out_the_gate_reports(lang: str) -> None:
    """Fail closed: the balanced list (sanctions, end-of-life) is weak, never silently satisfied."""
    from generate_helpers import check

    from cliccheck.readers import read_document

    head = ("甲方（采购方）：甲公司\n乙方（供应方）：乙公司\n\n" if lang == "zh" else
            'This Agreement is made between A Co., Ltd. (the "Customer") and B Ltd. (the "Supplier").\n\n')
    for csr04, expected in (("strict", "satisfied"), ("balanced", "weak")):
        ctx = build_context(None, None, Overrides(csr04=csr04))
        text = head + clause("CSR04", lang, "full", ctx.for_lang(lang)).text
        result = check(read_document(text.encode(), filename="c.txt"))
        assert str(next(r for r in result.requirements if r.id == "CSR04").verdict) == expected, csr04
