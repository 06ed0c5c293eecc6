"""Dates as answers write them, resolved against the audit's clock.

Rules (documented in fixtures/claims/README.md): numeric dates are day first unless the second
number is over 12; a date without a year takes the year that puts it nearest to `now`; relative
dates need `now` and use its own calendar date; "N business days" skips Saturdays and Sundays;
a weekday is the first one after today, or the last one before it in a past-tense clause; a
range is its latest day. Nothing is ever guessed without `now`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from auditor._claims._compiled import compile_pattern

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH_NUMBER = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Weekdays as hurried typing spells them: each typo and the day it means (the agent voice).
_WEEKDAY_TYPOS = {
    "mondy": 0, "monady": 0, "tuesdy": 1, "tusday": 1, "teusday": 1, "tuseday": 1,
    "wednsday": 2, "wensday": 2, "wendsday": 2, "wendesday": 2, "wedensday": 2, "wedsday": 2,
    "wednesay": 2, "thrusday": 3, "thurday": 3, "thursay": 3, "thurdsay": 3, "thusday": 3,
    "firday": 4, "fridy": 4, "frday": 4, "saterday": 5, "satuday": 5, "saturdy": 5,
    "saturaday": 5, "sundy": 6, "sundey": 6,
}  # fmt: skip
_WEEKDAY_INDEX = {**{day: i for i, day in enumerate(_WEEKDAYS)}, **_WEEKDAY_TYPOS}
_WEEKDAY = "|".join(sorted(_WEEKDAY_INDEX, key=len, reverse=True))
_WEEKDAY_SHORT = r"mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun"
_PREFIX = rf"(?:(?:{_WEEKDAY}|{_WEEKDAY_SHORT})\.?,?\s+(?:the\s+)?)?"
_COUNT = (
    r"\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|twenty|thirty|a couple of|a couple"
)
_COUNT_VALUE = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "a couple of": 2, "a couple": 2,
}  # fmt: skip
#: Days after today that a relative word names, with the short forms of chat ("tmrw", "yday").
_RELATIVE_DAYS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "tdy": 0, "2day": 0, "2nite": 0, "tonite": 0,
    "tomorrow": 1, "tmrw": 1, "tmr": 1, "tmw": 1, "tmrow": 1, "tomoz": 1, "2moro": 1, "2morrow": 1,
    "tomorow": 1, "tommorow": 1, "tommorrow": 1, "tomoro": 1, "tomorro": 1,
    "the day after tomorrow": 2, "day after tomorrow": 2,
    "yesterday": -1, "yday": -1, "yest": -1, "ystrdy": -1, "the day before yesterday": -2,
    # A carrier's run named by its day (agent7): "on today's van", "tomorrow's drop".
    "today's": 0, "tonight's": 0, "tomorrow's": 1,
    "this morning's": 0, "this afternoon's": 0, "this evening's": 0,
}  # fmt: skip
#: A time of day said without a day ("by teatime"): today, unless a day stands beside it.
_TIME_OF_DAY = (
    r"teatime|tea time|lunchtime|lunch time|end of (?:the )?day|close of (?:play|business)|eod|cob"
    # A clock time with its mark, or a bare hour closing the sentence ("w/ u by 6").
    # A window of hours is its last ("eta 2-4pm").
    # A window of a 24-hour clock: "eta is 14:35-15:35".
    r"|\d{1,2}:\d{2}\s*(?:-|\u2013|\u2014|to)\s*\d{1,2}:\d{2}(?!\s*(?:am|pm|a\.m|p\.m))"
    r"|(?:\d{1,2}(?:[:.]\d{2})?\s*(?:-|\u2014|to)\s*)?\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\."
    # (Not a date's first number: "eta 14.12.2026", "due 1.5 days", agent7.)
    r"|o'clock)|\d{1,2}(?=\s*(?:[.!,;](?!\d)|$))"
)
_CLOCK_MARK = r"(?:am|pm|a\.m\.|p\.m\.|a\.m|p\.m)"
#: Two clock times, both with minutes or the second with its mark ("10-11am", "2:00–4:00 pm").
_WINDOW = (
    r"\d{1,2}:\d{2}\s*(?:-|\u2013|\u2014|to|and|until|till)\s*\d{1,2}:\d{2}"
    rf"(?:\s*{_CLOCK_MARK})?"
    rf"|\d{{1,2}}(?::\d{{2}})?\s*(?:{_CLOCK_MARK}\s*)?(?:-|\u2013|\u2014|to|and|until|till)\s*"
    rf"\d{{1,2}}(?::\d{{2}})?\s*{_CLOCK_MARK}"
)
#: Days named for their feast: (month, day).
_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26), "new year's eve": (12, 31), "new years eve": (12, 31),
    "new year's day": (1, 1), "new years day": (1, 1),
}  # fmt: skip
#: Units of a duration, in days.
#: How near today a date written "9/12" must be to be read, in one reading only.
_NEAR_DAYS = 31
_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "wk": 7, "wks": 7, "fortnight": 14,
              "fortnights": 14, "hour": 0, "hours": 0, "hr": 0, "hrs": 0}  # fmt: skip

#: A date that follows a weekday makes one date with it ("Thursday 26 November").
_NOT_BEFORE_DATE = (
    rf"(?!\.?,?\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{_MONTHS})"
    rf"|(?:{_MONTHS})\.?\s+\d))"
)
#: Short weekday names that are also words ("sat", "sun", "wed") count only after one of these.
_SHORT_PREFIX = (
    r"by|on|this|next|until|till|til|before|last|coming|land|lands|landed|arrive|arrives"
    r"|arriving|arrived|arr|due|eta:?|there|between|and|to|from|or|thru|through|dlvd|dlvrd"
    r"|delivered|w/ ?u|w/ ?you|with u|with you|exp|expected|est|quoting|quoted"
    # A delivery's shorthand (dates8): "del sat".
    r"|del|dlvry|delivery"
    # An agent's ETA read off the screen: "ETA's wed", "ETA now sat".
    r"|eta's|etas|eta now"
    # The carrier's next try: "retry wed", "driver retries sat".
    r"|retry|retries|retrying"
    # (dress10) Said after a comparison, a promise, a booking or a field: "as early as Wed",
    # "try again Wed", "they're now saying Sat", "the other Wed", "Arriving: Wed", "booked for
    # a Sat delivery", "signed for Sat".
    r"|as|again|say|saying|says|other|arrival:|arriving:|for|for a"
)
_RELATIVE = "|".join(k.replace(" ", r"\s+") for k in sorted(_RELATIVE_DAYS, key=len, reverse=True))

_DATE = compile_pattern(
    r"(?<![\w/.-])(?:"
    r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?![\w-])"
    r"|(?P<n1>\d{1,2})[/.](?P<n2>\d{1,2})[/.](?P<ny>\d{4}|\d{2})(?![\w/.]\d)"
    # "arr 9/12": no year, after a word of when; read only where one reading is near today.
    r"|(?:(?<=\barr )|(?<=\beta )|(?<=\beta: )|(?<=\bby )|(?<=\bon )|(?<=\bdue )"
    r"|(?<=\bexpected )|(?<=\bexp )|(?<=\bdelivered )|(?<=\bdlvd )|(?<=\bdelivery )"
    # A date read off a screen: "estimated delivery is showing as 15/12".
    r"|(?<=\bas )|(?<=\bshowing )|(?<=\bshows )"
    # (dates8) "arriving 12/12", "a delivery date of 14/12", "booked for 14/12".
    r"|(?<=\barriving )|(?<=\barrives )|(?<=\barrive )|(?<=\bdate of )|(?<=\bfor )"
    r"|(?<=\bbefore )"
    # A weekday beside it: "on tues 08/12".
    r"|(?<=\bmon )|(?<=\btue )|(?<=\btues )|(?<=\bwed )|(?<=\bthu )|(?<=\bthurs )|(?<=\bfri )"
    r"|(?<=\bsat )|(?<=\bsun )|(?<=day )"
    # A table's cell of a date alone (dates8): "| ORD-1 | Processing | 15/12 |".
    r"|(?<=\| ))"
    # (Dotted too, as agents type it: "delivered 08.12.", agent7.)
    r"(?P<s1>\d{1,2})(?:/|\.(?=\d{2}\.?(?![\w/.-])))(?P<s2>\d{1,2})\.?(?![\w/.-])"
    rf"|{_PREFIX}(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|\u2014|to|and|or)\s*)?"
    # (voice10b) A desk's hyphens: "10-Dec-2026", "10-Dec".
    rf"(?P<dd>\d{{1,2}})(?:st|nd|rd|th)?(?:(?:\s+of)?\s+|-(?={_MONTHS}))(?P<dm>{_MONTHS})\.?"
    # (Not the year of an ISO date written after it, llm9: "December 14th, 2026-12-15" is two
    # dates, the model contradicting itself, not one.)
    r"(?!\w)(?:(?:,?\s+|(?<=[a-z])-)(?P<dy>\d{4})(?!\d|-\d))?"
    rf"|{_PREFIX}(?P<mm>{_MONTHS})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|\u2014|to|and|or)\s*)?"
    r"(?P<md>\d{1,2})(?:st|nd|rd|th)?(?![\w:])"
    r"(?:,?\s+(?P<my>\d{4})(?!\d|-\d))?"
    # A weekday and its day of the month, no ordinal (dates8): "between Monday 21 and …".
    rf"|(?:{_WEEKDAY}|{_WEEKDAY_SHORT})\.?,?\s+(?P<wdn>\d{{1,2}})"
    rf"(?![\w:./-]|\s*(?:am|pm|a\.m|p\.m)|\s+(?:of\s+)?(?:{_MONTHS})(?!\w))"
    # A day named for its feast (dates8): "by Christmas Eve"; not "after Christmas".
    r"|(?<!after )(?P<hol>christmas eve|christmas day|christmas|xmas eve|xmas|boxing day"
    r"|new year's eve|new years eve|new year's day|new years day)"
    rf"|(?:(?:{_WEEKDAY}|{_WEEKDAY_SHORT})\.?,?\s+(?:the\s+)?"
    r"|(?:the|on|by|arr|eta:?|due|until|till|til"
    # An ordinal right after an agent's word of arriving: "should land 10th-12th", "ETA's 9th".
    r"|land|lands|arrive|arrives|arriving|expected|exp|eta's|etas"
    # "booked for 14th", chat's "booked 4 14th" (dates8).
    r"|for|4)\s+(?:the\s+)?)"
    r"(?P<od>\d{1,2})(?:st|nd|rd|th)"
    # "between the 14th and 16th": a range of days of the month, read as its latest.
    r"(?:\s*(?:-|\u2013|\u2014|to|and|or)\s*(?:the\s+)?(?P<odhi>\d{1,2})(?:st|nd|rd|th))?"
    rf"(?!\s+(?:of\s+)?(?:{_MONTHS})(?!\w))"
    # "a fortnight today", "a week tomorrow": British for that many days on from the day.
    r"|(?P<weekon>(?:a|one)\s+(?P<wounit>week|fortnight)\s+(?P<woday>today|tomorrow|tmrw))"
    # "a week on Monday", "Monday week" (dates8): that weekday, a week (or a fortnight) on.
    rf"|(?:a|one)\s+(?P<wkunit>week|fortnight)\s+on\s+(?:the\s+)?"
    rf"(?P<wkon>{_WEEKDAY}|{_WEEKDAY_SHORT})(?!\w)"
    rf"|(?P<wkday>{_WEEKDAY}|{_WEEKDAY_SHORT})\s+(?P<wkafter>week|fortnight)(?![\w'])"
    # "2 days ago", "a week ago": that many days before today.
    rf"|(?P<ago>{_COUNT})\s+(?P<agounit>days?|weeks?)\s+ago"
    rf"|(?P<rel>{_RELATIVE})"
    r"|(?P<next>the\s+(?:next|following)\s+day|the\s+day\s+after(?!\s+tomorrow))"
    # "on the next business day" (dates8): one weekday after today.
    r"|(?P<nextbiz>the\s+(?:next|following)\s+(?:business|working|biz)\s+day)"
    rf"|(?P<tod>(?:by|at|around|before|for|eta:?|eta is|eta of|arr|due|until|till|til)\s+"
    r"(?:the\s+)?"
    rf"(?:{_TIME_OF_DAY}))"
    r"|(?P<wkend>(?:(?:by|over|at|on|for|until|till|before)\s+)?(?:the|this)\s+weekend)"
    # "in the next day or two": a range of one to two days, read as its latest.
    r"|(?P<dayortwo>(?:in|within|over)\s+(?:the\s+next\s+|a\s+)?day\s+or\s+(?:two|so))"
    r"|(?:(?:in|within|inside(?: of)?|over)\s+(?:(?:the\s+)?next\s+|the\s+coming\s+)?"
    r"(?:about\s+|around\s+|roughly\s+|approximately\s+)?"
    r"|(?<=\barr )|(?<=\beta )|(?<=\beta: )|(?<=\beta is )"
    # A label's blanks left by Markdown (dates8): "**ETA:** 2–3 business days".
    r"|(?<=\beta:  )|(?<=\beta:   ))"
    rf"(?P<n>{_COUNT})(?:\s*(?:-|\u2014|to)\s*(?P<nhi>{_COUNT}))?(?:\s+|(?<=\d)(?=h))"
    r"(?P<biz>(?:business|working|biz|bus\.?|work)\s+)?"
    r"(?P<unit>days?|weeks?|wks?|fortnights?|hours?|hrs?|h)"
    # Not "booked in a week on Tuesday": that is the weekday a week on (dates8).
    rf"(?!\s+on\s+(?:the\s+)?(?:{_WEEKDAY}|{_WEEKDAY_SHORT})(?!\w))"
    # A window of clock times, with no word before it (dates8): "a 13:00-15:00 window",
    # "Estimated arrival: 13:15 – 14:15", "between 1:00 p.m. and 3:00 p.m.": today, unless a
    # day stands beside it ("thu 10-11am slot").
    rf"|(?P<win>(?:between\s+)?{_WINDOW})"
    # A carrier's time stamp, a day and a clock time (dates8): "POD 08/12 15:55",
    # "signed for by 'SMITH' 09/12 at 08:02": an event already past.
    r"|(?P<t1>\d{1,2})/(?P<t2>\d{1,2})(?=,?\s+(?:at\s+)?\d{1,2}:\d{2}(?!\d))"
    rf"|(?P<wpre>(?:by|on|this|next|until|before|last|coming|from)\s+)?(?P<wd>{_WEEKDAY})"
    rf"{_NOT_BEFORE_DATE}"
    rf"|(?:(?P<spre>(?:{_SHORT_PREFIX})\s+)(?P<wds>{_WEEKDAY_SHORT})"
    rf"|(?<!')(?P<wdu>mon|tues?|weds|thu(?:rs?)?|fri)"
    # A short name before a clock time is a weekday (dates8): "dlvd 2 ur porch sat 11:40".
    rf"|(?P<wdt>sat|sun|wed)(?=\s+\d{{1,2}}[:.]\d{{2}})){_NOT_BEFORE_DATE}\.?"
    r")(?!\w)"
)
#: Substrings of every text `_DATE` can match (digits, and the words of every branch without
#: one): an answer holding none of them names no date.
DATE_NEEDLES = (
    *"0123456789",
    "day", "tdy", "tonight", "tonite", "2nite", "morning", "afternoon", "evening", "tom",
    "tmr", "tmw", "2mo", "yest", "ystrdy", "tea", "lunch", "eod", "close of play", "week",
    "wk", "fortnight", "hour", "hr", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan",
    "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "christmas", "xmas", "boxing", "new year",
)  # fmt: skip
#: "-thu" after a weekday: the end of a range of weekdays ("wed-thu", "Mon – Wed").
_WEEKDAY_TAIL = compile_pattern(rf"\s*[-\u2013\u2014/]\s*({_WEEKDAY}|{_WEEKDAY_SHORT})\.?(?!\w)")
#: What joins a span to the day it is counted from: "3-5 working days from today".
_ANCHOR_DAY = compile_pattern(r"\s+(?:from|of|after)\s+")
_RANGE_GAP = compile_pattern(r"\s*(?:and|to|-|\u2014|or|through|until)\s*")
_RANGE_OPENER = compile_pattern(r"(?:between|from)\s+$")


@dataclass(frozen=True, slots=True)
class DateExpr:
    start: int
    end: int
    #: A calendar date with its year.
    absolute: date | None = None
    #: (month, day) of a date written without a year.
    month_day: tuple[int, int] | None = None
    #: Days after (or before, if negative) today.
    offset: int | None = None
    business_days: int | None = None
    weekday: int | None = None
    weekday_past: bool = False
    #: "the 13th": a day of a month left unsaid.
    day_of_month: int | None = None
    #: "within 48 hours": the day it is then.
    hours: int | None = None
    #: "by teatime": today, unless a day stands beside it.
    time_of_day: bool = False
    #: "by the weekend": a range, Saturday to Sunday, read as its latest day (the coming Sunday,
    #: or today on a Sunday).
    weekend: bool = False
    #: Several expressions making one range ("between Monday and Wednesday").
    parts: tuple[DateExpr, ...] = ()
    #: "9/12" without a year: (first, second) number, either order possible.
    numeric: tuple[int, int] | None = None
    #: "the next day": days after the date said before it in its sentence (read by the caller,
    #: which knows that sentence; alone it names no date).
    after: int = 0
    #: "a week on Monday": days added to the weekday's date.
    plus: int = 0
    #: A time stamp ("08/12 15:55"): an event already past, whatever the clause's tense.
    stamp: bool = False


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _numeric(first: int, second: int, year: int) -> date | None:
    year = year + 2000 if year < 100 else year
    if second > 12 and first <= 12:
        return _safe_date(year, first, second)
    return _safe_date(year, second, first)


def _count(text: str) -> int:
    return int(text) if text.isdigit() else _COUNT_VALUE[re.sub(r"\s+", " ", text)]


def _written(match: re.Match[str], day: str, month: str, year: str | None) -> DateExpr:
    start, end = match.span()
    month_number = _MONTH_NUMBER[month[:3]]
    if year:
        return DateExpr(start, end, absolute=_safe_date(int(year), month_number, int(day)))
    return DateExpr(start, end, month_day=(month_number, int(day)))


def _duration(match: re.Match[str]) -> DateExpr:
    """ "in 3–5 business days", "within 48 hours", "in a fortnight": the latest count."""
    start, end = match.span()
    count = _count(match["nhi"] or match["n"])
    days = _UNIT_DAYS.get(match["unit"], 0)  # "24h": hours
    if days == 0:
        return DateExpr(start, end, hours=count)
    if days > 1:
        return DateExpr(start, end, offset=days * count)
    if match["biz"]:
        return DateExpr(start, end, business_days=count)
    return DateExpr(start, end, offset=count)


def _expr(match: re.Match[str]) -> DateExpr:
    g = match.groupdict()
    start, end = match.span()
    if g["iy"]:
        return DateExpr(start, end, absolute=_safe_date(int(g["iy"]), int(g["im"]), int(g["id"])))
    if g["s1"]:
        return DateExpr(start, end, numeric=(int(g["s1"]), int(g["s2"])))
    if g["t1"] or g["wkon"] or g["wkday"] or g["win"] or g["nextbiz"] or g["hol"]:
        return _dates8(g, start, end)
    if g["n1"]:
        return DateExpr(start, end, absolute=_numeric(int(g["n1"]), int(g["n2"]), int(g["ny"])))
    if g["dd"]:
        return _written(match, g["dd"], g["dm"], g["dy"])
    if g["mm"]:
        return _written(match, g["md"], g["mm"], g["my"])
    if g["od"] or g["wdn"]:
        return DateExpr(start, end, day_of_month=int(g["odhi"] or g["od"] or g["wdn"]))

    if g["rel"] or g["next"] or g["tod"] or g["weekon"] or g["ago"]:
        return _relative(g, start, end)
    if g["wkend"] or g["dayortwo"]:
        weekend = bool(g["wkend"])
        return DateExpr(start, end, weekend=weekend, offset=None if weekend else 2)
    if g["n"]:
        return _duration(match)
    if g["wds"] or g["wdu"] or g["wdt"]:
        past = (g["spre"] or "").strip() == "last"
        group = "wds" if g["wds"] else "wdu" if g["wdu"] else "wdt"
        weekday = [w[:2] for w in _WEEKDAYS].index(g[group][:2])
        return DateExpr(match.start(group), end, weekday=weekday, weekday_past=past)
    last = (g["wpre"] or "").strip() == "last"
    return DateExpr(start, end, weekday=_WEEKDAY_INDEX[g["wd"]], weekday_past=last)


def _dates8(g: dict[str, str | None], start: int, end: int) -> DateExpr:
    """A carrier's time stamp ("08/12 15:55"), a weekday a week on ("a week on Monday",
    "Monday week"), a window of clock times alone ("13:00-15:00"), "the next business day", a
    feast's day ("Christmas Eve")."""
    if g["t1"] and g["t2"]:
        return DateExpr(start, end, numeric=(int(g["t1"]), int(g["t2"])), stamp=True)
    if g["win"]:
        return DateExpr(start, end, offset=0, time_of_day=True)
    if g["nextbiz"]:
        return DateExpr(start, end, business_days=1)
    if g["hol"]:
        return DateExpr(start, end, month_day=_HOLIDAYS[g["hol"].replace("xmas", "christmas")])
    said = g["wkon"] or g["wkday"] or ""
    weekday = _WEEKDAY_INDEX.get(said)
    if weekday is None:  # a short name: "a week on Mon"
        weekday = [w[:2] for w in _WEEKDAYS].index(said[:2])
    unit = g["wkunit"] or g["wkafter"]
    return DateExpr(start, end, weekday=weekday, plus=14 if unit == "fortnight" else 7)


