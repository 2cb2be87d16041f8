"""The composer's forms (one per format) and its preview and payload tabs.

Builds the widgets and hands each editable one to ``register(key, widget)``, which the window
wires to the form model and the undo stack. A part of ``ComposerWindow`` by composition: it
knows nothing of the window, and the window reads the widgets it keeps.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.content.fcm import FCM_MAX_BYTES
from engage_desktop.core.content.mailbox import EXAMPLE
from engage_desktop.core.content.rich_fcm import MAX_INBOX_DAYS
from engage_desktop.ui.composer.inputs import EventPicker, ExpiryEdit
from engage_desktop.ui.messages import fill
from engage_desktop.ui.preview.app_icon import icon_pixmap
from engage_desktop.ui.preview.email_preview import EmailPreview
from engage_desktop.ui.preview.inapp_preview import InAppPreview
from engage_desktop.ui.preview.panel import PushPreviewPanel
from engage_desktop.ui.preview.sms_preview import SmsPreview

FieldRegistrar = Callable[[str, QWidget], QWidget]


class ComposerForms(QObject):
    """The composer's widgets, built once.

    Attributes:
        campaign_form: the campaign-wide fields (format, name, segment, schedule …).
        format_pages: one form per format, in the order push, SMS, email, rich push, in-app.
        preview_tab, payload_tab: the right-hand tabs.
        sms_counter, template_note, byte_meter, payload_view, text_preview: what rendering
            writes to.
        preview_stack, push_panel, inapp_preview: the previews (the rich one is added lazily).
        profile_search, profile_combo: "preview as" a profile.

    Signals:
        local_image_wanted(): the user asked to preview a local picture file.
    """

    local_image_wanted = Signal()

    def __init__(
        self,
        register: FieldRegistrar,
        app_name: str,
        parent: QObject,
        app_icon_png: bytes | None = None,
    ) -> None:
        super().__init__(parent)
        self._field = register
        self.campaign_form = self._campaign_form()
        self.format_pages = QStackedWidget()
        for page in (
            self._push_form(),
            self._sms_form(),
            self._email_form(),
            self._rich_form(),
            self._inapp_form(),
        ):
            self.format_pages.addWidget(page)
        self.preview_tab = self._preview_tab(app_name, app_icon_png)
        self.payload_tab = self._payload_tab()

    def _campaign_form(self) -> QFormLayout:
        """The campaign-wide fields, above the per-format form."""
        form = QFormLayout()
        fmt = QComboBox()
        for value, label in (
            ("push", self.tr("Push")),
            ("sms", self.tr("SMS")),
            ("email", self.tr("Email")),
            ("in_app", self.tr("In-app")),
            ("rich_push", self.tr("Rich push")),
        ):
            fmt.addItem(label, value)
        form.addRow(self.tr("Format"), self._field("campaign.format", fmt))
        form.addRow(
            self.tr("Name"), self._field("campaign.name", QLineEdit(self.tr("New campaign")))
        )
        form.addRow(
            self.tr("Analytics label"), self._field("campaign.analytics_label", QLineEdit())
        )
        form.addRow(self.tr("Tags (comma-separated)"), self._field("campaign.tags", QLineEdit()))
        share = QDoubleSpinBox(suffix=" %", decimals=1, maximum=50.0)
        form.addRow(self.tr("Control group"), self._field("campaign.control_share", share))
        segment = QComboBox()
        segment.addItem(self.tr("Whole audience"), None)  # the app's segments follow, once read
        form.addRow(self.tr("Segment"), self._field("campaign.segment_id", segment))
        self.schedule_words = QLabel()  # the stored schedule in words (ui.workflow.when_text)
        self.schedule_words.setWordWrap(True)
        form.addRow(self.tr("Schedule"), self.schedule_words)
        self.schedule_row = QHBoxLayout()  # the window adds the "Schedule…" button
        self.schedule_row.addStretch(1)
        form.addRow("", self.schedule_row)
        transactional = QCheckBox(self.tr("Transactional message"))
        form.addRow("", self._field("campaign.transactional", transactional))
        form.addRow(
            "",
            _help(
                self.tr(
                    "For messages people expect (an order, a password reset): no frequency "
                    "cap, SMS outside marketing hours and without STOP, no unsubscribe link. "
                    "Consent and quiet hours still apply."
                )
            ),
        )
        return form

    def _push_form(self) -> QWidget:
        box = QGroupBox(self.tr("Push content"))
        form = QFormLayout(box)
        labels = {
            "title": self.tr("Title"),
            "subtitle": self.tr("Subtitle (iOS)"),
            "image_url": self.tr("Image (https URL)"),
            "deep_link": self.tr("Deep link"),
            "sound": self.tr("Sound"),
            "badge": self.tr("Badge"),
            "android_channel_id": self.tr("Android channel"),
            "ttl_seconds": self.tr("Time to live (s)"),
            "collapse_key": self.tr("Collapse key"),
        }
        for name in ("title", "subtitle"):
            form.addRow(labels[name], self._field(f"content.{name}", QLineEdit()))
        body = QPlainTextEdit()
        body.setMaximumHeight(90)
        form.addRow(self.tr("Body"), self._field("content.body", body))
        image_row = QHBoxLayout()
        image_row.addWidget(self._field("content.image_url", QLineEdit()), 1)
        local = QPushButton(self.tr("Local file…"))
        local.clicked.connect(self.local_image_wanted)
        image_row.addWidget(local)
        form.addRow(labels["image_url"], image_row)
        for name in (
            "deep_link",
            "sound",
            "badge",
            "android_channel_id",
            "ttl_seconds",
            "collapse_key",
        ):
            form.addRow(labels[name], self._field(f"content.{name}", QLineEdit()))
        priority = QComboBox()
        priority.addItem(self.tr("High"), "high")
        priority.addItem(self.tr("Normal"), "normal")
        form.addRow(self.tr("Priority"), self._field("content.priority", priority))
        for i in range(3):
            row = QHBoxLayout()
            for part, hint in (
                ("id", self.tr("id")),
                ("title", self.tr("label")),
                ("deep_link", self.tr("deep link")),
            ):
                edit = QLineEdit()
                edit.setPlaceholderText(hint)
                row.addWidget(self._field(f"action{i}.{part}", edit))
            form.addRow(fill(self.tr("Button %1"), [str(i + 1)]), row)
        data = QPlainTextEdit()
        data.setPlaceholderText(self.tr("key=value, one per line"))
        data.setMaximumHeight(60)
        form.addRow(self.tr("Custom data"), self._field("content.data", data))
        return box

    def _sms_form(self) -> QWidget:
        box = QGroupBox(self.tr("SMS"))
        form = QFormLayout(box)
        form.addRow(self.tr("Text"), self._field("sms.body", QPlainTextEdit()))
        cap = QComboBox()
        for n in (1, 2, 3, 4, 6):
            cap.addItem(str(n), n)
        form.addRow(self.tr("Segment cap"), self._field("campaign.sms_max_segments", cap))
        self.sms_counter = QLabel()
        form.addRow(self.sms_counter)
        return box

    def _email_form(self) -> QWidget:
        box = QGroupBox(self.tr("Email"))
        form = QFormLayout(box)
        self.email_from = QLineEdit()
        self.email_reply_to = QLineEdit()
        form.addRow(self.tr("From"), self._field("email.from", self.email_from))
        form.addRow(self.tr("Reply-to"), self._field("email.reply_to", self.email_reply_to))
        example = fill(self.tr("A display name and an address: %1"), [EXAMPLE])
        form.addRow("", _help(example))
        form.addRow(self.tr("Subject"), self._field("email.subject", QLineEdit()))
        form.addRow(self.tr("Preheader"), self._field("email.preheader", QLineEdit()))
        form.addRow(self.tr("HTML body"), self._field("email.html", QPlainTextEdit()))
        text = QPlainTextEdit()
        text.setPlaceholderText(self.tr("Left empty, the text part is made from the HTML."))
        text.setMaximumHeight(90)
        form.addRow(self.tr("Text part"), self._field("email.text", text))
        self.text_from_html = QPushButton(self.tr("Start from the HTML"))
        self.text_from_html.setToolTip(
            self.tr("Fill the text part with the text made from the HTML, to edit it.")
        )
        form.addRow("", self.text_from_html)
        return box

    def show_default_sender(self, sender: str, reply_to: str) -> None:
        """The app's SMTP account's From / Reply-To, shown where the author writes none."""
        self.email_from.setPlaceholderText(
            fill(self.tr("Default: %1"), [sender]) if sender else self.tr("No SMTP account yet")
        )
        self.email_reply_to.setPlaceholderText(
            fill(self.tr("Default: %1"), [reply_to]) if reply_to else self.tr("Optional")
        )

    def _rich_form(self) -> QWidget:
        box = QGroupBox(self.tr("Rich push"))
        form = QFormLayout(box)
        form.addRow(self.tr("Title"), self._field("rich.title", QLineEdit()))
        form.addRow(self.tr("Summary"), self._field("rich.body", QLineEdit()))
        form.addRow(self.tr("HTML page"), self._field("rich.html", QPlainTextEdit()))
        page_url = QLineEdit()
        page_url.setPlaceholderText("https://…")
        form.addRow(self.tr("Page address"), self._field("rich.page_url", page_url))
        form.addRow(
            "",
            _help(
                self.tr(
                    "Used when the page does not fit in the 4,096-byte message: the phone "
                    "opens it from this https address."
                )
            ),
        )
        days = QSpinBox(minimum=1, maximum=MAX_INBOX_DAYS)
        form.addRow(self.tr("Days in the inbox"), self._field("rich.inbox_days", days))
        for key, label in (
            ("rich.allow_scripts", self.tr("JavaScript")),
            ("rich.allow_remote", self.tr("Remote content")),
        ):
            combo = QComboBox()
            combo.addItem(self.tr("Off"), False)
            combo.addItem(self.tr("On"), True)
            form.addRow(label, self._field(key, combo))
        return box

    def _inapp_form(self) -> QWidget:
        box = QGroupBox(self.tr("In-app message"))
        form = QFormLayout(box)
        layout = QComboBox()
        for value, label in (
            ("modal", self.tr("Modal")),
            ("top_banner", self.tr("Top banner")),
            ("bottom_banner", self.tr("Bottom banner")),
            ("full_screen", self.tr("Full screen")),
            ("card", self.tr("Card")),
        ):
            layout.addItem(label, value)
        form.addRow(self.tr("Layout"), self._field("inapp.layout", layout))
        form.addRow(self.tr("Header"), self._field("inapp.header", QLineEdit()))
        form.addRow(self.tr("Body"), self._field("inapp.body", QPlainTextEdit()))
        form.addRow(self.tr("Image (https URL)"), self._field("inapp.image_url", QLineEdit()))
        for i in range(2):
            row = QHBoxLayout()
            row.addWidget(self._field(f"inapp.button{i}_label", QLineEdit()))
            row.addWidget(self._field(f"inapp.button{i}_deep_link", QLineEdit()))
            form.addRow(fill(self.tr("Button %1 (label, link)"), [str(i + 1)]), row)
        for name, label in (
            ("background", self.tr("Background")),
            ("text_colour", self.tr("Text colour")),
            ("button_colour", self.tr("Button colour")),
        ):
            form.addRow(label, self._field(f"inapp.{name}", QLineEdit()))
        self._inapp_delivery(form)
        close = QComboBox()
        close.addItem(self.tr("Shown"), True)
        close.addItem(self.tr("Hidden"), False)
        form.addRow(self.tr("Close control"), self._field("inapp.close_button", close))
        return box

    def _inapp_delivery(self, form: QFormLayout) -> None:
        """When the app shows the message (next open, or an event it logs) and until when."""
        trigger = QComboBox()
        trigger.addItem(self.tr("Next time the app opens"), "app_open")
        trigger.addItem(self.tr("When the app logs an event"), "event")
        form.addRow(self.tr("Show"), self._field("inapp.trigger", trigger))
        self.trigger_event = EventPicker()
        self.trigger_event.setToolTip(self.tr("The event that shows the message"))
        form.addRow(self.tr("Event"), self._field("inapp.trigger_event", self.trigger_event))
        expiry = ExpiryEdit(self.tr("Not shown after"))
        form.addRow(self.tr("Expiry"), self._field("inapp.expires_at", expiry))

    def _preview_tab(self, app_name: str, app_icon_png: bytes | None) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.profile_search = QLineEdit()
        self.profile_search.setPlaceholderText(self.tr("Preview as… (name, email or id)"))
        self.profile_combo = QComboBox()
        self.profile_combo.addItem(self.tr("Sample profile"), None)
        row.addWidget(self.profile_search, 1)
        row.addWidget(self.profile_combo, 1)
        layout.addLayout(row)
        self.template_note = QLabel()
        self.template_note.setWordWrap(True)
        layout.addWidget(self.template_note)
        self.preview_stack = QStackedWidget()
        self.push_panel = PushPreviewPanel()
        icon = icon_pixmap(app_icon_png, 96) if app_icon_png is not None else None
        for preview in self.push_panel.previews.values():
            preview.app_name = app_name
            preview.app_icon = icon
        self.text_preview = QTextBrowser()
        self.text_preview.setOpenLinks(False)
        self.preview_stack.addWidget(self.push_panel)
        self.preview_stack.addWidget(self.text_preview)
        self.inapp_page = QWidget()  # the in-app preview under when the app shows it
        inapp_layout = QVBoxLayout(self.inapp_page)
        inapp_layout.setContentsMargins(0, 0, 0, 0)
        self.inapp_when = QLabel()
        self.inapp_when.setWordWrap(True)
        self.inapp_preview = InAppPreview()
        inapp_layout.addWidget(self.inapp_when)
        inapp_layout.addWidget(self.inapp_preview, 1)
        self.preview_stack.addWidget(self.inapp_page)
        self.app_name = app_name
        self.sms_preview = SmsPreview()
        self.preview_stack.addWidget(self.sms_preview)
        self.email_preview = EmailPreview()
        self.preview_stack.addWidget(self.email_preview)
        layout.addWidget(self.preview_stack, 1)
        return page

    def _payload_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.byte_meter = QProgressBar(maximum=FCM_MAX_BYTES)
        self.byte_meter.setFormat(self.tr("%v of %m bytes"))
        self.payload_view = QPlainTextEdit(readOnly=True)
        layout.addWidget(self.byte_meter)
        layout.addWidget(self.payload_view, 1)
        return page


def _help(text: str) -> QLabel:
    """A help line under a field, wrapped, in the palette's secondary text colour."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label
