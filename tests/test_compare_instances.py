"""Event instances, clause-level sources, syndication and blocking: the rules behind the event comparison."""
from __future__ import annotations

import pytest

from newsaudit.compare.facts import ArticleFacts
from newsaudit.compare.grouping import candidate_pairs
from newsaudit.compare.instances import counted_class, group_size_spans, other_event, part_noun
from newsaudit.compare.sources import affiliations, clause_source
from newsaudit.compare.syndication import find_accounts
from newsaudit.compare import text as T


@pytest.mark.parametrize("noun,cls", [("people", "people"), ("residents", "people"), (None, "people"),
                                      ("soldiers", "soldiers"), ("troops", "soldiers"), ("members", "members"),
                                      ("children", "children"), ("gunmen", "attackers")])
def test_compare_instances_counted_class(noun, cls):
    assert counted_class(noun) == cls


@pytest.mark.parametrize("sentence,whole,part", [
    ("The society said 40 of its roughly 90 members were killed.", "90", "members"),
    ("Twelve of the 30 passengers drowned.", "30", "passengers"),
])
def test_compare_instances_group_size(sentence, whole, part):
    spans = group_size_spans(sentence)
    assert [sentence[a:b] for a, b, _ in spans] == [whole]
    assert part_noun(sentence, sentence.find(sentence.split()[0] if part == "passengers" else "40")) == part


@pytest.mark.parametrize("sentence,number,scope", [
    ("Last year, 17 people were executed at the prison.", "17", "another event: last year"),
    ("Last year 17 were executed, and in March 2025 23 people were killed in a raid.", "23",
     "another event: in March 2025"),
    ("More than 1,200 people have been killed since the ceasefire collapsed in 2023.", "1,200", "running total"),
    ("At least 52 people were killed on Wednesday, the ministry said.", "52", None),
    ("In May 2026, 52 people were killed.", "52", None),  # the event's own year
])
def test_compare_instances_other_event(sentence, number, scope):
    got = other_event(sentence, sentence.find(number), 2026)
    assert (got is None) if scope is None else got.startswith(scope)


@pytest.mark.parametrize("sentence,number,source", [
    ("Prosecutor Ann Roe said she had ordered an inquiry, as the death toll rose to at least 40, according to "
     "the Health Ministry.", "40", "Health Ministry"),
    ("At least 12 people were killed when gunfire erupted, the Health Ministry said.", "12", "Health Ministry"),
    ("Ann Roe said she ordered an inquiry; 40 people died in the raid.", "40", None),
])
def test_compare_instances_clause_source(sentence, number, source):
    got = clause_source(sentence, sentence.find(number))
    assert (got[0] if got else None) == source


@pytest.mark.parametrize("text,person,org", [
    ("Health Ministry spokesman Doran Pelkovic said", "Doran Pelkovic", "Health Ministry"),
    ("Gen. Ann Roe, the RIF commander, said", "Ann Roe", "RIF"),
    ("Interior Minister Arkady Zhuravlev told parliament", "Arkady Zhuravlev", "Interior Ministry"),
    ("Thursday.\n\nMinistry spokesman Doran Pelkovic said", "Doran Pelkovic", None),  # no org named
])
def test_compare_instances_affiliations(text, person, org):
    assert affiliations(text).get(person) == org


def _art(aid, outlet, text, published="2026-05-13"):
    a = ArticleFacts(aid, outlet, None, text.split("\n")[0], published, text)
    a.sentences = T.sentences(text)
    return a


WIRE = ("VELMIRA (MP) — At least 12 people were killed when gunfire erupted before dawn on Wednesday in the camp "
        "outside the town, the Health Ministry said. Residents said troops raided the camp shortly after 4 a.m. "
        "and opened fire on the shelters. The force denied that its troops had entered the camp. Aid workers "
        "called for an independent investigation into the killings and for access to the wounded.")


def test_compare_syndication_copies_one_account_and_originals_apart():
    arts = [_art("a", "Meridian Press", "Twelve killed\n\n" + WIRE),
            _art("b", "Lakeside Tribune", "Camp gunfire\n\nBy Meridian Press\n" + WIRE + "\nCopyright Meridian Press."),
            _art("c", "Pinecrest Daily", "Gunfire\n\n" + WIRE.replace("VELMIRA (MP) — ", "").replace(
                "shortly after 4 a.m.", "at dawn")),
            _art("d", "Other Post", "Own story\n\nA different reporter wrote that the camp was quiet on Thursday as "
                 "families buried their dead and officials promised an inquiry into what happened there.")]
    accs = find_accounts(arts)
    assert sorted(len(a.articles) for a in accs) == [1, 3]
    big = next(a for a in accs if len(a.articles) == 3)
    assert big.origin == "Meridian Press" and big.label == "Meridian Press wire, carried by 2 other outlet(s)"


def test_compare_grouping_blocks_on_rare_keys_only():
    keys = [{"dolvaro", "common"}, {"dolvaro", "common"}, {"ferry", "common"}, {"ferry", "common"}]
    I, J = candidate_pairs(keys, max_df=2)
    assert sorted(zip(I, J)) == [(0, 1), (2, 3)]  # "common" (4 articles) is not blocked on
    I, J = candidate_pairs(keys, max_df=4)
    assert len(I) == 6
