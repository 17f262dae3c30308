"""Resource limits for reading untrusted documents.

Every limit has a name that appears in the error when it is hit, so a user
who trusts a big document knows what to raise (``--limit NAME=VALUE`` or the
``[limits]`` table in ``.cliccheck.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = 200 * MB  # size of the input file on disk
    max_inflated_bytes: int = 256 * MB  # sum of declared uncompressed zip member sizes
    max_member_bytes: int = 128 * MB  # one uncompressed zip member
    #: one XML part of a DOCX that is parsed (document, styles, headers...): parsing and walking cost
    #: about 0.5 s and 15 MB of memory per MB of XML on a loaded 2-core machine, so 12 MB keeps a
    #: document within the 10 s / 500 MB bound (a 1,000-page contract's document.xml is under 10 MB)
    max_xml_bytes: int = 12 * MB
    max_compression_ratio: int = 200  # uncompressed/compressed for any large member
    max_zip_members: int = 5000
    max_xml_depth: int = 256  # element nesting in any XML part
    max_pages: int = 400  # lint of an ordinary 400-page contract: 7.6 s wall on a slow 2-core machine (10 s bound)
    max_stream_objects: int = 200_000  # PDF: text, path and image operators in one stream
    max_chars: int = 20_000_000  # characters of extracted text
    max_text_bytes: int = 64 * MB  # plain-text input
    max_paragraph_chars: int = 1_000_000  # one paragraph (line run) of a plain-text input
    max_image_pixels: int = 40_000_000  # one page image (input or rendered for OCR): decompression bombs
    max_ocr_pages: int = 300  # pages read by OCR in one document (about 1 s each)
    max_ocr_page_seconds: int = 300  # OCR of one page (wall clock; about 3 s on an idle core)

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def with_overrides(self, overrides: dict[str, int]) -> Limits:
        unknown = set(overrides) - set(self.names())
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        return replace(self, **overrides)


DEFAULT_LIMITS = Limits()
