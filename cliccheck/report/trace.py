"""``explain --trace``: the frame of each reading of a contract, as lines a lawyer reads in Chinese or English.

The matcher records what it read (:class:`cliccheck.matcher.frames.Frame`: actor, modality, act, objects,
exceptions, riders, the words left over) as codes; this module says those codes in words from
``messages/ui.yaml`` and quotes the contract's own words as they are.
"""

from __future__ import annotations

from types import SimpleNamespace

from ..i18n import catalogue, t
from ..matcher.analysis import Assessment
from ..matcher.frames import WINDOW_LEFTOVER
from .messages import element_title, reason_text


def describe(a: Assessment, lang: str = "en") -> list[str]:
    """The frame of one reading as lines for a lawyer, in ``lang`` (zh or en): what the matcher read, part by
    part. The codes of the frame (actor, modality, act kind, element) are said in words from
    ``messages/ui.yaml``; the contract's own words are quoted as they are."""
    def word(prefix: str, code: str) -> str:  # a code in words; a code the catalogue does not know stays a code
        return t(f"{prefix}.{code}", lang) if f"{prefix}.{code}" in catalogue() else code

    def items(pairs: list[tuple[str, str]], prefix: str) -> str:
        return t("trace.list_sep", lang).join(t("trace.item", lang, words=w, kind=word(prefix, c)) for c, w in pairs)

    def quoted(words: str) -> str:
        return t("trace.quoted", lang, words=words) if words else ""

    f = a.frame
    reading = t("trace.reading.undertaking", lang, quality=word("trace.quality", a.quality)) \
        if a.kind == "undertaking" else word("trace.reading", a.kind)
    text = a.unit.text if len(a.unit.text) <= 200 else a.unit.text[:199] + "…"
    lines = [t("trace.head", lang, rule=a.requirement, reading=reading, text=text)]
    evidence = [SimpleNamespace(text=a.unit.text)]
    said = [reason_text(r, lang, evidence, a.requirement) or t("reason.other", lang, detail=word("trace.reason", r.code))
            for r in a.reasons]
    reasons = t("trace.reasons", lang, items=t("trace.list_sep", lang).join(dict.fromkeys(said)) or
                t("trace.none", lang))
    if f is None:
        return [*lines, reasons]
    objects = t("trace.word_sep", lang).join(
        t("trace.object", lang, words=w, kind=element_title(c, lang, a.requirement) if f"trace.object.{c}" not in catalogue()
          else t(f"trace.object.{c}", lang)) for c, w in f.objects)
    lines += [t("trace.actor", lang, actor=word("trace.actor", f.actor), words=quoted(f.actor_text)),
              t("trace.modality", lang, modality=word("trace.modality", f.modality), words=quoted(f.modal_text),
                polarity=word("trace.polarity", f.polarity)),
              t("trace.act", lang, act=f.act, kind=word("trace.act", f.act_kind)),
              t("trace.objects", lang, objects=objects or t("trace.none", lang))]
    if f.conditions:
        lines.append(t("trace.conditions", lang, items=t("trace.word_sep", lang).join(f.conditions)))
    if f.exceptions:
        lines.append(t("trace.exceptions", lang, items=items(f.exceptions, "trace.exception")))
    if f.riders:
        lines.append(t("trace.riders", lang, items=items(f.riders, "trace.rider")))
    if a.kind == "undertaking":
        left = t("trace.leftover.window", lang) if f.leftover == [WINDOW_LEFTOVER] else \
            " … ".join(f.leftover) if f.leftover else t("trace.leftover.none", lang)
        lines.append(t("trace.leftover", lang, words=left))
    lines.append(reasons)
    return lines
