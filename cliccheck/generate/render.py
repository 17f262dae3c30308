"""Rendering the clause and annex templates safely.

Why this module exists: a contract must never contain an empty string or the
word "None" where a party name belongs, and a party name must never turn into
markup. So every environment uses :class:`jinja2.StrictUndefined` (a missing
variable is an error naming it), a ``finalize`` hook that refuses ``None``,
and autoescaping for HTML/XML. Values are never re-evaluated as templates, so
a name such as ``{{ x }}`` comes out literally.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup

from ..errors import ConfigError
from ..i18n import Phrase
from ..lang.zh import numeral as zh_numeral
from ..paths import data_dir

REQUIREMENT_IDS = ("CSR01", "CSR02", "CSR03", "CSR04")
LANGUAGES = ("zh", "en")
VARIANTS = ("short", "full")

#: Characters XML 1.0 cannot carry (a DOCX with them does not open).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class RenderError(ConfigError):
    """A template could not be filled: a value is missing or unusable."""


def templates_dir() -> Path:
    """The ``templates/`` folder (source tree, or installed data files)."""
    try:
        return data_dir("templates")
    except ConfigError as exc:
        raise RenderError(exc.message) from None


def _refuse_none(value: Any) -> Any:
    if value is None:
        raise RenderError("a template value is None; refusing to write 'None' into a contract")
    return value


def upfirst(value: Any) -> Any:
    """Capitalise the first letter only ("the Vendor" -> "The Vendor"), keeping Markup safe."""
    _refuse_none(value)
    text = str(value)
    if not text:
        return value
    out = text[0].upper() + text[1:]
    return Markup(out) if isinstance(value, Markup) else out


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")


def md_escape(value: Any) -> str:
    """Backslash-escape Markdown/HTML-active characters so text stays literal text."""
    text = str(value)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # A line starting with "1." or "-" would become a list; escape the marker.
    return re.sub(r"(?m)^(\s*)(\d+)([.)])", r"\1\2\\\3", text).replace("\n-", "\n\\-")


def _make_env(kind: str) -> jinja2.Environment:
    """kind: text (plain), html (autoescape), md (Markdown-escaped values)."""
    finalize = _refuse_none
    if kind == "md":
        def finalize(value: Any) -> Any:
            _refuse_none(value)
            return value if isinstance(value, Markup) else md_escape(value)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=kind == "html",
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["upfirst"] = upfirst
    env.filters["zh_numeral"] = zh_numeral
    env.filters["md"] = md_escape
    return env


@cache
def environment(kind: str = "text") -> jinja2.Environment:
    return _make_env(kind)


def check_value(name: str, value: str) -> str:
    """Refuse values that cannot go into a contract file (XML-illegal controls, blanks)."""
    if not isinstance(value, str):
        raise RenderError.of("value-not-text", name=name, kind=type(value).__name__)
    if not value.strip():
        raise RenderError.of("value-empty", name=name)
    if _XML_ILLEGAL.search(value):
        raise RenderError.of("value-controls", name=name)
    return value


def _module(path: str, context: Mapping[str, Any]) -> Any:
    for key, value in context.items():
        if value is None:
            raise RenderError(f"template {path}: value {key!r} is None; refusing to write 'None' into a contract")
    env = environment("text")
    try:
        return env.get_template(path).make_module(dict(context))
    except jinja2.UndefinedError as exc:
        raise RenderError(f"template {path}: missing value: {exc.message}") from None
    except jinja2.TemplateNotFound:
        raise RenderError(f"no template {path}") from None


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split("\n")).strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


@dataclass(frozen=True, slots=True)
class ClauseText:
    """One requirement's clause in one language: heading, paragraphs, legal basis."""

    req_id: str
    lang: str
    variant: str
    title: str
    basis: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def _check_choice(what: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise RenderError.of("unknown-choice", what=Phrase(f"err.choice.{what}"), value=repr(value), allowed=", ".join(allowed))


def clause_ids() -> tuple[str, ...]:
    """Requirement ids with clause templates, in pack order: csr's, then the other built-in packs'."""
    from ..packs import known_requirements

    ids = [*REQUIREMENT_IDS, *(r.id for r in known_requirements() if r.id not in REQUIREMENT_IDS)]
    folder = templates_dir() / "clauses"
    return tuple(i for i in ids if i in REQUIREMENT_IDS or (folder / f"{i}.en.full.j2").is_file())


def clause(req_id: str, lang: str, variant: str, context: Mapping[str, Any]) -> ClauseText:
    """Render the clause template ``templates/clauses/<req>.<lang>.<variant>.j2``."""
    _check_choice("requirement", req_id, clause_ids())
    _check_choice("language", lang, LANGUAGES)
    _check_choice("variant", variant, VARIANTS)
    ctx = context.get(lang, context) if isinstance(context.get(lang), Mapping) else context
    module = _module(f"clauses/{req_id}.{lang}.{variant}.j2", ctx)
    return ClauseText(req_id, lang, variant, requirement_title(req_id, lang), str(module.basis),
                      tuple(_paragraphs(str(module))))


def requirement_title(req_id: str, lang: str) -> str:
    """The one title of a requirement in a language: the clause library's, as reports and `explain` show it."""
    from ..packs import known_requirements

    try:
        return next(r for r in known_requirements() if r.id == req_id).titles[lang]
    except (StopIteration, KeyError, ConfigError) as exc:
        raise RenderError(f"no {lang} title for {req_id} in the clause library: {exc}") from None


def suggested_clause(req_id: str, lang: str, variant: str = "full",
                     context: Mapping[str, Any] | None = None) -> str:
    """Plain-text suggested clause (paragraphs separated by a blank line).

    ``context`` is a mapping with at least ``supplier`` and ``buyer`` (how the
    clause refers to the parties, e.g. "乙方" or "the Vendor"), or a per-language
    mapping ``{"zh": {...}, "en": {...}}`` as built by
    :func:`cliccheck.generate.context.build_context`. Without it, the neutral
    role words from ``templates/roles.yaml`` are used. Callers writing HTML must
    escape the result (it is plain text).
    """
    if context is None:
        from .context import build_context

        context = build_context(None, None).for_lang(lang)
    return clause(req_id, lang, variant, context).text


def annex_text(lang: str, context: Mapping[str, Any]) -> Any:
    """The fixed annex texts for a language (title, preamble, language clause, signatures)."""
    _check_choice("language", lang, LANGUAGES)
    return _module(f"annex/text.{lang}.j2", context)


def redline_comment(lang: str, context: Mapping[str, Any]) -> str:
    """Text of a Word comment explaining a proposed change."""
    module = _module(f"redline/comment.{lang}.j2", context)
    return " ".join(str(module).split())


def render_page(name: str, kind: str, **values: Any) -> str:
    """Render a layout template (annex.md.j2, annex.html.j2, ...) in its escaping mode."""
    try:
        return environment(kind).get_template(name).render(**values)
    except jinja2.UndefinedError as exc:
        raise RenderError(f"template {name}: missing value: {exc.message}") from None


@cache
def default_roles() -> dict[str, dict[str, str]]:
    """Neutral role words per language, from templates/roles.yaml."""
    with open(templates_dir() / "roles.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)
