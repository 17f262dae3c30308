"""Configuration: ``.cliccheck.toml``, ``[tool.cliccheck]`` in ``pyproject.toml``, or ``--config``.

Discovery walks up from each document's folder and takes the nearest file
(no merging, like ruff): a ``.cliccheck.toml``, or a ``pyproject.toml`` that
has a ``[tool.cliccheck]`` table. Command-line options then override it. A
config file below the folder being linted is refused (see :class:`ConfigCache`).

Loading is strict: an unknown key or a bad value is a :class:`ConfigError`
naming the file and line, because a typo in a gate's configuration must not
silently loosen the gate. Waiver globs are relative to the config file's
folder.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import os
import re
import stat
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .i18n import Phrase
from .limits import Limits

CONFIG_NAMES = (".cliccheck.toml", "pyproject.toml")
REQUIREMENT_IDS = ("CSR01", "CSR02", "CSR03", "CSR04")
#: Finding rules (not requirement verdicts) that select/ignore/severity/waivers may name.
FINDING_RULES = ("bilingual-mismatch", "hidden-text", "hidden-contradiction", "unread-content", "obfuscated-text",
                 "ocr-read", "expired-waiver", "no-supplier-party", "not-a-contract", "pack-suggested")
LANGS = ("auto", "zh", "en")
FAIL_ON = ("error", "warning", "never")
SEVERITIES = ("error", "warning", "note")
#: Sub-tables of [severity] that set one verdict's severity per requirement.
VERDICT_KEYS = ("weak", "contradicted", "missing")

#: A configuration file is a few kilobytes; anything much larger is not one (``--config /dev/zero``).
MAX_CONFIG_BYTES = 1024 * 1024

TOP_KEYS = ("packs", "supplier-aliases", "select", "ignore", "fail-on", "lang", "ui-lang", "exclude", "extend-exclude",
            "severity", "limits", "waiver")
WAIVER_KEYS = ("rule", "paths", "reason", "approved_by", "expires")

DEFAULT_CONFIG = """\
# .cliccheck.toml: configuration for `cliccheck lint`.
# Put it in the folder of your contract drafts (or any folder above them);
# the nearest one wins. The same keys work under [tool.cliccheck] in a
# pyproject.toml. Command-line options override these values.

# Extra names for the supplier-side party, in addition to the role words the
# contract defines itself ("the Vendor", 乙方（供应方）) and the defaults.
supplier-aliases = []            # e.g. ["Northbridge Systems Ltd.", "北桥系统有限公司"]

# Rule packs to check the contract against, in order: built-in packs ("csr" = the
# Art. 6 undertakings, "security-agreement", "pipl21", "network-data") and
# playbook folders relative to this file (e.g. "./legal/our-playbook").
packs = ["csr"]

# Which checks to run: requirement ids (CSR01..CSR04) or finding rules
# (bilingual-mismatch, hidden-text, expired-waiver). Empty select = all.
select = []
ignore = []

# The gate: a document fails when it has an unwaived finding at or above
# this severity. One of "error", "warning", "never".
fail-on = "error"

# Language version(s) to check: "auto" (every version found), "zh" or "en".
lang = "auto"

# Language of reports and messages: "auto" (the contract's language, Chinese
# for a bilingual contract; LANG/LC_ALL naming zh or en override), "zh", "en".
ui-lang = "auto"

# Files and folders `lint FOLDER` skips, as globs relative to this file
# (** spans folders). `exclude` replaces the defaults (none); `extend-exclude`
# adds to them. A file named on the command line is always checked.
exclude = []
extend-exclude = []              # e.g. ["archive/**", "*.draft.md"]

# Severity of a requirement that is not satisfied, or of a finding rule:
# "error", "warning" or "note". Defaults: weak, contradicted and missing are
# errors (a hedged or carved-out undertaking is not the one the law asks for);
# bilingual-mismatch and hidden-text are warnings; hidden-contradiction,
# unread-content and obfuscated-text are errors.
[severity]
# CSR03 = "warning"
# hidden-text = "error"

