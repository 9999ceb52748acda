"""The regular grammar of Vietnamese time expressions, as tables of regex fragments.

This module only *builds* patterns; ``dondoc.core.timeexpr`` runs them and turns matches into
dates. Terms:

- an *atom* is one calendar unit: a date ("ngày 15 tháng 3 năm 2020", "30/9/2021"), a month
  ("tháng 4/2021"), a part of a month ("đầu tháng 4"), a quarter ("Quý II/2021"), a run of months
  counted from the start or the end of a year ("6 tháng đầu năm", "9 tháng năm 2021"), a year;
- a *body* is an atom, a list of atoms sharing one year ("Quý I, II năm 2021") or a range
  ("từ năm 2021 đến năm 2025", "giai đoạn 2021 - 2025");
- a *prefix* is the words before a body that say how a deadline relates to it ("trước", "chậm
  nhất", "trong", "đến hết", "từ", "giai đoạn");
- *relative* expressions count from an event ("trong 15 ngày kể từ ngày …"); *recurring* ones
  repeat ("hằng năm", "định kỳ 6 tháng").

Why hand-written: date libraries (dateparser, duckling ports, parsedatetime) target Western
formats and web text; none knows "Quý II/2021", "6 tháng đầu năm", "giai đoạn 2021 - 2025" or
tells "122/NQ-CP" (a document number) from a date, and none reports which relation ("trước",
"trong", "đến") a deadline has. The grammar is regular, so one compiled alternation scans a whole
document in a single pass; order inside each alternation is priority (longer forms first),
because Python's ``re`` takes the first alternative that matches, not the longest.

All literals are lower case: the patterns are compiled with ``re.IGNORECASE``. Whitespace between
words may include one line break (gazette and OCR text wrap lines anywhere).
"""

from __future__ import annotations

__all__ = [
    "ANCHOR_DIGIT",
    "ANCHOR_WORD",
    "ATOM",
    "BODY",
    "DATE_ANY",
    "LEAD",
    "LOOKBACK",
    "MAIN",
    "PREFIX",
    "REL_YEAR_WORDS",
]

# Horizontal space; a gap between words (at most one line break); optional gap.
# Atomic groups: a long run of spaces (gazette tables) must not be re-split on backtracking,
# which would make a failing match quadratic in the run's length.
_H = r"[^\S\n]"
# Runs are bounded so that an expression starts at most LOOKBACK characters before its anchor.
WS = rf"(?>{_H}{{1,6}}\n?{_H}{{0,6}}|\n{_H}{{0,6}})"
OWS = rf"(?>{_H}{{0,6}}\n?{_H}{{0,6}})"
# Date separators: "/", "-", en dash, with OCR spaces ("30 / 9 / 2021", "30/9/ 2021"), or a bare dot.
SEP = rf"(?:{_H}{{0,2}}[/\-–]{_H}{{0,2}}|\.)"
# Month/year separator after "tháng 4" or "Quý II" ("tháng 4/2021", "Quý II-2021").
MSEP = rf"(?:{_H}{{0,2}}[/\-–]{_H}{{0,2}})"
DASH = rf"(?:{OWS}[\-–—]{OWS})"

# "tháng 8,8" in a table is a decimal number, not August.
DAY = r"(?:0?[1-9]|[12]\d|3[01])(?!\d|,\d)"
MON = r"(?:0?[1-9]|1[0-2])(?!\d|,\d)"
YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)(?!\d)"
QNUM = r"(?:iv|i{1,3}|0?[1-4])(?![\w])"

NGAY = r"ng[àa]y"
THANG = r"th[áa]ng"
NAM = r"n[ăã]m"
QUY = r"qu[ýyí]"

# A year named by its relation to another ("năm sau"): the date is relative, not calendar.
REL_YEAR_WORDS = r"(?:sau|tiếp{WS}theo|kế{WS}tiếp|liền{WS}kề|liền{WS}trước|trước|báo{WS}cáo|tới|nay|hiện{WS}hành)"
_RELY = REL_YEAR_WORDS.replace("{WS}", WS)

