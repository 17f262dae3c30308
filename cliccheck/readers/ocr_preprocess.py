"""Page-image clean-up that scanned contracts need before recognition.

* **Seals** (公章): a red stamp is usually pressed over the signature block and the last
  clause. Its ink confuses the recogniser, so the red channel is used as the grey image
  (red ink turns white, black print stays black), and each seal is kept as a fact: page
  and box.
* **Skew**: a sheet fed a little crooked (±3° is common) is turned straight, so that the
  lines the layout step groups are horizontal; the angle is found by the projection
  profile (rows of a straight page alternate between ink and paper most sharply).

Everything works on RGB ``numpy`` arrays; OpenCV comes with the ``ocr`` extra.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: A red pixel: red well above green and blue (seal ink, also faded or JPEG-smeared).
RED_MARGIN = 60
#: Seals are at least this big (inches), smaller red marks (a pen tick) are not seals.
MIN_SEAL_INCHES = 0.45
#: A reddish pixel whose red channel is at least this share of the seal ink's own red is ink alone
#: (lifted to paper); darker, it is print under the ink (black print keeps its darkness in the red
#: channel, whatever the ink's shade) and stays.
INK_ONLY_SHARE = 0.65
#: Skew search range and step (degrees).
MAX_SKEW = 5.0
SKEW_STEP = 0.25
#: Below this the page is left as it is (resampling costs sharpness for nothing).
MIN_SKEW = 0.4


@dataclass(slots=True)
class Prepared:
    """The image to recognise and what was learnt preparing it."""

    image: Any  # RGB uint8 array
    seals: list[tuple[int, int, int, int]]  # pixel boxes in the prepared image
    skew: float  # degrees the page was turned back by


def red_mask(rgb: Any) -> Any:
    import numpy as np

    r = rgb[..., 0].astype(np.int16)
    g = rgb[..., 1].astype(np.int16)
    b = rgb[..., 2].astype(np.int16)
    return (r - g > RED_MARGIN) & (r - b > RED_MARGIN - 20) & (r > 110)


def find_seals(rgb: Any, dpi: float) -> list[tuple[int, int, int, int]]:
    """Boxes of red regions big enough to be seals (pixels, x0 y0 x1 y1)."""
    import cv2
    import numpy as np

    mask = red_mask(rgb)
    if mask.sum() < (MIN_SEAL_INCHES * dpi) ** 2 * 0.02:
        return []
    step = 4
    small = mask[::step, ::step].astype(np.uint8)
    kernel = np.ones((5, 5), np.uint8)
    small = cv2.dilate(small, kernel, iterations=2)
    count, _labels, stats, _ = cv2.connectedComponentsWithStats(small, connectivity=8)
    boxes: list[tuple[int, int, int, int]] = []
    least = MIN_SEAL_INCHES * dpi
    for i in range(1, count):
        x, y, w, h, _area = stats[i]
        if w * step >= least and h * step >= least:
            boxes.append((int(x * step), int(y * step), int(min((x + w) * step, rgb.shape[1])),
                          int(min((y + h) * step, rgb.shape[0]))))
    return _merge_boxes(boxes)


def _merge_boxes(boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """One box per seal: parts of a stamp (ring, star, broken by print) that overlap are one."""
    merged: list[tuple[int, int, int, int]] = []
    for box in sorted(boxes):
        for i, other in enumerate(merged):
            if box[0] <= other[2] and other[0] <= box[2] and box[1] <= other[3] and other[1] <= box[3]:
                merged[i] = (min(box[0], other[0]), min(box[1], other[1]), max(box[2], other[2]),
                             max(box[3], other[3]))
                break
        else:
            merged.append(box)
    return merged


def drop_red(rgb: Any) -> Any:
    """Grey from the red channel: red ink becomes paper, black print stays, as a 3-channel image."""
    import numpy as np

    red = rgb[..., 0].astype(np.float32)
    # seal ink keeps ~85% of the paper's red: lift everything that light to white
    red = np.clip(red * (255.0 / 190.0), 0, 255).astype(np.uint8)
    # and any pixel still clearly reddish and light in its red channel (JPEG smears the ink's edges)
    # is paper too. Print under the seal is reddish as well (seal ink over black print is a dark red),
    # but its red channel is dark: it is print, and lifting it broke the strokes of every character the
    # seal's ring or lettering crossed (书 read as "·", 毁 as "=", 报 as ":")
    r, g, b = (rgb[..., i].astype(np.int16) for i in range(3))
    ink = red_mask(rgb)
    ink_red = float(np.median(r[ink])) if ink.any() else 255.0
    red[(r - g > 25) & (r - b > 10) & (r >= INK_ONLY_SHARE * ink_red)] = 255
    return np.repeat(red[..., None], 3, axis=2)


def estimate_skew(rgb: Any) -> float:
    """The page's skew in degrees (positive: text rises to the right), by projection profile."""
    import numpy as np

    grey = rgb.min(axis=2)
    scale = max(1, round(max(grey.shape) / 900))
    small = grey[::scale, ::scale]
    ys, xs = np.nonzero(small < 128)
    if len(xs) < 200:
        return 0.0
    if len(xs) > 60_000:
        pick = np.random.default_rng(0).choice(len(xs), 60_000, replace=False)
        xs, ys = xs[pick], ys[pick]
    xs = xs.astype(np.float64)
    ys = ys.astype(np.float64)
    best, best_score = 0.0, -1.0
    height = small.shape[0] + small.shape[1]
    for angle in np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, SKEW_STEP):
        t = np.deg2rad(angle)
        rows = np.round(ys * np.cos(t) + xs * np.sin(t)).astype(np.int64) + small.shape[1]
        hist = np.bincount(rows, minlength=height + small.shape[1])
        score = float((hist.astype(np.float64) ** 2).sum())
        if score > best_score:
            best, best_score = float(angle), score
    return best


def rotate(rgb: Any, degrees: float) -> Any:
    """Turn the page by ``degrees`` (counter-clockwise), keeping its size, paper-white corners."""
    import cv2

    h, w = rgb.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(rgb, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=(255, 255, 255))


def prepare(rgb: Any, dpi: float) -> Prepared:
    """Seals found and suppressed, skew corrected."""
    seals = find_seals(rgb, dpi)
    image = drop_red(rgb) if seals else rgb
    skew = estimate_skew(image)
    if abs(skew) >= MIN_SKEW:
        image = rotate(image, -skew)
    else:
        skew = 0.0
    return Prepared(image, seals, skew)
