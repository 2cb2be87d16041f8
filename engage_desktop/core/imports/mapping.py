"""Which column goes where: profile fields, consent per channel, free attributes, or nowhere.

Headers are matched after folding accents, case and punctuation, against French and English
names marketers' files really use ("Prénom", "E-mail", "Code postal", "Opt-in SMS", …).
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from engage_desktop.core.imports.errors import ImportFailed
from engage_desktop.core.imports.tabular import column_letter
from engage_desktop.core.sorting import folded


class Field(enum.StrEnum):
    """A destination for a column. Consent fields write a Consent row for their channel."""

    EXTERNAL_ID = "external_id"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    EMAIL = "email"
    PHONE = "phone"
    CITY = "city"
    POSTAL_CODE = "postal_code"
    BIRTH_DATE = "birth_date"
    LOCALE = "locale"
    TIME_ZONE = "time_zone"
    LATITUDE = "latitude"
    LONGITUDE = "longitude"
    CONSENT_PUSH = "consent_push"
    CONSENT_SMS = "consent_sms"
    CONSENT_EMAIL = "consent_email"
    CONSENT_IN_APP = "consent_in_app"
    ATTRIBUTE = "attribute"
    IGNORE = "ignore"


PROFILE_FIELDS = (
    Field.EXTERNAL_ID,
    Field.FIRST_NAME,
    Field.LAST_NAME,
    Field.EMAIL,
    Field.PHONE,
    Field.CITY,
    Field.POSTAL_CODE,
    Field.BIRTH_DATE,
    Field.LOCALE,
    Field.TIME_ZONE,
    Field.LATITUDE,
    Field.LONGITUDE,
)
CONSENT_FIELDS = {
    Field.CONSENT_PUSH: "push",
    Field.CONSENT_SMS: "sms",
    Field.CONSENT_EMAIL: "email",
    Field.CONSENT_IN_APP: "in_app",
}

# Folded header → field. Folding: no accents, lower case, punctuation as single spaces.
_SYNONYMS: dict[Field, tuple[str, ...]] = {
    Field.EXTERNAL_ID: (
        "identifiant",
        "id",
        "id client",
        "identifiant client",
        "numero client",
        "n client",
        "no client",
        "code client",
        "external id",
        "externalid",
        "customer id",
        "client id",
        "user id",
        "userid",
        "member id",
        "contact id",
        "ref client",
        "reference client",
    ),
    Field.FIRST_NAME: ("prenom", "first name", "firstname", "given name", "forename"),
    Field.LAST_NAME: (
        "nom",
        "nom de famille",
        "last name",
        "lastname",
        "surname",
        "family name",
    ),
    Field.EMAIL: (
        "email",
        "e mail",
        "mail",
        "courriel",
        "adresse email",
        "adresse e mail",
        "adresse mail",
        "email address",
        "e mail address",
        "adresse electronique",
    ),
    Field.PHONE: (
        "telephone",
        "tel",
        "phone",
        "mobile",
        "portable",
        "telephone mobile",
        "tel mobile",
        "tel portable",
        "numero de telephone",
        "phone number",
        "mobile phone",
        "cell phone",
        "gsm",
        "msisdn",
    ),
    Field.CITY: ("ville", "city", "commune", "localite", "town"),
    Field.POSTAL_CODE: (
        "code postal",
        "cp",
        "zip",
        "zip code",
        "zipcode",
        "postal code",
        "postcode",
        "post code",
    ),
    Field.BIRTH_DATE: (
        "date de naissance",
        "naissance",
        "ne le",
        "nee le",
        "date naissance",
        "birth date",
        "birthdate",
        "date of birth",
        "dob",
        "birthday",
        "anniversaire",
    ),
    Field.LOCALE: ("langue", "locale", "language", "lang"),
    Field.TIME_ZONE: ("fuseau horaire", "fuseau", "time zone", "timezone", "tz"),
    Field.LATITUDE: ("latitude", "lat"),
    Field.LONGITUDE: ("longitude", "lon", "lng", "long"),
    Field.CONSENT_PUSH: (
        "opt in push",
        "optin push",
        "consentement push",
        "push",
        "push opt in",
        "accepte push",
        "notifications",
        "notifications push",
        "push optin",
    ),
    Field.CONSENT_SMS: (
        "opt in sms",
        "optin sms",
        "consentement sms",
        "sms",
        "sms opt in",
        "accepte sms",
        "sms optin",
    ),
    Field.CONSENT_EMAIL: (
        "opt in email",
        "optin email",
        "opt in e mail",
        "optin e mail",
        "opt in mail",
        "consentement email",
        "consentement e mail",
        "newsletter",
        "email opt in",
        "accepte email",
        "accepte newsletter",
        "inscrit newsletter",
        "email optin",
        "opt in newsletter",
        "optin newsletter",
    ),
    Field.CONSENT_IN_APP: ("opt in in app", "optin in app", "in app", "consentement in app"),
}
_LOOKUP = {name: target for target, names in _SYNONYMS.items() for name in names}


def fold(text: str) -> str:
    """'  Prénom ' → 'prenom'; 'E-mail' → 'e mail'; 'Opt-in_SMS' → 'opt in sms'."""
    plain = folded(text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def attribute_key(header: str) -> str:
    """A stable JSON key for a free attribute: 'Carte fidélité' → 'carte_fidelite'."""
    return fold(header).replace(" ", "_") or "attribute"


@dataclass(frozen=True)
class ColumnTarget:
    """Where one column goes. ``key`` names the attribute for ``Field.ATTRIBUTE``."""

    field: Field
    key: str | None = None

    def describe(self) -> str:
        return f"attribute:{self.key}" if self.field is Field.ATTRIBUTE else self.field.value


IGNORED = ColumnTarget(Field.IGNORE)


@dataclass(frozen=True)
class Mapping:
    """One target per column, in file order."""

    targets: tuple[ColumnTarget, ...]

    def columns_for(self, field: Field) -> list[int]:
        return [i for i, t in enumerate(self.targets) if t.field is field]

    def has(self, field: Field) -> bool:
        return any(t.field is field for t in self.targets)


def match_header(header: str) -> Field | None:
    return _LOOKUP.get(fold(header))


def auto_map(headers: Sequence[str], *, unknown_as_attributes: bool = False) -> Mapping:
    """The automatic mapping: known headers to fields (first column wins), the rest ignored."""
    used: set[Field] = set()
    targets: list[ColumnTarget] = []
    for header in headers:
        field = match_header(header)
        if field is not None and field not in used:
            used.add(field)
            targets.append(ColumnTarget(field))
        elif unknown_as_attributes and field is None:
            targets.append(ColumnTarget(Field.ATTRIBUTE, attribute_key(header)))
        else:
            targets.append(IGNORED)
    return Mapping(tuple(targets))


def unknown_columns(headers: Sequence[str], mapping: Mapping) -> list[str]:
    """Warnings for columns that are ignored: the user may want them as attributes."""
    return [
        f"column {column_letter(i)} '{h}' is not recognised and will be ignored "
        "(map it to an attribute to keep it)"
        for i, (h, t) in enumerate(zip(headers, mapping.targets, strict=False))
        if t.field is Field.IGNORE
    ]


def parse_target(text: str) -> ColumnTarget:
    """'email', 'attribute:loyalty_tier', 'ignore' → a target (for the CLI and JSON files)."""
    name, _, key = text.strip().partition(":")
    try:
        field = Field(name.strip().lower())
    except ValueError:
        choices = ", ".join(f.value for f in Field)
        raise ImportFailed(
            f"unknown field '{name}' in the mapping; choose one of: {choices}"
        ) from None
    if field is Field.ATTRIBUTE:
        return ColumnTarget(field, attribute_key(key) if key.strip() else None)
    return ColumnTarget(field)


def apply_overrides(headers: Sequence[str], base: Mapping, overrides: dict[str, str]) -> Mapping:
    """Change the automatic mapping with 'Header' → 'field' pairs (headers matched folded)."""
    folded = [fold(h) for h in headers]
    targets = list(base.targets)
    for header, spec in overrides.items():
        key = fold(header)
        if key not in folded:
            raise ImportFailed(
                f"the mapping names column '{header}', which is not in the file "
                f"(columns: {', '.join(headers)})"
            )
        index = folded.index(key)
        target = parse_target(spec)
        if target.field is Field.ATTRIBUTE and target.key is None:
            target = ColumnTarget(Field.ATTRIBUTE, attribute_key(headers[index]))
        if target.field not in (Field.ATTRIBUTE, Field.IGNORE):
            targets = [IGNORED if t.field is target.field else t for t in targets]
        targets[index] = target
    return Mapping(tuple(targets))


def parse_mapping_option(values: Sequence[str]) -> dict[str, str]:
    """CLI ``--mapping``: 'Header=field' pairs, comma-separated or repeated, or a JSON file."""
    pairs: dict[str, str] = {}
    for value in values:
        path = Path(value)
        if value.endswith(".json") and path.is_file():
            loaded = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(loaded, dict):
                raise ImportFailed(f"{value} must hold a JSON object of header → field")
            pairs.update({str(k): str(v) for k, v in loaded.items()})
            continue
        for item in value.split(","):
            if not item.strip():
                continue
            header, sep, spec = item.partition("=")
            if not sep:
                raise ImportFailed(f"'{item}' is not HEADER=FIELD (e.g. 'Carte=attribute:carte')")
            pairs[header.strip()] = spec.strip()
    return pairs
