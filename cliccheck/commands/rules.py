"""``cliccheck rules`` and ``cliccheck explain``: the rule reference, from the clause library.

Everything printed here is read from ``clause_library/`` (titles, legal
basis, explanation, examples), so the reference cannot drift from what the
matcher checks.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from ..clihelp import CatalogueUsageError, LocalizedCommand
from . import one_line_errors, ui_lang_of


def _wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """Wrap by display width (CJK characters take two cells), with hanging indents."""
    from ..report.wrap import wrap_text

    lines = wrap_text(text, width - len(subsequent_indent))
    return [(initial_indent if i == 0 else subsequent_indent) + line for i, line in enumerate(lines)]


def _library(packs: str | None = None, playbooks: tuple[str, ...] = (), every: bool = False,
             config_file: str | None = None, document: str | None = None):  # type: ignore[no-untyped-def]
    """The requirements to list, explain or trace, by the precedence lint uses: the packs named (--packs), else
    the configuration's packs (``--config``, else the config file found from ``document``'s folder or the working
    directory), else csr; ``every`` (explain RULE): every built-in pack and the configuration's playbooks. The
    playbook folders given with --pack come after them (alone, they are the whole list)."""
    from ..config import ConfigCache, parse_pack_list
    from ..packs import builtin_dirs, is_path_spec, load_packs

    if packs is not None:
        specs = parse_pack_list(packs) or []
    elif every:
        configured = ConfigCache(config_file).for_document(document).resolved_packs()
        specs = [*builtin_dirs(), *(p for p in configured if is_path_spec(p))]
    elif playbooks:
        specs = []
    else:
        specs = list(ConfigCache(config_file).for_document(document).resolved_packs())
    specs += [str(Path(p).resolve()) for p in playbooks]
    return load_packs(list(dict.fromkeys(specs)))


_PACKS_HELP = ("Rule packs to list, comma-separated: built-in ids or playbook folders. Default: the configuration's "
               "packs (as lint), else csr.")
_CONFIG_HELP = "Take the packs from this config file instead of the .cliccheck.toml / pyproject.toml found from here."
_PACK_HELP = "A playbook folder to add (repeatable): lists or explains its rules after the packs."


def _finding_rules(lang: str = "en") -> dict[str, str]:
    from ..i18n import catalogue, t
    from ..report.rules import FINDING_RULE_INFO

    return {k: t(f"rule.{k}", lang) if f"rule.{k}" in catalogue() else v.title_en
            for k, v in FINDING_RULE_INFO.items()}


def _ui(ctx: click.Context, value: str | None) -> str:
    from ..i18n import resolve_ui_lang

    return resolve_ui_lang(value)


_UI_LANG_HELP = ("Language of the headings and messages: auto (LANG/LC_ALL, else English), zh or en.")


@click.command("rules", cls=LocalizedCommand, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--ui-lang", type=click.Choice(["auto", "zh", "en"]), default=None, help=_UI_LANG_HELP)
@click.option("--packs", default=None, metavar="PACKS", help=_PACKS_HELP)
@click.option("--pack", "playbooks", multiple=True, metavar="DIR", type=click.Path(), help=_PACK_HELP)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help=_CONFIG_HELP)
@click.pass_context
def rules_command(ctx: click.Context, fmt: str, ui_lang: str | None, packs: str | None,
                  playbooks: tuple[str, ...], config_file: str | None) -> None:
    """List the requirements checked (and the other findings lint can report).

    \b
    Examples:
      cliccheck rules
      cliccheck rules --packs csr,security-agreement,pipl21,network-data
      cliccheck rules --pack ./legal/our-playbook
      cliccheck rules --format json
      cliccheck explain CSR04
    """
    with one_line_errors(ctx):
        library = _library(packs, playbooks, config_file=config_file)
    pack_of = {r.id: p for p in library.packs for r in p.requirements}
    if fmt == "json":
        data = {
            "requirements": [{"id": r.id, "name": r.name, "titles": r.titles, "severity": r.severity,
                              "pack": pack_of[r.id].id,
                              "help_uri": f"https://github.com/cliccheck/cliccheck#{r.id.lower()}"}
                             for r in library.requirements],
            "packs": [{"id": p.id, "titles": p.titles, "rule_prefix": p.rule_prefix, "builtin": p.builtin,
                       "legal_basis": list(p.legal_basis), "rules": list(p.ids),
                       "precondition": p.precondition.description if p.precondition else None}
                      for p in library.packs],
            "findings": [{"rule": k, "title": v} for k, v in _finding_rules().items()],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from ..i18n import t

    lang = _ui(ctx, ui_lang)
    click.echo(t("rules.heading" if [p.id for p in library.packs] == ["csr"] else "rules.heading_packs", lang))
    shown = None
    for req in library.requirements:
        pack = pack_of[req.id]
        if [p.id for p in library.packs] != ["csr"] and pack is not shown:
            shown = pack
            click.echo(f"\n [{pack.id}] {pack.titles.get(lang, '')}")
            if pack.precondition is not None:
                click.echo("  " + t("rules.applies", lang, when=pack.precondition.description.get(lang, "")))
        first, second = ("zh", "en") if lang == "zh" else ("en", "zh")
        click.echo(f"  {req.id}  {req.name:<36} {req.titles.get(first, '')}")
        click.echo(f"  {'':5} {'':<36} {req.titles.get(second, '')}")
    click.echo("\n" + t("rules.findings", lang))
    for rule, title in _finding_rules(lang).items():
        if rule != "read-error":
            click.echo(f"  {rule:<42} {title}")
    click.echo("\n" + t("rules.more", lang))


@click.command("explain", cls=LocalizedCommand, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("rule", required=False)
@click.option("--lang", type=click.Choice(["both", "en", "zh"]), default="both", show_default=True,
              help="Language of the explanation and examples.")
@click.option("--ui-lang", type=click.Choice(["auto", "zh", "en"]), default=None, help=_UI_LANG_HELP)
@click.option("--trace", "trace_file", default=None, metavar="FILE",
              help="Show how the matcher read FILE: the frame of every candidate sentence (actor, modality, "
                   "polarity, act, object, conditions, exceptions, riders, leftover words).")
@click.option("--supplier-alias", "aliases", multiple=True, help="Extra supplier name (with --trace).")
@click.option("--packs", default=None, metavar="PACKS",
              help="With --trace: the rule packs to read FILE with, comma-separated, as lint --packs (default: the "
                   "configuration's packs, as lint, else csr; every built-in pack when RULE is named). Each pack is "
                   "read on its own, as lint reads it.")
@click.option("--pack", "playbooks", multiple=True, metavar="DIR", type=click.Path(), help=_PACK_HELP)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Take the packs from this config file instead of the .cliccheck.toml / pyproject.toml found "
                   "from FILE's folder (or from here).")
@click.pass_context
def explain_command(ctx: click.Context, rule: str | None, lang: str, ui_lang: str | None, trace_file: str | None,
                    aliases: tuple[str, ...], packs: str | None, playbooks: tuple[str, ...],
                    config_file: str | None) -> None:
    """Explain one requirement: legal basis, what satisfies it, what makes it
    weak or contradicted, and examples in both languages. With --trace FILE,
    show why the matcher decided as it did on FILE (RULE then limits the trace).

    RULE is an id (CSR04, SEC01, PIPL21-03, ND02, a --pack playbook's) or a name
    (no-unjustified-supply-suspension).

    \b
    Examples:
      cliccheck explain CSR04
      cliccheck explain no-illegal-data-collection --lang zh
      cliccheck explain --trace contract.docx
      cliccheck explain CSR02 --trace contract.pdf
      cliccheck explain --trace contract.docx --packs csr,security-agreement,pipl21,network-data
    """
    if trace_file is not None:
        _trace(ctx, trace_file, rule, aliases, playbooks, packs, config_file)
        return
    if rule is None:
        raise CatalogueUsageError("cli.explain_needs_rule", ctx=ctx)
    with one_line_errors(ctx):
        library = _library(None, playbooks, every=True, config_file=config_file)
        by_name = {r.name: r for r in library.requirements}
        req = by_name.get(rule) or library.requirement(rule)
    from ..i18n import catalogue, t

    ui = _ui(ctx, ui_lang)
    both = ["zh", "en"] if ui == "zh" else ["en", "zh"]
    langs = both if lang == "both" else [lang]
    width = 96
    out: list[str] = [f"{req.id} {req.name}"]
    for code in langs:
        out.append(f"  {req.titles.get(code, '')}")
    out.append("  " + t("explain.severity", ui, severity=t(f"severity.{req.severity}", ui)))
    out.append("  " + t("explain.more", ui, url=f"https://github.com/cliccheck/cliccheck#{req.id.lower()}"))
    out.append("\n" + t("explain.basis", ui))
    for entry in req.legal_basis:
        raw_status = entry.get("status") or ""
        label = t(f"status.{raw_status}", ui) if f"status.{raw_status}" in catalogue() else raw_status
        status = "" if raw_status == "in force" else t("explain.status", ui, status=label)
        suffix = "_zh" if ui == "zh" else ""  # the clause library gives each citation in both languages
        out.extend(_wrap(f"- {entry['cite' + suffix]}{status}", width, initial_indent="  ",
                         subsequent_indent="    "))
        if entry.get("note" + suffix):
            out.extend(_wrap(entry["note" + suffix], width, initial_indent="    ", subsequent_indent="    "))
    out.append("\n" + t("explain.must_say", ui))
    for code in langs:
        text = _join_lines(req.explanation.get(code, ""))
        out.extend(_wrap(text, width, initial_indent="  ",
                                 subsequent_indent="  "))
        out.append("")
    labels = {v: t(f"explain.{v}", ui) for v in ("satisfied", "weak", "contradicted")}
    out.append(t("explain.examples", ui))
    for verdict, label in labels.items():
        examples = req.examples.get(verdict, {})
        out.append("  " + t("explain.label", ui, label=label))
        for code in langs:
            for example in examples.get(code, ()):
                out.extend(_wrap(example, width, initial_indent="    - ",
                                         subsequent_indent="      "))
    click.echo("\n".join(out).rstrip())


_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_CJK_GAP = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")


def _join_lines(text: str) -> str:
    """A folded YAML paragraph as one line: the line breaks between Chinese characters are no spaces."""
    return _CJK_GAP.sub("", " ".join(text.split()))


def _visible(text: str) -> str:
    """Document text shown on a terminal: control and bidi characters as escapes, never raw."""
    return "".join(c if c.isprintable() or c == " " else f"\\u{ord(c):04x}" for c in text)


def _readings(doc, library, wanted: str | None, aliases: tuple[str, ...]) -> list:  # type: ignore[no-untyped-def]
    """The readings lint makes: each pack read on its own (one pack's words never account for another pack's
    undertaking), then ordered by language version as one reading shows them."""
    from ..matcher.frames import trace_document
    from ..packs import pack_library

    parts = [pack_library(library, pack) for pack in library.packs if wanted is None or wanted in pack.ids]
    readings = [r for part in parts for r in trace_document(doc, part, supplier_aliases=aliases)]
    order = {v: i for i, v in enumerate(dict.fromkeys(v for v, _ in readings))}
    return sorted(readings, key=lambda r: order[r[0]])


def _trace(ctx: click.Context, path: str, rule: str | None, aliases: tuple[str, ...],
           playbooks: tuple[str, ...] = (), packs: str | None = None, config_file: str | None = None) -> None:
    """Print the frame of every reading of ``path`` (the words that decided, and those nobody accounted for)."""
    import sys

    from ..i18n import resolve_ui_lang, t
    from ..readers import read_document
    from ..report.trace import describe

    lang = ui_lang_of(ctx)  # errors before the contract is read
    with one_line_errors(ctx):
        library = _library(packs, playbooks, every=rule is not None, config_file=config_file,
                           document=None if path == "-" else path)
        wanted = None
        if rule is not None:
            by_name = {r.name: r for r in library.requirements}
            wanted = (by_name.get(rule) or library.requirement(rule)).id
        doc = read_document(sys.stdin.buffer, filename="<stdin>") if path == "-" else read_document(path)
        readings = _readings(doc, library, wanted, aliases)
    # --ui-lang auto: the contract's language, as the lint report (unless the locale or the option chose)
    lang = resolve_ui_lang(ctx.params.get("ui_lang"), doc.language)
    shown = 0
    for version, a in readings:
        if wanted is not None and a.requirement != wanted:
            continue
        shown += 1
        sentence = a.unit.sentence
        where = t("explain.trace_where", lang, version=t(f"lang.{version}", lang),
                  section=sentence.block.section or t("trace.no_section", lang),
                  paragraph=sentence.block.paragraph) if sentence is not None else \
            t("explain.trace_version", lang, version=t(f"lang.{version}", lang))
        click.echo(_visible(where))
        for line in describe(a, lang):
            click.echo(_visible(line))
        click.echo("")
    if not shown:
        click.echo(t("explain.trace_none", lang, rule=wanted) if wanted else t("explain.trace_none_any", lang))
