"""What a service worker runs: the CLI's own pipelines, on an upload in the private folder.

Each job reads the upload's bytes (bounded by the limits) and names the
document by the client's file name, never by its temporary path, so no path
of the server's reaches a report or an error. Module-level functions: they
travel to the worker by reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..batch import Task, lint_task
from ..config import Config
from ..errors import DocumentError
from ..limits import Limits
from ..report.model import DocumentReport


def lint_job(upload: str, display: str, config: Config, suggest: bool) -> DocumentReport:
    """Lint one upload exactly as ``cliccheck lint`` does (an unreadable file is an error document)."""
    from ..readers import read_bytes

    try:
        data = read_bytes(Path(upload), config.make_limits())
    except DocumentError as exc:
        return lint_task(Task(display, config, error=DocumentError(exc.message, code=exc.code, path=display)))
    return lint_task(Task(display, config, data=data, suggest=suggest))


@dataclass(slots=True)
class AnnexResult:
    data: bytes | str | None  # None: the contract already satisfies every undertaking
    wanted: list[str]
    langs: list[str]


def annex_job(upload: str, display: str, limits: Limits, fmt: str, lang: str | None, all_: bool,
              variant: str, overrides: dict[str, str | None], packs: tuple[str, ...] = ("csr",),
              supplier_aliases: tuple[str, ...] = (), rules: tuple[str, ...] | None = None) -> AnnexResult:
    """The annex ``cliccheck annex --packs`` writes for this upload (built-in packs only), with the server
    configuration's supplier aliases and rule selection as /v1/lint reads them (None: every rule)."""
    from ..commands._generate_options import overrides_from
    from ..commands.annex import _langs, needs_clause
    from ..generate.annex import build_annex, render_annex
    from ..generate.context import build_context
    from ..generate.render import clause_ids
    from ..matcher import check_document
    from ..packs import load_packs
    from ..readers import read_bytes, read_document

    doc = read_document(read_bytes(Path(upload), limits), filename=display, limits=limits)
    library = load_packs(packs)
    chosen = list(library.ids) if rules is None else [r for r in library.ids if r in rules]
    result = check_document(doc, library=library, supplier_aliases=supplier_aliases,
                            select=None if chosen == list(library.ids) else chosen)
    wanted = [r for r in (chosen if all_ else needs_clause(result)) if r in clause_ids()]
    if not wanted:
        return AnnexResult(None, [], [])
    langs = _langs(lang, doc.language)
    context = build_context(doc, result, overrides_from(overrides))
    annex = build_annex(context, wanted, langs, variant)
    return AnnexResult(render_annex(annex, fmt), wanted, langs)


def redline_job(upload: str, display: str, limits: Limits, options: object,
                overrides: dict[str, str | None], packs: tuple[str, ...] = ("csr",),
                supplier_aliases: tuple[str, ...] = (), rules: tuple[str, ...] | None = None) -> tuple[bytes, object]:
    """The tracked-changes copy ``cliccheck redline`` writes; refuses anything but a Word document."""
    from ..commands.redline import _redline
    from ..readers import read_bytes
    from ..readers.sniff import sniff_format

    data = read_bytes(Path(upload), limits)
    fmt = sniff_format(data, display)
    if fmt != "docx":
        raise DocumentError.of("service-redline-not-docx", fmt=fmt.upper(), code="unsupported-format", path=display)
    return _redline(data, display, options, overrides, packs, supplier_aliases, rules)  # type: ignore[arg-type]


def macro_enabled(upload: str) -> bool:
    """Whether the upload is a macro-enabled package (its redline must be named .docm)."""
    from ..commands.redline import _macro_enabled

    try:
        data = Path(upload).read_bytes()
    except OSError:
        return False
    return _macro_enabled(data)
