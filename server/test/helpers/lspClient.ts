// A small LSP client for protocol tests: spawns the built server over stdio, answers the server's requests
// (workspace/configuration, client/registerCapability), records published diagnostics, and lets tests wait on
// messages instead of sleeping.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  RegistrationRequest,
  ShutdownRequest,
  createProtocolConnection,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionContext,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type Location,
  type LocationLink,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { computeLineStarts, lintText, spanToRange, stripBom, type EngineOptions } from '../../src/engine/index';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');
const DEFAULT_TIMEOUT_MS = 10_000;

// ---------------------------------------------------------------------------------------------------------
// Building

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestMtime(path) : stat.mtimeMs);
  }
  return newest;
}

function blockFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds dist/ when dist/server.js is missing or older than the sources; test files may race, so lock. */
export function ensureServerBuilt(): void {
  const stale = (): boolean =>
    !existsSync(SERVER) || statSync(SERVER).mtimeMs < newestMtime(join(ROOT, 'server', 'src'));
  if (!stale()) return;
  const lock = join(ROOT, 'dist', '.build-lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('Timed out waiting for another test file to finish building');
      blockFor(100);
    }
  }
  try {
    if (!stale()) return;
    const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`Build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmdirSync(lock);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Capabilities

/** Roughly what VS Code announces for the features Policylint uses. */
export const fullCapabilities: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: true,
      codeDescriptionSupport: true,
      dataSupport: true,
      tagSupport: { valueSet: [1, 2] },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], snippetSupport: true } },
    definition: { linkSupport: true },
    references: {},
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeLens: {},
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
    },
  },
};

/** A client that announces nothing optional. */
export const minimalCapabilities: ClientCapabilities = {};

// ---------------------------------------------------------------------------------------------------------
// The client

export interface StartOptions {
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  readonly locale?: string;
  /** What workspace/configuration answers for the `policylint` section (per scope URI if a function, which may return a promise). */
  readonly settings?: unknown | ((scopeUri: string | undefined) => unknown);
  /** Node options for the server process (the benchmark passes the ones the VS Code client uses). */
  readonly execArgv?: readonly string[];
  /** Variables added to the server process's environment (the benchmark passes the ones the VS Code client adds). */
  readonly env?: Readonly<Record<string, string>>;
}

export interface Waiter<T> {
  readonly predicate: (value: T) => boolean;
  readonly resolve: (value: T) => void;
}

export class TestClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly stderr: string[] = [];
  settings: unknown | ((scopeUri: string | undefined) => unknown);
  private readonly waiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly exited: Promise<number | null>;
  initializeResult: InitializeResult | undefined;

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    settings: unknown,
  ) {
    this.settings = settings;
    this.exited = new Promise((resolveExit) => process.on('exit', (code) => resolveExit(code)));
    process.stderr.setEncoding('utf8');
    process.stderr.on('data', (chunk: string) => this.stderr.push(chunk));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.predicate(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(textOf(params.message));
    });
    // A settings function may answer with a promise, to hold one document's settings back.
    connection.onRequest(ConfigurationRequest.type, (params) =>
      Promise.all(
        params.items.map(async (item) => {
          const settings = this.settings;
          const value = typeof settings === 'function' ? await (settings as (uri: string | undefined) => unknown)(item.scopeUri) : settings;
          return item.section === 'policylint' ? (value ?? {}) : null;
        }),
      ),
    );
    connection.onRequest(RegistrationRequest.type, () => undefined);
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [...(options.execArgv ?? []), SERVER, '--stdio'], {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
    });
    const connection = createProtocolConnection(child.stdout, child.stdin);
    connection.listen();
    const client = new TestClient(child, connection, options.settings);
    client.initializeResult = await withTimeout(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: options.capabilities ?? fullCapabilities,
        initializationOptions: options.initializationOptions,
        ...(options.locale === undefined ? {} : { locale: options.locale }),
      }),
      'initialize',
    );
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Resolves with the first publish (already received since `since`, or future) matching the predicate. */
  waitForDiagnostics(
    predicate: (params: PublishDiagnosticsParams) => boolean,
    since = 0,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<PublishDiagnosticsParams> {
    const seen = this.diagnostics.slice(since).find(predicate);
    if (seen) return Promise.resolve(seen);
    return withTimeout(
      new Promise<PublishDiagnosticsParams>((resolveWait) => this.waiters.push({ predicate, resolve: resolveWait })),
      'publishDiagnostics',
      timeoutMs,
    );
  }

  /** Diagnostics for `uri` published after index `since` (default: any), optionally for one version. */
  nextDiagnostics(uri: string, since: number, version?: number): Promise<PublishDiagnosticsParams> {
    return this.waitForDiagnostics(
      (params) => params.uri === uri && (version === undefined || params.version === version),
      since,
    );
  }

  async open(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const since = this.diagnostics.length;
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version, text },
    });
    return this.nextDiagnostics(uri, since, version);
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  save(uri: string): Promise<void> {
    return this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  changeConfiguration(settings: unknown): Promise<void> {
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return withTimeout(this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 'hover');
  }

  definition(uri: string, position: Position): Promise<Location | Location[] | LocationLink[] | null> {
    return withTimeout(
      this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position }),
      'definition',
    );
  }

  references(uri: string, position: Position, includeDeclaration: boolean): Promise<Location[] | null> {
    return withTimeout(
      this.connection.sendRequest(ReferencesRequest.type, {
        textDocument: { uri },
        position,
        context: { includeDeclaration },
      }),
      'references',
    );
  }

  completion(uri: string, position: Position, triggerCharacter?: string): Promise<CompletionItem[] | CompletionList | null> {
    return withTimeout(
      this.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position,
        context: triggerCharacter === undefined ? { triggerKind: 1 } : { triggerKind: 2, triggerCharacter },
      }),
      'completion',
    );
  }

  codeActions(uri: string, range: Range, context: CodeActionContext): Promise<(CodeAction | { command: string })[] | null> {
    return withTimeout(
      this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context }),
      'codeAction',
    );
  }

  /** Sends shutdown and exit, and resolves with the process's exit code. */
  async shutdown(): Promise<number | null> {
    await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 'shutdown');
    await this.connection.sendNotification(ExitNotification.type);
    const code = await withTimeout(this.exited, 'exit');
    this.connection.dispose();
    return code;
  }

  /** For cleanup after a failed test: ends the child this client started. */
  kill(): void {
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

// ---------------------------------------------------------------------------------------------------------
// A server with workspace folders (TestClient starts without any)

export interface FolderServerOptions {
  readonly folders: readonly string[];
  /** Answers every workspace/configuration item; read at each request, so a test can change it. */
  readonly settings: () => unknown;
  /** Added to fullCapabilities.workspace (e.g. workspaceFolders, didChangeWatchedFiles). */
  readonly workspaceCapabilities?: ClientCapabilities['workspace'];
  readonly rootUri?: string | null;
}

export interface FolderServer {
  readonly result: InitializeResult;
  readonly connection: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[];
  /** The first publication since index `since` that satisfies `predicate`. */
  waitFor(predicate: (p: PublishDiagnosticsParams) => boolean, since: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
  /** For cleanup after a failed test. */
  kill(): void;
}

export async function startWithFolders(options: FolderServerOptions): Promise<FolderServer> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT });
  const connection = createProtocolConnection(child.stdout, child.stdin);
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Waiter<PublishDiagnosticsParams>[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  });
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => options.settings()));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.listen();
  const result = await withTimeout(
    connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      workspaceFolders: options.folders.map((dir) => ({ uri: pathToFileURL(dir).href, name: dir })),
      capabilities: { ...fullCapabilities, workspace: { ...fullCapabilities.workspace, ...options.workspaceCapabilities } },
    }),
    'initialize',
  );
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    result,
    connection,
    published,
    waitFor(predicate, since) {
      const seen = published.slice(since).find(predicate);
      if (seen) return Promise.resolve(seen);
      return withTimeout(new Promise((resolve) => waiters.push({ predicate, resolve })), 'publishDiagnostics');
    },
    async stop() {
      await withTimeout(connection.sendRequest(ShutdownRequest.type), 'shutdown');
      await connection.sendNotification(ExitNotification.type);
      connection.dispose();
    },
    kill() {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Utilities

export function withTimeout<T>(promise: Promise<T>, what: string, ms = DEFAULT_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function fileUri(name: string): string {
  return pathToFileURL(join(ROOT, 'test-results', 'lsp', name)).href;
}

/** Position of the n-th (0-based) occurrence of `needle` in `text`, in UTF-16 code units, plus `delta` characters. */
export function positionOf(text: string, needle: string, occurrence = 0, delta = 0): Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" occurrence ${occurrence} not found`);
  }
  const document = TextDocument.create('untitled:x', 'markdown', 0, text);
  return document.positionAt(index + delta);
}

