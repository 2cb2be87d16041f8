"""Guess how a text table was saved: its encoding and its delimiter, from the first bytes.

French spreadsheets save CSV as cp1252 with ``;`` ("CSV (séparateur: point-virgule)") or as
UTF-8 with a byte-order mark; other tools write plain UTF-8 with ``,`` or tabs.
"""

from __future__ import annotations

import codecs
import csv
from dataclasses import dataclass
from pathlib import Path

from engage_desktop.core.imports.errors import ImportFailed

SAMPLE_BYTES = 256 * 1024
DELIMITERS = (";", ",", "\t")
DELIMITER_NAMES = {";": "semicolon", ",": "comma", "\t": "tab"}


@dataclass(frozen=True)
class TextFormat:
    """How to read a text table: ``encoding`` is a Python codec name ("utf-8-sig", "cp1252")."""

    encoding: str
    delimiter: str

    @property
    def label(self) -> str:
        names = {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "cp1252": "Windows-1252"}
        return f"{names.get(self.encoding, self.encoding)}, {DELIMITER_NAMES[self.delimiter]}"


def sniff_text_file(path: Path) -> TextFormat:
    with open(path, "rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    if not sample.strip():
        raise ImportFailed(f"{path.name} is empty.", "empty", path.name)
    encoding = detect_encoding(sample, path.name)
    text = _decode_sample(sample, encoding)
    return TextFormat(encoding, detect_delimiter(text))


def detect_encoding(sample: bytes, name: str = "the file") -> str:
    """UTF-8 with BOM, then strict UTF-8, then cp1252 (which decodes all but five bytes)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in sample[:4096]:
        raise ImportFailed(
            f"{name} looks like UTF-16 or a binary file, not a CSV text file: save it again as "
            "'CSV UTF-8' or 'CSV (séparateur: point-virgule)'.",
            "not_text",
            name,
        )
    try:
        _decode_sample(sample, "utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = sample[: exc.start].count(b"\n") + 1
        raise ImportFailed(
            f"{name}: line {line} has byte 0x{sample[exc.start]:02x}, which is neither UTF-8 nor "
            "Windows-1252 (cp1252) text. Save the file again as 'CSV UTF-8'.",
            "bad_byte",
            name,
            str(line),
            f"0x{sample[exc.start]:02x}",
        ) from None
    return "cp1252"


def _decode_sample(sample: bytes, encoding: str) -> str:
    """Decode, forgiving only a multi-byte character cut at the end of the sample."""
    decoder = codecs.getincrementaldecoder(encoding)()
    return str(decoder.decode(sample, final=False))


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the same number (> 1) of fields most often."""
    lines = text.splitlines()[:50]
    if len(text) >= SAMPLE_BYTES - 4 and len(lines) > 1:
        lines = lines[:-1]  # the last sampled line may be cut
    best, best_score = ";", (-1, -1)
    for delimiter in DELIMITERS:
        try:
            widths = [len(row) for row in csv.reader(lines, delimiter=delimiter) if row]
        except csv.Error:
            continue
        if not widths or widths[0] < 2:
            continue
        agreeing = sum(1 for w in widths if w == widths[0])
        score = (agreeing, widths[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best
