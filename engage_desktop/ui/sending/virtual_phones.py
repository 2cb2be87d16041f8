"""What the sandbox's virtual devices received, as text (until the preview widget is wired in).

Reads the sandbox's ``/sandbox/inbox`` over loopback for the app's test devices (or, when it
has none, the first devices that received something).
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget
from sqlalchemy import select

from engage_desktop.core.settings_fcm import sandbox_base_url
from engage_desktop.store.models import App, Device
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext

MAX_PHONES = 12


def fetch_inboxes(context: UiContext, app_id: int) -> list[tuple[str, list[dict[str, Any]]]]:
    """(device label, messages) for the app's virtual phones; raises OSError if unreachable."""
    ws = context.workspace
    with ws.session() as session:
        app = session.get(App, app_id)
        if app is None or not app.use_sandbox:
            return []
        base = sandbox_base_url(session)
        tests = session.execute(
            select(Device.label, Device.fcm_token).where(
                Device.app_id == app_id, Device.is_test.is_(True), Device.fcm_token.is_not(None)
            )
        ).all()
    phones = [(label or token[:12], token) for label, token in tests]
    if not phones:
        with urllib.request.urlopen(base + "/sandbox/devices", timeout=5) as resp:
            tokens = list(json.loads(resp.read()))[:MAX_PHONES]
        phones = [(token[:12] + "…", token) for token in tokens]
    out = []
    for label, token in phones[:MAX_PHONES]:
        query = urllib.parse.urlencode({"token": token})
        with urllib.request.urlopen(f"{base}/sandbox/inbox?{query}", timeout=5) as resp:
            out.append((label, list(json.loads(resp.read()))))
    return out


def render_text(phones: list[tuple[str, list[dict[str, Any]]]]) -> str:
    lines: list[str] = []
    for label, inbox in phones:
        lines.append(f"📱 {label}")
        for item in reversed(inbox[-5:]):
            message = item.get("message", {})
            note = message.get("notification", {})
            at = datetime.fromtimestamp(float(item.get("at", 0))).strftime("%H:%M:%S")
            message_id = message.get("data", {}).get("message_id", "")
            lines.append(
                f"   {at}  {note.get('title', '')} — {note.get('body', '')}  [{message_id}]"
            )
        lines.append("")
    return "\n".join(lines)


class VirtualPhones(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = QLabel(self.tr("Virtual phones (local sandbox)"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.text)
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

    def _show(self, phones: list[tuple[str, list[dict[str, Any]]]]) -> None:
        self.text.setPlainText(
            render_text(phones)
            if phones
            else self.tr("No virtual phone has received anything yet.")
        )

    def _failed(self, exc: BaseException, _tb: str) -> None:
        reason = getattr(exc, "reason", None) or exc
        self.text.setPlainText(
            self.tr(
                "The local sandbox does not answer (%1). The dispatch "
                "service starts it when it sends."
            ).replace("%1", str(reason))
        )
