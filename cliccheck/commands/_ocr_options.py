"""``--ocr`` and ``--ocr-dpi``: shared by the commands that read contracts (lint, extract, annex)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

OCR_HELP = ("When to read page images by OCR: auto = scanned pages and image files (needs the ocr extra: "
            "pip install cliccheck[ocr]), always = every PDF page, never = refuse scans.")


def ocr_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--ocr-dpi", "ocr_dpi", type=click.IntRange(72, 600), default=200, show_default=True,
                        help="Resolution PDF pages are rendered at for OCR.")(func)
    return click.option("--ocr", "ocr_mode", type=click.Choice(["auto", "always", "never"]), default="auto",
                        show_default=True, help=OCR_HELP)(func)


def make_ocr_options(mode: str, dpi: int, jobs: int = 1):  # type: ignore[no-untyped-def]
    """The reader's options (imported late: the readers are not loaded for --help)."""
    from ..readers.ocr import OcrOptions

    return OcrOptions(mode=mode, dpi=dpi, jobs=max(1, jobs))
