"""``cliccheck eval``: score the matcher on a labelled clause corpus."""

from __future__ import annotations

import json

import click

from ..clihelp import LocalizedCommand
from ..errors import EXIT_FINDINGS
from . import one_line_errors, ui_lang_of


@click.command("eval", cls=LocalizedCommand)
@click.argument("corpus", type=click.Path(exists=True), default="fixtures/clauses")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fail-under", type=float, default=None, metavar="ACC",
              help="Exit 1 if accuracy is below ACC (0-1).")
@click.option("--select", multiple=True, metavar="CSRnn", help="Score only these requirements (repeatable).")
@click.option("--errors", "show_errors", is_flag=True, help="List every misclassified case (text format).")
@click.option("--ocr", "ocr", is_flag=True,
              help="Score OCR instead: CORPUS is PDFs with a text layer, rendered to scans and read back.")
@click.option("--ocr-dpi", "ocr_dpi", type=click.IntRange(72, 600), multiple=True, metavar="DPI",
              help="With --ocr: resolution(s) to render the scans at (repeatable; default 200).")
@click.option("--max-cer", type=float, default=None, metavar="RATE",
              help="With --ocr: exit 1 if any document's character error rate is above RATE (0-1).")
@click.option("--packs", default=None, metavar="PACKS",
              help="Rule packs to score, comma-separated (default csr): built-in ids or playbook folders. Scoring "
                   "follows the corpus labels and reads no config file.")
@click.option("--pack", "playbooks", multiple=True, metavar="DIR", type=click.Path(),
              help="A playbook folder to score (repeatable; alone, only its rules are scored).")
@click.pass_context
def eval_command(ctx: click.Context, corpus: str, fmt: str, fail_under: float | None, select: tuple[str, ...],
                 show_errors: bool, ocr: bool, ocr_dpi: tuple[int, ...], max_cer: float | None,
                 packs: str | None, playbooks: tuple[str, ...]) -> None:
    """Score the tool on CORPUS (default fixtures/clauses).

    A document corpus (a folder of YAML case lists such as fixtures/eval/dev, or
    one such file) prints, per language and requirement, the accuracy on the
    requirements each case addresses, the satisfied recall, the false passes,
    and the document-level gate result. A clause corpus (cases/ + contexts/)
    prints a confusion matrix per requirement and language instead. A FALSE
    PASS is a satisfied verdict where the labels do not accept one.

    With --ocr, CORPUS is a PDF or a folder of PDFs with a text layer (such as
    fixtures/pdf, or your own signed contracts kept as Word/PDF originals):
    every page is rendered to an image at --ocr-dpi, read back by OCR, and
    compared with the text layer: character error rate per document and
    language, and whether the verdicts are the same. Needs the ocr extra.

    Exits 1 on any false pass (or false gate pass) or when accuracy is below
    --fail-under (with --ocr: above --max-cer).

    \b
    Examples:
      cliccheck eval fixtures/eval/dev
      cliccheck eval fixtures/eval/real --format json | jq .accuracy
      cliccheck eval fixtures/clauses --select CSR04 --errors
      cliccheck eval --pack fixtures/playbook-incident-24h fixtures/playbook-incident-24h/cases
      cliccheck eval --ocr fixtures/pdf --ocr-dpi 150 --ocr-dpi 300
    """
    if ocr:
        _eval_ocr(ctx, corpus, fmt, ocr_dpi or (200,), max_cer)
        return
    from pathlib import Path

    from ..evaluate import evaluate, format_text
    from ..evaluate_docs import evaluate_documents, format_doc_text, is_document_corpus

    wanted = [s.upper() for s in select] or None
    library = None
    if packs is not None or playbooks:
        from ..config import parse_pack_list
        from ..packs import load_packs

        with one_line_errors(ctx):
            specs = (parse_pack_list(packs) or []) if packs is not None else []
            library = load_packs([*specs, *(str(Path(p).resolve()) for p in playbooks)])
    if is_document_corpus(Path(corpus)):
        with one_line_errors(ctx):
            docs = evaluate_documents(corpus, select=wanted, library=library)
        if fmt == "json":
            click.echo(json.dumps(docs.to_dict(), ensure_ascii=False, indent=2))
        else:
            click.echo(format_doc_text(docs, show_errors, lang=ui_lang_of(ctx)))
        acc = docs.accuracy() or 0.0
        failed = bool(docs.false_passes() or docs.false_gate_passes) or (fail_under is not None and acc < fail_under)
        ctx.exit(EXIT_FINDINGS if failed else 0)
    with one_line_errors(ctx):
        result = evaluate(corpus, select=wanted, library=library)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_text(result, ui_lang_of(ctx), show_errors))
    failed = bool(result.false_passes) or (fail_under is not None and result.accuracy < fail_under)
    ctx.exit(EXIT_FINDINGS if failed else 0)


def _eval_ocr(ctx: click.Context, corpus: str, fmt: str, dpis: tuple[int, ...], max_cer: float | None) -> None:
    from ..errors import DocumentError
    from ..ocr_eval import evaluate_ocr, format_ocr_text
    from ..readers.ocr import available

    with one_line_errors(ctx):
        if not available():
            raise DocumentError.of("eval-ocr-engine", code="no-text-layer")
        result = evaluate_ocr([corpus], dpis)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_ocr_text(result, ui_lang_of(ctx)))
    failed = result.false_passes() > 0 or (max_cer is not None and any(c.cer > max_cer for c in result.cases))
    ctx.exit(EXIT_FINDINGS if failed else 0)
