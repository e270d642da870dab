# shellcheck shell=sh
# Sourced by tests/run.sh.
echo "== the documents (kallelse, protokoll) of the seed meetings"
for m in 2024-01-30 2020-01-29; do
    for what in kallelse protokoll; do
        rm -f "$OUT/$m/$what.pdf"
        ok "$what $m: a PDF is made" "$BIN" "$what" "$m"
        ok "$what $m: a second run gives the same bytes" \
            sh -c "cp $OUT/$m/$what.pdf $tmp/first.pdf && '$BIN' $what $m 2>/dev/null &&
                   cmp $tmp/first.pdf $OUT/$m/$what.pdf"
        pdftotext -raw "$OUT/$m/$what.pdf" "$tmp/$what.txt" 2>/dev/null
    done
    date_sv=$(case $m in 2024-01-30) echo "Tisdagen den 30 januari 2024" ;;
                         2020-01-29) echo "Onsdagen den 29 januari 2020" ;; esac)
    ok "kallelse $m: the Swedish date, time and agenda are in the text" \
        sh -c "grep -q '$date_sv' $tmp/kallelse.txt && grep -q 'kl. 16.00–18.00' $tmp/kallelse.txt &&
               grep -q 'Dagordning' $tmp/kallelse.txt && grep -q 'Sida 1 av' $tmp/kallelse.txt"
done

printf '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n' >"$tmp/empty-fonts.conf"
ok "protokoll 2024-01-30: the machine's fonts change nothing (its SVG figure has text)" \
    sh -c "cp $OUT/2024-01-30/protokoll.pdf $tmp/with-system-fonts.pdf &&
           FONTCONFIG_FILE=$tmp/empty-fonts.conf '$BIN' protokoll 2024-01-30 2>/dev/null &&
           cmp $tmp/with-system-fonts.pdf $OUT/2024-01-30/protokoll.pdf"
