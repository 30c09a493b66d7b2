"""Fuzz harness for ``newsaudit.audit()`` (issue 14).

``mutate.py`` turns seed articles (the repo's own fixtures and the bundled sample, never benchmark text)
into odd inputs; ``check.py`` runs one input through the public ``audit()`` under a time limit and walks
the dossier for bad offsets; ``strategies.py`` wraps the mutators as hypothesis strategies (the quick CI
profile, ``test_fuzz_quick.py``); ``python -m tests.fuzz --cases 10000`` runs the long profile and prints
the figures.
"""
