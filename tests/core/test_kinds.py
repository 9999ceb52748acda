"""Names of organisations written by their kind (``dondoc.core.kinds``)."""

from dondoc.core.kinds import kind_subject_names
from dondoc.core.spans import Span


def _names(text: str) -> list[str] | None:
    found = kind_subject_names(text, Span(0, len(text)))
    return list(found[0]) if found is not None else None


def test_the_field_a_body_is_for_is_part_of_its_name():
    # "xây dựng" after "về" names the field, not the action: the name runs on to "kiểm tra"
    text = "Cơ quan chuyên môn về xây dựng thuộc Ủy ban nhân dân cấp tỉnh kiểm tra đối với các công trình."
    assert _names(text) == ["Cơ quan chuyên môn về xây dựng thuộc Ủy ban nhân dân cấp tỉnh"]
    assert _names("Cơ quan chuyên môn về xây dựng thực hiện kiểm tra theo nội dung.") == ["Cơ quan chuyên môn về xây dựng"]


def test_a_name_too_long_with_its_field_keeps_the_shorter_reading():
    # with its field the name would pass 16 words: the clause keeps a subject, cut where it was
    text = (
        "Cơ quan chuyên môn về xây dựng thuộc Ủy ban nhân dân thành phố Hà Nội, thành phố Hồ Chí Minh "
        "kiểm tra đối với các công trình."
    )
    assert _names(text) == ["Cơ quan chuyên môn về"]


def test_a_tense_or_negation_before_the_verb_is_not_part_of_the_name():
    assert _names("Các cơ quan, đơn vị đã đầu tư hệ thống thực hiện nâng cấp.") == ["Các cơ quan, đơn vị"]
    assert _names("Hội đồng thi không xem xét đơn kiến nghị.") == ["Hội đồng thi"]
    assert _names("Chủ đầu tư chưa thực hiện kiểm tra.") == ["Chủ đầu tư"]


def test_a_managing_body_named_by_its_kind_keeps_its_managing_in_the_name():
    text = "Cơ quan quản lý nhà nước về lao động, việc làm ở trung ương, địa phương tổ chức kiểm tra việc thực hiện."
    assert _names(text) == ["Cơ quan quản lý nhà nước về lao động, việc làm ở trung ương, địa phương"]
    assert _names("Cơ quan thẩm định hồ sơ tổ chức thẩm định trong 10 ngày.") == ["Cơ quan thẩm định hồ sơ"]
