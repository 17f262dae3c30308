"""What to audit: documents under paths or listed in a manifest, and their digests.

Local paths are found with the same discovery as ``lint``
(:func:`cliccheck.batch.collect_paths`) and stored in the register as absolute
paths, so a run from another working folder finds the same rows. A path
with a scheme (``s3://bucket/contracts``, ``file:///srv/contracts``) is read
through fsspec, which the Dask workers use too: on a cluster the documents sit
on a shared path or object store, not on the client.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..batch import DOCUMENT_SUFFIXES, collect_paths
from ..errors import ConfigError, DocumentError

CHUNK = 1 << 20
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(path: str) -> bool:
    return bool(_URL.match(path))


@dataclass(slots=True)
class Source:
    """A document found for the audit, with the manifest row's other columns."""

    path: str
    manifest: dict[str, str] = field(default_factory=dict)


def _fsspec():  # type: ignore[no-untyped-def]
    try:
        import fsspec
    except ImportError:
        raise ConfigError.of("needs-fsspec") from None
    return fsspec


def _find_url(url: str) -> list[str]:
    """Documents under a URL (a folder or prefix), or the URL itself when it is one document."""
    fsspec = _fsspec()
    fs, root = fsspec.core.url_to_fs(url)
    protocol = url.split("://", 1)[0]
    try:
        if fs.isdir(root):
            found = sorted(p for p in fs.find(root) if p.lower().endswith(DOCUMENT_SUFFIXES)
                           and not any(part.startswith((".", "~$")) for part in p.split("/")))
            return [p if "://" in p else f"{protocol}://{p}" for p in found]
    except OSError as exc:
        raise ConfigError.of("url-list", url=url, detail=str(exc)) from None
    return [url]


def _normalise_header(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def read_manifest(manifest: str) -> tuple[list[str], list[Source]]:
    """The manifest's extra column names and one source per row.

    A CSV (UTF-8, optional BOM) with a ``path`` column, relative paths taken
    from the manifest's folder; every other column (contract number, business
    unit, supplier id, ...) is kept with the document. Headers are compared
    without case, spaces become ``_`` (``Business Unit`` -> ``business_unit``).
    """
    try:
        with open(manifest, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if not header:
                raise ConfigError.of("manifest-empty", manifest=str(manifest))
            names = [_normalise_header(h) for h in header]
            if "path" not in names:
                raise ConfigError.of("manifest-no-path", manifest=str(manifest), columns=", ".join(header))
            if len(set(names)) != len(names):
                raise ConfigError.of("manifest-repeat", manifest=str(manifest))
            at = names.index("path")
            extra = [n for n in names if n != "path"]
            base = os.path.dirname(os.path.abspath(manifest))
            sources: list[Source] = []
            for line, row in enumerate(reader, start=2):
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(names):
                    raise ConfigError.of("manifest-cells", manifest=str(manifest), line=line, cells=len(row), columns=len(names))
                path = row[at].strip()
                if not path:
                    raise ConfigError.of("manifest-empty-path", manifest=str(manifest), line=line)
                if not is_url(path) and not os.path.isabs(path):
                    path = os.path.join(base, path)
                sources.append(Source(path if is_url(path) else os.path.abspath(path),
                                      {n: row[i] for i, n in enumerate(names) if n != "path"}))
    except OSError as exc:
        raise ConfigError.of("manifest-unreadable", manifest=str(manifest), detail=str(exc.strerror or exc)) from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ConfigError.of("manifest-not-csv", manifest=str(manifest), detail=str(exc)) from None
    return extra, sources


def discover(paths: Sequence[str], manifest: str | None = None) -> tuple[list[str], list[Source]]:
    """Manifest columns and every document to audit, duplicates dropped (first wins)."""
    columns: list[str] = []
    sources: list[Source] = []
    if manifest is not None:
        columns, sources = read_manifest(manifest)
    local = [p for p in paths if not is_url(p)]
    for path in collect_paths(local) if local else []:
        if path == "-":
            raise ConfigError.of("audit-stdin")
        sources.append(Source(os.path.abspath(path)))
    for url in (p for p in paths if is_url(p)):
        sources.extend(Source(u) for u in _find_url(url))
    seen: set[str] = set()
    unique = []
    for source in sources:
        if source.path not in seen:
            seen.add(source.path)
            unique.append(source)
    return columns, unique


def open_binary(path: str):  # type: ignore[no-untyped-def]
    """A binary file object for a local path or an fsspec URL."""
    if is_url(path):
        return _fsspec().open(path, "rb").open()
    return open(path, "rb")


def digest(path: str) -> tuple[str, int]:
    """SHA-256 and size of a document, read in chunks (never the whole file in memory)."""
    sha = hashlib.sha256()
    size = 0
    try:
        with open_binary(path) as fh:
            while chunk := fh.read(CHUNK):
                sha.update(chunk)
                size += len(chunk)
    except FileNotFoundError:
        raise DocumentError.of("file-missing", code="not-found", path=path) from None
    except OSError as exc:
        raise DocumentError.of("cannot-read-paren", detail=str(exc.strerror or exc), code="unreadable", path=path) from None
    return sha.hexdigest(), size


def iter_chunks(items: Sequence[Source], size: int) -> Iterator[Sequence[Source]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
