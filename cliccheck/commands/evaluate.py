"""``cliccheck eval``: score the matcher on a labelled clause corpus."""

from __future__ import annotations

import json

import click

from ..errors import EXIT_FINDINGS
from . import one_line_errors


@click.command("eval")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False), default="fixtures/clauses")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fail-under", type=float, default=None, metavar="ACC",
              help="Exit 1 if accuracy is below ACC (0-1).")
@click.option("--select", multiple=True, metavar="CSRnn", help="Score only these requirements (repeatable).")
@click.option("--errors", "show_errors", is_flag=True, help="List every misclassified case (text format).")
@click.pass_context
def eval_command(ctx: click.Context, corpus: str, fmt: str, fail_under: float | None, select: tuple[str, ...],
                 show_errors: bool) -> None:
    """Score the matcher on CORPUS (default fixtures/clauses): a confusion
    matrix per requirement and language (rows = label, columns = predicted),
    accuracy, precision/recall/F1 on contradictions, and every FALSE PASS
    (satisfied where the label is weak, contradicted or missing).

    Exits 1 on any false pass or when accuracy is below --fail-under.

    \b
    Examples:
      cliccheck eval fixtures/clauses
      cliccheck eval fixtures/clauses --format json | jq .accuracy
      cliccheck eval fixtures/clauses --select CSR04 --errors
    """
    from ..evaluate import evaluate, format_text

    with one_line_errors(ctx):
        result = evaluate(corpus, select=[s.upper() for s in select] or None)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_text(result))
        if show_errors:
            for p in result.predictions:
                if p.label != p.predicted:
                    click.echo(f"  {p.case} {p.requirement}: label {p.label}, predicted {p.predicted} — {p.message}")
    failed = bool(result.false_passes) or (fail_under is not None and result.accuracy < fail_under)
    ctx.exit(EXIT_FINDINGS if failed else 0)
