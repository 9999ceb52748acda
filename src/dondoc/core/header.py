"""The document header: issuer, number, place and date, kind, title, signer, recipients.

State documents follow Decree 30/2020/NĐ-CP (issuing body and "Số: 122/NQ-CP" on the left, the
national motto on the right, "Hà Nội, ngày … tháng … năm …", then the kind in capitals and the
title). Party documents follow Guideline 36-HD/VPTW ("ĐẢNG CỘNG SẢN VIỆT NAM" instead of the motto,
"Số 09-KL/TU" with a hyphen). Text extracted from PDFs or OCR often interleaves the two header
columns line by line, so each field is found by its own pattern rather than by position.

The signing block sits at the end: capacity lines ("T/M BAN THƯỜNG VỤ", "KT. THỦ TƯỚNG",
"PHÓ THỦ TƯỚNG", "(Đã ký)") and then the signer's name. "Nơi nhận:" lists one recipient per item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dondoc.core.lines import Line
from dondoc.core.spans import Span, trim_span
from dondoc.core.vietnamese import compile_vi

__all__ = ["KIND_WORDS", "Header", "Tail", "parse_header", "parse_tail", "sentence_case_body"]

# Kind words as they stand on their own line, and the symbol fragments that imply them.
KIND_WORDS: dict[str, str] = {
    "KẾT LUẬN": "ket_luan",
    "NGHỊ QUYẾT": "nghi_quyet",
    "CHỈ THỊ": "chi_thi",
    "KẾ HOẠCH": "ke_hoach",
    "QUYẾT ĐỊNH": "quyet_dinh",
    "THÔNG BÁO": "thong_bao",
    "THÔNG BÁO KẾT LUẬN": "thong_bao",
    "CÔNG VĂN": "cong_van",
    "BÁO CÁO": "bao_cao",
    "CHƯƠNG TRÌNH": "ke_hoach",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG": "ke_hoach",
    # Legal documents CONTRACTS.md has no kind for; their kind line still ends the header.
    "NGHỊ ĐỊNH": "other",
    "THÔNG TƯ": "other",
    "THÔNG TƯ LIÊN TỊCH": "other",
    "LUẬT": "other",
    "PHÁP LỆNH": "other",
}
_SYMBOL_KIND = {
    "KL": "ket_luan", "NQ": "nghi_quyet", "CT": "chi_thi", "KH": "ke_hoach", "QĐ": "quyet_dinh",
    "TB": "thong_bao", "BC": "bao_cao", "CTr": "ke_hoach",
}  # fmt: skip
_KIND_LINE_RE = compile_vi(
    r"^\s*(KẾT\s+LUẬN|NGHỊ\s+QUYẾT|CHỈ\s+THỊ|KẾ\s+HOẠCH|QUYẾT\s+ĐỊNH|THÔNG\s+BÁO(?:\s+KẾT\s+LUẬN)?|"
    r"CÔNG\s+VĂN|BÁO\s+CÁO|CHƯƠNG\s+TRÌNH(?:\s+HÀNH\s+ĐỘNG)?|KET\s+LUAN|NGHỊ\s+ĐỊNH|THÔNG\s+TƯ(?:\s+LIÊN\s+TỊCH)?|"
    r"LUẬT|PHÁP\s+LỆNH)\s*$"
)
_NUMBER_RE = compile_vi(
    r"\b[Ss]ố\s*[:.]?\s*(?P<num>\d+(?:\.\d+)?(?:/\d{4})?\s*[-/]\s*[A-ZĐa-z][A-ZĐa-zđ0-9&]*(?:\s*[-/]\s*[A-ZĐa-zđ0-9&]+)*)"
)
_PLACE_DATE_RE = compile_vi(
    r"(?P<place>[\p{Lu}]\w*(?:[ \t]+[\p{Lu}]\w*){0,3})[ \t]*,[ \t]*ngày\s+(?P<d>\d{1,2})\s+tháng\s+"
    r"(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
)
# The words an organ's name opens with, in a header's upper-case lines.
_ORGAN_START_RE = compile_vi(
    r"\s*(?:SỞ|CỤC|TỔNG\s+CỤC|CHI\s+CỤC|BAN|VĂN\s+PHÒNG|THÀNH\s+ỦY|TỈNH\s+ỦY|HUYỆN\s+ỦY|QUẬN\s+ỦY|ĐẢNG\s+ỦY|"
    r"ỦY\s+BAN|UBND|BỘ|PHÒNG|TRƯỜNG|VIỆN|HỘI\s+ĐỒNG|KHO\s+BẠC|BẢO\s+HIỂM|TRUNG\s+TÂM|CÔNG\s+TY|TẬP\s+ĐOÀN|"
    r"CÔNG\s+AN|TÒA\s+ÁN|CHÍNH\s+PHỦ|THỦ\s+TƯỚNG|ĐOÀN|HỌC\s+VIỆN|ĐẠI\s+HỌC|NGÂN\s+HÀNG|THANH\s+TRA)(?!\w)"
)
_MOTTO_RE = compile_vi(
    r"CỘNG\s+H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI|Độc\s+lập\s*-\s*Tự\s+do|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|^[\s_\-=*]+$|^\s*$"
)
_RECIPIENTS_RE = compile_vi(r"^\s*N[ơo]i\s+nh[ậâa]n\s*:?", re.MULTILINE)
_CAPACITY_RE = compile_vi(
    r"^\s*(?:T/?M\.?|TM\.|KT\.|TL\.|TUQ\.|Q\.|\(Đã ký\)|\(đã ký\)|BÍ THƯ|PHÓ BÍ THƯ|CHỦ TỊCH|PHÓ CHỦ TỊCH|"
    r"THỦ TƯỚNG|PHÓ THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|THỨ TRUỞNG|CHÁNH VĂN PHÒNG|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|TRƯỞNG BAN|"
    r"THỐNG ĐỐC|PHÓ THỐNG ĐỐC|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|PHÓ CỤC TRƯỞNG|CHÁNH ÁN|VIỆN TRƯỞNG|TỔNG KIỂM TOÁN)"
)
# A signer's name, after a military rank ("Đại tướng Lương Tam Quang") or the remains of an e-signature
# mark ("y]Phạm Thị Thanh Trà").
_NAME_RE = compile_vi(
    r"^\s*(?:[a-z]{0,3}\]\s*)?(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá)\s+)?"
    r"([\p{Lu}][\p{Ll}]+(?:\s+[\p{Lu}][\p{Ll}]+){1,4})\s*$"
)


@dataclass(frozen=True, slots=True)
class Header:
    kind: str
    kind_span: Span | None
    number: str | None
    issuer: str | None
    place: str | None
    issued_date: tuple[int, int, int] | None
    title: str | None
    title_span: Span | None
    body_start: int  # where the running text begins
    addressees: tuple[str, ...] = ()  # "Kính gửi: …" of a letter


@dataclass(frozen=True, slots=True)
class Tail:
    body_end: int  # where the running text ends (signing block or "Nơi nhận")
    signer: str | None
    capacity: str | None
    recipients: list[str] = field(default_factory=list)
    # A signing block found before the end of the text (appendices or forms follow it); the body
    # may end there (the caller decides: a regulation issued with the document may follow too).
    signed_at: int | None = None


# Names that keep their capitals inside an organ's name ("Ủy ban Thường vụ Quốc hội").
_PROPER_PHRASES = (
    ("thường vụ quốc hội", "Thường vụ Quốc hội"),
    ("quốc hội", "Quốc hội"),
    ("chính phủ", "Chính phủ"),
    ("việt nam", "Việt Nam"),
    ("mặt trận tổ quốc", "Mặt trận Tổ quốc"),
)


def sentence_case_body(name: str) -> str:
    """ "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI" -> "Ủy ban nhân dân thành phố Hà Nội" (best effort)."""
    words = name.split()
    if not words or not name.isupper():
        return " ".join(words)
    out = [words[0].capitalize()]
    proper = False
    for i, w in enumerate(words[1:], 1):
        low = w.lower()
        if proper:
            out.append(w.capitalize())
            continue
        out.append(low)
        if low in ("phố", "tỉnh", "quận", "huyện", "xã", "phường") and not (
            low == "xã" and i + 1 < len(words) and words[i + 1].lower() == "hội"
        ):
            proper = True
    # Leading organ names keep a capital on their second word: "Bộ Tài chính", "Sở Xây dựng".
    if out[0] in ("Bộ", "Sở", "Ban") and len(out) > 1:
        out[1] = out[1].capitalize()
    text = " ".join(out)
    for low, proper_form in _PROPER_PHRASES:
        text = re.sub(rf"(?<=\s){low}(?!\w)", proper_form, text)
    return text


def parse_header(text: str, lines: list[Line]) -> Header:
    """Parse the header zone (the lines before the first body paragraph)."""
    content = [ln for ln in lines if not ln.noise and not ln.blank]
    zone = content[:40]
    kind_line = next((ln for ln in zone if _KIND_LINE_RE.match(ln.text)), None)
    number, issuer, place, issued = None, None, None, None
    for ln in zone:
        if kind_line is not None and ln.start > kind_line.start:
            break
        m = _NUMBER_RE.search(ln.text)
        if m:
            number = re.sub(r"\s+", "", m.group("num"))
            break
    pd = _PLACE_DATE_RE.search(text, 0, min(len(text), (kind_line.end if kind_line else 3000)))
    if pd:
        place = pd.group("place")
        issued = (int(pd.group("y")), int(pd.group("m")), int(pd.group("d")))
    # Issuer: upper-case lines before the kind line that are neither the motto nor the number.
    issuer_lines = []
    for ln in zone:
        if kind_line is not None and ln.start >= kind_line.start:
            break
        t = ln.text.strip()
        if _MOTTO_RE.search(t) or t.startswith("Số") or (pd and ln.start <= pd.start() < ln.end):
            continue
        if t.isupper() and len(t) < 80 and not _KIND_LINE_RE.match(t):
            issuer_lines.append(t)
        if len(issuer_lines) >= 3:
            break
    if issuer_lines:
        # Party headers read "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG / THÀNH ỦY": the organ is the last line; a
        # line that does not open an organ continues the one above ("ỦY BAN THƯỜNG VỤ / QUỐC HỘI").
        cleaned = [s for s in issuer_lines if not s.startswith("ĐẢNG BỘ")] or issuer_lines
        if len(cleaned) == 2 and not _ORGAN_START_RE.match(cleaned[1]):
            cleaned = [" ".join(cleaned)]
        issuer = sentence_case_body(cleaned[-1] if len(cleaned) > 1 and len(cleaned[-1]) > 4 else cleaned[0])
    kind = "other"
    kind_span = None
    if kind_line is not None:
        word = " ".join(kind_line.text.split())
        kind = KIND_WORDS.get(word, "ket_luan" if word == "KET LUAN" else "other")
        s = kind_line.start + (len(kind_line.text) - len(kind_line.text.lstrip()))
        kind_span = Span(s, s + len(kind_line.text.strip()))
    if number:
        sym = re.split(r"[-/]", number)
        for part in sym[1:]:
            if part in _SYMBOL_KIND and kind == "other":
                kind = _SYMBOL_KIND[part]
    title, title_span, body_start = _title(text, lines, kind_line)
    if title is None:
        # A letter (công văn) has no kind line: its summary is the "V/v …" line under the number.
        vv = next((ln for ln in zone if _VV_RE.match(ln.text)), None)
        if vv is not None:
            m_vv = _VV_RE.match(vv.text)
            assert m_vv is not None
            start = vv.start + m_vv.end()
            title, title_span = vv.text[m_vv.end() :].strip() or None, trim_span(text, start, vv.end)
            body_start = max(body_start, vv.end)
            if kind == "other":
                kind = "cong_van"
    addressees, body_start = _addressees(text, lines, body_start)
    if number is None and (block := _authentication_block(text, lines)) is not None:
        # A consolidated text (VBHN) states its number, date and consolidating body where it is
        # authenticated, after the provisions: "BỘ CÔNG THƯƠNG / Số: 40/VBHN-BCT / XÁC THỰC VĂN BẢN
        # HỢP NHẤT / Hà Nội, ngày 26 tháng 5 năm 2026".
        number, by, place, issued = block
        issuer = by or issuer
    if issuer is not None:
        issuer = _CONSOLIDATED_BY_RE.sub("", issuer) or None  # "Văn bản hợp nhất - văn phòng Quốc hội"
    return Header(kind, kind_span, number, issuer, place, issued, title, title_span, body_start, addressees)


_AUTHENTICATED_RE = compile_vi(r"XÁC\s+THỰC\s+VĂN\s+BẢN\s+HỢP\s+NHẤT")
_CONSOLIDATED_BY_RE = compile_vi(r"^(?i:văn\s+bản\s+hợp\s+nhất)\s*-\s*")


def _authentication_block(
    text: str, lines: list[Line]
) -> tuple[str, str | None, str | None, tuple[int, int, int] | None] | None:
    """The number, consolidating body, place and date of a consolidated text's authentication block
    (the last "XÁC THỰC VĂN BẢN HỢP NHẤT" with a "Số: …/VBHN-…" near it), or None."""
    marks = list(_AUTHENTICATED_RE.finditer(text))
    if not marks:
        return None
    mark = marks[-1]
    lo, hi = max(0, mark.start() - 300), min(len(text), mark.end() + 300)
    num = next((m for m in _NUMBER_RE.finditer(text, lo, hi) if "VBHN" in m.group("num")), None)
    if num is None:
        return None
    pd = _PLACE_DATE_RE.search(text, lo, hi)
    place = pd.group("place") if pd else None
    issued = (int(pd.group("y")), int(pd.group("m")), int(pd.group("d"))) if pd else None
    # The body: the upper-case lines just above the number ("BỘ LAO ĐỘNG - THƯƠNG BINH / VÀ XÃ HỘI").
    above = [ln.text.strip() for ln in lines if lo <= ln.start < num.start() and not ln.blank and not ln.noise]
    names: list[str] = []
    for t in reversed(above):
        if not t.isupper() or _CAPACITY_RE.match(t) or _AUTHENTICATED_RE.search(t):
            break
        names.insert(0, t)
    by = sentence_case_body(" ".join(names)) if names else None
    return re.sub(r"\s+", "", num.group("num")), by, place, issued


_VV_RE = compile_vi(r"^\s*V/v\.?\s*:?\s*")
_KINH_GUI_RE = compile_vi(r"^\s*Kính\s+gửi\s*:?\s*")


def _addressees(text: str, lines: list[Line], body_start: int) -> tuple[tuple[str, ...], int]:
    """The addressees of a letter ("Kính gửi: - Cục Thuế các tỉnh; - …") and where its body starts."""
    content = [ln for ln in lines if not ln.noise]
    for i, ln in enumerate(content[:80]):
        m = _KINH_GUI_RE.match(ln.text)
        if m is None:
            continue
        names: list[str] = []
        rest = ln.text[m.end() :].strip(" -–•;.,")
        if rest:
            names.append(rest)
        end = ln.end
        for nxt in content[i + 1 : i + 15]:
            t = nxt.text.strip()
            if not t or t[0] not in "-–•+":
                break
            names.append(t.lstrip("-–•+ ").rstrip(" ;.,"))
            end = nxt.end
        return tuple(n for n in names if n), max(body_start, end)
    return (), body_start


_TITLE_STOP_RE = compile_vi(
    r"^\s*(?:Căn\s+cứ|Tại\s|Ngày\s|Thực\s+hiện|Theo\s+đề\s+nghị|Xét\s|Trên\s+cơ\s+sở|Kính\s+gửi|CHÍNH\s+PHỦ\s*$|"
    r"QUYẾT\s+NGHỊ|QUYẾT\s+ĐỊNH\s*:|[\p{Lu} ]+\s+QUYẾT\s+ĐỊNH\s*:|I\.\s|1\.\s|_{3,}|-{3,})"
)


def _title(text: str, lines: list[Line], kind_line: Line | None) -> tuple[str | None, Span | None, int]:
    if kind_line is None:
        return None, None, 0
    idx = lines.index(kind_line)
    picked: list[Line] = []
    after_blank = False
    for ln in lines[idx + 1 : idx + 12]:
        if ln.noise:
            continue
        if ln.blank:
            after_blank = bool(picked)
            continue
        stripped = ln.text.strip()
        # Titles converted from HTML are split by blank lines: go on only with title-like lines.
        if after_blank and not (stripped.isupper() or stripped[:1].islower()):
            break
        if _TITLE_STOP_RE.match(ln.text) or (picked and len(ln.text.strip()) > 120):
            break
        if picked and not (ln.text.strip()[:1].islower() or ln.text.strip().isupper() or len(picked) < 4):
            break
        picked.append(ln)
        if len(picked) >= 5:
            break
    if not picked:
        return None, None, kind_line.end
    # Party conclusions put the meeting line first ("HỘI NGHỊ THÀNH ỦY LẦN THỨ 3"): the title is the "về …" part.
    about = next((i for i, ln in enumerate(picked) if re.match(r"\s*[Vv]\s?[ềỀ]\s", ln.text)), 0)
    chosen = picked[about:]
    start = chosen[0].start + (len(chosen[0].text) - len(chosen[0].text.lstrip()))
    end = chosen[-1].end
    while end > start and text[end - 1].isspace():
        end -= 1
    title = " ".join(text[start:end].split())
    if title.isupper():
        title = title[0] + title[1:].lower()
    return title, Span(start, end), picked[-1].end


def parse_tail(text: str, lines: list[Line], body_start: int) -> Tail:
    """Find "Nơi nhận", the signing block and the signer at the end of the document."""
    rec_m = None
    for m in _RECIPIENTS_RE.finditer(text, body_start):
        rec_m = m
    recipients: list[str] = []
    body_end = len(text)
    if rec_m is not None:
        body_end = rec_m.start()
        recipients = _recipients(text, rec_m.end())
    signer = capacity = None
    signed_at: int | None = None
    # Signing block: scan the last lines of the body (and after the recipients, where layouts put it).
    tail_lines = [ln for ln in lines if ln.start >= body_start and not ln.noise and not ln.blank]
    cap_lines: list[Line] = []
    for ln in tail_lines[-40:]:
        if _CAPACITY_RE.match(ln.text):
            cap_lines.append(ln)
    if cap_lines:
        first_cap = cap_lines[0]
        if first_cap.start > body_start and first_cap.start < body_end:
            body_end = first_cap.start
        capacity = " / ".join(" ".join(c.text.split()) for c in cap_lines if "ký" not in c.text)
        after = [ln for ln in tail_lines if ln.start > cap_lines[-1].start]
        signer = next((_NAME_RE.match(ln.text).group(1) for ln in after if _NAME_RE.match(ln.text)), None)  # type: ignore[union-attr]
    if signer is None:
        # Gazette texts put appendices and forms after the signature: the signing block is then the
        # first run of capacity lines in the body that a person's name follows.
        first = _first_signature(tail_lines)
        if first is not None:
            signer, block = first
            if body_start < block < body_end:
                signed_at = block
    if signer is None:
        # OCR often loses the capacity lines; the name is then the last short proper-name line.
        for ln in reversed(tail_lines[-6:]):
            nm = _NAME_RE.match(ln.text)
            if nm and not ln.text.strip().startswith(("Nơi", "Lưu")):
                signer = nm.group(1)
                if ln.start < body_end:
                    body_end = ln.start
                break
    while body_end > body_start and text[body_end - 1].isspace():
        body_end -= 1
    return Tail(body_end, signer, capacity or None, recipients, signed_at)


def _recipients(text: str, pos: int) -> list[str]:
    out: list[str] = []
    current: list[str] = []
    for raw in text[pos:].split("\n"):
        t = raw.strip()
        if not t:
            if current:
                out.append(" ".join(current))
                current = []
            continue
        if _CAPACITY_RE.match(t) or (_NAME_RE.match(t) and not t.startswith("-")):
            break
        if t[0] in "-–•+":
            if current:
                out.append(" ".join(current))
            current = [t.lstrip("-–•+ ").strip()]
        elif current:
            current.append(t)
        else:
            current = [t]
    if current:
        out.append(" ".join(current))
    return [re.sub(r"[,;.]\s*$", "", r).strip() for r in out if r.strip()]


def _first_signature(lines: list[Line]) -> tuple[str, int] | None:
    """The signer's name and where the signing block starts, for the first run of capacity lines
    that a person's name follows."""
    for i, ln in enumerate(lines):
        if not _CAPACITY_RE.match(ln.text) or not ln.text.strip().isupper():
            continue
        for nxt in lines[i + 1 : i + 5]:
            name = _NAME_RE.match(nxt.text)
            if name is not None:
                return name.group(1), ln.start
            if not _CAPACITY_RE.match(nxt.text) and not nxt.text.strip().isupper():
                break  # (an upper-case line is still the block's: "PHÓ THỐNG ĐÔC", misspelt)
    return None
