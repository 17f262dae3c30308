"""Every human-facing string of the ``annex`` and ``redline`` commands, in one place.

Why: the UI is to be localised (issue 12); a translator edits this table, not
the command code. Contract wording is not here: it lives in ``templates/``.
Keys are stable; values are ``str.format`` templates.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # annex
    "annex.nothing": "{contract}: all four undertakings are satisfied; nothing to add (use --all for a full annex).",
    "annex.blank": "cliccheck: note: the contract does not state its {what}; the annex leaves a blank (＿＿＿) to fill "
                   "in before signing{hint}",
    "annex.wrote": "wrote {output}: {count} clause(s) ({ids}), {langs}",
    "annex.unknown-format": "cannot tell the format of {output}: use .docx, .md, .html or .txt, or pass --format",
    "annex.docx-stdout": "a DOCX annex needs -o FILE.docx",
    "annex.reference-not-docx": "--reference-docx {path}: not a Word document (.docx)",
    "annex.reference-only-docx": "--reference-docx applies to a DOCX annex only",
    # redline
    "redline.wrote": "wrote {output}: {deletions} deletion(s), {replacements} replacement(s), {inserted} inserted "
                     "clause(s){ids}, {comments} comment(s)",
    "redline.warning": "cliccheck: warning: {message}",
    "redline.not-docx-name": "{output}: the redline is a Word document; name it .docx",
    "redline.empty-author": "--author is empty",
    "redline.author-control": "--author {author!r} contains control or format characters",
    "redline.unresolved": "cliccheck: error: {output}: accepting all changes still leaves {ids} contradicted: the "
                          "contradicting text is outside the document body (a footnote, header or comment) or "
                          "crosses a field, so no deletion could be proposed for it; edit it by hand",
    "redline.not-docx": "redline needs a Word document (.docx), this is {fmt}: use `cliccheck annex {contract} -o "
                        "annex.docx` for a standalone annex instead",
    "redline.macro-name": "{output}: name the redline {want}",
    "redline.macro-want": ".docm (the draft contains macros; Word refuses a .docx that does)",
    "redline.placed": "cliccheck: note: new clauses inserted {where}",
    "redline.placed-before": "before “{text}”",
    "redline.placed-after": "after section {section}",
    "redline.placed-end": "at the end of the document (no signature block or schedule found)",
    "redline.deleted-text": "--deleted-text must be LANG=TEXT (e.g. zh=【本条删除】 or en=[Deleted]), got {value!r}",
}

#: What each blank is called in the note, and the option that fills it.
BLANKS: dict[str, tuple[str, str]] = {
    "contract_title": ("title", "--contract-title"),
    "contract_number": ("contract number", "--contract-number"),
    "contract_date": ("date", "--contract-date"),
    "buyer_name": ("buyer's name", "--buyer"),
    "supplier_name": ("supplier's name", "--supplier"),
}


def msg(key: str, **values: object) -> str:
    """The message ``key`` filled with ``values``."""
    return MESSAGES[key].format(**values)