def _relative(g: dict[str, str | None], start: int, end: int) -> DateExpr:
    """A day said from today ("tomorrow", "by teatime") or from the day said before it ("the
    next day")."""
    if g["weekon"]:  # "a fortnight today": that many days on from the day
        days = 14 if g["wounit"] == "fortnight" else 7
        return DateExpr(start, end, offset=days + (0 if g["woday"] == "today" else 1))
    if g["rel"]:
        return DateExpr(start, end, offset=_RELATIVE_DAYS[re.sub(r"\s+", " ", g["rel"])])
    if g["ago"]:  # "2 days ago", "a week ago"
        unit = 7 if (g["agounit"] or "").startswith("week") else 1
        return DateExpr(start, end, offset=-unit * _count(g["ago"]))
    if g["next"]:
        return DateExpr(start, end, after=1)
    return DateExpr(start, end, offset=0, time_of_day=True)


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateExpr]:
    """Date expressions in `text[start:end]`, ranges joined into one."""
    found: list[DateExpr] = []
    stop = len(text) if end is None else end
    for match in _DATE.finditer(text, start, stop):
        expr = _expr(match)
        if expr.weekday is not None and (tail := _WEEKDAY_TAIL.match(text, expr.end, stop)):
            # "eta wed-thu": a range of weekdays, read as its latest.
            named = tail.group(1)
            if named in _WEEKDAY_INDEX:
                weekday = _WEEKDAY_INDEX[named]
            else:
                weekday = [w[:2] for w in _WEEKDAYS].index(named[:2])
            last = DateExpr(tail.start(1), tail.end(), weekday=weekday)
            expr = DateExpr(expr.start, tail.end(), parts=(expr, last))
        if found and _joins(text, found[-1], expr):
            first = found.pop()
            expr = DateExpr(first.start, expr.end, parts=(*(first.parts or (first,)), expr))
        elif found and _counted_from(text, found[-1], expr):
            # "within 4 business days of today", "a week ago today" (dates8): the span is
            # counted from today; "today" names no day of its own.
            found[-1] = replace(found[-1], end=expr.end)
            continue
        elif found and _beside(text, found[-1], expr):
            # "tomorrow by teatime", "by teatime on Friday": the day, spanning both.
            first = found.pop()
            day = first if expr.time_of_day else expr
            expr = replace(day, start=first.start, end=expr.end)
        found.append(expr)
    return found


