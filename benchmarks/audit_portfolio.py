"""Generate a realistic contract portfolio for the audit benchmark (write it outside the repository).

What an operator's share of signed contracts looks like, as far as it matters to
``cliccheck audit``: nested folders per region, business unit, year and supplier;
mostly Word and PDF, some plain text; Chinese, English and bilingual (the Chinese
version followed by the English one, both drafted from the same plan); compliance
that varies from contract to contract (most lack some undertaking); sizes from one
page to about twenty; exact duplicates filed twice under another name; and a small
share of files the readers must refuse cleanly (the committed hostile fixtures,
truncated and empty files, scans without a text layer). A manifest CSV lists every
file with a contract number, business unit and supplier id.

The contract text is built by ``tests/audit_corpus.py`` from the rule library's own
example clauses, so this script holds no legal wording. Deterministic for a seed.

Run: ``.venv/bin/python benchmarks/audit_portfolio.py /tmp/portfolio --count 10000``
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from audit_corpus import _examples, _frames, _write_docx, _write_pdf, contract_text  # noqa: E402

REGIONS = ("华北区", "华东区", "South", "Overseas")
UNITS = ("Data Centre", "零售银行部", "Network Operations", "信息科技部", "Payments", "运维中心", "Cloud Platform",
         "Branch IT")
YEARS = ("2021", "2022", "2023", "2024", "2025")
#: file format shares of the ordinary contracts (the rest of the portfolio is duplicates and bad files)
FORMAT_WEIGHTS = {"docx": 45, "pdf": 35, "txt": 15, "md": 5}
LANGUAGE_WEIGHTS = {"zh": 50, "en": 35, "bilingual": 15}
#: per requirement: most signed contracts predate the Measures and simply lack the undertaking
VERDICT_WEIGHTS = {"missing": 45, "satisfied": 30, "weak": 17, "contradicted": 8}
#: schedule lines (see audit_corpus.SIZES): 1, 1, 2, 6 and about 20 pages
SIZE_WEIGHTS = {0: 20, 4: 35, 30: 30, 120: 12, 400: 3}
DUPLICATE_SHARE = 0.05
BAD_SHARE = 0.015
#: committed files the readers must refuse or read cleanly, each quickly (bench_hostile.py times every shape;
#: the slow resource shapes, e.g. the 400-page PDF, are left out: a portfolio has few and they would dominate)
HOSTILE = (
    "fixtures/hostile/docx/billion-laughs.docx", "fixtures/hostile/docx/dtd.docx",
    "fixtures/hostile/docx/empty.docx", "fixtures/hostile/docx/encrypted.docx",
    "fixtures/hostile/docx/legacy-doc-renamed.docx", "fixtures/hostile/docx/malformed-xml.docx",
    "fixtures/hostile/docx/no-document-xml.docx", "fixtures/hostile/docx/not-a-zip.docx",
    "fixtures/hostile/docx/truncated.docx", "fixtures/hostile/docx/xxe-file.docx",
    "fixtures/hostile/docx/zip-bomb-declared.docx", "fixtures/hostile/docx/zip-lying-size.docx",
    "fixtures/hostile/pdf/broken-xref.pdf", "fixtures/hostile/pdf/empty.pdf",
    "fixtures/hostile/pdf/encrypted-user-password.pdf", "fixtures/hostile/pdf/image-only.pdf",
    "fixtures/hostile/pdf/not-a-pdf.pdf", "fixtures/hostile/pdf/page-tree-loop.pdf",
    "fixtures/hostile/pdf/truncated.pdf", "fixtures/hostile/pdf/no-unicode-map.pdf",
    "fixtures/hostile/text/empty.txt", "fixtures/hostile/text/gbk.txt", "fixtures/hostile/text/nul-bytes.txt",
    "fixtures/hostile/text/random-binary.txt", "fixtures/hostile/text/utf16le-no-bom-zh.txt",
    "fixtures/hostile/evasion/white-text.docx", "fixtures/hostile/evasion/hidden-vanish.docx",
    "fixtures/hostile/evasion/white-text.pdf",
    "fixtures/pdf/scan_image_only.pdf", "fixtures/pdf/zh_contract_cid.pdf", "fixtures/pdf/bilingual_contract.pdf",
)
T = TypeVar("T")
MANIFEST_FIELDS = ("path", "contract_no", "business_unit", "supplier_id", "kind")


@dataclass(slots=True)
class Entry:
    path: Path
    kind: str  # contract | duplicate | bad
    unit: str
    supplier: int
    plan: dict[str, str] | None = None
    lang: str = ""


def _pick(rng: random.Random, weights: dict[T, int]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _folder(root: Path, rng: random.Random, unit: str, supplier: int) -> Path:
    return root / rng.choice(REGIONS) / unit / rng.choice(YEARS) / f"supplier-{supplier:04d}"


def write_contract(path: Path, rng: random.Random, lang: str, size: int, plan: dict[str, str],
                   examples: dict, frames: dict) -> None:  # type: ignore[type-arg]
    """One contract in ``path``'s format; a bilingual one is the Chinese text, then the English."""
    if lang == "bilingual":
        zh, _ = contract_text(rng, "zh", size, examples, frames, plan)
        en, _ = contract_text(rng, "en", size, examples, frames, plan)
        text = f"{zh}\n\n中英文两种文本具有同等效力。English version follows.\n\n{en}"
    else:
        text, _ = contract_text(rng, lang, size, examples, frames, plan)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".docx":
        _write_docx(path, text)
    elif path.suffix == ".pdf":
        _write_pdf(path, text)
    else:
        path.write_text(text, encoding="utf-8")


