// One analysis per (document URI, version, options): the frozen model, the findings, and the mapping between
// engine offsets and LSP positions. Every handler reads from here; nothing re-parses a version it has seen.
// The cache is cleared when settings change (findings depend on them) and an entry is evicted on close.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position as LspPosition, Range as LspRange } from 'vscode-languageserver/node';
import { computeLineStarts, lintText, offsetAt, spanToRange, stripBom } from '../engine';
import type { DocumentModel, EngineOptions, Finding, GroupCheck, Span } from '../engine';

/**
 * Converts between engine offsets (indices into the BOM-less text) and LSP positions (UTF-16, counted in the
 * editor's buffer, which may still start with a BOM on line 0).
 */
export class PositionMapper {
  constructor(
    private readonly text: string,
    private readonly lineStarts: readonly number[],
    private readonly bomLength: number,
  ) {}

  toRange(span: Span): LspRange {
    const range = spanToRange(this.lineStarts, this.text, span);
    return { start: this.shift(range.start), end: this.shift(range.end) };
  }

  toOffset(position: LspPosition): number {
    const character =
      position.line === 0 ? Math.max(0, position.character - this.bomLength) : position.character;
    return offsetAt(this.lineStarts, this.text, { line: position.line, character });
  }

  private shift(position: { readonly line: number; readonly character: number }): LspPosition {
    return position.line === 0 && this.bomLength > 0
      ? { line: 0, character: position.character + this.bomLength }
      : { line: position.line, character: position.character };
  }
}

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  /** Undefined when the document was not parsed (larger than `maxFileSize`). */
  readonly model: DocumentModel | undefined;
  readonly findings: readonly Finding[];
  readonly positions: PositionMapper;
  /** Set when the document was checked with its `documents:` group: `findings` are then the group's for this document. */
  readonly group?: GroupContext;
}

/** One file of a checked group, as the server read it. */
export interface GroupMemberView {
  readonly uri: string;
  /** The buffer's version when read from an open document; undefined when read from disk. */
  readonly version: number | undefined;
  readonly positions: PositionMapper;
}

export interface GroupContext {
  /** Names the group (its configuration file and place there). */
  readonly key: string;
  /** Engine ids are the members' URIs. */
  readonly check: GroupCheck;
  /** The options the whole group was checked with (its first file's). */
  readonly options: EngineOptions;
  readonly members: readonly GroupMemberView[];
}

export function analyze(document: TextDocument, options: EngineOptions): Analysis {
  const buffer = document.getText();
  const text = stripBom(buffer);
  const { model, findings } = lintText(text, options);
  return {
    uri: document.uri,
    version: document.version,
    model,
    findings,
    positions: new PositionMapper(text, model?.lineStarts ?? computeLineStarts(text), buffer.length - text.length),
  };
}

/**
 * The latest analysis per URI, reused while both the version and the options are unchanged. Options are part
 * of the key because a check that read settings just before a configuration change may still finish after it.
 */
/**
 * Analyses kept at once. A model of a 1 MB draft takes ~5 MB; the drafts a user is not working in are analysed
 * again when asked (hover, code action), mostly from the parse cache. Their published diagnostics stay as they are.
 */
export const MAX_ANALYSES = 4;

export class AnalysisCache {
  /** In order of use, least recent first. */
  private readonly entries = new Map<string, { readonly optionsKey: string; readonly analysis: Analysis }>();

  get(document: TextDocument, options: EngineOptions): Analysis {
    const optionsKey = JSON.stringify(options);
    const cached = this.entries.get(document.uri);
    this.entries.delete(document.uri);
    if (cached && cached.analysis.version === document.version && cached.optionsKey === optionsKey) {
      this.entries.set(document.uri, cached);
      return cached.analysis;
    }
    const analysis = analyze(document, options);
    this.entries.set(document.uri, { optionsKey, analysis });
    for (const uri of this.entries.keys()) {
      if (this.entries.size <= MAX_ANALYSES) break;
      this.entries.delete(uri);
    }
    return analysis;
  }

  evict(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
