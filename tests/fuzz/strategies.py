"""Hypothesis strategies over the mutators: ``cases(big=False)`` draws a seed article, a few mutators and an
input form, all from hypothesis' own random source (so failures shrink to a case number and replay)."""
from __future__ import annotations

from hypothesis import strategies as st

from .mutate import FORMS, TEXT_MUTATORS, Case, make_case
from .seeds import seed_texts


@st.composite
def cases(draw, big: bool = False) -> Case:
    ops = draw(st.lists(st.sampled_from(sorted(TEXT_MUTATORS)), max_size=3, unique=True))
    form = draw(st.sampled_from(FORMS))
    rng = draw(st.randoms(use_true_random=False))
    return make_case(0, seed_texts(), rng, big=big, ops=ops, form=form)


def sources(big: bool = False):
    """Just the input (``str`` or ``bytes``) of a drawn case."""
    return cases(big=big).map(lambda c: c.source)
