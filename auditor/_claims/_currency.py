"""Sums written with their currency's code, and shares written "percent", read as the sign
every rule knows.

Invoices, payment providers, banks and models that want to be unambiguous write a sum with the
code of its currency: "GBP 12.50", "12.50 GBP", "$12.50 USD". The rules that read refunds,
refund amounts and price cuts spell money with its sign ("£12.50", "$15 off", "down to £18
from £25"), so the same answer with codes read no discount and lost refund amounts
(`benchmarks/claims_invariance.py`, "amount_code_after" / "amount_code_before": 83 and 94 of
some 830 dressed texts wrong). The code says which currency, which no claim keeps (a refund
amount is its figure): each sum is rewritten as its sign and figure ("£12.50") and the answer
read again, spans taken back to the answer's own offsets. A code not beside a figure, or a
figure inside a word or an id, is left as written. A share written "20 percent" or "15 per
cent" is read as "20%" the same way: the rules name "percent" beside "%", but the gates
before them look for the sign ("the 10 percent voucher … has expired" read an offer,
"percent_words": 4 of 163 dressed texts wrong).
"""

from __future__ import annotations

import re

from auditor._claims._compiled import compile_pattern
from auditor._claims._shorthand import Expansion

#: Each code, as data, with the sign the rules read for it (a dollar for every dollar).
SIGNS = {"gbp": "£", "usd": "$", "eur": "€", "cad": "$", "aud": "$", "nzd": "$"}
_CODE = "|".join(SIGNS)
#: A currency's word after a figure ("12.50 pounds", "20 quid"), as a voice channel's
#: transcript or a casual agent writes a sum: read as its sign as a code is.
WORDS = {
    "pounds": "£", "pound": "£", "quid": "£", "dollars": "$", "dollar": "$", "bucks": "$",
    "euros": "€", "euro": "€",
}  # fmt: skip
_AFTER = "|".join([*SIGNS, *WORDS])
_FIGURE = r"\d(?:[\d.,]*\d)?"
#: "12.50 GBP", "GBP 12.50", "USD $12", "$12 USD"; not a figure glued to a word or an id. A code
#: between two figures goes with a sum in pounds and pence before it ("15.99 GBP 2 ur paypal",
#: chat's "2" being "to"), else with the figure after it ("Earbuds Pro 2 EUR 20 off").
_SUM = compile_pattern(
    rf"(?<![\w.,$£€-])(?:(?P<sign_>[£$€])?(?P<figure_>\d[\d.,]*[.,]\d\d)\s?(?P<code_>{_AFTER})"
    rf"|(?P<code>{_CODE})\s?(?P<sign>[£$€])?\s?(?P<figure>{_FIGURE})"
    rf"|(?P<sign__>[£$€])?(?P<figure__>{_FIGURE})\s?(?P<code__>{_AFTER})(?!\s?[£$€]?\s?\d)"
    # A share in words, as US style guides write it: "20 percent", "15 per cent".
    r"|(?P<share>\d{1,3})\s?per\s?cent)"
    r"(?![\w.,]\w|\w)",
    re.IGNORECASE,
)
_GROUPS = ("", "_", "__")
#: Substrings every rewritten sum or share holds: an answer holding none has none.
_NEEDLES = (*SIGNS, "pound", "quid", "dollar", "buck", "euro", "cent")


def with_signs(text: str) -> Expansion | None:
    """`text` with each sum written with a code rewritten as its sign and figure, and each
    share in words as its figure and "%", and the way back to `text`'s offsets; None when it
    has none (the usual answer names no code nor "cent", which a few substring tests tell)."""
    lowered = text.lower()
    if not any(code in lowered for code in _NEEDLES):
        return None
    pieces: list[str] = []
    changes: list[tuple[int, int, int, int]] = []
    done = length = 0
    for match in _SUM.finditer(text):
        if match.group("share"):
            written = match.group("share") + "%"
        else:
            said = next(g for g in _GROUPS if match.group("code" + g))
            code = match.group("code" + said).lower()
            sign = match.group("sign" + said) or SIGNS.get(code) or WORDS[code]
            written = sign + match.group("figure" + said)
        start, end = match.span()
        pieces.append(text[done:start])
        length += start - done
        pieces.append(written)
        changes.append((length, length + len(written), start, end))
        length += len(written)
        done = end
    if not changes:
        return None
    pieces.append(text[done:])
    return Expansion("".join(pieces), tuple(changes))
