"""OCR repair for Vietnamese: syllable LM (``lm``), confusion model (``channel``), beam decoder."""

from dondoc.core.repair.channel import ChannelModel
from dondoc.core.repair.decoder import DecoderConfig, RawEdit, decode
from dondoc.core.repair.lm import NgramModel

__all__ = ["ChannelModel", "DecoderConfig", "NgramModel", "RawEdit", "decode"]
