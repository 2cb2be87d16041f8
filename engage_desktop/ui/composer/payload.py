"""The composer's payload tab: what the provider of the chosen format would be handed.

Push, rich push and in-app show FCM's ``message`` JSON with the 4,096-byte meter (the sender's
own builder for the format: a rich push's page inline or its address and inbox time, an
in-app message's trigger and expiry); SMS shows the ``POST`` to Twilio's Messages resource;
email the MIME message the SMTP sender builds, with its From and Reply-To (the campaign's, else
the app's account's) and both parts. Every text is rendered for the profile the preview shows,
from the same form model as the editor.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject

from engage_desktop.core.campaigns.form import CampaignForm
from engage_desktop.core.campaigns.provider_preview import email_text, recipient_of, twilio_request
from engage_desktop.core.campaigns.senders import DefaultSender
from engage_desktop.core.content.email_message import Envelope, email_parts, mime_message
from engage_desktop.core.content.fcm import FCM_MAX_BYTES, RenderFailed
from engage_desktop.core.content.fcm_formats import check_format_message
from engage_desktop.core.content.mailbox import sender_issues
from engage_desktop.core.outbox.message_ids import sample_message_id
from engage_desktop.core.templating import render_text
from engage_desktop.ui.composer.forms import ComposerForms
from engage_desktop.ui.messages import fill, issue_line, template_error_text

FCM_FORMATS = ("push", "rich_push", "in_app")


class ComposerPayload(QObject):
    """Writes the payload tab (``views.payload_view`` and ``views.byte_meter``) from the form.

    Attributes:
        default_sender: the app's SMTP account's From / Reply-To (the rendering part sets it).
    """

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
        self.default_sender = DefaultSender()

    def refresh(self, render_context: Mapping[str, Any]) -> None:
        """Show the chosen format's provider request for ``render_context``."""
        fmt = self.form.format
        self.views.byte_meter.setVisible(fmt in FCM_FORMATS)
        if fmt in FCM_FORMATS:
            text = self._fcm(fmt, render_context)
        elif fmt == "sms":
            text = self._sms(render_context)
        else:
            text = self._email(render_context)
        self.views.payload_view.setPlainText(text)

    def _fcm(self, fmt: str, render_context: Mapping[str, Any]) -> str:
        """The message the profile would get, or why there is none (never both); the byte
        count uses a message id as long as the outbox's real ones."""
        label = str(self.form.campaign.get("analytics_label") or "") or None
        message, size, issues = check_format_message(
            fmt,
            self.form.content(),
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

    def _sms(self, render_context: Mapping[str, Any]) -> str:
        result = render_text(str(self.form.content().get("body") or ""), dict(render_context))
        if result.error is not None:
            error = template_error_text("body", result.error)
            return "\n".join([self.tr("No message can be sent as written:"), error])
        to = recipient_of(render_context, "phone", "{To}")
        request = twilio_request(result.text, to=to, sender="{From}")
        note = self.tr(
            "Twilio's Messages resource; {From} and {AccountSid} are the app's SMS sender."
        )
        return f"{note}\n\n{request}"

    def _email(self, render_context: Mapping[str, Any]) -> str:
        try:
            parts = email_parts(self.form.content(), render_context)
        except RenderFailed as exc:
            error = issue_line(exc.issue.field, exc.issue.message)
            return "\n".join([self.tr("No message can be sent as written:"), error])
        wrong = sender_issues(parts.sender, parts.reply_to)  # no header is built from them
        if wrong:
            lines = [issue_line(field, message) for field, message in wrong]
            return "\n".join([self.tr("No message can be sent as written:"), *lines])
        to = recipient_of(render_context, "email", "{To}")
        sender = parts.sender or self.default_sender.sender or "{From}"
        reply_to = parts.reply_to or self.default_sender.reply_to
        message = mime_message(parts, Envelope(to, sender, reply_to))
        note = self.tr("The MIME message as the SMTP sender builds it.")
        return f"{note}\n\n{email_text(message)}"
