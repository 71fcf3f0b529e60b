// Issue 13, point 4 (in part): the report is in the accessibility tree, not only on the canvas,
// kept in step with it; and without WebGL2 the page still checks, with a plain form and the
// same report as HTML.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openPage, screenshot, distBuilt, samplesDir } from './lib.mjs';

const built = distBuilt();
const skip = !built && 'the page is not built: cmake --preset web && cmake --build --preset web';

describe('the report for screen readers', { timeout: 120000, skip }, () => {
  let server, browser, page;

  before(async () => {
    server = await serve();
    browser = await launch({ width: 1400, height: 860 });
    ({ page } = await openPage(browser.context, server.url));
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
  });

  it('holds the verdict, counts and every finding with its fix and source, and follows the request shown', { timeout: 60000 }, async () => {
    let tree = await page.locator('#print-view').ariaSnapshot();
    assert.match(tree, /Meets the criteria/);
    assert.match(tree, /0 failed · 0 to review/);
    const text = readFileSync(join(samplesDir, 'fails-subject-witness.json'), 'utf8');
    await page.evaluate((t) => window.reqcheck.load(t, 'fails-subject-witness.json'), text);
    await page.waitForFunction(() => document.getElementById('verdict').dataset.verdict === 'does_not_meet', null, { timeout: 15000 });
    tree = await page.locator('#print-view').ariaSnapshot();
    assert.match(tree, /heading "reqcheck report: LKA-BL-2026-0417"/);
    assert.match(tree, /Does not meet the criteria/);
    assert.match(tree, /1 failed/);
    assert.match(tree, /SUBJ-03/);
    assert.match(tree, /target 2 is a/);
    assert.match(tree, /Fix: the platform discloses data only of a suspect/);
    assert.match(tree, /Telegram Privacy Policy/);
    assert.match(tree, /row ".*✗ fail SUBJ-03/);
  });
});

describe('without WebGL2', { timeout: 120000, skip }, () => {
  let server, browser, page;

  before(async () => {
    server = await serve();
    browser = await launch({ width: 1000, height: 800, webgl: false });
    page = browser.context.pages()[0] || await browser.context.newPage();
    await page.goto(server.url);
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
  });

  it('offers a plain form that checks with the same engine and shows the report', { timeout: 90000 }, async () => {
    await page.waitForSelector('#fallback:not([hidden])', { timeout: 30000 });
    // the default sample arrives in the text area and is checked
    await page.waitForFunction(() => document.querySelector('#fallback-report .verdict') !== null, null, { timeout: 30000 });
    assert.match(await page.textContent('#fallback-report .verdict'), /Meets the criteria/);
    // a request typed in and checked with the button
    const failing = readFileSync(join(samplesDir, 'fails-subject-witness.json'), 'utf8');
    await page.fill('#fallback-text', failing);
    await page.click('#fallback-check');
    await page.waitForFunction(() => /Does not meet/.test(document.querySelector('#fallback-report .verdict').textContent), null, { timeout: 15000 });
    assert.match(await page.textContent('#fallback-report'), /SUBJ-03/);
    // and a file opened with the file input
    await page.setInputFiles('#fallback-file', join(samplesDir, 'meets-criteria.json'));
    await page.waitForFunction(() => /Meets the criteria/.test(document.querySelector('#fallback-report .verdict').textContent), null, { timeout: 15000 });
    await screenshot(page, 'no-webgl.png');
  });
});
