"""What the dispatcher remembers per campaign while it sends: compiled bodies, template
variables of held rows, and each campaign's time to live.

Compiled bodies are kept under their content version (``payload.VariantSource``): each claimed
batch reads its variants' current content in the claim's transaction (``prepare``) and
recompiles what changed, so an edit after a test send is what goes out and a fixed error is not
remembered. Everything here is forgotten with its campaign (``forget_all_but``) and per row as
the row is rendered, so the maps come back to zero once the held rows are done.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine

from engage_desktop.core.outbox import claims, pauses
from engage_desktop.core.outbox.claims import Claimed
from engage_desktop.core.outbox.payload import (
    BodyTemplate,
    PayloadError,
    PersonalisedBody,
    VariantSource,
    load_sources,
)

MAX_COMPILED = 256  # compiled variants kept; beyond, those not being claimed are dropped
Key = tuple[int, str | None]  # (campaign id, variant key)


@dataclass(frozen=True)
class Compiled:
    """A variant's body, or why it cannot be sent, and the content version it was built from."""

    version: str
    body: BodyTemplate | PersonalisedBody | str


class CompiledContent:
    """Per-campaign memory of one dispatcher; ``prepare`` runs in the claiming thread, the rest
    on the event loop (never both at once for one key: a row is prepared before it is queued)."""

    def __init__(self, engine: Engine, validate_only: bool) -> None:
        self.engine = engine
        self.validate_only = validate_only
        self.templates: dict[Key, Compiled] = {}
        self.paused: set[tuple[int, str]] = set()  # (campaign, version) paused as unsendable
        self.contexts: dict[int, dict[str, Any]] = {}  # outbox id → template variables
        self.ttls: dict[int, float] = {}  # campaign id → seconds a message is worth retrying

    def prepare(self, conn: Connection, rows: list[Claimed]) -> None:
        """Bring the claimed rows' compiled variants up to date with their stored content (a
        recompile only when its version changed), and load template variables and times to
        live where needed."""
        compiled = self._refresh(conn, {(r.campaign_id, r.variant_key) for r in rows})
        claimed = {r.campaign_id for r in rows}  # sending again (resumed): may be paused again
        self.paused = {p for p in self.paused if p[0] not in claimed}
        personal = [
            r
            for r in rows
            if isinstance(compiled[(r.campaign_id, r.variant_key)].body, PersonalisedBody)
        ]
        wanted = {r.profile_id for r in personal if r.profile_id is not None}
        contexts = claims.profile_contexts(conn, sorted(wanted)) if wanted else {}
        for r in personal:
            self.contexts[r.outbox_id] = contexts.get(r.profile_id or 0, {})
        for campaign_id in claimed - self.ttls.keys():
            self.ttls[campaign_id] = pauses.time_to_live(conn, campaign_id)

    def compiled(self, row: Claimed) -> Compiled | None:
        """The row's compiled variant; None only for a row claimed before a forget."""
        return self.templates.get((row.campaign_id, row.variant_key))

    def compile_now(self, campaign_id: int, variant_key: str | None) -> Compiled:
        """For a late row (its campaign forgotten meanwhile): read and compile in a thread."""
        with self.engine.connect() as conn:
            return self._refresh(conn, {(campaign_id, variant_key)})[(campaign_id, variant_key)]

    def render(self, row: Claimed, body: BodyTemplate | PersonalisedBody, now_unix: int) -> bytes:
        """The row's request body; raises ``PayloadError`` when its template fails for it."""
        if isinstance(body, PersonalisedBody):
            context = self.contexts.pop(row.outbox_id, {})
            return body.render(row.token, row.message_id, context, now_unix)
        return body.render(row.token, row.message_id, now_unix)

    def first_pause(self, campaign_id: int, version: str) -> bool:
        """True the first time this content version of the campaign is found unsendable."""
        if (campaign_id, version) in self.paused:
            return False
        self.paused.add((campaign_id, version))
        return True

    def ttl(self, campaign_id: int) -> float:
        return self.ttls.get(campaign_id, pauses.FCM_DEFAULT_TTL)

    def forget_row(self, outbox_id: int) -> None:
        self.contexts.pop(outbox_id, None)

    def forget_all_but(self, active: set[int]) -> None:
        """Per-campaign memory goes with the campaign (finished, paused or cancelled); a
        campaign that sends again reads its time to live and content afresh."""
        for campaign_id in [c for c in self.ttls if c not in active]:
            del self.ttls[campaign_id]
        for key in [k for k in self.templates if k[0] not in active]:
            del self.templates[key]

    def _refresh(self, conn: Connection, keys: set[Key]) -> dict[Key, Compiled]:
        """The compiled variants for ``keys``, recompiled where the stored content changed."""
        if len(self.templates) > MAX_COMPILED:  # finished campaigns: a late row recompiles
            self.templates = {k: v for k, v in self.templates.items() if k in keys}
        sources = load_sources(conn, keys, validate_only=self.validate_only)
        out: dict[Key, Compiled] = {}
        for key in keys:
            source = sources.get(key)
            cached = self.templates.get(key)
            if source is None:
                out[key] = Compiled("", "The campaign or its variant was deleted.")
            elif cached is None or cached.version != source.version:
                out[key] = _compile(source)
            else:
                out[key] = cached
            self.templates[key] = out[key]
        return out


def _compile(source: VariantSource) -> Compiled:
    try:
        return Compiled(source.version, source.compile())
    except PayloadError as exc:
        return Compiled(source.version, str(exc))
