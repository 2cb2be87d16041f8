"""Engage Desktop's tests: ``tests/<package path>/test_<module>.py``, helpers in ``tests/support``.

A package so that ``tests.support`` is always this checkout's, never another distribution's
top-level ``tests`` package installed on the machine.
"""
