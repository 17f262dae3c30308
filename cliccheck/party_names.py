"""How a party is named inside an English sentence ("the Vendor", "Party B", "Northbridge Systems Ltd."), shared
by the matcher's messages and the reports so that neither says "The Northbridge Systems Ltd." or "The We"."""
from __future__ import annotations

import functools

#: English personal pronouns: a contract that calls the supplier "We" names no one a report can put in a sentence
#: ("The We gives…"); the report then uses the supplier's name, or "the supplier"
_PRONOUNS = frozenset({"i", "me", "we", "us", "our", "ours", "you", "your", "it", "its", "they", "them", "their"})


@functools.cache
def _role_nouns() -> frozenset[str]:
    """The English role words of the library ("vendor", "service provider", "company"), lower case: a label that
    is one of them is a common noun and takes "the"; any other label is a name ("Northbridge", "Party B")."""
    try:
        from .library import load_library

        roles = load_library().common["roles"]
    except Exception:
        return frozenset({"supplier", "vendor", "seller", "contractor", "provider", "company"})
    return frozenset(w.lower() for key in ("supplier", "buyer", "presumed_supplier", "presumed_buyer")
                     for w in roles.get(key, {}).get("en", ()) if not w.startswith("re:"))


def english_label(label: str) -> str | None:
    """A role label as an English report puts it in a sentence: "the Vendor", "the Service Provider", "the
    Company" (from "The Company"), "Party B" and "Northbridge" as they are; None for a pronoun ("We")."""
    label = " ".join(label.split())
    bare = label[4:] if label[:4].lower() == "the " else label
    if not bare or bare.lower() in _PRONOUNS:
        return None
    words = bare.lower().split()
    if words[0] == "party":  # a neutral label ("Party B") is a name
        return bare
    common = any(" ".join(words[i:]) in _role_nouns() for i in range(len(words)))
    if common or bare is not label:
        return f"the {bare}"
    return bare
