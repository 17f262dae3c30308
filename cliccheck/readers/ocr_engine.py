"""OCR engines behind one small interface: an RGB page image in, text lines out.

Two engines were measured on the same rendered contract pages
(``benchmarks/bench_ocr.py``; figures in the README, "Scanned contracts (OCR)"):

* ``rapidocr`` — ``rapidocr-onnxruntime`` 1.4.x: PP-OCRv4 detection and
  recognition models for Chinese and English ship inside the wheel, so nothing
  is downloaded at run time (the newer ``rapidocr`` 3.x downloads its models on
  first use and is never used). The default: far more accurate on Chinese.
* ``tesseract`` — Debian's ``tesseract-ocr`` with ``chi_sim``/``chi_tra``
  through ``pytesseract``; kept for the benchmark and as an alternative.

Each line carries a confidence per character, which the fail-closed rule needs
(:mod:`cliccheck.ocr_gate`): a requirement is never satisfied by words the
engine was unsure of. RapidOCR's CTC decoder has a probability per decoded
character; Tesseract has one per word, given to each of its characters.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Protocol

#: The engine used unless another is asked for.
DEFAULT_ENGINE = "rapidocr"
ENGINES = ("rapidocr", "tesseract")


class OcrUnavailable(RuntimeError):
    """The optional OCR dependencies are not installed (``pip install cliccheck[ocr]``)."""


@dataclass(slots=True)
class OcrLine:
    """One recognised line: text, its box in image pixels and a confidence (0..1) per character."""

    text: str
    box: tuple[float, float, float, float]  # x0, y0, x1, y1
    confidences: list[float]
    angle: int = 0  # 0 or 180: what the line classifier found
    #: per character, what the recogniser found likeliest after it, likeliest first: (character,
    #: probability) pairs; "" is CTC's blank (no character there), :data:`UNLISTED` the rest of the
    #: probability. None when the engine does not say (Tesseract).
    alternatives: list[tuple[tuple[str, float], ...]] | None = None

    @property
    def height(self) -> float:
        return self.box[3] - self.box[1]

    @property
    def confidence(self) -> float:
        return min(self.confidences) if self.confidences else 0.0


class Engine(Protocol):
    name: str

    def recognise(self, image: Any) -> list[OcrLine]:
        """Lines on an RGB ``numpy`` image (H x W x 3, uint8), top to bottom."""
        ...


def _box(points: Any) -> tuple[float, float, float, float]:
    xs = [float(p[0]) for p in points]
    ys = [float(p[1]) for p in points]
    return min(xs), min(ys), max(xs), max(ys)


#: Text is found on a copy of the page no longer than this (pixels): about 110 dpi on A4, where
#: contract type is still 15 px high. Detection's working memory grows with the image (rapidocr's
#: whole page, up to 2000 px, took 580 MB above the loaded models; this size in bands, 175 MB),
#: and the boxes it finds are within 2 px of the full-size ones; lines are then recognised from
#: the full-size page.
DETECT_MAX_SIDE = 1280
#: ... and in horizontal bands this high (plus an overlap above and below, more than a line of
#: large type), so that detection's working memory is that of a band, not of the page.
DETECT_BAND = 448
DETECT_OVERLAP = 64


def _libc() -> Any:
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name) if name else None
    except OSError:  # pragma: no cover
        return None


def limit_malloc_arenas() -> None:
    """One malloc arena for the process (glibc; elsewhere nothing happens). Each thread that
    recognises a page would otherwise get an arena of its own that keeps what detection freed:
    two pages in parallel peaked at 596 MB with per-thread arenas and 355 MB with one."""
    mallopt = getattr(_libc(), "mallopt", None)
    if mallopt is not None:
        mallopt(-8, 1)  # M_ARENA_MAX


def release_memory() -> None:
    """Give the memory freed after a page back to the system (glibc's malloc_trim), so that every
    page's peak does not start from the last one's leftovers (two 150 dpi pages: 565 MB peak
    without, 491 MB with)."""
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is not None:
        trim(0)


def _session_options(threads: int) -> Any:
    """ONNX Runtime options for a page at a time on a shared machine: no memory arena and no
    memory pattern (page and line shapes change every call, so neither is reused, and both keep
    memory), worker threads that sleep instead of spinning while they wait (spinning burns the
    cores other pages and processes need), ``threads`` per session (0: one per core)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 4
    options.enable_cpu_mem_arena = False
    options.enable_mem_pattern = False
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = threads if threads > 0 else 0
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return options


def _own_sessions(ocr: Any, threads: int) -> None:
    """Replace the sessions rapidocr made (its options are fixed) by ones with our options."""
    import onnxruntime as ort

    for stage in (ocr.text_det, ocr.text_cls, ocr.text_rec):
        holder = stage.infer if hasattr(stage, "infer") else stage.session
        path = getattr(holder.session, "_model_path", None)
        if not isinstance(path, str):  # another onnxruntime: keep rapidocr's session as it is
            continue
        holder.session = ort.InferenceSession(path, sess_options=_session_options(threads),
                                              providers=["CPUExecutionProvider"])


#: A gap this many line heights wide inside a detected line is no space between words: the detector
#: ran two texts together across a column gutter or between the cells of a table without rules.
SPLIT_GAP = 1.5
#: A column of ink this share of the way from above the line to below it is a rule (a table's
#: ruling between cells), not a stroke of a letter: letters stay within their line.
RULE_SHARE = 0.9


def split_boxes(img: Any, boxes: Any) -> Any:
    """The detector's line boxes (N x 4 x 2), each cut where it spans a blank gap of at least
    :data:`SPLIT_GAP` line heights or a vertical rule, so that text in two columns or in the cells
    of a table is recognised as separate lines that the layout step can order (it once read a left
    column's last character with the right column's line, and whole table rows as one line)."""
    import numpy as np

    ink = img.min(axis=2) < 128 if img.ndim == 3 else img < 128
    # the page's line height: a box the detector drew over two texts on slightly different rows is
    # taller (and often tilted), which would hide the gap between them
    heights = [float(q[:, 1].max() - q[:, 1].min()) for q in boxes]
    typical = float(np.median(heights)) if heights else 0.0
    out = []
    for quad in boxes:
        x0, x1 = int(max(0, quad[:, 0].min())), int(min(ink.shape[1], quad[:, 0].max() + 1))
        y0, y1 = int(max(0, quad[:, 1].min())), int(min(ink.shape[0], quad[:, 1].max() + 1))
        h = min(y1 - y0, max(typical, 4.0))
        if h < 4 or x1 - x0 < 3 * h:
            out.append(quad)  # a word or two: nothing to cut
            continue
        blank = ~ink[y0:y1, x0:x1].any(axis=0)
        margin = max(2, int(h) // 3)
        beyond = ink[max(0, y0 - margin):min(ink.shape[0], y1 + margin), x0:x1]
        rule = beyond.mean(axis=0) >= RULE_SHARE if beyond.shape[0] > h else np.zeros_like(blank)
        cuts = _cuts(blank | rule, rule, SPLIT_GAP * h)
        if not cuts:
            out.append(quad)
            continue
        edges = [0, *[c for cut in cuts for c in cut], x1 - x0]
        for a, b in zip(edges[::2], edges[1::2], strict=True):
            rows = _ink_rows(ink[y0:y1, x0 + a:x0 + b])
            if rows is not None:
                top, bottom = y0 + rows[0], y0 + rows[1]
                out.append(np.float32([[x0 + a, top], [x0 + b, top], [x0 + b, bottom], [x0 + a, bottom]]))
    if isinstance(boxes, list) or not out:
        return out or boxes
    return np.stack(out)


def _ink_rows(piece: Any) -> tuple[int, int] | None:
    """The rows (top, bottom) of the text in a piece of a cut box, with a little paper around it: the
    densest run of rows holding ink (a box drawn over two rows also holds the edge of a neighbouring
    line), so that the piece is as high as its own line and the layout sees a body line, not a
    heading; None for a piece without ink."""
    has = piece.any(axis=1)
    if not has.any():
        return None
    best: tuple[int, int, int] | None = None
    start = None
    for y, value in enumerate([*has.tolist(), False]):
        if value and start is None:
            start = y
        elif not value and start is not None:
            weight = int(piece[start:y].sum())
            if best is None or weight > best[0]:
                best = (weight, start, y)
            start = None
    assert best is not None
    _, top, bottom = best
    pad = max(1, (bottom - top) // 8)
    return max(0, top - pad), min(piece.shape[0], bottom + pad)


def _distinct(quads: list[Any]) -> list[Any]:
    """The boxes without repeats: a line whose middle lies at a band's edge can be found in both
    bands, with boxes a pixel or two apart whose middles fall on either side of the edge, and was read
    twice ("Clause 2 No illegal acquisition … Clause 2 No illegal acquisition …"). Of two boxes that
    mostly cover each other the larger is kept."""
    kept: list[tuple[float, float, float, float]] = []
    out: list[Any] = []
    for quad in sorted(quads, key=lambda q: -float((q[:, 0].max() - q[:, 0].min()) * (q[:, 1].max() - q[:, 1].min()))):
        box = (float(quad[:, 0].min()), float(quad[:, 1].min()), float(quad[:, 0].max()), float(quad[:, 1].max()))
        area = max((box[2] - box[0]) * (box[3] - box[1]), 1e-6)
        if any(_overlap(box, other) > 0.7 * area for other in kept):
            continue
        kept.append(box)
        out.append(quad)
    return out


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _cuts(gap: Any, rule: Any, wide: float) -> list[tuple[int, int]]:
    """(start, end) of the runs of ``gap`` inside a line (not at its ends) that are at least ``wide``
    or hold a rule."""
    runs: list[tuple[int, int]] = []
    start = None
    for x, value in enumerate([*gap.tolist(), False]):
        if value and start is None:
            start = x
        elif not value and start is not None:
            if start > 0 and x < len(gap) and (x - start >= wide or rule[start:x].any()):
                runs.append((start, x))
            start = None
    return runs


#: How many runners-up of each decoded character are kept ...
ALTERNATIVES = 4
#: ... and the rest of the probability, as one alternative: some character not listed.
UNLISTED = "\ufffd"


class _RunnerUpDecode:
    """rapidocr's CTC decoder, unchanged, with the runners-up of every decoded character kept: the
    classes the recogniser found likeliest after it at that step, with their probabilities. The
    fail-closed rule uses them to tell a word that could be another word from one that could not."""

    def __init__(self, decode: Any):
        self._decode = decode

    def __call__(self, preds: Any, return_word_box: bool = False, **kwargs: Any) -> Any:
        import numpy as np

        out = self._decode(preds, return_word_box, **kwargs)
        if not return_word_box:
            return out
        characters = self._decode.character
        idx = preds.argmax(axis=2)
        for b, rec in enumerate(out):
            steps = np.ones(idx.shape[1], dtype=bool)
            steps[1:] = idx[b, 1:] != idx[b, :-1]
            steps &= idx[b] != 0  # CTC's blank, the decoder's only ignored token
            alternatives = []
            for t in np.flatnonzero(steps):
                row = preds[b, t]
                char = int(idx[b, t])
                # the character holds the steps up to the next change of class; it is absent only if
                # none of them has it, so no chance of that exceeds the least of their chances
                end = t + 1
                while end < idx.shape[1] and int(idx[b, end]) == char:
                    end += 1
                absent = float(1.0 - preds[b, t:end, char].max())
                top = np.argpartition(row, -1 - ALTERNATIVES)[-1 - ALTERNATIVES:]
                top = top[np.argsort(-row[top])]
                listed = tuple(("", min(float(row[k]), absent)) if int(k) == 0
                               else (characters[int(k)], float(row[k]))
                               for k in top if int(k) != char)[:ALTERNATIVES]
                rest = 1.0 - float(row[char]) - sum(float(row[k]) for k in top if int(k) != char)
                alternatives.append((*listed, (UNLISTED, max(0.0, rest))))
            rec[2].append(alternatives)
        return out


class RapidEngine:
    """PP-OCRv4 through rapidocr-onnxruntime, driven stage by stage so that the per-character
    probabilities of the recogniser (which ``RapidOCR.__call__`` averages away) are kept, and
    detection runs on a smaller copy of the page than recognition (memory, see
    :data:`DETECT_MAX_SIDE`)."""

    name = "rapidocr"

    def __init__(self, threads: int = 0):
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise OcrUnavailable(str(exc)) from None
        # one line per recogniser run: batches of 6 (rapidocr's default) took 2-3x as long and 150 MB
        # more on a contract page (lines are padded to the widest in a batch, and attention grows
        # with the width)
        limit_malloc_arenas()
        self._ocr = RapidOCR(rec_batch_num=1)
        # bands are detected at their own size: rapidocr's default ("min" 736) would scale a band up
        self._ocr.text_det.limit_type = "max"
        self._ocr.text_rec.postprocess_op = _RunnerUpDecode(self._ocr.text_rec.postprocess_op)
        _own_sessions(self._ocr, threads)
        # pages recognised in parallel share the engine; one detection at a time bounds the memory
        self._detecting = threading.Lock()

    def recognise(self, image: Any) -> list[OcrLine]:
        ocr = self._ocr
        img, ratio_h, ratio_w = ocr.preprocess(image)
        record: dict[str, Any] = {"preprocess": {"ratio_h": ratio_h, "ratio_w": ratio_w}}
        img, record = ocr.maybe_add_letterbox(img, record)
        boxes = self._detect(img)
        if boxes is None or not len(boxes):
            return []
        boxes = split_boxes(img, boxes)
        crops = ocr.get_crop_img_list(img, boxes)
        # The per-line angle classifier is not applied: on upright contract pages it turns good
        # lines upside down (and they come back empty). It only votes on the page's orientation.
        upside_down = self._upside_down(crops)
        rec_res, _ = ocr.text_rec(crops, True)
        raw_h, raw_w = image.shape[:2]
        points = ocr._get_origin_points(boxes, record, raw_h, raw_w)
        lines: list[OcrLine] = []
        for quad, rec in zip(points, rec_res, strict=True):
            text = rec[0]
            if not text.strip():
                continue
            confs = [float(c) for c in rec[2][4]] if len(rec) > 2 else [float(rec[1])] * len(text)
            alternatives = rec[2][5] if len(rec) > 2 and len(rec[2]) > 5 else None
            if len(confs) != len(text):  # a multi-character token: spread the line's mean
                confs = [float(rec[1])] * len(text)
                alternatives = None
            if alternatives is not None and len(alternatives) != len(text):
                alternatives = None
            lines.append(OcrLine(text, _box(quad), confs, angle=180 if upside_down else 0,
                                 alternatives=alternatives))
        return lines

    def _detect(self, img: Any) -> Any:
        """Line boxes (N x 4 x 2, in ``img`` pixels), found on a copy no longer than DETECT_MAX_SIDE,
        band by band (:data:`DETECT_BAND`)."""
        import cv2
        import numpy as np

        scale = min(1.0, DETECT_MAX_SIDE / max(img.shape[:2]))
        small = img if scale >= 1 else cv2.resize(img, (round(img.shape[1] * scale), round(img.shape[0] * scale)),
                                                  interpolation=cv2.INTER_AREA)
        found: list[Any] = []
        height = small.shape[0]
        for top in range(0, height, DETECT_BAND):
            bottom = min(height, top + DETECT_BAND)
            a, b = max(0, top - DETECT_OVERLAP), min(height, bottom + DETECT_OVERLAP)
            with self._detecting:
                boxes, _ = self._ocr.text_det(np.ascontiguousarray(small[a:b]))
            for quad in boxes if boxes is not None else ():
                centre = (float(quad[:, 1].min()) + float(quad[:, 1].max())) / 2 + a
                if top <= centre < bottom:  # a line belongs to the band its middle is in
                    found.append(np.asarray(quad, dtype=np.float32) + np.float32([0, a]))
        del small
        found = _distinct(found)
        if not found:
            return None
        full = np.stack(found) / np.float32(scale)
        full[..., 0] = np.clip(full[..., 0], 0, img.shape[1] - 1)
        full[..., 1] = np.clip(full[..., 1], 0, img.shape[0] - 1)
        return self._ocr.sorted_boxes(full)

    def _upside_down(self, crops: list[Any]) -> bool:
        """Most lines (of up to 16 sampled) sure to be upside down: the page is."""
        sample = crops[:: max(1, len(crops) // 16)][:16]
        if not sample:
            return False
        _, votes, _ = self._ocr.text_cls(sample)
        flipped = sum(1 for label, score in votes if label == "180" and float(score) >= 0.9)
        return flipped * 10 >= len(sample) * 7


class TesseractEngine:
    """Tesseract 5 (LSTM) with Simplified and Traditional Chinese and English, via pytesseract."""

    name = "tesseract"

    def __init__(self, threads: int = 0, langs: str = "chi_sim+chi_tra+eng"):
        try:
            import pytesseract
        except ImportError as exc:  # pragma: no cover
            raise OcrUnavailable(str(exc)) from None
        try:
            available = set(pytesseract.get_languages(config=""))
        except (pytesseract.TesseractNotFoundError, OSError) as exc:
            raise OcrUnavailable(f"tesseract is not installed: {exc}") from None
        wanted = [lang for lang in langs.split("+") if lang in available]
        if not wanted:
            raise OcrUnavailable(f"tesseract has none of the languages {langs}")
        self._tess = pytesseract
        self._langs = "+".join(wanted)
        self._threads = threads

    def recognise(self, image: Any) -> list[OcrLine]:
        import os

        env_threads = os.environ.get("OMP_THREAD_LIMIT")
        if self._threads > 0:
            os.environ["OMP_THREAD_LIMIT"] = str(self._threads)
        try:
            data = self._tess.image_to_data(image, lang=self._langs, config="--psm 3",
                                            output_type=self._tess.Output.DICT)
        finally:
            if self._threads > 0:
                if env_threads is None:
                    os.environ.pop("OMP_THREAD_LIMIT", None)
                else:
                    os.environ["OMP_THREAD_LIMIT"] = env_threads
        from .linejoin import needs_space

        grouped: dict[tuple[int, int, int, int], list[int]] = {}
        for i, word in enumerate(data["text"]):
            if word and word.strip() and float(data["conf"][i]) >= 0:
                key = (data["page_num"][i], data["block_num"][i], data["par_num"][i], data["line_num"][i])
                grouped.setdefault(key, []).append(i)
        lines: list[OcrLine] = []
        for indices in grouped.values():
            text = ""
            confs: list[float] = []
            for i in indices:
                word = data["text"][i].strip()
                conf = float(data["conf"][i]) / 100.0
                if text and needs_space(text, word):
                    text += " "
                    confs.append(1.0)
                text += word
                confs.extend([conf] * len(word))
            x0 = min(data["left"][i] for i in indices)
            y0 = min(data["top"][i] for i in indices)
            x1 = max(data["left"][i] + data["width"][i] for i in indices)
            y1 = max(data["top"][i] + data["height"][i] for i in indices)
            lines.append(OcrLine(text, (float(x0), float(y0), float(x1), float(y1)), confs))
        lines.sort(key=lambda line: (line.box[1], line.box[0]))
        return lines


_engines: dict[tuple[str, int], Engine] = {}
_loading = threading.Lock()


def get_engine(name: str = DEFAULT_ENGINE, threads: int = 0) -> Engine:
    """One engine per process and configuration, loaded once and shared by the threads that
    recognise pages in parallel (ONNX Runtime sessions may be run from several threads; the
    models are loaded once, not once per thread)."""
    key = (name, threads)
    with _loading:
        if key not in _engines:
            if name == "rapidocr":
                _engines[key] = RapidEngine(threads)
            elif name == "tesseract":
                _engines[key] = TesseractEngine(threads)
            else:
                raise ValueError(f"unknown OCR engine {name!r}")
        return _engines[key]


def engine_available(name: str = DEFAULT_ENGINE) -> bool:
    """Can ``name`` run here, without loading its models?"""
    import importlib.util
    import shutil

    if name == "rapidocr":
        if not all(importlib.util.find_spec(m) is not None for m in ("rapidocr_onnxruntime", "onnxruntime", "cv2")):
            return False
        try:  # OpenCV is installed but may not load (opencv-python needs the system's libGL)
            import cv2  # noqa: F401
        except (ImportError, OSError):
            return False
        return True
    if name == "tesseract":
        return importlib.util.find_spec("pytesseract") is not None and shutil.which("tesseract") is not None
    return False
