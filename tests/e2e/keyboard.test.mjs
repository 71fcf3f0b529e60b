// Issue 13, point 4: the page from the keyboard alone, as a liaison who does not use a mouse:
// from load, Tab goes through every control of both panes (the findings too), the control with
// the focus is outlined on the canvas and named in the #focus live region for screen readers,
// Space activates it (Enter too, on a button), a text field reached by Tab is edited at once,
// and Escape ends an edit keeping the text, the focus staying where it was.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { usePage, distBuilt, screenshot } from './lib.mjs';

const built = distBuilt();

describe('keyboard', { timeout: 180000, skip: !built && 'the page is not built: cmake --preset web && cmake --build --preset web' }, () => {
  const fx = usePage({ width: 1400, height: 860 });

  /** Presses Tab until #focus names the control `name` (or `name, …`: its state); returns the names passed. */
  async function tabTo(page, name, max = 60) {
    const seen = [];
    for (let i = 0; i < max; ++i) {
      await page.keyboard.press('Tab');
      await page.waitForTimeout(100);
      const focus = await page.evaluate(() => document.getElementById('focus').textContent);
      seen.push(focus);
      if (focus === name || focus.startsWith(`${name},`)) return seen;
    }
    assert.fail(`Tab never reached "${name}"; it went through: ${[...new Set(seen)].join(' | ')}`);
  }

  it('Tab reaches every pane and the findings, Enter prints, Space opens the form, typing edits the field Tab reached, the focus is named', async () => {
    const { page, consoleErrors } = fx;
    const region = await page.evaluate(() => {
      const el = document.getElementById('focus');
      return `${el.getAttribute('role')}:${el.getAttribute('aria-live')}`;
    });
    assert.equal(region, 'status:polite');

    // the report's buttons, from load, with no click first
    const passed = await tabTo(page, 'Print');
    assert.ok(passed.some((f) => f === 'Request JSON, edit field'), 'the editor is a stop');
    assert.ok(passed.some((f) => f === 'Download JSON'), 'the report buttons are stops');
    await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__printed === true, null, { timeout: 5000 });

    // the findings: each row a stop named by status, rule and title
    const rows = await tabTo(page, 'pass, AUTH-01: issuing authority is judicial');
    assert.ok(rows.some((f) => /^– not applicable \(\d+\), checked$/.test(f)), 'the status filters are checkboxes');
    await screenshot(page, 'keyboard-focus.png');

    // the form: Enter opens the tab, Enter on a field edits it
    await tabTo(page, 'Form');
    await page.keyboard.press('Space');
    await page.waitForTimeout(300);
    // Tab into a text field starts editing it, its text selected: typing replaces it, Enter ends
    await tabTo(page, 'Your reference');
    await page.keyboard.type('KB-2026-1');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#print-view h1')?.textContent === 'reqcheck report: KB-2026-1', null, { timeout: 5000 });
    await screenshot(page, 'keyboard-form.png');

    // Escape ends an edit and keeps what was typed; Tab goes on from there (Enter edits the
    // field that keeps the focus after the edit above)
    await page.keyboard.press('Enter');
    await page.keyboard.type('KB-ESC');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('#print-view h1')?.textContent === 'reqcheck report: KB-ESC', null, { timeout: 10000 });
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.getElementById('focus').textContent.startsWith('Received at'), null, { timeout: 5000 });
    // Escape on a button with no menu open keeps the focus where it is (Print: past the whole form)
    await tabTo(page, 'Print', 200);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.getElementById('focus').textContent === 'Deadlines, expanded', null, { timeout: 5000 });
    assert.deepEqual(consoleErrors, []);
  });
});
