"""The one reading the class tests assert on: a contract text's verdict on one requirement, as `lint` gives it."""

from __future__ import annotations

from cliccheck.matcher import check_document
from cliccheck.packs import load_packs
from cliccheck.readers import read_document


def text_verdict(text: str, rule: str, pack: str | None = None, aliases: tuple[str, ...] | list[str] = ()) -> str:
    """The verdict on ``rule`` for ``text`` read as a plain-text contract (with ``pack`` enabled alone if given, and
    ``aliases`` given as the supplier's names as `lint --supplier` would)."""
    doc = read_document(text.encode("utf-8"), filename="case.txt")
    kw = {"library": load_packs([pack])} if pack else {}
    return str(check_document(doc, supplier_aliases=list(aliases), **kw).requirement(rule).verdict)
