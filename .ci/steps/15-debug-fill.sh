#!/usr/bin/env bash
# The whole ava suite once more in np's debug mode NP_DEBUG_FILL_NAN=1 (lib/np/dtype.ts): every
# fresh output buffer starts as NaN (or the byte 0xA5 for integer dtypes), so a kernel that leaves
# an element unwritten fails a test here instead of passing on a slab's leftover data.
# Exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
NP_DEBUG_FILL_NAN=1 npx ava
