"""The light text rules compare falls back on: numbers, attribution, dates, sentences, names, denial cores."""
from __future__ import annotations

from datetime import date

import pytest

from newsaudit.compare import text as T
from newsaudit.compare.analysis import _similar_forms, core, query_filter
from newsaudit.compare.facts import ArticleFacts, speaker_name


@pytest.mark.parametrize("s,expected", [
    ("At least 12 people were killed in the storm.", [("KILL", 12.0, "at least")]),
    ("The blast killed 7 and wounded 30.", [("KILL", 7.0, None), ("WOUND", 30.0, None)]),
    ("Fifteen people were injured, police said.", [("WOUND", 15.0, None)]),
    ("Twenty-one people remain missing.", [("MISSING", 21.0, None)]),
    ("The death toll rose to 48 on Friday.", [("KILL", 48.0, None)]),
    ("Quake kills 300 in the north", [("KILL", 300.0, None)]),
    ("Police arrested two suspects.", [("ARREST", 2.0, None)]),
    ("Shares fell 18 percent on the news.", []),
    ("The law was passed in 2019 and killed nobody.", []),
    ("He has 3 children and lives in a killed-off town.", []),
])
def test_compare_number_hits(s, expected):
    assert [(h.event, h.value, h.modifier) for h in T.number_hits(s)] == expected
    for h in T.number_hits(s):
        assert s[h.num_start:h.num_end].lower() in s.lower()


@pytest.mark.parametrize("s,who", [
    ("Five were hurt, Governor Ann Roe said.", "Ann Roe"),
    ("Mayor Tom Blick told reporters the road was shut.", "Tom Blick"),
    ("\"It was awful,\" said Lena Marsh, who lives nearby.", "Lena Marsh"),
    ("Dr. Ivo Kant, head of the clinic, said ten were treated.", "Ivo Kant"),
    ("Ten died, according to the Red Cross.", "Red Cross"),
    ("She said the water rose fast.", "She"),
    ("Ten houses burned, officials said.", "officials"),
    ("The river rose overnight.", None),
    ("On Monday the river rose.", None),
])
def test_compare_attribution(s, who):
    got = T.attribution(s)
    assert (got[0] if got else None) == who
    if got:
        assert s[got[1]:got[2]] == got[0]


@pytest.mark.parametrize("s,pub,values", [
    ("It happened on Tuesday, 11 March 2025.", date(2025, 3, 12), ["2025-03-11"]),
    ("It happened on March 9, 2024.", None, ["2024-03-09"]),
    ("The storm hit on Monday.", date(2024, 6, 5), ["2024-06-03"]),
    ("The storm hit yesterday.", date(2024, 6, 5), ["2024-06-04"]),
    ("The storm hit on 31 February.", date(2024, 6, 5), []),
    ("The storm hit on Monday.", None, []),
])
def test_compare_date_hits(s, pub, values):
    assert [h.value for h in T.date_hits(s, pub)] == values


def test_compare_sentences_keep_offsets_and_abbreviations():
    text = "Title line\n\nDr. Ann Roe said it. \"Go,\" she said. St. Mary's is shut!\nNext para."
    sents = T.sentences(text)
    assert [s.text for s in sents] == ["Title line", "Dr. Ann Roe said it.", "\"Go,\" she said.", "St. Mary's is shut!",
                                       "Next para."]
    assert all(text[s.start:s.end] == s.text for s in sents)


@pytest.mark.parametrize("a,b,same", [
    ("Anneliese Dovrak", "Anneliese Dvorak", True), ("Ilse Marrec", "Ilse Marec", True),
    ("Health Ministry", "Interior Ministry", False), ("Ann Roe", "Ann Roe", False),
    ("Pavel Ostrander", "Jory Tallack", False), ("Tom Blick", "Tom Blick Jr", False),
])
def test_compare_similar_name_forms(a, b, same):
    assert _similar_forms(a, b) is same


@pytest.mark.parametrize("prop,expected", [
    ("a gas leak caused the explosion at its depot in Brede on Monday", "a gas leak caused the explosion"),
    ("any role in the attack", "any role"),
    ("the claims, which were false", "the claims"),
])
def test_compare_denial_core(prop, expected):
    assert core(prop) == expected


@pytest.mark.parametrize("row,name", [
    ({"speaker_text": "Interior Ministry spokesman Pavel Ostrander", "speaker_name": "Interior Ministry"}, "Pavel Ostrander"),
    ({"speaker_text": "Lena Marsh, who lives in Osk", "speaker_name": "Osk"}, "Lena Marsh"),
    ({"speaker_text": "Dr. Ivo Kant of St. Jude Hospital", "speaker_name": None}, "Ivo Kant"),
    ({"speaker_text": "Ostrander", "speaker_name": "Pavel Ostrander"}, "Pavel Ostrander"),
    ({"speaker_text": "Health ministry", "speaker_name": None}, "Health ministry"),
])
def test_compare_speaker_name_from_layer_rows(row, name):
    assert speaker_name(row) == name


@pytest.mark.parametrize("query,hits", [("flood Osk", [0]), ("Brede", [1]), ("fire", []), ("the of", [0, 1])])
def test_compare_query_filter(query, hits):
    arts = [ArticleFacts("a", "o", None, None, None, "Flood waters hit Osk."),
            ArticleFacts("b", "o", None, None, None, "A quiet day in Brede.")]
    assert query_filter(arts, query) == hits
