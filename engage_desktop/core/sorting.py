"""Ordering names the way people read lists: "école" next to "Ecole", not after "Zoé".

Raw character order puts every accented or lower-case initial after "Z". The system locale's
collation would fix that but differs between machines (and the CLI, the GUI and tests must
agree), so names are compared on a locale-independent fold instead: accents removed (NFKD
without combining marks), ligatures spelt out, case folded.
"""

from __future__ import annotations

import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "đ": "d", "ł": "l"})


def folded(text: str) -> str:
    """``text`` without accents or case: "Élodie" → "elodie", "Œuvre" → "oeuvre".

    Case is folded before and after the decomposition: folding may leave a combining mark
    ("İ" → "i" + dot above) and compatibility forms may decompose to capitals ("ℌ" → "H").
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_key(name: str) -> tuple[str, str]:
    """Sort key for names: folded first, the exact text to order names that fold alike."""
    return folded(name), name
