// Issue 13, point 3: an idle page draws nothing. Frames are counted by the canvas clears (one
// per frame drawn); input, the debounced re-check and a notice's expiry still get their frames.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, distBuilt } from './lib.mjs';

const built = distBuilt();

/** Frames drawn while `action` runs and for `ms` milliseconds after. */
async function framesDuring(page, ms, action = async () => {}) {
  const start = await page.evaluate(() => window.__frames);
  await action();
  await page.waitForTimeout(ms);
  return (await page.evaluate(() => window.__frames)) - start;
}

/** Waits (up to 15 s) until no frame has been drawn for 600 ms: the settling after input is over. */
async function settle(page) {
  const until = Date.now() + 15000;
  let last = await page.evaluate(() => window.__frames);
  let quietSince = Date.now();
  while (Date.now() < until) {
    await page.waitForTimeout(100);
    const now = await page.evaluate(() => window.__frames);
    if (now !== last) { last = now; quietSince = Date.now(); } else if (Date.now() - quietSince >= 600) return true;
  }
  return false;
}

describe('an idle page', { timeout: 120000, skip: !built && 'the page is not built: cmake --preset web && cmake --build --preset web' }, () => {
  let server, browser, page, consoleErrors;

  before(async () => {
    server = await serve();
    browser = await launch({ width: 1400, height: 860 });
    // counts frames: the app clears the canvas once per frame it draws
    await browser.context.addInitScript(() => {
      window.__frames = 0;
      const clear = WebGL2RenderingContext.prototype.clear;
      WebGL2RenderingContext.prototype.clear = function (mask) { window.__frames += 1; return clear.call(this, mask); };
    });
    ({ page, consoleErrors } = await openPage(browser.context, server.url));
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
  });

  it('draws no frame while nothing happens, and draws on input and for the re-check', { timeout: 90000 }, async (t) => {
    assert.ok(await settle(page), 'the page stops drawing after loading');
    const idle = await framesDuring(page, 3000);
    t.diagnostic(`idle 3 s: ${idle} frames`);
    assert.ok(idle <= 1, `an idle page drew ${idle} frames in 3 s`);

    // the pointer moving over the canvas: frames, then rest again
    const moving = await framesDuring(page, 300, async () => {
      for (let i = 0; i < 10; i++) await page.mouse.move(700 + i * 10, 300 + i * 5);
    });
    t.diagnostic(`pointer moves: ${moving} frames`);
    assert.ok(moving >= 1, 'the page draws when the pointer moves');
    assert.ok(await settle(page), 'and rests again');

    // one key typed into the editor: the re-check comes after the debounce with no further input
    await page.mouse.click(58, 42);
    await page.mouse.click(350, 400);
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+End');
    await page.waitForTimeout(300);
    await page.waitForTimeout(2000);
    const before = await page.evaluate(() => document.getElementById('verdict').dataset.verdict);
    assert.equal(before, 'meets_criteria');
    await page.keyboard.type('x');
    await page.waitForFunction(() => document.getElementById('verdict').dataset.verdict === 'invalid_input', null, { timeout: 5000 });
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => document.getElementById('verdict').dataset.verdict === 'meets_criteria', null, { timeout: 5000 });
    assert.ok(await settle(page), 'the page rests after the re-check');
    const caret = await framesDuring(page, 2000);
    t.diagnostic(`caret in the editor, 2 s: ${caret} frames`);
    assert.ok(caret <= 1, 'with the caret in the editor, the page rests too (no blinking caret)');
    assert.deepEqual(consoleErrors, []);
  });
});
