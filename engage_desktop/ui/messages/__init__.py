"""Core's coded messages said in the user's language (see ``core.messages``).

Core gives English text plus a code and arguments; here each code has a template with ``%1``,
``%2``… for the arguments, translated like any other UI string. A code with no template here (a
case added in core later) shows core's English text rather than nothing or a crash.

One module per area: ``base`` (``fill``, ``coded_text``), ``fields`` (field paths, template
errors), ``issues`` (the content check), ``campaigns`` (campaign refusals, pause reasons),
``permissions``, ``approvals`` (approvals, segments, the workspace file). Import from here.
"""

from __future__ import annotations

from engage_desktop.ui.messages.approvals import (
    approval_error_text,
    segment_error_text,
    workspace_error_text,
)
from engage_desktop.ui.messages.base import coded_text, fill
from engage_desktop.ui.messages.campaigns import campaign_error_text, stored_reason_text
from engage_desktop.ui.messages.fields import field_label, template_error_text
from engage_desktop.ui.messages.issues import issue_line, issue_text
from engage_desktop.ui.messages.permissions import permission_text

__all__ = [
    "approval_error_text",
    "campaign_error_text",
    "coded_text",
    "field_label",
    "fill",
    "issue_line",
    "issue_text",
    "permission_text",
    "segment_error_text",
    "stored_reason_text",
    "template_error_text",
    "workspace_error_text",
]
