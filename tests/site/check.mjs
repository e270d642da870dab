// Checks every page of a built site (docs/site.md) in real tools and prints one line per failed
// check, then "N passed, N failed" (tests/lib.sh `counted`):
//   - the Nu Html Checker (vnu-jar, Java): no error on any page;
//   - headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core): axe-core with
//     the WCAG 2.1 A and AA rules finds no violation; one h1, heading levels in order, lang="sv",
//     the landmarks, a skip link to main, no script; every internal link, image and anchor
//     resolves; at 375 px (a phone) nothing scrolls sideways; in print the navigation is hidden
//     and nothing is wider than an A4 page.
// Usage: node check.mjs SITE_DIR [SCREENSHOT_DIR]   (screenshots: desktop and phone of each page)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const vnuJar = require('vnu-jar');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const { chromium } = require('playwright-core');

const site = path.resolve(process.argv[2] || 'out/site');
const shots = process.argv[3] ? path.resolve(process.argv[3]) : null;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

let passed = 0;
let failed = 0;
function check(ok, what) {
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAIL ${what}`);
  }
  return ok;
}

function htmlFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out.sort();
}

const pages = htmlFiles(site);
check(pages.length >= 4, `${site}: at least index, calendar, actions and one meeting page (got ${pages.length})`);
for (const name of ['index.html', 'kalender.html', 'uppdrag.html', 'style.css', 'logo.svg']) {
  check(existsSync(path.join(site, name)), `${site}/${name} exists`);
}
const rel = (p) => path.relative(site, p);

// The Nu Html Checker: one run over every page, errors only.
{
  let report;
  try {
    const out = execFileSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...pages], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    report = JSON.parse(out || '{"messages":[]}');
  } catch (e) {
    // vnu exits 1 when it found errors; the report is on stderr for --format json.
    const text = (e.stderr || '') + (e.stdout || '');
    try {
      report = JSON.parse(text);
    } catch {
      check(false, `vnu did not run: ${String(e.message).slice(0, 300)}`);
      report = { messages: [] };
    }
  }
  const byFile = new Map();
  for (const m of report.messages) {
    if (m.type !== 'error') continue;
    const f = m.url ? fileURLToPath(m.url) : '?';
    if (!byFile.has(f)) byFile.set(f, []);
    byFile.get(f).push(`${m.lastLine}: ${m.message}`);
  }
  for (const p of pages) {
    const errs = byFile.get(p) || [];
    check(errs.length === 0, `vnu: ${rel(p)}: ${errs.length} errors\n    ${errs.slice(0, 8).join('\n    ')}`);
  }
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: true });
const page = await context.newPage();
const ids = new Map(); // page file -> Set of ids, for anchors

async function load(p) {
  await page.goto(pathToFileURL(p).href, { waitUntil: 'load' });
}

for (const p of pages) {
  await load(p);
  const name = rel(p);

  // Structure: what axe does not check, or checks only as best practice.
  const s = await page.evaluate(() => {
    const hs = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
    let order = true;
    for (let i = 1; i < hs.length; i++) if (hs[i] > hs[i - 1] + 1) order = false;
    const first = document.querySelector('body a, body button, body input');
    const main = document.querySelector('main');
    return {
      lang: document.documentElement.lang,
      h1: hs.filter((h) => h === 1).length,
      firstHeading: hs[0],
      order,
      levels: hs.join(' '),
      header: document.querySelectorAll('body > header').length,
      nav: document.querySelectorAll('nav').length,
      main: document.querySelectorAll('main').length,
      footer: document.querySelectorAll('body > footer').length,
      skip: first && main && first.getAttribute('href') === '#' + main.id,
      scripts: document.querySelectorAll('script').length,
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      links: [...document.querySelectorAll('a[href], link[href], img[src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src')),
      emptyLinks: [...document.querySelectorAll('a')].filter((a) => a.textContent.trim() === '' && !a.querySelector('img[alt]:not([alt=""])')).length,
      thNoScope: [...document.querySelectorAll('th')].filter((t) => !t.getAttribute('scope')).length,
      imgNoAlt: [...document.querySelectorAll('img')].filter((i) => !i.hasAttribute('alt')).length,
      figNoCaption: [...document.querySelectorAll('main figure')].filter((f) => !f.querySelector('figcaption')).length,
    };
  });
  ids.set(p, new Set(s.ids));
  check(s.lang === 'sv', `${name}: <html lang="sv"> (got "${s.lang}")`);
  check(s.h1 === 1 && s.firstHeading === 1, `${name}: one h1, and it comes first (levels: ${s.levels})`);
  check(s.order, `${name}: heading levels in order, none skipped (levels: ${s.levels})`);
  check(s.header === 1 && s.nav >= 1 && s.main === 1 && s.footer === 1, `${name}: landmarks header, nav, main, footer`);
  check(s.skip, `${name}: the first link skips to main`);
  check(s.scripts === 0, `${name}: no JavaScript`);
  check(s.emptyLinks === 0, `${name}: every link has text`);
  check(s.thNoScope === 0, `${name}: every th has scope`);
  check(s.imgNoAlt === 0 && s.figNoCaption === 0, `${name}: images have alt, figures a figcaption`);
  page.__links = s.links;
  const links = s.links;

  // axe-core, WCAG 2.1 A and AA.
  await page.addScriptTag({ content: axeSource });
  const res = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  const v = res.violations.map((x) => `${x.id} (${x.impact}): ${x.help}: ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  check(v.length === 0, `axe: ${name}: ${v.length} WCAG 2.1 AA violations\n    ${v.join('\n    ')}`);
  check(res.passes.length > 10, `axe: ${name}: axe ran its rules (${res.passes.length} passed)`);

  // Every internal link, stylesheet and image resolves to a file (anchors checked below).
  let broken = [];
  for (const href of links) {
    if (/^(https?:|mailto:)/.test(href)) continue;
    const [file] = href.split('#');
    const target = file === '' ? p : path.resolve(path.dirname(p), decodeURI(file));
    if (!target.startsWith(site + path.sep) || !existsSync(target) || !statSync(target).isFile()) broken.push(href);
  }
  check(broken.length === 0, `${name}: every internal link resolves (broken: ${broken.join(', ')})`);
  page.__pending = (page.__pending || []).concat(links.map((h) => [p, h]));

  if (shots) {
    mkdirSync(shots, { recursive: true });
    const base = name.replace(/[\/]/g, '_').replace(/\.html$/, '');
    await page.screenshot({ path: path.join(shots, `${base}-desktop.png`), fullPage: true });
  }

  // A phone: 375 px wide, nothing wider than the screen.
  await page.setViewportSize({ width: 375, height: 800 });
  const phone = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: window.innerWidth }));
  check(phone.sw <= phone.w, `${name}: at 375 px nothing scrolls sideways (page is ${phone.sw} px)`);
  // Nor does any part of it (a table in its box) unless the keyboard can reach it: axe's
  // scrollable-region-focusable at this width.
  const narrow = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'rule', values: ['scrollable-region-focusable'] } }),
  );
  const nv = narrow.violations.map((x) => `${x.id}: ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  check(nv.length === 0, `axe at 375 px: ${name}: ${nv.join('; ')}`);
  if (shots) {
    const base = name.replace(/[\/]/g, '_').replace(/\.html$/, '');
    await page.screenshot({ path: path.join(shots, `${base}-phone.png`), fullPage: true });
  }

  // Print: no navigation, nothing wider than A4 (794 px at 96 dpi less nothing: page margins
  // come from the printer).
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  const pr = await page.evaluate(() => ({
    nav: getComputedStyle(document.querySelector('nav')).display,
    skip: getComputedStyle(document.querySelector('.skip')).display,
    sw: document.documentElement.scrollWidth,
  }));
  check(pr.nav === 'none' && pr.skip === 'none', `${name}: print hides the navigation and the skip link`);
  check(pr.sw <= 794, `${name}: print fits an A4 width (page is ${pr.sw} px)`);
  const pdf = await page.pdf({ format: 'A4' });
  check(pdf.length > 1000 && pdf.subarray(0, 5).toString() === '%PDF-', `${name}: prints to a PDF`);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 900 });
}

// Anchors: a link to page#id finds the id on that page.
{
  const bad = [];
  for (const [p, href] of page.__pending || []) {
    if (/^(https?:|mailto:)/.test(href) || !href.includes('#')) continue;
    const [file, frag] = href.split('#');
    const target = file === '' ? p : path.resolve(path.dirname(p), decodeURI(file));
    const set = ids.get(target);
    if (set && !set.has(decodeURIComponent(frag))) bad.push(`${rel(p)}: ${href}`);
  }
  check(bad.length === 0, `every #anchor exists on its page (missing: ${bad.slice(0, 10).join(', ')})`);
}

await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
