"""The values the clause and annex templates are filled with.

Why: the annex must call the parties exactly what the contract calls them
(乙方 may be the buyer in one contract and the supplier in the next), so the
labels come from the matcher's role analysis; the user can override any of
them on the command line. Absent optional values are *left out* of the
template context (templates test ``is defined``), never set to ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml

from ..model import BlockKind, Document
from ..normalize import is_cjk
from ..verdicts import CheckResult, Party
from .render import LANGUAGES, RenderError, check_value, default_roles, templates_dir

_TITLE_STRIP = "《》“”\"'「」 "


@dataclass(slots=True)
class Overrides:
    """Command-line overrides (``--supplier`` etc.); ``None`` means not given."""

    supplier: str | None = None
    buyer: str | None = None
    supplier_label: str | None = None
    buyer_label: str | None = None
    contract_title: str | None = None
    contract_number: str | None = None
    contract_date: str | None = None
    prevailing: str | None = None  # language whose text prevails in a bilingual annex (default zh)
    remedies: str | None = None  # both | damages | none (default both)
    csr04: str | None = None  # strict | balanced list of justifiable reasons (default strict)


@dataclass(slots=True)
class AnnexContext:
    """Everything the templates need, before it is split per language."""

    supplier_name: str | None = None
    buyer_name: str | None = None
    #: lang -> (supplier label, buyer label)
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)
    contract_title: str | None = None
    contract_number: str | None = None
    contract_date: str | None = None
    prevailing: str = "zh"
    #: lang -> how the contract names itself ("this Agreement", 本合同) and, in English, its products
    contract_term: dict[str, str] = field(default_factory=dict)
    products: str | None = None
    services: str | None = None
    remedies: str = "both"
    csr04: str = "strict"
    #: lang -> title / party names / date as written in that language (bilingual contracts differ)
    titles: dict[str, str] = field(default_factory=dict)
    names: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    dates: dict[str, str] = field(default_factory=dict)

    def for_lang(self, lang: str) -> dict[str, Any]:
        """Template variables for one language; optional values only when known."""
        if lang not in LANGUAGES:
            raise RenderError.of("unknown-language", lang=repr(lang))
        defaults = default_roles()[lang]
        supplier_label, buyer_label = self.labels.get(lang, (defaults["supplier"], defaults["buyer"]))
        ctx: dict[str, Any] = {
            "lang": lang,
            "supplier_label": supplier_label,
            "buyer_label": buyer_label,
            "supplier": _reference(supplier_label, self.supplier_name, lang),
            "buyer": _reference(buyer_label, self.buyer_name, lang),
            "prevailing": self.prevailing,
            "supplier_role": defaults["supplier"],
            "buyer_role": defaults["buyer"],
            "neutral_labels": list(default_roles().get("neutral_labels", [])),
        }
        ctx.update(contract=self.contract_term.get(lang) or default_roles()["contract"][lang],
                   products=(self.products or default_roles()["products"]["en"]) if lang == "en"
                   else default_roles()["products"]["zh"],
                   services=(self.services or default_roles()["services"]["en"]) if lang == "en"
                   else default_roles()["services"]["zh"],
                   remedies=self.remedies, csr04=self.csr04, blank=default_roles()["blank"])
        supplier_name, buyer_name = self.names.get(lang, (None, None))
        values = {"supplier_name": supplier_name or self.supplier_name,
                  "buyer_name": buyer_name or self.buyer_name,
                  "contract_title": self.titles.get(lang) or self.contract_title,
                  "contract_number": self.contract_number,
                  "contract_date": self.dates.get(lang) or self.contract_date}
        for key, value in values.items():
            if value:
                ctx[key] = value
        return ctx


def _reference(label: str, name: str | None, lang: str) -> str:
    """How a clause refers to a party: 乙方 / the Vendor (a defined term takes "the")."""
    if lang != "en":
        return label
    if (label == name or label.lower().startswith("the ") or not label[:1].isupper()
            or label in default_roles().get("no_article", [])):
        return label
    return f"the {label}"


def _label_lang(label: str) -> str:
    return "zh" if any(is_cjk(ch) for ch in label) else "en"


def _party_label(party: Party | None, lang: str, text: str = "") -> str | None:
    """The contract's word for ``party`` in ``lang``: of its labels, the one the text uses most.

    ("乙方（供应方）：…" defines two words; the clauses then say 乙方, so 乙方 it is.)
    """
    if party is None or (party.source == "default" and not party.labels.get(lang)):
        return None
    words = party.labels.get(lang) or []
    if not words:
        return None
    if not text:
        return words[0]
    return max(words, key=lambda word: (text.count(word), -words.index(word)))


def _counterpart(party: Party | None, lang: str, chosen: dict[tuple[str, str], str | None],
                 role: str) -> str | None:
    """The usual word in ``lang`` for the label the contract uses in the other language."""
    if party is None or party.source == "default":
        return None
    table = default_roles().get("counterparts", {}).get(lang, {})
    for other in LANGUAGES:
        if other == lang:
            continue
        preferred = chosen.get((role, other))
        for label in [preferred, *(party.labels.get(other) or [])]:
            if label and label in table:
                return table[label]
    return None


def plausible_name(name: str | None) -> bool:
    """Does ``name`` look like an organisation (not an address or a city the role analysis caught)?"""
    if not name or len(name) > 150 or not any(ch.isalpha() for ch in name):
        return False
    markers = default_roles().get("entity_markers", {})
    if any(is_cjk(ch) for ch in name):
        return any(m in name for m in markers.get("zh", []))
    words = re.findall(r"[A-Za-z][A-Za-z.]*", name)
    return any(w.rstrip(".") in {m.rstrip(".") for m in markers.get("en", [])} for w in words)


_ZH_PARTY_LINE = re.compile(r"^[^：:]{1,20}[：:]\s*(?P<name>[^（(：:，,；;。]{2,80}?)\s*(?:[（(]|$)")


def _party_name(party: Party | None) -> str | None:
    """The party's legal name: the matcher's if plausible, else from a "乙方（供应方）：NAME" line."""
    if party is None:
        return None
    if plausible_name(party.name):
        return party.name
    for ev in party.evidence:
        match = _ZH_PARTY_LINE.match(ev.text.strip())
        if match and plausible_name(match.group("name").strip()):
            return match.group("name").strip()
    return None


def _first_heading(doc: Document) -> str | None:
    """The title paragraph: the first heading that is not a numbered clause ("1. Supply" is no title)."""
    from ..sections import parse_label

    for block in doc.blocks[:15]:
        if block.kind == BlockKind.HEADING and block.is_body and block.text.strip():
            if block.label or parse_label(block.text) is not None:
                break
            return block.text
    for block in doc.blocks[:3]:
        text = block.text.strip()
        if block.is_body and text and len(text) <= 60 and ("合同" in text or "协议" in text
                                                            or "agreement" in text.lower()
                                                            or "contract" in text.lower()):
            return text
    return None


@cache
def _field_patterns() -> dict[str, list[re.Pattern[str]]]:
    with open(templates_dir() / "contract_fields.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {key: [re.compile(p) for p in patterns] for key, patterns in data.items()}


def _find_field(doc: Document, key: str) -> str | None:
    # the preamble states number and date; the signature block at the end may state the signing date
    head = doc.text[:20000] + "\n" + doc.text[-8000:] if len(doc.text) > 20000 else doc.text
    for pattern in _field_patterns()[key]:
        match = pattern.search(head)
        if match:
            return match.group(1).strip()
    return None


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _parse_date(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written 2026年3月2日, 2026-03-02, 2 March 2026 or March 2, 2026."""
    m = re.fullmatch(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})-(\d{2})-(\d{2})", text.strip())
    if m:
        y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        return int(y), int(mo), int(d)
    months = {name.lower(): i for i, name in enumerate(_MONTHS, start=1)}
    m = re.fullmatch(r"(\d{1,2}) ([A-Za-z]+),? (\d{4})", text.strip())
    if m and m.group(2).lower() in months:
        return int(m.group(3)), months[m.group(2).lower()], int(m.group(1))
    m = re.fullmatch(r"([A-Za-z]+) (\d{1,2}),? (\d{4})", text.strip())
    if m and m.group(1).lower() in months:
        return int(m.group(3)), months[m.group(1).lower()], int(m.group(2))
    return None


