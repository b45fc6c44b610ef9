// Harness for the VS Code end-to-end suite: a real VS Code workbench (code-server, installed and cached by
// scripts/e2e/setup.sh) with the packaged .vsix installed, driven through headless Debian Chromium by
// playwright-core. Every wait here is on something the UI shows, with a deadline; there are no fixed sleeps.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const RESULTS = join(__dirname, '..', '..', 'test-results', 'e2e');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Loopback only: every other host name fails to resolve, so nothing in the page can reach the network.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** User settings for a quiet, deterministic workbench: no welcome page, no trust prompt, no update checks. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.tips.enabled': false,
  'workbench.editor.enablePreview': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'files.autoSave': 'off',
  'editor.wordWrap': 'on',
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.hover.delay': 200,
  'window.restoreWindows': 'none',
  'workbench.reduceMotion': 'on',
  'chat.commandCenter.enabled': false,
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run the suite with \`npm run test:e2e\``);
  return value;
}

export interface Workbench {
  readonly page: Page;
  readonly workspace: string;
  readonly userDataDir: string;
  /** Text the code-server process printed so far. */
  serverLog(): string;
  close(): Promise<void>;
}

/**
 * Starts code-server on a free loopback port with the .vsix installed, opens a copy of `fixtures` as the
 * workspace in a fresh browser profile (Playwright gives every launch a new temporary --user-data-dir).
 */
