"""The phrases a clause opens with before its subject or its verb.

A basis or a purpose ("Trên cơ sở …,", "Căn cứ …,", "Để …,"), a time or a deadline ("Hằng năm,",
"Trước ngày 15/12,"), a condition ("Trường hợp …,", "Đối với …,"), a duty title ("Trách nhiệm của X:").
The readers of subjects (``owners``, ``kinds``, ``headings``) and of tasks share them.
"""

from __future__ import annotations

from dondoc.core.vietnamese import compile_vi

__all__ = ["CONDITION_OPENER_RE", "DEADLINE_OPENER", "DUTY_OF_RE", "OPENER_RE", "TIME_OPENER_RE"]


# Opening phrases before a clause's subject ("Trên cơ sở …,", "Trong quá trình thực hiện, …").
OPENER_RE = compile_vi(
    r"(?i:\s*(?:trên\s+cơ\s+sở|căn\s+cứ|trong\s+quá\s+trình|trong\s+trường\s+hợp|trường\s+hợp|theo\s+chức\s+năng|"
    r"để|nhằm|sau\s+khi|khi|ngoài(?:\s+việc)?|đối\s+với|trong\s+thời\s+(?:hạn|gian(?=\s+\d))|chậm\s+nhất|"
    r"(?:định\s+kỳ|(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần))(?=[^,.;:]{0,40},))(?!\w))"
)

# "Trách nhiệm của X", "Nhiệm vụ, quyền hạn, trách nhiệm của X", "Thẩm quyền và trách nhiệm của X",
# "Nghĩa vụ của X" (not "Quyền hạn của X", nor "Quyền và nghĩa vụ của X", whose items mix rights in,
# nor a chapter on "Quyền, trách nhiệm của cơ quan, tổ chức, cá nhân").
DUTY_OF_RE = compile_vi(
    r"(?i:\s*(?:(?:(?:thẩm\s+)?quyền(?:\s+hạn)?(?:\s*,|\s+và)\s*)?(?:trách\s+nhiệm|nhiệm\s+vụ)"
    r"(?:(?:\s*,\s*(?:và\s+)?|\s+và\s+)(?:trách\s+nhiệm|nhiệm\s+vụ|quyền(?:\s+hạn)?)){0,2}"
    r"|nghĩa\s+vụ(?:(?:\s*,\s*|\s+và\s+)trách\s+nhiệm)?"
    r"|(?:chế\s+độ\s+)?báo\s+cáo\s+định\s+kỳ|chế\s+độ\s+báo\s+cáo|quan\s+hệ\s+công\s+tác)\s+của\s+)"
)

# A deadline that opens a clause, up to its comma: "Trước ngày 03 hằng tháng, ", "Chậm nhất là ngày 15/12, ",
# or its colon, after a consolidated text's footnote number: "10 Chậm nhất đến hết ngày 31 tháng 12 năm 2026: ".
DEADLINE_OPENER = (
    r"(?:\d{1,3}\s+)?(?:trước|chậm\s+nhất(?:\s+(?:là|vào|đến))*)\s+(?:hết\s+)?ngày\s[^,;:.\n]{1,40}?[,:]\s*"
)

# A time that opens a clause ("Hằng năm, ", "Định kỳ hằng quý, ") or a deadline that does.
TIME_OPENER_RE = compile_vi(
    rf"(?i:\s*(?:(?:định\s+kỳ\s+)?(?:hằng|hàng|định\s+kỳ)\s+(?:năm|quý|tháng|tuần)\s*,?\s*|{DEADLINE_OPENER}))"
)

# An opening phrase that states a condition ("Trường hợp …, ", "Đối với …, ", "Khi …, ").
CONDITION_OPENER_RE = compile_vi(r"(?i:\W*(?:trong\s+)?(?:trường\s+hợp|đối\s+với|khi|sau\s+khi|nếu)(?!\w))")