def _counted_from(text: str, span: DateExpr, day: DateExpr) -> bool:
    """`day` is "today" closing a span counted from it: "in 3-5 working days from today",
    "a week ago today"."""
    if day.offset != 0 or day.time_of_day or text[day.start : day.end] != "today":
        return False
    gap = text[span.end : day.start]
    if span.offset is not None and span.offset < 0 and not span.parts:
        return gap.isspace()
    spans = span.business_days is not None or span.hours is not None or bool(span.offset)
    return spans and span.weekday is None and _ANCHOR_DAY.fullmatch(gap) is not None


def _beside(text: str, first: DateExpr, second: DateExpr) -> bool:
    """One of the two is a time of day, a few words of one clause from the other."""
    if not (first.time_of_day or second.time_of_day):
        return False
    gap = text[first.end : second.start]
    return len(gap) <= 12 and not any(mark in gap for mark in ".!?;\n")


def _joins(text: str, first: DateExpr, second: DateExpr) -> bool:
    gap = text[first.end : second.start]
    if not _RANGE_GAP.fullmatch(gap):
        return False
    # "Thursday or Friday" is a range; "Monday and Tuesday" only after "between" or "from".
    return gap.strip() != "and" or bool(_RANGE_OPENER.search(text, 0, first.start))


def _add_business_days(day: date, count: int) -> date:
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _nearest_year(today: date, month: int, day: int) -> date | None:
    candidates = [d for y in (-1, 0, 1) if (d := _safe_date(today.year + y, month, day))]
    if not candidates:
        return None
    return min(candidates, key=lambda d: (abs((d - today).days), d < today))


