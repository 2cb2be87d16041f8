"""Send approvals: per app, a recipient count above which a send needs an approver's yes.

``rules`` keeps the threshold, ``workflow`` submits, approves and rejects, ``voiding`` drops an
approval when the campaign changes, ``gate`` is what ``start_send`` and the service's claim ask.
"""