def dates_by_language(text: str) -> dict[str, str]:
    """The contract date written the way each language writes it (2026年3月2日 / 2 March 2026)."""
    parsed = _parse_date(text)
    if parsed is None:
        return {}
    y, mo, d = parsed
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return {}
    return {"zh": f"{y}年{mo}月{d}日", "en": f"{d} {_MONTHS[mo - 1]} {y}"}


def split_title(title: str) -> dict[str, str]:
    """"设备采购合同 Equipment Purchase Contract" -> {zh: 设备采购合同, en: Equipment Purchase Contract}."""
    title = title.strip(_TITLE_STRIP)
    has_zh = any(is_cjk(ch) for ch in title)
    has_en = bool(re.search(r"[A-Za-z]{3,}", title))
    if has_zh and has_en:
        m = re.match(r"^([^A-Za-z]*[\u3400-\u9fff][^A-Za-z]*?)\s*([A-Za-z].*)$", title)
        if m and not any(is_cjk(ch) for ch in m.group(2)):
            return {"zh": m.group(1).strip(_TITLE_STRIP + "/／"), "en": m.group(2).strip(_TITLE_STRIP)}
        m = re.match(r"^([^\u3400-\u9fff]+?)\s*([\u3400-\u9fff].*)$", title)
        if m and not re.search(r"[A-Za-z]{3,}", m.group(2)):
            return {"en": m.group(1).strip(_TITLE_STRIP + "/／"), "zh": m.group(2).strip(_TITLE_STRIP)}
        return {}
    return {"zh": title} if has_zh else {"en": title}