/** The range covering the n-th occurrence of `needle`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  return { start: positionOf(text, needle, occurrence), end: positionOf(text, needle, occurrence, needle.length) };
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('untitled:x', 'markdown', 0, text), [...edits]);
}

/** The text edits of a workspace edit for one document, whichever shape the server chose. */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const fromChanges = edit.changes?.[uri] ?? [];
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((change) =>
    'textDocument' in change && change.textDocument.uri === uri
      ? change.edits.filter((e): e is TextEdit => 'range' in e && 'newText' in e)
      : [],
  );
  return [...fromChanges, ...fromDocumentChanges];
}

/** Diagnostic and log messages may be Markdown in LSP 3.18; tests compare their text. */
export function textOf(message: string | { readonly value: string }): string {
  return typeof message === 'string' ? message : message.value;
}

export function byCode(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

/** What a published diagnostic says, for comparing with `freshDiagnostics`: code, range and message. */
export function essentials(diagnostics: readonly Diagnostic[]): unknown[] {
  return diagnostics.map(({ code, range, message }) => ({ code, range, message }));
}

/** The essentials of what the server should publish for `text`: a fresh check, in the editor's positions. */
export function freshDiagnostics(text: string, options: EngineOptions): unknown[] {
  const clean = stripBom(text);
  const lineStarts = computeLineStarts(clean);
  return lintText(clean, options).findings.map((finding) => ({
    code: finding.rule,
    range: spanToRange(lineStarts, clean, finding.span) as Range,
    message: finding.message,
  }));
}

export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
