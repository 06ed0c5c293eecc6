"""The reference assistant: a shop chatbot with switchable, named faults.

It answers stock, order, delivery, tracking, return and refund questions by reading the reference
shop's public APIs, over an OpenAI-compatible endpoint and a plain JSON one. With every fault
off it answers truthfully; each fault makes it wrong in one named, testable way. Its answers
are worded by templates (the `rules` brain) or by a small local language model (the `llm` brain,
from the optional `llm` extra), whose own mistakes nobody planted.
"""

from auditor.reference.assistant._app import SUPPORT_CONTACT, create_assistant
from auditor.reference.assistant._faults import FAULTS_ENV, Faults, faults_from_env, parse_faults
from auditor.reference.assistant._llm import BRAINS, BrainKind, check_brain
from auditor.reference.assistant._llm_server import ModelServer, ModelUnavailable
from auditor.reference.assistant._llm_server import missing as llm_missing
from auditor.reference.assistant._openai import MODEL
from auditor.reference.assistant._voices import VOICES, check_voice

__all__ = [
    "BRAINS",
    "FAULTS_ENV",
    "MODEL",
    "SUPPORT_CONTACT",
    "VOICES",
    "BrainKind",
    "Faults",
    "ModelServer",
    "ModelUnavailable",
    "check_brain",
    "check_voice",
    "create_assistant",
    "faults_from_env",
    "llm_missing",
    "parse_faults",
]
