"""Rule metadata for the reports (SARIF rules, HTML, help links).

Requirement metadata (titles, legal basis, explanation) comes from the clause
library through :mod:`cliccheck.library`; this module only adapts it and adds
the finding rules that are the tool's own (they carry no legal content).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

HELP_BASE = "https://github.com/cliccheck/cliccheck"


@dataclass(frozen=True, slots=True)
class RuleInfo:
    id: str
    name: str
    title_en: str = ""
    title_zh: str = ""
    explanation: str = ""
    explanation_zh: str = ""
    legal_basis: str = ""
    default_level: str = "error"

    @property
    def help_uri(self) -> str:
        return f"{HELP_BASE}#{self.id.lower()}"

    @property
    def short(self) -> str:
        return self.title_en or self.name.replace("-", " ")

    @property
    def full(self) -> str:
        parts = [self.short + (f" ({self.title_zh})" if self.title_zh else "") + "."]
        if self.explanation:
            parts.append(self.explanation)
        return " ".join(p.strip() for p in parts if p.strip())

    @property
    def help_text(self) -> str:
        lines = [self.full]
        if self.legal_basis:
            lines.append(f"Legal basis: {self.legal_basis}")
        lines.append(f"More: {self.help_uri}")
        return "\n\n".join(lines)


#: The tool's own finding rules: what each reports, in plain words.
FINDING_RULE_INFO: dict[str, RuleInfo] = {
    "bilingual-mismatch": RuleInfo(
        "bilingual-mismatch", "bilingual-mismatch", "Language versions disagree",
        explanation="The Chinese and English versions of the contract reach different verdicts on a "
                    "requirement; the version that prevails under the language clause decides.",
        default_level="warning"),
    "hidden-text": RuleInfo(
        "hidden-text", "hidden-text", "Hidden or deleted text would satisfy a requirement",
        explanation="Text that a reader of the printed contract does not see (hidden, deleted, a comment, "
                    "white or tiny text) contains wording for a requirement. It does not count; check "
                    "why the draft hides it.",
        default_level="warning"),
    "hidden-contradiction": RuleInfo(
        "hidden-contradiction", "hidden-contradiction", "Hidden text would contradict a requirement",
        explanation="Text excluded as invisible (hidden, white, tiny, a layer that is off, a running header "
                    "or footer) would contradict a requirement. What counts as invisible differs between "
                    "Word, WPS, LibreOffice and PDF viewers, so the gate fails closed: read it in the original.",
        default_level="error"),
    "unread-content": RuleInfo(
        "unread-content", "unread-content", "Content a reader sees was not read",
        explanation="Part of the document a reader sees could not be read (an image-only page inside a text "
                    "PDF, an embedded document, glyphs whose Unicode map disagrees with what they show). "
                    "cliccheck cannot vouch for what it did not read, so the gate fails.",
        default_level="error"),
    "obfuscated-text": RuleInfo(
        "obfuscated-text", "obfuscated-text", "Invisible or look-alike characters in contract text",
        explanation="The contract text contains invisible format characters or look-alike letters "
                    "(Cyrillic or Greek in English words, Kangxi radicals, variation selectors) that make "
                    "words read differently by a machine than by a person. Matching uses the normalised "
                    "text; the presence of such characters fails the gate.",
        default_level="error"),
    "ocr-read": RuleInfo(
        "ocr-read", "ocr-read", "Text read by OCR",
        explanation="Pages of the document are images (a scan or a photo) and their text was recognised by OCR. "
                    "Evidence from them carries its page and box; words recognised with low confidence never "
                    "satisfy a requirement (reason ocr-uncertain), and seals found on the pages are listed.",
        default_level="note"),
    "no-supplier-party": RuleInfo(
        "no-supplier-party", "no-supplier-party", "No supplier party found: not a contract with a supplier",
        explanation="The document never makes the supplier a party: it is a buyer's notice to its suppliers, a "
                    "policy, an article, or terms in which 'the supplier' is a class of persons. Words that read "
                    "like an undertaking bind no supplier there, so no requirement passes. Check the signed "
                    "contract or the supplier's own commitment letter instead.",
        default_level="error"),
    "not-a-contract": RuleInfo(
        "not-a-contract", "not-a-contract", "This does not look like a contract",
        explanation="The file has no parties, clauses or obligations (or is mostly code or markup: a README, "
                    "a configuration file), so its verdicts mean nothing. Check that the right file was given.",
        default_level="error"),
    "pack-suggested": RuleInfo(
        "pack-suggested", "pack-suggested", "The contract may need a rule pack that is not enabled",
        explanation="The contract clearly entrusts the supplier with personal information or data services, "
                    "which further duties govern (PIPL Art. 21, Network Data Regulations Art. 16); the packs "
                    "that check them are not enabled. A note: it never fails the gate.",
        default_level="note"),
    "expired-waiver": RuleInfo(
        "expired-waiver", "expired-waiver", "A waiver has expired",
        explanation="A configured waiver for this document passed its expiry date and no longer applies.",
        default_level="warning"),
    "read-error": RuleInfo(
        "read-error", "read-error", "The document could not be read",
        explanation="A document that cannot be read is never passed by the gate.",
        default_level="error"),
}


def _basis(entries: Any) -> str:
    """The legal basis as one line: the citations in force (others only when nothing is)."""
    cites = [e.get("cite", "") for e in entries if e.get("status") == "in force"]
    if not cites:
        cites = [e.get("cite", "") for e in entries]
    return "; ".join(c for c in cites if c)


def requirement_rules() -> dict[str, RuleInfo]:
    """Requirement id -> metadata from the rule packs loaded (empty when they cannot be loaded)."""
    try:
        from ..packs import known_requirements

        requirements = known_requirements()
    except Exception:  # reports still render with the ids and names the matcher gave
        return {}
    key = tuple(r.source for r in requirements)
    if key not in _INFOS:
        _INFOS[key] = _rule_infos(requirements)
    return _INFOS[key]


_INFOS: dict[tuple[str, ...], dict[str, RuleInfo]] = {}


def _rule_infos(requirements: tuple[Any, ...]) -> dict[str, RuleInfo]:
    return {
        req.id: RuleInfo(
            id=req.id, name=req.name, title_en=req.titles.get("en", ""), title_zh=req.titles.get("zh", ""),
            explanation=" ".join(req.explanation.get("en", "").split()),
            explanation_zh=req.explanation.get("zh", "").strip(),
            legal_basis=_basis(req.legal_basis), default_level=req.severity,
        )
        for req in requirements
    }


def rule_info(rule_id: str, name: str | None = None) -> RuleInfo:
    """Metadata for a requirement id or a finding rule; never fails."""
    if rule_id in FINDING_RULE_INFO:
        return FINDING_RULE_INFO[rule_id]
    found = requirement_rules().get(rule_id)
    if found is not None:
        return found
    return RuleInfo(rule_id, name or rule_id)
