// End to end in a real VS Code (code-server in headless Chromium): the packaged .vsix, used through the UI
// as a writer would use it. The steps run in order against one workbench and share one draft, so each step
// starts from the text the previous one left; the last ones kill the language server (kill -9) to see the
// client restart it. Screenshots of every step go to test-results/e2e/.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { activeEditor, errorNotifications, findFiles, goTo, hoverText, pickWithKeyboard, RESULTS, runCommand, save, screenshot, startWorkbench, waitFor, type Workbench } from './codeServer';

const FIXTURES = join(__dirname, 'fixtures');
const DRAFT = 'draft.md';
/** Issue 7's budget for the extension's activate(). */
const ACTIVATION_BUDGET_MS = 100;
const RESTARTED = "Policylint's language server stopped unexpectedly and was restarted.";

/** 1-based line and column of the end of `before` in the fixture draft, as "Go to Line/Column" wants them. */
function positionAfter(text: string, before: string): { line: number; column: number } {
  const index = text.indexOf(before);
  assert.ok(index >= 0, `fixture lost "${before}"`);
  const head = text.slice(0, index + before.length).split('\n');
  return { line: head.length, column: head[head.length - 1]!.length + 1 };
}

/** Keeps the code-server output and the extension's output channel with the screenshots, for failures in CI. */
function saveLogs(bench: Workbench): void {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'code-server.log'), bench.serverLog());
  const channel = findFiles(join(bench.userDataDir, 'logs'), /Policylint\.log$/)[0];
  if (channel) copyFileSync(channel, join(RESULTS, 'policylint-output.log'));
}

