"""Extraction against the hand-made golden annotations (tests/data/golden): quality floors.

The floors sit a little under what the extractor reaches today (see bench/extract.py for the full
table); they catch regressions, they are not the targets. Held-out documents are scored here
but were not used to tune the rules.
"""

import pytest

from bench.golden import golden_paths, load_doc_text, load_golden, score
from dondoc.stages.extract import extract_text

# document stem -> (mode, task recall floor, task precision floor, deadline accuracy floor)
FLOORS = {
    "ket-luan-thanh-uy-hai-phong-2021-q2": ("repair", 0.80, 0.90, 0.90),
    "nghi-quyet-so-113-nq-cp": ("no-repair", 0.65, 0.75, 0.60),
    "nghi-quyet-so-97-nq-cp": ("no-repair", 0.90, 0.90, 0.90),
    "quyet-dinh-so-43-2025-qd-ttg": ("no-repair", 0.75, 0.85, 0.90),
    "nghi-quyet-so-126-nq-cp": ("no-repair", 0.75, 0.80, 0.75),
    "quyet-dinh-so-893-qd-ttg": ("no-repair", 0.85, 0.90, 0.85),
    "cong-van-1770-tct-2020": ("no-repair", 0.90, 0.55, 0.90),  # 3/5/3 since 6e6517c (one more sentence)
    "nghi-quyet-so-175-nq-cp": ("no-repair", 0.90, 0.90, 0.90),
    "quyet-dinh-so-982-qd-ttg": ("no-repair", 0.90, 0.90, 0.85),
    "nghi-quyet-so-105-nq-cp": ("no-repair", 0.45, 0.80, 0.90),
    "nghi-quyet-so-109-nq-cp": ("no-repair", 0.70, 0.60, 0.0),
    "nghi-quyet-so-100-nq-cp": ("no-repair", 0.90, 0.90, 0.90),
    "quyet-dinh-so-33-2025-qd-ttg": ("no-repair", 0.90, 0.85, 0.90),
    "quyet-dinh-so-42-2025-qd-ttg": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-quyet-so-66-3-2025-nq-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-quyet-so-66-4-2025-nq-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-quyet-so-66-15-2026-nq-cp": ("no-repair", 0.90, 0.90, 0.90),
    "quyet-dinh-so-34-2025-qd-ttg": ("no-repair", 0.75, 0.90, 0.90),
    "quyet-dinh-so-30-2025-qd-ttg": ("no-repair", 0.70, 0.85, 0.90),
    "quyet-dinh-so-07-2026-qd-ttg": ("no-repair", 0.90, 0.70, 0.90),
    "nghi-quyet-so-15-2026-nq-cp": ("no-repair", 0.80, 0.90, 0.90),
    "nghi-quyet-so-18-2026-nq-cp": ("no-repair", 0.90, 0.70, 0.90),
    "nghi-quyet-so-22-2026-nq-cp": ("no-repair", 0.75, 0.90, 0.90),
    "nghi-dinh-so-125-2026-nd-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-dinh-so-188-2025-nd-cp": ("no-repair", 0.90, 0.80, 0.90),
    "nghi-dinh-so-233-2025-nd-cp": ("no-repair", 0.85, 0.90, 0.90),
    "nghi-dinh-so-142-2026-nd-cp": ("no-repair", 0.85, 0.85, 0.90),
    "nghi-dinh-so-160-2026-nd-cp": ("no-repair", 0.90, 0.85, 0.90),
    "nghi-dinh-so-145-2020-nd-cp": ("no-repair", 0.90, 0.90, 0.90),
    "quyet-dinh-so-08-2022-qd-ttg": ("no-repair", 0.70, 0.90, 0.90),  # 24 -> 19 matched at 0ca01ba (private persons' duties)
    "quyet-dinh-so-28-2021-qd-ttg": ("no-repair", 0.80, 0.90, 0.90),
    "quyet-dinh-so-40-2025-qd-ttg": ("no-repair", 0.90, 0.80, 0.90),
    "nghi-quyet-so-66-7-2025-nq-cp": ("no-repair", 0.10, 0.70, 0.90),
    "quyet-dinh-so-05-2026-qd-ttg": ("no-repair", 0.70, 0.85, 0.70),
    "quyet-dinh-so-51-2025-qd-ttg": ("no-repair", 0.90, 0.90, 0.85),
    "nghi-dinh-so-212-2025-nd-cp": ("no-repair", 0.85, 0.85, 0.90),
    "nghi-quyet-so-95-2025-ubtvqh15": ("no-repair", 0.80, 0.90, 0.90),
    "nghi-dinh-so-118-2026-nd-cp": ("no-repair", 0.90, 0.85, 0.90),
    "nghi-quyet-so-20-2026-nq-cp": ("no-repair", 0.80, 0.90, 0.90),
    "nghi-dinh-so-127-2026-nd-cp": ("no-repair", 0.90, 0.75, 0.90),
    "nghi-dinh-so-74-2025-nd-cp": ("no-repair", 0.65, 0.70, 0.90),
    # the fourth fresh set: scored once (tests/data/golden/README.md), then tuned on
    "nghi-dinh-so-145-2026-nd-cp": ("no-repair", 0.90, 0.75, 0.90),
    "nghi-quyet-so-21-2026-nq-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-quyet-so-66-19-2026-nq-cp": ("no-repair", 0.80, 0.90, 0.90),
    "nghi-quyet-so-254-2025-qh15": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-dinh-so-123-2026-nd-cp": ("no-repair", 0.0, 0.0, 0.0),  # its tasks stand under a 'Thẩm quyền' article
    "nghi-dinh-so-207-2026-nd-cp": ("no-repair", 0.90, 0.75, 0.90),
    "nghi-quyet-so-115-2025-ubtvqh15": ("no-repair", 0.75, 0.90, 0.90),
    "nghi-dinh-so-191-2026-nd-cp": ("no-repair", 0.65, 0.80, 0.90),
    # the fifth fresh set, held out (scored once at 69d846c)
    "nghi-dinh-so-200-2026-nd-cp": ("no-repair", 0.90, 0.80, 0.90),
    "nghi-dinh-so-137-2026-nd-cp": ("no-repair", 0.90, 0.80, 0.90),
    "nghi-dinh-so-129-2026-nd-cp": ("no-repair", 0.30, 0.80, 0.75),  # procedure steps annotated; 0.10/0.90 before standing duties, see README
    "nghi-dinh-so-131-2026-nd-cp": ("no-repair", 0.07, 0.65, 0.90),  # procedure steps annotated; 0.10/0.70 before per-case steps became rules
    "nghi-dinh-so-187-2026-nd-cp": ("no-repair", 0.0, 0.0, 0.0),  # procedure steps annotated, see README
    # the sixth fresh set (scored once at 8bc8c9c), then tuned on
    "nghi-dinh-so-181-2026-nd-cp": ("no-repair", 0.45, 0.90, 0.90),
    "nghi-dinh-so-152-2026-nd-cp": ("no-repair", 0.90, 0.80, 0.90),
    "nghi-quyet-so-99-2025-ubtvqh15": ("no-repair", 0.85, 0.90, 0.90),
    "nghi-dinh-so-128-2026-nd-cp": ("no-repair", 0.85, 0.90, 0.90),
    "nghi-quyet-so-19-2026-nq-cp": ("no-repair", 0.75, 0.90, 0.90),
    "nghi-dinh-so-148-2026-nd-cp": ("no-repair", 0.20, 0.90, 0.90),  # duties of the amended original articles
    # the seventh fresh set (scored once at a3b40df), then tuned on
    "bo-luat-so-45-2019-qh14": ("no-repair", 0.90, 0.75, 0.90),
    "nghi-quyet-so-250-2025-qh15": ("no-repair", 0.0, 0.0, 0.0),  # 'Chính phủ quy định chi tiết …' is not read
    "nghi-quyet-so-104-2025-ubtvqh15": ("no-repair", 0.90, 0.90, 0.90),
    "quyet-dinh-so-48-2025-qd-ttg": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-quyet-so-66-16-2026-nq-cp": ("no-repair", 0.90, 0.70, 0.90),
    "nghi-quyet-so-16-2026-nq-cp": ("no-repair", 0.75, 0.90, 0.90),
    # the eighth fresh set, held out (scored once at 0f4411b)
    "nghi-dinh-so-171-2026-nd-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-quyet-so-114-2025-ubtvqh15": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-dinh-so-158-2026-nd-cp": ("no-repair", 0.90, 0.80, 0.90),
    "quyet-dinh-so-37-2025-qd-ttg": ("no-repair", 0.80, 0.90, 0.90),
    "nghi-dinh-so-140-2026-nd-cp": ("no-repair", 0.90, 0.65, 0.90),
    "nghi-dinh-so-138-2026-nd-cp": ("no-repair", 0.90, 0.75, 0.85),
    # the ninth fresh set (scored once at 4138f23), then tuned on
    "nghi-quyet-so-93-2025-ubtvqh15": ("no-repair", 0.90, 0.70, 0.90),
    "nghi-quyet-so-24-2026-nq-cp": ("no-repair", 0.05, 0.90, 0.90),  # the Phụ lục II rows, see README
    "nghi-dinh-so-170-2026-nd-cp": ("no-repair", 0.90, 0.45, 0.90),
    "nghi-dinh-so-12-2022-nd-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-dinh-so-111-2022-nd-cp": ("no-repair", 0.0, 0.0, 0.0),
    "nghi-dinh-so-175-2026-nd-cp": ("no-repair", 0.90, 0.80, 0.90),
    # the tenth fresh set (scored once at 0ca01ba), then tuned on
    "nghi-quyet-so-23-2026-nq-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-dinh-so-134-2026-nd-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-dinh-so-151-2026-nd-cp": ("no-repair", 0.90, 0.85, 0.90),  # quotes cut to their clause after the scoring
    "nghi-dinh-so-155-2026-nd-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-quyet-so-17-2026-nq-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-dinh-so-147-2026-nd-cp": ("no-repair", 0.90, 0.90, 0.80),
    # the eleventh fresh set, held out (scored once at ed17786)
    "nghi-dinh-so-150-2026-nd-cp": ("no-repair", 0.15, 0.0, 0.90),  # its scope spans the rule chapters
    "nghi-dinh-so-158-2025-nd-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-dinh-so-159-2026-nd-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-dinh-so-167-2026-nd-cp": ("no-repair", 0.90, 0.90, 0.90),
    "quyet-dinh-so-28-2026-qd-ttg": ("no-repair", 0.85, 0.70, 0.90),
    # the twelfth fresh set, held out (scored once at d9f3ce1)
    "nghi-dinh-so-185-2026-nd-cp": ("no-repair", 0.75, 0.70, 0.90),
    "nghi-dinh-so-112-2021-nd-cp": ("no-repair", 0.90, 0.85, 0.90),
    "nghi-quyet-so-66-17-2026-nq-cp": ("no-repair", 0.90, 0.90, 0.70),
    "nghi-quyet-so-111-2025-ubtvqh15": ("no-repair", 0.55, 0.45, 0.90),
    "quyet-dinh-so-29-2025-qd-ttg": ("no-repair", 0.90, 0.90, 0.90),
    # the thirteenth fresh set, held out (scored once at 8f37485)
    "nghi-dinh-so-139-2026-nd-cp": ("no-repair", 0.80, 0.90, 0.90),
    "nghi-dinh-so-153-2026-nd-cp": ("no-repair", 0.0, 0.0, 0.0),  # its one conditional task is not read
    "nghi-dinh-so-169-2026-nd-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-dinh-so-172-2026-nd-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-dinh-so-135-2026-nd-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-dinh-so-192-2026-nd-cp": ("no-repair", 0.55, 0.90, 0.90),
    "nghi-dinh-so-162-2026-nd-cp": ("no-repair", 0.90, 0.90, 0.90),
    # the fourteenth fresh set, held out (scored once at 51fdba2)
    "nghi-dinh-so-156-2026-nd-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-quyet-so-89-2025-ubtvqh15": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-dinh-so-188-2026-nd-cp": ("no-repair", 0.90, 0.80, 0.90),
    "nghi-dinh-so-372-2025-nd-cp": ("no-repair", 0.0, 0.0, 0.0),  # its one duty, in a rewritten article, is not read
    "quyet-dinh-tieu-chi-moi-truong-du-an-xanh": ("no-repair", 0.80, 0.90, 0.90),
    "nghi-dinh-so-121-2026-nd-cp": ("no-repair", 0.0, 0.0, 0.0),  # none of the five tasks read in scope matches
    # the fifteenth fresh set, held out (scored once at 037c964)
    "nghi-dinh-so-189-2026-nd-cp": ("no-repair", 0.90, 0.60, 0.90),
    "quyet-dinh-so-39-2025-qd-ttg": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-quyet-quoc-hoi-dot-pha-giao-duc": ("no-repair", 0.90, 0.75, 0.90),
    "nghi-quyet-so-17-2022-ubtvqh15": ("no-repair", 0.90, 0.90, 0.90),
    "quyet-dinh-so-225-qd-bldtbxh": ("no-repair", 0.0, 0.0, 0.0),  # nothing read in its implementation article
    "nghi-dinh-so-144-2026-nd-cp": ("no-repair", 0.0, 0.0, 0.0),  # its one conditional duty, in an amendment, is not read
    # the sixteenth fresh set (scored once at 320c7b8, then tuned on)
    "nghi-dinh-so-136-2026-nd-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-quyet-so-78-2025-ubtvqh15": ("no-repair", 0.20, 0.90, 0.90),
    "nghi-quyet-so-25-2022-ubtvqh15": ("no-repair", 0.50, 0.90, 0.0),
    "nghi-quyet-co-che-dac-thu-thao-go-kho-khan": ("no-repair", 0.80, 0.90, 0.90),
    "quyet-dinh-so-28-2025-qd-ttg": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-dinh-so-146-2026-nd-cp": ("no-repair", 0.0, 0.0, 0.0),  # its one duty ("theo quy định của Bộ …") is not read
    # the seventeenth fresh set, held out (scored once at bc0084f)
    "nghi-dinh-so-182-2026-nd-cp": ("no-repair", 0.50, 0.90, 0.90),
    "quyet-dinh-so-1205-qd-bkhdt": ("no-repair", 0.0, 0.0, 0.0),  # nothing read in scope
    "nghi-dinh-so-38-2022-nd-cp": ("no-repair", 0.0, 0.0, 0.0),  # its annotator took the closing formula as its task
    "nghi-dinh-so-132-2026-nd-cp": ("no-repair", 0.90, 0.90, 0.90),
    "nghi-quyet-so-141-nq-cp": ("no-repair", 0.50, 0.90, 0.90),
    "nghi-quyet-so-24-2022-ubtvqh15": ("no-repair", 0.90, 0.90, 0.90),
    # the eighteenth fresh set, circulars (scored once at a6fa2df while held out), then tuned on
    "thong-tu-so-27-2026-tt-bkhcn": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-22-2022-tt-bldtbxh": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-02-2024-tt-bldtbxh": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-22-2026-tt-bnnmt": ("no-repair", 0.90, 0.70, 0.90),
    "thong-tu-so-22-2024-tt-bkhdt": ("no-repair", 0.90, 0.75, 0.90),
    "thong-tu-so-86-2025-tt-bca": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-10-2023-tt-bldtbxh": ("no-repair", 0.50, 0.90, 0.90),
    "thong-tu-so-15-2023-tt-bldtbxh": ("no-repair", 0.90, 0.90, 0.90),
    # the nineteenth fresh set, circulars (scored once at 189b089 while held out), then tuned on
    "thong-tu-so-21-2021-tt-bldtbxh": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-04-2024-tt-bldtbxh": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-22-2026-tt-btc": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-23-2022-tt-bldtbxh": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-34-2026-tt-btc": ("no-repair", 0.0, 0.0, 0.0),  # its annotator took the closing formula as its task
    "thong-tu-so-38-2026-tt-btc": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-05-2025-tt-bkhdt": ("no-repair", 0.55, 0.90, 0.90),
    "thong-tu-so-10-2021-tt-nhnn": ("no-repair", 0.90, 0.80, 0.90),
    # the twentieth fresh set, circulars, held out (scored once at 33dc818)
    "thong-tu-so-30-2026-tt-bkhcn": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-20-2026-tt-btc": ("no-repair", 0.0, 0.0, 0.0),  # no duty; one task predicted in scope
    "thong-tu-so-11-2024-tt-bldtbxh": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-45-2026-tt-btc": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-03-2024-tt-bkhdt": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-21-2022-tt-bkhdt": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-06-2026-tt-btc": ("no-repair", 0.0, 1.0, 0.0),  # no duty, and none predicted in scope
    "thong-tu-so-20-2022-tt-bkhdt": ("no-repair", 0.90, 0.90, 0.90),
    # the twenty-first fresh set, consolidated texts (scored once at 33dc818 while held out), then tuned on
    "van-ban-hop-nhat-so-22-vbhn-vpqh": ("no-repair", 0.90, 0.80, 0.90),
    "van-ban-hop-nhat-so-47-vbhn-vpqh": ("no-repair", 0.90, 0.90, 0.90),
    "van-ban-hop-nhat-so-40-vbhn-vpqh": ("no-repair", 0.90, 0.80, 0.90),
    "van-ban-hop-nhat-so-14-vbhn-vpqh": ("no-repair", 0.15, 0.80, 0.90),  # the unions' rights are not read
    "van-ban-hop-nhat-so-4804-vbhn-bldtbxh": ("no-repair", 0.90, 0.90, 0.90),
    "van-ban-hop-nhat-so-40-vbhn-bct": ("no-repair", 0.0, 0.0, 0.0),
    # the twenty-second fresh set, consolidated texts, held out (scored once at f04ae99)
    "van-ban-hop-nhat-so-08-vbhn-btc": ("no-repair", 0.0, 0.0, 0.0),  # its annotator took the closing formula as its task
    "van-ban-hop-nhat-so-16-vbhn-btc": ("no-repair", 0.90, 0.90, 0.90),
    "van-ban-hop-nhat-so-03-vbhn-btc": ("no-repair", 0.90, 0.90, 0.90),
    "van-ban-hop-nhat-so-2651-vbhn-bldtbxh": ("no-repair", 0.90, 0.80, 0.90),
    "van-ban-hop-nhat-so-9191-vbhn-bkhdt": ("no-repair", 0.80, 0.90, 0.90),
    # the twenty-third fresh set, circulars, held out (scored once at c9ba045)
    "thong-tu-so-23-2024-tt-bkhdt": ("no-repair", 0.35, 0.90, 0.90),
    "thong-tu-so-06-2022-tt-bldtbxh": ("no-repair", 0.70, 0.60, 0.90),
    "thong-tu-so-02-2026-tt-btc": ("no-repair", 0.0, 1.0, 0.0),  # no duty, and none predicted in scope
    "thong-tu-so-58-2026-tt-btc": ("no-repair", 0.0, 0.0, 0.0),  # its one duty, under the effect article, is not read
    "thong-tu-so-20-2026-tt-bxd": ("no-repair", 0.65, 0.90, 0.90),
    # the twenty-fourth fresh set, circulars, held out (scored once at 9e0dd6b)
    "thong-tu-so-10-2024-tt-bkhdt": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-17-2023-tt-bldtbxh": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-09-2023-tt-bkhdt": ("no-repair", 0.70, 0.80, 0.90),
    "thong-tu-so-15-2022-tt-bkhdt": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-06-2023-tt-bldtbxh": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-35-2021-tt-bldtbxh": ("no-repair", 0.70, 0.85, 0.90),
    # the twenty-fifth fresh set, circulars and consolidated texts, held out (scored once at bfb23db)
    "thong-tu-so-81-2025-tt-bca": ("no-repair", 0.85, 0.85, 0.90),
    "thong-tu-so-88-2025-tt-bca": ("no-repair", 0.50, 0.80, 0.90),
    "thong-tu-so-02-2025-tt-bkhdt": ("no-repair", 0.70, 0.70, 0.90),
    "thong-tu-so-13-2022-tt-bldtbxh": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-15-2021-tt-bldtbxh": ("no-repair", 0.90, 0.90, 0.90),
    "van-ban-hop-nhat-so-5162-vbhn-bldtbxh": ("no-repair", 0.45, 0.90, 0.0),
    "van-ban-hop-nhat-so-37-vbhn-bct": ("no-repair", 0.90, 0.90, 0.90),
    "van-ban-hop-nhat-so-467-vbhn-bldtbxh": ("no-repair", 0.90, 0.60, 0.90),
    # the twenty-sixth fresh set, circulars and consolidated texts, held out (scored once at 46b341c)
    "thong-tu-so-01-2025-tt-bkhdt": ("no-repair", 0.80, 0.80, 0.90),
    "thong-tu-so-147-2025-tt-btc": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-44-2022-tt-btc": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-116-2025-tt-btc": ("no-repair", 0.80, 0.90, 0.90),
    "thong-tu-so-07-2024-tt-bkhdt": ("no-repair", 0.90, 0.90, 0.90),
    "van-ban-hop-nhat-so-58-vbhn-vpqh": ("no-repair", 0.90, 0.80, 0.90),
    "van-ban-hop-nhat-so-835-vbhn-bldtbxh": ("no-repair", 0.60, 0.90, 0.90),
    "van-ban-hop-nhat-so-2279-vbhn-bldtbxh": ("no-repair", 0.80, 0.80, 0.90),
    # the twenty-seventh fresh set, circulars and consolidated texts, held out (scored once at ce6464d)
    "thong-tu-so-28-2021-tt-bldtbxh": ("no-repair", 0.90, 0.85, 0.90),
    "thong-tu-so-13-2026-tt-nhnn": ("no-repair", 0.70, 0.90, 0.90),
    "thong-tu-so-12-2021-tt-bldtbxh": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-56-2026-tt-bca": ("no-repair", 0.90, 0.90, 0.90),
    "thong-tu-so-13-2021-tt-bldtbxh": ("no-repair", 0.90, 0.80, 0.90),
    "van-ban-hop-nhat-so-1166-vbhn-bldtbxh": ("no-repair", 0.85, 0.90, 0.90),
    "van-ban-hop-nhat-so-5161-vbhn-bldtbxh": ("no-repair", 0.90, 0.90, 0.90),
    "van-ban-hop-nhat-so-1315-vbhn-bldtbxh": ("no-repair", 0.90, 0.90, 0.90),
}


@pytest.mark.parametrize("path", golden_paths(), ids=lambda p: p.stem)
def test_golden_floors(path):
    gold = load_golden(path)
    mode, recall, precision, deadline = FLOORS[path.stem]
    text = load_doc_text(gold)
    pred = extract_text(text, repair=mode == "repair")
    s = score(pred, gold, text)
    # a held-out document's misses are not to be read, even from a failing floor: its counts only
    why = "held out: see the counts only" if gold.get("held_out") else s["details"]
    assert s["task_recall"] is None or s["task_recall"] >= recall, why  # None: no task to find
    # None: nothing predicted in scope, which is right only where there is nothing to find
    assert (s["task_precision"] if s["task_precision"] is not None else float(not s["tasks_gold"])) >= precision, why
    assert s["deadline_accuracy"] is None or s["deadline_accuracy"] >= deadline
