"""Fixtures serving the reference assistant on loopback."""
