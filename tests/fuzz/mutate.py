"""Mutators: real-looking article text → the odd inputs real pipelines meet.

Every text mutator is ``f(text, rng, big) -> str`` (``big`` allows inputs up to ~200 kB; the quick profile
keeps them small).  ``make_case`` picks a seed, applies a few mutators, then renders the result in one of
the input forms ``audit()`` accepts (``str``, ``bytes`` in some encoding, HTML, JSON), possibly damaging
the bytes on the way.  Everything is driven by one ``random.Random``, so a case is reproduced from its seed.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass, field

QUOTES = ['"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "\u2018", "\u2019", "'", "\u201a", "\u2039", "\u203a",
          "``", "''", "\u300c", "\u300d"]
BRACKETS = ["[", "]", "(", ")", "[1]", "[12]", "[3][4]", "[1, 2]", "[1\u20133]", "[citation needed]", "[ ]", "[0]",
            "[999999999999]", "[-1]", "[a]", "[[2]]", "(1)", "\u00b9", "\u00b2\u00b3", "{", "}", "<", ">", "[note 1]"]
CONTROLS = ["\x00", "\x01", "\x02", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1b[31m", "\x1f", "\x7f", "\x85",
            "\u2028", "\u2029", "\t", "\r", "\r\n", "\x1b]0;title\x07"]
SURROGATES = ["\ud800", "\udfff", "\udc00", "\ud83d", "\ude00", "\udbff\udbff"]
RTL = ["\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b \u0625\u0646 12 \u0634\u062e\u0635\u0627 \u0642\u062a\u0644\u0648\u0627.",
       "\u05d4\u05d5\u05d0 \u05d0\u05de\u05e8 \u05e9-40 \u05d0\u05e0\u05e9\u05d9\u05dd \u05e0\u05e4\u05e6\u05e2\u05d5.",
       "\u202e", "\u202d", "\u202c", "\u200f", "\u200e", "\u2067", "\u2069", "\u0661\u0662\u0663"]
EMOJI = ["\U0001f600", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f1fa\U0001f1e6", "\U0001f44d\U0001f3fd",
         "\u2764\ufe0f", "\U0001f4a5\U0001f4a5\U0001f4a5", "\u0031\ufe0f\u20e3", "\U0001f3f4\U000e0067\U000e0062\U000e007f"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad", "\u034f", "\u180e"]
COMBINING = ["\u0301", "\u0308", "\u0327", "\u0336", "\u20dd", "\u0489"]
ONE_CHARS = ["a", ".", " ", "\n", "\"", "[", "1", "\u201c", "\U0001f600", "\u0627", "\u200b", "\ufffd", "I", "-", "\u00a0"]
IBID = ["Ibid.", "ibid", "Ibid., p. 4.", "Id.", "Id. at 12.", "Op. cit.", "Ibid, 33\u201334.", "Ebenda.", "ibid.,"]
TAGS = ["div", "p", "span", "article", "section", "table", "td", "li", "b", "i", "a", "font"]


def _insert(text: str, rng: random.Random, pool: list[str], n: int) -> str:
    if not text:
        return rng.choice(pool)
    cuts = sorted(rng.randrange(len(text) + 1) for _ in range(n))
    out, prev = [], 0
    for c in cuts:
        out.append(text[prev:c])
        out.append(rng.choice(pool))
        prev = c
    out.append(text[prev:])
    return "".join(out)


def _count(rng: random.Random, text: str, lo: int = 1, hi: int = 30) -> int:
    return rng.randint(lo, max(lo, min(hi, len(text) // 20 + 1)))


def truncate(text, rng, big):
    a = rng.randrange(len(text) + 1)
    return text[:a] if rng.random() < 0.7 else text[a:]


def quote_marks(text, rng, big):
    if rng.random() < 0.3:  # unbalance: drop every closing mark, or turn all into straight quotes
        table = {ord(c): ("" if c in "\u201d\u00bb" else '"') for c in "\u201c\u201d\u00ab\u00bb"}
        return text.translate(table)
    return _insert(text, rng, QUOTES, _count(rng, text))


def brackets(text, rng, big):
    return _insert(text, rng, BRACKETS, _count(rng, text))


def ibid_lines(text, rng, big):
    n = rng.randint(1, 400 if big else 30)
    lines = []
    for i in range(1, n + 1):
        mark = rng.choice([f"{i}.", f"[{i}]", f"{i})", f"^{i}", "", "*"])
        lines.append(f"{mark} {rng.choice(IBID)}")
    head = rng.choice(["References", "Notes", "Sources", "", "REFERENCES:"])
    return text + "\n\n" + head + "\n" + "\n".join(lines) + "\n"


def huge_line(text, rng, big):
    flat = " ".join(text.split("\n"))
    limit = 150_000 if big else 6_000
    if not flat:
        return flat
    reps = max(1, rng.randint(1, limit) // max(1, len(flat)))
    return (flat + " ") * reps


def nested_html(text, rng, big):
    depth = rng.randint(1, 300 if big else 40)
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    opens = "".join(f"<{rng.choice(TAGS)}>" for _ in range(depth))
    script = rng.choice(["<script>var a='</p><p>';document.write(\"[1]\")</script>",
                         "<style>p{color:red}</style>", "<!-- [1] comment -->", "<noscript><p>Enable JS</p></noscript>",
                         "<script><!--\n</script>", "<iframe src=x></iframe>", "&amp;&lt;&#0;&#xD800;&bogus;"])
    closes = "" if rng.random() < 0.3 else "</div>" * depth
    title = text.split("\n", 1)[0][:200]
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{script}</head><body>{opens}{script}"
            f"<h1>{title}</h1>{paras}{script}{closes}</body></html>")


def control_chars(text, rng, big):
    return _insert(text, rng, CONTROLS, _count(rng, text))


def lone_surrogates(text, rng, big):
    return _insert(text, rng, SURROGATES, _count(rng, text, 1, 8))


def rtl(text, rng, big):
    return _insert(text, rng, RTL, _count(rng, text, 1, 10))


def emoji(text, rng, big):
    return _insert(text, rng, EMOJI, _count(rng, text))


def zero_width(text, rng, big):
    return _insert(text, rng, ZERO_WIDTH + COMBINING, _count(rng, text, 1, 60))


def one_char(text, rng, big):
    return rng.choice(ONE_CHARS) * rng.choice([1, 1, 1, 2, 3])


def reference_only(text, rng, big):
    for head in ("\nReferences\n", "\nNotes\n", "\nSources\n"):
        i = text.find(head)
        if i >= 0:
            return text[i + 1:]
    n = rng.randint(1, 500 if big else 20)
    return "\n".join(f"[{i}] Surname, A. ({1990 + i % 30}). Title {i}. Journal, {i}, {i}\u2013{i + 9}." for i in range(1, n + 1))


def repeated_sentences(text, rng, big):
    sents = [s for s in text.replace("\n", " ").split(". ") if s.strip()] or [text]
    s = rng.choice(sents).strip() + ". "
    n = rng.randint(2, 2000 if big else 60)
    sep = rng.choice(["", "\n", "\n\n"])
    return (s + sep) * n


def shuffle_lines(text, rng, big):
    lines = text.split("\n")
    rng.shuffle(lines)
    return "\n".join(lines)


def whitespace(text, rng, big):
    return _insert(text, rng, ["\u00a0", "\u2009", "\u3000", "\n" * 30, "\t\t", " " * 200, "\n \n \n"],
                   _count(rng, text))


def case_swap(text, rng, big):
    return text.upper() if rng.random() < 0.5 else text.lower()


def numbers(text, rng, big):
    pool = ["0", "-1", "1e309", "99999999999999999999", "1,2,3,4", "12.5.2024", "31/02/2023", "\u0665\u0660",
            "\uff11\uff12", "\u2155", "\u00bd", "nine hundred ninety-nine thousand", "2024-13-45", "25:61",
            "March 0, 0000", "Feb. 30", "year 10000", "10^100", "NaN", "\u221e"]
    return _insert(text, rng, pool, _count(rng, text))


TEXT_MUTATORS = {f.__name__: f for f in (
    truncate, quote_marks, brackets, ibid_lines, huge_line, nested_html, control_chars, lone_surrogates, rtl, emoji,
    zero_width, one_char, reference_only, repeated_sentences, shuffle_lines, whitespace, case_swap, numbers)}

FORMS = ("text", "bytes_utf8", "bytes_utf16", "bytes_cp1252", "bytes_mixed", "bytes_flipped", "html", "json",
         "json_bytes", "deep_json")


def _encode(text: str, codec: str) -> bytes:
    return text.encode(codec, "surrogatepass" if codec.startswith("utf") else "replace")


def _flip(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    if not b:
        return bytes([rng.randrange(256)])
    for _ in range(rng.randint(1, max(1, min(64, len(b) // 50 + 1)))):
        i = rng.randrange(len(b))
        b[i] = rng.randrange(256) if rng.random() < 0.5 else b[i] ^ (1 << rng.randrange(8))
    return bytes(b)


def _deep(rng: random.Random, big: bool):
    depth = rng.choice([10, 100, 1000, 5000, 100_000 if big else 20_000])
    kind = rng.choice(["list", "dict"])
    return ("[" * depth + "]" * depth) if kind == "list" else ('{"a":' * depth + "1" + "}" * depth)


def render(text: str, form: str, rng: random.Random, big: bool) -> str | bytes:
    if form == "text":
        return text
    if form == "bytes_utf8":
        return _encode(text, "utf-8")
    if form == "bytes_utf16":
        data = _encode(text, rng.choice(["utf-16", "utf-16-le", "utf-16-be"]))
        return data[:-1] if rng.random() < 0.2 and len(data) > 1 else data
    if form == "bytes_cp1252":
        return _encode(text, rng.choice(["cp1252", "latin-1"]))
    if form == "bytes_mixed":  # halves in different encodings: what a bad concatenation produces
        cut = rng.randrange(len(text) + 1)
        return _encode(text[:cut], "utf-8") + _encode(text[cut:], rng.choice(["cp1252", "latin-1", "utf-16-le"]))
    if form == "bytes_flipped":
        return _flip(_encode(text, "utf-8"), rng)
    if form in ("json", "json_bytes"):
        rec: dict = {"text": text} if rng.random() < 0.7 else {"html": nested_html(text, rng, False)}
        if rng.random() < 0.5:
            rec.update(title=text[:80], published=rng.choice(["2024-03-12", "yesterday", "2024-02-30", 2024, None, ""]),
                       authors=rng.choice([["A. Writer"], "B. Writer", [1, None], []]),
                       url=rng.choice(["https://example.org/a", "javascript:alert(1)", ""]))
        s = json.dumps(rec, ensure_ascii=rng.random() < 0.5)
        return s if form == "json" else _encode(s, "utf-8")
    if form == "html":
        page = nested_html(text, rng, big)
        return page if rng.random() < 0.5 else _encode(page, rng.choice(["utf-8", "cp1252"]))
    if form == "deep_json":
        deep = _deep(rng, big)
        if rng.random() < 0.5:
            return deep
        return '{"text": ' + json.dumps(text) + ', "extra": ' + deep + "}"
    raise ValueError(form)


@dataclass
class Case:
    number: int
    seed_index: int
    ops: list[str]
    form: str
    source: str | bytes = field(repr=False)

    def describe(self) -> str:
        size = len(self.source)
        return f"case {self.number}: seed {self.seed_index}, ops {'+'.join(self.ops) or '-'}, form {self.form}, {size} units"


SMALL_CHARS = 2000  # a small case starts from a window of this many characters of its seed
BIG_SHARE = 0.01  # share of long-profile cases allowed to grow large (slow: up to ~150 kB)


def make_case(number: int, seeds: tuple[str, ...], rng: random.Random, big: bool | None = None,
              ops: list[str] | None = None, form: str | None = None) -> Case:
    """Case ``number``: ``big=None`` lets ``rng`` decide (``BIG_SHARE`` of cases may grow up to ~150 kB)."""
    if big is None:
        big = rng.random() < BIG_SHARE
    seed_index = rng.randrange(len(seeds))
    text = seeds[seed_index]
    if not big and len(text) > SMALL_CHARS:
        a = rng.randrange(len(text) - SMALL_CHARS)
        text = text[a:a + SMALL_CHARS]
    if ops is None:
        ops = rng.sample(sorted(TEXT_MUTATORS), rng.choice([0, 1, 1, 2, 2, 3]))
    for op in ops:
        text = TEXT_MUTATORS[op](text, rng, big)
    cap = 150_000 if big else 12_000
    if len(text) > cap:
        text = text[:cap]
    form = form or rng.choice(FORMS)
    return Case(number, seed_index, list(ops), form, render(text, form, rng, big))
