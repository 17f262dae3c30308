#!/usr/bin/env python3
"""Coverage-guided fuzzing of the readers with atheris (libFuzzer), for long runs by hand.

The test suite fuzzes with hypothesis for about a minute (tests/test_fuzz_readers.py);
this target runs for as long as you like and finds deeper paths because libFuzzer
follows coverage. atheris is not a project dependency and this file is never
imported by the tests. To use it::

    .venv/bin/pip install atheris          # needs a clang-built CPython wheel; Linux x86-64 has them
    .venv/bin/python benchmarks/fuzz_atheris.py docx -max_total_time=3600 -timeout=20 -rss_limit_mb=2048
    .venv/bin/python benchmarks/fuzz_atheris.py pdf  -max_total_time=3600 -timeout=20 -rss_limit_mb=2048
    .venv/bin/python benchmarks/fuzz_atheris.py text -runs=1000000

The first argument picks the reader (docx, pdf or text); the rest goes to
libFuzzer. The seed corpus is copied from fixtures/hostile/ into
``$TMPDIR/cliccheck-fuzz-corpus/<reader>/`` (outside the work tree; libFuzzer
adds the inputs it finds interesting there, so a second run resumes).
``-timeout`` makes a hang a crash, ``-rss_limit_mb`` a memory blow-up one.

The property is the suite's: ``read_document`` returns a Document or raises a
``DocumentError`` (a coded, one-line error); any other exception is a crash.
libFuzzer writes the input as ``crash-<sha1>``: copy it to
``fixtures/hostile/fuzz/<what-it-is>.<ext>``, add it to ``CRASHERS`` in
tests/test_fuzz_readers.py with the code it should give, and report it to the
reader's owner.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = {"docx": (".docx", ".docm"), "pdf": (".pdf",), "text": (".txt", ".md")}
NAMES = {"docx": "fuzz.docx", "pdf": "fuzz.pdf", "text": "fuzz.txt"}


def seed_corpus(reader: str) -> Path:
    corpus = Path(tempfile.gettempdir()) / "cliccheck-fuzz-corpus" / reader
    corpus.mkdir(parents=True, exist_ok=True)
    hostile = ROOT / "fixtures" / "hostile"
    for path in hostile.rglob("*"):
        if path.is_file() and path.suffix in SUFFIXES[reader] and 0 < path.stat().st_size < 256 * 1024:
            shutil.copyfile(path, corpus / path.relative_to(hostile).as_posix().replace("/", "__"))
    return corpus


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in SUFFIXES:
        sys.exit(f"usage: {sys.argv[0]} docx|pdf|text [libFuzzer options]")
    reader = sys.argv[1]
    try:
        import atheris
    except ImportError:
        sys.exit("atheris is not installed: .venv/bin/pip install atheris (see this file's docstring)")

    with atheris.instrument_imports(include=["cliccheck"]):
        from cliccheck.errors import DocumentError
        from cliccheck.readers import read_document

    name = NAMES[reader]

    def one_input(data: bytes) -> None:
        with contextlib.suppress(DocumentError):  # the expected way to refuse bad input
            read_document(data, filename=name)

    corpus = seed_corpus(reader)
    atheris.Setup([sys.argv[0], *sys.argv[2:], str(corpus)], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
