"""The starting tree of units: the city, its Party and State bodies, departments and districts.

Units are editable afterwards (API ``/api/units``). The gazetteer of Vietnamese bodies
(``dondoc.resources.gazetteer()``) gives ``normalise_unit_name`` the canonical name to match the many
spellings of one body ("UBND thành phố" / "Ủy ban nhân dân thành phố"), then a light
normalisation (NFC, case, spaces, common abbreviations) is applied.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["DEFAULT_UNITS", "normalise_unit_name"]

# (name, short_name, kind, parent name)
DEFAULT_UNITS: tuple[tuple[str, str | None, str, str | None], ...] = (
    ("Thành ủy Hải Phòng", "Thành ủy", "party", None),
    ("Ban Thường vụ Thành ủy", "BTV Thành ủy", "party", "Thành ủy Hải Phòng"),
    ("Văn phòng Thành ủy", "VPTU", "party", "Thành ủy Hải Phòng"),
    ("Ban Tuyên giáo Thành ủy", None, "party", "Thành ủy Hải Phòng"),
    ("Ban Tổ chức Thành ủy", None, "party", "Thành ủy Hải Phòng"),
    ("Ban Dân vận Thành ủy", None, "party", "Thành ủy Hải Phòng"),
    ("Ủy ban Kiểm tra Thành ủy", None, "party", "Thành ủy Hải Phòng"),
    ("Đảng đoàn Hội đồng nhân dân thành phố", "Đảng đoàn HĐND", "party", "Thành ủy Hải Phòng"),
    ("Ban cán sự đảng Ủy ban nhân dân thành phố", "BCS đảng UBND", "party", "Thành ủy Hải Phòng"),
    ("Đảng đoàn Mặt trận Tổ quốc Việt Nam thành phố", "Đảng đoàn MTTQ", "party", "Thành ủy Hải Phòng"),
    ("Hội đồng nhân dân thành phố", "HĐND thành phố", "state", None),
    ("Ủy ban nhân dân thành phố", "UBND thành phố", "state", None),
    ("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "department", "Ủy ban nhân dân thành phố"),
    ("Sở Tài chính", None, "department", "Ủy ban nhân dân thành phố"),
    ("Sở Xây dựng", None, "department", "Ủy ban nhân dân thành phố"),
    ("Sở Giao thông vận tải", "Sở GTVT", "department", "Ủy ban nhân dân thành phố"),
    ("Sở Công Thương", None, "department", "Ủy ban nhân dân thành phố"),
    ("Sở Tài nguyên và Môi trường", "Sở TN&MT", "department", "Ủy ban nhân dân thành phố"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT", "department", "Ủy ban nhân dân thành phố"),
    ("Sở Y tế", None, "department", "Ủy ban nhân dân thành phố"),
    ("Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "department", "Ủy ban nhân dân thành phố"),
    ("Sở Văn hóa và Thể thao", None, "department", "Ủy ban nhân dân thành phố"),
    ("Sở Du lịch", None, "department", "Ủy ban nhân dân thành phố"),
    ("Sở Nội vụ", None, "department", "Ủy ban nhân dân thành phố"),
    ("Sở Tư pháp", None, "department", "Ủy ban nhân dân thành phố"),
    ("Sở Thông tin và Truyền thông", "Sở TT&TT", "department", "Ủy ban nhân dân thành phố"),
    ("Sở Khoa học và Công nghệ", "Sở KH&CN", "department", "Ủy ban nhân dân thành phố"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH", "department", "Ủy ban nhân dân thành phố"),
    ("Ban Quản lý Khu kinh tế Hải Phòng", "BQL KKT", "department", "Ủy ban nhân dân thành phố"),
    ("Công an thành phố", None, "department", "Ủy ban nhân dân thành phố"),
    ("Bộ Chỉ huy Quân sự thành phố", None, "department", "Ủy ban nhân dân thành phố"),
    ("Cục Thuế thành phố", None, "department", "Ủy ban nhân dân thành phố"),
    ("Cục Hải quan thành phố", None, "department", "Ủy ban nhân dân thành phố"),
    ("Quận Hồng Bàng", None, "district", "Ủy ban nhân dân thành phố"),
    ("Quận Ngô Quyền", None, "district", "Ủy ban nhân dân thành phố"),
    ("Quận Lê Chân", None, "district", "Ủy ban nhân dân thành phố"),
    ("Quận Hải An", None, "district", "Ủy ban nhân dân thành phố"),
    ("Quận Kiến An", None, "district", "Ủy ban nhân dân thành phố"),
    ("Quận Đồ Sơn", None, "district", "Ủy ban nhân dân thành phố"),
    ("Quận Dương Kinh", None, "district", "Ủy ban nhân dân thành phố"),
    ("Huyện Thủy Nguyên", None, "district", "Ủy ban nhân dân thành phố"),
    ("Huyện An Dương", None, "district", "Ủy ban nhân dân thành phố"),
    ("Huyện An Lão", None, "district", "Ủy ban nhân dân thành phố"),
    ("Huyện Kiến Thụy", None, "district", "Ủy ban nhân dân thành phố"),
    ("Huyện Tiên Lãng", None, "district", "Ủy ban nhân dân thành phố"),
    ("Huyện Vĩnh Bảo", None, "district", "Ủy ban nhân dân thành phố"),
    ("Huyện Cát Hải", None, "district", "Ủy ban nhân dân thành phố"),
    ("Huyện Bạch Long Vĩ", None, "district", "Ủy ban nhân dân thành phố"),
)

_ABBREVIATIONS = (
    (r"\bubnd\b", "ủy ban nhân dân"),
    (r"\bhđnd\b", "hội đồng nhân dân"),
    (r"\bmttq\b", "mặt trận tổ quốc"),
    (r"\bbtv\b", "ban thường vụ"),
    (r"\bbcs\b", "ban cán sự"),
    (r"\btp\.?(?=\s|$)", "thành phố"),
    (r"uỷ", "ủy"),
)


def _light_normalise(name: str) -> str:
    text = unicodedata.normalize("NFC", name).casefold()
    for pattern, repl in _ABBREVIATIONS:
        text = re.sub(pattern, repl, text)
    return re.sub(r"[\s,.;:]+", " ", text).strip()


def unit_name_of(owner: str) -> str:
    """The name a new unit takes from an owner: an office-holder's body ("Bộ trưởng Bộ Công an" ->
    "Bộ Công an"), else the owner as written."""
    try:
        from dondoc.core.gazetteer import office_body
        from dondoc.resources import gazetteer

        return office_body(gazetteer(), owner) or owner
    except Exception:  # never let the gazetteer break the store
        return owner


@lru_cache(maxsize=65536)
def normalise_unit_name(name: str) -> str:
    """A key under which different spellings of one body compare equal."""
    try:
        from dondoc.resources import gazetteer

        canonical = gazetteer().normalise(name)
    except Exception:  # the gazetteer is young; never let it break an import
        canonical = name
    return _light_normalise(canonical)
