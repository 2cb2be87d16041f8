"""The composer's payload tab, rich / text previews and field marks (a mixin of ComposerWindow).

Called from ``ComposerWindow.refresh`` on every edit; reads the window's model (``_content``,
``_campaign``, ``render_context``) and writes only to its own widgets.
"""

from __future__ import annotations

import json

from engage_desktop.core.campaigns.model import validate_draft
from engage_desktop.core.content.fcm import FCM_MAX_BYTES, check_message
from engage_desktop.core.content.push import PushContent
from engage_desktop.core.content.sms import count_sms
from engage_desktop.core.outbox.message_ids import sample_message_id
from engage_desktop.ui.composer.fields import mark
from engage_desktop.ui.messages import issue_line, issue_text


class ComposerRendering:
    """Payload, rich and text previews, and invalid-field marks (see ``ComposerWindow``)."""

    def _refresh_payload(self) -> None:
        """The message the sample profile would get, or why there is none (never both); the
        byte count uses a message id as long as the outbox's real ones."""
        content = PushContent.from_dict(self._content())
        label = str(self._campaign.get("analytics_label") or "") or None
        message, size, issues = check_message(
            content,
            message_id=sample_message_id(self.campaign_id),
            analytics_label=label,
            render_context=self.render_context,
        )
        if message is None:
            lines = [issue_line(i.field, i.message) for i in issues]
            self.payload_view.setPlainText(
                "\n".join([self.tr("No message can be sent as written:"), *lines])
            )
        else:
            self.payload_view.setPlainText(
                json.dumps({"message": message}, ensure_ascii=False, indent=2)
            )
        self.byte_meter.setValue(min(size, FCM_MAX_BYTES))
        self.byte_meter.setFormat(
            self.tr("%1 of %2 bytes").replace("%1", str(size)).replace("%2", str(FCM_MAX_BYTES))
        )

    def _refresh_rich(self, notes: list[str]) -> None:
        """QtWebEngine is loaded only when a rich push is first previewed (it is heavy)."""
        if self.rich_preview is None:
            from engage_desktop.ui.preview.rich_preview import RichPreview

            self.rich_preview = RichPreview()
            self.preview_stack.addWidget(self.rich_preview)
        self.preview_stack.setCurrentWidget(self.rich_preview)
        content = self._content()
        title, _, _ = self._render("title", str(content.get("title") or ""))
        summary, _, _ = self._render("body", str(content.get("body") or ""))
        html, error, missing = self._render("html", str(content.get("html") or ""))
        self.rich_preview.set_page(
            title,
            summary,
            html,
            allow_scripts=bool(content.get("allow_scripts")),
            allow_remote=bool(content.get("allow_remote")),
        )
        if self.rich_preview.removed:
            notes.append(self.tr("Scripts and event handlers were removed (JavaScript is off)."))
        if error:
            notes.append(error)
        if missing:
            notes.append(self.tr("Missing for this profile: %1").replace("%1", ", ".join(missing)))

    def _refresh_text_preview(self, fmt: str, notes: list[str]) -> None:
        content = self._content()
        if fmt == "sms":
            text, error, missing = self._render("sms", str(content.get("body") or ""))
            count = count_sms(text)
            culprits = "".join(sorted({ch for _, ch in count.ucs2_culprits}))
            summary = (
                self.tr("%1: %2 characters, %3 segment(s), %4 left")
                .replace("%1", count.encoding)
                .replace("%2", str(count.units))
                .replace("%3", str(count.segments))
                .replace("%4", str(count.remaining))
            )
            if culprits:
                summary += " — " + self.tr("forcing UCS-2: %1").replace("%1", culprits)
            self.sms_counter.setText(summary)
            from html import escape

            marked = "".join(
                f'<span style="background:#ffcdd2">{escape(ch)}</span>'
                if ch in culprits
                else escape(ch)
                for ch in text
            )
            self.text_preview.setHtml(
                f"<div style='white-space:pre-wrap;font-size:15px'>{marked}</div>"
            )
        elif fmt == "email":
            subject, error, missing = self._render("subject", str(content.get("subject") or ""))
            pre, _, _ = self._render("preheader", str(content.get("preheader") or ""))
            body, _, _ = self._render("html", str(content.get("html") or ""))
            from html import escape

            import nh3

            self.text_preview.setHtml(
                f"<b>{escape(subject)}</b><br><span style='color:#666'>{escape(pre)}</span><hr>{nh3.clean(body)}"
            )
        else:
            error, missing = None, ()
            self.text_preview.setPlainText(self.tr("No preview for this format in this build."))
        if error:
            notes.append(error)
        if missing:
            notes.append(self.tr("Missing for this profile: %1").replace("%1", ", ".join(missing)))

    def _mark_issues(self) -> None:
        self.issues = validate_draft(self.draft())
        by_widget: dict[str, str] = {}
        for field, message in self.issues:
            variant, _, name = field.partition(".")
            if variant != self.variant_key:
                continue
            root = name.split(".")[0]
            key = {
                "actions[0]": "action0.title",
                "actions[1]": "action1.title",
                "actions[2]": "action2.title",
                "actions": "action0.title",
            }.get(root, f"content.{root}")
            if root == "data":
                key = "content.data"
            if self._campaign.get("format") == "sms":
                key = "sms.body"
            elif self._campaign.get("format") == "email":
                key = f"email.{root}"
            elif self._campaign.get("format") == "rich_push":
                key = f"rich.{root}"
            elif self._campaign.get("format") == "in_app":
                key = (
                    f"inapp.{root}"
                    if not root.startswith("buttons[")
                    else f"inapp.button{root[8]}_label"
                )
            by_widget.setdefault(
                key if key in self.widgets else "campaign.name", issue_text(message)
            )
        for key, widget in self.widgets.items():
            mark(widget, by_widget.get(key))
        self.issue_list.clear()
        self.issue_list.addItems([issue_line(f, m) for f, m in self.issues])
        self._update_actions()
