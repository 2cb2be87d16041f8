"""What approvals say to people (English + code, see ``core.messages``)."""

from __future__ import annotations

from engage_desktop.core.messages import CodedError, MessageTable

APPROVAL_MESSAGES = MessageTable(
    {
        # Why a send does not start (raised as SendError by start_send).
        "needs_approval": (
            "Campaign {0} would reach {1} recipients, above this app's approval threshold of "
            "{2}: submit it for approval first."
        ),
        "approval_pending": "Campaign {0} is waiting for an approver's decision.",
        "approval_rejected": "Campaign {0} was rejected by {1}: {2}",
        # Workflow refusals.
        "no_campaign": "No campaign with id {0}.",
        "no_app": "No app with id {0}.",
        "not_submittable": "Campaign {0} is {1}: only a draft or scheduled campaign is submitted.",
        "has_issues": "Campaign {0} cannot be submitted: {1} problem(s) in its content.",
        "already_pending": "Campaign {0} is already waiting for an approver.",
        "already_approved": "Campaign {0} is already approved for its current content.",
        "nothing_pending": "Campaign {0} has no request waiting for a decision.",
        "own_request": (
            "You submitted campaign {0} yourself: another approver of the app must decide."
        ),
        "bad_threshold": "The approval threshold must be a whole number of 0 or more, not {0}.",
        "comment_too_long": "The comment is {0} characters long; at most {1}.",
    }
)


class ApprovalError(CodedError):
    """An approval step that cannot be done as asked; ``code`` names the case."""


def approval_error(code: str, *args: object) -> ApprovalError:
    text = [str(a) for a in args]
    return ApprovalError(APPROVAL_MESSAGES.english(code, *text), code, *text)
