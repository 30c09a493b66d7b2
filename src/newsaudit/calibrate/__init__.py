"""Calibrated confidence on every finding.

``features`` (per-layer feature vectors of a finished Dossier), ``apply`` (sets ``confidence`` from the
shipped parameters in ``model/``; pure Python, used by the pipeline), ``fit`` (scikit-learn, used by
``newsaudit evaluate calibration --fit``), ``samples`` (labelled findings from the benchmarks),
``metrics`` (ECE, Brier, reliability) and ``card`` (writes ``model/MODEL_CARD.md``).  Nothing is
imported here, so ``import newsaudit.calibrate`` stays light.
"""
