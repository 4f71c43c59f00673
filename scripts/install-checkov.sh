#!/usr/bin/env bash
# Installs the pinned Checkov used by the comparison and the corpus benchmark into
# .venv-checkov (kept out of the repository by .gitignore).
set -euo pipefail
cd "$(dirname "$0")/.."
CHECKOV_VERSION=3.3.30
if [ ! -x .venv-checkov/bin/checkov ] || ! .venv-checkov/bin/checkov --version 2>/dev/null | grep -qx "$CHECKOV_VERSION"; then
  python3 -m venv .venv-checkov
  .venv-checkov/bin/pip install --quiet --disable-pip-version-check "checkov==$CHECKOV_VERSION"
fi
.venv-checkov/bin/checkov --version
