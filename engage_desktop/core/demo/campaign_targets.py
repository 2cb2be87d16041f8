"""Which demo segment each demo campaign targets, and who is in it, as the real compiler says.

A campaign that names a segment (``DemoCampaign.segment``) gets that segment's id, and its
recipients are drawn from the segment's members only, so the Campaigns list's Segment column
and the campaign's audience agree. Members are read with the same compiler the Segments tab
counts with, on the build's own connection, once the profiles, devices, consent and stores are
written. The events are written after the campaigns, so sent campaigns only name segments
that do not depend on them (attributes, consent, places, devices, lifecycle); drafts and
scheduled campaigns may name any segment (their audience is read when they go out).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.core.demo.bulk import BulkWriter
from engage_desktop.core.segments.compiler import compile_segment
from engage_desktop.core.segments.rules import parse_rules
from engage_desktop.store.models import Segment


@dataclass(frozen=True)
class Target:
    segment_id: int
    members: np.ndarray  # profile ids, sorted


def segment_targets(
    writer: BulkWriter, app_id: int, names: Iterable[str], anchor: int
) -> dict[str, Target]:
    """The named segments of ``app_id`` with their members as of the demo's "now"."""
    wanted = set(names)
    found: dict[str, Target] = {}
    if not wanted:
        return found
    now = datetime.fromtimestamp(anchor, UTC)
    with Session(bind=writer.conn) as session:
        segments = session.execute(
            select(Segment.id, Segment.name, Segment.rules).where(
                Segment.app_id == app_id, Segment.name.in_(wanted)
            )
        ).all()
        for segment_id, name, rules in segments:
            ids = session.scalars(compile_segment(session, app_id, parse_rules(rules), now))
            found[name] = Target(int(segment_id), np.sort(np.fromiter(ids, dtype=np.int64)))
    missing = wanted - set(found)
    if missing:
        raise LookupError(f"demo campaigns name unknown segments: {sorted(missing)}")
    return found