# One verdict only, per requirement (record why in a waiver if you accept a risk):
[severity.weak]
# CSR04 = "warning"

# Resource limits for untrusted documents (see `cliccheck lint --help`).
[limits]
# max_pages = 2000
# max_file_bytes = 209715200

# A waiver accepts a known gap for named documents, with an audit trail: the
# finding stays in every report, marked waived with its reason and approver.
# After `expires` (inclusive) the waiver stops applying and is reported.
# [[waiver]]
# rule = "CSR04"
# paths = ["vendors/acme/*.docx"]   # globs relative to this file; ** spans folders
# reason = "Acme's master agreement covers supply continuity (MSA §12)"
# approved_by = "Legal – J. Chen"
# expires = "2027-06-30"
"""


@dataclass(frozen=True, slots=True)
class Waiver:
    """An approved exception for one rule on documents matching ``paths``."""

    rule: str
    reason: str
    approved_by: str
    paths: tuple[str, ...] = ("**",)
    expires: _dt.date | None = None
    root: str = "."  # folder the globs are relative to
    source: str | None = None  # config file (for the audit trail)
    line: int | None = None

    def matches(self, doc_path: str) -> bool:
        """True when the document at ``doc_path`` is covered by one of ``paths``."""
        try:
            rel = Path(doc_path).resolve().relative_to(Path(self.root).resolve())
        except ValueError:
            return False
        text = rel.as_posix()
        return any(glob_to_regex(p).fullmatch(text) for p in self.paths)

    def expired(self, today: _dt.date) -> bool:
        return self.expires is not None and today > self.expires


@dataclass(frozen=True, slots=True)
class Config:
    """Effective settings for linting a document."""

    #: rule packs, in order: built-in ids or playbook folders (relative to ``root``, the config file's folder)
    packs: tuple[str, ...] = ("csr",)
    supplier_aliases: tuple[str, ...] = ()
    #: --supplier: the supplier's names, replacing the contract's role words (command line only)
    supplier_names: tuple[str, ...] = ()
    select: tuple[str, ...] = ()  # empty = all
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    lang: str = "auto"
    ui_lang: str = "auto"
    #: globs (relative to ``root``) of files and folders a folder walk skips: exclude + extend-exclude
    exclude: tuple[str, ...] = ()
    root: str = "."
    severity: Mapping[str, str] = field(default_factory=dict)
    #: verdict -> {requirement id -> severity}: ``[severity.weak]`` lowers or raises one verdict only
    verdict_severity: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    limits: Mapping[str, int] = field(default_factory=dict)
    waivers: tuple[Waiver, ...] = ()
    source: str | None = None

    def pack_ids(self) -> tuple[str, ...]:
        """Requirement ids of the enabled packs, in pack order (CSR01..CSR04 by default)."""
        if self.packs == ("csr",):
            return REQUIREMENT_IDS
        from .packs import load_packs

        return load_packs(self.packs, base=self.pack_base).ids

    @property
    def pack_base(self) -> str:
        """The folder playbook paths are relative to: the config file's, else the working directory."""
        return str(Path(self.source).resolve().parent) if self.source and not self.source.startswith("<") else "."

    def resolved_packs(self) -> tuple[str, ...]:
        """The ``packs`` setting with each playbook folder made absolute (it is relative to the config file's
        folder): what ``load_packs`` reads the same way in any process and from any working directory."""
        from .packs import is_path_spec

        return tuple(str((Path(self.pack_base) / spec).resolve()) if is_path_spec(spec) else spec
                     for spec in self.packs)

    def library(self) -> Any:
        """The library of the enabled packs (cached by the loaders)."""
        from .packs import load_packs

        return load_packs(self.packs, base=self.pack_base)

    def requirement_ids(self) -> list[str]:
        """Requirement ids to check, in order, after select and ignore."""
        known = self.pack_ids()
        chosen = [r for r in self.select if r in known] if self.select else list(known)
        if self.select and not chosen:  # only finding rules selected
            chosen = []
        return [r for r in known if r in chosen and r not in self.ignore]

    def finding_enabled(self, rule: str, requirement: str | None) -> bool:
        if rule in self.ignore or (requirement is not None and requirement in self.ignore):
            return False
        finding_select = [r for r in self.select if r.lower() in FINDING_RULES]
        if finding_select and rule not in finding_select:
            return False
        return not (requirement is not None and requirement not in self.requirement_ids())

    def make_limits(self) -> Limits:
        return Limits().with_overrides(dict(self.limits))

    def with_cli(self, *, supplier_aliases: Iterable[str] = (), select: Iterable[str] | None = None,
                 ignore: Iterable[str] = (), fail_on: str | None = None, lang: str | None = None,
                 supplier_names: Iterable[str] = (), ui_lang: str | None = None,
                 packs: Iterable[str] | None = None) -> Config:
        """Command-line options on top: --select, --packs and --supplier replace, --ignore and aliases add."""
        changes: dict[str, Any] = {}
        if packs is not None:
            changes["packs"] = tuple(packs)
        aliases = tuple(supplier_aliases)
        if aliases:
            changes["supplier_aliases"] = tuple(dict.fromkeys(self.supplier_aliases + aliases))
        names = tuple(supplier_names)
        if names:
            changes["supplier_names"] = tuple(dict.fromkeys(names))
        if select is not None:
            changes["select"] = tuple(select)
        extra_ignore = tuple(ignore)
        if extra_ignore:
            changes["ignore"] = tuple(dict.fromkeys(self.ignore + extra_ignore))
        if fail_on is not None:
            changes["fail_on"] = fail_on
        if lang is not None:
            changes["lang"] = lang
        if ui_lang is not None and ui_lang != "auto":
            changes["ui_lang"] = ui_lang
        return replace(self, **changes) if changes else self

    def excludes(self, path: str) -> bool:
        """True when ``path`` (a file or folder found in a folder walk) matches an exclude glob."""
        if not self.exclude:
            return False
        try:
            rel = Path(path).resolve().relative_to(Path(self.root).resolve()).as_posix()
        except ValueError:
            rel = Path(path).as_posix()
        name = Path(path).name
        return any(glob_to_regex(p).fullmatch(rel) or ("/" not in p and glob_to_regex(p).fullmatch(name))
                   for p in self.exclude)


