"""Safe access to OOXML packages (DOCX today; the redline writer and the
hostile-input checks reuse it).

Why this module exists: a 700 KB zip can declare a 200 MB ``document.xml``
and python-docx would inflate and parse all of it (measured at 2.4 GB of
memory). So every check that can be made from the zip's central directory is
made in :func:`open_package` *before a single byte is decompressed*:

* number of members (``max_zip_members``),
* each member's declared size (``max_member_bytes``) and their sum
  (``max_inflated_bytes``),
* the compression ratio of every member bigger than 1 MB
  (``max_compression_ratio``),
* encrypted members (zip-level encryption; Word's own password protection is
  an OLE file and is recognised earlier by :mod:`.sniff`),
* member names that two programs could resolve to different bytes: the same
  name twice, or names equal but for case or slash direction (OPC part names
  are case-insensitive, so ``Word/Document.xml`` beside ``word/document.xml``
  is one part stored twice; which copy a program reads is up to the program).
  Such a package is refused as ``ambiguous-package``, never resolved by
  picking one.

Declared sizes can lie, so :meth:`Package.read` also never inflates more than
a member declared (plus one byte to detect the lie).

XML parts are parsed by :func:`parse_xml`: no DTD loading, no entity
resolution, no network, no "huge tree"; any part that contains a DOCTYPE or
ENTITY declaration is refused outright (Word never writes one), and element
nesting is bounded by ``max_xml_depth``.

Relationship targets are resolved only to names *inside* the zip
(:meth:`Package.resolve`): external targets (``TargetMode="External"``, URLs,
``file:`` paths, drive letters) and anything that climbs above the package
root (``../../etc/passwd``) resolve to ``None`` and are never followed. No
path ever reaches the file system.

Every refusal is a :class:`~cliccheck.errors.DocumentError` whose one-line
message names the limit that was hit, so a user who trusts a document knows
which limit to raise.

Typical use::

    pkg = open_package(data, limits)
    main = pkg.main_document()          # "word/document.xml"
    root = pkg.xml(main)                 # lxml root, or None if absent
    for rel in pkg.rels(main).values():  # rId -> Relationship
        part = pkg.resolve(main, rel)    # None for external / escaping targets
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass

from lxml import etree

from ..errors import DocumentError, LimitExceeded, UnsafeInputError
from ..limits import Limits

PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STRICT_OFFICE_DOCUMENT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"

#: Members smaller than this are never refused for their compression ratio:
#: small XML parts full of repeated markup legitimately compress 100:1.
RATIO_FLOOR_BYTES = 1024 * 1024

#: DTD markers in the encodings an XML part may use (Word writes UTF-8; the
#: spec also allows UTF-16).
_DTD_MARKERS = tuple(
    marker.encode(encoding)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True, slots=True)
class Relationship:
    """One ``<Relationship>`` of a part; ``external`` targets are never read."""

    id: str
    type: str
    target: str
    external: bool

    @property
    def type_name(self) -> str:
        """Last path segment of the type URI, e.g. ``footnotes``, ``header``."""
        return self.type.rsplit("/", 1)[-1]


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        collect_ids=False,
    )


_DEPTH_CHECKS: dict[int, etree.XPath] = {}


def _too_deep(root: etree._Element, max_depth: int) -> bool:
    """True when any element sits deeper than ``max_depth`` (root = depth 1).

    One XPath of ``max_depth + 1`` child steps: libxml2 evaluates it level by
    level in C, visiting each element at most once.
    """
    check = _DEPTH_CHECKS.get(max_depth)
    if check is None:
        check = etree.XPath("boolean(/" + "/".join(["*"] * (max_depth + 1)) + ")")
        _DEPTH_CHECKS[max_depth] = check
    return bool(check(root))


def parse_xml(data: bytes, limits: Limits, part: str = "XML part") -> etree._Element:
    """Parse one XML part safely; see the module docstring for the rules."""
    if (b"<!" in data or b"<\x00!" in data) and any(marker in data for marker in _DTD_MARKERS):
        raise UnsafeInputError.of("xml-doctype-entity", part=part)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        message = str(exc)
        if "depth" in message.lower():
            raise UnsafeInputError.of("xml-too-deep", part=part, limit=limits.max_xml_depth) from None
        if "entit" in message.lower() or "amplification" in message.lower():
            raise UnsafeInputError.of("xml-entity", part=part, detail=message.splitlines()[0]) from None
        if "XML_PARSE_HUGE" in message or "too long" in message.lower() or "huge" in message.lower():
            # libxml2 caps one text node or attribute at 10 MB without huge_tree (which we never enable)
            raise LimitExceeded.of("xml-huge-node", part=part, limit=f"{limits.max_chars:,}") from None
        raise DocumentError.of("xml-malformed", part=part, detail=message.splitlines()[0], code="corrupt") from None
    except ValueError as exc:  # e.g. an encoding declaration lxml cannot honour
        raise DocumentError.of("xml-unparsable", part=part, detail=str(exc), code="corrupt") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise UnsafeInputError.of("xml-doctype", part=part)
    if _too_deep(root, limits.max_xml_depth):
        raise UnsafeInputError.of("xml-deeper", part=part, limit=limits.max_xml_depth)
    return root


def check_zip_infos(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse a package from its central directory alone (nothing inflated)."""
    if len(infos) > limits.max_zip_members:
        raise LimitExceeded.of("zip-member-count", count=f"{len(infos):,}", limit=f"{limits.max_zip_members:,}")
    total = 0
    seen: dict[str, str] = {}
    for info in infos:
        key = _part_name(info.filename).lower()
        if key in seen:
            raise DocumentError.of("zip-same-part", first=repr(seen[key]), second=repr(info.filename), code="ambiguous-package")
        seen[key] = info.filename
        if info.flag_bits & 0x1:
            raise DocumentError.of("zip-member-encrypted", member=info.filename, code="encrypted")
        size = info.file_size
        if size > limits.max_member_bytes:
            raise LimitExceeded.of("zip-member-size", member=info.filename, size=f"{size:,}", limit=f"{limits.max_member_bytes:,}")
        if size > RATIO_FLOOR_BYTES:
            ratio = size / max(info.compress_size, 1)
            if ratio > limits.max_compression_ratio:
                raise LimitExceeded.of("zip-ratio", member=info.filename, ratio=f"{ratio:,.0f}", limit=limits.max_compression_ratio)
        total += size
        if total > limits.max_inflated_bytes:
            raise LimitExceeded.of("zip-inflated", total=f"{total:,}", limit=f"{limits.max_inflated_bytes:,}")


