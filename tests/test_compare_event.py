"""`compare` on the invented Dolvaro camp corpus (tests/fixtures/corpus_event): gold.json item by item.

26 articles about one event (wires and their syndicated copies, statements of both sides, the UN, advocacy
pages, follow-ups with a rising toll) plus 5 unrelated articles. Each test checks one kind of finding.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsaudit.compare.analysis import compare_corpus
from newsaudit.compare.facts import load_corpus
from newsaudit.compare.numbers import toll

HERE = Path(__file__).resolve().parent / "fixtures" / "corpus_event"
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))


def _key(url: str | None) -> str:
    return (url or "").split("://", 1)[-1]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from newsaudit.settings import AuditOptions
    from newsaudit.store.runner import run_corpus

    path = tmp_path_factory.mktemp("event") / "store"
    res = run_corpus([HERE / "articles.jsonl", HERE / "unrelated.jsonl"], path, options=AuditOptions(rhetoric=False))
    assert res.ok == 31 and res.failed == 0
    return path


@pytest.fixture(scope="module", params=["layers", "text rules"])
def both(request, store):
    return request.param, compare_corpus(load_corpus(store, use_layers=request.param == "layers"))


@pytest.fixture(scope="module")
def cmp(store):
    return compare_corpus(load_corpus(store))


def _key_of(c):
    return {a.id: _key(a.url) for a in c.articles}


# ----------------------------------------------------------------- grouping
def test_compare_event_groups_all_event_articles_and_no_unrelated(both):
    _, c = both
    keys = {_key(a.url) for a in c.articles}
    unrelated = {_key(json.loads(x)["url"]) for x in (HERE / "unrelated.jsonl").read_text().splitlines()}
    assert len(keys) == GOLD["event_articles"] and not keys & unrelated
    titles = sorted(t for g in c.other_groups for t in g)
    assert any("Ferry" in t for t in titles) and any("Orlin" in t for t in titles)
    ferry = next(g for g in c.other_groups if any("Ferry" in t for t in g))
    assert all("ferry" in t.lower() for t in ferry)  # the ferry articles form their own group


# ----------------------------------------------------------------- syndication
@pytest.mark.parametrize("k", range(len(GOLD["accounts"])))
def test_compare_event_syndicated_copies_are_one_account(both, k):
    _, c = both
    want = GOLD["accounts"][k]
    key_of = _key_of(c)
    acc = [a for a in c.accounts if {key_of[x] for x in a.articles} & set(want["members"])]
    assert len(acc) == 1, [a.label for a in acc]
    assert {key_of[x] for x in acc[0].articles} == set(want["members"])
    assert acc[0].origin == want["origin"]
    assert f"carried by {len(want['members']) - 1} other outlet" in acc[0].label


def test_compare_event_counts_independent_accounts(both):
    _, c = both
    assert len(c.accounts) == GOLD["independent_accounts"]
    assert sum(len(a.articles) for a in c.accounts) == len(c.articles)


# ----------------------------------------------------------------- numbers
@pytest.mark.parametrize("value", sorted(GOLD["toll"]["values"], key=float))
def test_compare_event_toll_values_with_their_articles(cmp, value):
    line = toll(cmp.numbers)
    key_of = _key_of(cmp)
    v = next((x for x in line.values if x.value == float(value)), None)
    assert v is not None, [x.label for x in line.values]
    assert set(GOLD["toll"]["values"][value]) <= {key_of[r.article] for r in v.refs}
    assert v.accounts < len(v.refs) or len(v.refs) == 1 or value == "52"  # copies counted once
    assert v.accounts == len({r.account for r in v.refs})


@pytest.mark.parametrize("value", GOLD["toll"]["never"])
def test_compare_event_toll_never_holds_other_counts(both, value):
    _, c = both
    line = toll(c.numbers)
    assert float(value) not in {v.value for v in line.values}


def test_compare_event_toll_is_not_a_conflict_and_values_point_into_text(both):
    _, c = both
    line = toll(c.numbers)
    assert line.conflict is GOLD["toll"]["conflict"]
    assert not [x for x in c.contradictions if x.kind == "values"]
    for v in line.values:
        for r in v.refs:
            art = next(a for a in c.articles if a.id == r.article)
            assert art.text[r.start:r.end] == r.text


@pytest.mark.parametrize("k", range(len(GOLD["separate_lines"])))
def test_compare_event_other_counted_groups_are_separate_lines(cmp, k):
    want = GOLD["separate_lines"][k]
    key_of = _key_of(cmp)
    line = next((l for l in cmp.numbers if l.event == want["event"] and l.counted == want["counted"] and l.scope is None), None)
    assert line is not None, [(l.event, l.counted) for l in cmp.numbers]
    v = next(x for x in line.values if x.value == want["value"])
    assert set(want["articles"]) <= {key_of[r.article] for r in v.refs}


@pytest.mark.parametrize("k", range(len(GOLD["other_events"])))
def test_compare_event_other_events_counts_are_scoped_out(cmp, k):
    want = GOLD["other_events"][k]
    key_of = _key_of(cmp)
    lines = [l for l in cmp.numbers if any(v.value == want["value"] and any(key_of[r.article] == want["article"]
                                                                               for r in v.refs) for v in l.values)]
    assert lines and all(l.scope for l in lines), [(l.counted, l.scope) for l in lines]


def test_compare_event_revision_is_a_sequence_with_dates(both):
    _, c = both
    line = toll(c.numbers)
    want = GOLD["revision"]
    rv = next((r for r in line.revisions if r.party == want["source"]), None)
    assert rv is not None, [(r.party, [s[:2] for s in r.steps]) for r in line.revisions]
    got = [(d, lab) for d, lab, _ in rv.steps]
    assert [d for d, _ in got] == [d for d, _ in want["sequence"]]
    assert [lab.split()[-1] for _, lab in got] == [str(v) for _, v in want["sequence"]]


@pytest.mark.parametrize("k", range(len(GOLD["number_sources"])))
def test_compare_event_number_source_is_the_attributed_party(cmp, k):
    want = GOLD["number_sources"][k]
    key_of = _key_of(cmp)
    from newsaudit.compare.analysis import affiliation_map, build_resolver, party_of
    from newsaudit.compare.resolve import clean_voice

    resolver = build_resolver(cmp.articles)
    party_fn = party_of(resolver, {}, affiliation_map(cmp.articles, resolver))
    refs = [(l, r) for l in cmp.numbers for v in l.values if v.value == want["value"] for r in v.refs
            if key_of[r.article] == want["article"] and l.scope is None and l.counted == want.get("counted", l.counted)]
    assert refs
    for _, r in refs:
        art = next(a for a in cmp.articles if a.id == r.article)
        party = party_fn(art, r.source)
        assert resolver.name(want["source"]) in (party, resolver.name(r.source)), (r.text, r.source)
        if "not" in want:
            assert clean_voice(want["not"]) not in (r.source or "")


# ----------------------------------------------------------------- who is who
@pytest.mark.parametrize("k", range(len(GOLD["voices"])))
def test_compare_event_one_voice_with_its_variants(cmp, k):
    want = GOLD["voices"][k]
    lines = [v for v in cmp.voices if {want["name"], *want["variants"]} & {v.name, *v.variants}]
    assert len(lines) == 1, [v.name for v in lines]
    assert {want["name"], *want["variants"]} <= {lines[0].name, *lines[0].variants}


@pytest.mark.parametrize("person,org", sorted(GOLD["affiliations"].items()))
def test_compare_event_spokesman_figures_count_as_the_organisation(cmp, person, org):
    from newsaudit.compare.analysis import affiliation_map, build_resolver

    resolver = build_resolver(cmp.articles)
    assert affiliation_map(cmp.articles, resolver).get(resolver.name(person)) == org


@pytest.mark.parametrize("pair", GOLD["distinct_voices"])
def test_compare_event_different_people_stay_apart(cmp, pair):
    owner = {f: v.name for v in cmp.voices for f in [v.name, *v.variants]}
    assert pair[0] in owner and pair[1] in owner and owner[pair[0]] != owner[pair[1]]


@pytest.mark.parametrize("name", GOLD["never_voices"])
def test_compare_event_places_dates_and_report_nouns_are_never_voices(both, name):
    _, c = both
    assert all(name != v.name and name not in v.variants for v in c.voices)


@pytest.mark.parametrize("forms", GOLD["spellings"])
def test_compare_event_spellings_listed_with_who_writes_which(cmp, forms):
    hit = [v for v in cmp.names if set(forms) <= {f for f, _ in v.forms}]
    assert len(hit) == 1
    for f, outlets in hit[0].forms:
        assert outlets and all(isinstance(o, str) for o in outlets)


# ----------------------------------------------------------------- the dispute
def test_compare_event_each_denier_is_one_row_paired_with_the_accusation(cmp):
    want = GOLD["dispute"]
    deniers = [d.denier for d in cmp.disputes]
    assert len(deniers) == len(set(deniers))  # one row per denying party, not one per article pair
    assert set(want["deniers"]) <= set(deniers)
    for d in cmp.disputes:
        assert d.actor == "Rapid Intervention Force" and d.act in ("raided", "entered", "involved")
        assert d.denials and d.accusations and 0 < d.similarity <= 1
        assert d.denier not in {r.source for r in d.accusations}  # never paired with its own side
        for r in d.denials + d.accusations:
            art = next(a for a in cmp.articles if a.id == r.article)
            assert art.text[r.start:r.end] == r.text


@pytest.mark.parametrize("text", ["his troops had not entered", "were not involved", "denied that its troops"])
def test_compare_event_negated_statements_are_never_accusations(cmp, text):
    assert not [r for d in cmp.disputes for r in d.accusations if text in r.text]
    assert not [x for x in cmp.contradictions if x.kind == "denial" and text in x.b.text]


def test_compare_event_accusers_and_the_other_version(cmp):
    want = GOLD["dispute"]
    from newsaudit.compare.analysis import build_resolver

    resolver = build_resolver(cmp.articles)
    says = {resolver.name(p) for d in cmp.summary["disputed"] for p in d["says"]}
    assert len(says & set(want["accusers_any"])) >= 3
    att = [x for x in cmp.contradictions if x.kind == "attribution"]
    for actor, other in want["blamed"]:
        assert any(x.why == f"one account blames {actor}, the other {other}" and x.a.article != x.b.article for x in att)


def test_compare_event_sides_matrix_has_both_sides_and_the_toll(cmp):
    point = "Rapid Intervention Force raided"
    stances = {who: cells[point].stance for who, cells in cmp.sides.items() if point in cells}
    assert stances.get("Rapid Intervention Force") == "denies" and stances.get("Interior Ministry") == "denies"
    assert stances.get("United Nations") == "says" and stances.get("Kheshet Mutual Aid Society") == "says"
    assert cmp.sides["Health Ministry"]["killed"].stance == "52"  # the party's latest figure


# ----------------------------------------------------------------- summary
def test_compare_event_summary_gives_event_agreement_dispute_and_toll_over_time(cmp):
    s, want = cmp.summary, GOLD["summary"]
    assert s["event"]["when"] == want["date"] and any(p in s["event"]["where"] for p in want["place_any"])
    assert s["event"]["accounts"] == GOLD["independent_accounts"]
    top = s["agreed"][0]
    assert top["fact"].startswith(str(want["latest_toll"])) and top["accounts"] < top["articles"]
    assert not top["conflict"]
    hm = next(t for t in s["toll_over_time"] if t["party"] == GOLD["revision"]["source"])
    assert [d for d, _ in hm["steps"]] == [d for d, _ in GOLD["revision"]["sequence"]]
    claims = {o["claim"]: o["side"] for o in s["one_side"]}
    assert claims.get("3 killed — soldiers") == "denying side" and claims.get("40 killed — members") == "accusing side"


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_compare_event_output_opens_with_plain_summary(store, tmp_path, fmt):
    from click.testing import CliRunner

    from newsaudit.cli import cli

    out = tmp_path / f"c.{fmt}"
    args = ["compare", str(store), "--format", fmt] + (["-o", str(out)] if fmt != "terminal" else [])
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    text = r.stdout if fmt == "terminal" else out.read_text(encoding="utf-8")
    heads = ["The event", "What independent accounts agree on", "What is disputed", "The toll as reported over time",
             "Claims only one side makes"]
    pos = [text.find(h) for h in heads]
    assert all(p >= 0 for p in pos) and pos == sorted(pos)
    assert pos[0] < text.find("Numbers")
    assert "Facts from —" not in text and ": layer" not in text
    if fmt == "markdown":
        assert "](https://meridianpress.example/tavrenia-toll-52)" in text
    if fmt == "html":
        assert 'href="https://meridianpress.example/tavrenia-toll-52"' in text
