"""Clauses: a block of a task section cut into the parts that may each be a task.

Sentences split at ". X" (a capital next) and at line-initial bullets, and after a short label that
ends its line ("c) Báo cáo, thông tin hằng ngày:"); inside a sentence, ";" separates clauses unless the
sentence has opened a list with ":" ("các công trình: A; B; C"), whose parts are items of one task.
Fragments with no action of their own ("cầu Bến Rừng; cầu Vũ Yên"), that only elaborate the clause
before ("nhất là …", "bảo đảm …") or only say when ("Định kỳ 06 tháng, trước ngày 31 tháng 7; …") are
merged into their neighbour.

Hand-written for the same reason as the task rules: no library parses Vietnamese directives.
"""

from __future__ import annotations

import re

from dondoc.core.actions import ACTION_RE
from dondoc.core.spans import Span, trim_span
from dondoc.core.vietnamese import compile_vi

__all__ = ["split_clauses", "split_sentences"]

# "…; hoàn thành trong quý II năm 2026": the deadline of the clause before, not a task of its own.
_DEADLINE_ONLY_RE = compile_vi(
    r"(?i:^\s*(?:hoàn\s+thành|thực\s+hiện\s+xong|xong)\s+(?:trong|trước|chậm\s+nhất|vào|cuối|đầu|giữa|ngay)(?!\w))"
)
# Clause openers that only elaborate the previous clause.
_ELABORATION_RE = compile_vi(
    r"^\s*(?:nhất\s+là|đặc\s+biệt(?:\s+là)?|trong\s+đó|kể\s+cả|bao\s+gồm|gồm|như|trước\s+hết|"
    r"gắn\s+với|không\s+để|tránh|theo\s|về\s|"
    # "…; bảo đảm đúng thời hạn, ngắn gọn": how, not what ("…; bảo đảm quyền lợi cho …" is a duty)
    r"(?:bảo\s+đảm|đảm\s+bảo)\s+(?:đúng|chính\s+xác|kịp\s+thời|ngắn\s+gọn|đầy\s+đủ|trung\s+thực|hiệu\s+quả|"
    r"tiết\s+kiệm|phù\s+hợp|tuân\s+thủ|không|dễ|thống\s+nhất|hạch\s+toán))",
    re.IGNORECASE,
)
# "Định kỳ 06 tháng, trước ngày 31 tháng 7": a time and no more.
_TIME_ONLY_RE = compile_vi(
    r"(?i:\W*(?:định\s+kỳ|hằng|hàng|trước\s+ngày|chậm\s+nhất|trong\s+(?:tháng|quý|năm))(?:\s|,)[\w\s,/.-]{0,80})"
)
# "cung cấp thông tin về …; tình hình sản xuất; công tác quản lý, điều hành giá …", "cập nhật … về chính
# sách …; thông tin về các điều ước …; danh sách doanh nghiệp …": what is to be provided, listed, not a
# clause of its own although "quản lý", "ký kết" are verbs elsewhere.
# "…; quy định của pháp luật về cung cấp thông tin …": the rules it must follow, not a clause of its own.
_NOMINAL_RE = compile_vi(
    r"^\s*(?:tình\s+hình|công\s+tác|diễn\s+biến|số\s+liệu|danh\s+mục|quy\s+định\s+(?:của|tại|hiện\s+hành|về|liên\s+quan)|"
    r"giải\s+pháp\s|mức\s+(?:chi|thu|hỗ\s+trợ|phí|lương)|"
    r"thông\s+tin\s+(?:về|xử\s+phạt)|chính\s+sách,|danh\s+sách)\s",
    re.IGNORECASE,
)
# "…; quy định về kết nối … và chỉ đạo triển khai …": "quy định" is a verb when another action joins it.
_RULES_AND_ACTS_RE = compile_vi(r"(?i:\s*quy\s+định\s+về\s[^;]*?\svà\s+)" + rf"(?:{ACTION_RE.pattern})")
_LIST_COLON_RE = compile_vi(r"(?:như|gồm|sau|trình|án|thể)\s*:")
_SENT_SPLIT_RE = compile_vi(
    r"(?<=[.!?])\s+(?=[\"“(]?[\p{Lu}])|(?<=\.)\s*\n\s*|\n\s*(?=[-+•]\s)|:\s*(?=[\"“]\s*(?:\d{1,2}[.)]|[a-zđ]\)|Điều\s))|(?<=sau:)[^\S\n]*\n\s*(?=[\p{Lu}])"
)
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_LABEL_END_RE = compile_vi(r":[^\S\n]*\n\s*(?=[\p{Lu}])")
_ASSIGNING_RE = compile_vi(r"(?i:trách\s+nhiệm|giao|đề\s+nghị|yêu\s+cầu|chủ\s+trì|phối\s+hợp|nhiệm\s+vụ|sau)")
# A clause that opens with the number of a quoted provision ("“4. Cơ quan có thẩm quyền …"): the
# clause starts after it.
_LEADING_NUMBER_RE = compile_vi(r"[\"“]?\s*(?:\d{1,2}[.)]|[a-zđ]\))\s+(?=[\p{Lu}])")