def _plan(rng: random.Random) -> dict[str, str]:
    return {rule: _pick(rng, VERDICT_WEIGHTS) for rule in ("CSR01", "CSR02", "CSR03", "CSR04")}


def generate_portfolio(root: Path, count: int, *, seed: int = 14) -> list[Entry]:
    """``count`` files under ``root / "contracts"`` and ``root / "manifest.csv"`` listing them."""
    rng = random.Random(seed)
    examples, frames = _examples(), _frames()
    contracts = root / "contracts"
    entries: list[Entry] = []
    n_bad = max(1, round(count * BAD_SHARE))
    n_dup = round(count * DUPLICATE_SHARE)
    for i in range(count - n_bad - n_dup):
        unit, supplier = rng.choice(UNITS), rng.randrange(400)
        fmt, lang = _pick(rng, FORMAT_WEIGHTS), _pick(rng, LANGUAGE_WEIGHTS)
        path = _folder(contracts, rng, unit, supplier) / f"HT-{i:06d}-{lang}.{fmt}"
        plan = _plan(rng)
        write_contract(path, rng, lang, _pick(rng, SIZE_WEIGHTS), plan, examples, frames)
        entries.append(Entry(path, "contract", unit, supplier, plan, lang))
    originals = list(entries)
    for i in range(n_dup):  # the same signed copy filed again: scanned-in archive, e-mail attachment folder
        source = rng.choice(originals)
        path = contracts / "archive" / source.unit / f"copy-{i:05d}-{source.path.name}"
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source.path, path)
        entries.append(Entry(path, "duplicate", source.unit, source.supplier, source.plan, source.lang))
    for i in range(n_bad):
        unit, supplier = rng.choice(UNITS), rng.randrange(400)
        folder = _folder(contracts, rng, unit, supplier)
        folder.mkdir(parents=True, exist_ok=True)
        choice = i % (len(HOSTILE) + 2)
        if choice < len(HOSTILE):
            source_path = ROOT / HOSTILE[choice]
            path = folder / f"BAD-{i:05d}-{source_path.name}"
            shutil.copyfile(source_path, path)
        elif choice == len(HOSTILE):  # a contract cut off in transfer
            source = rng.choice(originals)
            data = source.path.read_bytes()
            path = folder / f"BAD-{i:05d}-cut-{source.path.name}"
            path.write_bytes(data[: len(data) // 2])
        else:  # a zero-byte placeholder
            path = folder / f"BAD-{i:05d}-placeholder.docx"
            path.write_bytes(b"")
        entries.append(Entry(path, "bad", unit, supplier))
    write_manifest(root / "manifest.csv", contracts, entries)
    return entries


def write_manifest(path: Path, contracts: Path, entries: list[Entry]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(MANIFEST_FIELDS)
        for n, entry in enumerate(entries):
            writer.writerow([entry.path.relative_to(path.parent).as_posix(), f"HT-{2021 + n % 5}-{n:06d}",
                             entry.unit, f"S{entry.supplier:04d}", entry.kind])


def load_portfolio(root: Path) -> list[Entry]:
    """The entries of a portfolio generated earlier, from its manifest (the plans are not kept)."""
    entries = []
    with (root / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            path = root / row["path"]
            lang = path.stem.rsplit("-", 1)[-1] if row["kind"] != "bad" else ""
            entries.append(Entry(path, row["kind"], row["business_unit"], int(row["supplier_id"][1:]), None, lang))
    return entries


def change_some(entries: list[Entry], fraction: float, *, seed: int = 15) -> list[Path]:
    """Rewrite ``fraction`` of the ordinary contracts with a new plan (an amendment signed since)."""
    rng = random.Random(seed)
    examples, frames = _examples(), _frames()
    contracts = [e for e in entries if e.kind == "contract"]
    chosen = rng.sample(contracts, max(1, round(len(entries) * fraction)))
    for entry in chosen:
        entry.plan = _plan(rng)
        write_contract(entry.path, rng, entry.lang, _pick(rng, SIZE_WEIGHTS), entry.plan, examples, frames)
    return [e.path for e in chosen]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    started = time.perf_counter()
    entries = generate_portfolio(args.folder, args.count, seed=args.seed)
    kinds: dict[str, int] = {}
    for e in entries:
        key = e.kind if e.kind != "contract" else f"{e.path.suffix[1:]} {e.lang}"
        kinds[key] = kinds.get(key, 0) + 1
    print(f"{len(entries)} files in {time.perf_counter() - started:.1f} s: "
          + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))


if __name__ == "__main__":
    main()
