"""The pure core of dondoc: text, spans and domain rules. No I/O, no database, no web.

Everything here is a function of its arguments, so it can be tested and fuzzed in isolation.
The import-linter contract in pyproject.toml keeps it that way.
"""