describe('VS Code (code-server) with the packaged extension', { timeout: 240_000 }, () => {
  let bench: Workbench;
  let page: Page;
  let editor: Locator;
  const draftOnDisk = (): string => readFileSync(join(bench.workspace, DRAFT), 'utf8');
  const problems = (): Locator => page.locator('.markers-panel');
  /** The Policylint output channel as VS Code writes it to disk (the same lines the Output view shows). */
  const channelLog = (): string => {
    const file = findFiles(join(bench.userDataDir, 'logs'), /Policylint\.log$/)[0];
    return file ? readFileSync(file, 'utf8') : '';
  };
  /** Waits until the output channel's log file matches `pattern` (the file lags the Output view slightly). */
  const channelMatch = (pattern: RegExp, what: string): Promise<RegExpMatchArray> =>
    waitFor(`the output channel to show ${what}`, () => channelLog().match(pattern) ?? undefined);
  /** Ids of the server processes the client started so far, in order (the client logs each one). */
  const serverPids = (): number[] => [...channelLog().matchAll(/Language server process (\d+) started\./g)].map((match) => Number(match[1]));
  /** Waits until the client has started more than `known` server processes; returns the newest one's id. */
  const nextServer = (known: number): Promise<number> =>
    waitFor('a new language server process', () => (serverPids().length > known ? serverPids().at(-1) : undefined));
  /** Kills the server like a crash would (SIGKILL), after making sure the process is this workbench's server. */
  const killServer = (pid: number): void => {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    // The server's command line runs dist/server.js from this run's own extensions folder.
    assert.ok(commandLine.includes('dist/server.js') && commandLine.includes(dirname(bench.userDataDir)), commandLine);
    process.kill(pid, 'SIGKILL');
  };
  /** Notifications showing `text`, as a toast or in the notification centre. */
  const notifications = (text: string): Locator =>
    page.locator('.notifications-toasts .notification-list-item, .notifications-center .notification-list-item', { hasText: text }).filter({ visible: true });
  const problemRow = (code: string): Locator => problems().locator('.monaco-list-row', { hasText: code });

  before(async () => {
    bench = await startWorkbench(FIXTURES);
    page = bench.page;
  });

  after(async () => {
    if (bench) saveLogs(bench);
    await bench?.close();
  });

  /**
   * A step of the walk-through. When one fails, a screenshot of the moment goes next to the others, and the
   * later steps are skipped: they build on its result and would only time out one after another.
   */
  let failedStep: string | undefined;
  const step = (name: string, body: () => Promise<void>): void => {
    it(name, async (t) => {
      if (failedStep) return t.skip(`after the failed step "${failedStep}"`);
      try {
        await body();
      } catch (error) {
        failedStep = name;
        await screenshot(page, `FAILED-${name.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60)}`).catch(() => undefined);
        throw error;
      }
    });
  };

  step('opens a draft and lists the findings with their codes in the Problems panel', async () => {
    const opened = Date.now();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: DRAFT }).click();
    editor = activeEditor(page);
    await editor.locator('.view-lines', { hasText: '新质生产力' }).waitFor();
    await page.locator('[id="status.problems"]').click();
    // The first check includes activating the extension and starting the server.
    for (const code of ['dangling-citation', 'unsourced-statistic', 'unanswered-challenge']) {
      await problemRow(code).waitFor({ timeout: 15_000 });
    }
    console.log(`findings listed ${Date.now() - opened} ms after opening the draft`);
    assert.match(await problemRow('dangling-citation').innerText(), /\[3\]/);
    await screenshot(page, '01-problems');
  });

  step('adding a citation and saving removes the unsourced-statistic finding', async () => {
    const at = positionAfter(draftOnDisk(), '欧盟是中国的重要贸易伙伴');
    await editor.click();
    await goTo(page, at.line, at.column);
    await page.keyboard.type('[1]');
    await save(page);
    assert.match(draftOnDisk(), /重要贸易伙伴\[1\]。/);
    await problemRow('unsourced-statistic').waitFor({ state: 'detached', timeout: 15_000 });
    await problemRow('dangling-citation').waitFor();
    await screenshot(page, '02-citation-added');
  });

  step('hovers 新质生产力 and a citation marker and shows their hover text', async () => {
    await editor.click();
    await page.keyboard.press('Control+Home');
    const term = await hoverText(page, editor, '新质生产力以', /以科技创新为主导/);
    assert.match(await term.innerText(), /new quality productive forces/);
    await screenshot(page, '03-hover-term');
    const marker = await hoverText(page, editor, '[1]', /改革, 2023\(10\)/);
    assert.match(await marker.innerText(), /\[1\]\s*周文, 许凌云/);
    await screenshot(page, '04-hover-citation');
    await page.keyboard.press('Escape');
  });

  step('expands the pl-stat snippet from the suggestion list', async () => {
    const at = positionAfter(draftOnDisk(), '重要贸易伙伴[1]。');
    await editor.click();
    await goTo(page, at.line, at.column);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('pl-stat');
    await page.keyboard.press('Control+Space');
    const suggestionLabel = /^pl-stat(?!-)/;
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'pl-stat' }).first().waitFor();
    await screenshot(page, '05-snippet-suggest');
    await pickWithKeyboard(page, page.locator('.suggest-widget'), suggestionLabel);
    await page.keyboard.press('Escape');
    await save(page);
    assert.match(draftOnDisk(), /\n2022年，主体的指标为数值%，同比增长幅度\[1\]。\n/);
    await screenshot(page, '06-snippet-expanded');
  });

  step('applies the quick fix for a dangling citation and checks the text', async () => {
    const at = positionAfter(draftOnDisk(), '互认安排值得关注[');
    // The server matches a quick-fix request to its findings by range, so wait until the finding shows where
    // the marker is now (the snippet above moved it down), i.e. until the check after the last save arrived.
    await problemRow('dangling-citation').filter({ hasText: `[Ln ${at.line}, Col ${at.column - 1}]` }).waitFor();
    await editor.click();
    await goTo(page, at.line, at.column);
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    await menu.locator('.monaco-list-row', { hasText: 'Add a stub reference entry for [3]' }).waitFor();
    await screenshot(page, '07-quick-fix-menu');
    await pickWithKeyboard(page, menu, 'Add a stub reference entry for [3]');
    await menu.waitFor({ state: 'hidden' });
    // The fix's edit arrives after the menu closes; saving before it would save the old text.
    await page.locator('.tab.dirty').waitFor();
    await save(page);
    const text = draftOnDisk();
    assert.match(text, /\n\[3\] [^\n]+\n?$/, 'a stub entry [3] ends the reference list');
    await problemRow('dangling-citation').waitFor({ state: 'detached', timeout: 15_000 });
    await screenshot(page, '08-quick-fix-applied');
  });

  step('shows the Outline with challenges and countermeasures', async () => {
    // Collapse the file tree so that the Outline gets the height of the side bar.
    const folders = page.locator('.pane-header', { hasText: 'Workspace' });
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    const header = page.locator('.pane-header', { hasText: 'Outline' });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const outline = page.locator('.outline-pane');
    // Our symbols carry a detail (the built-in Markdown outline lists the same headings without one).
    await outline.locator('.monaco-list-row', { hasText: /2\.1 内生挑战.*challenge.*countermeasure 3\.1/ }).waitFor();
    await outline.locator('.monaco-list-row', { hasText: /2\.2 外源挑战.*challenge.*unanswered/ }).waitFor();
    await outline.locator('.monaco-list-row', { hasText: /3\.1 应对内生挑战.*countermeasure/ }).waitFor();
    await screenshot(page, '09-outline');
  });

  step('runs "Policylint: Show Framework Map" and shows the map', async () => {
    await editor.click();
    await runCommand(page, 'Policylint: Show Framework Map');
    await page.locator('.tab', { hasText: 'Framework Map' }).waitFor();
    const map = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await map.locator('svg text', { hasText: '2.1 内生挑战' }).first().waitFor();
    await map.locator('svg text', { hasText: '3.1 应对内生挑战' }).first().waitFor();
    assert.match(await map.locator('body').innerText(), /2 challenges, 1 countermeasures?, 1 unanswered/);
    await screenshot(page, '10-framework-map');
  });

  step('switching the policylint.locale setting to 中文 shows Chinese messages', async () => {
    await page.keyboard.press('Control+Comma');
    const search = page.locator('.settings-editor .suggest-input-container textarea, .settings-editor .settings-header textarea').first();
    await search.waitFor();
    await search.fill('policylint.locale');
    const setting = page.locator('.settings-editor .setting-item-contents', { hasText: 'Locale' }).filter({ has: page.locator('select') }).first();
    await setting.waitFor();
    await setting.locator('select').selectOption('zh-CN');
    await screenshot(page, '11-setting-locale');
    await problemRow('unanswered-challenge').filter({ hasText: '挑战未获回应' }).waitFor({ timeout: 15_000 });
    await screenshot(page, '12-problems-zh');
    // Leave the settings editor's drop-down, so that the next keyboard shortcut reaches the workbench.
    await problemRow('unanswered-challenge').click();
  });

  step('shows no error notification and no server crash in the output channel', async () => {
    await runCommand(page, 'Output: Show Output Channels');
    const input = page.locator('.quick-input-widget input.input');
    await page.locator('.quick-input-widget input[placeholder="Select Output Channel"]').waitFor();
    await input.fill('Policylint');
    await pickWithKeyboard(page, page.locator('.quick-input-list'), 'Policylint');
    await page.locator('.output-view, .panel .output').first().locator('.view-lines', { hasText: 'ready' }).waitFor();
    await screenshot(page, '13-output-channel');
    // The notification centre lists every notification of the session, including toasts that have gone.
    await runCommand(page, 'Notifications: Show Notifications');
    await page.locator('.notifications-center').waitFor({ state: 'visible' });
    assert.deepEqual(await errorNotifications(page), []);
    const logs = findFiles(join(bench.userDataDir, 'logs'), /Policylint\.log$/);
    assert.equal(logs.length, 1, 'the Policylint output channel has one log file');
    const log = readFileSync(logs[0]!, 'utf8');
    // One start, no restart: a crashed server is restarted by the client and would say "ready" again.
    assert.equal(log.match(/language server .* ready/g)?.length, 1, log);
    assert.doesNotMatch(log, /crashed|\[error\]|Connection to server got closed|Server initialization failed/i);
  });

  step('logs an activation time under 100 ms in the output channel', async () => {
    // The Output view still shows the Policylint channel from the step above.
    await page.locator('.output-view, .panel .output').first().locator('.view-lines', { hasText: 'activated in' }).waitFor();
    const [, ms, evaluation] = await channelMatch(/Policylint activated in ([\d.]+) ms .*after ([\d.]+) ms evaluating/, 'the activation time');
    const activation = Number(ms);
    // `ms` is activate() from entry to return; evaluating the bundle before it is reported, not budgeted (it is
    // mostly the client library's own start-up, and this shared machine's load moves it by a factor of four).
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'activation.json'), `${JSON.stringify({ ms: activation, bundleEvaluationMs: Number(evaluation) })}\n`);
    console.log(`extension activate() took ${activation} ms, after ${evaluation} ms evaluating dist/client.js`);
    assert.ok(activation < ACTIVATION_BUDGET_MS, `activate() took ${activation} ms; the budget is ${ACTIVATION_BUDGET_MS} ms`);
  });

  step('restarts a killed language server, re-checks the open draft and shows one notification', async () => {
    // Start from an empty notification list, so that afterwards it holds exactly what the crash produced.
    // (The centre, opened by the step above, closes itself once it is empty.)
    await runCommand(page, 'Notifications: Clear All Notifications');
    await page.locator('.notifications-center').waitFor({ state: 'hidden' });
    if (!(await problems().isVisible())) await page.locator('[id="status.problems"]').click();
    await problems().waitFor();
    // An unsaved citation: with `policylint.run` = onSave only the restarted server's check of the open
    // document (its text comes with the didOpen the client sends again) can report it.
    const at = positionAfter(draftOnDisk(), '推动中欧规则衔接[2]。');
    await editor.click();
    await goTo(page, at.line, at.column);
    await page.keyboard.type('另见[8]。');
    await page.keyboard.press('Escape');
    await page.locator('.tab.dirty').waitFor();
    assert.equal(await problemRow('dangling-citation').filter({ hasText: '[8]' }).count(), 0, 'onSave: no check before saving');

    const pids = serverPids();
    assert.equal(pids.length, 1, 'the output channel names the server process');
    const pid = pids[0]!;
    const killed = Date.now();
    killServer(pid);

    await notifications(RESTARTED).first().waitFor({ timeout: 15_000 });
    console.log(`restart notification ${Date.now() - killed} ms after the kill`);
    await screenshot(page, '14-server-restarted');
    await problemRow('dangling-citation').filter({ hasText: '[8]' }).waitFor({ timeout: 15_000 });
    console.log(`open draft re-checked ${Date.now() - killed} ms after the kill`);

    // The new server follows edits: a second unknown citation, saved, is reported too.
    await editor.click();
    await goTo(page, at.line, at.column + '另见[8]。'.length);
    await page.keyboard.type('又见[9]。');
    await page.keyboard.press('Escape');
    await save(page);
    await problemRow('dangling-citation').filter({ hasText: '[9]' }).waitFor({ timeout: 15_000 });
    await screenshot(page, '15-rechecked-after-restart');

    // The restarted server says "ready" once more, and the client says why it was restarted.
    const text = await waitFor('the output channel to show the restart', () => {
      const log = channelLog();
      return log.match(/language server .* ready/g)?.length === 2 && log.includes('was restarted after it stopped unexpectedly') ? log : undefined;
    });
    assert.match(text, /Server process exited with signal SIGKILL\./);
    assert.match(text, /stopped unexpectedly; restarting it \(restart 1 of at most 4 in 3 minutes\)/);
    assert.equal(serverPids().length, 2);
    assert.notEqual(serverPids()[1], pid);
    assert.doesNotMatch(text, /Connection to server got closed|Restarting server failed/);

    // One notification for the crash, and nothing else: no "Connection to server got closed", no failed requests.
    await runCommand(page, 'Notifications: Show Notifications');
    const listed = page.locator('.notifications-center .notification-list-item');
    await listed.first().waitFor();
    const texts = (await listed.allInnerTexts()).map((item) => item.trim());
    assert.equal(texts.length, 1, texts.join('\n---\n'));
    assert.ok(texts[0]!.includes(RESTARTED), texts[0]);
    assert.deepEqual(await errorNotifications(page), []);
    await screenshot(page, '16-one-notification');
  });

  step('after 5 crashes in 3 minutes it stops restarting, says so once, and restarts on request', async () => {
    await runCommand(page, 'Notifications: Clear All Notifications');
    await page.locator('.notifications-center').waitFor({ state: 'hidden' });
    // The step above was crash 1; crashes 2 to 4 are restarted, crash 5 is one too many.
    for (let crash = 2; crash <= 5; crash++) {
      const known = serverPids().length;
      killServer(serverPids().at(-1)!);
      if (crash < 5) await nextServer(known);
    }
    await channelMatch(/\[error\] The language server stopped unexpectedly 5 times in 3 minutes and will not be restarted again\./, 'that it gave up');
    assert.equal(channelLog().match(/restarting it \(restart \d of at most 4 in 3 minutes\)/g)?.length, 4);
    // Stopped, the client has withdrawn the draft's findings.
    await problemRow('dangling-citation').first().waitFor({ state: 'detached' });

    // Each restart announced itself with the same warning, which VS Code shows once (a repeat replaces the
    // one before); the fifth crash adds one error. Nothing else: no "Connection to server got closed".
    const givenUp = "Policylint's language server stopped unexpectedly 5 times in 3 minutes and will not be restarted again.";
    await runCommand(page, 'Notifications: Show Notifications');
    const listed = page.locator('.notifications-center .notification-list-item');
    await listed.filter({ hasText: givenUp }).waitFor();
    const texts = await listed.allInnerTexts();
    assert.equal(texts.length, 2, texts.join('\n---\n'));
    assert.equal(await listed.filter({ hasText: RESTARTED }).count(), 1, texts.join('\n---\n'));
    assert.deepEqual((await errorNotifications(page)).map((text) => text.includes(givenUp)), [true]);
    await screenshot(page, '17-server-given-up');

    const known = serverPids().length;
    await listed.filter({ hasText: givenUp }).locator('.monaco-button', { hasText: 'Restart Language Server' }).click();
    await nextServer(known);
    for (const marker of ['[8]', '[9]']) await problemRow('dangling-citation').filter({ hasText: marker }).waitFor({ timeout: 15_000 });
    await channelMatch(/Restarting the Policylint language server\.[^]*Language server process \d+ started\./, 'the restart on request');
    assert.equal(await listed.filter({ hasText: givenUp }).count(), 0, 'the error closes when its button is used');
    assert.equal(await listed.count(), 1, 'a restart the user asked for is not announced as a crash');
    await screenshot(page, '18-restarted-on-request');
  });
});
