"""A regex for a word list with its alternatives factored by common prefix.

"tổ chức|tổng hợp" becomes "t(?:ổ(?: chức|ng hợp))": the engine follows one branch per character
instead of trying every word at every position. The directive verbs and the gazetteer's hundreds of
body names are searched in every clause, so this is most of the speed of the extractor. Python's
``re`` does not factor alternations itself; no small library does it for ``re`` patterns.
"""

from __future__ import annotations

import re

__all__ = ["trie_pattern"]

_END = ""


def trie_pattern(words: list[str], *, space: str = " ") -> str:
    """The alternation of ``words`` as a prefix tree; a space in a word matches ``space`` (a regex).

    Where one word is a prefix of another, the longer is tried first, as in an alternation sorted
    longest-first.
    """
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for tok in re.findall(r"\s+|\S", w):
            node = node.setdefault(" " if tok.isspace() else tok, {})
        node[_END] = {}
    return _walk(trie, space)


def _walk(node: dict[str, dict], space: str) -> str:
    branches = [(space if ch == " " else re.escape(ch)) + _walk(sub, space) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body
