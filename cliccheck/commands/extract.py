"""``cliccheck extract``: show exactly what the matcher will see."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click

from ..clihelp import LocalizedCommand
from ..termsafe import escape_text
from . import one_line_errors, parse_timeout, timeout_option, ui_lang_of
from ._ocr_options import make_ocr_options, ocr_options

if TYPE_CHECKING:
    from ..model import Document


def _location(block, lang: str = "en") -> str:  # type: ignore[no-untyped-def]
    """``p1 ¶0 §9.2 paragraph`` (``第1页 ¶0 §9.2 段落`` in Chinese): where a block is, as extract prints it."""
    from ..i18n import t

    parts = []
    if block.page is not None:
        parts.append(t("extract.page", lang, page=block.page) if not block.page_end or block.page_end == block.page
                     else t("extract.pages", lang, page=block.page, last=block.page_end))
    parts.append(f"¶{block.paragraph}")
    if block.section:
        parts.append(f"§{block.section}")
    parts.append(t(f"block.{block.kind}", lang))
    if block.table is not None:
        parts.append(t("extract.cell", lang, table=block.table.table, row=block.table.row, column=block.table.column))
    if block.ocr is not None:
        parts.append(f"ocr={block.ocr.confidence:.2f}/{block.ocr.mean:.2f} "
                     f"box={','.join(f'{v:.2f}' for v in block.ocr.box)}")
    return " ".join(parts)


@click.command("extract", cls=LocalizedCommand)
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: one block per line; json: the full document model.")
@click.option("--password", default=None, help="Password for an encrypted PDF.")
@click.option("--no-location", is_flag=True, help="Text only, without the location prefix.")
@timeout_option
@ocr_options
@click.pass_context
def extract_command(ctx: click.Context, file: str, fmt: str, password: str | None,
                    no_location: bool, timeout: str, ocr_mode: str, ocr_dpi: int) -> None:
    """Print the document model of FILE: every block of contract text with its
    page, paragraph, section and kind. Hidden, deleted and comment text is
    excluded from the text and listed under "excluded" in the JSON.

    \b
    Examples:
      cliccheck extract contract.docx
      cliccheck extract contract.pdf --format json | jq '.blocks[0]'
      cat contract.txt | cliccheck extract -
    """
    from ..batch import run_isolated
    from ..readers import read_stream

    ocr = make_ocr_options(ocr_mode, ocr_dpi)
    with one_line_errors(ctx):
        seconds = parse_timeout(timeout)
        if file == "-":
            from ..limits import DEFAULT_LIMITS

            data = read_stream(sys.stdin.buffer, DEFAULT_LIMITS, "<stdin>")  # bounded, before the worker
            doc = run_isolated(_read, data, "<stdin>", password, ocr, timeout=seconds, name="<stdin>")
        else:
            doc = run_isolated(_read, file, None, password, ocr, timeout=seconds, name=file)
    if fmt == "json":
        # json.dumps escapes C0 controls; C1 controls and bidi overrides are escaped too (ASCII-safe
        # \uXXXX), so piping the JSON to a terminal cannot drive it either
        click.echo(_json_safe(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2)))
        return
    from ..i18n import t

    lang = ui_lang_of(ctx)
    for block in doc.blocks:
        text = escape_text(f"{block.label} {block.text}" if block.label else block.text)
        click.echo(text if no_location else f"[{escape_text(_location(block, lang))}] {text}")
    if doc.ocr_pages and not no_location:
        click.echo(t("extract.ocr", lang, pages=", ".join(map(str, doc.ocr_pages)), engine=doc.ocr_engine))
        for seal in doc.seals:
            click.echo(t("extract.seal", lang, page=seal.page, box=",".join(f"{v:.2f}" for v in seal.box)))


def _read(source: str | bytes, filename: str | None, password: str | None, ocr: Any = None) -> Document:
    """Read in the worker process (a module-level function, so a spawned worker can find it)."""
    from ..readers import read_document

    return read_document(source, filename=filename, password=password, ocr=ocr)


def _json_safe(text: str) -> str:
    import re

    from ..termsafe import BIDI_CONTROLS

    return re.sub(f"[\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}]", lambda m: f"\\u{ord(m.group()):04x}", text)
