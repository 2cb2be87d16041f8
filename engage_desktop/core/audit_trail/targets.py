"""The names behind an audit entry's target (``campaign:42`` → the campaign's name), for reading.

Entries store a code (``kind:id``): the chain hashes what was written, and a name changes while
the entry must not. An admin reading the log still wants to see *which* campaign, so the names
are looked up when the log is read, a query per kind for the whole page, and a target whose row
is gone (a deleted segment, a removed app) keeps its code and says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.store.models import App, Campaign, Segment

NAMED_KINDS: dict[str, type[Campaign] | type[App] | type[Segment]] = {
    "campaign": Campaign,
    "app": App,
    "segment": Segment,
}
"""Target kinds whose rows have a name. ``member:<login>`` carries its name (the login); a
device's id and a file name (exports) are what there is to show."""


@dataclass(frozen=True)
class TargetName:
    """``kind`` (``campaign``, ``app``, ``segment``), the row's ``name`` (None: it is gone)."""

    kind: str
    name: str | None


def parse_target(target: str | None) -> tuple[str, int] | None:
    """``("campaign", 42)`` for ``campaign:42``; None for anything not a named kind's row."""
    if not target:
        return None
    kind, _, ident = target.partition(":")
    if kind not in NAMED_KINDS or not ident.isdigit():
        return None
    return kind, int(ident)


def target_names(session: Session, targets: Iterable[str | None]) -> dict[str, TargetName]:
    """The name of each named target among ``targets`` (keyed by the stored code)."""
    wanted: dict[str, set[int]] = defaultdict(set)
    targets_seen = {t for t in targets if t}
    for target in targets_seen:
        parsed = parse_target(target)
        if parsed is not None:
            wanted[parsed[0]].add(parsed[1])
    found: dict[str, TargetName] = {}
    for target in targets_seen:
        if target.startswith("member:"):
            found[target] = TargetName("member", target.removeprefix("member:"))
    for kind, ids in wanted.items():
        model = NAMED_KINDS[kind]
        stmt = select(model.id, model.name).where(model.id.in_(sorted(ids)))
        names = {ident: name for ident, name in session.execute(stmt)}
        for ident in ids:
            found[f"{kind}:{ident}"] = TargetName(kind, names.get(ident))
    return found
