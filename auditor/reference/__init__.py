"""The reference world: a small, honest shop and a chatbot with switchable faults.

Shipped inside the package so that `auditor demo` works after `pip install`, and used by the
tests as real servers on loopback.
"""
