"""Date arithmetic and TIMEX3 value formatting for the time layer.

Values follow TimeML 1.2 conventions: ``2013-09-01`` (day), ``2013-09``
(month), ``2013-W37`` (ISO week), ``2013-W37-WE`` (weekend), ``2013-Q3``
(quarter), ``2013-H1`` (half), ``2013-SU`` (season), ``2013`` (year), ``201``
(decade), ``20`` (century), ``P3D`` / ``PT5H`` / ``PXY`` (durations),
``PAST_REF`` / ``PRESENT_REF`` / ``FUTURE_REF``.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

# duration unit -> (ISO designator, is a time unit (after ``T``), multiplier)
UNITS = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1), "weekend": ("WE", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1),
    "year": ("Y", False, 1), "decade": ("Y", False, 10), "century": ("Y", False, 100),
}


def unit_of(word: str) -> str | None:
    """Normalise a unit word (``days``, ``centuries``, ``yr``) to a key of ``UNITS``."""
    w = word.lower().rstrip(".")
    if w == "centuries":
        return "century"
    if w in UNITS:
        return w
    if w.endswith("s") and w[:-1] in UNITS:
        return w[:-1]
    return {"yr": "year", "yrs": "year", "hr": "hour", "hrs": "hour", "min": "minute", "mins": "minute"}.get(w)


def duration(n: float | None, unit: str) -> str:
    """``duration(3, "day") == "P3D"``; ``n=None`` gives an unspecified amount (``PXD``)."""
    code, is_time, mult = UNITS[unit]
    if unit == "weekend":
        code, mult = "D", 2
    if n is None:
        amount = "X"
        if unit == "decade":
            code = "DE"
        elif unit == "century":
            code = "CE"
    else:
        total = n * mult
        amount = str(int(total)) if float(total).is_integer() else f"{total:g}"
        if not float(total).is_integer() and total == int(total * 2) / 2:
            # a half: "2 1/2 years" = P2Y6M, "a minute and a half" = PT1M30S (TimeML writes no fractions)
            whole = int(total)
            half = {("Y", False): "6M", ("M", False): "15D", ("D", False): "T12H", ("H", True): "30M",
                    ("M", True): "30S"}.get((code, is_time))
            if half is not None:
                out = (f"{whole}{code}" if whole else "") + half
                return f"PT{out}" if is_time else f"P{out}"
    return f"PT{amount}{code}" if is_time else f"P{amount}{code}"


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def valid_day(year: int, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year if year else 2000, month)[1]


def shift(anchor: date, n: int, unit: str) -> str:
    """The date ``n`` units after ``anchor`` (negative: before), at the unit's granularity."""
    if unit in ("day", "night"):
        return (anchor + timedelta(days=n)).isoformat()
    if unit in ("week", "fortnight"):
        k = 2 if unit == "fortnight" else 1
        return iso_week(anchor + timedelta(weeks=n * k))
    if unit == "weekend":
        return iso_week(anchor + timedelta(weeks=n)) + "-WE"
    if unit == "month":
        d = add_months(anchor, n)
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "quarter":
        q = anchor.year * 4 + quarter_of(anchor) - 1 + n
        return f"{q // 4:04d}-Q{q % 4 + 1}"
    if unit == "year":
        return f"{anchor.year + n:04d}"
    if unit == "decade":
        return f"{(anchor.year + 10 * n) // 10:03d}"
    if unit == "century":
        return f"{(anchor.year + 100 * n) // 100:02d}"
    if unit in ("hour", "minute", "second"):
        return anchor.isoformat()
    raise ValueError(unit)


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The day named ``weekday`` (0 = Monday) nearest ``anchor``: on or before it when
    ``direction <= 0`` (past), on or after it when ``direction > 0`` (future)."""
    delta = (anchor.weekday() - weekday) % 7
    if direction <= 0:
        return anchor - timedelta(days=delta)
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)


def month_near(anchor: date, month: int, direction: int, window: int = 2) -> int:
    """The year of the month ``month`` written without one: the nearest such month to
    ``anchor``; the tense (``direction``) decides only for months more than ``window``
    months away (news mostly names months close to the publication date)."""
    best = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        gap = (y - anchor.year) * 12 + month - anchor.month
        wrong_side = (direction < 0 and gap > window) or (direction > 0 and gap < -window)
        key = (wrong_side, abs(gap), y)
        if best is None or key < best[0]:
            best = (key, y)
    assert best is not None
    return best[1]


def day_near(anchor: date, month: int, day: int, direction: int) -> int:
    """The year for a day-of-month written without one: the anchor's, or the one before/after
    when the tense says the day lies on the other side of the anchor."""
    year = anchor.year
    best = None
    for y in (year - 1, year, year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        gap = (d - anchor).days
        # the tense decides only for days more than three months away from the anchor
        wrong_side = (direction < 0 and gap > 92) or (direction > 0 and gap < -92)
        key = (wrong_side, abs(gap))
        if best is None or key < best[0]:
            best = (key, y)
    return best[1] if best else year


def thanksgiving(year: int) -> date:
    d = date(year, 11, 1)
    first_thu = d + timedelta(days=(3 - d.weekday()) % 7)
    return first_thu + timedelta(weeks=3)


def value_date(value: str | None) -> date | None:
    """The calendar day a value names, if it names one (``2013-09-01`` or ``2013-09-01T10:00``)."""
    if not value or len(value) < 10 or not value[:4].isdigit():
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def value_start(value: str | None) -> date | None:
    """The first day of the period a DATE value names (for ordering and past/future checks)."""
    if not value or not value[:1].isdigit():
        return None
    d = value_date(value)
    if d:
        return d
    try:
        if len(value) == 4 and value.isdigit():
            return date(int(value), 1, 1)
        if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
            return date(int(value[:4]), int(value[5:]), 1)
        if "-W" in value and value[:4].isdigit():
            week = int(value[6:8].rstrip("-"))
            return date.fromisocalendar(int(value[:4]), week, 1)
        if "-Q" in value and value[-1].isdigit():
            return date(int(value[:4]), 3 * (int(value[-1]) - 1) + 1, 1)
        if "-H" in value and value[-1].isdigit():
            return date(int(value[:4]), 1 if value[-1] == "1" else 7, 1)
        season = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}.get(value[5:7])
        if season and value[:4].isdigit():
            return date(int(value[:4]), season, 1)
        if len(value) == 3 and value.isdigit():
            return date(int(value) * 10, 1, 1)
    except ValueError:
        return None
    return None


def value_end(value: str | None) -> date | None:
    """The last day of the period a DATE value names."""
    start = value_start(value)
    if start is None:
        return None
    assert value is not None
    if value_date(value):
        return start
    if len(value) == 4:
        return date(start.year, 12, 31)
    if len(value) == 7 and value[5:].isdigit():
        return date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    if "-W" in value:
        return start + timedelta(days=6)
    if "-Q" in value:
        return add_months(start, 3) - timedelta(days=1)
    if "-H" in value:
        return add_months(start, 6) - timedelta(days=1)
    if len(value) == 3:
        return date(start.year + 9, 12, 31)
    return add_months(start, 3) - timedelta(days=1)
