// Reads the golden feeds with a real iCalendar parser (ical.js 1.x) and checks what a
// subscriber's calendar would see: events, UIDs, times in UTC through the VTIMEZONE,
// unescaped text, all-day entries. Usage (from the repository root or tests/ics):
//   (cd tests/ics && npm ci --no-audit --no-fund) && node tests/ics/parse.mjs
// Prints "N passed, N failed"; exits 1 on any failure.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';

const here = dirname(fileURLToPath(import.meta.url));
let passed = 0;
let failed = 0;

function check(what, got, want) {
  const g = JSON.stringify(got);
  const w = JSON.stringify(want);
  if (g === w) {
    passed++;
  } else {
    failed++;
    console.log(`${what}: expected ${w}, got ${g}`);
  }
}

// RFC 5545 §3.1 on the raw bytes: CRLF only, at most 75 octets a line, no fold inside a
// UTF-8 sequence (a continuation line's first byte after the space is not 10xxxxxx).
function checkLines(name, bytes) {
  let start = 0;
  let bad = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      if (i - start > 75) bad++;
      if (bytes[start] === 0x20 && (bytes[start + 1] & 0xc0) === 0x80) bad++;
      start = i + 2;
      i++;
    } else if (bytes[i] === 0x0d || bytes[i] === 0x0a) {
      bad++;
    }
  }
  check(`${name}: bad physical lines`, bad, 0);
  check(`${name}: ends with CRLF`, start, bytes.length);
}

function load(file) {
  const bytes = readFileSync(join(here, file));
  checkLines(file, bytes);
  const cal = new ICAL.Component(ICAL.parse(bytes.toString('utf8')));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  check(`${file}: VERSION`, cal.getFirstPropertyValue('version'), '2.0');
  check(`${file}: PRODID`, cal.getFirstPropertyValue('prodid'), '-//motesdok//motesdok 1.0//SV');
  check(`${file}: VTIMEZONE`, cal.getAllSubcomponents('vtimezone').length, 1);
  const events = new Map();
  for (const c of cal.getAllSubcomponents('vevent')) {
    const e = new ICAL.Event(c);
    check(`${file}: unique UID ${e.uid}`, events.has(e.uid), false);
    events.set(e.uid, { e, c });
  }
  return events;
}

const utc = (t) => t.convertToZone(ICAL.Timezone.utcTimezone).toString();

const all = load('all.ics');
check('all.ics: UIDs', [...all.keys()], [
  '2020-01-29-1600-c-natet+samverkansradet@motesdok',
  '2020-03-18-1700-fest-overenskommelsen-om-samverkan@motesdok',
  '2020-04-22-1300-temakvall-medskapande-dialog-anna-karin-berglund@motesdok',
  '2020-04-22-1530-samverkansradet@motesdok',
  '2020-04-22-1800-temakvall-medskapande-dialog-anna-karin-berglund@motesdok',
  '2024-01-30-1600-c-natet+samverkansradet@motesdok',
  '2024-03-18-1600-samverkansradet@motesdok',
  '2024-04-1730-temakvall-krisberedskapsovning@motesdok',
  '2024-05-28-1700-samverkansradet@motesdok',
]);

const m = all.get('2024-01-30-1600-c-natet+samverkansradet@motesdok');
if (m) {
  // 16:00 in Stockholm in January is CET, UTC+1.
  check('meeting start', utc(m.e.startDate), '2024-01-30T15:00:00Z');
  check('meeting end', utc(m.e.endDate), '2024-01-30T17:00:00Z');
  check('meeting TZID', m.e.startDate.zone.tzid, 'Europe/Stockholm');
  check('meeting summary', m.e.summary, 'Samverkansrådet och C-nätet');
  check('meeting location', m.e.location, 'Föreningarnas Hus, Slottsgatan 13A');
  check('meeting status', m.c.getFirstPropertyValue('status'), 'CONFIRMED');
  check('meeting sequence', m.e.sequence, 0);
  check('meeting categories', m.c.getFirstProperty('categories')?.getValues(), [
    'Samverkansrådet',
    'C-nätet',
  ]);
  check('meeting dtstamp', utc(m.c.getFirstPropertyValue('dtstamp')), '2024-01-30T00:00:00Z');
}
// Summer time: 17:00 CEST is 15:00 UTC; 18 March 2020 was still CET (CEST from 29 March).
check('May start (CEST)',
  utc(all.get('2024-05-28-1700-samverkansradet@motesdok')?.e.startDate), '2024-05-28T15:00:00Z');
check('March 2020 start (CET)',
  utc(all.get('2020-03-18-1700-fest-overenskommelsen-om-samverkan@motesdok')?.e.startDate),
  '2020-03-18T16:00:00Z');
const t = all.get('2020-04-22-1800-temakvall-medskapande-dialog-anna-karin-berglund@motesdok');
check('folded, escaped summary', t?.e.summary,
  'Temakväll: Medskapande dialog, Anna-Karin Berglund.');
check('second time range', utc(t?.e.startDate), '2020-04-22T16:00:00Z');
check('note', t?.e.description, 'Två seminarier/miniträningar.');

const month = all.get('2024-04-1730-temakvall-krisberedskapsovning@motesdok');
check('month entry is all-day', month?.e.startDate.isDate, true);
check('month entry day', month?.e.startDate.toString(), '2024-04-01');
check('month entry status', month?.c.getFirstPropertyValue('status'), 'TENTATIVE');
check('month entry summary', month?.e.summary, 'Preliminärt: Temakväll: Krisberedskapsövning');
check('month entry description', month?.e.description,
  'Dag ej bestämd: april 2024, kl. 17.30–20.30.');

const body = load('c-natet.ics');
check('c-natet.ics: UIDs', [...body.keys()], [
  '2020-01-29-1600-c-natet+samverkansradet@motesdok',
  '2024-01-30-1600-c-natet+samverkansradet@motesdok',
]);

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
