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

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
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
from engage_desktop.ui.sandbox_launcher import SandboxChild, start_sandbox

MAX_PHONES = 8
SHOWN_PER_PHONE = 3
PHONE_WIDTH = 412.0  # the widest device drawn (Pixel 8, dp)
CARD_MARGINS = 24  # a card's frame and layout margins around its previews
MIN_ZOOM = 0.7  # narrower than this, fewer phones per row


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
            caption.setWordWrap(True)  # the window's text colour: "mid" was unreadable in dark
            preview = PushPreview(surface)
            preview.app_name = phone.app_name
            preview.app_icon = icon_pixmap(phone.app_icon, 96)
            preview.set_content(content_of(message))
            self.previews.append(preview)
            layout.addWidget(caption)
            layout.addWidget(preview)
        layout.addStretch(1)

    def set_zoom(self, zoom: float) -> None:
        for preview in self.previews:
            preview.set_zoom(zoom)


def phone_columns(available: int, count: int) -> tuple[int, float]:
    """Phones per row in ``available`` pixels, and the zoom that fits them all on the row."""
    columns = max(1, min(count, int(available // (PHONE_WIDTH * MIN_ZOOM + CARD_MARGINS))))
    zoom = (available / columns - CARD_MARGINS) / PHONE_WIDTH
    return columns, min(1.0, zoom)


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
        self.start_button = QPushButton(self.tr("Start the sandbox"))
        self.start_button.hide()  # offered only while the sandbox does not answer
        self.start_button.clicked.connect(self.start_sandbox)
        self.sandbox: SandboxChild | None = None  # the sandbox this window started, if any
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        inner = QWidget()
        inner.setLayout(self.grid)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(inner)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.viewport().installEventFilter(self)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.start_button)
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
        self.start_button.hide()
        self.cards = [PhoneCard(phone) for phone in phones]
        self._arrange()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            self._arrange()
        return False

    def _arrange(self) -> None:
        """As many phones per row as stay legible, zoomed to fill the row: none is cut at the
        right edge (the second phone was, at the default window size)."""
        if not self.cards:
            return
        available = self.scroll_area.viewport().width() - 2 * self.grid.spacing()
        columns, zoom = phone_columns(available, len(self.cards))
        for i, card in enumerate(self.cards):
            card.set_zoom(zoom)
            self.grid.removeWidget(card)
            row, column = divmod(i, columns)
            self.grid.addWidget(card, row, column)

    def start_sandbox(self) -> None:
        """Start the sandbox for the user (a marketer has no terminal to run it from)."""
        self.start_button.setEnabled(False)
        self.message.setText(self.tr("Starting the local sandbox…"))
        run_in_background(
            start_sandbox,
            parent=self,
            on_success=self._sandbox_started,
            on_failure=self._sandbox_failed,
        )

    def _sandbox_started(self, child: SandboxChild | None) -> None:
        self.start_button.setEnabled(True)
        if child is not None:
            self.sandbox = child
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(child.stop)
        self.refresh()

    def _sandbox_failed(self, exc: BaseException, _tb: str) -> None:
        self.start_button.setEnabled(True)
        self.message.setText(fill(self.tr("The local sandbox could not start (%1)."), [str(exc)]))

    def _failed(self, exc: BaseException, _tb: str) -> None:
        self._clear()
        if isinstance(exc, SandboxUnreachable):
            self.message.setText(
                self.tr(
                    "The local sandbox is not running yet, so the virtual phones cannot be "
                    "shown. It starts by itself when a campaign of a demo app is sent, or press "
                    "“Start the sandbox”; the phones appear here by themselves once it receives "
                    "messages."
                )
            )
            self.start_button.show()
        else:
            self.message.setText(
                fill(self.tr("The virtual phones cannot be shown: %1"), [str(exc)])
            )
