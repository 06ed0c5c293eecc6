"""`auditor demo`: audit the built-in reference shop and assistant."""
