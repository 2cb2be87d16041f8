"""The SMS text one recipient gets: the body rendered, and the STOP mention where it is owed.

French practice for commercial SMS (the CNIL, and the operators' code of practice for SMS+
marketing) wants a free way to refuse further messages in every marketing SMS, written as
"STOP au 36xxx". The mention is the app's (``channel_account.settings.stop_mention``) and is
appended to marketing SMS unless the body already carries it; a transactional SMS (an order or
appointment confirmation: ``campaign.schedule.transactional``) carries none. The
segments are counted on the final text by the composer's counter (``sms.count_sms``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from engage_desktop.core.templating import render_text

from .fcm import Issue, RenderFailed, template_issue_text
from .sms import SmsCount, count_sms

_HAS_STOP = re.compile(r"\bSTOP\b")
E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")


@dataclass(frozen=True, slots=True)
class SmsText:
    text: str
    count: SmsCount


def sms_text(
    content: Mapping[str, Any],
    context: Mapping[str, Any],
    *,
    marketing: bool,
    stop_mention: str = "",
) -> SmsText:
    """The final text; raises ``RenderFailed`` when the body's template fails for this person.
    ``marketing``: the campaign is not transactional (the flag is the campaign's schedule's,
    not the variant's content)."""
    result = render_text(str(content.get("body") or ""), context)
    if result.error is not None:
        raise RenderFailed(Issue("body", template_issue_text(result.error)))
    text = result.text.rstrip()
    if marketing and stop_mention.strip() and not _HAS_STOP.search(text):
        text = f"{text}\n{stop_mention.strip()}"
    return SmsText(text, count_sms(text))


def is_e164(number: str | None) -> bool:
    return bool(number) and E164.match(number or "") is not None
