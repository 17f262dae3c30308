"""``cliccheck lint``: the pre-signature gate.

Kept light at import time (``cliccheck lint --help`` must not load spaCy):
the readers and the matcher are imported by the workers when they run.
"""

from __future__ import annotations

import os
import shutil
import sys

import click

from ..errors import CliccheckError, ConfigError
from ..report import FORMATS
from ..termsafe import escape_name
from . import one_line_errors, parse_timeout, timeout_option
from ._ocr_options import make_ocr_options, ocr_options

FORMAT_HELP = ("Report format: text for people (default), html a self-contained page for lawyers, "
               "json/sarif/junit/github for tools.")


def use_color(no_color: bool, output: str | None, stream: object = None) -> bool:
    """Colour only on a terminal, never with --no-color, NO_COLOR or -o."""
    if no_color or output or os.environ.get("NO_COLOR"):
        return False
    stream = stream if stream is not None else sys.stdout
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def terminal_width() -> int:
    if sys.stdout.isatty():
        return max(shutil.get_terminal_size((100, 24)).columns, 40)
    try:
        return max(int(os.environ.get("COLUMNS", "")), 40)
    except ValueError:
        return 100


class _Progress:
    """A one-line progress bar on stderr (interactive terminals only)."""

    def __init__(self, total: int):
        self.total = total

    def __call__(self, done: int, total: int, name: str) -> None:
        width = 24
        filled = width * done // max(total, 1)
        name = escape_name(name)
        label = name if len(name) <= 40 else "…" + name[-39:]
        sys.stderr.write(f"\r\033[K[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label}")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()


def _parse_limits(values: tuple[str, ...]) -> dict[str, int]:
    from ..limits import Limits

    out: dict[str, int] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or name not in Limits.names() or not value.isdigit() or int(value) <= 0:
            raise ConfigError(f"--limit {item!r}: expected NAME=POSITIVE_INTEGER with NAME one of "
                              f"{', '.join(Limits.names())}")
        out[name] = int(value)
    return out


@click.command("lint", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="text", show_default=True,
              help=FORMAT_HELP)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=False), default=None,
              help="Write the report to FILE (atomically) instead of standard output.")
@click.option("--force", is_flag=True, help="Overwrite the --output file if it exists.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default=None,
              help="Exit 1 when a document has an unwaived finding at or above this severity "
                   "[default: error, or the config's fail-on].")
@click.option("--lang", type=click.Choice(["auto", "zh", "en"]), default=None,
              help="Language version(s) to check [default: auto = every version found].")
@click.option("--supplier-alias", "supplier_aliases", multiple=True, metavar="NAME",
              help="Another name for the supplier-side party, added to those the contract defines "
                   "(repeatable).")
@click.option("--supplier", "supplier_names", multiple=True, metavar="NAME",
              help="The supplier's name, replacing the role words read from the contract (repeatable).")
@click.option("--select", default=None, metavar="IDS",
              help="Only these checks, comma-separated: CSR01..CSR04 or finding rules "
                   "(bilingual-mismatch, hidden-text, expired-waiver).")
@click.option("--ignore", default=None, metavar="IDS", help="Skip these checks (comma-separated).")
@click.option("--config", "config_file", type=click.Path(), default=None,
              help="Use this config file instead of discovering .cliccheck.toml / pyproject.toml.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Documents checked in parallel [default: number of cores].")
@timeout_option
@click.option("--follow-symlinks", is_flag=True,
              help="In folders, also follow symlinks that lead outside the folder (default: skipped).")
@click.option("--password", default=None, envvar="CLICCHECK_PASSWORD", show_envvar=True,
              help="Password for encrypted PDFs (the variable keeps it out of the process list).")
@click.option("--limit", "limits", multiple=True, metavar="NAME=VALUE",
              help="Raise or lower a resource limit, e.g. --limit max_pages=5000 (repeatable).")
@click.option("--quiet", "-q", is_flag=True, help="Only documents that fail, no progress bar.")
@click.option("--no-color", is_flag=True, help="No colour (also when NO_COLOR is set or not on a terminal).")
@click.option("--print-config", is_flag=True, help="Print a commented default .cliccheck.toml and exit.")
@ocr_options
@click.pass_context
def lint_command(ctx: click.Context, paths: tuple[str, ...], fmt: str, output: str | None, force: bool,
                 fail_on: str | None, lang: str | None, supplier_aliases: tuple[str, ...],
                 supplier_names: tuple[str, ...], select: str | None,
                 ignore: str | None, config_file: str | None, jobs: int | None, timeout: str,
                 follow_symlinks: bool, password: str | None, limits: tuple[str, ...], quiet: bool,
                 no_color: bool, print_config: bool, ocr_mode: str, ocr_dpi: int) -> None:
    """Check contracts for the supplier's four undertakings under Art. 6 of
    the Cybersecurity Review Measures (CSR01 review cooperation, CSR02 no
    illegal data collection, CSR03 no illegal device control, CSR04 no
    unjustified supply suspension).

    PATHS are files (scans and photos too: .pdf .png .jpg .tif, read by OCR),
    folders (searched for .docx .pdf .txt .md) or - for standard input.

    \b
    Exit codes:
      0  every document passes at the --fail-on level
      1  some document has findings at or above it
      2  usage or configuration error, or a document could not be read
         (the others are still checked and reported)

    \b
    Examples:
      cliccheck lint contract.docx
      cliccheck lint drafts/ --fail-on warning
      cliccheck lint drafts/ --format sarif -o cliccheck.sarif
      cliccheck lint contract.pdf --format html -o report.html
      cliccheck lint 合同.docx --lang zh --supplier-alias 北桥系统有限公司
      cat draft.txt | cliccheck lint - --format json
      cliccheck lint --print-config > .cliccheck.toml
    """
    from ..config import DEFAULT_CONFIG

    if print_config:
        click.echo(DEFAULT_CONFIG, nl=False)
        return
    if not paths:
        raise click.UsageError("give at least one PATH (a file, a folder, or - for standard input)")
    with one_line_errors(ctx):
        code = _run(paths, fmt=fmt, output=output, force=force, fail_on=fail_on, lang=lang,
                    supplier_aliases=supplier_aliases, supplier_names=supplier_names, select=select,
                    ignore=ignore, config_file=config_file,
                    jobs=jobs, timeout=parse_timeout(timeout), follow_symlinks=follow_symlinks,
                    password=password, limits=limits, quiet=quiet, no_color=no_color, ocr_mode=ocr_mode,
                    ocr_dpi=ocr_dpi)
    ctx.exit(code)