export async function startWorkbench(fixtures: string): Promise<Workbench> {
  const entry = required('POLICYLINT_E2E_CODE_SERVER');
  const vsix = required('POLICYLINT_E2E_VSIX');
  const root = mkdtempSync(join(tmpdir(), 'policylint-e2e-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  const workspace = join(root, 'workspace');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  cpSync(fixtures, workspace, { recursive: true });
  // code-server keeps its config and data under XDG folders; point them into the run's own folder.
  const env = { ...process.env, XDG_CONFIG_HOME: join(root, 'config'), XDG_DATA_HOME: join(root, 'data'), XDG_CACHE_HOME: join(root, 'cache') };
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--config', join(root, 'config.yaml')];

  const install = spawnSync(process.execPath, [entry, ...common, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 60_000 });
  if (install.status !== 0 || !/successfully installed/.test(install.stdout)) {
    throw new Error(`installing ${vsix} failed:\n${install.stdout}\n${install.stderr}`);
  }

  const args = [entry, ...common, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace];
  const server = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  // If the test process dies without its after-hook, the editor must not outlive it.
  const stopOnExit = (): void => stopProcessGroup(server);
  process.once('exit', stopOnExit);
  let log = '';
  server.stdout.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  server.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    stopProcessGroup(server);
    process.off('exit', stopOnExit);
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`code-server did not start listening within 30 s:\n${log}`)), 30_000);
      const check = (): void => {
        const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      server.stdout.on('data', check);
      server.on('exit', (code) => reject(new Error(`code-server exited with ${code}:\n${log}`)));
    });
    browser = await chromium.launch({ executablePath: process.env.POLICYLINT_E2E_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.explorer-folders-view').waitFor({ state: 'visible', timeout: 30_000 });
    return { page, workspace, userDataDir, serverLog: () => log, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function stopProcessGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

/** Saves a full-page screenshot as test-results/e2e/NN-name.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Runs a command from the command palette by its title, as a user would. Picks the row with Enter once the
 * list shows it (a click can land on the palette's pointer shield while it animates).
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input.input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).first();
  await row.waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/** Moves the cursor with "Go to Line/Column" (1-based line and UTF-16 column). */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  const input = page.locator('.quick-input-widget input.input');
  await page.keyboard.press('Control+G');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Saves the active editor with Ctrl+S and waits until no tab shows unsaved changes. */
export async function save(page: Page): Promise<void> {
  await page.keyboard.press('Control+S');
  await page.locator('.tab.dirty').waitFor({ state: 'detached' });
}

/** The active text editor. */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor[data-uri]').first();
}

/**
 * Screen point of the middle of `text` (its `occurrence`-th appearance) in the rendered lines of `editor`.
 * Token spans may split the text, so the search runs over the line's concatenated text nodes.
 */
export async function pointOf(editor: Locator, text: string, occurrence = 0): Promise<{ x: number; y: number }> {
  // The finder is plain JavaScript source evaluated in the page: a compiled function would carry helpers
  // that tsx injects (`__name`), which the page does not have.
  const point = (await editor
    .locator('.view-lines')
    .evaluate((lines, [source, args]) => (0, eval)(source as string)(lines, args), [FIND_TEXT_IN_LINES, [text, occurrence]] as const)) as { x: number; y: number } | null;
  if (!point) throw new Error(`"${text}" is not on screen in the editor`);
  return point;
}

const FIND_TEXT_IN_LINES = `(lines, [wanted, nth]) => {
  let seen = 0;
  for (const line of lines.querySelectorAll('.view-line')) {
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    const joined = nodes.map((node) => node.data.replace(/\u00a0/g, ' ')).join('');
    for (let index = joined.indexOf(wanted); index >= 0; index = joined.indexOf(wanted, index + 1)) {
      if (seen++ !== nth) continue;
      const locate = (offset) => {
        for (const node of nodes) {
          if (offset <= node.data.length) return [node, offset];
          offset -= node.data.length;
        }
        return [nodes[nodes.length - 1], nodes[nodes.length - 1].data.length];
      };
      const range = document.createRange();
      range.setStart(...locate(index));
      range.setEnd(...locate(index + wanted.length));
      const rect = range.getClientRects()[0] || range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
  }
  return null;
}`;

/**
 * Hovers the mouse over `text` in the editor until the hover widget shows something matching `expected`.
 * The mouse leaves and comes back between attempts: the editor opens a hover only on fresh mouse movement.
 */
export async function hoverText(page: Page, editor: Locator, text: string, expected: RegExp, timeout = 20_000): Promise<Locator> {
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').filter({ hasText: expected }).first();
  const deadline = Date.now() + timeout;
  for (;;) {
    const { x, y } = await pointOf(editor, text);
    await page.mouse.move(x - 40, y + 200);
    await page.mouse.move(x - 2, y);
    await page.mouse.move(x, y, { steps: 3 });
    try {
      await hover.waitFor({ state: 'visible', timeout: Math.min(4_000, Math.max(1, deadline - Date.now())) });
      return hover;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
  }
}

/**
 * Picks the row of an open list (quick fix menu, suggestion list) whose text matches, with the keyboard:
 * arrows until it is focused, then Enter. Clicking races the widgets' pointer shields.
 */
export async function pickWithKeyboard(page: Page, list: Locator, label: RegExp | string): Promise<void> {
  const row = list.locator('.monaco-list-row', { hasText: label }).first();
  await row.waitFor();
  const rows = await list.locator('.monaco-list-row').count();
  for (let step = 0; step <= rows + 1; step++) {
    if (((await row.getAttribute('class')) ?? '').split(' ').includes('focused')) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not focus "${label}" in the list`);
}

/** Visible error notifications (toasts or the notification centre), as text. */
export async function errorNotifications(page: Page): Promise<string[]> {
  const toasts = page.locator('.notifications-toasts .notification-list-item, .notifications-center .notification-list-item');
  const texts: string[] = [];
  for (const item of await toasts.all()) {
    if ((await item.locator('.codicon-error').count()) > 0) texts.push((await item.innerText()).trim());
  }
  return texts;
}

/** Files whose name matches `pattern` anywhere below `dir`. */
export function findFiles(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findFiles(path, pattern));
    else if (pattern.test(name)) found.push(path);
  }
  return found;
}

/**
 * Polls `probe` every 100 ms until it returns a value (not undefined), for state outside the page such as
 * files the editor writes and processes it starts. Fails with `what` after `timeout` ms.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
