// When to check a document and whether its result may still be published.
// Checks run on open and save, and (with `policylint.run: onType`) after a pause in typing. A result is
// published only if it is for the document's current version and no newer check has been requested since.
import { prepareCheck, startCacheGeneration, stripBom, trimCaches, type EngineOptions } from '../engine';
import { isConfigUri } from './configStore';
import { toDiagnostics } from './diagnostics';
import { errorText } from './guard';
import { IDLE_COLLECT_MS, IdleCollector } from './idle';
import type { Session } from './session';

export const TYPING_DEBOUNCE_MS = 300;

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Increases with every check requested for a URI; a check publishes only if it still holds the latest ticket. */
  private readonly tickets = new Map<string, number>();
  /** The document version the latest check was requested for; a content event for it needs no new check. */
  private readonly requestedVersions = new Map<string, number>();
  /** Settles when the check in progress (if any) has finished. */
  private running: Promise<void> = Promise.resolve();
  /**
   * The engine's cache generation of the latest check. Once idle, the caches keep only what it used: a re-check
   * after an edit to that draft stays fast, while the other drafts open give back what their checks left cached
   * (ten 1 MB drafts: several MB), and are checked in full if edited after the pause.
   */
  private latestGeneration = 0;
  private readonly idle: IdleCollector;

  constructor(
    private readonly session: Session,
    idle?: IdleCollector,
  ) {
    this.idle = idle ?? new IdleCollector(undefined, IDLE_COLLECT_MS, () => trimCaches(this.latestGeneration));
  }

  opened(uri: string): void {
    this.validateSoon(uri);
  }

  saved(uri: string): void {
    this.validateSoon(uri);
  }

  /** Content changed (the library also reports the initial content on open, which `opened` already handles). */
  async changed(uri: string, version: number): Promise<void> {
    if (this.requestedVersions.get(uri) === version) return;
    const settings = await this.session.settings.forResource(uri);
    if (settings.run !== 'onType') return;
    // While settings were read, a newer change may have arrived (it schedules itself) or a save checked this one.
    if (this.session.documents.get(uri)?.version !== version || this.requestedVersions.get(uri) === version) return;
    this.cancelTimer(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.validateSoon(uri);
      }, TYPING_DEBOUNCE_MS),
    );
  }

  closed(uri: string): void {
    this.cancelTimer(uri);
    // Invalidate any check in flight; tickets keep counting so a reopened document never reuses one.
    this.nextTicket(uri);
    this.requestedVersions.delete(uri);
    this.session.cache.evict(uri);
    this.session.settings.forget(uri);
    void this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  revalidateAll(): void {
    for (const document of this.session.documents.all()) this.validateSoon(document.uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.idle.dispose();
  }

  private validateSoon(uri: string): void {
    this.cancelTimer(uri);
    const version = this.session.documents.get(uri)?.version;
    if (version !== undefined) this.requestedVersions.set(uri, version);
    this.validate(uri).catch((error: unknown) => {
      this.session.connection.console.error(`Checking ${uri} failed: ${errorText(error)}`);
    });
  }

  private async validate(uri: string): Promise<void> {
    const ticket = this.nextTicket(uri);
    // A member of a `documents:` group is checked, and published, with its group (groups.ts keeps these rules).
    if (await this.session.groups?.validate({ uri, isCurrent: () => this.tickets.get(uri) === ticket })) return;
    // Settings come from the client: wait for them before taking a turn, so a slow answer holds up no other document.
    const options = await this.session.engineOptions(uri);
    if (this.tickets.get(uri) !== ticket) return;
    await this.oneAtATime(() => this.check(uri, ticket, options));
  }

  /**
   * One check at a time: ten drafts opened together (a restored session) are checked one after another, not
   * interleaved, so each finds its pieces in the parse cache and only one check's temporary memory is live.
   */
  private async oneAtATime(work: () => Promise<void>): Promise<void> {
    const previous = this.running;
    let done!: () => void;
    this.running = new Promise<void>((resolve) => (done = resolve));
    try {
      await previous;
      this.idle.busy();
      await work();
    } finally {
      this.idle.done();
      done();
    }
  }

  private async check(uri: string, ticket: number, options: EngineOptions): Promise<void> {
    const document = this.session.documents.get(uri);
    if (!document || isConfigUri(uri) || this.tickets.get(uri) !== ticket) return;
    this.latestGeneration = startCacheGeneration();
    const version = document.version;
    // Superseded while we worked: a newer version arrived, the document closed, or a newer check started.
    const superseded = (): boolean => this.tickets.get(uri) !== ticket || this.session.documents.get(uri)?.version !== version;
    // A long parse gives way to other requests and stops as soon as the check is superseded.
    if (!(await prepareCheck(stripBom(document.getText()), options, superseded))) return;
    const analysis = this.session.cache.get(document, options);
    const diagnostics = toDiagnostics(analysis, this.session.features);
    if (superseded()) return;
    await this.session.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  private nextTicket(uri: string): number {
    const ticket = (this.tickets.get(uri) ?? 0) + 1;
    this.tickets.set(uri, ticket);
    return ticket;
  }

  private cancelTimer(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
  }
}
