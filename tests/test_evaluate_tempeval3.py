"""The TempEval-3 TIMEX3 metric port and the `evaluate tempeval3` command, on hand-made TimeML."""
from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from newsaudit.errors import DataNotFoundError
from newsaudit.evaluate import tempeval3 as te3

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-09-18" temporalFunction="false" functionInDocument="CREATION_TIME">09/18/2013</TIMEX3></DCT>
<TEXT>
The council <EVENT eid="e1" class="OCCURRENCE">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-09-13">Friday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> &amp; agreed to meet <TIMEX3 tid="t3" type="DATE" value="2013-W39">next week</TIMEX3>.
</TEXT>
</TimeML>
"""


@dataclass
class T:
    start: int
    end: int
    text: str
    type: str
    value: str | None


def test_evaluate_tempeval3_reads_timeml(tmp_path):
    p = tmp_path / "a.tml"
    p.write_text(TML, encoding="utf-8")
    d = te3.read_timeml(p)
    assert str(d.dct) == "2013-09-18"
    assert [(t.text, t.type, t.value) for t in d.timexes] == [
        ("Friday", "DATE", "2013-09-13"), ("three days", "DURATION", "P3D"), ("next week", "DATE", "2013-W39")]
    for t in d.timexes:
        assert d.text[t.start:t.end] == t.text
    assert "&" in d.text and "<" not in d.text


def _g(text, s, typ, value):
    a = text.index(s)
    return T(a, a + len(s), s, typ, value)


def test_evaluate_tempeval3_score_counts():
    text = "met on Friday morning for three days and next week"
    gold = [_g(text, "Friday morning", "TIME", "2013-09-13TMO"), _g(text, "three days", "DURATION", "P3D"),
            _g(text, "next week", "DATE", "2013-W39")]
    system = [_g(text, "Friday", "DATE", "2013-09-13"), _g(text, "three days", "DURATION", "P3D"),
              _g(text, "met", "DATE", "PAST_REF")]
    c, pairs = te3.score_file(gold, system)
    assert (c.gold, c.system, c.relaxed_r, c.strict_r, c.type_ok, c.value_ok) == (3, 3, 2, 1, 1, 1)
    m = te3.metrics(c)
    assert m["relaxed_p"] == pytest.approx(2 / 3) and m["relaxed_r"] == pytest.approx(2 / 3)
    assert m["strict_f1"] == pytest.approx(1 / 3)
    # attribute F1 = accuracy among relaxed matches x relaxed F1 (the official scorer's definition)
    assert m["value_f1"] == pytest.approx(0.5 * 2 / 3) and m["type_f1"] == pytest.approx(0.5 * 2 / 3)
    assert sum(1 for g, s in pairs if g is None) == 1 and sum(1 for g, s in pairs if s is None) == 1


def test_evaluate_tempeval3_one_to_one_pairing():
    text = "Friday and Saturday"
    gold = [_g(text, "Friday", "DATE", "a"), _g(text, "Saturday", "DATE", "b")]
    c, _ = te3.score_file(gold, [T(0, len(text), text, "DATE", "a")])
    assert (c.relaxed_r, c.value_ok) == (1, 1)


@pytest.mark.parametrize("gold, system, expected", [([], [], 1.0), ([T(0, 1, "x", "DATE", "v")], [], 0.0)])
def test_evaluate_tempeval3_empty_edges(gold, system, expected):
    c, _ = te3.score_file(gold, system)
    assert te3.metrics(c)["relaxed_f1"] == expected


def test_evaluate_tempeval3_command_json_and_table(tmp_path):
    (tmp_path / "a.tml").write_text(TML, encoding="utf-8")
    r = CliRunner().invoke(te3.command, [str(tmp_path), "--json", "--no-parse"])
    assert r.exit_code == 0, r.output
    m = json.loads(r.output)[tmp_path.name]
    assert m["gold"] == 3 and m["relaxed_r"] == 1.0 and m["value_f1"] == pytest.approx(1.0)
    r = CliRunner().invoke(te3.command, [str(tmp_path), "--no-parse"])
    assert r.exit_code == 0 and "value F1" in r.output


def test_evaluate_tempeval3_writes_system_timeml(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.tml").write_text(TML, encoding="utf-8")
    te3.run([tmp_path / "in"], use_doc=False, write_tml=tmp_path / "out")
    back = te3.read_timeml(tmp_path / "out" / "in" / "a.tml")
    assert back.text == te3.read_timeml(tmp_path / "in" / "a.tml").text
    assert [t.text for t in back.timexes] == ["Friday", "three days", "next week"]


@pytest.mark.parametrize("content", [None, "", "<TimeML><TEXT>no dct</TEXT></TimeML>"])
def test_evaluate_tempeval3_bad_data(tmp_path, content):
    target = tmp_path / "missing" if content is None else tmp_path
    if content:
        (tmp_path / "a.tml").write_text(content, encoding="utf-8")
    with pytest.raises(DataNotFoundError):
        te3.run([target], use_doc=False)
