"""The mark lupdate reads on text translated later, where it is shown (Qt-free).

Tables of words (a chart's labels, the templates of coded messages) are module data written
once, in English; ``QT_TRANSLATE_NOOP(context, text)`` returns the text unchanged, and lupdate
collects it under ``context`` for the French catalogue. Whoever shows the text translates it
then (``QCoreApplication.translate(context, text)``), so a language switch takes effect.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context`` without translating it yet."""
    return text
