"""The error every outbox use case raises when a campaign cannot be sent as asked."""

from __future__ import annotations

from engage_desktop.core.messages import CodedError


class SendError(CodedError):
    """The campaign cannot be sent as asked; the message says why.

    ``code`` names the case (``not_found``, ``wrong_status``, ``no_test_for_channel``, ``no_variant``,
    ``no_test_device``, ``content_invalid``, ``nothing_to_retry``) so the GUI can say it in the
    user's language.
    """

    def __init__(self, message: str, code: str = "other", *args: str) -> None:
        super().__init__(message, code, *args)
