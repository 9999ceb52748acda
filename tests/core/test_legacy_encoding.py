import unicodedata

import pytest

from dondoc.core.legacy_encoding import (
    decode_legacy_bytes,
    decode_tcvn3,
    decode_vni,
    encode_tcvn3,
    encode_vni,
    repair_legacy_text,
    vietnamese_score,
)
from dondoc.errors import EncodingError

TEXT = (
    "Ban Thường vụ Thành ủy kết luận về tình hình, kết quả thực hiện nhiệm vụ Quý I và nhiệm vụ "
    "trọng tâm Quý II năm 2021. Đẩy nhanh tiến độ xây dựng cầu Bến Rừng; Sở Kế hoạch và Đầu tư "
    "chủ trì, phối hợp với các sở, ngành hoàn thành trước ngày 30/6/2021."
)


def to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps base letters precomposed and tones as combining marks."""
    out = b""
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in d if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        out += (base + tones).encode("cp1258")
    return out


def test_tcvn3_known_bytes():
    # "Bảo Thắng", "Mường Khương" as the ABC fonts store them
    assert encode_tcvn3("Bảo Thắng") == b"B\xb6o Th\xbeng"
    assert decode_tcvn3(b"M\xad\xeang Kh\xad\xacng") == "Mường Khương"


def test_vni_known_text():
    assert decode_vni("Xin chaøo caùc baïn, Vieät Nam") == "Xin chào các bạn, Việt Nam"
    assert encode_vni("đường") == "ñöôøng".encode("cp1252")


@pytest.mark.parametrize("encode", [encode_tcvn3, encode_vni], ids=["tcvn3", "vni"])
def test_round_trip(encode):
    data = encode(TEXT)
    assert data != TEXT.encode("utf-8")
    assert decode_legacy_bytes(data).text == TEXT


@pytest.mark.parametrize(
    ("encode", "name"), [(encode_tcvn3, "tcvn3"), (encode_vni, "vni"), (to_cp1258, "cp1258")]
)
def test_detects_encoding(encode, name):
    got = decode_legacy_bytes(encode(TEXT))
    assert got.encoding == name
    assert got.text == TEXT
    assert unicodedata.is_normalized("NFC", got.text)


def test_all_caps_heading_survives_tcvn3():
    assert decode_tcvn3(encode_tcvn3("ĐẢNG CỘNG SẢN VIỆT NAM")) == "ĐẢNG CỘNG SẢN VIỆT NAM"


def test_refuses_when_unsure():
    with pytest.raises(EncodingError, match="UTF-8"):
        decode_legacy_bytes(bytes(range(0x80, 0x100)) * 4)


def test_repair_legacy_text_in_unicode_string():
    vni_as_text = encode_vni(TEXT).decode("cp1252")
    fixed = repair_legacy_text(vni_as_text)
    assert fixed is not None and fixed.encoding == "vni" and fixed.text == TEXT
    tcvn_as_text = encode_tcvn3(TEXT).decode("cp1252", errors="replace")
    fixed = repair_legacy_text(tcvn_as_text)
    assert fixed is not None and fixed.encoding == "tcvn3"


def test_real_unicode_text_is_left_alone():
    with open("examples/ket-luan-thanh-uy-hai-phong-2021-q2.ocr.txt", encoding="utf-8") as f:
        sample = f.read()
    assert repair_legacy_text(sample) is None
    assert repair_legacy_text(TEXT) is None
    assert vietnamese_score(TEXT)[0] == 1.0