def _part_name(name: str) -> str:
    """Canonical part name: no leading slash, forward slashes."""
    return name.replace("\\", "/").lstrip("/")


class Package:
    """Read-only, bounded access to the parts of a checked zip package.

    Part names are zip member names without a leading slash
    (``word/document.xml``). Lookups are case-insensitive, as OPC requires.
    """

    def __init__(self, zf: zipfile.ZipFile, limits: Limits):
        self._zf = zf
        self.limits = limits
        self._infos: dict[str, zipfile.ZipInfo] = {}
        for info in zf.infolist():
            if not info.is_dir():
                self._infos.setdefault(_part_name(info.filename).lower(), info)
        self._xml_cache: dict[str, etree._Element] = {}
        self._rels_cache: dict[str, dict[str, Relationship]] = {}

    # -- parts -------------------------------------------------------------
    @property
    def names(self) -> list[str]:
        """Every part name in the package, in zip order."""
        return [_part_name(info.filename) for info in self._infos.values()]

    def has(self, part: str) -> bool:
        return _part_name(part).lower() in self._infos

    def size(self, part: str) -> int | None:
        """Declared uncompressed size of ``part`` (None when absent)."""
        info = self._infos.get(_part_name(part).lower())
        return info.file_size if info else None

    def read(self, part: str) -> bytes | None:
        """Bytes of ``part`` (None when absent), never more than it declared."""
        info = self._infos.get(_part_name(part).lower())
        if info is None:
            return None
        try:
            with self._zf.open(info) as fh:
                data = fh.read(info.file_size + 1)
        except RuntimeError as exc:  # zipfile's "encrypted, password required"
            raise DocumentError.of("zip-member-unreadable", member=info.filename, detail=str(exc), code="encrypted") from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError) as exc:
            # ValueError: a local header offset before the archive ("negative seek value"), a member
            # name flagged UTF-8 that is not (UnicodeDecodeError) -- both seen while fuzzing
            reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
            raise DocumentError.of("zip-member-damaged", member=info.filename, detail=reason, code="corrupt") from None
        if len(data) > info.file_size:
            raise UnsafeInputError.of("zip-member-overflow", member=info.filename, size=f"{info.file_size:,}")
        return data

    def xml(self, part: str) -> etree._Element | None:
        """Parsed root of XML ``part`` (cached; None when absent)."""
        key = _part_name(part).lower()
        cached = self._xml_cache.get(key)
        if cached is not None:
            return cached
        info = self._infos.get(key)
        if info is not None and info.file_size > self.limits.max_xml_bytes:
            raise LimitExceeded.of("xml-part-size", part=info.filename, size=f"{info.file_size:,}", limit=f"{self.limits.max_xml_bytes:,}")
        data = self.read(part)
        if data is None:
            return None
        root = parse_xml(data, self.limits, _part_name(part))
        self._xml_cache[key] = root
        return root

    # -- relationships -----------------------------------------------------
    @staticmethod
    def rels_name(part: str) -> str:
        """Name of the relationships part of ``part`` ("" = the package)."""
        part = _part_name(part)
        folder, base = posixpath.split(part)
        return posixpath.join(folder, "_rels", f"{base}.rels")

    def rels(self, part: str) -> dict[str, Relationship]:
        """Relationships of ``part`` (``""`` for the package), by id."""
        key = _part_name(part).lower()
        if key in self._rels_cache:
            return self._rels_cache[key]
        out: dict[str, Relationship] = {}
        root = self.xml(self.rels_name(part))
        if root is not None:
            for el in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
                rid = el.get("Id") or ""
                out[rid] = Relationship(
                    id=rid,
                    type=el.get("Type") or "",
                    target=el.get("Target") or "",
                    external=(el.get("TargetMode") or "").lower() == "external",
                )
        self._rels_cache[key] = out
        return out

    def resolve(self, source: str, rel: Relationship | str) -> str | None:
        """Part name a relationship of ``source`` points at, if it is inside the package.

        External targets, URLs, drive letters and paths that climb above the
        package root give ``None``: they are never followed.
        """
        if isinstance(rel, str):
            found = self.rels(source).get(rel)
            if found is None:
                return None
            rel = found
        target = rel.target.strip()
        if rel.external or not target or _SCHEME.match(target) or target.startswith("//") or "\\" in target:
            return None
        target = target.split("#", 1)[0]
        if target.startswith("/"):
            joined = target.lstrip("/")
        else:
            joined = posixpath.join(posixpath.dirname(_part_name(source)), target)
        parts: list[str] = []
        for piece in joined.split("/"):
            if piece in ("", "."):
                continue
            if piece == "..":
                if not parts:
                    return None  # climbs above the package root
                parts.pop()
            else:
                parts.append(piece)
        return "/".join(parts) or None

    def related(self, source: str, type_name: str) -> list[str]:
        """Internal parts related to ``source`` by relationships of the given type name."""
        out = []
        for rel in self.rels(source).values():
            if rel.type_name == type_name:
                part = self.resolve(source, rel)
                if part is not None and self.has(part):
                    out.append(part)
        return out

    def main_document(self) -> str:
        """Name of the main document part: the one the package relationships name.

        Word opens the part ``_rels/.rels`` names; a reader that looked at
        ``word/document.xml`` by convention would read other text. Any doubt about
        which part is the main one (two officeDocument relationships, a target that is
        missing, a second main-document part beside it, a content-type override naming
        another part) is refused as ``ambiguous-package``.
        """
        targets = [rel for rel in self.rels("").values()
                   if rel.type in (OFFICE_DOCUMENT_REL, STRICT_OFFICE_DOCUMENT_REL)]
        if len(targets) > 1:
            raise DocumentError.of("pkg-two-mains", code="ambiguous-package")
        conventional = self.has("word/document.xml")
        if not targets:
            if conventional:
                return "word/document.xml"
            raise DocumentError.of("pkg-no-main", code="not-a-docx")
        part = self.resolve("", targets[0])
        if part is None or not self.has(part):
            if conventional:
                raise DocumentError.of("pkg-main-missing", target=repr(targets[0].target), code="ambiguous-package")
            raise DocumentError.of("pkg-no-main", code="not-a-docx")
        key = part.lower()
        if conventional and key != "word/document.xml":
            raise DocumentError.of("pkg-main-and-conventional", part=repr(part), code="ambiguous-package")
        for other in self._main_content_parts():
            if other != key:
                raise DocumentError.of("pkg-content-types", other=repr(other), part=repr(part), code="ambiguous-package")
        return part

    def _main_content_parts(self) -> list[str]:
        """Lower-cased parts that [Content_Types].xml overrides to a main-document content type."""
        root = self.xml("[Content_Types].xml")
        if root is None:
            return []
        out = []
        for el in root:
            if not isinstance(el.tag, str) or etree.QName(el).localname != "Override":
                continue
            ctype = (el.get("ContentType") or "").lower()
            if ctype.endswith("main+xml") and ("wordprocessingml" in ctype or "ms-word." in ctype):
                out.append(_part_name(el.get("PartName") or "").lower())
        return out

    def close(self) -> None:
        self._zf.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_package(data: bytes, limits: Limits) -> Package:
    """Open zip ``data`` after checking its central directory against ``limits``."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.LargeZipFile:
        raise LimitExceeded.of("zip64") from None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
        # NotImplementedError: a central directory claiming a zip version Python cannot read
        raise DocumentError.of("bad-zip-detail", detail=str(exc), code="corrupt") from None
    try:
        check_zip_infos(zf.infolist(), limits)
    except DocumentError:
        zf.close()
        raise
    return Package(zf, limits)
