"""English numbering cues: clause words and roman numerals."""

from __future__ import annotations

#: Words that introduce a numbered clause ("Clause 12", "Article 5").
CLAUSE_WORDS = ("clause", "article", "section", "schedule", "annex", "appendix", "exhibit", "part")

ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def parse_roman(text: str) -> int | None:
    """Value of a lower/upper-case roman numeral up to a few hundred; None if invalid."""
    s = text.lower()
    if not s or any(ch not in ROMAN for ch in s):
        return None
    total = 0
    for i, ch in enumerate(s):
        value = ROMAN[ch]
        if i + 1 < len(s) and ROMAN[s[i + 1]] > value:
            total -= value
        else:
            total += value
    return total if total > 0 else None


#: Words before a party label that make it an object or a possessor, not the one who acts ("to the Customer").
NOT_SUBJECT_BEFORE = ("to", "of", "for", "with", "by", "from", "and", "or", "upon", "against")
#: Words opening an exception or a condition before the clause's subject ("Unless the Customer …, the Supplier
#: …"): a party inside the phrase, up to its comma, does not act in the clause.
CONDITION_OPENERS = ("except", "save", "unless", "other than", "if", "where", "should")
#: Words that open a relative clause: a modal after them ("that may affect the review") qualifies a noun, it
#: binds no one.
RELATIVE_OPENERS = ("that", "which", "who", "as")
#: Words that end the place of a clause's own subject: its first negation, modal or infinitive marker.
BINDING_WORDS = ("not", "never", "no", "shall", "will", "must", "may", "to")
