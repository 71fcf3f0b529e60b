// Issue 13, point 6: a printed report names its request and reads well on paper: verdict and
// counts first, fails first and marked, readable statuses, values in monospace (no backticks),
// rule ids on one line; A4 and Letter. Ctrl+P as a person presses it; the PDFs are looked at.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { usePage, distBuilt, samplesDir, artifactsDir } from './lib.mjs';

const built = distBuilt();

describe('the print view', { timeout: 120000, skip: !built && 'the page is not built: cmake --preset web && cmake --build --preset web' }, () => {
  const fx = usePage({ width: 1400, height: 860 });

  it('names the request, gives verdict and counts first, marks fails, and fits A4 and Letter', { timeout: 90000 }, async () => {
    const { page, consoleErrors } = fx;
    const name = 'fails-subject-witness.json';
    const request = JSON.parse(readFileSync(join(samplesDir, name), 'utf8'));
    await page.evaluate((text) => window.reqcheck.load(text, 'fails-subject-witness.json'), JSON.stringify(request, null, 2));
    await page.waitForFunction(() => document.getElementById('verdict').dataset.verdict === 'does_not_meet', null, { timeout: 15000 });
    await page.evaluate(() => { window.print = () => { window.__printed = true; }; window.__printed = false; });
    await page.keyboard.press('Control+p');
    await page.waitForFunction(() => window.__printed === true, null, { timeout: 5000 });

    const view = await page.evaluate(() => {
      const root = document.getElementById('print-view');
      const rows = [...root.querySelectorAll('tbody tr')];
      return {
        h1: root.querySelector('h1').textContent,
        first: [...root.children].slice(0, 5).map((e) => e.className || e.tagName),
        text: root.textContent,
        counts: root.querySelector('.counts').textContent,
        firstRow: rows[0].className,
        statuses: rows.map((r) => r.querySelector('td.status').textContent),
        codes: root.querySelectorAll('code').length,
      };
    });
    assert.equal(view.h1, `reqcheck report: ${request.reference}`);
    assert.ok(view.text.includes(`case ${request.case.reference}`), 'the case reference is printed');
    assert.ok(view.text.includes('file fails-subject-witness.json'), 'the file is printed');
    assert.deepEqual(view.first.slice(0, 4), ['H1', 'meta', 'verdict verdict-does_not_meet', 'counts'], 'verdict and counts come first');
    assert.match(view.counts, /^1 failed · \d+ to review · \d+ incomplete · \d+ passed · \d+ not applicable$/);
    assert.equal(view.firstRow, 'status-fail', 'fails first');
    assert.ok(view.statuses.includes('– not applicable') && !view.text.includes('not_applicable'), 'readable statuses');
    assert.ok(!view.text.includes('`'), 'no raw backticks');
    assert.ok(view.codes > 5, 'values in monospace');

    await page.emulateMedia({ media: 'print' });
    const ruleWrap = await page.evaluate(() => getComputedStyle(document.querySelector('#print-view td.rule')).whiteSpace);
    assert.equal(ruleWrap, 'nowrap', 'rule ids are not broken over lines');
    mkdirSync(artifactsDir, { recursive: true });
    // the paper's width at 96 dpi (A4, 210 mm), to look at the layout as printed
    const size = page.viewportSize();
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: join(artifactsDir, 'print-view.png'), fullPage: true });
    await page.setViewportSize(size);
    for (const format of ['A4', 'Letter']) {
      const pdf = await page.pdf({ format, printBackground: false });
      writeFileSync(join(artifactsDir, `print-${format}.pdf`), pdf);
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert.ok(pages >= 1 && pages <= 8, `${format}: ${pages} pages`);
    }
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(consoleErrors, []);
  });
});
