"""Manual exploration: one question, its answer's claims beside the anchors' truth.

The pure part (finding a question's subject, judging each claim with the probe kinds'
`accepts`, rendering, turning a question into a suite phrasing) is kept apart from the session
that opens the anchors and assistants, so `auditor ask`, `auditor explore` and the pytest plugin
share one judgement.
"""

from auditor._explore._edge_cases import EdgeCases, EmptyEdgeClass
from auditor._explore._facades import AnchorsFacade, AssistantFacade
from auditor._explore._loop import LoopThread
from auditor._explore._model import Agreement, ClaimCheck, Exploration, Truth
from auditor._explore._render import check_line, render
from auditor._explore._repl import HELP, Repl, Reply
from auditor._explore._runtime import AuditRuntime
from auditor._explore._safe import displayable, one_line
from auditor._explore._session import ExploreSession, SessionError, open_session
from auditor._explore._subjects import NameIndex, Subject
from auditor._explore._suitefile import Saved, SaveError, save_phrasing, template_of
from auditor._explore._verdicts import answering_kinds, check_claims

__all__ = [
    "HELP",
    "Agreement",
    "AnchorsFacade",
    "AssistantFacade",
    "AuditRuntime",
    "ClaimCheck",
    "EdgeCases",
    "EmptyEdgeClass",
    "Exploration",
    "ExploreSession",
    "LoopThread",
    "NameIndex",
    "Repl",
    "Reply",
    "SaveError",
    "Saved",
    "SessionError",
    "Subject",
    "Truth",
    "answering_kinds",
    "check_claims",
    "check_line",
    "displayable",
    "one_line",
    "open_session",
    "render",
    "save_phrasing",
    "template_of",
]
