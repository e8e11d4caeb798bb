"""Stage 6: the figures an article cites, each with its value, kind, unit and qualifier.

The order of things, per article:

1. The reference date is fixed (``dates.reference_date``): the publication
   date, else the dateline. Calendar dates are found first ("November 20",
   "Nov. 20, 2023", "December 2001") and read against it.
2. One scan finds where a figure can start (``_CANDIDATE``: digits,
   currency signs, number words, months); each place is then read with one
   anchored pattern (``_CORE``): ordinals, fractions, "-fold", decades,
   "a dozen" / "a week", vague amounts ("hundreds", "several") and plain
   numbers in digits or words, with a currency before.
3. Each plain number is then read outward with small anchored patterns:
   to the left a qualifier ("at least", "nearly", "between"), to the right a
   second number of a range, a scale ("million", "bn"), then what it counts:
   a percent sign, a currency, an age ("-year-old"), a duration ("weeks"), a
   measurement unit ("km") or else the counted noun phrase and the event verb
   after it ("42 Palestinians were killed").
4. Numbers that name rather than count are dropped: identifiers ("Resolution
   2334", "COVID-19", "F-16"), times of day, phone numbers, "one" as a
   pronoun, bare years become dates.
5. Parts ("192 people, including 58 children") point at their whole, and a
   figure inside a statement's content gets that statement's id.

Everything is general English (number words, units, currencies, qualifiers,
event verbs). Words before a number are read by matching reversed patterns
against the reversed text just before it (``_behind``), and every repetition
is bounded, so a long input costs linear time.
"""
import bisect
import re

from . import dates, numbers
from .ids import record_id
from .records import Figure

# ---------------------------------------------------------------- word lists (general English)
QUALIFIERS = {
    "at least about": "at_least", "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "just over": "more_than", "well over": "more_than",
    "in excess of": "more_than", "upwards of": "more_than", "above": "more_than",
    "up to": "at_most", "at most": "at_most", "as many as": "at_most", "as much as": "at_most",
    "no more than": "at_most", "not more than": "at_most", "within": "at_most", "a maximum of": "at_most",
    "less than": "less_than", "under": "less_than", "fewer than": "less_than", "below": "less_than",
    "just under": "less_than",
    "about": "about", "around": "about", "nearly": "about", "almost": "about", "some": "about",
    "roughly": "about", "approximately": "about", "approx.": "about", "an estimated": "about",
    "estimated": "about", "close to": "about", "circa": "about", "an average of": "about",
    "between": "range", "from": "range",
}
CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "A$": "AUD", "C$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD",
                  "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
CURRENCY_CODES = ("USD EUR GBP SEK NOK DKK CHF JPY CNY INR PKR LKR NPR BDT AFN IRR IQD AUD CAD NZD HKD SGD "
                  "RUB TRY ZAR BRL MXN AED SAR QAR KRW ILS EGP NGN KES").split()
CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "pound sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "ruble": "RUB", "rouble": "RUB", "krona": "SEK", "kronor": "SEK", "franc": "CHF", "riyal": "SAR",
    "dirham": "AED", "lira": "TRY", "shekel": "ILS", "won": "KRW", "naira": "NGN", "rand": "ZAR",
    "rupee": None, "taka": "BDT", "afghani": "AFN",
}
# Adjectives that pick a country's dollar or pound ("Canadian dollars", "British pounds").
CURRENCY_ADJECTIVES = {"us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
                       "hong kong": "HKD", "new zealand": "NZD", "singapore": "SGD", "british": "GBP",
                       "egyptian": "EGP", "pakistani": "PKR", "indian": "INR", "sri lankan": "LKR",
                       "nepalese": "NPR", "swedish": "SEK", "swiss": "CHF", "chinese": "CNY", "japanese": "JPY"}
# Which rupee "Rs" means, by the country the article is about (whichever it names first).
RUPEE_COUNTRIES = {"Pakistan": "PKR", "India": "INR", "Sri Lanka": "LKR", "Nepal": "NPR"}
DURATIONS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
             "month": "month", "year": "year", "decade": "year", "century": "year",
             "centurie": "year"}  # the stem of "centuries", since the patterns add only an "s"
DURATION_FACTOR = {"decade": 10, "century": 100, "centurie": 100}
# Measurement units as written, plural → singular where English adds more than an "s".
UNITS = ("km kilometre kilometer mile mph km/h kph metre meter m cm mm foot feet ft inch inches yard "
         "kg kilogram kilo gram lb lbs pound ton tonne ounce oz gallon litre liter barrel acre hectare "
         "light-year degree knot megawatt gigawatt kilowatt MW GW kW kWh watt volt calorie").split() + [
    f"{size} {unit}" for size, units in (("square", "kilometre kilometer km mile metre meter foot feet"),
                                         ("cubic", "metre meter foot feet"), ("metric", "ton"),
                                         ("nautical", "mile"), ("light", "year"))
    for unit in units.split()]
