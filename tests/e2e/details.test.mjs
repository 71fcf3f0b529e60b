// Issue 13, point 8, the smaller things, as a liaison meets them: the drop hint names HI-1 XML;
// the form's language field offers the languages the pack accepts and one click sets it; an
// older pack forced from the Pack menu is flagged as not in force at receipt; messages number
// elements from 1, like the form. (Enum labels and the hidden `schema` row are in
// form-typing's and edits' screenshots; the selection not carried over is an app-state test.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { usePage, distBuilt, samplesDir, screenshot } from './lib.mjs';

const built = distBuilt();
// places in the 1400×860 layout (tests/e2e/artifacts/details-form.png, pack-menu.png)
const formTab = [136, 42];
const acceptedEn = [234, 208];  // the "en" button under Language
const packMenu = [161, 11];
const olderPack = [300, 80];    // Pack → telegram-2018-08
const automaticPack = [300, 38];

describe('the smaller things', { timeout: 150000, skip: !built && 'the page is not built: cmake --preset web && cmake --build --preset web' }, () => {
  const fx = usePage({ width: 1400, height: 860 });
  const verdict = (page) => page.evaluate(() => document.getElementById('verdict').dataset.verdict);
  const printed = (page) => page.evaluate(() => document.getElementById('print-view').textContent);

  it('names HI-1 in the drop hint', async () => {
    const { page } = fx;
    await page.evaluate(() => document.dispatchEvent(new DragEvent('dragenter', { bubbles: true })));
    const hint = await page.evaluate(() => ({ hidden: document.getElementById('drop-hint').hidden, text: document.getElementById('drop-hint').textContent }));
    assert.equal(hint.hidden, false);
    assert.match(hint.text, /HI-1 message \(XML or JSON\)/);
    await page.evaluate(() => document.dispatchEvent(new DragEvent('dragleave', { bubbles: true })));
  });

  it('offers the accepted languages under the language field; one click sets it', async () => {
    const { page } = fx;
    const request = JSON.parse(readFileSync(join(samplesDir, 'meets-criteria.json'), 'utf8'));
    request.language = 'de';
    await page.evaluate((t) => window.reqcheck.load(t, 'german.json'), JSON.stringify(request, null, 2));
    await page.waitForFunction(() => document.getElementById('verdict').dataset.verdict === 'needs_review', null, { timeout: 10000 });
    assert.match(await printed(page), /INSTR-06/);
    await page.mouse.click(...formTab);
    await page.waitForTimeout(400);
    await screenshot(page, 'details-form.png');
    await page.mouse.click(...acceptedEn);
    await page.waitForFunction(() => document.getElementById('verdict').dataset.verdict === 'meets_criteria', null, { timeout: 10000 });
    assert.match(await printed(page), /Meets the criteria/);
  });

  it('flags an older pack forced from the Pack menu as not in force at receipt', async () => {
    const { page } = fx;
    await page.mouse.click(...packMenu);
    await page.waitForTimeout(300);
    await screenshot(page, 'pack-menu.png');
    await page.mouse.click(...olderPack);
    await page.waitForFunction(() => document.getElementById('verdict').dataset.policy === 'telegram-2018-08', null, { timeout: 10000 });
    assert.match(await printed(page), /was forced, but it was not in force at `?received_at/);
    await page.mouse.click(...packMenu);
    await page.waitForTimeout(300);
    await page.mouse.click(...automaticPack);
    await page.waitForFunction(() => document.getElementById('verdict').dataset.policy === 'telegram-2024-09', null, { timeout: 10000 });
    assert.doesNotMatch(await printed(page), /not in force at/);
  });

  it('numbers elements from 1 in messages, as the form does', async () => {
    const { page } = fx;
    await page.evaluate((t) => window.reqcheck.load(t, 'fails-subject-witness.json'), readFileSync(join(samplesDir, 'fails-subject-witness.json'), 'utf8'));
    await page.waitForFunction(() => document.getElementById('verdict').dataset.verdict === 'does_not_meet', null, { timeout: 10000 });
    const text = await printed(page);
    assert.match(text, /target 2 is a/);
    assert.doesNotMatch(text, /target 0\b/);
  });
});
