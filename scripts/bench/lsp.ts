// The language server over stdio (`node <SERVER_EXEC_ARGV> dist/server.js --stdio` with SERVER_ENV: the Node
// options and environment the VS Code client starts it with, server/src/lsp/launch.ts), timed on the client's
// clock with the JSON transport included.
// The client is the protocol tests' harness (server/test/helpers/lspClient.ts).
//
// - Open: from sending didOpen to the publishDiagnostics for that URI and version, on a text the server has
//   never seen: a fresh server per sample, its JIT warmed first by checking one corpus draft, or all of them
//   (the corpus drafts share no text with the paper).
// - Edit: in one long-lived server, a one-character didChange (a letter inside a paragraph doubled, or one
//   deleted, alternately, at seeded-random places), timed to the publishDiagnostics for the new version. The
//   server checks on open and save; with `policylint.run: onType` it also checks after a fixed pause in typing
//   (TYPING_DEBOUNCE_MS, not a setting). So the edit is followed at once by didSave, which starts the check
//   without waiting: that is the check's own latency, and what the default setting (onSave) gives. The same
//   edits typed in onType mode are reported too; they include the pause.
// - Memory: VmRSS (and the peak, VmHWM) of the server process from /proc, with ten distinct ~1 MB drafts open
//   and all their diagnostics published; then the steady state while the server idles for SETTLE_MS with the
//   drafts open: the highest VmRSS in its last STEADY_MS, once the server has collected (idle.ts) and V8 has given
//   back what the checks left behind (its memory reducer runs after several idle seconds).
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidOpenTextDocumentNotification, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../../server/src/lsp/launch';
import { TYPING_DEBOUNCE_MS } from '../../server/src/lsp/validation';
import { TestClient } from '../../server/test/helpers/lspClient';
import { seededRandom, timeAsync } from './stats';
import { corpusDrafts, paper, repeatDistinct, WARM_UP_NAME } from './texts';

export { SERVER_ENV, SERVER_EXEC_ARGV, TYPING_DEBOUNCE_MS };

const LONG_WAIT_MS = 120_000;
const corpus = corpusDrafts();
const warmUpText = corpus.find((draft) => draft.name === WARM_UP_NAME)!.text;

/** Rounds of the corpus a warm server checks before the measured open. */
export const WARM_UP_ROUNDS = 15;

/**
 * The corpus draft as it might read after `round` rounds of editing: every sentence changed (a tag before its
 * end), so that no sentence is found in the server's caches and each round runs the whole check again.
 */
function editedRound(text: string, round: number): string {
  return round === 0 ? text : text.replace(/([。！？.!?])(\s)/g, `（第${round}稿）$1$2`);
}

/**
 * Warm-ups for `openOnce`: the one draft the edit server checks first too, or WARM_UP_ROUNDS rounds of every
 * corpus draft, each round's sentences changed. V8 optimises a function only after many calls: a server that has
 * checked eleven drafts once is still compiling the engine, one that has re-checked drafts all day is not.
 */
export const WARM_UPS = {
  one: [warmUpText],
  all: Array.from({ length: WARM_UP_ROUNDS }, (_, round) => corpus.map((draft) => editedRound(draft.text, round))).flat(),
} as const;

/** URIs in a folder with no configuration file above it that the repository could add. */
function uriFor(name: string): string {
  return pathToFileURL(join(tmpdir(), 'policylint-bench', name)).href;
}

async function withServer<T>(settings: unknown, use: (client: TestClient) => Promise<T>): Promise<T> {
  const client = await TestClient.start({ settings, execArgv: SERVER_EXEC_ARGV, env: SERVER_ENV });
  try {
    return await use(client);
  } finally {
    await client.shutdown().catch(() => client.kill());
  }
}

export interface OpenSample {
  readonly ms: number;
  readonly diagnostics: number;
}

/**
 * One open of `text` in a fresh server warmed up by checking `warmUps` drafts first (none shares text with the
 * paper). The JIT's state matters: a server that has checked one small draft is much colder than one that has
 * checked a dozen, as a server running all day has.
 */