def _weekday(today: date, weekday: int, past: bool) -> date:
    if past:
        back = (today.weekday() - weekday) % 7 or 7
        return today - timedelta(days=back)
    ahead = (weekday - today.weekday()) % 7 or 7
    return today + timedelta(days=ahead)


def resolve(expr: DateExpr, now: datetime | None, *, past: bool = False) -> date | None:
    """The date `expr` names; relative and year-less dates need `now`."""
    if expr.parts:
        return _range(expr.parts, now, past)
    if expr.absolute is not None or now is None:
        return expr.absolute
    if expr.hours is not None:
        return (now + timedelta(hours=expr.hours)).date()
    today = now.date()
    if expr.weekend:  # the Sunday closing it: this weekend's, or in a past clause the last one
        if past:
            return today - timedelta(days=(today.weekday() + 1) % 7)
        return today + timedelta(days=6 - today.weekday())
    if expr.month_day is not None:
        return _nearest_year(today, *expr.month_day)
    if expr.numeric is not None:
        return _near_reading(today, *expr.numeric, past=past or expr.stamp)
    if expr.offset is not None:
        return today + timedelta(days=expr.offset)
    if expr.business_days is not None:
        return _add_business_days(today, expr.business_days)
    if expr.weekday is not None:
        day = _weekday(today, expr.weekday, past or expr.weekday_past)
        return day + timedelta(days=expr.plus)
    if expr.day_of_month is not None:
        return _day_of_month(today, expr.day_of_month, past)
    return None


