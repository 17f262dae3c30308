"""``cliccheck annex``: a standalone annex with the clauses the contract lacks."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from ..clihelp import LocalizedCommand
from ..errors import ConfigError
from ..termsafe import escape_name, escape_text
from . import one_line_errors, parse_timeout, timeout_option
from ._generate_options import override_options, overrides_from, pack_options, parse_when
from ._ocr_options import make_ocr_options, ocr_options

SUFFIX_FORMATS = {".md": "md", ".markdown": "md", ".txt": "txt", ".html": "html", ".htm": "html",
                  ".docx": "docx"}


def _langs(option: str | None, doc_language: str) -> list[str]:
    if option:
        return ["zh", "en"] if option == "zh+en" else [option]
    return {"mixed": ["zh", "en"], "en": ["en"]}.get(doc_language, ["zh"])


def needs_clause(result) -> list[str]:  # type: ignore[no-untyped-def]
    """Requirements not satisfied overall or in any language version."""
    from ..verdicts import Verdict

    out = []
    for req in result.requirements:
        verdicts = [req.verdict, *(r.verdict for r in req.by_language.values())]
        if any(v not in (Verdict.SATISFIED, Verdict.NOT_APPLICABLE) for v in verdicts):
            out.append(req.id)
    return out


@click.command("annex", cls=LocalizedCommand)
@click.argument("contract", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write to this file (.docx, .md, .html or .txt). Default: Markdown on stdout.")
@click.option("--format", "fmt", type=click.Choice(["md", "txt", "html", "docx"]),
              help="Output format (default: from the -o suffix, else md).")
@click.option("--lang", type=click.Choice(["zh", "en", "zh+en"]),
              help="Language(s) of the annex. Default: the contract's (zh+en for a bilingual one).")
@click.option("--all", "all_", is_flag=True, help="Include all four clauses, not only the missing ones.")
@click.option("--variant", type=click.Choice(["short", "full"]), default="full", show_default=True,
              help="short: one-paragraph undertakings; full: with definitions, details and legal basis.")
@click.option("--prevailing", type=click.Choice(["zh", "en"]), default=None,
              help="Which text prevails in a bilingual annex (default zh, as PRC practice expects).")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option("--password", default=None, help="Password for an encrypted PDF.")
@click.option("--reference-docx", "reference", type=click.Path(dir_okay=False), default=None,
              help="House template for a DOCX annex: its styles, page setup, header and footer are used.")
@pack_options
@timeout_option
@ocr_options
@override_options
@click.pass_context
def annex_command(ctx: click.Context, contract: str, output: str | None, fmt: str | None, lang: str | None,
                  all_: bool, variant: str, force: bool, password: str | None, reference: str | None,
                  packs: str | None, config_file: str | None, timeout: str, ocr_mode: str, ocr_dpi: int,
                  **overrides: str | None) -> None:
    """Write an annex (网络安全审查补充条款 / Supplemental Cybersecurity Review
    Undertakings) with a clause for each Art. 6 undertaking CONTRACT does not
    satisfy, ready to sign: preamble naming the main contract and stating that
    the annex prevails, numbered clauses, a language clause when bilingual,
    and signature blocks. Parties are called what the contract calls them.
    With other packs (--packs, else the packs setting of the configuration
    lint uses), also a clause for each unmet rule of those packs; the title
    then names what the annex covers.

    \b
    Examples:
      cliccheck annex contract.docx
      cliccheck annex contract.pdf --lang zh+en -o annex.docx
      cliccheck annex contract.docx --all --variant short -o annex.html
      cliccheck annex contract.docx --packs csr,security-agreement,pipl21,network-data
      cliccheck annex contract.docx --supplier "Northbridge Systems Ltd." --supplier-label Vendor
    """
    with one_line_errors(ctx):
        from ..config import generating_config

        config = generating_config(packs, config_file=config_file, document=contract)
        code = _run(contract, output, fmt, lang, all_, variant, force, password, reference, overrides,
                    parse_timeout(timeout), make_ocr_options(ocr_mode, ocr_dpi), config.packs,
                    config.supplier_aliases, tuple(config.requirement_ids()))
    ctx.exit(code)


def _run(contract: str, output: str | None, fmt: str | None, lang: str | None, all_: bool, variant: str,
         force: bool, password: str | None, reference: str | None, overrides: dict[str, str | None],
         timeout: float | None, ocr: Any = None, packs: tuple[str, ...] = ("csr",),
         supplier_aliases: tuple[str, ...] = (), rules: tuple[str, ...] | None = None) -> int:
    from ..batch import run_isolated
    from ..generate.messages import BLANKS, msg
    from ..limits import DEFAULT_LIMITS
    from ..output import check_output_path, write_atomic
    from ..readers import read_bytes

    if output:
        suffix_fmt = SUFFIX_FORMATS.get(Path(output).suffix.lower())
        if fmt is None:
            if suffix_fmt is None:
                raise ConfigError(msg("annex.unknown-format", output=escape_name(output)))
            fmt = suffix_fmt
        check_output_path(output, inputs=[contract], force=force)
    fmt = fmt or "md"
    if fmt == "docx" and not output:
        raise ConfigError(msg("annex.docx-stdout"))
    reference_data = None
    if reference:
        if fmt != "docx":
            raise ConfigError(msg("annex.reference-only-docx"))
        reference_data = read_bytes(Path(reference), DEFAULT_LIMITS)
        if not reference_data.startswith(b"PK"):
            raise ConfigError(msg("annex.reference-not-docx", path=escape_name(reference)))
    when = parse_when(None)
    job = _AnnexJob(contract, fmt, lang, all_, variant, password, overrides, when, reference_data, ocr, packs,
                    supplier_aliases, rules)
    outcome = run_isolated(job.run, timeout=timeout, name=contract)
    if outcome.data is None:
        click.echo(msg("annex.nothing", contract=escape_name(contract)), err=True)
        return 0
    for key in outcome.blanks:
        what, flag = BLANKS[key]
        click.echo(msg("annex.blank", what=what, hint=f" (or pass {flag})"), err=True)
    if output:
        write_atomic(output, outcome.data)
        click.echo(msg("annex.wrote", output=escape_name(output), count=outcome.clauses,
                       ids=", ".join(outcome.wanted), langs="+".join(outcome.langs)), err=True)
    else:
        text = outcome.data if isinstance(outcome.data, str) else outcome.data.decode("utf-8")
        # party names and titles come from the contract: no control sequence reaches the terminal
        sys.stdout.write(escape_text(text, multiline=True))
    return 0


@dataclass(slots=True)
class _AnnexOutcome:
    data: bytes | str | None  # None: nothing to add
    wanted: list[str]
    langs: list[str]
    clauses: int
    blanks: list[str]  # values the contract does not give, left as visible blanks


@dataclass(slots=True)
class _AnnexJob:
    """Reading, checking and rendering: the part that runs in a worker under --timeout."""

    contract: str
    fmt: str
    lang: str | None
    all_: bool
    variant: str
    password: str | None
    overrides: dict[str, str | None]
    when: datetime | None
    reference: bytes | None = None
    ocr: Any = None  # OcrOptions: when to read page images by OCR
    packs: tuple[str, ...] = ("csr",)  # the rule packs whose clauses the annex may hold
    supplier_aliases: tuple[str, ...] = ()  # the config's further names of the supplier, as lint reads them
    rules: tuple[str, ...] | None = None  # the rules lint checks (the config's select/ignore); None: every rule

    def run(self) -> _AnnexOutcome:
        from ..generate.annex import build_annex, contract_fonts, render_annex
        from ..generate.context import build_context
        from ..generate.messages import msg
        from ..limits import DEFAULT_LIMITS
        from ..matcher import check_document
        from ..ocr_gate import review_ocr
        from ..readers import read_bytes, read_document

        data = read_bytes(Path(self.contract), DEFAULT_LIMITS)
        doc = read_document(data, filename=self.contract, password=self.password, ocr=self.ocr)
        from ..generate.render import clause_ids
        from ..packs import load_packs

        library = load_packs(self.packs)
        rules = list(library.ids) if self.rules is None else [r for r in library.ids if r in self.rules]
        result = check_document(doc, library=library, supplier_aliases=self.supplier_aliases,
                                select=None if rules == list(library.ids) else rules)
        review_ocr(doc, result)  # an undertaking read uncertainly by OCR gets its clause in the annex
        wanted = rules if self.all_ else needs_clause(result)
        wanted = [r for r in wanted if r in clause_ids()]
        if not wanted:
            return _AnnexOutcome(None, [], [], 0, [])
        langs = _langs(self.lang, doc.language)
        context = build_context(doc, result, overrides_from(self.overrides))
        annex = build_annex(context, wanted, langs, self.variant)
        house = contract_fonts(data) if doc.format == "docx" else None
        try:
            out = render_annex(annex, self.fmt, when=self.when, house=house, reference=self.reference)
        except (KeyError, ValueError, OSError) as exc:
            if self.reference is None:
                raise
            raise ConfigError(msg("annex.reference-not-docx", path="(house template)") + f" ({exc})") from None
        return _AnnexOutcome(out, wanted, langs, len(annex.sections) - (1 if len(langs) > 1 else 0),
                             annex.blanks)