UNIT_SINGULAR = {"feet": "foot", "inches": "inch", "lbs": "lb"}
EVENTS = {
    "killed": "killed", "killing": "killed", "dead": "killed", "died": "died", "wounded": "wounded",
    "wounding": "wounded", "injured": "injured", "injuring": "injured", "hurt": "injured",
    "arrested": "arrested", "arresting": "arrested", "detained": "detained", "detaining": "detained",
    "displaced": "displaced", "displacing": "displaced", "evacuated": "evacuated", "rescued": "rescued",
    "missing": "missing", "abducted": "abducted", "kidnapped": "kidnapped", "captured": "captured",
    "released": "released", "freed": "released", "deported": "deported", "executed": "executed",
    "jailed": "jailed", "sentenced": "sentenced", "charged": "charged", "convicted": "convicted",
    "infected": "infected", "infecting": "infected", "hospitalised": "hospitalized",
    "hospitalized": "hospitalized", "vaccinated": "vaccinated", "displace": "displaced",
}
# Words between a counted noun and its event verb ("were reportedly killed").
AUXILIARIES = {"were", "was", "have", "has", "had", "been", "are", "is", "be", "being", "reportedly",
               "also", "allegedly", "later", "now", "all", "either", "both"}
# Closed-class words that end a counted noun phrase.
STOP = set("""
a an the of in on at to for from by with without into onto over under about after before during since until
than as per via and or but nor so yet that which who whom whose where when while this these those it its they
them their he she his her we our you your i is are was were be been being have has had will would shall
should can could may might must do does did not no also each all some such other any both either neither
there here then just only even still again ago later earlier more most less least among between against
across through throughout toward towards upon within including like if because though although whether
what how why s many various few multiple numerous several too very much far well once twice
aboard abroad worldwide nationwide overall ahead away alone together apiece annually near behind beyond
outside inside along around beside despite except off out up down past below above
""".split())
# Nouns that take "of" into the counted phrase: "six lines of effort".
CLASSIFIERS = {"lines", "kinds", "types", "sorts", "forms", "pieces", "categories"}
# Words before a number that make it an identifier, not a quantity: "section 7", "page 12".
IDENTIFIER_NOUNS = set("""
section sections article articles paragraph chapter clause resolution resolutions page pages room flight
no no. number item rule title phase level category grade route highway platform gate terminal channel
exit row seat ward act bill law order decree case docket unit block lot box precinct version season
episode tel tel. phone fax ext ext. p. pp. vol. volume issue suite apt apartment floor code sec. cl. art.
""".split())
# Capitalised words before a number that still let it count ("Over 1,400 employees", "And 12 more").
QUALIFIER_FIRST_WORDS = {q.split()[0] for q in QUALIFIERS} | {"and", "to", "or"}
# People an age can follow: "Thomas Sam, 42, and ...", "another brother, 22, was ...".
PERSON_NOUNS = set("""
man woman boy girl child son daughter brother sister mother father husband wife mom dad baby teenager
resident student victim suspect driver officer soldier worker farmer teacher doctor nurse
""".split())
IRREGULAR_PLURALS = {"people", "children", "men", "women", "police", "personnel", "staff", "feet", "teeth",
                     "mice", "geese", "cattle", "livestock", "aircraft", "sheep", "fish", "deer", "troops"}

# ---------------------------------------------------------------- patterns
_W = numbers.WORDS
_TENS = numbers.alternation(numbers.TENS)
_DURATION = numbers.alternation(DURATIONS)
_FRACTION = numbers.alternation(numbers.FRACTIONS)
_SMALL = numbers.alternation(w for w, v in numbers.UNITS.items() if 0 < v < 10)
_CUR = (r"(?:US|A|C|NZ|HK|S)?\$|[£€¥₹]|\bRs\.?\s?|\b(?:" + "|".join(CURRENCY_CODES) + r")\s?(?=\d)")
# Amounts without a number: figures with value None ("hundreds of protesters", "several cities").
_VAGUE = numbers.alternation("dozens hundreds thousands millions billions scores several tens decades".split())
_ONE_OF = numbers.alternation(["dozen", *(w for w in numbers.SCALES if w not in ("lakh", "crore")), *DURATIONS])

# Every number-like thing, in the order the alternatives are tried at one position.
_CORE = re.compile(
    rf"(?P<ord>(?<![\w.,:/-])\d+(?:st|nd|rd|th)\b|\b(?:{_TENS}[ -])?{numbers.ORDINAL_WORD}\b)"
    rf"|(?P<frac>\b{_SMALL}[ -]{_FRACTION}\b|(?<![\w.,:/-])\d/\d{{1,2}}\b(?![/\d]))"
    rf"|(?P<fold>\b(?:\d+|{numbers.CARDINAL_WORD})[- ]?fold\b)"
    rf"|(?P<decade>(?<![\w.,:/-])(?:1[0-9]|20)\d0s\b)"
    rf"|(?P<a>\b[Aa]n?\s{{1,4}}{_ONE_OF}\b)"
    rf"|(?P<vague>\b{_VAGUE}\b)"
    rf"|(?:(?P<cur>{_CUR})|(?<![\w.,:/#-]))(?P<num>{numbers.DIGITS}|\b{_W})"
)
# Where a figure can start: after a space or an opening mark, a digit, a currency, a number word, a month or
# weekday, or "a"/"an" before a unit of one. The leading separator keeps the scan in the regex engine's
# fast path (a character set first), which is what makes it cheap.
_CANDIDATE = re.compile(
    r"[\s(\[“\"‘'/–—-](?:[\d$£€¥₹]|[Aa]n?\s{1,4}" + _ONE_OF + r"\b|" + numbers.alternation(
        [*numbers.UNITS, *numbers.TENS, *numbers.SCALES, *numbers.ORDINAL_WORDS, "dozen",
         *"dozens hundreds thousands millions billions scores several tens decades US Rs".split(),
         *CURRENCY_CODES, *(f"{c}$" for c in ("A", "C", "NZ", "HK", "S")),
         *dates.MONTHS, *dates.WEEKDAYS]) + r"(?![A-Za-z]))")
