"""The one span type of dondoc.

A *span* is a half-open interval ``[start, end)`` of Python string indices (code points) into
one text. Every extracted item carries the span of its evidence; ``text[span.start:span.end]`` is
what a reviewer sees highlighted. Spans produced by the extractor index the analysed (repaired)
text; repair edits index the original text (see ``dondoc.core.edits``).

We never normalise (NFC/NFD) a string whose offsets someone else holds: Vietnamese diacritics
change length under normalisation, which would silently shift every span.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Span", "trim_span"]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open ``[start, end)`` interval of code-point offsets."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """The evidence: ``text[start:end]``."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def shift(self, delta: int) -> Span:
        return Span(self.start + delta, self.end + delta)


_TRIM = " \t\r\n\f\v\u00a0\u200b\ufeff"


def trim_span(text: str, start: int, end: int, chars: str = _TRIM) -> Span:
    """Span of ``text[start:end]`` without leading/trailing characters in ``chars``."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return Span(start, end)
