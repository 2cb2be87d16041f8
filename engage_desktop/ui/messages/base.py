"""The two tools every translated message uses: ``fill`` for ``%1``, ``%2``… and ``coded_text``.

Tables of templates are module data marked with ``QT_TRANSLATE_NOOP`` (lupdate reads that name)
and translated when shown, with ``translated``: the language may change while the app runs."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from engage_desktop.core.messages import code_of
from engage_desktop.ui.translation_marks import QT_TRANSLATE_NOOP

_PLACEHOLDER = re.compile(r"%(\d+)")


def fill(template: str, args: Sequence[str]) -> str:
    """Put the arguments in for ``%1``, ``%2``… in one pass (an argument's own "%2" stays)."""

    def arg(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return args[index] if 0 <= index < len(args) else match.group(0)

    return _PLACEHOLDER.sub(arg, template)


def coded_text(message: object, templates: Mapping[str, str]) -> str:
    """``message`` (a coded error or text) in the user's language, else its English text."""
    code, args = code_of(message)
    template = templates.get(code) if code else None
    return str(message) if template is None else fill(template, args)


__all__ = ["QT_TRANSLATE_NOOP", "coded_text", "fill", "translated"]


def translated(context: str, table: Mapping[str, str]) -> dict[str, str]:
    """A table of templates (code -> English) in the user's language, as it is now."""
    return {code: QCoreApplication.translate(context, text) for code, text in table.items()}
