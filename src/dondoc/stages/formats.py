"""What a file is: its format, from its content first and its name second; and a text file decoded
to NFC (UTF-8, UTF-16, or a legacy Vietnamese encoding: Windows-1258, TCVN3, VNI)."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from dondoc.core.legacy_encoding import decode_legacy_bytes, repair_legacy_text
from dondoc.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    UnsupportedFormatError,
)

if TYPE_CHECKING:
    pass

from dondoc.stages.ingested import Format

__all__ = [
    "IMAGE_SUFFIXES",
    "INPUT_SUFFIXES",
    "TEXT_SUFFIXES",
    "decode_text",
    "decode_text_and_encoding",
    "detect_format",
]

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".csv", ""})
INPUT_SUFFIXES = IMAGE_SUFFIXES | {".txt", ".md", ".pdf", ".docx"}


def _decode_text_with_encoding(data: bytes, *, name: str) -> tuple[str, str]:
    if not data.strip():
        raise EmptyInputError("the file is empty; give a document with text", path=name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise EncodingError("invalid UTF-16 text; save the file as UTF-8", path=name) from exc
    head = data[:8192]
    if b"\x00" in head:
        # UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
        zeros_even, zeros_odd = head[0::2].count(0), head[1::2].count(0)
        if max(zeros_even, zeros_odd) > len(head) / 2 * 0.3 and min(zeros_even, zeros_odd) < len(head) * 0.02:
            enc = "utf-16-le" if zeros_odd > zeros_even else "utf-16-be"
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                pass
        raise BinaryInputError(
            "this looks like a binary file, not text; give a .txt, .pdf, .docx or image file", path=name
        )
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    decoded = decode_legacy_bytes(data, name=name)  # raises EncodingError when unsure
    return decoded.text, decoded.encoding


def decode_text(data: bytes, *, name: str = "input") -> str:
    """Decode a text file to NFC: UTF-8 (BOM or not), UTF-16, or - detected - Windows-1258, TCVN3, VNI.

    Text that is valid UTF-8 but reads as a legacy font encoding ("Vieät Nam") is converted too.
    Raises ``EmptyInputError``, ``BinaryInputError`` or ``EncodingError``.
    """
    return decode_text_and_encoding(data, name=name)[0]


def decode_text_and_encoding(data: bytes, *, name: str) -> tuple[str, str]:
    text, encoding = _decode_text_with_encoding(data, name=name)
    if not text.strip():
        raise EmptyInputError("the file contains no text", path=name)
    fixed = repair_legacy_text(text)
    if fixed is not None:
        text, encoding = fixed.text, f"{encoding}+{fixed.encoding}"
    return unicodedata.normalize("NFC", text), encoding


_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"II*\x00",
    b"MM\x00*",
    b"BM",
    b"GIF87a",
    b"GIF89a",
)


def detect_format(data: bytes, name: str) -> Format:
    """Recognise the format from the content, then the file name; refuse what we cannot read."""
    suffix = Path(name).suffix.lower()
    if data[:1024].lstrip().startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or suffix == ".docx":
            return "docx"
        raise UnsupportedFormatError(
            "this is a ZIP-based file but not a Word document (.docx); save it as .docx or PDF", path=name
        )
    if data.startswith(_IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return "image"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFormatError(
            "old Word/Excel format (.doc/.xls) is not supported; save it as .docx or PDF", path=name
        )
    if suffix == ".pdf":
        raise UnsupportedFormatError(
            "the PDF is damaged or not a PDF; re-export or re-scan it and try again", path=name
        )
    if suffix in IMAGE_SUFFIXES:
        raise UnsupportedFormatError(
            "cannot read this image (damaged or unknown format); give a PNG, JPEG or TIFF", path=name
        )
    if suffix in {".xlsx", ".xls", ".pptx", ".ppt", ".odt", ".rtf", ".zip", ".rar", ".7z", ".exe", ".html"}:
        raise UnsupportedFormatError(
            f"{suffix} files are not supported; give a .pdf, .docx, .txt or an image (.png/.jpg/.tif)",
            path=name,
        )
    return "text"
