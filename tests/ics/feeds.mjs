// Reads the feeds `motesdok ics` wrote into a site folder with ical.js and checks them against
// the open data of the same site (data/index.json): every meeting is one event at its time,
// cancelled ones CANCELLED with a higher SEQUENCE, every body feed holds exactly the events
// of its body, and the raw bytes follow RFC 5545 §3.1. Usage:
//   node tests/ics/feeds.mjs out/site
// Prints "N passed, N failed"; exits 1 on any failure.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';

const site = process.argv[2];
if (!site) {
  console.log('usage: node feeds.mjs SITE_DIR');
  process.exit(2);
}
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

// CRLF only, at most 75 octets a physical line, no fold inside a UTF-8 sequence.
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
  const bytes = readFileSync(file);
  checkLines(file, bytes);
  const cal = new ICAL.Component(ICAL.parse(bytes.toString('utf8')));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  check(`${file}: VERSION`, cal.getFirstPropertyValue('version'), '2.0');
  check(`${file}: one VTIMEZONE`, cal.getAllSubcomponents('vtimezone').length, 1);
  const events = new Map();
  let dup = 0;
  let badUid = 0;
  for (const c of cal.getAllSubcomponents('vevent')) {
    const e = new ICAL.Event(c);
    if (events.has(e.uid)) dup++;
    // docs/ics.md: <day>[-<HHMM>]-<key>@motesdok, key lower-case ASCII.
    if (!/^(\d{4}-\d{2}(-\d{2})?|[HV]T\d{4})(-\d{4})?-[a-z0-9+-]+@motesdok$/.test(e.uid)) badUid++;
    if (!c.getFirstPropertyValue('dtstamp')) badUid++;
    events.set(e.uid, { e, c });
  }
  check(`${file}: duplicate UIDs`, dup, 0);
  check(`${file}: UIDs and DTSTAMPs of the documented form`, badUid, 0);
  return { cal, events };
}

const utc = (t) => t.convertToZone(ICAL.Timezone.utcTimezone).toJSDate().toISOString();

const all = load(join(site, 'kalender.ics'));
const index = JSON.parse(readFileSync(join(site, 'data', 'index.json'), 'utf8'));
const orgs = JSON.parse(readFileSync(join(site, 'data', 'organizations.json'), 'utf8'));

// Every meeting of the open data is one event of the feed, at the same instant.
const byStart = new Map();
for (const { e, c } of all.events.values()) {
  if (!e.startDate.isDate) byStart.set(`${utc(e.startDate)} ${e.summary}`, { e, c });
}
let missing = 0;
let wrongStatus = 0;
for (const m of index.data) {
  const key = `${new Date(m.start).toISOString()} ${m.name}`;
  const ev = byStart.get(key);
  if (!ev) {
    missing++;
    console.log(`no event for ${m.id} (${key})`);
    continue;
  }
  const status = ev.c.getFirstPropertyValue('status');
  const want = m.cancelled ? ['CANCELLED', 1] : ['CONFIRMED', 0];
  if (status !== want[0] || ev.e.sequence !== want[1]) {
    wrongStatus++;
    console.log(`${m.id}: STATUS ${status} SEQUENCE ${ev.e.sequence}, expected ${want}`);
  }
}
check('meetings of data/index.json missing from kalender.ics', missing, 0);
check('meetings with the wrong STATUS or SEQUENCE', wrongStatus, 0);
check('the feed has events', all.events.size > 0, true);

// One feed per organization, named as its motesdok:feed says, holding exactly the events of
// kalender.ics whose CATEGORIES name the body.
const feeds = readdirSync(join(site, 'kalender')).filter((f) => f.endsWith('.ics')).sort();
check('one feed per organization', feeds.length, orgs.data.length);
for (const o of orgs.data) {
  const file = join(site, 'data', o['motesdok:feed']);
  const body = load(file);
  const want = [...all.events.values()]
    .filter(({ c }) => (c.getFirstProperty('categories')?.getValues() ?? []).includes(o.name))
    .map(({ e }) => e.uid)
    .sort();
  check(`${o.name}: events of its feed`, [...body.events.keys()].sort(), want);
  check(`${o.name}: X-WR-CALNAME`, body.cal.getFirstPropertyValue('x-wr-calname'), o.name);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
