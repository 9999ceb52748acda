"""OCR repair stage (placeholder until the repair model lands: returns the text unchanged)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Edit", "RepairResult", "repair_text"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``original_text[start:end]`` (== ``original``) by ``replacement``."""

    start: int
    end: int
    original: str
    replacement: str
    confidence: float
    applied: bool = True

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "replacement": self.replacement,
            "confidence": round(self.confidence, 4),
            "applied": self.applied,
        }


@dataclass(frozen=True, slots=True)
class RepairResult:
    text: str
    original_text: str
    edits: list[Edit] = field(default_factory=list)


def repair_text(text: str) -> RepairResult:
    return RepairResult(text=text, original_text=text, edits=[])
