"""The voices the reference assistant can answer in, by name.

`standard` is the one the auditor's reading was first written against; the others say the same
facts in wording it was not written from, so that whole audits can measure how it reads a
stranger's assistant.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from auditor.reference.assistant._phrasing import STANDARD
from auditor.reference.assistant._voice import Voice
from auditor.reference.assistant._voice_agent import AGENT
from auditor.reference.assistant._voice_british import BRITISH
from auditor.reference.assistant._voice_email import EMAIL
from auditor.reference.assistant._voice_global import GLOBAL
from auditor.reference.assistant._voice_markdown import MARKDOWN
from auditor.reference.assistant._voice_sms import SMS
from auditor.reference.assistant._voice_widget import WIDGET

VOICES: Mapping[str, Voice] = MappingProxyType(
    {
        voice.name: voice
        for voice in (STANDARD, BRITISH, SMS, MARKDOWN, AGENT, GLOBAL, EMAIL, WIDGET)
    }
)


def check_voice(name: str) -> Voice:
    """The voice called `name`, or a ValueError naming the valid ones."""
    voice = VOICES.get(name)
    if voice is None:
        raise ValueError(f"unknown voice {name!r}; valid voices: {', '.join(VOICES)}")
    return voice