# -- discovery ------------------------------------------------------------------------------------

def find_config_file(start: str | Path) -> Path | None:
    """The nearest config file at or above ``start`` (a folder or a file's folder)."""
    folder = Path(start).resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate_dir in (folder, *folder.parents):
        dotfile = candidate_dir / ".cliccheck.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = candidate_dir / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = read_config_text(path)
    except ConfigError:
        return False
    return re.search(r"^\s*\[\[?\s*tool\.cliccheck[\].]", text, re.MULTILINE) is not None


class NestedConfigError(ConfigError):
    """A config file below the linted folder: refused for the documents it would govern."""


class ConfigCache:
    """Discover and load each config file once per run.

    A config file found *below* the folder the user linted (a vendor's package
    dropped into the drafts folder) must not replace the policy that governs
    that folder: ``fail-on = "never"`` or a waiver there would let a
    contradicted contract through. Such a document is refused with a
    ``config`` error naming the file (fail closed); lint that folder on its own
    to use its config, or move the settings up.
    """

    def __init__(self, explicit: str | Path | None = None):
        self._explicit = load_config(explicit) if explicit is not None else None
        self._by_file: dict[Path, Config] = {}
        self._by_dir: dict[Path, Path | None] = {}

    def for_document(self, doc_path: str | None, root: str | None = None) -> Config:
        """The config for ``doc_path``, found while linting ``root`` (the folder given by the user)."""
        if self._explicit is not None:
            return self._explicit
        start = Path.cwd() if doc_path is None else Path(doc_path).resolve().parent
        if start not in self._by_dir:
            self._by_dir[start] = find_config_file(start)
        found = self._by_dir[start]
        if found is None:
            return Config()
        if root is not None:
            top = Path(root).resolve()
            if not top.is_dir():
                top = top.parent
            if found.parent != top and top in found.parent.parents:
                governing = find_config_file(top)
                raise NestedConfigError.of(
                    "cfg.nested", root=str(root), governing=str(governing) if governing else Phrase("err.cfg.defaults"),
                    folder=str(found.parent), path=str(found))
        if found not in self._by_file:
            self._by_file[found] = load_config(found)
        return self._by_file[found]


