"""Vietnamese names of the codes users see (document kinds, buckets, owner roles, section kinds).

One table each, shared by the CLI view, the web pages and the reports, so a wording change is made once.
"""

from __future__ import annotations

__all__ = ["BUCKET_NAMES", "KIND_NAMES", "OWNER_ROLE_NAMES", "SECTION_KIND_NAMES"]

KIND_NAMES: dict[str, str] = {
    "ket_luan": "Kết luận",
    "nghi_quyet": "Nghị quyết",
    "chi_thi": "Chỉ thị",
    "ke_hoach": "Kế hoạch",
    "quyet_dinh": "Quyết định",
    "thong_bao": "Thông báo",
    "cong_van": "Công văn",
    "bao_cao": "Báo cáo",
    "other": "Văn bản",
}
BUCKET_NAMES: dict[str, str] = {
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "open_not_due": "Chưa hoàn thành, trong hạn",
    "open_overdue": "Chưa hoàn thành, quá hạn",
}
OWNER_ROLE_NAMES: dict[str, str] = {"lead": "Chủ trì", "support": "Phối hợp", "monitor": "Theo dõi"}
SECTION_KIND_NAMES: dict[str, str] = {
    "results": "kết quả",
    "limitations": "hạn chế",
    "tasks": "nhiệm vụ",
    "implementation": "tổ chức thực hiện",
    "other": "khác",
}
