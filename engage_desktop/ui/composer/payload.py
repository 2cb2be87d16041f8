"""The composer's payload tab: what the provider of the chosen format would be handed.

Push and rich push show FCM's ``message`` JSON with the 4,096-byte meter (the sender's own
builder); SMS shows the ``POST`` to Twilio's Messages resource; email the MIME message with its
headers; in-app, which no sender handles yet, the stored content, said as such. Every text is
rendered for the profile the preview shows, from the same form model as the editor.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject

from engage_desktop.core.campaigns.form import CampaignForm
from engage_desktop.core.campaigns.provider_preview import (
    email_message,
    email_text,
    recipient_of,
    twilio_request,
)
from engage_desktop.core.content.fcm import FCM_MAX_BYTES, check_message
from engage_desktop.core.content.push import PushContent
from engage_desktop.core.outbox.message_ids import sample_message_id
from engage_desktop.core.templating import render_text
from engage_desktop.ui.composer.forms import ComposerForms
from engage_desktop.ui.messages import fill, issue_line, template_error_text


class ComposerPayload(QObject):
    """Writes the payload tab (``views.payload_view`` and ``views.byte_meter``) from the form."""

    def __init__(
        self,
        form: CampaignForm,
        views: ComposerForms,
        parent: QObject,
        campaign_id: Callable[[], int | None],
    ) -> None:
        super().__init__(parent)
        self.form = form
        self.views = views
        self.campaign_id = campaign_id

    def refresh(self, render_context: Mapping[str, Any]) -> None:
        """Show the chosen format's provider request for ``render_context``."""
        fmt = self.form.format
        self.views.byte_meter.setVisible(fmt in ("push", "rich_push"))
        if fmt in ("push", "rich_push"):
            text = self._fcm(render_context)
        elif fmt == "sms":
            text = self._sms(render_context)
        elif fmt == "email":
            text = self._email(render_context)
        else:
            text = self._inapp()
        self.views.payload_view.setPlainText(text)

    def _fcm(self, render_context: Mapping[str, Any]) -> str:
        """The message the profile would get, or why there is none (never both); the byte
        count uses a message id as long as the outbox's real ones."""
        content = PushContent.from_dict(self.form.content())
        label = str(self.form.campaign.get("analytics_label") or "") or None
        message, size, issues = check_message(
            content,
            message_id=sample_message_id(self.campaign_id()),
            analytics_label=label,
            render_context=render_context,
        )
        self.views.byte_meter.setValue(min(size, FCM_MAX_BYTES))
        self.views.byte_meter.setFormat(
            fill(self.tr("%1 of %2 bytes"), [str(size), str(FCM_MAX_BYTES)])
        )
        if message is None:
            lines = [issue_line(i.field, i.message) for i in issues]
            return "\n".join([self.tr("No message can be sent as written:"), *lines])
        return json.dumps({"message": message}, ensure_ascii=False, indent=2)

    def _rendered(
        self, names: tuple[str, ...], render_context: Mapping[str, Any]
    ) -> tuple[dict[str, str], list[str]]:
        """The content's texts rendered for the profile, and the errors of those that fail."""
        content = self.form.content()
        texts: dict[str, str] = {}
        errors: list[str] = []
        for name in names:
            result = render_text(str(content.get(name) or ""), dict(render_context))
            texts[name] = result.text
            if result.error is not None:
                errors.append(template_error_text(name, result.error))
        return texts, errors

    def _sms(self, render_context: Mapping[str, Any]) -> str:
        texts, errors = self._rendered(("body",), render_context)
        if errors:
            return "\n".join([self.tr("No message can be sent as written:"), *errors])
        to = recipient_of(render_context, "phone", "{To}")
        request = twilio_request(texts["body"], to=to, sender="{From}")
        note = self.tr(
            "Twilio's Messages resource; {From} and {AccountSid} are the app's SMS sender."
        )
        return f"{note}\n\n{request}"

    def _email(self, render_context: Mapping[str, Any]) -> str:
        texts, errors = self._rendered(("subject", "preheader", "html"), render_context)
        if errors:
            return "\n".join([self.tr("No message can be sent as written:"), *errors])
        to = recipient_of(render_context, "email", "{To}")
        message = email_message(
            texts["subject"], texts["preheader"], texts["html"], to=to, sender="{From}"
        )
        note = self.tr("The MIME message; {From} is the app's sender address.")
        return f"{note}\n\n{email_text(message)}"

    def _inapp(self) -> str:
        stored = json.dumps(self.form.content(), ensure_ascii=False, indent=2)
        note = self.tr(
            "In-app messages are not sent by the service yet; this is the content as saved."
        )
        return f"{note}\n\n{stored}"
