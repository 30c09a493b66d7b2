"""Acceptance: the quotes and attributions a careful analyst finds in the user's example article (EXPECTED.md)."""
from __future__ import annotations

import pytest


def _find(d, snippet, kind=None):
    hits = [q for q in d.quotes if (snippet in q.content.text or any(snippet in p.text for p in q.parts))
            and (kind is None or q.kind == kind)]
    assert hits, f"no quote/attribution holding {snippet!r}"
    return hits[0]


def _cites(q):
    return {c.number: c.status for c in q.citations}


# (content snippet, speaker name part, cue lemma or None, addressee or None, {marker: status})
DIRECT = [
    ("the Council’s president elect", "Mohaddesin", "tell", "the Associated Press", {1: "ok"}),
    ("Of increasing concern", "Kobler", "tell", "the Security Council of the UN", {2: "ok"}),
    ("Hundreds of daily monitoring reports", "Kobler", None, None, {2: "ok"}),
    ("a significant number of residents", "Kobler", "notify", None, {3: "ok"}),
    ("an instance of crimes against humanity", "Rajavi", None, None, {}),
    ("So let us say to the Martyrs", "Rajavi", "say", None, {}),
    ("the generation of Massoud", "Rajavi", None, None, {}),
    ("results of these martyrdoms", "Rajavi", None, None, {}),
    ("What happened at Camp Ashraf", "Basztin", "tell", "the Associated Press", {4: "ok"}),
    ("It should be a wake-up call", "Basztin", "warn", None, {4: "ok"}),
    ("most of dead were actually killed", None, "quote", None, {6: "missing_entry"}),
    ("Given its track record", None, "tell", "Tasnim", {7: "unresolvable_ibid"}),
    ("both denied Friday", "Associated Press", "report", None, {9: "ok"}),
    ("There is strong evidence", "Khodabande", "assert", None, {}),
    ("have been part of a pre-planned maneuver", "Khodabande", "conclude", None, {10: "missing_entry"}),
    ("The other members have been there", "Khodabande", None, None, {10: "missing_entry"}),
]


@pytest.mark.parametrize("snippet,speaker,cue,addressee,cites", DIRECT, ids=[d[0][:25] for d in DIRECT])
def test_acceptance_quotes_direct(seed_dossier, snippet, speaker, cue, addressee, cites):
    q = _find(seed_dossier, snippet)
    assert q.kind in ("direct", "mixed")
    if speaker is None:
        assert q.speaker is not None and q.speaker.name is None  # an unnamed source, not a guess
    else:
        assert q.speaker is not None and q.speaker.name and speaker in q.speaker.name, q.speaker
    if cue is not None:
        assert q.cue is not None and q.cue.lemma == cue
    if addressee is not None:
        assert q.addressee is not None and q.addressee.text == addressee
    assert _cites(q) == cites


def test_acceptance_quotes_pronoun_speakers(seed_dossier):
    assert _find(seed_dossier, "It should be a wake-up call").speaker.resolved_from == "pronoun"
    assert _find(seed_dossier, "the generation of Massoud").speaker.resolved_from == "pronoun"


def test_acceptance_quotes_via_and_nesting(seed_dossier):
    tasnim = _find(seed_dossier, "most of dead were actually killed")
    assert [v.text for v in tasnim.via] == ["Tasnim News Agency"]
    assert tasnim.speaker.text.lower() == "an iraqi official"
    nested = _find(seed_dossier, "the seven said to be missing are in Iraqi custody", kind="indirect")
    assert nested.kind == "indirect" and nested.cue.lemma == "deny"
    assert "Sudani" in nested.speaker.text and "Bakoos" in nested.speaker.text
    assert any("AP" in v.text for v in nested.via)


INDIRECT = [
    ("involvement", "Baghdad", "deny", "Associated Press", {8: "ok"}),
    ("resettlement process have been slow", None, "say", "AP", {5: "ok"}),
    ("they were taken as hostages", None, "claim", None, {}),
    ("Iraqi security forces of carrying out the killings", "MKO", "accuse", None, {}),
]


@pytest.mark.parametrize("snippet,speaker,cue,via,cites", INDIRECT, ids=[d[0][:25] for d in INDIRECT])
def test_acceptance_quotes_indirect(seed_dossier, snippet, speaker, cue, via, cites):
    q = _find(seed_dossier, snippet, kind="indirect")
    assert q.cue.lemma == cue
    if speaker:
        assert speaker in (q.speaker.name or q.speaker.text)
    if via:
        assert any(via in v.text for v in q.via)
    assert _cites(q) == cites


@pytest.mark.parametrize("scare", ["home of 20 years", "Martyrdom", "Heaven", "the ceremony for 52 martyrs of Ashraf"])
def test_acceptance_quotes_scare_quotes_not_speech(seed_dossier, scare):
    assert any(n.content.text == scare for n in seed_dossier.non_speech_quotes)
    assert not any(q.content.text.strip() == scare for q in seed_dossier.quotes)
    assert not any(q.kind != "indirect" and scare in q.content.text and len(q.content.text) < len(scare) + 10 for q in seed_dossier.quotes)


def test_acceptance_quotes_event_name_kind(seed_dossier):
    ev = [n for n in seed_dossier.non_speech_quotes if n.content.text.startswith("the ceremony")]
    assert ev and ev[0].kind == "event_name"


def test_acceptance_quotes_voices(seed_dossier):
    v = {x.speaker: x for x in seed_dossier.voices}
    rajavi = next(x for k, x in v.items() if "Maryam Rajavi" in k)
    assert rajavi.quotes == 4 and rajavi.cited == 0
    kobler = next(x for k, x in v.items() if "Kobler" in k)
    assert kobler.quotes == 3 and kobler.cited == 3 and {"tell", "notify"} <= set(kobler.cues)
    khoda = [x for k, x in v.items() if "Khodabande" in k]
    assert len(khoda) == 1 and khoda[0].quotes + khoda[0].attributions == 3  # spelling variants are one voice


def test_acceptance_quotes_offsets(seed_dossier):
    d = seed_dossier
    for q in d.quotes:
        for s in [q, q.content, q.speaker, q.cue, q.addressee, *q.via, *q.parts]:
            if s is not None:
                assert d.text[s.start:s.end] == s.text