# "…/2021", "… năm 2021", ", năm 2021", "… của năm 2021", "… năm sau".
YSUF = rf"(?:{MSEP}{YEAR}|,?{WS}(?:của{WS})?{NAM}{WS}(?:{YEAR}|{_RELY}(?!\w)))"

# A numeric date must not touch a digit, slash or letter: keeps "39/2022/NĐ-CP", "1.250.000" out.
_NUM_BEFORE = r"(?<![\w/.,\-])"
_NUM_AFTER = rf"(?!\d|{_H}?/|-[^\W\d_]|\.\d|,\d)"
DATE_NUM = rf"{_NUM_BEFORE}{DAY}{SEP}{MON}{SEP}{YEAR}{_NUM_AFTER}"
DATE_WORDS = (
    rf"(?:{NGAY}{WS}{DAY}{WS}{THANG}{WS}{MON}(?:{YSUF})?"
    rf"|{_NUM_BEFORE}{DAY}{WS}{THANG}{WS}{MON},?{WS}{NAM}{WS}{YEAR})"
)
DATE_DM = rf"{NGAY}{WS}{DAY}{_H}{{0,2}}[/\-]{_H}{{0,2}}{MON}(?:{_H}*{NAM}{WS}(?:{YEAR}|{_RELY}(?!\w)))?{_NUM_AFTER}"
# A date with its optional "ngày": what find_dates and parse_date accept (year required).
DATE_ANY = (
    rf"(?:{NGAY}{WS}{DAY}{WS}{THANG}{WS}{MON}(?:{MSEP}|,?{WS}{NAM}{WS}){YEAR}"
    rf"|{_NUM_BEFORE}{DAY}{WS}{THANG}{WS}{MON},?{WS}{NAM}{WS}{YEAR}"
    rf"|(?:{NGAY}{WS})?{DATE_NUM})"
)
DATE = rf"(?:(?:{NGAY}{WS})?{DATE_NUM}|{DATE_WORDS}|{DATE_DM})"

PART = r"(?:đầu|giữa|cuối)"
MONTH = rf"(?:{PART}{WS})?{THANG}{WS}{MON}(?:{YSUF}|(?!{MSEP}\d))"
# "tháng 4, 5/2021" (bare items need a year), "tháng 4 và tháng 5", "tháng 4 - 6/2021".
_LSEP = rf"(?:{OWS}(?:,|;|và|hoặc){OWS})"
_RSEP = rf"(?:{DASH}|{WS}(?:đến|tới){WS}(?:hết{WS})?)"
MONTH_LIST = (
    rf"(?:{THANG}{WS}{MON}(?:(?:{_LSEP}|{_RSEP})(?:{THANG}{WS})?{MON})+{YSUF}"
    rf"|{THANG}{WS}{MON}(?:(?:{_LSEP}|{_RSEP}){THANG}{WS}{MON})+(?:{YSUF})?)"
)
QUARTER = (
    rf"(?:{PART}{WS})?{QUY}{WS}{QNUM}"
    rf"(?:(?:{_LSEP}|{_RSEP})(?:{QUY}{WS}{QNUM}|(?:iv|i{{1,3}})(?![\w])))*(?:{YSUF})?"
)
_NMONTHS = r"(?:0?[1-9]|1[01]|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mười{WS}một)".replace("{WS}", WS)
MONTHS_OF_YEAR = (
    rf"(?:{_NMONTHS}{WS}{THANG}{WS}(?:đầu|cuối){WS}{NAM}(?:{WS}(?:{YEAR}|{_RELY}(?!\w)))?"
    rf"|{_NMONTHS}{WS}{THANG}(?:{WS}của)?{WS}{NAM}{WS}{YEAR}"
    rf"|nửa{WS}(?:đầu|cuối){WS}{NAM}(?:{WS}{YEAR})?)"
)
YEAR_PART = rf"{PART}{WS}{NAM}{WS}{YEAR}"
YEAR_ATOM = rf"{NAM}{WS}{YEAR}"
_YEARISH = rf"(?:{NAM}{WS})?{YEAR}"
# "2021 - 2025" must not be a frequency band ("băng tần 2500-2520 MHz") or a number range.
_BARE_YEAR = rf"{_NUM_BEFORE}{YEAR}"
YEAR_RANGE = (
    rf"(?:(?:{NAM}{WS})?{_BARE_YEAR}{DASH}{_YEARISH}"
    rf"|{_YEARISH}{WS}(?:đến|tới){WS}(?:hết{WS})?{_YEARISH})"
    rf"(?!{OWS}(?:[khgm]hz|km|m\b|%))"
)
YEAR_LIST = rf"{NAM}{WS}{YEAR}(?:{_LSEP}(?:{NAM}{WS})?{YEAR})+"

