"""One audit run: discover, skip what the register already knows, read the rest, record each result.

A document is read again only when its SHA-256, the tool version, the rule
library's hash or its effective configuration differ from the register's
row, or when its last result was a ``timeout``/``internal`` error (worth
another try). Everything else is marked as seen by this run without being
read, which is what makes a re-run cheap and a killed run resumable: the
rows a killed run committed are simply "unchanged" to the next one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..config import Config, ConfigCache
from ..errors import CliccheckError, ConfigError
from .inputs import Source, digest, discover, is_url
from .progress import Progress
from .record import AuditJob, config_hash, library_hash, tool_version
from .register import MAX_ATTEMPTS, TRANSIENT_ERRORS, Register

SEEN_BATCH = 500


@dataclass(slots=True)
class AuditOptions:
    engine: str = "local"  # local | dask
    jobs: int | None = None
    timeout: float | None = 120.0
    scheduler: str | None = None
    retries: int = 2
    password: str | None = None
    config_file: str | None = None
    supplier_aliases: tuple[str, ...] = ()
    packs: tuple[str, ...] | None = None  # --packs: replaces each configuration's packs (None: keep them)
    limits: dict[str, int] = field(default_factory=dict)
    recheck: bool = False  # read every document again
    retry_failed: bool = False  # read again documents that failed transiently MAX_ATTEMPTS times
    progress: bool | None = None  # None: on a terminal only
    ui_lang: str = "en"  # the progress bar's words


@dataclass(slots=True)
class RunResult:
    run_id: int
    seen: int
    checked: int
    skipped: int
    summary: dict[str, int]
    engine_stats: dict[str, float] = field(default_factory=dict)


def _config_for(configs: ConfigCache, source: Source, options: AuditOptions,
                derived: dict[int, tuple[Config, Config, str]] | None = None) -> tuple[Config, str]:
    """The document's configuration with the command line on top, and its digest.

    ``derived`` caches both per configuration file (documents in a folder share one), so a run
    over a million documents builds and hashes a handful of configurations, not a million.
    """
    base = configs.for_document(None if is_url(source.path) else source.path)
    hit = derived.get(id(base)) if derived is not None else None
    if hit is not None and hit[0] is base:
        return hit[1], hit[2]
    config = base.with_cli(supplier_aliases=options.supplier_aliases, packs=options.packs)
    if options.limits:
        config = replace(config, limits={**config.limits, **options.limits})
    digest_ = config_hash(config)
    if derived is not None:
        derived[id(base)] = (base, config, digest_)
    return config, digest_


def _unchanged(register: Register, job: AuditJob, lib: str, version: str, config_digest: str,
               retry_failed: bool = False) -> bool:
    """Nothing that decides the result changed, so the register's row stands.

    A transient error (timeout, internal) is retried on the next runs, up to :data:`MAX_ATTEMPTS` reads in a
    row; after that the row stands too (it stays an error in every export) unless ``retry_failed``.
    """
    known = register.known(job.path)
    if not (known is not None and job.sha256 is not None and known.sha256 == job.sha256
            and known.tool_version == version and known.library_hash == lib and known.config_hash == config_digest):
        return False
    if known.error_code not in TRANSIENT_ERRORS:
        return True
    return not retry_failed and known.attempts >= MAX_ATTEMPTS


def run_audit(paths: Sequence[str], *, db: str, manifest: str | None = None,
              options: AuditOptions | None = None) -> RunResult:
    """Audit the documents under ``paths`` (and/or in ``manifest``) into the register ``db``."""
    import json

    options = options or AuditOptions()
    if options.engine not in ("local", "dask"):
        raise ConfigError.of("engine", engine=repr(options.engine))
    columns, sources = discover(paths, manifest)
    if not sources:
        raise ConfigError.of("audit-no-documents")
    configs = ConfigCache(options.config_file)
    lib, version = library_hash(), tool_version()
    from ..batch import available_cores

    workers = options.jobs or available_cores()
    with Register(db) as register:
        register.add_manifest_columns(columns)
        run_id = register.start_run(engine=options.engine, tool_version=version, library_hash=lib,
                                    arguments=[*paths, *(["--manifest", manifest] if manifest else [])])
        progress = Progress(len(sources), enabled=options.progress, lang=options.ui_lang)
        seen_paths: list[str] = []
        seen_manifests: list[str | None] = []

        def flush_seen() -> None:
            register.mark_seen(run_id, seen_paths, seen_manifests)
            seen_paths.clear()
            seen_manifests.clear()

        derived: dict[int, tuple[Config, Config, str]] = {}

        def plan() -> Iterator[AuditJob]:
            for source in sources:
                config, config_digest = _config_for(configs, source, options, derived)
                job = AuditJob(source.path, config, manifest=source.manifest, password=options.password)
                # a file that cannot be hashed is still read: the reader reports it (not-found, unreadable)
                with contextlib.suppress(CliccheckError):
                    job.sha256, job.size = digest(source.path)
                if not options.recheck and _unchanged(register, job, lib, version, config_digest,
                                                                options.retry_failed):
                    seen_paths.append(job.path)
                    seen_manifests.append(json.dumps(job.manifest, ensure_ascii=False, sort_keys=True)
                                          if manifest else None)
                    progress.advance("skipped")
                    if len(seen_paths) >= SEEN_BATCH:
                        flush_seen()
                    continue
                yield job

        stats: dict[str, float] = {}

        def on_result(record: dict[str, Any]) -> None:
            register.record(run_id, record)
            progress.advance("checked", error=record["document"]["status"] != "ok")

        try:
            if options.engine == "dask":
                from .engine_dask import run_dask

                run_dask(plan(), scheduler=options.scheduler, workers=workers, timeout=options.timeout or None,
                         on_result=on_result, retries=options.retries, stats=stats)
            else:
                from .engine_local import run_local

                run_local(plan(), workers=workers, timeout=options.timeout or None, on_result=on_result)
            flush_seen()
        finally:
            progress.close()
        counts = progress.counts
        register.finish_run(run_id, seen=len(sources), checked=counts["checked"], skipped=counts["skipped"])
        return RunResult(run_id, len(sources), counts["checked"], counts["skipped"], register.run_summary(run_id),
                         stats)


def default_db() -> str:
    return os.path.join(os.getcwd(), "cliccheck-audit.sqlite")
