"""dondoc: turn Vietnamese directive documents into tracked tasks."""

from dondoc.core.spans import Span
from dondoc.errors import DondocError, InputError

__all__ = ["DondocError", "InputError", "Span", "__version__"]
__version__ = "0.1.0"