# A single atom, in priority order (a date before the month it contains).
ATOM = rf"(?:{DATE}|{MONTH}|{QUARTER}|{MONTHS_OF_YEAR}|{YEAR_PART}|{YEAR_ATOM})"
# "từ A đến (hết) B", "A - B": a range of atoms.
RANGE = rf"(?:{ATOM}(?:{WS}(?:đến|tới){WS}(?:hết{WS})?|{DASH})(?:{NGAY}{WS})?{ATOM})"

BODY = (
    rf"(?:(?P<b_range>{YEAR_RANGE}|{RANGE})"
    rf"|(?P<b_mlist>{MONTH_LIST})"
    rf"|(?P<b_ylist>{YEAR_LIST})"
    rf"|(?P<b_atom>{ATOM}))"
)

# Words before a body, by relation. Longer forms first.
_P_BY = (
    r"hoàn{WS}thành{WS}trước|xong{WS}trước|trước"
    r"|chậm{WS}nhất(?:{WS}(?:là|vào|đến|trong|trước))?|muộn{WS}nhất(?:{WS}(?:là|vào))?"
    r"|hạn{WS}chót(?:{WS}là)?|thời{WS}hạn(?:{WS}(?:hoàn{WS}thành|thực{WS}hiện|báo{WS}cáo))?(?:{WS}là)?"
    r"|thời{WS}gian{WS}hoàn{WS}thành|hạn(?:{WS}(?:hoàn{WS}thành|báo{WS}cáo))?"
    r"|không{WS}(?:quá|muộn{WS}hơn|chậm{WS}hơn)"
)
_P_UNTIL = r"(?:cho{WS})?(?:đến|tới)(?:{WS}(?:hết|trước))?|hết"
_P_FROM = r"(?:kể|bắt{WS}đầu|tính){WS}từ|từ(?:{WS}sau)?"
_P_WITHIN = r"(?:ngay{WS})?trong(?:{WS}(?:suốt|cả|các|giai{WS}đoạn|thời{WS}kỳ))?"
_P_DURING = r"giai{WS}đoạn|thời{WS}kỳ|thời{WS}gian(?:{WS}thực{WS}hiện)?|vào|các|kỳ"
PREFIX = (
    rf"(?:(?:{_P_BY}|{_P_UNTIL}|{_P_FROM}|{_P_WITHIN}|{_P_DURING})(?:{_H}{{0,3}}:)?{WS})".replace("{WS}", WS)
)

_RECUR_UNIT = r"(?:năm|quý|tháng|tuần|ngày)"
RECUR_SUFFIX = rf"{WS}(?:hằng|hàng|mỗi){WS}{_RECUR_UNIT}(?!\w)"
RECUR = (
    rf"(?:định{WS}kỳ(?:{WS}(?:hằng|hàng|mỗi))?(?:{WS}(?:\d{{1,2}}|một|hai|ba|sáu){WS}{_RECUR_UNIT}"
    rf"|{WS}{_RECUR_UNIT})?(?:{WS}(?:một|1){WS}lần)?"
    rf"|(?:hằng|hàng|mỗi){WS}{_RECUR_UNIT}|thường{WS}xuyên)(?!\w)"
)

