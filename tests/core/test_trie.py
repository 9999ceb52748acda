"""The prefix-tree alternation matches exactly what the plain alternation matches."""

import re

from hypothesis import given
from hypothesis import strategies as st

from dondoc.core.trie import trie_pattern

WORDS = ["thực hiện", "thực", "tổ chức", "tổng hợp", "tổ", "báo cáo", "bảo đảm", "kiểm tra", "kiểm soát"]


def _plain(words):
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def test_longest_word_first_and_spaces():
    spaced = trie_pattern(WORDS, space=r"\s+")
    rx = re.compile(rf"(?:{spaced})(?!\w)")
    assert rx.match("thực hiện ngay").group() == "thực hiện"
    assert rx.match("thực\n  hiện").group() == "thực\n  hiện"
    assert rx.match("tổ chức").group() == "tổ chức" and rx.match("tổ ").group() == "tổ"


@given(st.text(alphabet="thựciệnổ ứhgợpbáo", max_size=40))
def test_same_matches_as_a_plain_alternation(text):
    trie = re.compile(rf"(?<!\w)(?:{trie_pattern(WORDS)})(?!\w)")
    plain = re.compile(rf"(?<!\w)(?:{_plain(WORDS)})(?!\w)")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
