"""``cliccheck rules`` and ``cliccheck explain``: the rule reference, from the clause library.

Everything printed here is read from ``clause_library/`` (titles, legal
basis, explanation, examples), so the reference cannot drift from what the
matcher checks.
"""

from __future__ import annotations

import json

import click

from . import one_line_errors


def _wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """Wrap by display width (CJK characters take two cells), with hanging indents."""
    from ..report.wrap import wrap_text

    lines = wrap_text(text, width - len(subsequent_indent))
    return [(initial_indent if i == 0 else subsequent_indent) + line for i, line in enumerate(lines)]


def _library():  # type: ignore[no-untyped-def]
    from ..library import load_library

    return load_library()


def _finding_rules() -> dict[str, str]:
    from ..report.rules import FINDING_RULE_INFO

    return {k: v.title_en for k, v in FINDING_RULE_INFO.items()}


@click.command("rules", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def rules_command(ctx: click.Context, fmt: str) -> None:
    """List the requirements checked (and the other findings lint can report).

    \b
    Examples:
      cliccheck rules
      cliccheck rules --format json
      cliccheck explain CSR04
    """
    with one_line_errors(ctx):
        library = _library()
    if fmt == "json":
        data = {
            "requirements": [{"id": r.id, "name": r.name, "titles": r.titles, "severity": r.severity,
                              "help_uri": f"https://github.com/cliccheck/cliccheck#{r.id.lower()}"}
                             for r in library.requirements],
            "findings": [{"rule": k, "title": v} for k, v in _finding_rules().items()],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo("Requirements (Cybersecurity Review Measures, Art. 6: the supplier must undertake to ...)")
    for req in library.requirements:
        click.echo(f"  {req.id}  {req.name:<36} {req.titles.get('en', '')}")
        click.echo(f"  {'':5} {'':<36} {req.titles.get('zh', '')}")
    click.echo("\nOther findings (warnings by default)")
    for rule, title in _finding_rules().items():
        if rule != "read-error":
            click.echo(f"  {rule:<42} {title}")
    click.echo("\nRun `cliccheck explain ID` for the legal basis, what satisfies a requirement and examples.")


@click.command("explain", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("rule", required=False)
@click.option("--lang", type=click.Choice(["both", "en", "zh"]), default="both", show_default=True,
              help="Language of the explanation and examples.")
@click.option("--trace", "trace_file", default=None, metavar="FILE",
              help="Show how the matcher read FILE: the frame of every candidate sentence (actor, modality, "
                   "polarity, act, object, conditions, exceptions, riders, leftover words).")
@click.option("--supplier-alias", "aliases", multiple=True, help="Extra supplier name (with --trace).")
@click.pass_context
def explain_command(ctx: click.Context, rule: str | None, lang: str, trace_file: str | None,
                    aliases: tuple[str, ...]) -> None:
    """Explain one requirement: legal basis, what satisfies it, what makes it
    weak or contradicted, and examples in both languages. With --trace FILE,
    show why the matcher decided as it did on FILE (RULE then limits the trace).

    RULE is an id (CSR04) or a name (no-unjustified-supply-suspension).

    \b
    Examples:
      cliccheck explain CSR04
      cliccheck explain no-illegal-data-collection --lang zh
      cliccheck explain --trace contract.docx
      cliccheck explain CSR02 --trace contract.pdf
    """
    if trace_file is not None:
        _trace(ctx, trace_file, rule, aliases)
        return
    if rule is None:
        raise click.UsageError("explain needs a RULE (CSR01 ...) or --trace FILE")
    with one_line_errors(ctx):
        library = _library()
        by_name = {r.name: r for r in library.requirements}
        req = by_name.get(rule) or library.requirement(rule)
    langs = ["en", "zh"] if lang == "both" else [lang]
    width = 96
    out: list[str] = [f"{req.id} {req.name}"]
    for code in langs:
        out.append(f"  {req.titles.get(code, '')}")
    out.append(f"  Severity when not satisfied: {req.severity} (weak: warning)")
    out.append(f"  More: https://github.com/cliccheck/cliccheck#{req.id.lower()}")
    out.append("\nLegal basis")
    for entry in req.legal_basis:
        status = "" if entry.get("status") == "in force" else f" [{entry.get('status')}]"
        out.extend(_wrap(f"- {entry['cite']}{status}", width, initial_indent="  ",
                                 subsequent_indent="    "))
        if entry.get("note"):
            out.extend(_wrap(entry["note"], width, initial_indent="    ", subsequent_indent="    "))
    out.append("\nWhat the contract must say")
    for code in langs:
        text = " ".join(req.explanation.get(code, "").split())
        out.extend(_wrap(text, width, initial_indent="  ",
                                 subsequent_indent="  "))
        out.append("")
    labels = {"satisfied": "Satisfies it", "weak": "Weak (a warning)", "contradicted": "Contradicts it (an error)"}
    out.append("Examples")
    for verdict, label in labels.items():
        examples = req.examples.get(verdict, {})
        out.append(f"  {label}:")
        for code in langs:
            for example in examples.get(code, ()):
                out.extend(_wrap(example, width, initial_indent="    - ",
                                         subsequent_indent="      "))
    click.echo("\n".join(out).rstrip())


def _visible(text: str) -> str:
    """Document text shown on a terminal: control and bidi characters as escapes, never raw."""
    return "".join(c if c.isprintable() or c == " " else f"\\u{ord(c):04x}" for c in text)


def _trace(ctx: click.Context, path: str, rule: str | None, aliases: tuple[str, ...]) -> None:
    """Print the frame of every reading of ``path`` (the words that decided, and those nobody accounted for)."""
    import sys

    from ..matcher.frames import describe, trace_document
    from ..readers import read_document

    with one_line_errors(ctx):
        library = _library()
        wanted = None
        if rule is not None:
            by_name = {r.name: r for r in library.requirements}
            wanted = (by_name.get(rule) or library.requirement(rule)).id
        doc = read_document(sys.stdin.buffer, filename="<stdin>") if path == "-" else read_document(path)
        readings = trace_document(doc, library, supplier_aliases=aliases)
    shown = 0
    for version, a in readings:
        if wanted is not None and a.requirement != wanted:
            continue
        shown += 1
        sentence = a.unit.sentence
        where = f"[{version}] section {sentence.block.section or '-'}, paragraph {sentence.block.paragraph}" \
            if sentence is not None else f"[{version}]"
        click.echo(_visible(where))
        for line in describe(a):
            click.echo(_visible(line))
        click.echo("")
    if not shown:
        click.echo("No candidate sentence: nothing in the document speaks to " + (wanted or "any requirement") + ".")
