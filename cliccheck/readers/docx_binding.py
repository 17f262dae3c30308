"""The value Word shows in a data-bound content control (``w:sdtPr/w:dataBinding``).

When Word opens a document it replaces the text cached in a data-bound control with
the value its XPath selects in a custom XML part (``customXml/itemN.xml``, found by the
``ds:itemID`` of its properties part). A reader of the cached text would read a clause
nobody sees. This module finds that value.

The XPath is never handed to an XPath engine: only the absolute location paths Word
itself writes are understood (``/ns0:a[1]/ns0:b[2]/@ns0:c``, ``text()`` at the end),
with at most :data:`MAX_STEPS` steps and :data:`MAX_XPATH` characters, each step
resolved by walking children. Anything else, a missing part or a missing node is
reported as unresolved, and the caller records it as content it did not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .docx_numbering import w
from .safezip import Package

DS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
MAX_XPATH = 1000
MAX_STEPS = 64
#: A bound value longer than this is cut: a content control holds a field, not a contract.
MAX_VALUE = 100_000

_MAPPING = re.compile(r"""xmlns:([A-Za-z_][\w.-]*)\s*=\s*(?:'([^']*)'|"([^"]*)")""")
_STEP = re.compile(r"^(@)?(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)(?:\[([1-9][0-9]{0,5})\])?$")
W_XPATH, W_STORE, W_PREFIXES = w("xpath"), w("storeItemID"), w("prefixMappings")


@dataclass(frozen=True, slots=True)
class Bound:
    """The outcome for one control: ``value`` when resolved, else why not (``problem``)."""

    value: str | None
    problem: str | None = None


class DataBindings:
    """Custom XML parts of a package by store item id, and XPath lookups in them."""

    def __init__(self, pkg: Package, main: str):
        self.pkg = pkg
        self._stores: dict[str, str] | None = None
        self._main = main

    def _index(self) -> dict[str, str]:
        """store item id (upper case, braces) -> custom XML part; read on first use."""
        if self._stores is not None:
            return self._stores
        stores: dict[str, str] = {}
        parts = set(self.pkg.related(self._main, "customXml"))
        parts.update(name for name in self.pkg.names
                     if re.fullmatch(r"customxml/item\d+\.xml", name.lower()))
        for item in sorted(parts):
            for props in self.pkg.related(item, "customXmlProps"):
                root = self.pkg.xml(props)
                item_id = root.get(f"{{{DS_NS}}}itemID") if root is not None else None
                if item_id:
                    stores.setdefault(item_id.strip().upper(), item)
        self._stores = stores
        return stores

    def value(self, binding: etree._Element) -> Bound:
        """What Word shows for the control bound by ``binding`` (a ``w:dataBinding``)."""
        xpath = (binding.get(W_XPATH) or "").strip()
        store = (binding.get(W_STORE) or "").strip().upper()
        if not xpath or len(xpath) > MAX_XPATH:
            return Bound(None, "a data binding without a usable XPath")
        part = self._index().get(store)
        if part is None:
            return Bound(None, f"a data binding to custom XML {store or '(no id)'} that the package lacks")
        root = self.pkg.xml(part)
        if root is None:
            return Bound(None, f"a data binding to a missing part {part}")
        prefixes = {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
                    for m in _MAPPING.finditer(binding.get(W_PREFIXES) or "")}
        found = _select(root, xpath, prefixes)
        if found is None:
            return Bound(None, f"a data binding whose XPath {xpath[:120]!r} cannot be resolved")
        return Bound(found[:MAX_VALUE])


def _select(root: etree._Element, xpath: str, prefixes: dict[str, str]) -> str | None:
    """String value of the node an absolute location path selects, or None."""
    if not xpath.startswith("/") or xpath.startswith("//"):
        return None
    steps = xpath[1:].split("/")
    if steps and steps[-1] == "text()":
        steps = steps[:-1]
    if not steps or len(steps) > MAX_STEPS:
        return None
    current: etree._Element | None = None
    for i, step in enumerate(steps):
        m = _STEP.match(step.strip())
        if m is None:
            return None
        attribute, prefix, local, index = m.groups()
        if prefix is not None and prefix not in prefixes:
            return None
        name = f"{{{prefixes[prefix]}}}{local}" if prefix is not None else local
        if attribute:
            if current is None or i != len(steps) - 1:
                return None
            return current.get(name)
        candidates = [root] if current is None else [c for c in current if isinstance(c.tag, str)]
        matching = [c for c in candidates if c.tag == name]
        n = int(index) if index else 1
        if len(matching) < n:
            return None
        current = matching[n - 1]
    return "".join(current.itertext()) if current is not None else None
