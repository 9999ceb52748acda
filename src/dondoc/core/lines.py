"""The lines of a document, with what each is: running text, a blank, or page furniture.

*Noise* lines are gazette page furniture ("CÔNG BÁO/Số 283/Ngày 25-05-2026", the page number under
it, "Ký bởi: …", a digital signature's fields) and the footnotes a consolidated text prints at a
page's foot or among the provisions ("11 Khoản này được sửa đổi, bổ sung theo quy định tại …"):
they interrupt the running text and must not break a paragraph or start a section. The footnote
numbers found here let the outline read "1.20 Chỉ đạo …" as clause 1 with footnote 20.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["FOOTNOTE_RE", "Line", "footnote_numbers", "split_lines"]

# A consolidated text's footnote, printed among the provisions: "11 Khoản này được sửa đổi, bổ sung theo
# quy định tại …", "20 Cụm từ “tổ chức bảo hiểm y tế” được thay thế bằng …".
_FOOTNOTE_OF = r"(?:Khoản|Điều|Điểm|Mục|Chương|Phụ\s+lục|Cụm\s+từ|Từ|Tên)\s"  # what a footnote says was changed
_FOOTNOTE_VERBS = r"sửa\s+đổi|bổ\s+sung|bãi\s+bỏ|thay\s+thế|đính\s+chính"
_FOOTNOTE_TEXT = _FOOTNOTE_OF + r"[^\n]{0,80}?(?:được|bị)\s+(?:" + _FOOTNOTE_VERBS + r")[^\n]*"
_FOOTNOTE = r"(?:\d{1,3}\s*)?" + _FOOTNOTE_TEXT
FOOTNOTE_RE = re.compile(r"\s*" + _FOOTNOTE)
_FOOTNOTE_NUMBER_RE = re.compile(r"\s*(\d{1,3})\s*" + _FOOTNOTE_TEXT)
_NOISE_RE = re.compile(
    r"^\s*(?:CÔNG\s*BÁO\s*/\s*Số[^\n]*|\d{1,4}|Ký\s+bởi:.*|Người\s+ký:.*|Cơ\s+quan:.*|Ngày\s+ký:.*|Email:.*|"
    r"Thời\s+gian\s+ký:.*|_{3,}|-{3,}|={3,}|\*{3,}|\.{3,}|" + _FOOTNOTE + r")\s*$"
)


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int  # excluding the newline
    text: str
    noise: bool
    blank: bool


def split_lines(text: str) -> list[Line]:
    lines = []
    pos = 0
    prev_header = 0  # lines since the last gazette page header
    for raw in text.split("\n"):
        end = pos + len(raw)
        stripped = raw.strip()
        noise = False
        if stripped and len(stripped) < 100 and (stripped[0] in "CKNEkT_-=*." or stripped[0].isdigit()):
            noise = _NOISE_RE.match(raw) is not None
            # A bare number is page furniture only right under a gazette header; elsewhere it is content.
            if noise and stripped.isdigit() and prev_header > 2:
                noise = False
        if stripped.startswith("CÔNG"):
            prev_header = 0
        elif stripped:
            prev_header += 1
        lines.append(Line(pos, end, raw, noise, not stripped))
        pos = end + 1
    _numbers_over_headers(lines)
    _footnote_blocks(lines)
    _footnote_tails(lines)
    return lines


def _numbers_over_headers(lines: list[Line]) -> None:
    """Mark as noise a bare page number printed over the gazette header that follows it ("30" then
    "CÔNG BÁO/Số 399 + 400/Ngày 12-6-2022", the layout of even pages), after the blank line that ends
    the page's text (not a table's last cell, "2027", right before the header)."""
    for k, ln in enumerate(lines):
        if ln.noise or ln.blank or not ln.text.strip().isdigit() or len(ln.text.strip()) > 3:
            continue
        if k == 0 or not lines[k - 1].blank:
            continue
        after = next((x for x in lines[k + 1 : k + 4] if not x.blank), None)
        if after is not None and after.noise and after.text.lstrip().startswith("CÔNG"):
            lines[k] = Line(ln.start, ln.end, ln.text, True, ln.blank)


_FOOTNOTE_BLOCK_LINES = 40  # the most lines a page's footnotes take


def _footnote_blocks(lines: list[Line]) -> None:
    """Mark as noise the whole of each block of footnotes at the foot of a gazette page: from its first
    numbered footnote to the next page's header. A footnote's later lines and footnotes of another
    shape ("10 Nội dung quy định về thuế … được bãi bỏ …") are page furniture too."""
    k = 0
    while k < len(lines):
        ln = lines[k]
        if ln.noise and ln.text.lstrip()[:1].isdigit() and _FOOTNOTE_NUMBER_RE.match(ln.text):
            ahead = range(k + 1, min(len(lines), k + _FOOTNOTE_BLOCK_LINES))
            stop = next((j for j in ahead if lines[j].text.lstrip().startswith("CÔNG")), None)
            if stop is not None:
                for j in range(k + 1, stop):
                    lines[j] = Line(lines[j].start, lines[j].end, lines[j].text, True, lines[j].blank)
                k = stop
        k += 1


# A footnote's opening, its words broken over lines ("3 Cụm từ “Thanh tra chuyên ngành về …, bảo \nhiểm y tế.”
# được bỏ theo quy định tại …"), and a line that starts a provision, where a footnote has ended.
_FOOTNOTE_START_RE = re.compile(r"\s*\d{1,3}\s*" + _FOOTNOTE_OF)
_FOOTNOTE_ACROSS_RE = re.compile(
    _FOOTNOTE_START_RE.pattern + r"[^\n]{0,120}\n[^\n]{0,120}?(?:được|bị)\s+(?:" + _FOOTNOTE_VERBS + r"|bỏ)"
)
_PROVISION_START_RE = re.compile(r"\s*(?:Điều\s+\d|Chương\s|Mục\s+\d|\d{1,2}\.|[a-zđ]\)|[-+]\s)")
_FOOTNOTE_TAIL_LINES = 6  # the most lines one footnote printed among the provisions takes


def _footnote_tails(lines: list[Line]) -> None:
    """Mark as noise the whole of each footnote a consolidated text prints among its provisions, not
    only its first line: "10 Cụm từ “…” được thay thế \nbằng cụm từ “…” theo quy định tại … Thông tư số
    138/2025/TT-BTC ngày 30 tháng 12 năm \n2025 của Bộ trưởng Bộ Tài chính sửa đổi, bổ sung …", whose
    later lines would read as a clause; and one whose words "được bỏ" fall on its second line. It ends at
    the line that ends with a full stop, a blank line or a provision's marker."""
    for k, ln in enumerate(lines):
        if ln.blank or not _FOOTNOTE_START_RE.match(ln.text):
            continue
        if not ln.noise and not _FOOTNOTE_ACROSS_RE.match("\n".join(x.text for x in lines[k : k + 2])):
            continue
        j = k
        while True:
            lines[j] = Line(lines[j].start, lines[j].end, lines[j].text, True, lines[j].blank)
            if lines[j].text.rstrip().endswith(".") or j + 1 >= len(lines) or j + 1 - k >= _FOOTNOTE_TAIL_LINES:
                break
            nxt = lines[j + 1]
            if nxt.blank or nxt.noise or _PROVISION_START_RE.match(nxt.text) or _FOOTNOTE_START_RE.match(nxt.text):
                break
            j += 1


def footnote_numbers(lines: list[Line]) -> frozenset[int]:
    """The numbers of a consolidated text's footnotes ("20 Khoản này được sửa đổi, bổ sung …")."""
    found = set()
    for ln in lines:
        if ln.noise and ln.text.lstrip()[:1].isdigit():
            m = _FOOTNOTE_NUMBER_RE.match(ln.text)
            if m is not None:
                found.add(int(m.group(1)))
    return frozenset(found)
