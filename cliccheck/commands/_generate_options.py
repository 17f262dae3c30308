"""Options shared by ``annex`` and ``redline``: party/contract overrides and dates."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import click

from ..errors import ConfigError


def override_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--supplier, --buyer, --supplier-label, --buyer-label, --contract-title/number/date."""
    options = [
        click.option("--supplier", "supplier", metavar="NAME", help="Supplier's legal name (overrides the contract's)."),
        click.option("--buyer", "buyer", metavar="NAME", help="Buyer's legal name (overrides the contract's)."),
        click.option("--supplier-label", metavar="WORD",
                     help="What the contract calls the supplier, e.g. 乙方 or Vendor (sets that language's label)."),
        click.option("--buyer-label", metavar="WORD", help="What the contract calls the buyer, e.g. 甲方 or Customer."),
        click.option("--contract-title", metavar="TEXT", help="Title of the main contract."),
        click.option("--contract-number", metavar="TEXT", help="Number of the main contract."),
        click.option("--contract-date", metavar="TEXT", help="Date of the main contract, as it should be written."),
        click.option("--remedies", type=click.Choice(["both", "damages", "none"]), default=None,
                     help="Consequence of breach stated in each full clause: termination right and damages "
                          "(both, default), damages only, or none (the main contract's liability clause governs)."),
        click.option("--csr04", type=click.Choice(["strict", "balanced"]), default=None,
                     help="Justifiable reasons for interrupting supply: strict (default; foreign sanctions and "
                          "end-of-life never justify) or balanced (both on conditions, as foreign suppliers ask; "
                          "lint reports it as weak, a carve-out to waive deliberately)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def pack_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--packs`` and ``--config`` for the commands that write clauses: the same packs as the gate checks."""
    func = click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
                        help="Take the packs from this config file instead of the .cliccheck.toml / pyproject.toml "
                             "found from the contract's folder.")(func)
    return click.option("--packs", default=None, metavar="PACKS",
                        help="Rule packs to write clauses for, comma-separated: built-in ids or playbook folders (a "
                             "playbook's rules have no clause templates and are skipped). Default: the "
                             "configuration's packs (as lint), else csr.")(func)


def overrides_from(kwargs: dict[str, Any]):  # type: ignore[no-untyped-def]
    from ..generate.context import Overrides

    return Overrides(**{k: kwargs.get(k) for k in (
        "supplier", "buyer", "supplier_label", "buyer_label", "contract_title", "contract_number",
        "contract_date", "prevailing", "remedies", "csr04")})


#: Dates a DOCX package can carry: zip timestamps run from 1980 to 2107.
EARLIEST = datetime(1980, 1, 1, tzinfo=UTC)
LATEST = datetime(2107, 12, 31, 23, 59, 58, tzinfo=UTC)


def parse_when(value: str | None) -> datetime | None:
    """--date (ISO 8601) or SOURCE_DATE_EPOCH; None means "now" and no reproducibility."""
    if value:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
            parsed = parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
            in_range = EARLIEST <= parsed <= LATEST
        except (ValueError, OverflowError):
            raise ConfigError.of("date-not-iso", value=repr(value)) from None
        if not in_range:
            raise ConfigError.of("date-range", value=repr(value), first=f"{EARLIEST:%Y-%m-%d}", last=f"{LATEST:%Y-%m-%d}")
        return parsed
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            stamp = datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError, OSError):
            raise ConfigError.of("epoch-invalid", value=repr(epoch)) from None
        if stamp > LATEST:
            raise ConfigError.of("epoch-late", value=repr(epoch), last=f"{LATEST:%Y-%m-%d}")
        return stamp
    return None