def split_clauses(text: str, start: int, end: int) -> list[Span]:
    """Split a block into clauses, merging verbless and elaborating fragments into their predecessor.

    Sentences split at ". X" (capital next) and at line-initial bullets; inside a sentence, ";"
    separates clauses unless the sentence has opened a list with ":" ("các công trình: A; B; C"),
    whose parts are items of one task.
    """
    if end <= start:
        return []  # ("Điều 3. " alone: the heading's end is past the section's trimmed end)
    merged: list[Span] = []
    for sent in split_sentences(text, start, end):
        colon = _LIST_COLON_RE.search(text, sent.start, sent.end)
        if colon is not None and _parts_are_actions(text, colon.end(), sent.end):
            colon = None  # "… các nhiệm vụ sau: rà soát …; đẩy mạnh …": duties, not items of one task
        pos = sent.start
        frags: list[Span] = []
        for m in re.finditer(r";\s*", text[sent.start : sent.end]):
            cut = sent.start + m.start()
            if colon is not None and cut > colon.start():
                break
            frags.append(Span(pos, cut))
            pos = sent.start + m.end()
        frags.append(Span(pos, sent.end))
        for k, sp in enumerate(frags):
            sp = trim_span(text, sp.start, sp.end)
            if len(sp) == 0:
                continue
            frag = text[sp.start : sp.end]
            weak = (
                _ELABORATION_RE.match(frag)
                or (_NOMINAL_RE.match(frag) and not _RULES_AND_ACTS_RE.match(frag))
                or not ACTION_RE.search(frag)
                or len(frag.split()) < 4
                or (_DEADLINE_ONLY_RE.match(frag) and len(frag.split()) <= 10)
            )
            # A verbless sentence continues the one before (an OCR-broken line), but not across a
            # blank line: "Nghị quyết này được … thông qua ngày …" is a paragraph of its own.
            new_paragraph = bool(merged) and _BLANK_LINE_RE.search(text, merged[-1].end, sp.start) is not None
            # "Định kỳ 06 tháng, trước ngày 31 tháng 7; định kỳ hằng năm …, báo cáo …": a part with no
            # action before the ";" is the time of the action after it
            timed = (
                k > 0
                and bool(merged)
                and frags[k - 1].start <= merged[-1].start
                and _TIME_ONLY_RE.fullmatch(text, merged[-1].start, merged[-1].end) is not None
            )
            if (merged and k > 0 and (weak or timed)) or (
                merged and k == 0 and not new_paragraph and (not ACTION_RE.search(frag) or len(frag.split()) < 3)
            ):
                merged[-1] = Span(merged[-1].start, sp.end)
            else:
                merged.append(sp)
    out = []
    for sp in merged:
        lead = _LEADING_NUMBER_RE.match(text, sp.start, sp.end)
        if lead is not None:
            sp = Span(lead.end(), sp.end)
        e = sp.end
        while e > sp.start and text[e - 1] in ";,. \n\t":
            e -= 1
        if e > sp.start:
            out.append(Span(sp.start, e))
    return out


def _parts_are_actions(text: str, start: int, end: int) -> bool:
    """Whether the ";"-separated parts of a list each open with a directive verb."""
    parts = [p for p in re.split(r";", text[start:end]) if p.strip()]
    return len(parts) >= 2 and all(ACTION_RE.match(p.strip()) for p in parts)


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    out = []
    pos = start
    for m in _SENT_SPLIT_RE.finditer(text, start, end):
        out.extend(_after_label(text, pos, m.start()))
        pos = m.end()
    out.extend(_after_label(text, pos, end))
    return out


def _after_label(text: str, start: int, end: int) -> list[Span]:
    """ "c) Báo cáo, thông tin hằng ngày:" then, on the next line, "Bộ Ngoại giao thực hiện …": a short
    label ends with the line; what follows is a sentence of its own. A label that assigns ("Bộ Y tế có
    trách nhiệm:", "Giao …:") keeps its items, which are its subject's."""
    m = _LABEL_END_RE.search(text, start, end)
    if m is None or len(text[start : m.start()].split()) > 12 or _ASSIGNING_RE.search(text, start, m.start()):
        return [Span(start, end)]
    return [Span(start, m.start()), Span(m.end(), end)]
