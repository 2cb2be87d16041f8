"""Why the dispatch service paused a send, as coded messages (``core.messages``).

The service stores the English sentence as the campaign's ``status_reason``; the GUI gets the
code and arguments back with ``PAUSE_REASONS.recognise`` and words it in French. The codes in
``AUTO_RESUMED`` are faults that pass by themselves (FCM down, unreachable, over quota, its
token server unreachable or failing): the service probes FCM (a probe asks for a token first)
and resumes those campaigns once it answers again. The others wait for a
person to fix something and press Resume.
"""

from __future__ import annotations

from engage_desktop.core.messages import MessageTable

PAUSE_REASONS = MessageTable(
    {
        "fcm_unreachable": (
            "FCM cannot be reached at {0} for {1} s ({2}). Sending is paused and resumes by "
            "itself when FCM answers again; check the FCM address in the settings and the "
            "network."
        ),
        "fcm_unavailable": (
            "FCM has answered only errors for {1} s ({0}). Sending is paused and resumes by "
            "itself when FCM answers again."
        ),
        "fcm_quota": (
            "FCM has refused the project's messages as over quota for {1} s ({0}). Sending is "
            "paused and resumes by itself when FCM accepts messages again."
        ),
        "token_unavailable": (
            "The token server of app '{0}' (project {1}) at {2} gives no access token ({3}). "
            "Sending is paused and resumes by itself when it gives tokens again."
        ),
        "project_refused": (
            "FCM refuses every message of app '{0}' (project {1}): {2} — {3}. Sending is "
            "paused and the device tokens are kept: fix the project's set-up (service "
            "account, sender, APNs key), then resume."
        ),
        "message_refused": (
            "FCM refuses this campaign's message: {0} — {1}. Sending is paused: correct the "
            "content, then resume."
        ),
        "provider_refused": (
            "The {0} provider refuses app {1}'s account: {2}. Its campaigns on that channel "
            "are paused: fix the account with 'engage-desktop credentials set', then resume."
        ),
        "provider_missing": (
            "App {1} has no {0} account usable on this machine. Its campaigns on that channel "
            "are paused: give it with 'engage-desktop credentials set' here, then resume."
        ),
    }
)
AUTO_RESUMED = frozenset({"fcm_unreachable", "fcm_unavailable", "fcm_quota", "token_unavailable"})


def resumes_by_itself(reason: str | None) -> bool:
    """True for a pause the service lifts by itself once FCM answers again."""
    coded = PAUSE_REASONS.recognise(reason) if reason else None
    return coded is not None and coded.code in AUTO_RESUMED
