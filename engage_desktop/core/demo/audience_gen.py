"""Generate one demo app's audience with numpy: profiles, devices, consent and events.

Everything is drawn from one seeded generator per app, vectorised, so a million profiles and
twenty million events take minutes, and the same seed always gives the same rows.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import text

from engage_desktop.core.demo import french_data as fr
from engage_desktop.core.demo.bulk import BulkWriter
from engage_desktop.core.sorting import folded

DAY = 86_400
WINDOW_DAYS = 90
EVENTS_PER_PROFILE = (
    26.0  # behaviour events over a full window; churn and late sign-ups lower the mean to ≈ 20
)
CHUNK = 250_000

PROFILE_COLUMNS = (
    "id",
    "app_id",
    "external_id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "locale",
    "time_zone",
    "city",
    "postal_code",
    "birth_date",
    "latitude",
    "longitude",
    "created_at",
    "last_seen_at",
    "attributes",
)

# Local-time hour weights: a lunch bump, an evening peak, quiet nights.
HOURLY = np.array(
    [2, 1, 1, 1, 1, 2, 4, 7, 8, 7, 6, 7, 10, 10, 8, 8, 8, 9, 11, 13, 14, 12, 8, 4], dtype=float
)


@dataclass(frozen=True)
class AppSpec:
    """What differs between the demo apps."""

    key: str  # "retail" | "game"
    name: str
    project_id: str
    id_prefix: str
    share: float  # of all demo users
    ios_share: float
    event_mix: dict[str, float]
    age_range: tuple[int, int]
    app_versions: tuple[tuple[str, float], ...]
    weekend_boost: float
    deep_link_scheme: str


@dataclass
class AppAudience:
    """What later generation steps need to know about the audience just written."""

    app_id: int
    first_profile_id: int
    count: int
    name_ids: dict[str, int]
    # Per device: id, profile index (0-based within the app), token, platform is iOS, reachable.
    device_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    device_profile: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    device_tokens: list[str] = field(default_factory=list)
    device_push_ok: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    has_email: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    has_phone: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    emails: list[str | None] = field(default_factory=list)
    phones: list[str | None] = field(default_factory=list)
    sms_ok: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    email_ok: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    events_written: int = 0


def ascii_fold(text: str) -> str:
    """A name as an email's local part: "Léa" → "lea" (the fold of ``core.sorting``)."""
    return folded(text).encode("ascii", "ignore").decode()


def _choice(rng: np.random.Generator, n: int, weights: np.ndarray) -> np.ndarray:
    return rng.choice(len(weights), size=n, p=weights / weights.sum())


def _tokens(rng: np.random.Generator, n: int) -> list[str]:
    """FCM-looking registration tokens: instance id, ':APA91b', then random base64url."""
    raw = rng.bytes(n * 64)
    out = []
    for i in range(n):
        chunk = raw[i * 64 : (i + 1) * 64]
        b = base64.urlsafe_b64encode(chunk).decode().rstrip("=")
        out.append(f"{b[:22]}:APA91b{b[22:85]}")
    return out