def _behind(phrases) -> re.Pattern:
    """A pattern for any of ``phrases`` written just before a position, matched against the reversed text
    before it (``_Reader.behind``): one anchored attempt instead of a search through the whole window."""
    alternatives = "|".join(re.escape(p[::-1]).replace(r"\ ", r"\s{1,4}")
                            for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"[ \t]{1,4}(?P<w>" + alternatives + r")\b", re.I)


_QUALIFIER = _behind(QUALIFIERS)
_AGE_BEFORE = _behind(["aged", "age", "the age of", "ages"])
_AGE_AFTER_PRONOUN = _behind([f"{p} {v}" for p in ("he", "she", "they", "i", "you", "we")
                              for v in ("was", "is", "were", "turned", "turns")])
_WORD_COMMA = re.compile(r"\s,(?P<w>[A-Za-z]+)\b")  # reversed "Sam, " as in "Thomas Sam, 42,"
_PREVIOUS_WORD = re.compile(r"[ \t]{1,4}\)?(?P<w>[\w.$]+)")  # reversed; "(PP) 8015" gives "PP"
_YEAR_DET = _behind("the a an its his her their our this that fy of in since by from until before after".split())
_ONE_PRONOUN_BEFORE = _behind("no any every the this that each which".split())
_THE = _behind(["the"])
_TIME_UNIT_BEFORE = _behind("a per every split one".split())
_EVENT_BEFORE = _behind(EVENTS)
_RANGE = re.compile(rf"(?P<sep>\s{{0,4}}[-–]\s{{0,4}}|\s{{1,4}}(?:to|or|and)\s{{1,4}})"
                    rf"(?:{_CUR})?(?P<num>{numbers.DIGITS}|\b{_W})")
_OR_MORE = re.compile(r"\s{1,4}or\s{1,4}(?P<w>more|fewer|less)\b")
_SCALE = re.compile(rf"\s{{0,4}}(?P<scale>{numbers.SCALE_WORD})\b|(?P<short>bn|mn|m|tn|trn|k|b)\b")
_PERCENT = re.compile(r"\s{0,4}(?:%|(?i:percent|per\s{1,4}cent|percentage\s{1,4}points?)\b)")
_CODE_AFTER = re.compile(r"\s{0,4}(?P<code>" + "|".join(CURRENCY_CODES) + r")\b")
_CURRENCY_WORD = re.compile(
    r"\s{1,4}(?:(?P<adj>" + "|".join(re.escape(a) for a in sorted(CURRENCY_ADJECTIVES, key=len, reverse=True))
    + r")\s{1,4})?(?P<word>" + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True)) + r")s?\b", re.I)
_AGE = re.compile(r"[- ](?P<u>year|month|week|day)s?[- ]old\b", re.I)
_DURATION_AFTER = re.compile(
    rf"[- ](?P<u>{_DURATION})s?\b(?P<long>-long\b)?(?:\s{{1,4}}(?P<rel>ago|later|earlier)\b)?", re.I)
_UNIT = re.compile(
    r"[- ]?(?P<u>" + "|".join(re.escape(u).replace(r"\ ", r"\s{1,4}") for u in sorted(UNITS, key=len, reverse=True))
    + r")(?P<pl>e?s)?(?![\w/])")
