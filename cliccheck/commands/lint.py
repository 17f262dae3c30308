"""``cliccheck lint``: the pre-signature gate.

Kept light at import time (``cliccheck lint --help`` must not load spaCy):
the readers and the matcher are imported by the workers when they run.
"""

from __future__ import annotations

import os
import shutil
import sys

import click

from ..clihelp import LocalizedCommand
from ..errors import CliccheckError, ConfigError
from ..i18n import t
from ..report import FORMATS
from ..termsafe import escape_name
from . import one_line_errors, parse_timeout, timeout_option
from ._ocr_options import make_ocr_options, ocr_options

FORMAT_HELP = t("help.opt.format", "en")


def _h(key: str) -> str:
    """The English help of a lint option (its Chinese is shown by LocalizedCommand at --help time)."""
    return t(f"help.opt.{key}", "en")


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


def _parse_limits(values: tuple[str, ...], lang: str = "en") -> dict[str, int]:
    import difflib

    from ..i18n import t
    from ..limits import Limits

    out: dict[str, int] = {}
    names = list(Limits.names())
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or name not in names or not value.isdigit() or int(value) <= 0:
            close = difflib.get_close_matches(name.strip(), names, n=2, cutoff=0.6) if name not in names else []
            suggest = t("cli.did_you_mean", lang, names=" / ".join(close)) if close else ""
            raise ConfigError(t("cli.limit", lang, item=repr(item), names=", ".join(names), suggest=suggest))
        out[name] = int(value)
    return out


def _excluded(path: str, root: str | None, globs: tuple[str, ...]) -> bool:
    """True when ``path`` (found in the folder ``root``) or one of its folders matches an exclude glob."""
    from pathlib import Path

    from ..config import glob_to_regex

    if not globs or root is None:
        return False
    try:
        rel = Path(os.path.relpath(path, root)).as_posix()
    except ValueError:
        return False
    parts = rel.split("/")
    candidates = {"/".join(parts[:i]) for i in range(1, len(parts) + 1)} | set(parts)
    return any(glob_to_regex(g.rstrip("/")).fullmatch(c) for g in globs for c in candidates)


@click.command("lint", cls=LocalizedCommand, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="text", show_default=True,
              help=FORMAT_HELP)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=False), default=None,
              help=_h("output"))
@click.option("--force", is_flag=True, help=_h("force"))
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default=None,
              help=_h("fail_on"))
@click.option("--lang", type=click.Choice(["auto", "zh", "en"]), default=None,
              help=_h("lang"))
@click.option("--ui-lang", type=click.Choice(["auto", "zh", "en"]), default=None,
              help=_h("ui_lang"))
@click.option("--exclude", "excludes", multiple=True, metavar="GLOB",
              help=_h("exclude"))
@click.option("--statistics", is_flag=True,
              help=_h("statistics"))
@click.option("--supplier-alias", "supplier_aliases", multiple=True, metavar="NAME",
              help=_h("supplier_alias"))
@click.option("--supplier", "supplier_names", multiple=True, metavar="NAME",
              help=_h("supplier"))
@click.option("--packs", default=None, metavar="PACKS", help=_h("packs"))
@click.option("--select", default=None, metavar="IDS",
              help=_h("select"))
@click.option("--ignore", default=None, metavar="IDS", help=_h("ignore"))
@click.option("--config", "config_file", type=click.Path(), default=None,
              help=_h("config"))
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help=_h("jobs"))
@timeout_option
@click.option("--follow-symlinks", is_flag=True,
              help=_h("follow_symlinks"))
@click.option("--password", default=None, envvar="CLICCHECK_PASSWORD", show_envvar=True,
              help=_h("password"))
@click.option("--limit", "limits", multiple=True, metavar="NAME=VALUE",
              help=_h("limit"))
