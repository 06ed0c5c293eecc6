"""Shared fixtures: real reference servers on loopback, one module per concern."""

pytest_plugins = [
    "tests._fixtures.shop",
    "tests._fixtures.assistant",
]
