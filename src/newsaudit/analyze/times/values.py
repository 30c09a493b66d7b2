"""Normalising a matched expression to its TIMEX3 value against the anchor date.

stays whole: ``_normalise`` is one dispatch over the pattern names of ``patterns.py``, each branch a few
lines that share the match helpers below; split by family it would scatter one decision table.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .normalise import (
    MONTHS, SEASONS, day_near, duration, iso_week, month_near, quarter_of, shift, thanksgiving, unit_of, valid_day, weekday_near,
)
from .patterns import NUMBER_WORDS, ORDINAL_WORDS, _APPROX, _CAP_MONTHS, _FULL_MONTHS, _MONTH_RE, _TOD, _WD_RE
from .timex import Timex
from .parts import _day, _mod, _month, _num, _spelled_year, _weekday, _year2


def _cap_ok(word: str) -> bool:
    """Ambiguous month names (May, March) and abbreviations must be capitalised."""
    w = word.lower()
    if w in _CAP_MONTHS or w.rstrip(".") in ("may", "march", "mar", "jan", "dec", "aug", "oct", "nov", "feb", "apr", "sept"):
        return word[:1].isupper()
    return True


def _normalise(name: str, m: re.Match, text: str, anc: date | None, direction: int,
               year_ents: set[int] | None, last_quarter: list[str]) -> Timex | None:
    g = m.groupdict()
    s, e = m.start(), m.end()
    mk = lambda t, v, **kw: Timex(start=kw.pop("start", s), end=kw.pop("end", e), text="", type=t, value=v, **kw)  # noqa: E731

    if name == "iso":
        y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        if not valid_day(y, mo, d):
            return mk("DATE", None, explicit=True, invalid=True, parts={"year": y, "month": mo, "day": d})
        v = f"{y:04d}-{mo:02d}-{d:02d}"
        if g.get("h"):
            return mk("TIME", f"{v}T{g['h']}:{g['mi']}", explicit=True)
        return mk("DATE", v, explicit=True, parts={"year": y, "month": mo, "day": d})

    if name == "slash":
        y, mo, d = _year2(g["y"]), int(g["m"]), int(g["d"])
        if not 1 <= mo <= 12:
            return None
        if not valid_day(y, mo, d):
            return mk("DATE", None, explicit=True, invalid=True, parts={"year": y, "month": mo, "day": d})
        return mk("DATE", f"{y:04d}-{mo:02d}-{d:02d}", explicit=True, parts={"year": y, "month": mo, "day": d})

    if name in ("mdy", "dmy"):
        mword = g["month"]
        if not _cap_ok(mword):
            return None
        mo = _month(mword)
        d = _day(g["day"])
        if mo is None or d is None or d == 0 or d > 31:
            return None
        if name == "dmy" and not g.get("the") and not g["day"][:1].isdigit() and not g.get("wd"):
            return None  # "first March" is rarely a date; "the first of March" is
        if name == "mdy" and not g.get("year") and g["day"].isdigit() and len(g["day"]) > 2:
            return None
        start = s
        if name == "dmy" and g.get("the") and not g.get("wd"):
            start = m.start("the")
        wd = g.get("wd")
        if wd and not wd[0].isupper():
            wd = None
            start = m.start("month") if name == "mdy" else m.start("day") if not g.get("the") else m.start("the")
        end = e
        if g.get("tod"):
            end = m.end("tod")
        if g.get("year"):
            y = int(g["year"])
            explicit = True
        elif anc is not None:
            y = day_near(anc, mo, min(d, 28), direction)
            explicit = False
        else:
            y = None
            explicit = False
        parts = {"year": y, "month": mo, "day": d, "year_written": bool(g.get("year"))}
        tx = mk("DATE", None, start=start, end=end, explicit=explicit, parts=parts, weekday=wd)
        if not valid_day(y or 2000, mo, d):
            tx.invalid = True
            return tx
        if y is None:
            tx.value = f"XXXX-{mo:02d}-{d:02d}"
        else:
            tx.value = f"{y:04d}-{mo:02d}-{d:02d}"
        if g.get("tod"):
            tx.type = "TIME"
            tx.value += "T" + _TOD[g["tod"].lower()]
        return tx

    if name == "my":
        if not _cap_ok(g["month"]):
            return None
        mo = _month(g["month"])
        y = int(g["year"])
        return mk("DATE", f"{y:04d}-{mo:02d}", mod=_mod(g.get("mod")), explicit=True)

    if name == "mrel":
        if not _cap_ok(g["month"]) or anc is None:
            return None
        mo = _month(g["month"])
        y = anc.year + {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()]
        return mk("DATE", f"{y:04d}-{mo:02d}", mod=_mod(g.get("mod")))

    if name == "m":
        word = g["month"]
        if not word[0].isupper():
            return None
        if word.lower() in ("may", "march") and not (g.get("relm") or g.get("mod")):
            # bare "May"/"March": only when clearly a date context follows or precedes
            nxt = text[e:e + 12]
            if not re.match(r"\s*(?:,|\.|;|$|and\b|or\b|to\b|when\b|after\b|before\b)", nxt):
                return None
        if word.endswith(".") and not (g.get("relm") or g.get("mod")):
            return None
        if word.lower().rstrip(".") not in _FULL_MONTHS and not word.endswith("."):
            return None  # "Jan" alone is more often a name
        mo = _month(word)
        rel = (g.get("relm") or "").lower()
        start = s
        if rel and not rel.startswith(("last", "next", "this", "early", "late")):
            start = m.start("month")
        if anc is None:
            return mk("DATE", f"XXXX-{mo:02d}", start=start, mod=_mod(g.get("mod") or (rel if rel in ("early", "late") else None)))
        if rel.startswith("last") or rel == "this past":
            y = anc.year if mo < anc.month else anc.year - 1
        elif rel.startswith("next") or rel == "this coming":
            y = anc.year if mo > anc.month else anc.year + 1
        elif rel == "this":
            y = anc.year
        else:
            y = month_near(anc, mo, direction)
        return mk("DATE", f"{y:04d}-{mo:02d}", start=start, mod=_mod(g.get("mod") or (rel if rel in ("early", "late") else None)))

    if name in ("clock", "clock24"):
        h = int(g["h"])
        mi = int(g["mi"]) if g.get("mi") else 0
        ap = (g.get("ap") or "").lower().replace(".", "").replace(" ", "")
        if ap and not 1 <= h <= 12:
            return None
        if ap == "pm" and h < 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
        base = _day_of(g.get("day"), anc, direction)
        start = s
        pre = (g.get("pre") or "").lower().strip()
        if pre in ("at",):
            start = m.start("h")
        t = f"T{h:02d}:{mi:02d}"
        v = f"{base}{t}" if base else f"XXXX-XX-XX{t}"
        return mk("TIME", v, start=start, mod=_APPROX.get(pre) if pre else None)

    if name == "noon":
        base = _day_of(g.get("day"), anc, direction)
        t = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}[g["word"].lower()]
        return mk("TIME", (base or "XXXX-XX-XX") + t)

    if name == "decade":
        dec = g["dec"].lower()
        mod = _mod(g.get("mod"))
        if dec.startswith("'"):
            y = _year2(dec[1:3])
        elif dec[0].isdigit():
            y = int(dec[:4])
        else:
            tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
            y = 1920 + 10 * tens.index(dec) if dec in tens else None
            if y is None:
                return None
            if not g.get("the"):
                return None
        return mk("DATE", f"{y // 10:03d}", mod=mod)

    if name == "century":
        c = g["c"].lower()
        n = ORDINAL_WORDS.get(c) or (21 if c == "twenty-first" else _day(c))
        if not n:
            return None
        return mk("DATE", f"{n - 1:02d}")

    if name == "season":
        word = g["season"].lower()
        srel = (g.get("srel") or "").lower()
        if word == "fall" and not (srel not in ("", "the") or g.get("year") or g.get("mod")):
            return None
        code = SEASONS[word]
        start = s
        if srel == "the" and not g.get("mod"):
            start = m.start("srel")
        if g.get("year"):
            y = _spelled_year(g["year"])
            if y is None:
                return None
            return mk("DATE", f"{y}-{code}", mod=_mod(g.get("mod")), explicit=True)
        if anc is None:
            return mk("DATE", f"XXXX-{code}", mod=_mod(g.get("mod")))
        smonth = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        y = anc.year
        if srel in ("last", "past", "this past") and smonth >= anc.month:
            y -= 1
        elif srel == "next" and smonth <= anc.month:
            y += 1
        elif srel in ("", "the") and direction < 0 and smonth > anc.month:
            y -= 1
        if not srel and not g.get("mod"):
            return None  # bare "summer" is too often generic
        return mk("DATE", f"{y}-{code}", mod=_mod(g.get("mod")))

    if name == "quarter":
        q, qu = g["q"].lower(), g["qu"].lower()
        yg = (g.get("year") or "").lower()
        if anc is None and not yg[:1].isdigit():
            return None
        y = int(yg) if yg[:1].isdigit() else anc.year if anc else None
        if yg.startswith("last"):
            y -= 1
        elif yg.startswith("next"):
            y += 1
        if qu == "period" and q not in ("latest", "past", "recent", "current", "previous", "last"):
            return None
        if qu == "half":
            n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "last": 2, "final": 2}.get(q)
            if n is None:
                return None
            if not yg and anc and direction < 0 and n == 2 and anc.month <= 6:
                y -= 1
            return mk("DATE", f"{y}-H{n}", explicit=bool(yg[:1].isdigit()))
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(q)
        if n is None:
            if anc is None:
                return None
            cur = anc.year * 4 + quarter_of(anc) - 1
            if q in ("current",):
                idx = cur
            elif q == "next":
                idx = cur + 1
            else:
                idx = cur - 1
            y, n = idx // 4, idx % 4 + 1
        elif not yg and anc is not None and n > quarter_of(anc) and direction <= 0:
            y -= 1
        prefix = text[s:e].lower()
        if re.search(r"year[-\s](?:earlier|ago)", prefix):
            y -= 1
        start = s
        if g.get("the") and re.search(r"\w-quarter", text[s:e].lower()):
            start = m.start("q")
        return mk("DATE", f"{y}-Q{n}", start=start, explicit=bool(yg[:1].isdigit()))

    if name == "thequarter":
        if anc is None:
            return None
        ended = re.match(rf"\s+end(?:ed|ing|s)\s+(?:on\s+)?(?P<month>{_MONTH_RE})", text[e:e + 30], re.IGNORECASE)
        if ended and _month(ended.group("month")):
            mo = _month(ended.group("month"))
            y = month_near(anc, mo, -1 if direction <= 0 else 1)
            return mk("DATE", f"{y}-Q{(mo - 1) // 3 + 1}")
        idx = anc.year * 4 + quarter_of(anc) - 1 + (0 if direction > 0 else -1)
        return mk("DATE", f"{idx // 4}-Q{idx % 4 + 1}")

    if name == "yearquarter":
        y = int(g["year"])
        q = (g.get("q") or "").lower()
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(q)
        if n is None:
            if last_quarter:
                n = int(last_quarter[0][-1])
            elif anc is not None:
                n = (quarter_of(anc) + 2) % 4 + 1
            else:
                return None
        return mk("DATE", f"{y}-Q{n}", explicit=True)

    if name == "theyear":
        which = (g.get("which") or "").lower()
        if which == "fiscal" or re.match(r"\s+(?:that\s+|which\s+)?end(?:ed|ing|s)\b", text[e:e + 20], re.IGNORECASE):
            return mk("DURATION", "P1Y")
        if anc is None:
            return mk("DATE", None)
        return mk("DATE", f"{anc.year:04d}")

    if name == "yearago":
        if anc is None:
            return None
        qu = (g.get("qu") or "").lower()
        if "nine months" in qu:
            return mk("DURATION", "P9M")
        if last_quarter:
            y, q = last_quarter[0].split("-Q")
            return mk("DATE", f"{int(y) - 1}-Q{q}" if int(y) >= anc.year - 1 else f"{anc.year - 1}-Q{q}")
        if "quarter" in qu or "period" in qu:
            idx = anc.year * 4 + quarter_of(anc) - 2 - 4
            return mk("DATE", f"{idx // 4}-Q{idx % 4 + 1}")
        return mk("DATE", f"{anc.year - 1}")

    if name == "modthe":
        if anc is None:
            return None
        return mk("DATE", shift(anc, 0, g["unit"].lower()), mod=_mod(g["mod"]))

    if name == "yearend":
        if anc is None:
            return None
        pre = g["pre"].strip().lower()
        y = anc.year - 1 if (pre == "since" or direction < 0) and anc.month < 12 else anc.year
        return mk("DATE", f"{y:04d}", mod="END", start=m.start("word"))

    if name == "todmod":
        day = _day_of(g.get("day"), anc, direction)
        if day is None:
            return None
        return mk("TIME", f"{day}T{_TOD[g['tod'].lower()]}", mod=_mod(g["mod"]))

    if name == "anaphor":
        unit = g["unit"].lower()
        mod = {"earlier": "START", "later": "END"}.get((g.get("amod") or "").lower())
        return mk("TIME" if unit in _TOD else "DATE", None, mod=mod)  # resolved in tag() against the last date mentioned

    if name in ("myspelled", "yearnamed"):
        y = _spelled_year(g["year"])
        if y is None:
            return None
        if name == "yearnamed":
            return mk("DATE", f"{y:04d}", explicit=True)
        if not _cap_ok(g["month"]):
            return None
        return mk("DATE", f"{y:04d}-{_month(g['month']):02d}", mod=_mod(g.get("mod")), explicit=True)

    if name == "yearsquarter":
        if anc is None:
            return None
        y = anc.year + {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()]
        q = (g.get("q") or "").lower()
        n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(q)
        if n is None:
            if last_quarter:
                n = int(last_quarter[0][-1])
            else:
                n = (quarter_of(anc) + 2) % 4 + 1
        return mk("DATE", f"{y}-Q{n}")

    if name == "prevperiod":
        if anc is None:
            return None
        if last_quarter:
            y, q = last_quarter[0].split("-Q")
            return mk("DATE", f"{int(y) - 1}-Q{q}")
        idx = anc.year * 4 + quarter_of(anc) - 2 - 4
        return mk("DATE", f"{idx // 4}-Q{idx % 4 + 1}")

    if name == "spelledyear":
        y = (19 if g["c"].lower() == "nineteen" else 20) * 100 + NUMBER_WORDS[g["t"].lower()] + (
            NUMBER_WORDS[g["o"].lower()] if g.get("o") else 0)
        return mk("DATE", f"{y}", mod=_mod(g.get("mod2")), explicit=True)

    if name == "fiscal":
        return mk("DATE", f"{_year2(g['year'])}", explicit=True)

    if name == "year":
        y = int(g["year"][:4])
        ys, ye = m.start("year"), m.end("year")
        plural = text[ye:ye + 1].lower() == "s"
        mod = _mod(g.get("mod"))
        before = text[max(0, ys - 2):ys]
        if "$" in before or "#" in before:
            return None
        if plural:
            return mk("DATE", f"{y // 10:03d}", mod=mod)
        if not mod and not _looks_like_year(text, ys, ye, year_ents):
            return None
        return mk("DATE", f"{y:04d}", mod=mod, explicit=True)

    if name == "ago":
        n = _num(g["num"])
        unit = unit_of(g["unit"])
        if unit is None or unit == "quarter" and anc is None:
            return None
        dirw = g["dir"].lower()
        approx = _APPROX.get(" ".join((g.get("approx") or "").lower().split()))
        if dirw in ("before", "after") or (dirw in ("later", "earlier") and unit in ("day", "night", "week", "hour", "minute", "second")):
            # "two days after the vote": a duration relative to an event
            return mk("DURATION", duration(n, unit), end=m.end("unit"), mod=approx)
        if anc is None:
            return mk("DATE", None)
        if n is None:
            return mk("DATE", "PAST_REF" if dirw in ("ago", "earlier", "back") else "FUTURE_REF", mod=approx)
        sign = -1 if dirw in ("ago", "earlier", "back") else 1
        if unit in ("hour", "minute", "second"):
            return mk("TIME", anc.isoformat(), mod=approx)
        if unit == "day" or unit == "night":
            return mk("DATE", (anc + timedelta(days=sign * int(n))).isoformat(), mod=approx)
        if unit == "week" and n <= 3:
            return mk("DATE", (anc + timedelta(weeks=sign * n)).isoformat(), mod=approx)
        if unit in ("decade", "century"):
            return mk("DATE", f"{anc.year + sign * int(n * (10 if unit == 'decade' else 100)):04d}", mod=approx)
        if unit == "year" and n == 1 and last_quarter and dirw in ("ago", "earlier"):
            y, q = last_quarter[0].split("-Q")
            return mk("DATE", f"{int(y) - 1}-Q{q}", mod=approx)
        if not float(n).is_integer():
            return mk("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod=approx)
        return mk("DATE", shift(anc, sign * int(n), unit), mod=approx)

    if name in ("dur", "durlong", "durvague", "durplain"):
        unit = unit_of(g["unit"])
        if unit is None:
            return None
        approx = _APPROX.get(" ".join((g.get("approx") or "").lower().split()))
        start, end = s, e
        if name == "durlong":
            return mk("DURATION", duration(1, unit))
        if name == "durplain":
            return mk("DURATION", duration(None, unit))
        drel = (g.get("drel") or "").lower()
        if name == "durvague":
            vague = g["vague"].lower()
            if vague == "recent":
                return mk("DATE", duration(None, unit))  # TimeML: "recent years" = DATE PXY
            return mk("DURATION", duration(None, unit), mod=approx)
        numw = g["num"].lower()
        n = _num(numw)
        if n is not None and g.get("half"):
            n += 0.5
        if numw in ("a", "an") and not drel and not g.get("approx") and not g.get("long") and not g.get("half") \
                and not g.get("more"):
            # "a year" alone: a duration only after for/in/within/over or as a measure
            before = text[max(0, s - 10):s].lower()
            if not re.search(r"\b(?:for|in|within|over|than|about|nearly|almost|after|take|takes|took|last|lasted|spent|spend)\s+$", before):
                return None
        if unit == "quarter" and not drel and n == 1:
            return None
        if re.fullmatch(r"1[5-9]\d\d|20\d\d", numw):
            return None  # "the 1988 quarter": a year, not an amount
        if g.get("the") and drel in ("past", "last", "previous") and n == 1 and unit in ("year", "month", "week", "decade"):
            # "the past year" names the last period
            if anc is not None and unit == "year":
                return mk("DATE", f"{anc.year - 1}")
        if g.get("long") and g["long"].strip("-– ").lower() == "old":
            return None  # "a 20-year-old": an age, not a time
        if g.get("long") and numw in ("a", "an") and not g.get("approx"):
            start = m.start("unit")  # "a decade-long effort": the adjective is "decade-long"
        if re.match(r"\d", numw) and unit in ("second", "minute", "hour") and float(n or 0) > 1000:
            return None
        after = text[e:e + 12].lower()
        if re.match(r"\s*(?:-|–)?\s*old\b", after):
            return None
        if unit == "quarter" and re.match(r"\s+of\b", after):
            return None  # "three-quarters of its food": a fraction
        return mk("DURATION", duration(n, unit), start=start, end=end, mod=approx)

    if name == "rel":
        if g["unit"][:1].isupper() and g["unit"].lower() in ("week", "weekend", "month", "year", "quarter", "decade", "century"):
            return None  # a title: ABC's "This Week"
        unit_raw = " ".join(g["unit"].lower().split())
        rel = " ".join(g["rel"].lower().split())
        mod = _mod(g.get("mod"))
        tod = (g.get("tod") or "").lower()
        if rel in ("the same", "the following", "the previous", "the next", "the coming", "the past", "the last") and \
                unit_raw in ("week", "month", "year", "weekend", "decade", "century", "quarter", "fiscal year"):
            if rel in ("the past", "the last", "the previous") and unit_raw == "decade":
                return mk("DURATION", "P10Y")
            if rel in ("the past", "the last") and unit_raw in ("week", "month"):
                return mk("DURATION", duration(1, unit_raw))
            if rel in ("the past", "the last") and unit_raw == "year" and anc is not None:
                return mk("DATE", f"{anc.year - 1}")
            if rel in ("the next", "the coming") and unit_raw in ("week", "month", "year"):
                return mk("DURATION", duration(1, unit_raw))
            return None
        if anc is None:
            return mk("DATE", None, mod=mod)
        step = {"last": -1, "past": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1,
                "the coming": 1, "this": 0, "the current": 0}.get(rel)
        if step is None:
            return None
        wdi = _weekday(unit_raw) if re.fullmatch(_WD_RE, unit_raw) else None
        if wdi is not None:
            if step < 0:
                d = anc - timedelta(days=(anc.weekday() - wdi - 1) % 7 + 1)
            elif step > 0 and rel == "next" :
                d = anc + timedelta(days=(wdi - anc.weekday() - 1) % 7 + 1)
            else:
                d = weekday_near(anc, wdi, 1 if step > 0 else direction)
            v = d.isoformat()
            if tod:
                return mk("TIME", v + "T" + _TOD[tod], weekday=g["unit"])
            return mk("DATE", v, mod=mod, weekday=g["unit"])
        mo = _month(unit_raw) if unit_raw.rstrip(".") in MONTHS else None
        if mo is not None:
            if not g["unit"][0].isupper():
                return None
            if step < 0:
                y = anc.year if mo < anc.month else anc.year - 1
            elif step > 0:
                y = anc.year if mo > anc.month else anc.year + 1
            else:
                y = anc.year
            return mk("DATE", f"{y}-{mo:02d}", mod=mod)
        if tod:
            return None
        if unit_raw == "fiscal year":
            unit_raw = "year"
        if unit_raw == "weekend":
            v = iso_week(anc + timedelta(weeks=step)) + "-WE"
            return mk("DATE", v, mod=mod)
        if unit_raw in ("decade", "century") and step < 0 and rel in ("past", "last"):
            return mk("DURATION", "P10Y" if unit_raw == "decade" else "P100Y", mod=mod)
        return mk("DATE", shift(anc, step, unit_raw), mod=mod)

    if name == "earlier":
        modw = g["mod"].lower()
        rel = g["rel"].lower()
        unit = g["unit"].lower()
        mod = "START" if modw in ("earlier", "early") else "END"
        if anc is None:
            return mk("DATE", None, mod=mod)
        if rel in ("that", "the"):
            return None
        step = {"this": 0, "last": -1, "next": 1}[rel]
        if unit in ("morning", "afternoon", "evening"):
            return mk("TIME", anc.isoformat() + "T" + _TOD[unit], mod=mod)
        if unit == "day":
            return None
        return mk("DATE", shift(anc, step, unit), mod=mod)

    if name == "weekend":
        if anc is None:
            return None
        d = anc - timedelta(days=(anc.weekday() - 5) % 7) if direction <= 0 else anc + timedelta(days=(5 - anc.weekday()) % 7)
        return mk("DATE", iso_week(d) + "-WE")

    if name == "wd":
        wd = g["wd"]
        if not wd[0].isupper():
            return None
        wdi = _weekday(wd)
        if wdi is None:
            return None
        rel = " ".join((g.get("rel") or "").lower().split())
        tod = (g.get("tod") or g.get("day2") or "").lower()
        mod = _mod(g.get("mod"))
        start = s
        if rel == "on":
            start = m.start("wd") if not g.get("mod") else s
            rel = ""
        if g.get("plural"):
            v = f"XXXX-WXX-{wdi + 1}" + (f"T{_TOD[tod]}" if tod else "")
            return mk("SET", v, start=start, weekday=wd)
        if anc is None:
            return mk("DATE", f"XXXX-WXX-{wdi + 1}", start=start, weekday=wd)
        if rel == "last" or rel == "this past":
            d = anc - timedelta(days=(anc.weekday() - wdi - 1) % 7 + 1)
        elif rel in ("next", "this coming", "coming"):
            d = anc + timedelta(days=(wdi - anc.weekday() - 1) % 7 + 1)
        elif rel == "this":
            d = weekday_near(anc, wdi, direction if direction else 1)
        else:
            d = weekday_near(anc, wdi, direction)
        v = d.isoformat()
        if tod:
            return mk("TIME", v + "T" + _TOD[tod], start=start, weekday=wd, mod=mod)
        return mk("DATE", v, start=start, weekday=wd, mod=mod)

    if name == "deixis":
        if g["word"][:1] == "T" and g["word"].lower() in ("today", "tonight", "tomorrow") and _mid_sentence(text, m.start("word")):
            return None  # a title: "USA Today", "VOA Today"
        word = " ".join(g["word"].lower().split())
        mod = _mod(g.get("mod"))
        if anc is None:
            return mk("DATE", None, mod=mod)
        if word == "today":
            return mk("DATE", anc.isoformat(), mod=mod)
        if word == "yesterday":
            return mk("DATE", (anc - timedelta(days=1)).isoformat(), mod=mod)
        if word == "tomorrow":
            return mk("DATE", (anc + timedelta(days=1)).isoformat(), mod=mod)
        if word == "the day before yesterday":
            return mk("DATE", (anc - timedelta(days=2)).isoformat(), mod=mod)
        if word == "the day after tomorrow":
            return mk("DATE", (anc + timedelta(days=2)).isoformat(), mod=mod)
        if word in ("tonight", "overnight"):
            return mk("TIME", anc.isoformat() + "TNI", mod=mod)
        first, part = word.split(" ", 1)
        if part not in _TOD:
            return None
        if first == "the":
            return None
        base = {"this": anc, "yesterday": anc - timedelta(days=1), "tomorrow": anc + timedelta(days=1),
                "last": anc - timedelta(days=1)}[first]
        if first == "last" and part != "night":
            return None
        return mk("TIME", base.isoformat() + "T" + _TOD[part], mod=mod)

    if name == "ref":
        word = " ".join(g["word"].lower().split())
        start = s
        if word.startswith("in "):
            start = s + 3
            word = word[3:]
        if word in ("now", "right now", "just now", "currently", "nowadays", "these days", "at present", "presently",
                    "at the moment", "current"):
            if word == "current" and not _attributive(text, e):
                return None
            return mk("DATE", "PRESENT_REF", start=start)
        if word in ("recently", "lately", "recent years", "recent months", "recent weeks", "recent days", "the past",
                    "formerly", "previously", "recent", "former"):
            if word in ("formerly", "previously", "former"):
                return None
            if word == "recent":
                return None  # a vague modifier ("the recent sale"): TimeML corpora seldom tag it
            if word == "the past" and re.match(r"\s+(?:few|several|\d|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|year|month|week|decade|day|centur|quarter|hour|night)", text[e:e + 10].lower()):
                return None
            return mk("DATE", "PAST_REF", start=start)
        if word in ("soon", "shortly", "any time soon"):
            return None  # TimeML leaves these adverbs untagged more often than not
        if re.fullmatch(r"(?:the\s+)?(?:coming|upcoming)\s+\w+", word):
            return mk("DATE", "FUTURE_REF", start=start)
        if word in ("the future", "the near future", "a later date", "the near term", "the short term"):
            if word == "shortly" and re.match(r"\s+(?:before|after)", text[e:e + 8].lower()):
                return None
            return mk("DATE", "FUTURE_REF", start=start)
        return None

    if name == "set":
        word = " ".join(g["word"].lower().split())
        simple = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                  "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "biannually": "P6M"}
        if word in simple:
            return mk("SET", simple[word])
        parts = word.split()
        det, unit = parts[0], parts[-1]
        if det == "a" and unit not in ("day", "week", "month", "year", "hour"):
            return None
        if det in ("a", "per"):
            before = text[max(0, s - 20):s].lower()
            if not re.search(r"(?:once|twice|times|\d|percent|%|\$[\d.,]+\s*\w*)\s*$", before):
                return None
        wdi = _weekday(unit) if re.fullmatch(_WD_RE, unit) else None
        if wdi is not None:
            return mk("SET", f"XXXX-WXX-{wdi + 1}")
        if unit in SEASONS:
            return mk("SET", f"XXXX-{SEASONS[unit]}")
        mo = _month(unit) if unit not in ("second",) and det in ("every", "each") else None
        if mo is not None and unit.rstrip(".") in _FULL_MONTHS:
            return None if not _cap_ok(text[m.end() - len(unit):m.end()]) else mk("SET", f"XXXX-{mo:02d}")
        if unit in ("morning", "evening", "night"):
            return mk("SET", f"XXXX-XX-XXT{_TOD[unit]}")
        u = unit_of(unit)
        if u is None:
            return None
        n = 2 if "other" in parts else 1
        return mk("SET", duration(n, u))

    if name == "holiday":
        hol = " ".join(g["hol"].lower().split())
        y = int(g["year"]) if g.get("year") else anc.year if anc else None
        if hol.startswith("christmas"):
            md = (12, 24) if hol.endswith("eve") else (12, 25)
        elif hol.startswith("new year"):
            md = (12, 31) if hol.endswith("eve") else (1, 1)
        elif hol.startswith("thanksgiving"):
            md = None
        elif hol == "halloween":
            md = (10, 31)
        elif hol.startswith("valentine"):
            md = (2, 14)
        elif hol == "independence day":
            md = (7, 4)
        else:
            return None
        if y is None:
            return mk("DATE", f"XXXX-{md[0]:02d}-{md[1]:02d}" if md else None)
        day = thanksgiving(y) if md is None else date(y, *md)
        if not g.get("year") and anc is not None and direction <= 0 and day > anc + timedelta(days=7):
            day = thanksgiving(y - 1) if md is None else date(y - 1, *md)
        return mk("DATE", day.isoformat(), explicit=bool(g.get("year")))

    return None


def _mid_sentence(text: str, start: int) -> bool:
    """True when the word at ``start`` follows a word or comma in its sentence (so a capital is a name's)."""
    before = text[max(0, start - 3):start].rstrip(" \t")
    return bool(before) and (before[-1].isalnum() or before[-1] in ",;")


def _attributive(text: str, end: int) -> bool:
    """``current``/``recent`` followed by a noun (``current account`` excluded) count as times."""
    nxt = re.match(r"\s+([a-z]+)", text[end:end + 30])
    if not nxt:
        return False
    return nxt.group(1) not in {"account", "accounts", "affairs", "events", "issue", "issues", "of", "and", "or", "in",
                                "model", "version", "form", "members", "member", "owner", "owners", "holder", "law",
                                "rules", "system", "generation", "electric", "practice"}


def _looks_like_year(text: str, ys: int, ye: int, year_ents: set[int] | None) -> bool:
    """A bare four-digit number is a year unless it counts something."""
    nxt = re.match(r"\s*([A-Za-z]+)", text[ye:ye + 20])
    word = nxt.group(1) if nxt else ""
    prev = re.search(r"([A-Za-z]+)\W*$", text[max(0, ys - 20):ys])
    pword = prev.group(1).lower() if prev else ""
    if pword in ("in", "since", "until", "till", "by", "from", "during", "of", "before", "after", "year", "fiscal",
                 "early", "late", "mid", "through", "between", "and", "to", "circa", "spring", "summer", "autumn",
                 "fall", "winter", "end", "around"):
        if word and word[0].islower() and word not in _YEAR_FOLLOWERS:
            return year_ents is not None and ys in year_ents
        return True
    if year_ents is not None:
        return ys in year_ents
    return not word or word[0].isupper() or word in _YEAR_FOLLOWERS


_YEAR_FOLLOWERS = {"and", "or", "to", "when", "as", "with", "the", "was", "is", "were", "saw", "election", "elections",
                   "budget", "levels", "level", "season", "census", "figures", "report", "to", "through", "until",
                   "after", "before", "in", "on", "at", "for", "by", "but", "while", "because", "under", "that",
                   "has", "had", "have", "will", "would", "could", "deadline", "model", "models", "olympics",
                   "war", "campaign", "game", "games", "earnings", "results", "sales", "target", "agreement"}


def _day_of(word: str | None, anc: date | None, direction: int) -> str | None:
    """The date a clock time is on: a named day, or the anchor."""
    if anc is None:
        return None
    if not word:
        return anc.isoformat()
    w = word.lower()
    if w == "today":
        return anc.isoformat()
    if w == "yesterday":
        return (anc - timedelta(days=1)).isoformat()
    if w == "tomorrow":
        return (anc + timedelta(days=1)).isoformat()
    wdi = _weekday(w.split()[0]) if re.fullmatch(_WD_RE, w) else None
    if wdi is not None:
        return weekday_near(anc, wdi, direction).isoformat()
    mm = re.match(rf"({_MONTH_RE})\s*(\d+)", w, re.I)
    if mm:
        mo, d = _month(mm.group(1)), int(mm.group(2))
        if mo and valid_day(anc.year, mo, d):
            return f"{day_near(anc, mo, d, direction)}-{mo:02d}-{d:02d}"
    return anc.isoformat()
