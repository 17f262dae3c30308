"""``cliccheck audit``: audit a contract repository into a register; ``cliccheck audit report``: export it.

``audit PATH...`` is shorthand for ``audit run PATH...``: a group whose
unknown first word is a path (a folder literally named ``report`` needs
``audit run report``).
"""

from __future__ import annotations

import click

from ..clihelp import CatalogueUsageError, LocalizedGroup
from ..errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from . import one_line_errors

DB_HELP = "The register (an SQLite file) [default: ./cliccheck-audit.sqlite]."


class _RunByDefault(LocalizedGroup):
    """``cliccheck audit PATH`` runs ``audit run PATH``; subcommands still win."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@click.group("audit", cls=_RunByDefault, context_settings={"help_option_names": ["-h", "--help"]})
def audit_command() -> None:
    """Audit every contract in a repository into a register that a re-run
    updates incrementally (unchanged documents are not read again) and a
    killed run resumes.

    \b
    Examples:
      cliccheck audit contracts/ --db audit.sqlite
      cliccheck audit --manifest contracts.csv --db audit.sqlite --jobs 4
      cliccheck audit /mnt/contracts --engine dask --scheduler tcp://scheduler:8786
      cliccheck audit report --db audit.sqlite --format xlsx -o audit.xlsx
      cliccheck audit report --db audit.sqlite --format html -o dashboard.html
    """


@audit_command.command("run", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--db", default=None, type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--manifest", default=None, type=click.Path(dir_okay=False, exists=False),
              help="A CSV with a 'path' column; its other columns (contract number, business unit, supplier id, "
                   "...) are kept in the register and the exports.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: worker processes on this machine; dask: a dask.distributed cluster.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address (e.g. tcp://host:8786); without it, a LocalCluster of --jobs workers.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (local engine or LocalCluster) [default: number of cores].")
@click.option("--timeout", type=click.FloatRange(min=0), default=120.0, show_default=True,
              help="Seconds per document before it is stopped and recorded as an error (0: no limit).")
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True,
              help="Dask: times a failed task is retried.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Use this config file instead of discovering .cliccheck.toml / pyproject.toml.")
@click.option("--packs", default=None, metavar="PACKS",
              help="Rule packs to check, comma-separated, in order: built-in ids (csr, security-agreement, pipl21, "
                   "network-data) or playbook folders. Replaces the configuration's packs; the register keeps a "
                   "verdict per rule of every pack (a changed list reads every document again).")
@click.option("--supplier-alias", "supplier_aliases", multiple=True, metavar="NAME",
              help="Another name for the supplier-side party (repeatable).")
@click.option("--password", default=None, envvar="CLICCHECK_PASSWORD", show_envvar=True,
              help="Password for encrypted PDFs.")
@click.option("--limit", "limits", multiple=True, metavar="NAME=VALUE",
              help="Raise or lower a resource limit, e.g. --limit max_pages=5000 (repeatable).")
@click.option("--recheck", is_flag=True, help="Read every document again, even when unchanged.")
@click.option("--retry-failed", is_flag=True,
              help="Read again documents that timed out or failed internally on 2 runs in a row.")
@click.option("--quiet", "-q", is_flag=True, help="No progress display and no summary line.")
@click.pass_context
def audit_run_command(ctx: click.Context, paths: tuple[str, ...], db: str | None, manifest: str | None,
                      engine: str, scheduler: str | None, jobs: int | None, timeout: float, retries: int,
                      config_file: str | None, packs: str | None, supplier_aliases: tuple[str, ...],
                      password: str | None,
                      limits: tuple[str, ...], recheck: bool, retry_failed: bool, quiet: bool) -> None:
    """Audit the contracts under PATHS (files, folders, fsspec URLs) and/or
    listed in --manifest into the register.

    \b
    Exit codes:
      0  every audited document passes
      1  some document has a failing verdict
      2  usage error, or some document could not be read
    """
    from ..audit.run import AuditOptions, default_db, run_audit
    from ..audit.strings import for_lang
    from . import ui_lang_of
    from .lint import _parse_limits

    if not paths and not manifest:
        raise CatalogueUsageError("cli.audit_needs_paths", ctx=ctx)
    if scheduler and engine != "dask":
        raise CatalogueUsageError("cli.scheduler_needs_dask", ctx=ctx)
    with one_line_errors(ctx):
        from ..config import parse_pack_list

        pack_specs = parse_pack_list(packs)  # an unknown pack or a broken playbook: one line, before any work
        db = db or default_db()
        options = AuditOptions(engine=engine, jobs=jobs, timeout=timeout or None, scheduler=scheduler,
                               retries=retries, password=password, config_file=config_file,
                               supplier_aliases=supplier_aliases, limits=_parse_limits(limits), recheck=recheck,
                               packs=tuple(pack_specs) if pack_specs is not None else None,
                               retry_failed=retry_failed,
                               progress=False if quiet else None, ui_lang=ui_lang_of(ctx))
        result = run_audit(paths, db=db, manifest=manifest, options=options)
        s = result.summary
        if not quiet:
            click.echo(for_lang(_register_lang(db)).SUMMARY_LINE.format(seen=result.seen, checked=result.checked, skipped=result.skipped,
                                           failed=s["failed"], unreadable=s["unreadable"], db=db), err=True)
        ctx.exit(EXIT_ERROR if s["unreadable"] else EXIT_FINDINGS if s["failed"] else EXIT_OK)


@audit_command.command("report", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", default=None, type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "json", "html"]), required=True,
              help="csv/json: every document for tools; xlsx: one sheet per view; html: the dashboard.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to FILE (atomically) [default: standard output; required for xlsx].")
@click.option("--force", is_flag=True, help="Overwrite the --output file if it exists.")
@click.pass_context
def audit_report_command(ctx: click.Context, db: str | None, fmt: str, output: str | None, force: bool) -> None:
    """Export the register: csv, json, xlsx (one sheet per view) or an html dashboard."""
    import os
    import sys
    import tempfile

    from ..audit.exports import export
    from ..audit.register import Register
    from ..audit.run import default_db
    from ..audit.strings import for_lang
    from ..output import check_output_path

    with one_line_errors(ctx):
        db = db or default_db()
        if output is None and fmt == "xlsx":
            raise CatalogueUsageError("cli.xlsx_needs_output", ctx=ctx)
        if output is not None:
            check_output_path(output, inputs=[db], force=force)
        with Register(db, create=False) as reg:
            lang = _register_lang(reg)
            if output is not None:
                export(reg, fmt, output, db_label=os.path.basename(db), lang=lang)
                click.echo(for_lang(lang).WROTE.format(fmt=fmt, output=output), err=True)
                return
            with tempfile.TemporaryDirectory() as tmp:
                target = os.path.join(tmp, f"report.{fmt}")
                export(reg, fmt, target, db_label=os.path.basename(db), lang=lang)
                with open(target, "rb") as fh:
                    while chunk := fh.read(1 << 16):
                        sys.stdout.buffer.write(chunk)
                sys.stdout.buffer.flush()


def _register_lang(register: object) -> str:
    """The audit's language: ``--ui-lang`` or the locale when they name one, else the language most of the
    register's contracts are in (as lint's summary line), English for an empty register. ``register`` is an open
    :class:`~cliccheck.audit.register.Register` or the path of one."""
    from ..audit.register import Register
    from ..audit.views import languages
    from ..i18n import majority_ui_lang

    if isinstance(register, Register):
        return majority_ui_lang(None, languages(register))
    with Register(str(register), create=False) as reg:
        return majority_ui_lang(None, languages(reg))