def _names_in(doc: Document, party: Party | None, lang: str) -> str | None:
    """The party's name as the contract writes it in ``lang``: "Party B (the Supplier): NAME"."""
    if party is None:
        return None
    for label in party.labels.get(lang) or []:
        stop = "（(：:，,；;。" if lang == "zh" else "（(：:；;"
        pattern = re.compile(rf"^{re.escape(label)}\s*(?:[（(][^）)]{{0,20}}[）)])?\s*[：:]\s*"
                             rf"(?P<name>[^{stop}]{{2,120}}?)\s*(?:[（(]|$)")
        for block in doc.blocks[:80]:
            if not block.is_body:
                continue
            m = pattern.match(block.text.strip())
            if m and plausible_name(m.group("name").strip()):
                name = m.group("name").strip()
                if (lang == "zh") == any(is_cjk(ch) for ch in name):
                    return name
    return None


def build_context(doc: Document | None, result: CheckResult | None,
                  overrides: Overrides | None = None) -> AnnexContext:
    """Combine the contract's own definitions with the user's overrides."""
    ov = overrides or Overrides()
    ctx = AnnexContext()
    supplier = result.roles.supplier if result else None
    buyer = result.roles.buyer if result else None
    ctx.prevailing = ov.prevailing or "zh"
    ctx.supplier_name = ov.supplier or _party_name(supplier)
    ctx.buyer_name = ov.buyer or _party_name(buyer)
    defaults = default_roles()
    text = doc.text if doc else ""
    chosen = {(role, lang): _party_label(party, lang, text) for role, party in (("s", supplier), ("b", buyer))
              for lang in LANGUAGES}
    for lang in LANGUAGES:
        s_label = chosen[("s", lang)] or _counterpart(supplier, lang, chosen, "s") or defaults[lang]["supplier"]
        b_label = chosen[("b", lang)] or _counterpart(buyer, lang, chosen, "b") or defaults[lang]["buyer"]
        if s_label == b_label:  # the role analysis failed; never let both parties share a word
            s_label, b_label = defaults[lang]["supplier"], defaults[lang]["buyer"]
        ctx.labels[lang] = (s_label, b_label)
    for attr, role_index in (("supplier_label", 0), ("buyer_label", 1)):
        value = getattr(ov, attr)
        if value:
            check_value(f"--{attr.replace('_', '-')}", value)
            lang = _label_lang(value)
            pair = list(ctx.labels[lang])
            pair[role_index] = value.strip()
            ctx.labels[lang] = (pair[0], pair[1])
            # the other language follows unless the contract itself named the party there
            role = ("supplier", "buyer")[role_index]
            party = supplier if role_index == 0 else buyer
            for other in LANGUAGES:
                counterpart = defaults.get("counterparts", {}).get(other, {}).get(value.strip())
                if other != lang and counterpart and not _party_label(party, other):
                    pair = list(ctx.labels[other])
                    if pair[role_index] == defaults[other][role]:
                        pair[role_index] = counterpart
                        ctx.labels[other] = (pair[0], pair[1])
    for lang, (s_label, b_label) in ctx.labels.items():
        if s_label == b_label:
            raise RenderError.of("same-labels", label=repr(s_label), lang=lang)
    # The visible title paragraph, never Word's metadata (a template's "Document1" or an old deal's name).
    title = ov.contract_title or (_first_heading(doc) if doc else None)
    ctx.contract_title = title.strip(_TITLE_STRIP) or None if title else None
    if ctx.contract_title and not ov.contract_title:
        ctx.titles = split_title(ctx.contract_title)
    if doc is not None:
        from .layout import analyse, layout_data

        ctx.contract_term = analyse(doc).contract_term
        ctx.products = _defined_term(doc, layout_data().get("product_terms", {}).get("en", []))
        ctx.services = _defined_term(doc, layout_data().get("service_terms", {}).get("en", []))
        for lang in LANGUAGES:
            ctx.names[lang] = (None if ov.supplier else _names_in(doc, supplier, lang),
                               None if ov.buyer else _names_in(doc, buyer, lang))
    ctx.remedies = ov.remedies or "both"
    ctx.csr04 = ov.csr04 or "strict"
    ctx.contract_number = ov.contract_number or (_find_field(doc, "number") if doc else None)
    ctx.contract_date = ov.contract_date or (_find_field(doc, "date") if doc else None)
    for key in ("supplier_name", "buyer_name", "contract_title", "contract_number", "contract_date"):
        value = getattr(ctx, key)
        if value is not None:
            flag = {"supplier_name": "--supplier", "buyer_name": "--buyer"}.get(
                key, "--" + key.replace("_", "-"))
            setattr(ctx, key, check_value(flag, " ".join(value.split())))
    if ctx.contract_date:
        ctx.dates = dates_by_language(ctx.contract_date)
    return ctx


def _defined_term(doc: Document, terms: list[str]) -> str | None:
    """The first of ``terms`` the contract uses as a defined term (written at least twice, capitalised as listed)."""
    return next((t for t in terms if doc.text.count(t) >= 2), None)
