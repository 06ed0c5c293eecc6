"""`auditor extract`: print the claims found in answer texts."""