class AudienceGenerator:
    """Writes one app's audience. ``anchor`` is 'now' for the demo (end of the 90-day window)."""

    def __init__(
        self,
        writer: BulkWriter,
        rng: np.random.Generator,
        spec: AppSpec,
        app_id: int,
        anchor: int,
    ) -> None:
        self.w = writer
        self.rng = rng
        self.spec = spec
        self.app_id = app_id
        self.anchor = anchor
        self.window_start = anchor - WINDOW_DAYS * DAY

    # --- profiles -------------------------------------------------------------------------
    def draw_profiles(self, first_id: int, n: int) -> tuple[AppAudience, dict[str, Any]]:
        """Draw the profiles (written later by ``write_profiles``, once last-seen is known)."""
        rng, spec = self.rng, self.spec
        female = rng.random(n) < 0.52
        fn_f = rng.integers(0, len(fr.FIRST_NAMES_F), n)
        fn_m = rng.integers(0, len(fr.FIRST_NAMES_M), n)
        ln = rng.integers(0, len(fr.LAST_NAMES), n)
        city = _choice(rng, n, np.array([c.weight for c in fr.CITIES], float))
        lat = np.array([c.latitude for c in fr.CITIES])[city] + rng.normal(0, 0.03, n)
        lon = np.array([c.longitude for c in fr.CITIES])[city] + rng.normal(0, 0.04, n)
        arrondissement = rng.integers(1, 21, n)
        email_dom = _choice(rng, n, np.array([w for _, w in fr.EMAIL_DOMAINS], float))
        has_email = rng.random(n) < 0.72
        has_phone = rng.random(n) < 0.58
        phone_num = rng.integers(0, 100_000_000, n)
        phone_pref = np.where(rng.random(n) < 0.8, 6, 7)
        locale = _choice(rng, n, np.array([92, 3, 2, 1, 1, 1], float))
        locales = ("fr-FR", "en-GB", "fr-BE", "fr-CH", "de-DE", "es-ES")
        age_lo, age_hi = spec.age_range
        age_days = rng.integers(age_lo * 365, age_hi * 365, n)
        # 15 % joined inside the 90-day window (lifecycle "new"); the rest up to two years ago.
        created_ago = np.where(
            rng.random(n) < 0.15,
            rng.integers(0, WINDOW_DAYS * DAY, n),
            rng.integers(WINDOW_DAYS * DAY, 730 * DAY, n),
        )
        created = self.anchor - created_ago
        activity = rng.lognormal(0.0, 0.9, n)
        activity /= activity.mean()
        active_to_end = rng.random(n) < 0.65
        start_day = np.maximum(0.0, (created - self.window_start) / DAY)
        churn_day = start_day + rng.random(n) * (WINDOW_DAYS - start_day)
        end_day = np.where(active_to_end, float(WINDOW_DAYS), churn_day)

        first_names = [
            fr.FIRST_NAMES_F[a] if f else fr.FIRST_NAMES_M[b]
            for f, a, b in zip(female.tolist(), fn_f.tolist(), fn_m.tolist(), strict=True)
        ]
        last_names = [fr.LAST_NAMES[i] for i in ln.tolist()]
        emails: list[str | None] = [
            f"{ascii_fold(f)}.{ascii_fold(la)}{i % 997}@{fr.EMAIL_DOMAINS[d][0]}" if e else None
            for i, (f, la, d, e) in enumerate(
                zip(first_names, last_names, email_dom.tolist(), has_email.tolist(), strict=True)
            )
        ]
        phones: list[str | None] = [
            f"+33{p}{num:08d}" if h else None
            for p, num, h in zip(
                phone_pref.tolist(), phone_num.tolist(), has_phone.tolist(), strict=True
            )
        ]
        audience = AppAudience(
            self.app_id, first_id, n, {}, has_email=has_email, has_phone=has_phone
        )
        audience.emails, audience.phones = emails, phones
        state: dict[str, Any] = {
            "first_names": first_names,
            "last_names": last_names,
            "locales": locales,
            "created": created,
            "activity": activity,
            "start_day": start_day,
            "end_day": end_day,
            "city": city,
            "lat": lat,
            "lon": lon,
            "arr": arrondissement,
            "locale": locale,
            "age_days": age_days,
        }
        return audience, state

    def write_profiles(
        self, audience: AppAudience, s: dict[str, Any], last_seen: np.ndarray
    ) -> None:
        spec, n, first_id = self.spec, audience.count, audience.first_profile_id
        first_names, last_names = s["first_names"], s["last_names"]
        emails, phones, locales = audience.emails, audience.phones, s["locales"]
        created_txt = self.w.datetimes(s["created"])
        seen_txt = self.w.datetimes(last_seen)
        birth = np.datetime_as_string(
            (np.int64(self.anchor // DAY) - s["age_days"]).astype("datetime64[D]")
        ).tolist()
        attrs = self._attributes(n)
        cities = fr.CITIES
        postal: list[str] = []
        for c, a in zip(s["city"].tolist(), s["arr"].tolist(), strict=True):
            city = cities[c]
            if city.name == "Paris":
                postal.append(f"750{a:02d}")
            elif city.name == "Lyon":
                postal.append(f"6900{1 + a % 9}")
            elif city.name == "Marseille":
                postal.append(f"130{1 + a % 16:02d}")
            else:
                postal.append(city.postal_code)
        rows = (
            (
                first_id + i,
                self.app_id,
                f"{spec.id_prefix}-{i + 1:07d}",
                first_names[i],
                last_names[i],
                emails[i],
                phones[i],
                locales[loc],
                cities[c].time_zone,
                cities[c].name,
                postal[i],
                birth[i],
                round(lat, 5),
                round(lon, 5),
                created_txt[i],
                seen_txt[i],
                attrs[i],
            )
            for i, (loc, c, lat, lon) in enumerate(
                zip(
                    s["locale"].tolist(),
                    s["city"].tolist(),
                    s["lat"].tolist(),
                    s["lon"].tolist(),
                    strict=True,
                )
            )
        )
        self.w.insert("profile", PROFILE_COLUMNS, rows)

    def _attributes(self, n: int) -> list[str]:
        rng = self.rng
        if self.spec.key == "retail":
            tier = _choice(rng, n, np.array([60, 28, 10, 2], float))
            tiers = ("none", "bronze", "silver", "gold")
            i1 = rng.integers(0, len(fr.RETAIL_INTERESTS), n)
            i2 = rng.integers(0, len(fr.RETAIL_INTERESTS), n)
            news = rng.random(n) < 0.4
            store = rng.integers(1, len(fr.RETAIL_STORES) + 1, n)
            return [
                json.dumps(
                    {
                        "loyalty_tier": tiers[t],
                        "interests": sorted({fr.RETAIL_INTERESTS[a], fr.RETAIL_INTERESTS[b]}),
                        "newsletter": bool(nw),
                        "favorite_store": int(st),
                    },
                    ensure_ascii=False,
                    separators=(",", ":"),
                )
                for t, a, b, nw, st in zip(
                    tier.tolist(),
                    i1.tolist(),
                    i2.tolist(),
                    news.tolist(),
                    store.tolist(),
                    strict=True,
                )
            ]
        level = rng.integers(1, 120, n)
        vip = rng.random(n) < 0.05
        mode = rng.integers(0, len(fr.GAME_MODES), n)
        return [
            json.dumps(
                {"level": int(lv), "vip": bool(v), "favorite_mode": fr.GAME_MODES[m]},
                ensure_ascii=False,
                separators=(",", ":"),
            )
            for lv, v, m in zip(level.tolist(), vip.tolist(), mode.tolist(), strict=True)
        ]

    # --- devices and consent ----------------------------------------------------------------
    def write_devices(
        self, audience: AppAudience, first_device_id: int, last_seen: np.ndarray
    ) -> None:
        rng, spec, n = self.rng, self.spec, audience.count
        per_profile = 1 + (rng.random(n) < 0.15)
        owner = np.repeat(np.arange(n), per_profile)
        m = len(owner)
        ios = rng.random(m) < spec.ios_share
        push = np.where(ios, rng.random(m) < 0.58, rng.random(m) < 0.86)
        invalid = rng.random(m) < 0.02
        versions = [v for v, _ in spec.app_versions]
        version = _choice(rng, m, np.array([w for _, w in spec.app_versions]))
        ios_models = ("iPhone 15", "iPhone 15 Pro", "iPhone 14", "iPhone 13", "iPhone SE")
        and_models = ("Pixel 8", "Galaxy S23", "Galaxy A54", "Redmi Note 12", "Pixel 7a")
        model_i = rng.integers(0, 5, m)
        tokens = _tokens(rng, m)
        ids = first_device_id + np.arange(m)
        seen_txt = self.w.datetimes(last_seen[owner])
        invalid_txt = self.w.datetimes(np.full(m, self.anchor - 3 * DAY))
        first_id = audience.first_profile_id
        rows = (
            (
                int(ids[j]),
                self.app_id,
                first_id + int(owner[j]),
                f"{1_000_000_000 + (int(ids[j]) * 7919) % 8_999_999_999}.{1_700_000_000 + j}",
                tokens[j],
                invalid_txt[j] if invalid[j] else None,
                "ios" if ios[j] else "android",
                ios_models[model_i[j]] if ios[j] else and_models[model_i[j]],
                "18.1" if ios[j] else "15",
                versions[version[j]],
                bool(push[j]),
                False,
                seen_txt[j],
                seen_txt[j],
            )
            for j in range(m)
        )
        self.w.insert(
            "device",
            (
                "id",
                "app_id",
                "profile_id",
                "installation_id",
                "fcm_token",
                "token_invalidated_at",
                "platform",
                "model",
                "os_version",
                "app_version",
                "push_enabled",
                "is_test",
                "last_seen_at",
                "created_at",
            ),
            rows,
        )
        # A phone speaks its owner's language and keeps their time zone.
        self.w.conn.execute(
            text(
                "UPDATE device SET (locale, time_zone) = (SELECT locale, time_zone FROM profile p "
                "WHERE p.id = device.profile_id) WHERE app_id = :app"
            ),
            {"app": self.app_id},
        )
        audience.device_ids = ids
        audience.device_profile = owner
        audience.device_tokens = tokens
        audience.device_push_ok = push & ~invalid

    def write_consent(self, audience: AppAudience, created: np.ndarray) -> None:
        rng, n = self.rng, audience.count
        any_push = np.zeros(n, bool)
        np.logical_or.at(any_push, audience.device_profile, audience.device_push_ok)
        push_state = np.where(
            any_push, "granted", np.where(rng.random(n) < 0.1, "unknown", "denied")
        )
        in_app = np.where(rng.random(n) < 0.95, "granted", "denied")
        sms_r = rng.random(n)
        sms = np.where(
            audience.has_phone,
            np.where(sms_r < 0.35, "granted", np.where(sms_r < 0.75, "denied", "unknown")),
            "unknown",
        )
        em_r = rng.random(n)
        email = np.where(
            audience.has_email,
            np.where(em_r < 0.55, "granted", np.where(em_r < 0.8, "denied", "unknown")),
            "unknown",
        )
        audience.sms_ok = sms == "granted"
        audience.email_ok = email == "granted"
        changed = self.w.datetimes(created + rng.integers(60, 3 * DAY, n))
        sources = ("app_prompt", "signup_form", "import:crm_2025.csv", "preference_center")
        src = rng.integers(0, len(sources), n)
        first = audience.first_profile_id

        def rows() -> Iterator[tuple[object, ...]]:
            for i in range(n):
                pid = first + i
                when = changed[i]
                yield (pid, "push", str(push_state[i]), when, "app_prompt")
                yield (pid, "in_app", str(in_app[i]), when, "app_prompt")
                yield (pid, "sms", str(sms[i]), when, sources[src[i]])
                yield (pid, "email", str(email[i]), when, sources[src[i]])

        self.w.insert("consent", ("profile_id", "channel", "state", "changed_at", "source"), rows())

    # --- behaviour events -------------------------------------------------------------------
    def draw_events(
        self, audience: AppAudience, state: dict[str, np.ndarray]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return (profile index, event name index into event_mix, ts), sorted by profile."""
        rng, spec, n = self.rng, self.spec, audience.count
        span = state["end_day"] - state["start_day"]
        lam = EVENTS_PER_PROFILE * state["activity"] * span / WINDOW_DAYS
        counts = rng.poisson(lam)
        owner = np.repeat(np.arange(n), counts)
        total = len(owner)
        day = state["start_day"][owner] + rng.random(total) * span[owner]
        day_int = np.floor(day)
        # Weekly rhythm: some weekday activity slides to the weekend.
        weekday = ((self.window_start // DAY + day_int.astype(np.int64)) + 3) % 7  # 0 = Monday
        shift = (weekday < 4) & (rng.random(total) < spec.weekend_boost)
        moved = day_int + (5 - weekday)
        day_int = np.where(shift & (moved < state["end_day"][owner]), moved, day_int)
        hour = _choice(rng, total, HOURLY)
        seconds = rng.integers(0, 3600, total)
        # Local Paris time → UTC (winter offset; the demo does not need DST precision).
        ts = self.window_start + day_int.astype(np.int64) * DAY + (hour - 1) * 3600 + seconds
        ts = np.minimum(ts, self.anchor - 1)
        mix = np.array(list(spec.event_mix.values()))
        name = _choice(rng, total, mix)
        # First open for profiles created inside the window, at their creation time.
        new = np.nonzero(state["created"] >= self.window_start)[0]
        first_open_idx = len(mix)  # one past the mix: "first_open"
        owner = np.concatenate([owner, new])
        name = np.concatenate([name, np.full(len(new), first_open_idx)])
        ts = np.concatenate([ts, state["created"][new]])
        order = np.lexsort((ts, owner))
        return owner[order], name[order], ts[order]

    def event_params(self, names: list[str], name_idx: np.ndarray) -> list[str | None]:
        """Flattened GA4 event_params for the events that carry some."""
        rng = self.rng
        total = len(name_idx)
        item = rng.integers(1, 5000, total).tolist()
        cat = rng.integers(0, len(fr.RETAIL_CATEGORIES), total).tolist()
        price = np.round(rng.gamma(2.0, 18.0, total) + 4.9, 2).tolist()
        level = rng.integers(1, 120, total).tolist()
        success = (rng.random(total) < 0.7).tolist()
        gems = rng.integers(5, 500, total).tolist()
        out: list[str | None] = []
        for j, k in enumerate(name_idx.tolist()):
            name = names[k]
            if name in ("view_item", "add_to_cart", "add_to_wishlist"):
                out.append(
                    f'{{"item_id":"SKU-{item[j]:05d}","item_category":"{fr.RETAIL_CATEGORIES[cat[j]]}",'
                    f'"price":{price[j]},"currency":"EUR"}}'
                )
            elif name == "purchase":
                out.append(
                    f'{{"value":{round(price[j] * 2.4, 2)},"currency":"EUR",'
                    f'"transaction_id":"T{item[j]:05d}{j % 100000:05d}"}}'
                )
            elif name in ("level_start", "level_end"):
                ok = ',"success":1' if success[j] else ',"success":0'
                out.append(f'{{"level":{level[j]}{ok if name == "level_end" else ""}}}')
            elif name in ("earn_virtual_currency", "spend_virtual_currency"):
                out.append(f'{{"value":{gems[j]},"virtual_currency_name":"gemmes"}}')
            else:
                out.append(None)
        return out
