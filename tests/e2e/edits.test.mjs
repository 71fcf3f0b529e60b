// Issue 13, point 1: no work is lost. Edits mark the title and arm the leave-page prompt; a file
// opened over them keeps them one Ctrl+Z away; a file that cannot be a request is refused with
// the reason and the request kept. With the keyboard and the file input, as a person does it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, screenshot, verdictOf, distBuilt, samplesDir } from './lib.mjs';

const built = distBuilt();

/** Opens a file through Ctrl+O and the page's file input. */
async function openFile(page, path) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+O')]);
  await chooser.setFiles(path);
}

/** The request text in the editor, as Ctrl+S saves it. */
async function savedText(page) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), page.keyboard.press('Control+s')]);
  return readFileSync(await download.path(), 'utf8');
}

/** Clicks into the editor and types `text` at the end of the request, waiting a frame between steps. */
async function typeAtEnd(page, text) {
  await page.mouse.click(350, 400);
  await page.waitForTimeout(200);
  // the app feeds a click to ImGui a frame after the pointer, keys at once: on a loaded machine
  // 200 ms may be one frame, and Ctrl+End would overtake the click that places the cursor
  await page.evaluate(() => new Promise((done) => {
    const wait = (n) => (n === 0 ? done() : requestAnimationFrame(() => wait(n - 1)));
    wait(5);
  }));
  await page.keyboard.press('Control+End');
  await page.waitForTimeout(200);
  await page.keyboard.type(text, { delay: 80 });
}

async function waitNotice(page, words, timeout = 10000) {
  await page.waitForFunction((w) => document.getElementById('notice').textContent.includes(w), words, { timeout });
  return page.evaluate(() => ({ text: document.getElementById('notice').textContent, error: document.getElementById('notice').dataset.error }));
}

async function waitVerdict(page, verdict, timeout = 15000) {
  await page.waitForFunction((v) => document.getElementById('verdict').dataset.verdict === v, verdict, { timeout });
  return verdictOf(page);
}

describe('no lost edits', { timeout: 300000, skip: !built && 'the page is not built: cmake --preset web && cmake --build --preset web' }, () => {
  let server, browser, page, consoleErrors, tmp;

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'reqcheck-e2e-edits-'));
    server = await serve();
    browser = await launch({ width: 1400, height: 860 });
    ({ page, consoleErrors } = await openPage(browser.context, server.url));
    page.on('filechooser', () => {});
  });

  after(async () => {
    if (browser) await browser.close();
    if (server) await server.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('keeps edits one Ctrl+Z away from a file opened over them, refuses non-requests, and guards leaving', { timeout: 240000 }, async () => {
    const original = readFileSync(join(samplesDir, 'meets-criteria.json'), 'utf8');
    assert.equal(await page.title(), 'reqcheck — meets-criteria.json');

    // an edit at the end of the text: the title marks it
    await page.mouse.click(58, 42); // the "Request JSON" tab
    await page.waitForTimeout(200);
    await typeAtEnd(page, '\n');
    await page.waitForFunction(() => document.title.startsWith('• '), null, { timeout: 10000 });
    const edited = await savedText(page);
    assert.equal(edited, original + '\n');
    // saving cleared the marker; edit again so that the text is unsaved
    await page.waitForFunction(() => !document.title.startsWith('• '), null, { timeout: 10000 });
    await typeAtEnd(page, ' ');
    await page.waitForFunction(() => document.title === '• reqcheck — meets-criteria.json', null, { timeout: 10000 });

    // a file opened over the edits: the status bar says how to get them back
    await openFile(page, join(samplesDir, 'fails-data-content.json'));
    await waitVerdict(page, 'does_not_meet');
    assert.equal(await page.title(), 'reqcheck — fails-data-content.json');
    const told = await waitNotice(page, 'Ctrl+Z');
    assert.match(told.text, /edits to meets-criteria\.json were not saved/);
    await screenshot(page, 'edits-replaced.png');

    // Ctrl+Z brings the edited text back, still unsaved
    await page.keyboard.press('Control+z');
    await waitVerdict(page, 'meets_criteria');
    assert.equal(await page.title(), '• reqcheck — meets-criteria.json');
    assert.equal(await savedText(page), original + '\n ');
    // and Ctrl+Shift+Z goes forward again
    await page.keyboard.press('Control+Shift+z');
    await waitVerdict(page, 'does_not_meet');
    await page.keyboard.press('Control+z');
    await waitVerdict(page, 'meets_criteria');

    // files that cannot be a request are refused with the reason, the request kept
    const refused = [
      ['image.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'PNG image'],
      ['notepad.json', Buffer.from('\ufeff{"schema": "reqcheck.request/1"}', 'utf16le'), 'UTF-16'],
      ['empty.json', Buffer.alloc(0), 'empty'],
    ];
    const before = await savedText(page);
    for (const [name, bytes, words] of refused) {
      const path = join(tmp, name);
      writeFileSync(path, bytes);
      await openFile(page, path);
      const notice = await waitNotice(page, `${name} was not opened`);
      assert.ok(notice.text.includes(words), `${name}: ${notice.text}`);
      assert.equal(notice.error, 'true');
      assert.equal((await verdictOf(page)).verdict, 'meets_criteria', `${name}: the request's verdict stays`);
      assert.equal(await savedText(page), before, `${name}: the request is kept`);
    }
    await screenshot(page, 'edits-refused.png');

    // unsaved edits: closing the tab asks first
    await typeAtEnd(page, ' ');
    await page.waitForFunction(() => document.title.startsWith('• '), null, { timeout: 10000 });
    const asked = new Promise((resolve) => page.once('dialog', async (d) => { resolve(d.type()); await d.dismiss(); }));
    await page.close({ runBeforeUnload: true });
    assert.equal(await asked, 'beforeunload');
    assert.deepEqual(consoleErrors, [], 'no script errors');
  });
});
