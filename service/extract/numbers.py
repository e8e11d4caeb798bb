"""Numbers as English writes them: digits, number words, scales and ordinals.

The figure finder (``figures.py``) locates a number and asks this module what
it is worth. Everything here is general English and needs no article context:
"1,200" and "twelve hundred" are both 1200, "three-and-a-half million" is
3500000, "forty-second" is the ordinal 42. The regular expression fragments
are exported so the finder can build its patterns from the same word lists the
parser reads, and the two can never disagree about what a number word is.
"""
import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
    "lakh": 100_000, "crore": 10_000_000,
}
# Abbreviated scales, as in "£3bn" or "$5m"; "m" and "k" only count after a currency.
SHORT_SCALES = {"bn": 1_000_000_000, "b": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000,
                "tn": 1_000_000_000_000, "trn": 1_000_000_000_000, "k": 1_000}

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "thousandth": 1000,
}
# "two-thirds", "three quarters": the denominators a fraction is written with.
FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}


def alternation(words) -> str:
    """A regular expression matching any of ``words``, lower case or capitalised, as a prefix tree.

    "t(?:en|h(?:ree|irt(?:een|y))|...)" fails at the first letter that fits no
    word, where a flat "ten|three|thirteen|..." would try every word in turn:
    scanning an article for number words costs a few microseconds instead of
    most of a millisecond.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node) -> str:
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(sorted(branches, key=len, reverse=True)) + ")"

    firsts = []
    for ch, child in sorted(tree.items()):
        first = f"[{ch}{ch.upper()}]" if ch.isalpha() else re.escape(ch)
        firsts.append(first + render(child))
    return "(?:" + "|".join(firsts) + ")"


CARDINAL_WORD = alternation([*UNITS, *TENS, *SCALES, "dozen"])
ORDINAL_WORD = alternation(ORDINAL_WORDS)
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A run of number words: "forty-two", "one hundred and twenty", "three-and-a-half million".
_AFTER_SCALE = "|".join(f"(?<={w})" for w in ("hundred", "thousand", "million", "billion", "trillion"))
WORDS = (rf"{CARDINAL_WORD}\b(?:(?:(?:{_AFTER_SCALE})[ -]and[ -]|[ -]){CARDINAL_WORD}\b)*"
         r"(?:[ -]and[ -]a[ -]half\b(?:[ -](?:hundred|thousand|million|billion|trillion)\b)?)?")
SCALE_WORD = alternation(SCALES)

_TOKEN = re.compile(r"[a-z]+")


def parse_digits(text: str) -> int | float:
    """ "1,200" → 1200, "3.5" → 3.5."""
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() else value


def parse_words(text: str) -> int | float | None:
    """Value of a run of number words ("forty-two" → 42), or None if it does not read as one number.

    Scales multiply what precedes them ("three hundred thousand"), "and" joins
    parts ("one hundred and five"), "and a half" adds a half of the last unit.
    """
    total, current, seen = 0, 0, False
    words = _TOKEN.findall(text.lower())
    i = 0
    while i < len(words):
        w = words[i]
        if w in UNITS or w in TENS:
            current += UNITS.get(w, TENS.get(w, 0))
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in SCALES:
            scale = SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        elif w == "and" and words[i + 1:i + 3] == ["a", "half"]:
            rest = words[i + 3:]
            if rest and rest[0] in SCALES:
                return _clean((total + current + 0.5) * SCALES[rest[0]])
            return _clean(total + current + 0.5)
        elif w != "and" or words[i - 1] not in SCALES:
            return None  # "and" joins only after a scale: "one hundred and five", not "two and three"
        seen = True
        i += 1
    return _clean(total + current) if seen else None


def _clean(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def parse_ordinal(text: str) -> int | None:
    """ "30th" → 30, "forty-second" → 42, "fourth" → 4."""
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", text.strip().lower())
    if m:
        return int(m.group(1))
    parts = re.split(r"[ -]", text.strip().lower())
    last = ORDINAL_WORDS.get(parts[-1])
    if last is None:
        return None
    head = parse_words(" ".join(parts[:-1])) if len(parts) > 1 else 0
    return None if head is None else head + last