_POUND_STERLING = re.compile(r"\s{1,4}sterling\b", re.I)
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z][\w’'.-]*[\w]|[A-Za-z]")
_GAP = re.compile(r"[ \t]{1,4}|-(?=[A-Za-z])")
_TIME = re.compile(r"(?::\d\d|\.\d\d\s?(?i:[ap]\.?m)\b|\s?(?i:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock)"
                   r"|\s?(?:UTC|GMT|[ECMP][SD]T)\b)")
_THREE_WORDS = re.compile(r"(?:\s{1,4}[A-Za-z]+){0,3}")
_NEXT_WORD = re.compile(r"[ -](?P<w>[a-z]+)\b")
_RELATIVE = re.compile(r"\s{1,4}(?:ago|later|earlier)\b|-long\b")
_PHONE = re.compile(r"[-.]\d{2,4}[-.]\d")
_DASHED_WORD = re.compile(r"-[A-Za-z]")
_INCLUDING = re.compile(
    r"^\s{0,4},?\s{0,4}(?:including|among\s{1,4}(?:them|whom)|of\s{1,4}(?:whom|which|them))\s{1,4}$", re.I)
_PART_JOIN = re.compile(r"^\s{0,4}(?:,|and|,\s{0,4}and)\s{0,4}$")
_MORE = re.compile(r"\s{1,4}(?:more|other)\b")  # "200 more", "4,000 other exoplanets"
_ONE_PRONOUN_AFTER = re.compile(r"(?i:\s{1,4}(?:of|another|day|hand|way|or\s{1,4}another|by\s{1,4}one)\b)")
_DOTTED_CAPS = re.compile(r"(?:[A-Z]\.){3,}")
_DOTTED_CAPS_AFTER = re.compile(r"\s{1,4}(?:[A-Z]\.){3,}|\s{1,4}[A-Z][a-z]{0,3}\.\s{1,4}(?:[A-Z]\.){2,}")
_SUBSECTION = re.compile(r"\([a-z0-9]{1,4}\)")
_SUBSECTIONS = re.compile(r"(?:\([a-z0-9]{1,4}\)|[-–]\d+)*")
_IDENTIFIER_JOIN = re.compile(r",\s{0,4}(?:and\s{1,4}|or\s{1,4})?|\s{1,4}(?:and|or|through|to)\s{1,4}|,?\s{0,4}\(")
_DASHED_CAPITAL = re.compile(r"-[A-Z]")
_LIST_MARKER = re.compile(r"\.\s{1,4}[A-Z]")
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")
_PLURAL = re.compile(r"[A-Za-z][\w’'.-]*[^sui\W]s|(?:[A-Z]\.)+s")
_VERBISH = re.compile(r"[a-z]+(?:ed|ing)")
_DOTTED_CAPS_ANY = re.compile(r"(?:[A-Z]\.){2,}")
_AND = re.compile(r"\s{1,4}and\b")
_OF_SCALE = re.compile(r"\s{1,4}of\s{1,4}(?:thousands|millions|billions)\b")
_VAGUE_DURATION = re.compile(rf"\s{{1,4}}(?:of\s{{1,4}})?(?P<u>{_DURATION})s\b")
_VAGUE_MONEY = re.compile(r"(?i:\s{1,4}(?:of\s{1,4}dollars|in\s{1,4}funding|of\s{1,4}euros|of\s{1,4}pounds))\b")
_OF_DETERMINER = re.compile(r"\s{1,4}of(?:\s{1,4}(?:the|those|these|their|its|our|his|her))?(?=\s)")


class _Reader:
    """One article's figures: holds the text and what every number is read against."""

    def __init__(self, doc):
        self.text = doc.text
        self.start = doc.body_start
        self.reference = dates.reference_date(doc.text, doc.body_start, doc.published)
        self.rupee = _rupee(doc.text)
        self.found: list[tuple] = []  # (start, end, fields)
        self.identifier_end = -1  # end of the last number read as an identifier

    # ------------------------------------------------------------ helpers
    def add(self, start, end, **fields):
        self.found.append((start, end, fields))

    def before(self, pos, width=40):
        return self.text[max(self.start, pos - width):pos]

    def sentence_initial(self, pos):
        """Whether the word at ``pos`` opens a sentence or paragraph."""
        i = pos - 1
        while i >= self.start and self.text[i] in " \t":
            i -= 1
        return i < self.start or self.text[i] in "\n.!?\"“‘'(:;—–-[" or i < 0

    def behind(self, pattern, pos, width=40):
        """The phrase of ``pattern`` (see ``_behind``) written just before ``pos`` and where it starts, or
        (None, pos)."""
        m = pattern.match(self.text[max(self.start, pos - width):pos][::-1])
        return (m.group("w")[::-1], pos - m.end()) if m else (None, pos)

    def person_before(self, pos):
        """Whether a name or a person noun and a comma come just before ``pos`` ("Sam, ", "brother, ")."""
        word = self.behind(_WORD_COMMA, pos, 30)[0]
        if not word:
            return False
        low = word.lower()
        return low in PERSON_NOUNS or (word[0].isupper() and low.rstrip(".") not in dates.MONTHS
                                       and low not in dates.WEEKDAYS)

    def previous_word(self, pos):
        return self.behind(_PREVIOUS_WORD, pos, 30)[0] or ""

    # ------------------------------------------------------------ stages
    def read(self):
        """All figures as (start, end, fields), in text order; they may still overlap (see find_figures)."""
        # Only word starts and digits can begin a figure: find those once, then read each in place.
        starts = [m.start() + 1 for m in _CANDIDATE.finditer(self.text, max(self.start - 1, 0))]
        covered = -1
        for pos in starts:  # dates first: "November 20" is a date, not the count 20
            m = dates.DATE.match(self.text, pos) if pos >= covered else None
            value = dates.date_value(m, self.reference) if m else None
            if value is not None:
                ranged = m.group("d1b") or m.group("d2b")
                self.add(m.start(), m.end(), kind="date", value=value, qualifier="range" if ranged else None)
                covered = m.end()
        spans = [(start, end) for start, end, _ in self.found]
        i, covered = 0, -1
        for pos in starts:
            while i < len(spans) and spans[i][1] <= pos:
                i += 1
            if pos < covered or (i < len(spans) and spans[i][0] <= pos):
                continue
            m = _CORE.match(self.text, pos)
            if m is None:
                continue
            covered, count = m.end(), len(self.found)
            self.number(m)
            if len(self.found) > count:
                start, end, _ = self.found[-1]
                if (i < len(spans) and spans[i][0] < end) or (i > 0 and start < spans[i - 1][1]):
                    self.found.pop()  # it runs into a date
                else:
                    covered = max(covered, end)
        self.found.sort(key=lambda f: f[0])
        return self.found

    def number(self, m):
        """Read one ``_CORE`` match by the kind of thing it found."""
        kind = m.lastgroup
        s, e = m.start(), m.end()
        if kind == "ord":
            self.ordinal(m)
        elif kind == "frac":
            raw = m.group().lower()
            if "/" in raw:
                num, den = (int(x) for x in raw.split("/"))
                if not 0 < num < den <= 10:
                    return
            else:
                head, tail = re.split(r"[ -]", raw)
                num, den = numbers.UNITS[head], numbers.FRACTIONS[tail]
            q, qs = self.qualifier(s)
            self.add(qs, e, kind="other", value=round(num / den, 6), qualifier=q)
        elif kind == "fold":
            value = numbers.parse_words(m.group()[:-4].strip(" -")) if not m.group()[0].isdigit() \
                else int(re.match(r"\d+", m.group()).group())
            self.add(s, e, kind="other", value=value)
        elif kind == "decade":
            self.add(s, e, kind="date", value=m.group()[:4])
        elif kind == "a":
            self.article_number(m)
        elif kind == "vague":
            self.vague(m)
        else:
            self.plain(m)

    def ordinal(self, m):
        s, e, raw = m.start(), m.end(), m.group()
        if raw[0].isalpha():
            if raw.lower() == "first" or (raw[0].isupper() and not self.sentence_initial(s)):
                return  # "first" is everywhere; a capitalised ordinal inside a sentence names something
            if raw.lower() == "second" and self.behind(_TIME_UNIT_BEFORE, s)[0]:
                return  # the unit of time
        if _DASHED_CAPITAL.match(self.text, e):
            return  # "21st-Century Trade": part of a name
        value = numbers.parse_ordinal(raw)
        nxt = _NEXT_WORD.match(self.text, e)  # "30th anniversary", "second attempt"
        end = nxt.end() if nxt and nxt.group("w") not in STOP else e
        self.add(s, end, kind="ordinal", value=value)

    def article_number(self, m):
        """ "a dozen", "a million", "a week ago", "more than a year": one of something."""
        s, e = m.start(), m.end()
        word = m.group().split()[-1].lower()
        q, qs = self.qualifier(s)
        if word in DURATIONS:
            rel = _RELATIVE.match(self.text, e)
            if not q and not rel:
                return  # "a meeting", "a day": the article only means "a"
            end = rel.end() if rel else e
            self.add(qs, end, kind="duration", value=DURATION_FACTOR.get(word, 1), unit=DURATIONS[word],
                     qualifier=q)
            return
        fields = {"value": 12 if word == "dozen" else numbers.SCALES[word], "qualifier": q}
        for measure in (self.percent, self.currency_after, self.duration, self.unit):  # "a dozen years"
            if measure(qs, e, fields):
                return
        self.counted(qs, e, fields["value"], q)

    def vague(self, m):
        """ "hundreds of protesters", "several cities", "decades", "weeks of protests": no number, value None."""
        text, s, e = self.text, m.start(), m.end()
        word = m.group().lower()
        of_scale = _OF_SCALE.match(text, e)  # "tens of thousands", "hundreds of millions"
        if of_scale:
            e = of_scale.end()
        elif word == "tens":
            return
        if word == "decades":
            self.add(s, e, kind="duration", value=None, unit="year")
            return
        dur = _VAGUE_DURATION.match(text, e)
        if dur:
            self.add(s, dur.end(), kind="duration", value=None, unit=DURATIONS[dur.group("u").lower()])
            return
        money = _VAGUE_MONEY.match(text, e)
        if money:
            unit = {"euros": "EUR", "pounds": "GBP"}.get(money.group().split()[-1].lower(), "USD")
            self.add(s, money.end(), kind="money", value=None, unit=unit)
            return
        of = _OF_DETERMINER.match(text, e)
        subject, end = self.noun_phrase(of.end() if of else e)
        more = _MORE.match(text, e)
        if subject is None:
            if not more and word in ("several", "scores"):
                return  # "several" alone is no amount of anything
            end = more.end() if more else e
        self.add(s, end, kind="count", value=None, subject=subject)

    def plain(self, m):
        """A number in digits or words, read outward: qualifier, range, scale, then what it measures."""
        text = self.text
        s, e = m.start(), m.end()
        cur_raw, raw, ns = m.group("cur"), m.group("num"), m.start("num")
        is_digits = raw[0].isdigit()
        if is_digits:
            value = numbers.parse_digits(raw)
        elif raw.split()[0].split("-")[0].lower() in (*numbers.SCALES, "dozen"):
            return  # "million" alone: a scale word without a number
        else:
            value = numbers.parse_words(raw)
            if value is None:
                return
        if not cur_raw and self.names_not_counts(ns, e, raw, is_digits):
            return
        if is_digits and (_TIME.match(text, e) or _PHONE.match(text, e)):
            return
        q, qs = self.qualifier(s)
        e, q, lent = self.range(raw, e, q)
        if q == "range" and e == m.end():  # "between" or "from" with no second number
            q, qs = None, s
        value = _clean(value * lent)
        fields = {"value": value, "qualifier": q}
        scale = _SCALE.match(text, e)
        if scale and (scale.group("scale") or (cur_raw and scale.group("short"))):
            factor = numbers.SCALES[scale.group("scale").lower()] if scale.group("scale") \
                else numbers.SHORT_SCALES[scale.group("short")]
            fields["value"] = _clean(value * factor)
            e = scale.end()
        if cur_raw:
            cur = cur_raw.strip()
            unit = CURRENCY_SIGNS.get(cur) or (self.rupee if cur.startswith("Rs") else cur)
            self.add(qs, e, kind="money", unit=unit, **fields)
            return
        for measure in (self.percent, self.currency_after, self.age_after, self.duration, self.unit):
            if measure(qs, e, fields):
                return
        if _year_like(raw) and e == m.end() and self.year(s, e, raw):
            return
        if is_digits and text[e:e + 1].isalpha():
            return  # "4G", "3D": a name
        age, age_start = self.behind(_AGE_BEFORE, qs)
        if age:
            self.add(age_start, e, kind="age", unit="year", **fields)
        elif is_digits and isinstance(value, int) and 0 < value < 120 and not q \
                and text[e:e + 1] in ",)" and self.person_before(qs):
            self.add(s, e, kind="age", unit="year", **fields)  # "Thomas Sam, 42, and ..."
        else:
            self.counted(qs, e, fields["value"], q, raw=raw)

    def range(self, raw, e, q):
        """Extend past a second number ("10 to 15", "10-15", "three or four", "between X and Y") or "or more".

        Returns the new end, the qualifier and the scale the second number lends the first ("two to three
        million": both are millions)."""
        rng = _RANGE.match(self.text, e)
        if rng:
            sep, second = rng.group("sep").strip(), rng.group("num")
            is_digits = raw[0].isdigit()
            joined = (sep in ("-", "–") and is_digits and second[0].isdigit()) or sep == "to" \
                or (sep == "or" and not is_digits and not second[0].isdigit()) or (sep == "and" and q == "range")
            if joined and not (_year_like(raw) and _year_like(second)):
                last = second.replace("-", " ").split()[-1].lower()
                lent = numbers.SCALES.get(last, 1) if raw.split()[-1].lower() not in numbers.SCALES else 1
                return rng.end(), "range", lent
        ormore = _OR_MORE.match(self.text, e)
        if ormore:
            return ormore.end(), "at_least" if ormore.group("w") == "more" else "at_most", 1
        return e, q, 1

    def percent(self, qs, e, fields):
        m = _PERCENT.match(self.text, e)
        if m:
            self.add(qs, m.end(), kind="percent", **fields)
        return m

    def currency_after(self, qs, e, fields):
        """ "10 million USD", "422,000 euros", "5 billion Canadian dollars" ("pounds" alone weigh)."""
        code = _CODE_AFTER.match(self.text, e)
        if code:
            self.add(qs, code.end(), kind="money", unit=code.group("code"), **fields)
            return True
        word = _CURRENCY_WORD.match(self.text, e)
        if not word:
            return False
        name, adj = word.group("word").lower(), (word.group("adj") or "").lower()
        sterling = _POUND_STERLING.match(self.text, word.end())
        if name == "pound" and not adj and not sterling:
            return False
        unit = CURRENCY_ADJECTIVES.get(adj) or CURRENCY_WORDS.get(name) or self.rupee
        self.add(qs, sterling.end() if sterling else word.end(), kind="money", unit=unit, **fields)
        return True

    def age_after(self, qs, e, fields):
        m = _AGE.match(self.text, e)
        if m:
            self.add(qs, m.end(), kind="age", unit=m.group("u").lower(), **fields)
        return m

    def duration(self, qs, e, fields):
        m = _DURATION_AFTER.match(self.text, e)
        if m:
            word = m.group("u").lower()
            value = _clean(fields["value"] * DURATION_FACTOR.get(word, 1))
            age, age_start = self.behind(_AGE_BEFORE, qs)  # "at the age of four months"
            self.add(age_start, m.end(), kind="age" if age else "duration", unit=DURATIONS[word], value=value,
                     qualifier=fields["qualifier"])
        return m

    def unit(self, qs, e, fields):
        m = _UNIT.match(self.text, e)
        if m:
            written = re.sub(r"\s{1,4}", " ", m.group("u"))
            self.add(qs, m.end(), kind="quantity", unit=UNIT_SINGULAR.get(written, written), **fields)
        return m

    def counted(self, qs, e, value, qualifier, raw=None):
        """A count: the number, then the noun phrase it counts and the event verb after it."""
        text = self.text
        more = _MORE.match(text, e)
        if text[e:e + 1] == "-":  # "three-judge court": the compound names what is counted
            w = _WORD.match(text, e + 1)
            if not w or raw is None or raw.lower() == "one" or _AND.match(text, w.end()):
                return  # "one-way", "two-spirit and ...": compound adjectives, not counts
            subject, end = w.group(), w.end()
        else:
            subject, end = self.noun_phrase(more.end() if more else e)
        if subject is None:
            end = more.end() if more else e
            if raw is not None and raw.lower() == "one":
                return  # "one" without a noun is the pronoun
            if raw is not None and raw[0].isdigit() and not qualifier and self.behind(_THE, qs)[0]:
                return  # "the 747": a model or a name
            if raw is not None and isinstance(value, int) and value < 130 and self.behind(_AGE_AFTER_PRONOUN, qs)[0]:
                self.add(qs, e, kind="age", unit="year", value=value)  # "when she was six", "He was 101"
                return
        event = self.event(end, qs)
        self.add(qs, end, kind="count", value=value, qualifier=qualifier, subject=subject, event=event)

    # ------------------------------------------------------------ pieces
    def qualifier(self, s):
        """The qualifier written just before ``s`` and where it starts."""
        phrase, start = self.behind(_QUALIFIER, s)
        if phrase is None:
            return None, s
        return QUALIFIERS[re.sub(r"\s+", " ", phrase.lower())], start

    def names_not_counts(self, s, e, raw, is_digits):
        """Whether the number at ``s`` names something (an identifier, a list marker, a pronoun) instead of
        counting."""
        text = self.text
        if not is_digits:
            if raw.lower() == "one" and (self.behind(_ONE_PRONOUN_BEFORE, s, 12)[0]
                                         or _ONE_PRONOUN_AFTER.match(text, e) or raw[0] == "O"):
                return True  # "no one", "one of the", "One says"
            # a capitalised number word inside a sentence is part of a name ("the Group of Seven")
            return raw[0].isupper() and not self.sentence_initial(s)
        if text[s - 1:s] in ("#", "“", '"', "‘", "’", "'") or raw[0] == "0" and "." not in raw:
            return True  # "#5", a quoted "988", "Fiscal ’22", "0617 UTC"
        if self.continues_identifier(s, e):
            return True  # "sections 1213, 1217, and 1227"
        prev = self.previous_word(s)
        low = prev.lower()
        ident = (low in IDENTIFIER_NOUNS or _DOTTED_CAPS.fullmatch(prev) is not None
                 or _SUBSECTION.match(text, e) is not None or _DOTTED_CAPS_AFTER.match(text, e) is not None
                 or (_year_like(raw) and _DASHED_WORD.match(text, e) and not _AGE.match(text, e)
                     and not _DURATION_AFTER.match(text, e))  # "2019-nCoV"
                 or (prev[:1].isupper() and not _year_like(raw) and low.rstrip(".") not in dates.MONTHS
                     and low not in QUALIFIER_FIRST_WORDS and not _CURRENCY_CODE.fullmatch(prev)
                     and not self.sentence_initial(s - len(prev) - 1)))  # "Resolution 2334", "Apollo 11"
        if ident:
            self.identifier_end = _SUBSECTIONS.match(text, e).end()
            return True
        marker = _LIST_MARKER.match(text, e) and (self.sentence_initial(s) or text[:s].rstrip()[-1:] == ")") \
            or (text[s - 1:s] == "(" and text[e:e + 1] == ")" and len(raw) <= 2)
        return bool(marker)  # "1.  Lloyd Austin", "(2) a photo ID"

    def continues_identifier(self, s, e):
        """Whether the number at ``s`` is the next in a list of identifiers ("sections 1213, 1217")."""
        if self.identifier_end < 0 or not _IDENTIFIER_JOIN.fullmatch(self.text, self.identifier_end, s):
            return False
        self.identifier_end = _SUBSECTIONS.match(self.text, e).end()
        return True

    def year(self, s, e, raw):
        """A bare year becomes a date figure; returns False when the number counts something after all
        ("2500 protesters", but "the 2020 elections" and "2019 Nobel Prize" are years)."""
        nxt = _WORD.match(self.text, e + 1) if self.text[e:e + 1] == " " else None
        plural = nxt and (_PLURAL.fullmatch(nxt.group()) or nxt.group() in IRREGULAR_PLURALS)
        if plural and nxt.group()[0].islower() and nxt.group() not in STOP and not self.behind(_YEAR_DET, s)[0]:
            return False
        self.add(s, e, kind="date", value=raw)
        return True

    def noun_phrase(self, pos):
        """The counted noun phrase starting at ``pos`` ("Palestinians", "space shuttle orbiters", "lines of
        effort") and its end; (None, pos) when the number is not followed by one.

        The phrase runs over words that are not closed-class words, event verbs, numbers or dates; it
        ends after a plural noun unless "and" or a classifier's "of" follows; a word in -ed or -ing
        only modifies a following noun ("three injured people") or is the whole phrase ("one landing").
        """
        text = self.text
        words = []  # (start, end, word)
        i = pos
        after_and = closed = False
        while len(words) < 6:
            gap = _GAP.match(text, i)
            if not gap or (gap.group() == "-" and words):
                break
            w = _WORD.match(text, gap.end())
            if not w:
                break
            word = w.group() if _DOTTED_CAPS_ANY.fullmatch(w.group()) else w.group().rstrip(".")
            low = word.lower()
            wend = w.start() + len(word)
            if words and (low == "and" or (low == "of" and len(words) == 1 and words[0][2].lower() in CLASSIFIERS)):
                after_and, closed = low == "and", False
                words.append((w.start(), wend, word))
                i = wend
                continue
            describes = low in EVENTS and not words and self._noun_follows(wend)  # "three injured people"
            ends = closed or low in STOP or low in EVENTS or _is_number_word(low) or low in dates.MONTHS \
                or low in dates.WEEKDAYS or (low.endswith("ly") and len(low) > 4)
            if ends and not describes:
                break
            if _VERBISH.fullmatch(low) and (after_and or not self._noun_follows(wend)):
                if words or not low.endswith("ing"):
                    break
                closed = True  # a gerund alone: "one landing"
            words.append((w.start(), wend, word))
            after_and = False
            closed = closed or _PLURAL.fullmatch(word) is not None or low in IRREGULAR_PLURALS
            i = wend
        while words and words[-1][2].lower() in ("and", "of"):
            words.pop()
        if not words:
            return None, pos
        return text[words[0][0]:words[-1][1]], words[-1][1]

    def _noun_follows(self, pos):
        gap = _GAP.match(self.text, pos)
        w = _WORD.match(self.text, gap.end()) if gap and gap.group() != "-" else None
        if not w:
            return False
        low = w.group().lower()
        return low not in STOP and low not in EVENTS and not _is_number_word(low) \
            and _VERBISH.fullmatch(low) is None

    def event(self, end, qs):
        """The event verb after the counted phrase ("were killed") or just before the number ("killing")."""
        for word in _THREE_WORDS.match(self.text, end).group().split():
            low = word.lower()
            if low in EVENTS:
                return EVENTS[low]
            if low not in AUXILIARIES:
                break
        verb = self.behind(_EVENT_BEFORE, qs, 20)[0]
        return EVENTS[verb.lower()] if verb else None



def _is_number_word(word: str) -> bool:
    return word in numbers.UNITS or word in numbers.TENS or word in numbers.SCALES or word in (
        "dozen", "dozens", "hundreds", "thousands", "millions", "billions") or word[:1].isdigit()


def _year_like(raw: str) -> bool:
    return len(raw) == 4 and raw.isdigit() and 1000 <= int(raw) <= 2099


def _clean(value):
    value = round(value, 6) if isinstance(value, float) else value
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _rupee(text: str) -> str:
    """The rupee of the country the article names first ("Rs 10 billion" in a Pakistani story is PKR)."""
    best, code = len(text) + 1, "INR"
    for country, iso in RUPEE_COUNTRIES.items():
        i = text.find(country)
        if 0 <= i < best:
            best, code = i, iso
    return code


def find_figures(doc):
    """Fill ``doc.figures`` (see the module docstring for the order of things)."""
    found = _Reader(doc).read()
    figures, kept_end = [], -1
    for start, end, f in found:
        if start < kept_end:
            continue  # figures never overlap: the earlier, longer reading wins
        kept_end = end
        figures.append(Figure(
            id=record_id("figure", doc.content_hash, start, end), start=start, end=end, text=doc.text[start:end],
            kind=f["kind"], value=f.get("value"), unit=f.get("unit"), qualifier=f.get("qualifier"),
            subject=f.get("subject"), event=f.get("event")))
    _link_parts(doc.text, figures)
    _link_statements(doc, figures)
    doc.figures = figures
    return doc


def _link_parts(text, figures):
    """ "192 people, including 58 children and 34 women": the parts point at the whole."""
    for i, whole in enumerate(figures):
        if whole.kind != "count":
            continue
        j = i + 1
        if j >= len(figures) or not _INCLUDING.match(text[whole.end:figures[j].start]):
            continue
        while j < len(figures) and figures[j].kind == "count":
            figures[j].part_of = whole.id
            if j + 1 < len(figures) and _PART_JOIN.match(text[figures[j].end:figures[j + 1].start]):
                j += 1
            else:
                break


def _link_statements(doc, figures):
    """A figure inside a statement's content gets its id: the nearest few statements starting before it are
    tried (contents of one sentence may overlap), not all of them for every figure."""
    spans = sorted((st.content.start, st.content.end, st.id) for st in doc.statements)
    starts = [s[0] for s in spans]
    for fig in figures:
        at = bisect.bisect_right(starts, fig.start)
        for start, end, sid in reversed(spans[max(0, at - 4):at]):
            if fig.end <= end:
                fig.statement_id = sid
                break
