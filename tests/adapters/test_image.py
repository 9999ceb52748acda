import io

import numpy as np
import pytest
from PIL import Image

from dondoc.adapters.image import deskew_angle, load_images, otsu_threshold, preprocess
from dondoc.errors import InputTooLargeError, UnsupportedFormatError
from tests.adapters.render import degrade, render_lines


def test_otsu_splits_two_levels():
    arr = np.array([30] * 500 + [220] * 500, dtype=np.uint8)
    assert 30 <= otsu_threshold(arr) < 220


@pytest.mark.parametrize("angle", [-3.0, 2.0])
def test_deskew_recovers_rotation(angle):
    img = render_lines(["Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015"] * 12, dpi=100)
    rotated = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    ink = np.asarray(rotated) < 128
    assert deskew_angle(ink) == pytest.approx(-angle, abs=0.5)


def test_preprocess_normalises_dpi_and_cleans_borders():
    img = degrade(render_lines(["Thành ủy Hải Phòng"] * 5, dpi=200), scale=0.5)
    out = preprocess(img)
    assert out.mode == "L"
    assert out.width == pytest.approx(img.width * 300 / img.info["dpi"][0], rel=0.02)
    arr = np.asarray(out)
    assert set(np.unique(arr)) <= {0, 255}
    assert arr[:5, :].min() == 255  # dark scanner margin removed


def test_multi_page_tiff():
    pages = [render_lines([f"Trang {i}"], dpi=72) for i in (1, 2, 3)]
    buf = io.BytesIO()
    pages[0].save(buf, format="TIFF", save_all=True, append_images=pages[1:])
    assert len(load_images(buf.getvalue())) == 3
    with pytest.raises(InputTooLargeError, match="more than 2 pages"):
        load_images(buf.getvalue(), max_pages=2)


def test_decompression_bomb_is_refused():
    buf = io.BytesIO()
    Image.new("1", (12000, 12000), 1).save(buf, format="PNG")  # 144 Mpx, a few KB on disk
    with pytest.raises(InputTooLargeError, match="too large"):
        load_images(buf.getvalue(), name="bomb.png")


def test_damaged_image():
    with pytest.raises(UnsupportedFormatError):
        load_images(b"\x89PNG\r\n\x1a\nnot really", name="x.png")
