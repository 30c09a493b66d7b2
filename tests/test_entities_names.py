"""Name helpers of the entities layer (pure string functions)."""
from __future__ import annotations

import pytest

from newsaudit.analyze.entities import names as N


@pytest.mark.parametrize("raw,key", [
    ("the Associated Press", "associated press"),
    ("Maryland\u2019s", "maryland"),
    ("al\u2013Zahiri", "al-zahiri"),
    ("al - Zahiri", "al-zahiri"),
    ("  Jos\u00e9   Ram\u00edrez ", "jose ramirez"),
    ("Reuters", "reuters"),
    ("Actors'", "actors"),
])
def test_names_name_key(raw, key):
    assert N.name_key(raw) == key


@pytest.mark.parametrize("a,b,d", [
    ("kitten", "sitting", 3), ("abcd", "abdc", 1), ("same", "same", 0), ("basztin", "busztin", 1),
    ("khodabande", "khodabandeh", 1), ("", "abc", 3), ("ab", "ba", 1),
])
def test_names_damerau_levenshtein(a, b, d):
    assert N.damerau_levenshtein(a, b, limit=5) == d


@pytest.mark.parametrize("a,b,want", [
    ("basztin", "busztin", True),
    ("khodabande", "khodabandeh", True),
    ("amrani", "amrany", True),
    ("kowalczyk", "kowalczik", True),
    ("lindgren", "lindgreen", True),
    ("smith", "smith", False),        # identical is not a variant
    ("ford", "lord", False),          # too short
    ("nelson", "wilson", False),      # first letter differs
    ("martin", "marlow", False),      # too far apart
    ("johnson", "jonsson", False),    # distance 2 on a short name
])
def test_names_near_spelling(a, b, want):
    assert N.near_spelling(a, b) is want


@pytest.mark.parametrize("name,acr,want", [
    ("United Nations", "UN", True),
    ("Human Rights Watch", "HRW", True),
    ("United Nations High Commissioner for Refugees", "UNHCR", True),
    ("People\u2019s Mojahedin Organization of Iran", "PMOI", True),
    ("Coastal Fisheries Union", "CFU", True),
    ("European Maritime Council", "EMC", True),
    ("Coastal Fisheries Union", "EMC", False),
    ("Reuters", "R", False),
])
def test_names_initials(name, acr, want):
    assert (acr in N.initials(name)) is want


@pytest.mark.parametrize("s,want", [
    ("MKO", True), ("UNHCR", True), ("U.S.", True), ("AT&T", True),
    ("CEO", False), ("TV", False), ("I", False), ("Mko", False), ("ABCDEFGHIJ", False), ("A1", False),
])
def test_names_is_acronym(s, want):
    assert N.is_acronym(s) is want


@pytest.mark.parametrize("tokens,keys", [
    (["martin", "kobler"], {"kobler"}),
    (["idris", "al-zahiri"], {"al-zahiri", "zahiri"}),
    (["ahmed", "al", "sudani"], {"sudani", "al-sudani"}),
    ([], set()),
])
def test_names_surname_keys(tokens, keys):
    assert N.surname_keys(tokens) == keys


@pytest.mark.parametrize("s,want", [
    ("the Red Cross", "Red Cross"), ("Greenpeace\u2019s", "Greenpeace"), ("  Ana   Ferreira ", "Ana Ferreira"), ("The", "The"),
])
def test_names_display_name(s, want):
    assert N.display_name(s) == want