# Durations: "trong 15 ngày", "30 ngày làm việc", "sau 06 tháng kể từ …".
_N = (
    r"(?:\d{1,3}(?:[,.]\d{1,2})?|một|hai|ba|bốn|năm|sáu|bảy|tám|chín"
    r"|mười(?:{WS}(?:lăm|năm|một|hai|ba|bốn))?|hai{WS}mươi|ba{WS}mươi)"
)
_N = _N.replace("{WS}", WS)
_UNIT = r"(?:ngày|tháng|năm|tuần|quý|giờ)"
_KETU = rf"{WS}(?:kể|tính){WS}từ(?:{WS}(?:{DATE}|ngày|khi|thời{WS}điểm))?"
_RELP = (
    rf"(?:trong(?:{WS}(?:vòng|thời{WS}hạn|thời{WS}gian|khoảng|tối{WS}đa))?|sau(?:{WS}(?:khoảng|tối{WS}đa))?"
    rf"|trước|chậm{WS}nhất(?:{WS}(?:là|sau))?|muộn{WS}nhất(?:{WS}là)?|không{WS}quá|tối{WS}đa"
    rf"|thời{WS}hạn(?:{WS}là)?)"
)
# "trong 12 tháng qua" looks back: not a deadline.
_DUR = rf"{_N}{WS}{_UNIT}(?:{WS}làm{WS}việc)?(?!{OWS}[/\-]?{OWS}\d)(?!\w)(?!{WS}(?:qua|vừa{WS}qua|gần{WS}đây)(?!\w))"
RELATIVE = rf"(?:{_RELP}{WS}{_DUR}(?:{_KETU})?|{_N}{WS}ngày{WS}làm{WS}việc(?:{_KETU})?|{_DUR}{_KETU})"

MAIN = (
    r"(?<![\w])(?<!\d[,.])(?:"
    rf"(?P<main>(?P<pfx>{PREFIX}{{0,2}}){BODY}(?P<rsuf>{RECUR_SUFFIX})?)"
    rf"|(?P<rel>{RELATIVE})"
    rf"|(?P<recur>{RECUR})"
    r")"
)

# --- Anchors: a cheap first pass. Every expression MAIN matches contains an anchor (a digit run
# that looks like part of a date, or a keyword), and starts at a LEAD word at most LOOKBACK
# characters before its first anchor. Both patterns start with a plain character set or literal
# alternatives and are compiled without IGNORECASE, so ``re`` skips non-candidates in C.
LOOKBACK = 128
_UNIT_WORDS = r"(?i:ng[àa]y|th[áa]ng|n[ăã]m|tuần|qu[ýyí]|giờ)(?!\w)"
ANCHOR_DIGIT = (
    rf"[0-9](?<![\w/.,\-].)(?=\d*{SEP}\d|\d{{3}}(?!\d)|\d*(?:[,.]\d{{1,2}})?{WS}{_UNIT_WORDS})"
)
# Keyword anchors, each with the context that makes it a time word ("quý II", "sáu tháng").
_KEYWORDS = (
    ("thường xuyên", ""), ("định kỳ", ""), ("hằng", "unit"), ("hàng", "unit"), ("mỗi", "unit"),
    ("nửa", "part"), ("quý", "qnum"), ("quí", "qnum"), ("tháng", "num"), ("thang", "num"),
    *((w, "unit") for w in ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")),
)
_KW_CONTEXT = {
    "": r"(?!\w)",
    "unit": rf"{WS}{_UNIT_WORDS}",
    "part": rf"{WS}(?i:đầu|cuối)",
    "qnum": rf"{WS}(?i:[ivx]|\d)",
    "num": rf"{WS}\d",
}


def _variants(word: str) -> list[str]:
    return sorted({word, word.capitalize(), word.upper()})


ANCHOR_WORD = "|".join(
    v.replace(" ", WS) + f"(?={_KW_CONTEXT[ctx]})" for w, ctx in _KEYWORDS for v in _variants(w)
)
# First words of every alternative of MAIN (prefixes, atoms, durations, recurring words).
LEAD_WORDS = (
    "hoàn", "xong", "trước", "chậm", "muộn", "hạn", "thời", "không", "cho", "đến", "tới", "hết", "kể",
    "bắt", "tính", "từ", "ngay", "trong", "giai", "vào", "các", "kỳ", "ngày", "ngay", "tháng", "thang",
    "quý", "quy", "quí", "năm", "nãm", "đầu", "giữa", "cuối", "nửa", "sau", "tối", "định", "hằng",
    "hàng", "mỗi", "thường", "một", "hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười",
)
LEAD = rf"(?<![\w])(?:\d|(?i:{'|'.join(sorted(set(LEAD_WORDS), key=lambda w: (-len(w), w)))})(?!\w))"
