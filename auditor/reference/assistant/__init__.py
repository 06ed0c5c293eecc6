"""The reference assistant: a rule-based shop chatbot with switchable, named faults.

It answers stock, order, delivery, tracking, return and refund questions by reading the reference
shop's public APIs, over an OpenAI-compatible endpoint and a plain JSON one. With every fault
off it answers truthfully; each fault makes it wrong in one named, testable way.
"""

from auditor.reference.assistant._app import SUPPORT_CONTACT, create_assistant
from auditor.reference.assistant._faults import FAULTS_ENV, Faults, faults_from_env, parse_faults
from auditor.reference.assistant._openai import MODEL

__all__ = [
    "FAULTS_ENV",
    "MODEL",
    "SUPPORT_CONTACT",
    "Faults",
    "create_assistant",
    "faults_from_env",
    "parse_faults",
]
