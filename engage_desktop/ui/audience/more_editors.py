"""Editors for location, device, consent, lifecycle, segment membership and random samples."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QVBoxLayout

from engage_desktop.core.segments.rules import CHANNELS, CONSENT_STATES, PLATFORMS

from .labels import channel_label, consent_state_label, platform_label
from .suggestions import ID_ROLE, Suggestions
from .widgets import ConditionEditor, IdCombo, SuggestEdit, caption, data_combo, hbox, select_data


class LocationEditor(ConditionEditor):
    """Within R km of a chosen store or of any store, in a city, or a postal-code prefix."""

    def __init__(self, suggestions: Suggestions) -> None:
        super().__init__()
        self.mode = data_combo(
            [
                (self.tr("near the store"), "store"),
                (self.tr("near any store"), "any_store"),
                (self.tr("lives in city"), "city"),
                (self.tr("postal code starts with"), "postal_prefix"),
            ]
        )
        self.radius = QDoubleSpinBox(minimum=0.1, maximum=1000.0, value=10.0, decimals=1)
        self.radius.setPrefix(self.tr("within "))
        self.radius.setSuffix(self.tr(" km"))
        self.store = IdCombo(suggestions.choices("stores"))
        self.city = SuggestEdit(suggestions.strings("profile_values", "city"), self.tr("city"))
        self.prefix = SuggestEdit(suggestions.strings("postal_prefixes"), self.tr("e.g. 75"))
        self.prefix.setMaximumWidth(160)
        self.setLayout(
            hbox(
                self.mode,
                self.store,
                self.radius,
                self.city,
                self.prefix,
            )
        )
        self._sync()
        self.mode.currentIndexChanged.connect(self._sync)
        self.radius.valueChanged.connect(self.changed)
        self.store.id_changed.connect(self.changed)
        self.city.textChanged.connect(self.changed)
        self.prefix.textChanged.connect(self.changed)

    def _sync(self) -> None:
        mode = self.mode.currentData()
        self.radius.setVisible(mode in ("store", "any_store"))
        self.store.setVisible(mode == "store")
        self.city.setVisible(mode == "city")
        self.prefix.setVisible(mode == "postal_prefix")
        self.changed.emit()

    def values(self) -> dict[str, Any]:
        mode = self.mode.currentData()
        if mode == "store":
            return {"store_id": self.store.current_id(), "radius_km": self.radius.value()}
        if mode == "any_store":
            return {"any_store": True, "radius_km": self.radius.value()}
        if mode == "city":
            return {"city": self.city.text().strip()}
        return {"postal_prefix": self.prefix.text().strip()}

    def set_values(self, values: dict[str, Any]) -> None:
        if values.get("store_id") is not None:
            select_data(self.mode, "store")
            self.store.set_id(int(values["store_id"]))
        elif values.get("any_store"):
            select_data(self.mode, "any_store")
        elif values.get("city") is not None:
            select_data(self.mode, "city")
            self.city.setText(str(values["city"]))
        else:
            select_data(self.mode, "postal_prefix")
            self.prefix.setText(str(values.get("postal_prefix") or ""))
        if values.get("radius_km") is not None:
            self.radius.setValue(float(values["radius_km"]))
        self._sync()


class DeviceEditor(ConditionEditor):
    """One device of the profile matches every field given: platform, app version ≥, push,
    the phone's language and time zone (suggested from the profiles' own values)."""

    def __init__(self, suggestions: Suggestions) -> None:
        super().__init__()
        self.platform = data_combo(
            [(self.tr("any platform"), None)] + [(platform_label(p), p) for p in PLATFORMS]
        )
        self.version = SuggestEdit(suggestions.strings("app_versions"), self.tr("any version"))
        self.version.setMaximumWidth(150)
        self.push = data_combo(
            [
                (self.tr("push on or off"), None),
                (self.tr("push enabled"), True),
                (self.tr("push disabled"), False),
            ]
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(hbox(self.platform, self.push))
        layout.addLayout(hbox(caption(self.tr("app version ≥")), self.version))
        self.locale_edit = SuggestEdit(
            suggestions.strings("profile_values", "locale"), self.tr("any language")
        )
        self.time_zone = SuggestEdit(
            suggestions.strings("profile_values", "time_zone"), self.tr("any time zone")
        )
        layout.addLayout(hbox(caption(self.tr("set to")), self.locale_edit, self.time_zone))
        self.platform.currentIndexChanged.connect(self.changed)
        for edit in (self.version, self.locale_edit, self.time_zone):
            edit.textChanged.connect(self.changed)
        self.push.currentIndexChanged.connect(self.changed)

    def values(self) -> dict[str, Any]:
        return {
            "platform": self.platform.currentData(),
            "app_version_gte": self.version.text().strip() or None,
            "push_enabled": self.push.currentData(),
            "locale": self.locale_edit.text().strip() or None,
            "time_zone": self.time_zone.text().strip() or None,
        }

    def set_values(self, values: dict[str, Any]) -> None:
        select_data(self.platform, values.get("platform"))
        self.version.setText(str(values.get("app_version_gte") or ""))
        select_data(self.push, values.get("push_enabled"))
        self.locale_edit.setText(str(values.get("locale") or ""))
        self.time_zone.setText(str(values.get("time_zone") or ""))


class ConsentEditor(ConditionEditor):
    def __init__(self, suggestions: Suggestions) -> None:
        super().__init__()
        self.channel = data_combo([(channel_label(c), c) for c in CHANNELS])
        self.state = data_combo([(consent_state_label(s), s) for s in CONSENT_STATES])
        self.setLayout(hbox(self.channel, caption(self.tr("consent is")), self.state))
        self.channel.currentIndexChanged.connect(self.changed)
        self.state.currentIndexChanged.connect(self.changed)

    def values(self) -> dict[str, Any]:
        return {"channel": self.channel.currentData(), "state": self.state.currentData()}

    def set_values(self, values: dict[str, Any]) -> None:
        select_data(self.channel, values.get("channel"))
        select_data(self.state, values.get("state"))


class LifecycleEditor(ConditionEditor):
    def __init__(self, suggestions: Suggestions) -> None:
        super().__init__()
        self.stage = data_combo(
            [(self.tr("new in the last"), "new"), (self.tr("inactive for"), "inactive")]
        )
        self.days = QSpinBox(minimum=1, maximum=3650, value=30)
        self.days.setSuffix(self.tr(" days"))
        self.setLayout(hbox(self.stage, self.days))
        self.stage.currentIndexChanged.connect(self.changed)
        self.days.valueChanged.connect(self.changed)

    def values(self) -> dict[str, Any]:
        return {"stage": self.stage.currentData(), "days": self.days.value()}

    def set_values(self, values: dict[str, Any]) -> None:
        select_data(self.stage, values.get("stage"))
        self.days.setValue(int(values.get("days") or 30))


class _OtherSegments(QSortFilterProxyModel):
    """The saved segments minus the one being edited (a segment cannot contain itself)."""

    def __init__(self, suggestions: Suggestions) -> None:
        super().__init__(suggestions)
        self.suggestions = suggestions
        self.setSourceModel(suggestions.choices("segments"))

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        index = self.sourceModel().index(row, 0, parent)
        return bool(index.data(ID_ROLE) != self.suggestions.editing_segment_id)


class SegmentEditor(ConditionEditor):
    """Membership of another saved segment (evaluated with that segment's current rules)."""

    def __init__(self, suggestions: Suggestions) -> None:
        super().__init__()
        self.segment = IdCombo(_OtherSegments(suggestions))
        self.setLayout(hbox(caption(self.tr("is in")), self.segment))
        self.segment.id_changed.connect(self.changed)

    def values(self) -> dict[str, Any]:
        return {"segment_id": self.segment.current_id()}

    def set_values(self, values: dict[str, Any]) -> None:
        value = values.get("segment_id")
        self.segment.set_id(None if value is None else int(value))


class SampleEditor(ConditionEditor):
    """A stable random share of profiles (the same people each time for the same seed)."""

    def __init__(self, suggestions: Suggestions) -> None:
        super().__init__()
        self.percent = QDoubleSpinBox(minimum=0.0, maximum=100.0, value=10.0, decimals=2)
        self.percent.setSuffix(" %")
        self.seed = QSpinBox(minimum=0, maximum=1_000_000, value=0)
        self.seed.setPrefix(self.tr("seed "))
        self.setLayout(hbox(self.percent, caption(self.tr("of profiles")), self.seed))
        self.percent.valueChanged.connect(self.changed)
        self.seed.valueChanged.connect(self.changed)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {"percent": self.percent.value()}
        if self.seed.value():
            values["seed"] = self.seed.value()
        return values

    def set_values(self, values: dict[str, Any]) -> None:
        self.percent.setValue(float(values.get("percent") or 0))
        self.seed.setValue(int(values.get("seed") or 0))
