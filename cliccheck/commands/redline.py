"""``cliccheck redline``: the draft with our proposals as Word tracked changes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..clihelp import LocalizedCommand
from ..errors import ConfigError
from ..termsafe import escape_name, escape_text
from . import one_line_errors, parse_timeout, timeout_option
from ._generate_options import override_options, overrides_from, pack_options, parse_when

if TYPE_CHECKING:
    from ..generate.redline import RedlineOptions, RedlineSummary


@click.command("redline", cls=LocalizedCommand)
@click.argument("contract", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="The redlined copy (.docx). The input is never modified.")
@click.option("--author", default="cliccheck", show_default=True, help="Author of the tracked changes and comments.")
@click.option("--date", "date", metavar="ISO",
              help="Date of the revisions (ISO 8601); makes the output reproducible. Default: "
                   "SOURCE_DATE_EPOCH, else now.")
@click.option("--after", metavar="SECTION",
              help="Insert the new clauses after this section (e.g. 12, 10.3 or 第十二条); an error if it is not "
                   "found. Default: as new articles before the signature block or the first schedule.")
@click.option("--deleted-text", "deleted_text", metavar="LANG=TEXT", multiple=True,
              help="What a fully deleted numbered clause becomes, per language (default zh=【本条删除】, "
                   "en=[Intentionally deleted]).")
@click.option("--variant", type=click.Choice(["short", "full"]), default="full", show_default=True,
              help="Clause variant for inserted and replacement clauses.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@pack_options
@timeout_option
@override_options
@click.pass_context
def redline_command(ctx: click.Context, contract: str, output: str, author: str, date: str | None,
                    after: str | None, deleted_text: tuple[str, ...], variant: str, force: bool,
                    packs: str | None, config_file: str | None, timeout: str, **overrides: str | None) -> None:
    """Write a copy of CONTRACT.docx that a lawyer can send: the missing
    clauses inserted as Word tracked insertions, each contradicting sentence
    proposed for deletion, each weak clause proposed for replacement, and a
    comment on each change explaining it and citing the legal basis. Word and
    LibreOffice show them as ordinary revisions to accept or reject. The rule
    packs are lint's: --packs, else the configuration's packs setting, else
    csr.

    \b
    Examples:
      cliccheck redline contract.docx -o contract.redline.docx
      cliccheck redline contract.docx -o out.docx --author "Li Wei" --date 2026-03-01
      cliccheck redline contract.docx -o out.docx --after 第十二条

    \b
    Exit codes:
      0  written; accepting every change makes the draft compliant
      1  written, but a contradiction could only be commented (e.g. in a
         footnote): accepting every change still leaves the draft failing
      2  usage error, or the draft could not be read
    """
    with one_line_errors(ctx):
        code = _run(contract, output, author, date, after, deleted_text, variant, force, overrides,
                    parse_timeout(timeout), packs, config_file)
    ctx.exit(code)


def _deleted_texts(values: tuple[str, ...]) -> dict[str, str] | None:
    """--deleted-text zh=… / en=… as a language -> text map."""
    from ..generate.messages import msg

    out: dict[str, str] = {}
    for value in values:
        lang, sep, text = value.partition("=")
        if not sep or lang.strip() not in ("zh", "en") or not text.strip() or not text.isprintable():
            raise ConfigError(msg("redline.deleted-text", value=escape_name(value)))
        out[lang.strip()] = text.strip()
    return out or None


def _run(contract: str, output: str, author: str, date: str | None, after: str | None,
         deleted_text: tuple[str, ...], variant: str, force: bool, overrides: dict[str, str | None],
         timeout: float | None, packs: str | None = None, config_file: str | None = None) -> int:
    from ..batch import run_isolated
    from ..errors import EXIT_FINDINGS, EXIT_OK, DocumentError
    from ..generate.messages import msg
    from ..limits import DEFAULT_LIMITS
    from ..output import check_output_path, write_atomic
    from ..readers import read_bytes
    from ..readers.sniff import sniff_format

    if Path(output).suffix.lower() not in (".docx", ".docm"):
        raise ConfigError(msg("redline.not-docx-name", output=escape_name(output)))
    if not author.strip():
        raise ConfigError(msg("redline.empty-author"))
    if not author.isprintable():  # a control character would land in every revision and comment
        raise ConfigError(msg("redline.author-control", author=escape_name(author)))
    deleted = _deleted_texts(deleted_text)
    when = parse_when(date)
    check_output_path(output, inputs=[contract], force=force)
    data = read_bytes(Path(contract), DEFAULT_LIMITS)  # one read; the file is only ever opened for reading
    fmt = sniff_format(data, contract)
    if fmt != "docx":
        raise DocumentError(msg("redline.not-docx", fmt=fmt.upper(), contract=contract),
                            code="unsupported-format", path=contract)
    macro = _macro_enabled(data)
    if macro != (Path(output).suffix.lower() == ".docm"):
        want = msg("redline.macro-want") if macro else ".docx"
        raise ConfigError(msg("redline.macro-name", output=escape_name(output), want=want))
    from ..generate import redline as redline_module

    options = redline_module.RedlineOptions(author=author.strip(), when=when, after=after, variant=variant,
                                            deleted_text=deleted)
    from ..config import generating_config

    config = generating_config(packs, config_file=config_file, document=contract)
    out, summary = run_isolated(_redline, data, contract, options, overrides, config.packs,
                                config.supplier_aliases, tuple(config.requirement_ids()), timeout=timeout,
                                name=contract)
    from ..i18n import resolve_ui_lang, say

    for message in [*summary.skipped, *summary.warnings]:
        click.echo(msg("redline.warning", message=escape_text(say(message, resolve_ui_lang(None)))), err=True)
    write_atomic(output, out)
    if summary.inserted_clauses:
        where = (msg("redline.placed-after", section=escape_text(after)) if after else
                 msg("redline.placed-before", text=escape_text(summary.placed_before[:40]))
                 if summary.placed_before else msg("redline.placed-end"))
        click.echo(msg("redline.placed", where=where), err=True)
    click.echo(msg("redline.wrote", output=escape_name(output), deletions=summary.deletions,
                   replacements=summary.replacements, inserted=len(summary.inserted_clauses),
                   ids=f" ({', '.join(summary.inserted_clauses)})" if summary.inserted_clauses else "",
                   comments=summary.comments), err=True)
    if summary.unresolved:
        click.echo(msg("redline.unresolved", output=escape_name(output), ids=", ".join(summary.unresolved)),
                   err=True)
        return EXIT_FINDINGS
    return EXIT_OK


def _redline(data: bytes, contract: str, options: RedlineOptions,
             overrides: dict[str, str | None], packs: tuple[str, ...] = ("csr",),
             supplier_aliases: tuple[str, ...] = (),
             rules: tuple[str, ...] | None = None) -> tuple[bytes, RedlineSummary]:
    """Read, check and redline (runs in the worker process under --timeout), with lint's supplier aliases and
    rules (the config's select/ignore; None: every rule of the packs)."""
    from ..generate.context import build_context
    from ..generate.redline import redline_docx
    from ..matcher import check_document
    from ..packs import load_packs
    from ..readers import read_document

    doc = read_document(data, filename=contract)
    library = load_packs(packs)
    wanted = list(library.ids) if rules is None else [r for r in library.ids if r in rules]
    result = check_document(doc, library=library, supplier_aliases=supplier_aliases,
                            select=None if wanted == list(library.ids) else wanted)
    context = build_context(doc, result, overrides_from(overrides))
    return redline_docx(data, doc, result, context, options)


def _macro_enabled(data: bytes) -> bool:
    """A .docm package: its main part has the macro-enabled content type."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo("[Content_Types].xml")
            if info.file_size > 1_000_000:
                return False
            return b"document.macroEnabled" in zf.read(info)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return False
