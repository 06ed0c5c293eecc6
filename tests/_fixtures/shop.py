"""Fixtures serving the reference shop on loopback."""