# -- loading --------------------------------------------------------------------------------------

def read_config_text(path: Path) -> str:
    """A config file's text: regular files only, at most :data:`MAX_CONFIG_BYTES`, UTF-8 with or
    without a BOM.

    Opened non-blocking and checked with ``fstat`` on the open descriptor: a FIFO
    would block ``open()`` for ever and ``/dev/zero`` never ends.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ConfigError.of("config-not-found", path=str(path)) from None
    except OSError as exc:
        raise ConfigError.of("config-unreadable", reason=exc.strerror, path=str(path)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ConfigError.of("config-not-regular", path=str(path))
        if info.st_size > MAX_CONFIG_BYTES:
            raise ConfigError.of("config-size", size=f"{info.st_size:,}", limit=f"{MAX_CONFIG_BYTES:,}", path=str(path))
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise ConfigError.of("config-unreadable", reason=exc.strerror, path=str(path)) from None
    finally:
        os.close(fd)
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError.of("config-grew", limit=f"{MAX_CONFIG_BYTES:,}", path=str(path))
    try:
        return raw.decode("utf-8-sig")  # a BOM (Notepad's "UTF-8") is not part of the TOML
    except UnicodeDecodeError as exc:
        raise ConfigError.of("config-not-utf8", offset=exc.start, path=str(path)) from None


def load_config(path: str | Path) -> Config:
    """Load and validate one config file; raise :class:`ConfigError` with file:line."""
    path = Path(path)
    text = read_config_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError.of("config-toml", detail=str(exc), path=str(path)) from None
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("cliccheck")
        if table is None:
            raise ConfigError.of("config-no-table", path=str(path))
        data = table
        prefix = ("tool", "cliccheck")
    return parse_config(data, source=str(path), text=text, prefix=prefix, root=path.resolve().parent)


def parse_config(data: Mapping[str, Any], *, source: str | None = None, text: str = "",
                 prefix: tuple[str, ...] = (), root: str | Path = ".") -> Config:
    """Validate a config mapping (from TOML or the Python API)."""
    where = _Locator(source, text, prefix)
    for key in data:
        if key not in TOP_KEYS:
            where.fail(key, (), "cfg.unknown-key", key=repr(key), suggest=_suggest(key, TOP_KEYS))
    kwargs: dict[str, Any] = {"source": source}
    packs: tuple[str, ...] = ("csr",)
    if "packs" in data:
        packs = tuple(dict.fromkeys(_str_list(data["packs"], "packs", where)))
        if not packs:
            where.fail("packs", (), "no-packs")
        from .packs import load_pack

        for spec in packs:
            try:
                load_pack(spec, base=root)
            except ConfigError as exc:
                line = where.line_of("packs")
                # the pack's own error said inside this one, so it stays sayable in the user's language
                said = Phrase(f"err.{exc.key}", **(exc.values or {})) if exc.key else exc.message
                raise ConfigError.of("config-packs", path=f"{where.source or '<config>'}{f':{line}' if line else ''}",
                                     detail=said) from None
        kwargs["packs"] = packs
    known_ids = _known_ids(packs, root)
    if "supplier-aliases" in data:
        kwargs["supplier_aliases"] = tuple(_str_list(data["supplier-aliases"], "supplier-aliases", where))
    for key in ("select", "ignore"):
        if key in data:
            kwargs[key] = tuple(normalize_rule_ids(_str_list(data[key], key, where), known=known_ids,
                                                   on_error=lambda m, v, k=key: where.fail(k, (), m, **v)))
    if "fail-on" in data:
        kwargs["fail_on"] = _choice(data["fail-on"], FAIL_ON, "fail-on", (), where)
    if "lang" in data:
        kwargs["lang"] = _choice(data["lang"], LANGS, "lang", (), where)
    if "ui-lang" in data:
        kwargs["ui_lang"] = _choice(data["ui-lang"], LANGS, "ui-lang", (), where)
    globs: list[str] = []
    for key in ("exclude", "extend-exclude"):
        if key in data:
            for pattern in _str_list(data[key], key, where):
                try:
                    glob_to_regex(pattern)
                except (re.error, ValueError) as exc:
                    where.fail(key, (), "cfg.bad-glob", key=key, pattern=repr(pattern), detail=str(exc))
                globs.append(pattern)
    if globs:
        kwargs["exclude"] = tuple(globs)
        kwargs["root"] = str(root)
    if "severity" in data:
        table = _table(data["severity"], "severity", where)
        severity: dict[str, str] = {}
        by_verdict: dict[str, dict[str, str]] = {}
        for rule, value in table.items():
            if rule in VERDICT_KEYS:
                sub = _table(value, f"severity.{rule}", where)
                for rid, level in sub.items():
                    if rid.upper() not in known_ids:
                        where.fail(rid, ("severity", rule), "unknown-requirement", rule=repr(rid),
                                   known=", ".join(known_ids))
                    by_verdict.setdefault(rule, {})[rid.upper()] = _choice(level, SEVERITIES, rid,
                                                                           ("severity", rule), where)
                continue
            rule_id = normalize_rule_ids([rule], known=known_ids,
                                         on_error=lambda m, v, r=rule: where.fail(r, ("severity",), m, **v))[0]
            severity[rule_id] = _choice(value, SEVERITIES, rule, ("severity",), where)
        kwargs["severity"] = severity
        kwargs["verdict_severity"] = by_verdict
    if "limits" in data:
        table = _table(data["limits"], "limits", where)
        names = Limits.names()
        limits: dict[str, int] = {}
        for name, value in table.items():
            if name not in names:
                where.fail(name, ("limits",), "cfg.unknown-limit", name=repr(name), suggest=_suggest(name, names))
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                where.fail(name, ("limits",), "cfg.limit-value", name=name, value=repr(value))
            limits[name] = value
        kwargs["limits"] = limits
    if "waiver" in data:
        entries = data["waiver"]
        if not isinstance(entries, list):
            where.fail("waiver", (), "cfg.waiver-array")
        kwargs["waivers"] = tuple(_waiver(entry, i, where, Path(root), known_ids) for i, entry in enumerate(entries))
    return Config(**kwargs)


def _waiver(entry: Any, index: int, where: _Locator, root: Path, known: tuple[str, ...]) -> Waiver:
    table = ("waiver",)
    if not isinstance(entry, dict):
        where.fail("waiver", (), "cfg.waiver-table")
    for key in entry:
        if key not in WAIVER_KEYS:
            where.fail(key, table, "cfg.waiver-key", index, key=repr(key), suggest=_suggest(key, WAIVER_KEYS))
    for key in ("rule", "reason", "approved_by"):
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            where.fail(key if key in entry else None, table, "cfg.waiver-needs", index, key=repr(key))
    rule = normalize_rule_ids([entry["rule"]], known=known,
                              on_error=lambda m, v: where.fail("rule", table, m, index, **v))[0]
    paths: tuple[str, ...] = ("**",)
    if "paths" in entry:
        raw = entry["paths"]
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not raw or not all(isinstance(p, str) and p for p in raw):
            where.fail("paths", table, "cfg.waiver-paths", index)
        paths = tuple(raw)
        for pattern in paths:
            try:
                glob_to_regex(pattern)
            except re.error as exc:
                where.fail("paths", table, "cfg.waiver-glob", index, pattern=repr(pattern), detail=str(exc))
    expires = None
    if "expires" in entry:
        value = entry["expires"]
        if isinstance(value, _dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = _dt.date.fromisoformat(value)
            except ValueError:
                where.fail("expires", table, "cfg.expires", index, value=repr(value))
        if not isinstance(value, _dt.date):
            where.fail("expires", table, "cfg.expires", index, value=repr(value))
        expires = value
    line = where.line_of("rule", table, index)
    return Waiver(rule=rule, reason=entry["reason"].strip(), approved_by=entry["approved_by"].strip(),
                  paths=paths, expires=expires, root=str(root), source=where.source, line=line)


def _known_ids(packs: tuple[str, ...], root: str | Path) -> tuple[str, ...]:
    """Rule ids a config may name: the built-in packs' and its own playbooks'."""
    try:
        from .packs import known_rule_ids

        return known_rule_ids([p for p in packs if p != "csr"], base=root)
    except ConfigError:
        return REQUIREMENT_IDS


def normalize_rule_ids(values: Iterable[str], *, on_error: Any = None,
                       known: tuple[str, ...] | None = None) -> list[str]:
    """Accept ids (CSR04, csr04, PIPL21-01) or names (no-unjustified-supply-suspension); return ids.
    ``known``: the rule ids that exist (default: every built-in pack's)."""
    ids = known if known is not None else _known_ids((), ".")
    names = _requirement_names()
    out: list[str] = []
    for value in values:
        token = value.strip()
        if token.upper() in ids:
            out.append(token.upper())
        elif token in names:
            out.append(names[token])
        elif token.lower() in FINDING_RULES:
            out.append(token.lower())
        else:
            every = (*ids, *FINDING_RULES, *names)
            values = {"rule": repr(token), "suggest": _suggest(token, every),
                      "known": ", ".join((*ids, *FINDING_RULES))}
            if on_error is None:
                raise ConfigError.of("cfg.unknown-rule", **values)
            on_error("cfg.unknown-rule", values)
    return out


def parse_id_list(text: str | None, known: tuple[str, ...] | None = None) -> list[str] | None:
    """``--select CSR01,CSR04`` -> ids; raises ConfigError for unknown ones."""
    if text is None:
        return None
    return normalize_rule_ids([t for t in re.split(r"[,\s]+", text) if t], known=known)


def parse_pack_list(text: str | None) -> list[str] | None:
    """``--packs csr,pipl21,./legal/our-playbook`` -> pack specs (checked when loaded)."""
    if text is None:
        return None
    from .packs import is_path_spec, load_pack

    specs = [str(Path(t).resolve()) if is_path_spec(t) else t for t in re.split(r"[,\s]+", text) if t]
    if not specs:
        raise ConfigError.of("no-packs")
    for spec in specs:
        load_pack(spec)  # an unknown pack or a broken playbook: the one-line error now, not per document
    return list(dict.fromkeys(specs))


def effective_packs(option: str | None, *, config_file: str | None = None,
                    document: str | None = None) -> tuple[str, ...]:
    """The rule packs a command reads with, by one precedence for every command (lint, audit, serve, annex,
    redline, rules, explain --trace): ``--packs``, else the ``packs`` of the configuration that governs
    ``document`` (``--config``, else the .cliccheck.toml / pyproject.toml found from its folder, or from the
    working directory), else csr. An annex that fell back to csr while the gate checks more packs would leave the
    other packs' unmet rules without a clause."""
    specs = parse_pack_list(option)
    if specs is not None:
        return tuple(specs)
    return ConfigCache(config_file).for_document(document).resolved_packs()


def generating_config(option: str | None, *, config_file: str | None = None, document: str | None = None) -> Config:
    """The configuration ``annex`` and ``redline`` write clauses by: the one ``lint`` checks ``document`` with
    (``--config``, else the file found from its folder), with the packs of :func:`effective_packs`. Its supplier
    aliases name the supplier as lint does, and its ``select``/``ignore`` choose the rules: a clause for a rule the
    gate does not check, or a party the gate does not see as the supplier, would not be the gate's fix."""
    base = ConfigCache(config_file).for_document(document)
    return base.with_cli(packs=effective_packs(option, config_file=config_file, document=document))


def _requirement_names() -> dict[str, str]:
    """Requirement name -> id, from the clause library when it is importable."""
    try:
        from .library import load_library
        from .packs import builtin_dirs, load_pack

        names = {req.name: req.id for req in load_library().requirements}
        for pack_id in builtin_dirs():
            names.update({req.name: req.id for req in load_pack(pack_id).requirements})
        return names
    except Exception:  # the library is optional here: ids always work
        return {}


# -- helpers --------------------------------------------------------------------------------------

class _Locator:
    """Finds the line of a key in the TOML text (tomllib keeps no positions)."""

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")

    def __init__(self, source: str | None, text: str, prefix: tuple[str, ...]):
        self.source = source
        self.lines = text.splitlines()
        self.prefix = prefix

    def line_of(self, key: str | None, table: tuple[str, ...] = (), index: int | None = None) -> int | None:
        """Line of ``key`` in ``table`` (the ``index``-th of an array of tables); None if not found.

        With ``key=None``, the line of the table's header.
        """
        want = ".".join(self.prefix + table)
        child = f"{want}.{key}" if want else (key or "")
        current = ""
        occurrence = -1
        header_line = None
        key_re = None
        if key is not None:
            k = re.escape(key)
            key_re = re.compile(rf"""^\s*(?:"{k}"|'{k}'|{k})\s*=""")
        for number, line in enumerate(self.lines, start=1):
            header = self._HEADER.match(line)
            if header:
                current = header.group(2).replace(" ", "").replace('"', "")
                if current == want:
                    occurrence += 1 if header.group(1) == "[[" else 0
                    if header_line is None and (index is None or occurrence == index):
                        header_line = number
                elif key is not None and current == child and index is None:
                    return number
                continue
            if key_re is not None and current == want and (index is None or occurrence == index) \
                    and key_re.match(line):
                return number
        return header_line if key is None else None

    def fail(self, key: str | None, table: tuple[str, ...], message: str, index: int | None = None, /,
             **values: Any) -> Any:
        """Raise a ConfigError at the key's line (or its table's header when the key is absent); ``message`` is
        its catalogue key (``err.<message>``) and ``values`` fill it."""
        line = self.line_of(key, table, index)
        if line is None and table:
            line = self.line_of(None, table, index)
        where = self.source or "<config>"
        if line is not None:
            where = f"{where}:{line}"
        raise ConfigError.of(message, path=where, **values)


def _suggest(word: str, choices: Iterable[str]) -> Phrase:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close:
        alt = word.replace("_", "-") if "_" in word else word.replace("-", "_")
        close = [c for c in choices if c == alt]
    return Phrase("err.cfg.did-you-mean" if close else None, name=repr(close[0]) if close else "")


def _str_list(value: Any, key: str, where: _Locator) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        where.fail(key, (), "cfg.str-list", key=key, value=repr(value))
    return [v for v in value if v.strip()]


def _choice(value: Any, choices: tuple[str, ...], key: str, table: tuple[str, ...], where: _Locator) -> str:
    if not isinstance(value, str) or value not in choices:
        where.fail(key, table, "cfg.choice", key=".".join((*table, key)), choices=", ".join(choices),
                   value=repr(value))
    return value


def _table(value: Any, key: str, where: _Locator) -> dict[str, Any]:
    if not isinstance(value, dict):
        where.fail(key, (), "cfg.table", key=key)
    return value


def glob_to_regex(pattern: str) -> re.Pattern[str]:
    """Translate a path glob (``*`` within a folder, ``**`` across folders) to a regex."""
    pattern = pattern.replace("\\", "/")
    if pattern.startswith("./"):
        pattern = pattern[2:]
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif ch == "*":
            out.append("[^/]*")
            i += 1
        elif ch == "?":
            out.append("[^/]")
            i += 1
        elif ch == "[":
            close = pattern.find("]", i + 1)
            if close == -1:
                out.append(re.escape(ch))
                i += 1
            else:
                body = pattern[i + 1:close]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = close + 1
        else:
            out.append(re.escape(ch))
            i += 1
    return re.compile("".join(out))
