"""Cited documents: "Kết luận số 09-KL/TU ngày 04/3/2021", "Nghị định số 39/2022/NĐ-CP".

A *number-symbol* ("số, ký hiệu") is the document's number joined to its symbol: Party style uses
a hyphen ("09-KL/TU", "92-BC/BCS"), State style a slash ("122/NQ-CP", "39/2022/NĐ-CP"). A
reference is a number-symbol, optionally preceded by the kind of document and followed by its
date. Hand-written because no library knows these symbols.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dondoc.core.spans import Span

__all__ = ["Reference", "find_references"]

_KIND_WORDS = {
    "kết luận": "ket_luan", "nghị quyết": "nghi_quyet", "chỉ thị": "chi_thi", "kế hoạch": "ke_hoach",
    "quyết định": "quyet_dinh", "thông báo": "thong_bao", "công văn": "cong_van", "báo cáo": "bao_cao",
    "tờ trình": "to_trinh", "luật": "luat", "nghị định": "nghi_dinh", "thông tư": "thong_tu",
    "văn bản": "van_ban", "chương trình": "chuong_trinh", "hướng dẫn": "huong_dan", "quy định": "quy_dinh",
    "đề án": "de_an", "thông tư liên tịch": "thong_tu", "pháp lệnh": "phap_lenh", "văn bản hợp nhất": "van_ban",
}  # fmt: skip
_SYMBOL_KIND = {
    "KL": "ket_luan", "NQ": "nghi_quyet", "CT": "chi_thi", "KH": "ke_hoach", "QĐ": "quyet_dinh",
    "TB": "thong_bao", "BC": "bao_cao", "TTr": "to_trinh", "NĐ": "nghi_dinh", "TT": "thong_tu",
    "QH": "luat", "HD": "huong_dan", "CTr": "chuong_trinh", "TTLT": "thong_tu", "VBHN": "van_ban",
}  # fmt: skip
_KIND_ALT = "|".join(sorted((re.escape(k) for k in _KIND_WORDS), key=lambda w: (-len(w), w)))
_SYM = r"[A-ZĐ][A-Za-zĐđ0-9&]*"
# The number-symbol is matched first (it starts with a digit, which is cheap to anchor on); the kind
# word and "số" are then looked for just before it.
_NUM_RE = re.compile(
    rf"(?<![\w/.-])(?P<num>\d{{1,5}}(?:\.\d{{1,3}})?(?:/\d{{4}})?\s?[-/]\s?{_SYM}(?:\s?[-/]\s?{_SYM}){{0,3}})"
    r"(?:\s*,?\s*ngày\s+(?P<date>\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
)
_BEFORE_RE = re.compile(rf"(?:(?P<kind>(?i:{_KIND_ALT}))\s+)?(?:(?P<so>số)\s*:?\s*)?$")


@dataclass(frozen=True, slots=True)
class Reference:
    kind: str | None
    number: str
    date: date | None
    span: Span

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "number": self.number,
            "date": self.date.isoformat() if self.date else None,
            "start": self.span.start,
            "end": self.span.end,
        }


def _parse_date(s: str) -> date | None:
    nums = [int(x) for x in re.findall(r"\d+", s)]
    if len(nums) != 3:
        return None
    d, m, y = nums
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_references(text: str, start: int = 0, end: int | None = None) -> list[Reference]:
    """Every cited document in ``text[start:end]``; spans are absolute."""
    end = len(text) if end is None else end
    out = []
    for m in _NUM_RE.finditer(text, start, end):
        num = re.sub(r"\s+", "", m.group("num"))
        parts = re.split(r"[-/]", num)
        codes = [re.sub(r"\d+$", "", p) for p in parts[1:] if not p.isdigit()]
        window_start = max(start, m.start() - 40)
        b = _BEFORE_RE.search(text[window_start : m.start()])
        kind_word = b.group("kind") if b else None
        has_so = bool(b and b.group("so"))
        kind = _KIND_WORDS.get(" ".join(kind_word.lower().split())) if kind_word else None
        if kind is None:
            kind = next((_SYMBOL_KIND[c] for c in codes if c in _SYMBOL_KIND), None)
        # Without a kind word or "số", accept only symbols that name a document type.
        if not kind_word and not has_so and not any(c in _SYMBOL_KIND for c in codes):
            continue
        if not codes:
            continue
        d = _parse_date(m.group("date")) if m.group("date") else None
        s = window_start + b.start() if b is not None and (kind_word or has_so) else m.start("num")
        out.append(Reference(kind, num, d, Span(s, m.end())))
    return out
