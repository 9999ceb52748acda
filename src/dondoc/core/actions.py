"""Directive verbs: the actions that make a clause a task ("xây dựng", "hoàn thành", "rà soát").

A clause needs one of these to be a task, and a ";"-fragment without one is merged into the clause
before it. The list is hand-made from the directives in shared/data: no Vietnamese lexicon marks
which verbs assign work.
"""

from __future__ import annotations

from dondoc.core.trie import trie_pattern
from dondoc.core.vietnamese import compile_vi

__all__ = ["ACTIONS", "ACTION_RE"]

# In reading order; the pattern below tries the longest first ("thực hiện" before "thực").
ACTIONS = (
    "triển khai", "tổ chức", "xây dựng", "hoàn thành", "hoàn thiện", "khởi công", "ban hành", "rà soát",
    "đẩy nhanh", "đẩy mạnh", "tập trung", "thực hiện", "chỉ đạo", "nâng cao", "tăng cường", "cải tạo",
    "chỉnh trang", "giải quyết", "tiếp tục", "nghiên cứu", "báo cáo", "bố trí", "kiểm tra", "giám sát",
    "đôn đốc", "sửa đổi", "bổ sung", "xúc tiến", "khôi phục", "phát triển", "cải thiện", "mở rộng",
    "giữ vững", "bảo đảm", "đảm bảo", "quan tâm", "nắm chắc", "nắm vững", "cải cách", "hướng dẫn",
    "tuyên truyền", "đầu tư", "chuẩn bị", "khẩn trương", "rút ngắn", "tháo gỡ", "huy động", "thu hút",
    "điều chỉnh", "đấu giá", "hạ ngầm", "kiện toàn", "sắp xếp", "luân chuyển", "quán triệt", "lãnh đạo",
    "phối hợp", "chủ trì", "tham mưu", "đề xuất", "theo dõi", "tổng kết", "sơ kết", "đánh giá", "khai thác",
    "thành lập", "phê duyệt", "thẩm định", "xử lý", "ngăn chặn", "phòng chống", "khắc phục", "mua sắm",
    "hỗ trợ", "sửa chữa", "củng cố", "sẵn sàng", "vận động", "tiếp nhận", "bàn giao", "quản lý", "ứng dụng",
    "số hóa", "chuyển đổi", "đẩy lùi", "giảm thiểu", "kiểm soát", "cắt giảm", "đơn giản hóa", "công khai",
    "chấn chỉnh", "thanh tra", "trình", "lập", "tiêm", "mua",
    "phấn đấu", "thúc đẩy", "cập nhật", "tích hợp", "đào tạo", "tập huấn", "phổ biến", "cung cấp", "tổng hợp",
    "cân đối", "phân bổ", "vận hành", "duy trì", "nâng cấp", "ưu tiên", "quảng bá", "kết nối",
    "lồng ghép", "nhân rộng", "khuyến khích", "xác minh", "trao đổi", "phân công", "đàm phán", "ký kết",
    "tuân thủ", "chấp hành", "công bố", "khen thưởng", "truyền đưa", "nộp", "chi trả", "lưu trữ",
    "bảo mật", "xác định", "xem xét", "gửi", "chia sẻ", "tham gia", "thống nhất", "giải trình", "thẩm tra",
    "chuyển giao", "phát ngôn", "đăng tải", "quyết toán", "kiến nghị", "kịp thời", "cho ý kiến", "góp ý",
)  # fmt: skip

# "quyết định" is a verb ("Quyết định nội dung chi", "Chủ tịch … quyết định việc …") but also the name of
# a document ("Quyết định này", "theo quyết định của …"): capitalised, it is the verb only where it
# opens a clause.
_DECIDE = (
    r"(?=[Qq]uy)(?:(?<!theo\s)(?<!các\s)(?<!những\s)(?<!tại\s)(?<!ngày\s)(?<!có\s)quyết\s+định"
    r"|(?:^|(?<=\n)|(?<=;\s)|(?<=\)\s))\s*Quyết\s+định)"
    r"(?!\s+(?:này|số|\d|của|phê\s+duyệt|về\s+việc|ban\s+hành|[\p{Lu}]))"
)

# "khai, nộp", "khai, thu, nộp", "khai và nộp" (thuế, phí): to declare and pay, a duty; "khai" alone is
# mostly a noun's ("bản khai", "giấy khai tử") or a form's instruction ("nhà thầu kê khai thông tin …").
_DECLARE = r"(?i:khai)(?=(?:\s*,\s*thu)?(?:\s*,\s*|\s+và\s+)nộp(?!\w))"

# (Not the "lập" of "công lập", an adjective: "Trung tâm giáo dục nghề nghiệp công lập tổ chức …"; nor the
# "trình" of "giáo trình", a textbook.)
ACTION_RE = compile_vi(
    r"(?<!\w)(?<![Cc]ông\s)(?<![Gg]iáo\s)(?P<a>(?i:"
    + trie_pattern(sorted({a.lower() for a in ACTIONS}), space=r"\s+")
    + r")|"
    + _DECLARE
    + r"|"
    + _DECIDE
    + r")(?!\w)"
)
