// `documents:` groups in the language server. A document that belongs to a group of its configuration file is
// checked together with the group's other files, each read from its open buffer when open and from disk otherwise,
// and every member whose diagnostics changed is published: answering a challenge in chapter 5 clears the finding in
// chapter 4, even while chapter 4 is open in another tab. Groups are explicit configuration, so this holds whether
// or not `policylint.checkWorkspace` is on; closed members are published while one member of the group is open or
// checkWorkspace is on, and cleared otherwise.
//
// Never stale: a result is published for a buffer only at the version it was read at, for a file read from disk only
// while it is still closed, and only by the latest publishing check of its group (code actions check without
// publishing, so they never hold a publish back).
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { checkGroup, computeLineStarts, stripBom, type GroupCheck } from '../engine';
import { PositionMapper, type GroupContext, type GroupMemberView } from './analysis';
import { filePathOf, readFileIfPresent, type ConfigStore } from './configStore';
import { toDiagnostics } from './diagnostics';
import { GroupIndex, type GroupMembership } from './groupMembers';
import type { Session, Snapshot } from './session';

interface CachedCheck {
  readonly optionsKey: string;
  readonly uris: readonly string[];
  readonly texts: readonly string[];
  readonly check: GroupCheck;
}

interface Publishing {
  readonly context: GroupContext;
  readonly generation: number;
}

/** The document a check was requested for, and whether that request is still the latest for it. */
export interface Requester {
  readonly uri: string;
  isCurrent(): boolean;
}

export class GroupChecks {
  readonly index: GroupIndex;
  private readonly lastCheck = new Map<string, CachedCheck>();
  /** Per group: the latest publishing check; an older one publishes nothing. */
  private readonly generations = new Map<string, number>();
  /** Per member URI: its group and the diagnostics last published for it, so unchanged members are not sent again. */
  private readonly published = new Map<string, { readonly key: string; readonly json: string }>();

  constructor(
    private readonly session: Session,
    configs: ConfigStore,
    /** Whether `policylint.checkWorkspace` is on (closed members are then always published). */
    private readonly checkingWorkspace: () => Promise<boolean>,
  ) {
    this.index = new GroupIndex(configs);
  }

  /**
   * The snapshot with its group's findings when the document belongs to a group; the snapshot itself when it does
   * not; undefined when the buffer changed while the group was read (a newer check follows).
   */
  async withGroup(snapshot: Snapshot): Promise<Snapshot | undefined> {
    const membership = await this.index.groupOf(snapshot.document.uri);
    if (!membership) return snapshot;
    return this.snapshotFrom(snapshot, (await this.check(membership, false)).context);
  }

  /** Checks the requester's group and publishes its members. False when the document is in no group. */
  async validate(requester: Requester): Promise<boolean> {
    const membership = await this.index.groupOf(requester.uri);
    if (!membership) return false;
    await this.publish(await this.check(membership, true), requester);
    return true;
  }

  /** A closed member changed on disk, or a member was closed: check its group again. False when it is in no group. */
  async fileChanged(uri: string): Promise<boolean> {
    const membership = await this.index.groupOf(uri);
    if (!membership) return false;
    await this.recheck(membership);
    return true;
  }

  /** Checks a group and publishes its members (no document asked: the workspace check, a file changed on disk). */
  async recheck(membership: GroupMembership): Promise<void> {
    await this.publish(await this.check(membership, true));
  }

  /** The client no longer shows what was published for this URI (the document was closed and its diagnostics cleared). */
  forget(uri: string): void {
    this.published.delete(uri);
  }

