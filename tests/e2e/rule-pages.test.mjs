// Issue 13, point 7: rule pages drawn from their Markdown (md4c), as a liaison opens them: the
// Rules tab, a rule with a table (SUBJ-01), another rule. The accessible mirror (#rule-page,
// md4c's HTML) shows what was parsed: a real table, `__` kept, ≤ present; the canvas shows a new
// rule's page from its top, not at the scroll position of the previous one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { usePage, distBuilt, screenshot } from './lib.mjs';

const built = distBuilt();
// places in the 1400×860 layout (tests/e2e/artifacts/rule-page.png)
const rulesTab = [793, 42];
const ruleRow = (i) => [720, 152 + 21 * i];  // AUTH-01 is row 0, SUBJ-01 row 9
const docPanel = { x: 958, y: 140, width: 415, height: 670 };

describe('rule pages', { timeout: 120000, skip: !built && 'the page is not built: cmake --preset web && cmake --build --preset web' }, () => {
  const fx = usePage({ width: 1400, height: 860 });

  it('render tables, code and symbols, mirrored as HTML, and open at their top', { timeout: 90000 }, async () => {
    const { page, consoleErrors } = fx;
    await page.mouse.click(...rulesTab);
    // the tab shows the pack's first rule (AUTH-01) before another can be clicked
    await page.waitForFunction(() => document.querySelector('#rule-page h1')?.textContent.startsWith('AUTH-01'), null, { timeout: 10000 });
    await page.mouse.click(...ruleRow(9));
    await page.waitForFunction(() => document.querySelector('#rule-page h1')?.textContent.startsWith('SUBJ-01'), null, { timeout: 10000 });
    const mirror = await page.evaluate(() => {
      const root = document.getElementById('rule-page');
      const table = root.querySelector('table');
      return {
        rows: table ? table.querySelectorAll('tbody tr').length : 0,
        header: table ? [...table.querySelectorAll('th')].map((th) => th.textContent) : [],
        codes: [...root.querySelectorAll('code')].map((c) => c.textContent),
        text: root.textContent,
        region: root.getAttribute('role') + ':' + root.getAttribute('aria-label'),
      };
    });
    assert.equal(mirror.region, 'region:Rule page');
    assert.deepEqual(mirror.header, ['type', 'valid when', 'otherwise']);
    assert.ok(mirror.rows >= 5, `the identifier table has its rows (${mirror.rows})`);
    assert.ok(mirror.codes.includes('__'), '`__` is kept as code');
    assert.ok(mirror.text.includes('≤'), 'the ≤ of the page is there');
    assert.ok(!mirror.text.includes('|---') && !mirror.text.includes('`'), 'no Markdown syntax left');
    await screenshot(page, 'rule-page.png');

    // AUTH-01 from its top, fresh ...
    await page.mouse.click(...ruleRow(0));
    await page.waitForFunction(() => document.querySelector('#rule-page h1')?.textContent.startsWith('AUTH-01'), null, { timeout: 10000 });
    await page.waitForTimeout(300);
    const fresh = await page.screenshot({ clip: docPanel });
    // ... and after SUBJ-01 was scrolled far down (the pointer moves on at once, as a hand does)
    await page.mouse.click(...ruleRow(9));
    await page.mouse.move(docPanel.x + 100, docPanel.y + 300);
    await page.waitForFunction(() => document.querySelector('#rule-page h1')?.textContent.startsWith('SUBJ-01'), null, { timeout: 10000 });
    await page.waitForTimeout(300);
    const top = await page.screenshot({ clip: docPanel });
    for (let i = 0; i < 6; ++i) await page.mouse.wheel(0, 400);
    await page.waitForTimeout(300);
    const scrolled = await page.screenshot({ clip: docPanel });
    assert.ok(!scrolled.equals(top), 'the wheel scrolled the SUBJ-01 page');
    await page.mouse.click(...ruleRow(0));
    await page.waitForFunction(() => document.querySelector('#rule-page h1')?.textContent.startsWith('AUTH-01'), null, { timeout: 10000 });
    await page.waitForTimeout(300);
    const again = await page.screenshot({ clip: docPanel });
    assert.ok(again.equals(fresh), 'AUTH-01 opens at its top again');
    // Emscripten's GLFW calls preventDefault in its wheel listener, which Chromium treats as
    // passive and warns about: the library's, harmless (the page itself never scrolls)
    assert.deepEqual(consoleErrors.filter((e) => !e.startsWith('Unable to preventDefault inside passive event listener')), []);
  });
});
