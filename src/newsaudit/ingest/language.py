"""Language identification (langdetect, seeded for repeatable results)."""
from __future__ import annotations

import threading

_lock = threading.Lock()
_ready = False
MIN_PROBABILITY = 0.8


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when it cannot tell."""
    global _ready
    sample = text[:2000]  # enough for a reliable guess; langdetect cost grows with length
    if sum(c.isalpha() for c in sample) < 20:
        return None
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    with _lock:
        if not _ready:
            DetectorFactory.seed = 0
            _ready = True
        try:
            best = detect_langs(sample)[0]
        except (LangDetectException, IndexError):
            return None
    # a guess below this probability is no guess: the article is treated as of unknown language
    return best.lang if best.prob >= MIN_PROBABILITY else None
