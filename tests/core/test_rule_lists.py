"""Headings over rules, not duties (``dondoc.core.rule_lists``)."""

from dondoc.core.lines import split_lines
from dondoc.core.outline import parse_outline
from dondoc.core.rule_lists import in_competence_article, lists_no_duties, no_duties_above, under_conduct, under_criteria


def _sections(text):
    return parse_outline(text, split_lines(text), body_start=0)


def test_headings_over_conditions_rights_and_contents_list_no_duties():
    assert lists_no_duties("Người lao động được hưởng lương hưu khi đáp ứng các điều kiện sau đây:")
    assert lists_no_duties("Quyền của người lao động")  # (an article's heading, without "Điều 8.")
    assert lists_no_duties("Quy chế hoạt động của Hội đồng quản lý bao gồm các nội dung chủ yếu sau:")
    assert not lists_no_duties("2. Sở Y tế có trách nhiệm:")


def test_items_under_criteria_scope_and_competence():
    text = "Điều 5. Thẩm quyền của Ủy ban nhân dân cấp tỉnh\n1. Tiêu chuẩn về trình độ:\na) Có bằng đại học.\n"
    secs = _sections(text)
    last = len(secs) - 1
    assert under_criteria(secs, last)
    assert in_competence_article(secs, last)
    assert no_duties_above(secs, last)


def test_a_council_s_conduct_is_rules_unless_an_item_states_a_duty():
    text = (
        "1. Hoạt động của hội đồng quản trị\n"
        "a) Hội đồng quản trị làm việc theo nguyên tắc tập thể.\n"
        "b) Hội đồng quản trị có trách nhiệm báo cáo kết quả các cuộc họp.\n"
    )
    secs = _sections(text)
    assert [under_conduct(text, secs, i) for i in range(len(secs))] == [False, True, False]
