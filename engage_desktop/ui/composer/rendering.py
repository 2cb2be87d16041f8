"""The composer's previews and payload tab, redrawn from the form model on every edit.

A part of ``ComposerWindow`` by composition: it reads the ``CampaignForm`` and the profile to
render for, and writes only to the preview widgets ``ComposerForms`` built. Liquid errors keep
the last good render of a field, and every problem is gathered as a note under the preview.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPixmap

from engage_desktop.core.campaigns.form import CampaignForm
from engage_desktop.core.campaigns.senders import DefaultSender
from engage_desktop.core.content.inapp import InAppContent
from engage_desktop.core.content.push import PushContent
from engage_desktop.core.content.sms import count_sms
from engage_desktop.core.templating import render_text
from engage_desktop.core.templating.context import SAMPLE_PROFILE
from engage_desktop.ui.composer.forms import ComposerForms
from engage_desktop.ui.composer.payload import ComposerPayload
from engage_desktop.ui.composer.schedule_words import moment_from, schedule_words
from engage_desktop.ui.event_labels import event_label
from engage_desktop.ui.messages import fill, template_error_text
from engage_desktop.ui.preview.remote_image import RemoteImage
from engage_desktop.ui.workflow.when_text import local_zone_name, moment_text

if TYPE_CHECKING:
    from engage_desktop.ui.preview.rich_fallback import PlainRichPreview
    from engage_desktop.ui.preview.rich_preview import RichPreview

FORMAT_PAGES = {"push": 0, "sms": 1, "email": 2, "rich_push": 3, "in_app": 4}


class ComposerRendering(QObject):
    """Renders the form for one profile into the previews, the payload and the notes.

    Attributes:
        render_context: the profile the previews are rendered for (the sample one at first).
        local_image: a picture file chosen for the preview; it wins over the image URL's.
        rich_preview: the rich push page, created the first time a rich push is shown.

    Signals:
        image_changed(): the image URL's picture arrived (or failed): render again.
    """

    image_changed = Signal()

    def __init__(
        self,
        form: CampaignForm,
        views: ComposerForms,
        parent: QObject,
        campaign_id: Callable[[], int | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.campaign_id = campaign_id  # the saved campaign's id (None before the first save)
        self.form = form
        self.views = views
        self.render_context: dict[str, Any] = dict(SAMPLE_PROFILE)
        self.local_image: QPixmap | None = None
        self.rich_preview: RichPreview | PlainRichPreview | None = None
        self.payload = ComposerPayload(form, views, self, campaign_id)
        self.default_sender = DefaultSender()  # the app's SMTP account's, once read
        self.remote_image = RemoteImage(self)
        self.remote_image.changed.connect(self.image_changed)
        self._last_good: dict[str, str] = {}
        self._template_errors: dict[str, str] = {}  # field name → where and what (this pass)

    def render(self, name: str, source: str) -> tuple[str, str | None, tuple[str, ...]]:
        """Liquid for one field; on a syntax error keep the last good render and say where."""
        result = render_text(source, self.render_context)
        if result.error is None:
            self._last_good[name] = result.text
            return result.text, None, result.missing
        message = template_error_text(name, result.error)
        self._template_errors[name] = message
        return self._last_good.get(name, ""), message, ()

    def refresh(self) -> None:
        """Show the current format's form and preview, rendered, with its notes."""
        fmt = self.form.format
        views = self.views
        views.format_pages.setCurrentIndex(FORMAT_PAGES.get(fmt, 0))
        views.schedule_words.setText(schedule_words(self.form.schedule))
        views.trigger_event.setEnabled(self.form.content("in_app").get("trigger") == "event")
        self.payload.default_sender = self.default_sender
        notes: list[str] = []
        self._template_errors = {}
        if fmt == "push":
            self._refresh_push(notes)
        elif fmt == "rich_push":
            self._refresh_rich(notes)
        elif fmt == "in_app":
            self._refresh_inapp(notes)
        else:
            views.preview_stack.setCurrentIndex(1)
            self._refresh_text_preview(fmt, notes)
        self.payload.refresh(self.render_context)
        notes += [e for e in self._template_errors.values() if e not in notes]
        views.template_note.setText("\n".join(notes))
        views.template_note.setStyleSheet("color: #c62828;" if notes else "")

    def _rendered_push(self) -> tuple[PushContent, list[str], list[str]]:
        content = PushContent.from_dict(self.form.content())
        errors: list[str] = []
        missing: list[str] = []
        changes: dict[str, str] = {}
        for name in ("title", "subtitle", "body"):
            text, error, miss = self.render(name, getattr(content, name))
            changes[name] = text
            missing += [m for m in miss if m not in missing]
            if error:
                errors.append(error)
        return content.with_changes(**changes), errors, missing

    def _refresh_push(self, notes: list[str]) -> None:
        views = self.views
        views.preview_stack.setCurrentIndex(0)
        shown, errors, missing = self._rendered_push()
        views.push_panel.set_content(shown)
        image_url = str(self.form.content().get("image_url") or "")
        views.push_panel.set_image(self._preview_image(notes, image_url))
        notes += errors
        self._note_missing(notes, missing)

    def _refresh_inapp(self, notes: list[str]) -> None:
        views = self.views
        views.preview_stack.setCurrentWidget(views.inapp_page)
        views.inapp_when.setText(self._inapp_when(self.form.content()))
        shown = dict(self.form.content())
        for name in ("header", "body"):
            text, error, missing = self.render(name, str(shown.get(name) or ""))
            shown[name] = text
            notes += [error] if error else []
            self._note_missing(notes, missing)
        views.inapp_preview.set_content(InAppContent.from_dict(shown))
        views.inapp_preview.set_image(self._preview_image(notes, str(shown.get("image_url") or "")))

    def _inapp_when(self, content: dict[str, Any]) -> str:
        """When the app shows the message, in words (the trigger's event by its label)."""
        event = str(content.get("trigger_event") or "")
        if content.get("trigger") == "event" and event:
            when = fill(self.tr("Shown when the app logs “%1”"), [event_label(event)])
        else:
            when = self.tr("Shown the next time the app opens")
        expiry = moment_from(content.get("expires_at"))
        if expiry is None:
            return when + "."
        return fill(self.tr("%1, until %2."), [when, moment_text(expiry, local_zone_name())])

    def _refresh_rich(self, notes: list[str]) -> None:
        """QtWebEngine is loaded only when a rich push is first previewed (it is heavy), and
        only where it can start (else a plain rendering says why)."""
        if self.rich_preview is None:
            from engage_desktop.ui.preview.rich_choice import create_rich_preview

            self.rich_preview = create_rich_preview()
            self.views.preview_stack.addWidget(self.rich_preview)
        self.views.preview_stack.setCurrentWidget(self.rich_preview)
        content = self.form.content()
        title, _, _ = self.render("title", str(content.get("title") or ""))
        summary, _, _ = self.render("body", str(content.get("body") or ""))
        html, error, missing = self.render("html", str(content.get("html") or ""))
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
        self._note_missing(notes, missing)

    def _refresh_text_preview(self, fmt: str, notes: list[str]) -> None:
        error: str | None = None
        missing: tuple[str, ...] = ()
        if fmt == "sms":
            error, missing = self._refresh_sms()
        elif fmt == "email":
            error, missing = self._refresh_email()
        else:
            self.views.text_preview.setPlainText(
                self.tr("No preview for this format in this build.")
            )
        if error:
            notes.append(error)
        self._note_missing(notes, missing)

    def _refresh_sms(self) -> tuple[str | None, tuple[str, ...]]:
        text, error, missing = self.render("sms", str(self.form.content().get("body") or ""))
        count = count_sms(text)
        culprits = "".join(sorted({ch for _, ch in count.ucs2_culprits}))
        summary = ", ".join(
            (
                fill(self.tr("%1: %Ln character(s)", "", count.units), [count.encoding]),
                self.tr("%Ln segment(s)", "", count.segments),
                self.tr("%Ln left", "", count.remaining),
            )
        )
        if culprits:
            summary += " — " + fill(self.tr("forcing UCS-2: %1"), [culprits])
        self.views.sms_counter.setText(summary)
        self.views.sms_preview.set_message(self.views.app_name, text)  # a bubble, as sent
        self.views.preview_stack.setCurrentWidget(self.views.sms_preview)
        return error, missing

    def _refresh_email(self) -> tuple[str | None, tuple[str, ...]]:
        content = self.form.content()
        subject, error, missing = self.render("subject", str(content.get("subject") or ""))
        pre, _, _ = self.render("preheader", str(content.get("preheader") or ""))
        body, _, _ = self.render("html", str(content.get("html") or ""))
        self.views.email_preview.set_message(
            subject,
            pre,
            body,  # its inline CSS kept (nh3's defaults dropped every style attribute)
            sender=str(content.get("from") or "").strip() or self.default_sender.sender,
            reply_to=str(content.get("reply_to") or "").strip() or self.default_sender.reply_to,
        )
        self.views.preview_stack.setCurrentWidget(self.views.email_preview)
        return error, missing

    def _note_missing(self, notes: list[str], missing: tuple[str, ...] | list[str]) -> None:
        if missing:
            notes.append(fill(self.tr("Missing for this profile: %1"), [", ".join(missing)]))

    def _preview_image(self, notes: list[str], url: str) -> QPixmap | None:
        """The local file when one was picked, else the picture at the image URL (fetched)."""
        self.remote_image.request(url)
        if self.local_image is not None:
            return self.local_image
        if self.remote_image.error:
            notes.append(
                fill(
                    self.tr("The image could not be loaded for the preview: %1"),
                    [self.remote_image.error],
                )
            )
        return self.remote_image.pixmap