@click.option("--quiet", "-q", is_flag=True, help=_h("quiet"))
@click.option("--no-color", is_flag=True, help=_h("no_color"))
@click.option("--print-config", is_flag=True, help=_h("print_config"))
@ocr_options
@click.pass_context
def lint_command(ctx: click.Context, paths: tuple[str, ...], fmt: str, output: str | None, force: bool,
                 fail_on: str | None, lang: str | None, ui_lang: str | None, excludes: tuple[str, ...],
                 statistics: bool, supplier_aliases: tuple[str, ...],
                 supplier_names: tuple[str, ...], packs: str | None, select: str | None,
                 ignore: str | None, config_file: str | None, jobs: int | None, timeout: str,
                 follow_symlinks: bool, password: str | None, limits: tuple[str, ...], quiet: bool,
                 no_color: bool, print_config: bool, ocr_mode: str, ocr_dpi: int) -> None:
    """Check contracts for the supplier's four undertakings under Art. 6 of
    the Cybersecurity Review Measures (CSR01 review cooperation, CSR02 no
    illegal data collection, CSR03 no illegal device control, CSR04 no
    unjustified supply suspension).

    PATHS are files (scans and photos too: .pdf .png .jpg .tif, read by OCR),
    folders (searched for .docx .pdf .txt .md) or - for standard input;
    none means the current folder.

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
        paths = (".",)  # like ruff and eslint: no path lints the current folder
    with one_line_errors(ctx):
        code = _run(paths, fmt=fmt, output=output, force=force, fail_on=fail_on, lang=lang, ui_lang=ui_lang,
                    excludes=excludes, statistics=statistics,
                    supplier_aliases=supplier_aliases, supplier_names=supplier_names, select=select,
                    ignore=ignore, config_file=config_file, packs=packs,
                    jobs=jobs, timeout=parse_timeout(timeout), follow_symlinks=follow_symlinks,
                    password=password, limits=limits, quiet=quiet, no_color=no_color, ocr_mode=ocr_mode,
                    ocr_dpi=ocr_dpi)
    ctx.exit(code)


def _run(paths: tuple[str, ...], *, fmt: str, output: str | None, force: bool, fail_on: str | None,
         lang: str | None, supplier_aliases: tuple[str, ...], supplier_names: tuple[str, ...],
         ui_lang: str | None = None, excludes: tuple[str, ...] = (), statistics: bool = False,
         select: str | None, ignore: str | None, packs: str | None = None,
         config_file: str | None, jobs: int | None, timeout: float | None, follow_symlinks: bool,
         password: str | None, limits: tuple[str, ...], quiet: bool, no_color: bool, ocr_mode: str = "auto",
         ocr_dpi: int = 200) -> int:
    from dataclasses import replace

    from ..batch import STDIN, STDIN_NAME, Task, collect_documents, run_tasks
    from ..config import Config, ConfigCache, NestedConfigError, parse_id_list, parse_pack_list
    from ..i18n import resolve_ui_lang, t
    from ..output import check_output_path, write_atomic
    from ..report import render
    from ..report.build import localize
    from ..report.model import Report

    cli_lang = resolve_ui_lang(ui_lang)  # for messages about the run, before any contract is read
    pack_specs = parse_pack_list(packs)
    known = None
    if pack_specs is not None:
        from ..packs import known_rule_ids

        known = known_rule_ids(pack_specs)
    selected = parse_id_list(select, known)
    ignored = parse_id_list(ignore, known) or []
    limit_overrides = _parse_limits(limits, cli_lang)
    found, skipped_links = collect_documents(paths, follow_symlinks=follow_symlinks)
    given = set(paths)
    configs = ConfigCache(config_file)
    def skip(item) -> bool:  # type: ignore[no-untyped-def]
        if item.path in given or item.root is None:  # a file named on the command line is always checked
            return False
        if _excluded(item.path, item.root, tuple(excludes)):
            return True
        try:
            base = configs.for_document(item.path, root=item.root)
        except (NestedConfigError, CliccheckError):
            return False
        return bool(base.exclude) and _excluded(item.path, base.root, base.exclude)

    found = [item for item in found if not skip(item)]
    documents = [f.path for f in found]
    if skipped_links and not quiet:
        click.echo(t("cli.symlinks", cli_lang, n=len(skipped_links), example=escape_name(skipped_links[0])),
                   err=True)
    if not documents:
        raise ConfigError(t("cli.no_documents", cli_lang))
    if output is not None:
        check_output_path(output, inputs=[p for p in documents if p != STDIN], force=force)
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
                               ignore=ignored, fail_on=fail_on, lang=lang, ui_lang=ui_lang, packs=pack_specs)
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
        click.echo(t("cli.nothing_checked", cli_lang, sources=", ".join(escape_name(u) for u in unchecked)), err=True)
    progress = None
    if not quiet and len(tasks) > 3 and sys.stderr.isatty():
        progress = _Progress(len(tasks))
    try:
        reports = run_tasks(tasks, jobs=jobs, timeout=timeout, progress=progress)
    finally:
        if progress is not None:
            progress.close()
    settings = {task.display: task.config.ui_lang for task in tasks}
    for doc_report in reports:
        if doc_report.status != "ok":  # read errors: the worker had no contract to take a language from
            localize(doc_report, settings.get(doc_report.path, ui_lang))
    report = Report(reports)
    color = use_color(no_color, output)
    if statistics:
        from ..report.statistics import render as render_statistics

        rendered = render_statistics(report, ui_lang=ui_lang)
    else:
        rendered = render(report, fmt, color=color, width=100 if output else terminal_width(), quiet=quiet)
    if output is not None:
        write_atomic(output, rendered)
        if not quiet:
            from ..report.text import report_lang

            s = report.summary()
            click.echo(t("summary.wrote", report_lang(report), fmt=fmt, path=escape_name(output), total=s["documents"],
                         passed=s["passed"], failed=s["failed"], unreadable=s["unreadable"]), err=True)
    else:
        click.echo(rendered, nl=False, color=color)
    return report.exit_code
