"""Headings over rules, not duties: the sections whose items a reader of tasks passes over.

A list of conditions, criteria, cases or rights ("… khi đáp ứng các điều kiện sau:", "Điều 8. Quyền của
người lao động"), what a text holds ("Quy chế … gồm các nội dung sau:"), how a council works ("Hoạt động
của hội đồng quản trị"), an article on scope, definitions or transition, and one that allots competence.
Pure: headings and sections in, booleans out.

Hand-written for the same reason as the task rules: no library reads Vietnamese directive syntax.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from dondoc.core.outline import Section
from dondoc.core.vietnamese import compile_vi

__all__ = [
    "in_competence_article",
    "lineage",
    "lists_no_duties",
    "no_duties_above",
    "under_conduct",
    "under_criteria",
]

# Provisions that rule, not assign: scope, subjects, definitions, principles, transition, forms.
_NO_DUTIES_HEADING_RE = compile_vi(
    r"(?i:\W*(?:những\s+)?(?:phạm\s+vi|đối\s+tượng|giải\s+thích|nguyên\s+tắc|"
    r"(?:quy\s+định|điều\s+khoản)\s+chuyển\s+tiếp|hiệu\s+lực|mẫu|biểu\s+mẫu|điều\s+kiện|tiêu\s+chuẩn|hồ\s+sơ|"
    r"trình\s+tự|thủ\s+tục|(?:thẩm\s+)?quyền(?!\s+hạn\s+và\s+trách)|xử\s+lý\s+vi\s+phạm|mức|cách\s+tính|phương\s+pháp|phân\s+loại))"
)

# A heading over a list of conditions, criteria, cases or the parts of a file: "… được hưởng lương hưu
# khi đáp ứng các điều kiện sau đây:", "Hồ sơ gồm:", "… trong các trường hợp sau:".
_CONDITIONS_RE = compile_vi(
    r"(?i:(?:(?:điều\s+kiện|tiêu\s+chuẩn|tiêu\s+chí|trường\s+hợp)(?:\s+[^\W\d]+){0,4}?\s+(?:sau(?:\s+đây)?|như\s+sau)"
    r"|hồ\s+sơ\s+(?:gồm|bao\s+gồm)(?:\s+[^\W\d]+){0,4}?)\s*:\s*$)"
)
# What a text holds, not what anyone does: "2. Quy chế hoạt động của Hội đồng quản lý bao gồm các nội dung chủ
# yếu sau:" (not "Cục Hàng không Việt Nam thực hiện … bao gồm các nội dung sau:", a body's work).
_CONTENTS_RE = compile_vi(
    r"(?i:\W*(?:các\s+)?(?:quy\s+chế|kế\s+hoạch|báo\s+cáo|đề\s+án|chương\s+trình|phương\s+án|hợp\s+đồng|điều\s+lệ|"
    r"văn\s+bản|quy\s+định|tài\s+liệu|thông\s+báo)(?!\w)[^.:;]{0,160}?(?<!\w)gồm\s+(?:các|những)\s+nội\s+dung"
    r"(?:\s+[^\W\d]+){0,2}?\s+(?:sau(?:\s+đây)?|như\s+sau)\s*:\s*$)"
)
# A heading over a list of rights: "… có các quyền sau đây:", "Điều 8. Quyền của người lao động".
_RIGHTS_RE = compile_vi(
    r"(?i:(?:^\W*|\s)(?:có\s+(?:các\s+|những\s+)?quyền\s+(?:sau(?:\s+đây)?|như\s+sau)\s*:\s*$|^\W*quyền\s+của\s))"
)
# How a council works (its meetings, quorum, votes): rules of its conduct, not duties ("3. Hoạt động của hội
# đồng quản trị", "Chế độ làm việc của Hội đồng").
_CONDUCT_RE = compile_vi(
    r"(?i:\W*(?:hoạt\s+động|chế\s+độ\s+(?:làm\s+việc|họp)|nguyên\s+tắc\s+(?:làm\s+việc|hoạt\s+động))\s+của\s+"
    r"(?:các\s+)?(?:hội\s+đồng|ban\s+kiểm\s+soát|đại\s+hội)(?!\w))"
)
_DUTY_STATED_RE = compile_vi(r"(?i:(?<!\w)có\s+(?:nhiệm\s+vụ|trách\s+nhiệm)(?!\w))")

# A heading that is a list of criteria or conditions: "Tiêu chuẩn về trình độ đào tạo, bồi dưỡng:", "Yêu
# cầu đối với viên chức dự thi hoặc xét thăng hạng …".
_CRITERIA_RE = compile_vi(
    r"(?i:\W*(?:các\s+)?(?:tiêu\s+chuẩn|tiêu\s+chí|điều\s+kiện(?!\s+(?:bảo\s+đảm|đảm\s+bảo))|"
    r"yêu\s+cầu\s+đối\s+với\s+(?:viên\s+chức|công\s+chức|người))(?!\w))"
)
# An article that allots competence ("Điều 21. Thẩm quyền và trách nhiệm của Ủy ban nhân dân cấp tỉnh").
_COMPETENCE_RE = compile_vi(r"(?i:\W*thẩm\s+quyền(?!\w))")


def lists_no_duties(heading: str) -> bool:
    """Whether a heading introduces items that are conditions, cases or rights, not duties ("… khi đáp
    ứng các điều kiện sau:", "Tổ chức công đoàn có các quyền sau đây:", "Điều 8. Quyền của người lao động",
    "3. Tiêu chuẩn về năng lực chuyên môn, nghiệp vụ:")."""
    return bool(
        _CONDITIONS_RE.search(heading) or _RIGHTS_RE.search(heading) or _CRITERIA_RE.match(heading) or _CONTENTS_RE.match(heading)
    )


def under_conduct(text: str, sections: Sequence[Section], i: int) -> bool:
    """Whether section ``i`` is an item of how a council works ("3. Hoạt động của hội đồng quản trị / a) Hội
    đồng quản trị làm việc theo nguyên tắc tập thể …") that states no duty of its own."""
    sec = sections[i]
    if sec.parent is None or not _CONDUCT_RE.match(sections[sec.parent].heading):
        return False
    return not _DUTY_STATED_RE.search(text, sec.start, sec.end)


def under_criteria(sections: Sequence[Section], i: int) -> bool:
    """Whether a section is, or lies under, a list of criteria ("3. Tiêu chuẩn về năng lực chuyên môn:"),
    within its article."""
    for sec in lineage(sections, i):
        if sec.marker is None or sec.is_article or sec.is_part:
            return False  # (an article on criteria may still assign their assessment)
        if _CRITERIA_RE.match(sec.heading):
            return True
    return False


def no_duties_above(sections: Sequence[Section], i: int) -> bool:
    """Whether section ``i`` lies under a heading over rules (scope, definitions, conditions, rights …)."""
    return any(lists_no_duties(sec.heading) or _NO_DUTIES_HEADING_RE.match(sec.heading) for sec in lineage(sections, i))


def lineage(sections: Sequence[Section], i: int) -> Iterator[Section]:
    """Section ``i`` and those that hold it, innermost first."""
    j: int | None = i
    while j is not None:
        yield sections[j]
        j = sections[j].parent


def in_competence_article(sections: Sequence[Section], i: int) -> bool:
    """Whether section ``i`` lies in an article that allots competence ("Điều 21. Thẩm quyền …")."""
    article = next((sec for sec in lineage(sections, i) if sec.is_article), None)
    return article is not None and _COMPETENCE_RE.match(article.heading) is not None