def _run(paths: tuple[str, ...], *, fmt: str, output: str | None, force: bool, fail_on: str | None,
         lang: str | None, supplier_aliases: tuple[str, ...], supplier_names: tuple[str, ...],
         select: str | None, ignore: str | None,
         config_file: str | None, jobs: int | None, timeout: float | None, follow_symlinks: bool,
         password: str | None, limits: tuple[str, ...], quiet: bool, no_color: bool, ocr_mode: str = "auto",
         ocr_dpi: int = 200) -> int:
    from dataclasses import replace

    from ..batch import STDIN, STDIN_NAME, Task, collect_documents, run_tasks
    from ..config import Config, ConfigCache, NestedConfigError, parse_id_list
    from ..output import check_output_path, write_atomic
    from ..report import render
    from ..report.model import Report

    selected = parse_id_list(select)
    ignored = parse_id_list(ignore) or []
    limit_overrides = _parse_limits(limits)
    found, skipped_links = collect_documents(paths, follow_symlinks=follow_symlinks)
    documents = [f.path for f in found]
    if skipped_links and not quiet:
        click.echo(f"cliccheck: note: {len(skipped_links)} symlink(s) leading outside the linted folder were "
                   f"not followed (e.g. {escape_name(skipped_links[0])}); pass --follow-symlinks to check them",
                   err=True)
    if not documents:
        raise ConfigError("no documents to check: the folders contain no .docx, .pdf, .txt or .md files")
    if output is not None:
        check_output_path(output, inputs=[p for p in documents if p != STDIN], force=force)
    configs = ConfigCache(config_file)
    stdin_data: bytes | None = None
    stdin_error: CliccheckError | None = None
    if STDIN in documents:
        from ..readers import read_stream

        # Bounded read: a pipe larger than max_file_bytes is refused without buffering it.
        stdin_limits = configs.for_document(None).make_limits()
        if limit_overrides:
            stdin_limits = stdin_limits.with_overrides(limit_overrides)
        try:
            stdin_data = read_stream(sys.stdin.buffer, stdin_limits, STDIN_NAME)
        except CliccheckError as exc:
            stdin_error = exc
    from ..batch import available_cores

    # --jobs runs documents in parallel; what is left over reads the pages of a scan in parallel
    ocr = make_ocr_options(ocr_mode, ocr_dpi, (jobs or available_cores()) // max(len(found), 1))
    tasks: list[Task] = []
    for item in found:
        path = item.path
        try:
            base = configs.for_document(None if path == STDIN else path, root=item.root)
        except NestedConfigError as exc:  # a config below the linted folder: this document fails closed
            tasks.append(Task(path, Config().with_cli(fail_on=fail_on), path=path, error=exc))
            continue
        config = base.with_cli(supplier_aliases=supplier_aliases, supplier_names=supplier_names, select=selected,
                               ignore=ignored, fail_on=fail_on, lang=lang)
        if limit_overrides:
            config = replace(config, limits={**config.limits, **limit_overrides})
        if path == STDIN:
            tasks.append(Task(STDIN_NAME, config, data=stdin_data or b"", password=password,
                              suggest=fmt == "html", error=stdin_error, ocr=ocr))
        else:
            tasks.append(Task(path, config, path=path, password=password, suggest=fmt == "html", ocr=ocr))
    unchecked = sorted({t.config.source or "the command line" for t in tasks
                        if t.error is None and not t.config.requirement_ids()})
    if unchecked:
        click.echo("cliccheck: warning: no requirement is checked (select/ignore leave none of CSR01-CSR04) "
                   f"with the config from {', '.join(escape_name(u) for u in unchecked)}: a pass means nothing",
                   err=True)
    progress = None
    if not quiet and len(tasks) > 3 and sys.stderr.isatty():
        progress = _Progress(len(tasks))
    try:
        reports = run_tasks(tasks, jobs=jobs, timeout=timeout, progress=progress)
    finally:
        if progress is not None:
            progress.close()
    report = Report(reports)
    color = use_color(no_color, output)
    rendered = render(report, fmt, color=color, width=100 if output else terminal_width(), quiet=quiet)
    if output is not None:
        write_atomic(output, rendered)
        if not quiet:
            s = report.summary()
            click.echo(f"cliccheck: wrote {fmt} report to {escape_name(output)}: {s['documents']} documents, {s['passed']} "
                       f"passed, {s['failed']} failed, {s['unreadable']} could not be read", err=True)
    else:
        click.echo(rendered, nl=False, color=color)
    return report.exit_code
