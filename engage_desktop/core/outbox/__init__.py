"""The outbox: a campaign expanded into one row per recipient device, and the rules its rows follow.

Network-free and Qt-free, so the GUI, the CLI and the service share the same state rules:
``expand`` snapshots the audience, ``control`` pauses/resumes/cancels and reads progress,
``claims`` hands rows to a dispatch service under a lease and records what happened.
"""
