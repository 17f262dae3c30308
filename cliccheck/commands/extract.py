"""``cliccheck extract``: show exactly what the matcher will see."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

import click

from ..termsafe import escape_text
from . import one_line_errors, parse_timeout, timeout_option
from ._ocr_options import make_ocr_options, ocr_options

if TYPE_CHECKING:
    from ..model import Document


def _location(block) -> str:  # type: ignore[no-untyped-def]
    parts = []
    if block.page is not None:
        pages = f"p{block.page}" if not block.page_end or block.page_end == block.page else \
            f"p{block.page}-{block.page_end}"
        parts.append(pages)
    parts.append(f"¶{block.paragraph}")
    if block.section:
        parts.append(f"§{block.section}")
    parts.append(str(block.kind))
    if block.table is not None:
        parts.append(f"t{block.table.table}r{block.table.row}c{block.table.column}")
    if block.ocr is not None:
        parts.append(f"ocr={block.ocr.confidence:.2f}/{block.ocr.mean:.2f} "
                     f"box={','.join(f'{v:.2f}' for v in block.ocr.box)}")
    return " ".join(parts)


@click.command("extract")
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
    for block in doc.blocks:
        text = escape_text(f"{block.label} {block.text}" if block.label else block.text)
        click.echo(text if no_location else f"[{escape_text(_location(block))}] {text}")
    if doc.ocr_pages and not no_location:
        click.echo(f"# page(s) {', '.join(map(str, doc.ocr_pages))} read by OCR ({doc.ocr_engine}); "
                   "ocr=lowest/mean character confidence; box=x0,y0,x1,y1 as fractions of the page")
        for seal in doc.seals:
            click.echo(f"# red seal on page {seal.page} at box {','.join(f'{v:.2f}' for v in seal.box)}")


def _read(source: str | bytes, filename: str | None, password: str | None, ocr: Any = None) -> Document:
    """Read in the worker process (a module-level function, so a spawned worker can find it)."""
    from ..readers import read_document

    return read_document(source, filename=filename, password=password, ocr=ocr)


def _json_safe(text: str) -> str:
    import re

    from ..termsafe import BIDI_CONTROLS

    return re.sub(f"[\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}]", lambda m: f"\\u{ord(m.group()):04x}", text)
