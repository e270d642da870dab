#!/bin/sh
# Regenerates xml/schema/meeting.rng from xml/schema/meeting.rnc (the source) with trang.
# Run from anywhere; run after every edit of the .rnc and commit both files.
set -eu
cd "$(dirname "$0")/.."
exec trang -I rnc -O rng xml/schema/meeting.rnc xml/schema/meeting.rng
