"""Offline analytics: campaign funnels, A/B uplift against control, daily trends, open hours.

Qt-free and network-free. Figures are computed from the workspace's rows and kept in the local
cache (``core.cache``) with their computation time, so charts open instantly and offline; the
``cached`` module is the entry point the GUI and the CLI call (it checks the permissions).
"""
