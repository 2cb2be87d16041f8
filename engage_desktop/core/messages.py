"""Messages core shows to people: English text plus a stable code and its arguments.

Core speaks English (the CLI prints it, logs keep it). A GUI in another language must not parse
that English, so every user-visible message also carries a ``code`` naming the case and
``args_text``, the variable parts as text (file path, field, value…). The GUI words the case in
its own language from a template per code and falls back to the English text for a code it does
not know (``ui.messages.coded_text``). Secrets never go into a message or its arguments.

Two shapes share that trio:

- ``CodedError``: an exception (a whole operation stopped). ``ImportFailed``, ``SendError``,
  ``SettingError`` and ``CampaignInputError`` are ``CodedError``s.
- ``CodedText``: a ``str`` (the English text) that also carries the code and arguments, for the
  many places that return messages rather than raise them (validation issues as
  ``(field, message)`` pairs). Being a ``str``, it goes wherever a message went before.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Protocol


class Coded(Protocol):
    """Anything with a code and text arguments; ``str(x)`` is its English message."""

    code: str
    args_text: tuple[str, ...]


class CodedError(Exception):
    """An error whose message is English, with ``code`` and ``args_text`` for other languages.

    ``code`` is empty when the case has no translation yet: the GUI then shows the message.
    """

    def __init__(self, message: str, code: str = "", *args: str) -> None:
        super().__init__(message)
        self.code = code
        self.args_text: tuple[str, ...] = tuple(str(a) for a in args)

    def __reduce__(self) -> tuple[Any, ...]:
        # Keeps code and arguments across processes (a big import's reading process raises
        # ImportFailed, the importing one re-raises it).
        return (self.__class__, (str(self), self.code, *self.args_text))


class CodedText(str):
    """An English message that also names its case: ``CodedText(text, code, *args)``.

    Concatenating or formatting it gives a plain ``str`` (the code is lost), so wrap the final
    sentence, not a piece of it.
    """

    code: str
    args_text: tuple[str, ...]

    def __new__(cls, message: str, code: str = "", *args: str) -> CodedText:
        text = super().__new__(cls, message)
        text.code = code
        text.args_text = tuple(str(a) for a in args)
        return text

    def __reduce__(self) -> tuple[type[CodedText], tuple[str, ...]]:
        return (CodedText, (str(self), self.code, *self.args_text))


def code_of(message: object) -> tuple[str, tuple[str, ...]]:
    """``(code, args)`` of a coded error or text; ``("", ())`` for anything else."""
    code = getattr(message, "code", "")
    args = getattr(message, "args_text", ())
    if not isinstance(code, str) or not isinstance(args, tuple):
        return "", ()
    return code, tuple(str(a) for a in args)


class MessageTable:
    """English templates by code (``{0}``, ``{1}``… for the arguments), for one area of core.

    Raising and recognising use the same templates, so a message stored as text (a campaign's
    pause reason in the database, written by the service) can still be given back its code and
    arguments for the GUI, and the two can never drift apart.
    """

    def __init__(self, templates: Mapping[str, str]) -> None:
        self.templates = dict(templates)
        self._patterns = {code: _pattern(t) for code, t in self.templates.items()}

    def english(self, code: str, *args: str) -> str:
        return self.templates[code].format(*args)

    def text(self, code: str, *args: str) -> CodedText:
        return CodedText(self.english(code, *args), code, *args)

    def recognise(self, text: str) -> CodedText | None:
        """The coded form of an English message made from one of these templates, if it is."""
        for code, pattern in self._patterns.items():
            match = pattern.fullmatch(text)
            if match is not None:
                found = match.groupdict()
                args = [found[f"a{i}"] for i in range(len(found))]
                return CodedText(text, code, *args)
        return None


def _pattern(template: str) -> re.Pattern[str]:
    """``{n}`` → a named group ``an`` (each argument once in a template), the rest literal."""
    parts = re.split(r"\{(\d+)\}", template)
    regex = "".join(
        f"(?P<a{part}>.+?)" if index % 2 else re.escape(part) for index, part in enumerate(parts)
    )
    return re.compile(regex, re.DOTALL)
