#!/bin/sh
# One step of `make archive` (mk/archive.mk): runs `motesdok WHAT [NAME]`, prints the
# progress line "[37/120] protokoll 2021-05-18", keeps the messages in LOG/WHAT-NAME.log and,
# when the step fails, records it in LOG/failed/ for the summary. It always exits 0, so that
# make goes on with the other meetings; the summary (the archive target) fails the run.
# The documents (kallelse, protokoll, kalender) are made by `motesdok batch` before the other
# steps and print their own lines; this script makes them only when make runs archive-build
# directly.
# The target is not touched on failure (motesdok writes atomically), so the next
# `make archive` tries the step again.
# Usage: archive-step.sh WHAT NAME   (NAME "-" for site, ics, data)
# Environment: ARCHIVE_BIN, ARCHIVE_LOG, ARCHIVE_TOTAL, ARCHIVE_BRAND, ARCHIVE_STAMP (a file
# to touch on success, for steps whose outputs are many files), ARCHIVE_BATCHED (1 after the
# batch: a document whose batch job failed is not made again).
set -u
what=$1
name=$2
log=$ARCHIVE_LOG
[ -d "$log/failed" ] || mkdir -p "$log/failed" # made once by the archive target
label=$what
[ "$name" = - ] || label="$what $name"
file=$log/$what${name#-}.log
[ "$name" = - ] || file=$log/$what-$name.log

# After the batch (ARCHIVE_BATCHED=1, mk/archive.mk): a document still out of date is one whose
# batch job failed; the batch printed its line and recorded it in failed/, so it is not made
# again in this run (its target stays old, so the next make archive tries it again).
case $what in
kallelse | protokoll | kalender)
    if [ "${ARCHIVE_BATCHED:-}" = 1 ] && [ -e "$log/failed/$what-$name.log" ]; then
        exit 0
    fi
    ;;
esac

case $what in
kallelse | protokoll | kalender) set -- "$what" "$name" --brand "$ARCHIVE_BRAND" ;;
site) set -- site --brand "$ARCHIVE_BRAND" ;;
*) set -- "$what" ;;
esac

"$ARCHIVE_BIN" "$@" >"$file" 2>&1
rc=$?
# Steps are counted as they finish; the counter is shared by the parallel jobs of make -j,
# and the increment and the line are one critical section (flock on fd 9), so the numbers are
# printed in order. Only flock is a process of its own here (a thousand steps of a large
# archive make every process count).
progress() {
    {
        flock 9
        n=0
        [ -s "$log/counter" ] && read -r n <"$log/counter"
        n=$((n + 1))
        echo "$n" >"$log/counter"
        echo "[$n/$ARCHIVE_TOTAL] $1"
    } 9>"$log/counter.lock"
}
if [ "$rc" -eq 0 ]; then
    warnings=0
    [ -s "$file" ] && warnings=$(grep -c ': warning: ' "$file")
    if [ "$warnings" -gt 0 ]; then
        progress "$label ($warnings warnings: $file)"
    else
        progress "$label"
    fi
    if [ -n "${ARCHIVE_STAMP:-}" ]; then
        mkdir -p "$(dirname "$ARCHIVE_STAMP")" && touch "$ARCHIVE_STAMP"
    fi
else
    cp "$file" "$log/failed/$(basename "$file")"
    {
        echo "$label FAILED (exit $rc)"
        grep ': error: ' "$file" | head -n 3 | sed 's/^/    /'
    } >"$file.summary"
    progress "$(cat "$file.summary")"
    rm -f "$file.summary"
fi
exit 0
