#!/usr/bin/env bash
# The demo: installs what the build needs, builds the widget and serves the
# demo page until Ctrl-C.
#
#   bash scripts/demo.sh [--port 8080] [--host 127.0.0.1]
#
# Then open http://127.0.0.1:8080/ . Arguments go to scripts/serve.mjs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$FC_ROOT"

bash scripts/install.sh --demo

fc_release_build

exec node scripts/serve.mjs "$@"
