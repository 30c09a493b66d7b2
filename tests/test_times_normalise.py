from __future__ import annotations

from datetime import date

import pytest

from newsaudit.analyze.times.normalise import (
    day_near, duration, iso_week, month_near, shift, unit_of, value_end, value_start, weekday_near,
)

WED = date(2013, 9, 18)


@pytest.mark.parametrize("weekday, direction, expected", [
    (4, -1, date(2013, 9, 13)), (4, 1, date(2013, 9, 20)), (2, -1, WED), (2, 1, WED), (0, 0, date(2013, 9, 16)),
])
def test_times_normalise_weekday_near(weekday, direction, expected):
    assert weekday_near(WED, weekday, direction) == expected


@pytest.mark.parametrize("month, direction, year", [(11, 0, 2013), (11, -1, 2013), (3, 1, 2014), (3, 0, 2013),
                                                    (1, 1, 2014), (12, -1, 2012), (2, -1, 2013)])
def test_times_normalise_month_near(month, direction, year):
    assert month_near(WED, month, direction) == year


@pytest.mark.parametrize("month, day, direction, year", [(9, 1, -1, 2013), (12, 30, -1, 2012), (10, 5, -1, 2013),
                                                         (1, 5, 1, 2014), (1, 5, 0, 2014), (8, 1, 1, 2013)])
def test_times_normalise_day_near(month, day, direction, year):
    assert day_near(WED, month, day, direction) == year


@pytest.mark.parametrize("n, unit, value", [(3, "day", "P3D"), (None, "year", "PXY"), (3, "decade", "P30Y"),
                                            (2, "hour", "PT2H"), (1, "weekend", "P2D"), (None, "decade", "PXDE"),
                                            (1.5, "year", "P1Y6M"), (0.5, "year", "P6M"), (2.5, "hour", "PT2H30M"),
                                            (1.5, "minute", "PT1M30S"), (0.25, "year", "P0.25Y")])
def test_times_normalise_duration(n, unit, value):
    assert duration(n, unit) == value


@pytest.mark.parametrize("n, unit, value", [(-1, "week", "2013-W37"), (0, "month", "2013-09"), (-1, "quarter", "2013-Q2"),
                                            (-2, "year", "2011"), (-1, "decade", "200"), (1, "day", "2013-09-19")])
def test_times_normalise_shift(n, unit, value):
    assert shift(WED, n, unit) == value


@pytest.mark.parametrize("value, start, end", [
    ("2013-09-01", date(2013, 9, 1), date(2013, 9, 1)), ("2013-09", date(2013, 9, 1), date(2013, 9, 30)),
    ("2013", date(2013, 1, 1), date(2013, 12, 31)), ("2013-W38", date(2013, 9, 16), date(2013, 9, 22)),
    ("2013-Q3", date(2013, 7, 1), date(2013, 9, 30)), ("199", date(1990, 1, 1), date(1999, 12, 31)),
    ("2013-09-13T15:00", date(2013, 9, 13), date(2013, 9, 13)), ("PAST_REF", None, None), ("P3D", None, None),
    (None, None, None), ("2013-SU", date(2013, 6, 1), date(2013, 8, 31)),
])
def test_times_normalise_value_bounds(value, start, end):
    assert value_start(value) == start and value_end(value) == end


def test_times_normalise_units_and_weeks():
    assert unit_of("Centuries") == "century" and unit_of("yrs") == "year" and unit_of("apples") is None
    assert iso_week(date(2013, 1, 1)) == "2013-W01" and iso_week(date(2010, 1, 1)) == "2009-W53"
