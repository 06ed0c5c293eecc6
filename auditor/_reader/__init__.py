"""An optional model reader (issue 21): any OpenAI-compatible language model reads the answers
the deterministic rules cannot, grounded by quotes, cached, and never trusted over the rules'
verdicts in `fallback` mode.

This package's `__init__` imports nothing heavy: the configuration imports `_config` alone, and
an audit with a `[reader]` imports `_client` when it opens one.
"""