export function openOnce(text: string, warmUps: readonly string[]): Promise<OpenSample> {
  return withServer({}, async (client) => {
    for (const [index, warmUp] of warmUps.entries()) {
      const warmUpUri = uriFor(`warm-up-${index + 1}.md`);
      await client.open(warmUpUri, warmUp);
      // Closed once checked, as a user moves on: the measured open has the server to itself.
      await client.close(warmUpUri);
    }
    const uri = uriFor('measured.md');
    let diagnostics = 0;
    const ms = await timeAsync(async () => {
      diagnostics = (await client.open(uri, text)).diagnostics.length;
    });
    return { ms, diagnostics };
  });
}

/** A one-character edit inside a paragraph: a letter doubled (`insert`) or removed. */
function pickEdit(text: string, insert: boolean, random: () => number): { offset: number; removed: number; inserted: string } {
  const lines: { start: number; end: number }[] = [];
  let inFrontMatter = text.startsWith('---');
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (start > 0 && inFrontMatter && line === '---') inFrontMatter = false;
    else if (!inFrontMatter && line.length >= 40 && !/^(#|<!--|\s)/.test(line)) lines.push({ start, end });
    start = end + 1;
  }
  for (;;) {
    const line = lines[Math.floor(random() * lines.length)]!;
    const offset = line.start + Math.floor(random() * (line.end - line.start));
    const char = text[offset]!;
    const isLetter = /\p{L}/u.test(char) && !/[\ud800-\udfff]/.test(char);
    const nearDigit = /[0-9]/.test(text[offset - 1] ?? '') || /[0-9]/.test(text[offset + 1] ?? '');
    if (isLetter && !nearDigit) return insert ? { offset, removed: 0, inserted: char } : { offset, removed: 1, inserted: '' };
  }
}

export interface EditSamples {
  readonly ms: number[];
  /** Diagnostics published for the last edit, to show the check was a real one. */
  readonly lastDiagnostics: number;
}

/** `count` edits to an already open document, each timed to its published diagnostics. */
async function timeEdits(
  client: TestClient,
  uri: string,
  text: string,
  count: number,
  trigger: 'save' | 'typing',
  seed: number,
): Promise<EditSamples> {
  const random = seededRandom(seed);
  let document = TextDocument.create(uri, 'markdown', 1, text);
  const ms: number[] = [];
  let lastDiagnostics = 0;
  for (let i = 0; i < count; i++) {
    const current = document.getText();
    const edit = pickEdit(current, i % 2 === 0, random);
    const change: TextDocumentContentChangeEvent = {
      range: { start: document.positionAt(edit.offset), end: document.positionAt(edit.offset + edit.removed) },
      text: edit.inserted,
    };
    const version = document.version + 1;
    document = TextDocument.update(document, [change], version);
    const since = client.diagnostics.length;
    ms.push(
      await timeAsync(async () => {
        await client.change(uri, version, [change]);
        if (trigger === 'save') await client.save(uri);
        const published = await client.waitForDiagnostics((p) => p.uri === uri && p.version === version, since, LONG_WAIT_MS);
        lastDiagnostics = published.diagnostics.length;
      }),
    );
  }
  return { ms, lastDiagnostics };
}

export interface EditRow {
  readonly copies: number;
  /** didChange + didSave → diagnostics. */
  readonly saved: EditSamples;
  /** didChange in onType mode → diagnostics (includes TYPING_DEBOUNCE_MS). */
  readonly typed: EditSamples;
}

/**
 * Edits in one long-lived server. Documents whose URI contains "typed" read `run: onType`; the others keep the
 * default (onSave). The typed copies carry their own labels, so they share no text with the saved ones.
 */
export function measureEdits(
  texts: readonly { readonly copies: number; readonly text: string }[],
  counts: { readonly saved: number; readonly typed: number },
): Promise<EditRow[]> {
  const settings = (scopeUri: string | undefined): unknown => (scopeUri?.includes('typed') ? { run: 'onType' } : {});
  return withServer(settings, async (client) => {
    await client.open(uriFor('warm-up.md'), warmUpText);
    const rows: EditRow[] = [];
    for (const [index, { copies, text }] of texts.entries()) {
      const savedUri = uriFor(`edited-x${copies}.md`);
      const typedUri = uriFor(`typed-x${copies}.md`);
      const typedText = repeatDistinct(paper, copies, 3000 + index * 100);
      await client.open(savedUri, text);
      await client.open(typedUri, typedText);
      const saved = await timeEdits(client, savedUri, text, counts.saved, 'save', 7 + copies);
      const typed = await timeEdits(client, typedUri, typedText, counts.typed, 'typing', 11 + copies);
      rows.push({ copies, saved, typed });
    }
    return rows;
  });
}

/** How long the memory measurement watches an idle server for its RSS to settle. */
export const SETTLE_MS = 30_000;
/** The steady state is the highest reading in the last part of SETTLE_MS: the server must stay there. */
export const STEADY_MS = 10_000;
const SETTLE_POLL_MS = 500;

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM' | 'RssFile'): number {
  const match = new RegExp(`^${field}:\\s*(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`No ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}

export interface MemoryResult {
  readonly drafts: number;
  readonly draftBytes: number;
  /** RSS right after initialize, before any document. */
  readonly idleRssBytes: number;
  readonly rssBytes: number;
  readonly peakRssBytes: number;
  /** Of `rssBytes`, pages mapped from files: mostly the node executable's, shared with every Node process. */
  readonly fileRssBytes: number;
  /** The highest RSS in the last STEADY_MS of the SETTLE_MS that follow, the drafts still open and nothing asked. */
  readonly settledRssBytes: number;
  /** The lowest RSS in those SETTLE_MS. */
  readonly lowestRssBytes: number;
  /** From the first didOpen to the last draft's diagnostics. */
  readonly checkAllMs: number;
}

/** Ten distinct ~1 MB drafts (20 copies of the paper each, every copy labelled apart) open in one server. */
export function measureMemory(drafts: number, copies: number): Promise<MemoryResult> {
  const texts = Array.from({ length: drafts }, (_, d) => repeatDistinct(paper, copies, 1000 + d * copies));
  return withServer({}, async (client) => {
    const pid = client.process.pid!;
    const idleRssBytes = statusKb(pid, 'VmRSS') * 1024;
    const since = client.diagnostics.length;
    const uris = texts.map((_, d) => uriFor(`draft-${d + 1}.md`));
    // All at once, as an editor restoring a session opens them.
    const checkAllMs = await timeAsync(async () => {
      for (const [d, uri] of uris.entries()) {
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: { uri, languageId: 'markdown', version: 1, text: texts[d]! },
        });
      }
      await Promise.all(uris.map((uri) => client.waitForDiagnostics((p) => p.uri === uri && p.version === 1, since, LONG_WAIT_MS)));
    });
    const rssBytes = statusKb(pid, 'VmRSS') * 1024;
    const fileRssBytes = statusKb(pid, 'RssFile') * 1024;
    let settledRssBytes = 0;
    let lowestRssBytes = rssBytes;
    for (let waited = SETTLE_POLL_MS; waited <= SETTLE_MS; waited += SETTLE_POLL_MS) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
      const reading = statusKb(pid, 'VmRSS') * 1024;
      lowestRssBytes = Math.min(lowestRssBytes, reading);
      if (waited > SETTLE_MS - STEADY_MS) settledRssBytes = Math.max(settledRssBytes, reading);
    }
    return {
      drafts,
      draftBytes: texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0),
      idleRssBytes,
      rssBytes,
      peakRssBytes: statusKb(pid, 'VmHWM') * 1024,
      fileRssBytes,
      settledRssBytes,
      lowestRssBytes,
      checkAllMs,
    };
  });
}