  /**
   * Groups may have changed (configuration, files created or deleted, workspace folders): forget them and clear what
   * was published for closed members. The caller then checks the open documents (and the workspace) again. False
   * when no configuration with `documents:` was in use, so nothing can have changed.
   */
  invalidate(): boolean {
    const hadGroups = this.index.invalidate();
    this.lastCheck.clear();
    for (const uri of this.published.keys()) {
      if (!this.session.documents.get(uri)) void this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.published.clear();
    return hadGroups;
  }

  /** checkWorkspace was turned off: clear the closed members of groups that have no open member. */
  settle(): void {
    const keys = new Set([...this.published.values()].map((entry) => entry.key));
    for (const key of keys) {
      const uris = [...this.published].filter(([, entry]) => entry.key === key).map(([uri]) => uri);
      if (uris.some((uri) => this.session.documents.get(uri))) continue;
      for (const uri of uris) this.clear(uri);
    }
  }

  private snapshotFrom(snapshot: Snapshot, context: GroupContext): Snapshot | undefined {
    const { analysis } = snapshot;
    const own = context.members.find((member) => member.uri === analysis.uri);
    if (!own || own.version !== analysis.version) return undefined;
    const findings = context.check.findings.get(analysis.uri) ?? [];
    return { document: snapshot.document, options: context.options, analysis: { ...analysis, findings, positions: own.positions, group: context } };
  }

  /** Reads every member (buffer or disk) and checks the group, reusing the last check while nothing changed. */
  private async check(membership: GroupMembership, publishing: boolean): Promise<Publishing> {
    const generation = publishing ? (this.generations.get(membership.key) ?? 0) + 1 : -1;
    if (publishing) this.generations.set(membership.key, generation);
    const { documents } = this.session;
    const openByPath = new Map(documents.all().flatMap((document) => {
      const path = filePathOf(document.uri);
      return path === undefined ? [] : [[path, document] as const];
    }));
    const read = await Promise.all(
      membership.paths.map(async (path) => {
        const open = openByPath.get(path);
        if (open) return { uri: open.uri, version: open.version as number | undefined, raw: open.getText() };
        const raw = await readFileIfPresent(path);
        return raw === undefined ? undefined : { uri: pathToFileURL(path).href, version: undefined, raw };
      }),
    );
    const members = read.filter((member): member is NonNullable<typeof member> => member !== undefined);
    const options = await this.session.engineOptions(members[0]?.uri ?? pathToFileURL(membership.paths[0]!).href);
    const texts = members.map((member) => stripBom(member.raw));
    const uris = members.map((member) => member.uri);
    const optionsKey = JSON.stringify(options);
    const cached = this.lastCheck.get(membership.key);
    const reusable =
      cached?.optionsKey === optionsKey && sameList(cached.uris, uris) && sameList(cached.texts, texts);
    const check = reusable ? cached.check : checkGroup(uris.map((uri, i) => ({ id: uri, text: texts[i]! })), options);
    if (!reusable) this.lastCheck.set(membership.key, { optionsKey, uris, texts, check });
    const views: GroupMemberView[] = members.map((member, i) => ({
      uri: member.uri,
      version: member.version,
      positions: new PositionMapper(texts[i]!, computeLineStarts(texts[i]!), member.raw.length - texts[i]!.length),
    }));
    return { context: { key: membership.key, check, options, members: views }, generation };
  }

  private async publish({ context, generation }: Publishing, requester?: Requester): Promise<void> {
    const { documents } = this.session;
    const superseded = (): boolean => this.generations.get(context.key) !== generation || (requester !== undefined && !requester.isCurrent());
    if (superseded()) return;
    const active = context.members.some((member) => documents.get(member.uri)) || (await this.checkingWorkspace());
    if (superseded()) return;
    const sends: Promise<void>[] = [];
    for (const member of context.members) {
      const open = documents.get(member.uri);
      // Read from a buffer: only for that version. Read from disk: only while the file is still closed.
      if (member.version !== undefined ? open?.version !== member.version : open !== undefined) continue;
      if (!open && !active) {
        this.clear(member.uri);
        continue;
      }
      const findings = context.check.findings.get(member.uri) ?? [];
      const diagnostics: Diagnostic[] = toDiagnostics({ uri: member.uri, positions: member.positions, group: context, findings }, this.session.features);
      const json = JSON.stringify(diagnostics);
      if (member.uri !== requester?.uri && this.published.get(member.uri)?.json === json) continue;
      this.published.set(member.uri, { key: context.key, json });
      const version = member.version === undefined ? {} : { version: member.version };
      sends.push(this.session.connection.sendDiagnostics({ uri: member.uri, ...version, diagnostics }));
    }
    await Promise.all(sends);
  }

  private clear(uri: string): void {
    if (!this.published.delete(uri)) return;
    void this.session.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
