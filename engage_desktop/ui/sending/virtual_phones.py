"""What the sandbox's virtual devices received, drawn with the composer's notification preview.

Reads the sandbox's ``/sandbox/inbox`` over loopback (with the control token the running sandbox
wrote in its data folder) for the app's test devices (or, when it
has none, the first devices that received something) and shows each device's last messages as
real previews (iOS lock screen or Android heads-up, by the device's platform). The Deliveries
page refreshes them whenever the change feed says deliveries were recorded.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from engage_desktop.core.content.push import PushContent
from engage_desktop.core.endpoints import (
    CONTROL_TOKEN_HEADER,
    read_control_token,
    sandbox_data_dir,
    sandbox_url,
)
from engage_desktop.core.textlayout.surfaces import Surface
from engage_desktop.store.models import App, Device
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import fill
from engage_desktop.ui.preview.app_icon import icon_pixmap
from engage_desktop.ui.preview.push_preview import PushPreview

MAX_PHONES = 8
SHOWN_PER_PHONE = 3


class SandboxUnreachable(Exception):
    """The sandbox does not answer (not started, or another program on its port)."""


@dataclass
class Phone:
    label: str
    platform: str  # "ios" | "android" | …
    app_name: str
    messages: list[dict[str, Any]] = field(default_factory=list)  # oldest first
    app_icon: bytes | None = None  # the app's PNG icon, drawn by the preview


def _get(url: str, control_token: str) -> Any:
    request = urllib.request.Request(url, headers={CONTROL_TOKEN_HEADER: control_token})
    try:
        with urllib.request.urlopen(request, timeout=5) as resp:
            return json.loads(resp.read())
    except (OSError, ValueError) as exc:  # URLError, refused, timeout, not JSON
        raise SandboxUnreachable(url) from exc


def fetch_inboxes(context: UiContext, app_id: int) -> list[Phone]:
    """The app's virtual phones and what they received; raises SandboxUnreachable."""
    ws = context.workspace
    with ws.session() as session:
        app = session.get(App, app_id)
        if app is None or not app.use_sandbox:
            return []
        name, icon = app.name, app.icon_png
        tests = session.execute(
            select(Device.label, Device.fcm_token, Device.platform).where(
                Device.app_id == app_id, Device.is_test.is_(True), Device.fcm_token.is_not(None)
            )
        ).all()
    base = sandbox_url()
    control = read_control_token(sandbox_data_dir())
    if control is None:  # no sandbox has run on this machine yet
        raise SandboxUnreachable(base)
    phones = [
        (label or token[:12], token, platform)
        for label, token, platform in tests
        if token is not None  # filtered in SQL already; says so to the type checker
    ]
    if not phones:
        tokens = list(_get(base + "/sandbox/devices", control))[:MAX_PHONES]
        phones = [(token[:12] + "…", token, "android") for token in tokens]
    out = []
    for label, token, platform in phones[:MAX_PHONES]:
        query = urllib.parse.urlencode({"token": token})
        inbox = list(_get(f"{base}/sandbox/inbox?{query}", control))
        out.append(Phone(label, platform, name, inbox, icon))
    return out


def content_of(message: dict[str, Any]) -> PushContent:
    """The preview's content from an FCM message as the sandbox received it."""
    note = message.get("notification") or {}
    alert = ((message.get("apns") or {}).get("payload") or {}).get("aps", {}).get("alert", {})
    subtitle = alert.get("subtitle", "") if isinstance(alert, dict) else ""
    return PushContent(
        title=str(note.get("title", "")),
        subtitle=str(subtitle),
        body=str(note.get("body", "")),
        image_url=str(note.get("image", "")),
    )


class PhoneCard(QFrame):
    """One virtual device: its name and its last notifications, newest first."""

    def __init__(self, phone: Phone, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.previews: list[PushPreview] = []
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{_escape(phone.label)}</b>")
        layout.addWidget(title)
        surface = Surface.IOS_LOCK if phone.platform == "ios" else Surface.ANDROID_HEADS_UP
        shown = list(reversed(phone.messages[-SHOWN_PER_PHONE:]))
        if not shown:
            layout.addWidget(QLabel(self.tr("Nothing received yet.")))
        for item in shown:
            message = item.get("message", {})
            at = datetime.fromtimestamp(float(item.get("at", 0))).strftime("%H:%M:%S")
            message_id = str((message.get("data") or {}).get("message_id", ""))
            pattern = (
                self.tr("Received at %1 · test send")
                if message_id.startswith("edt-")
                else self.tr("Received at %1 · message %2")
            )
            caption = QLabel(fill(pattern, [at, message_id]))
            caption.setToolTip(message_id)
            caption.setStyleSheet("color: palette(mid);")
            preview = PushPreview(surface)
            preview.app_name = phone.app_name
            preview.app_icon = icon_pixmap(phone.app_icon, 96)
            preview.set_content(content_of(message))
            self.previews.append(preview)
            layout.addWidget(caption)
            layout.addWidget(preview)
        layout.addStretch(1)


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


class VirtualPhones(QWidget):
    """The sandbox's virtual phones for the current app (shown for sandbox apps only)."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.cards: list[PhoneCard] = []
        self.title = QLabel(self.tr("Virtual phones (local sandbox)"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        inner = QWidget()
        inner.setLayout(self.grid)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(inner)
        self.scroll_area.setWidgetResizable(True)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll_area, 1)
        self.refresh_button.clicked.connect(self.refresh)

    def refresh(self) -> None:
        app_id = self.context.app_id
        if app_id is None:
            return
        run_in_background(
            lambda _p: fetch_inboxes(self.context, app_id),
            parent=self,
            on_success=self._show,
            on_failure=self._failed,
        )

    def _clear(self) -> None:
        for card in self.cards:
            self.grid.removeWidget(card)
            card.deleteLater()
        self.cards = []

    def _show(self, phones: list[Phone]) -> None:
        self._clear()
        if not phones or not any(p.messages for p in phones):
            self.message.setText(self.tr("No virtual phone has received anything yet."))
        else:
            self.message.setText("")
        for i, phone in enumerate(phones):
            card = PhoneCard(phone)
            self.cards.append(card)
            self.grid.addWidget(card, 0, i)

    def _failed(self, exc: BaseException, _tb: str) -> None:
        self._clear()
        if isinstance(exc, SandboxUnreachable):
            self.message.setText(
                self.tr(
                    "The local sandbox is not running yet, so the virtual phones cannot be "
                    "shown. The dispatch service starts it when a campaign of a demo app is "
                    "sent; the phones appear here by themselves once it receives messages."
                )
            )
        else:
            self.message.setText(
                fill(self.tr("The virtual phones cannot be shown: %1"), [str(exc)])
            )
