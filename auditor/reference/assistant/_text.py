"""Text helpers shared by understanding and phrasing: folding, tokens, distances, stable hashes.

Everything here is deterministic across processes (no `hash()`, whose seed changes per run), so
the same question always gets the same phrasing and the same faulty behaviour.
"""

from __future__ import annotations

import re
import unicodedata
import zlib

# Letters that do not decompose under NFKD but that shoppers type without the diacritic.
_TRANSLITERATION = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th"}
)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-"})
_TOKEN = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")


def tidy(text: str) -> str:
    """Unicode-normalise and collapse whitespace, keeping case and accents (for echoing)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES)).strip()


def fold(text: str) -> str:
    """Lower-case and strip accents, so that "Crème" and "creme" compare equal."""
    decomposed = unicodedata.normalize("NFKD", tidy(text).casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.translate(_TRANSLITERATION)


def tokens(text: str) -> tuple[str, ...]:
    """Folded word tokens: letters and digits, punctuation dropped."""
    return tuple(_TOKEN.findall(fold(text)))


def question_key(text: str) -> str:
    """The normalised form of a question: equal for texts that differ only in case/spacing."""
    return " ".join(tokens(text))


def stable_hash(*parts: str) -> int:
    """A hash that is the same in every process and on every machine."""
    return zlib.crc32("\x1f".join(parts).encode("utf-8"))


def osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment edit distance, giving up (returning `limit + 1`) past `limit`.

    Transpositions count as one edit because swapped letters ("kettel") are the commonest typo.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, previous2[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)
