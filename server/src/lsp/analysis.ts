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

/** Analyses kept at once: at most this many, and at most ANALYSED_TEXT_BUDGET of text between them. */
export const MAX_ANALYSES = 4;

/**
 * The text (UTF-16 units) the kept analyses may cover together; the latest analysis is kept whatever its size.
 * An analysis holds its model and findings, several bytes per unit of text beyond the text itself: ten 1 MB
 * drafts (~430k units each) held four analyses, ~7 MB of the server's ~67 MB live heap. So count alone does
 * not bound memory; about one large draft, or dozens of ordinary ones, are kept. A draft that is not kept is
 * analysed again when asked (hover, code action), mostly from the parse cache; its published diagnostics stay.
 */
export const ANALYSED_TEXT_BUDGET = 500_000;

/**
 * The latest analysis per URI, reused while both the version and the options are unchanged. Options are part
 * of the key because a check that read settings just before a configuration change may still finish after it.
 */
export class AnalysisCache {
  /** In order of use, least recent first. */
  private readonly entries = new Map<string, { readonly optionsKey: string; readonly analysis: Analysis; readonly length: number }>();
  private keptLength = 0;

  constructor(private readonly limits: { readonly analyses: number; readonly textLength: number } = { analyses: MAX_ANALYSES, textLength: ANALYSED_TEXT_BUDGET }) {}

  get(document: TextDocument, options: EngineOptions): Analysis {
    const optionsKey = JSON.stringify(options);
    const cached = this.entries.get(document.uri);
    if (cached && cached.analysis.version === document.version && cached.optionsKey === optionsKey) {
      this.entries.delete(document.uri);
      this.entries.set(document.uri, cached);
      return cached.analysis;
    }
    // Room is made before analysing, so that the analyses let go are not held while the new one is built.
    this.evict(document.uri);
    const length = document.getText().length;
    for (const uri of this.entries.keys()) {
      if (this.entries.size < this.limits.analyses && this.keptLength + length <= this.limits.textLength) break;
      this.evict(uri);
    }
    const analysis = analyze(document, options);
    this.entries.set(document.uri, { optionsKey, analysis, length });
    this.keptLength += length;
    return analysis;
  }

  evict(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    this.entries.delete(uri);
    this.keptLength -= entry.length;
  }

  clear(): void {
    this.entries.clear();
    this.keptLength = 0;
  }
}
