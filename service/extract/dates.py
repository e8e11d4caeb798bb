"""Calendar dates as articles write them, and the date an article is written on.

A date in an article is read against a reference date: the publication date
when the caller knows it, else the dateline ("Friday, September 13, 2019" on
its own line, or "Islamabad, November 21, 2024 –" before the first sentence).
"November 20" in an article of 2024-11-22 is 2024-11-20; without a reference
it stays "11-20", the month and day as written (GUIDELINES, Figures). The
figure finder and the briefing stage both read dates through this module.
"""
import datetime
import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
    "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_NAMES = "|".join(day.capitalize() for day in WEEKDAYS)  # an alternation for the rules that name a day

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s{1,4})"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# "August 27-28", "June 5 to 14" (not "May 4 to 5 people": a plural noun after it counts something)
_DASH = r"(?:\s{0,4}[-–]\s{0,4}|\s{1,4}to\s{1,4}(?=\d{1,2}\b(?!\s{1,4}[a-z]+s\b)))"

_S = r"\s{1,4}"


def _year(group: str) -> str:
    return rf"(?:,?{_S}(?P<{group}>\d{{4}})\b)?"


# Month first ("November 20", "Nov. 20, 2023", "August 27-28", "June 1-2, 2021"),
# day first ("20 November 2023"), or month and year ("December 2001").
DATE = re.compile(
    rf"\b{_WEEKDAY}?(?P<m1>{_MONTH}){_S}(?P<d1>{_DAY})\b(?:{_DASH}(?P<d1b>{_DAY})\b)?" + _year("y1")
    + rf"|\b{_WEEKDAY}?(?P<d2>{_DAY})(?:{_DASH}(?P<d2b>{_DAY}))?{_S}(?:of{_S})?(?P<m2>{_MONTH})" + _year("y2")
    + rf"|\b(?P<m3>{_MONTH}){_S}(?:of{_S})?(?P<y3>\d{{4}})\b"
    rf"|\b(?P<m4>{_MONTH}){_S}of{_S}(?P<rel>this|last|next){_S}year\b"
)
_FULL_DATE = re.compile(rf"\b(?P<m1>{_MONTH}){_S}(?P<d1>{_DAY}),?{_S}(?P<y1>\d{{4}})\b"
                        rf"|\b(?P<d2>{_DAY}){_S}(?P<m2>{_MONTH}),?{_S}(?P<y2>\d{{4}})\b")
_DATELINE_END = re.compile(r"\s{0,4}(?:$|[-–—:(])")


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def date_value(m: re.Match, reference: datetime.date | None) -> str | None:
    """The figure value of a ``DATE`` match: an ISO date, "MM-DD" or "YYYY-MM"."""
    g = m.groupdict()
    if g["m4"]:
        if reference is None:
            return None
        year = reference.year + {"this": 0, "last": -1, "next": 1}[g["rel"]]
        return f"{year:04d}-{month_number(g['m4']):02d}"
    if g["m3"]:
        return f"{g['y3']}-{month_number(g['m3']):02d}"
    month = month_number(g["m1"] or g["m2"])
    day = _day(g["d1"] or g["d2"])
    year = g["y1"] or g["y2"]
    try:
        if year:
            return datetime.date(int(year), month, day).isoformat()
        if reference is not None:
            return nearest(reference, month, day).isoformat()
    except ValueError:  # "February 30": not a date
        return None
    return f"{month:02d}-{day:02d}"


def nearest(reference: datetime.date, month: int, day: int) -> datetime.date:
    """The date with this month and day closest to the reference: news looks back and ahead a few months."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(datetime.date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - reference).days))


def parse_published(published: str | None) -> datetime.date | None:
    """An ISO date or date-time string → its date (None when absent or unreadable)."""
    if not published:
        return None
    try:
        return datetime.date.fromisoformat(published[:10])
    except ValueError:
        return None


def dateline(text: str, body_start: int) -> tuple[datetime.date, int, int] | None:
    """The dateline's date and span: a full date alone on one of the first body lines, or ending one
    ("Islamabad, Pakistan, November 21, 2024 –")."""
    pos = body_start
    for _ in range(4):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if line.strip():
            m = _FULL_DATE.search(line, 0, 120)
            if m and (len(line.strip()) <= 60 or _DATELINE_END.match(line, m.end())):
                g = m.groupdict()
                try:
                    day = datetime.date(int(g["y1"] or g["y2"]), month_number(g["m1"] or g["m2"]),
                                        _day(g["d1"] or g["d2"]))
                except ValueError:
                    return None
                return day, pos + m.start(), pos + m.end()
            if len(line.strip()) > 60:
                return None
        if end >= len(text):
            return None
        pos = end + 1
    return None


def reference_date(text: str, body_start: int, published: str | None) -> datetime.date | None:
    """The date the article is written on: its publication date, else its dateline."""
    known = parse_published(published)
    if known is not None:
        return known
    found = dateline(text, body_start)
    return found[0] if found else None
