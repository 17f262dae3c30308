"""Generate a repository of contracts of mixed formats, languages and sizes (audit tests and benchmark).

Each contract is the rule-case contract frame (``tests/data/rule_cases.yaml``)
with, per requirement, one of the rule library's own example clauses for a
chosen verdict (or none: missing) and a number of neutral schedule lines to
vary the size from one page to dozens. The wording comes from the library
and the test data, so the generator holds no legal text of its own.
Deterministic for a given seed.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"
FORMATS = ("txt", "md", "docx", "pdf")
SIZES = (0, 4, 30, 120)  # schedule lines: about 1, 1, 2 and 6 pages
PLAN_VERDICTS = ("satisfied", "weak", "contradicted", "missing")
FILLER = {
    "en": "{n}. Schedule 2, item {n}: network switch model NS-{n}, quantity {q}, delivered within {d} days of the order.",
    "zh": "第{n}条 附件二第{n}项：网络交换机NS-{n}型，数量{q}台，自订单之日起{d}日内交付。",
}


def _frames() -> dict[str, str]:
    return yaml.safe_load((DATA / "rule_cases.yaml").read_text(encoding="utf-8"))["contracts"]


def _examples() -> dict[tuple[str, str, str], list[str]]:
    from cliccheck.library import load_library

    out: dict[tuple[str, str, str], list[str]] = {}
    for req in load_library().requirements:
        for verdict, by_lang in req.examples.items():
            for lang, texts in by_lang.items():
                out[(req.id, verdict, lang)] = list(texts)
    return out


def contract_text(rng: random.Random, lang: str, size: int, examples: dict, frames: dict,
                  plan_in: dict[str, str] | None = None) -> tuple[str, dict]:
    """The text of one contract and the verdict each requirement's clause was taken from.

    ``plan_in`` fixes the verdict to draw per requirement (a bilingual contract's two versions
    share one); otherwise each is chosen at random.
    """
    plan: dict[str, str] = {}
    clauses: list[str] = []
    number = 3
    for rule in ("CSR01", "CSR02", "CSR03", "CSR04"):
        verdict = plan_in[rule] if plan_in else rng.choice(PLAN_VERDICTS)
        plan[rule] = verdict
        texts = examples.get((rule, verdict, lang))
        if verdict == "missing" or not texts:
            plan[rule] = "missing"
            continue
        text = rng.choice(texts)
        clauses.append(f"{number}. {text}" if lang == "en" else f"第{number}条 {text}")
        number += 1
    for _ in range(size):
        clauses.append(FILLER[lang].format(n=number, q=rng.randint(1, 400), d=rng.randint(10, 90)))
        number += 1
    return frames[lang].replace("{clause}", "\n\n".join(clauses)), plan


def _write_docx(path: Path, text: str) -> None:
    import docx

    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)
    document.core_properties.author = "cliccheck tests"
    document.save(str(path))


CJK_PDF_FONT = "STSong-Light"  # one of the PDF standard CID fonts: readers supply it, no font file needed


def _pdf_tokens(paragraph: str) -> tuple[list[str], str]:
    """Words joined by spaces, or (text with Chinese in it) characters joined by nothing."""
    if any("\u4e00" <= ch <= "\u9fff" for ch in paragraph):
        return list(paragraph), ""
    return paragraph.split(), " "


def _write_pdf(path: Path, text: str) -> None:
    """Helvetica for English; Chinese in the standard CID font STSong-Light (not embedded)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    if CJK_PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_PDF_FONT))
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    y = height - 60
    for paragraph in text.split("\n\n"):
        tokens, sep = _pdf_tokens(paragraph)
        font = "Helvetica" if sep else CJK_PDF_FONT
        line = ""
        for word in tokens:
            if stringWidth(f"{line}{sep}{word}".strip(), font, 10) > width - 120:
                pdf.setFont(font, 10)
                pdf.drawString(60, y, line)
                y -= 14
                line = word
                if y < 60:
                    pdf.showPage()
                    y = height - 60
            else:
                line = f"{line}{sep}{word}".strip()
        pdf.setFont(font, 10)
        pdf.drawString(60, y, line)
        y -= 22
        if y < 60:
            pdf.showPage()
            y = height - 60
    pdf.save()


def generate(folder: Path, count: int, *, seed: int = 14, formats: tuple[str, ...] = FORMATS,
             sizes: tuple[int, ...] = SIZES) -> list[tuple[Path, dict[str, str]]]:
    """``count`` contracts under ``folder`` (in sub-folders of 100), with the plan each was built from."""
    rng = random.Random(seed)
    examples, frames = _examples(), _frames()
    out = []
    for i in range(count):
        fmt = formats[i % len(formats)]
        lang = "en" if fmt == "pdf" else rng.choice(("en", "zh"))
        text, plan = contract_text(rng, lang, rng.choice(sizes), examples, frames)
        sub = folder / f"batch-{i // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"contract-{i:05d}-{lang}.{fmt}"
        if fmt == "docx":
            _write_docx(path, text)
        elif fmt == "pdf":
            _write_pdf(path, text)
        else:
            path.write_text(text, encoding="utf-8")
        out.append((path, plan))
    return out
