// Issue 13, points 9 and 2: narrow screens and text that comes without key presses. On a
// phone-sized viewport (390×844, a touch screen) the panes stack, report over request; tapping a
// form field gives the focus to the page's #text-input, so that the on-screen keyboard opens;
// text committed there (an IME's composition, a virtual keyboard's insertText: no key events)
// reaches the field. At 800×600 the panes stay side by side. Screenshots were looked at.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { usePage, distBuilt, screenshot } from './lib.mjs';

const built = distBuilt();
const skip = !built && 'the page is not built: cmake --preset web && cmake --build --preset web';
// places in the stacked layout at 390×844 (tests/e2e/artifacts/narrow-form.png)
const formTab = [136, 432];
const yourReference = [290, 482];

describe('a phone-sized screen', { timeout: 120000, skip }, () => {
  const fx = usePage({ width: 390, height: 844, touch: true });

  it('stacks the panes, opens the on-screen keyboard on a field, takes insertText and composition', async () => {
    const { page, consoleErrors } = fx;
    await screenshot(page, 'narrow.png');
    await page.touchscreen.tap(...formTab);
    await page.waitForTimeout(400);
    await page.touchscreen.tap(...yourReference);
    await page.waitForFunction(() => document.activeElement?.id === 'text-input', null, { timeout: 5000 });
    // a virtual keyboard's text: no keydown, no keypress, only input events
    await page.keyboard.press('End');
    await page.keyboard.insertText('-Ω1');
    // an IME's composition, committed
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'ü', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.insertText', { text: 'ü' });
    await page.waitForFunction(() => document.querySelector('#print-view h1')?.textContent === 'reqcheck report: LKA-BL-2026-0417-Ω1ü', null, { timeout: 5000 });
    await screenshot(page, 'narrow-form.png');
    // leaving the field gives the focus back to the canvas (the keyboard closes)
    await page.touchscreen.tap(60, 42);
    await page.waitForFunction(() => document.activeElement?.id !== 'text-input', null, { timeout: 5000 });
    assert.deepEqual(consoleErrors, []);
  });
});

describe('an 800×600 window', { timeout: 60000, skip }, () => {
  const fx = usePage({ width: 800, height: 600 });

  it('keeps the panes side by side and checks the sample', async () => {
    const { page } = fx;
    assert.equal(await page.evaluate(() => document.getElementById('verdict').dataset.verdict), 'meets_criteria');
    await screenshot(page, 'window-800.png');
  });
});