def _range(parts: tuple[DateExpr, ...], now: datetime | None, past: bool) -> date | None:
    """A range's latest day; a range of weekdays ends on its last weekday after its first
    day ("mon-fri" said on a Monday is next week's Friday, not this week's)."""
    dates = [d for p in parts if (d := resolve(p, now, past=past)) is not None]
    if len(dates) != len(parts):
        return None
    last = parts[-1].weekday
    if last is not None and parts[0].weekday is not None and not past:
        return dates[0] + timedelta(days=(last - dates[0].weekday()) % 7)
    return max(dates)


def _near_reading(today: date, first: int, second: int, *, past: bool) -> date | None:
    """ "9/12" is 9 December in December and 12 September nowhere near it: the one reading,
    day first or month first, within `_NEAR_DAYS` of today on the side of today its clause's
    tense says ("arr 11/12" is 11 December, not 12 November); None when both or neither are."""
    readings = {
        d
        for month, day in ((second, first), (first, second))
        if (d := _nearest_year(today, month, day)) is not None
        and 0 <= ((today - d) if past else (d - today)).days <= _NEAR_DAYS
    }
    return readings.pop() if len(readings) == 1 else None


def _day_of_month(today: date, day: int, past: bool) -> date | None:
    """The first such day from today on, or in a past-tense clause the last one up to today."""
    months = [(today.year * 12 + today.month - 1 + step) for step in (-2, -1, 0, 1, 2)]
    candidates = [d for m in months if (d := _safe_date(m // 12, m % 12 + 1, day))]
    if past:
        return max((d for d in candidates if d <= today), default=None)
    return min((d for d in candidates if d >= today), default=None)
