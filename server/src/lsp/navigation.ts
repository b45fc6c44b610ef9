// Hover, go to definition, find references and completion: adapters from the engine's span-based answers to
// LSP shapes. The engine decides what to show; this file only converts offsets and formats.
import {
  CompletionItemKind,
  MarkupKind,
  TextEdit,
  type CompletionItem,
  type Hover,
  type Location,
  type MarkupContent,
  type Position,
} from 'vscode-languageserver/node';
import { completionsAt, definitionAt, hoverAt, referencesAt } from '../engine';
import type { CompletionResult, Span } from '../engine';
import type { Snapshot } from './session';

export function hover(snapshot: Snapshot, position: Position, markdown: boolean): Hover | null {
  const { analysis, options } = snapshot;
  if (!analysis.model) return null;
  const result = hoverAt(analysis.model, analysis.positions.toOffset(position), options);
  if (!result) return null;
  return { contents: markup(result.markdown, markdown), range: analysis.positions.toRange(result.span) };
}

export function definition(snapshot: Snapshot, position: Position): Location[] {
  const { analysis } = snapshot;
  if (!analysis.model) return [];
  return locations(snapshot, definitionAt(analysis.model, analysis.positions.toOffset(position)));
}

export function references(snapshot: Snapshot, position: Position, includeDeclaration: boolean): Location[] {
  const { model, positions } = snapshot.analysis;
  if (!model) return [];
  const offset = positions.toOffset(position);
  const markers = referencesAt(model, offset);
  if (!includeDeclaration) return locations(snapshot, markers);
  // On a marker the declarations are its entries; on an entry it is that entry, reached through the markers
  // that cite it.
  const onEntry = markers
    .flatMap((marker) => definitionAt(model, marker.start))
    .filter((span) => span.start <= offset && offset < span.end);
  return locations(snapshot, [...uniqueSpans([...definitionAt(model, offset), ...onEntry]), ...markers]);
}

export function completions(snapshot: Snapshot, position: Position, markdownDocumentation: boolean): CompletionItem[] {
  const { analysis, options } = snapshot;
  if (!analysis.model) return [];
  return completionsAt(analysis.model, analysis.positions.toOffset(position), options).map((result) =>
    toCompletionItem(snapshot, result, markdownDocumentation),
  );
}

function toCompletionItem(snapshot: Snapshot, result: CompletionResult, markdownDocumentation: boolean): CompletionItem {
  const item: CompletionItem = {
    label: result.label,
    kind: result.kind === 'reference' ? CompletionItemKind.Reference : CompletionItemKind.Text,
    detail: result.detail,
    // Clients filter on the text the edit replaces, which starts with the marker's bracket; so does newText.
    filterText: result.newText,
    textEdit: TextEdit.replace(snapshot.analysis.positions.toRange(result.replaceSpan), result.newText),
  };
  if (result.documentation !== undefined) item.documentation = markup(result.documentation, markdownDocumentation);
  if (result.sortText !== undefined) item.sortText = result.sortText;
  return item;
}

function locations(snapshot: Snapshot, spans: readonly Span[]): Location[] {
  const { analysis } = snapshot;
  return spans.map((span) => ({ uri: analysis.uri, range: analysis.positions.toRange(span) }));
}

function uniqueSpans(spans: readonly Span[]): Span[] {
  return spans.filter((span, index) => spans.findIndex((other) => sameSpan(other, span)) === index);
}

function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

function markup(markdown: string, clientRendersMarkdown: boolean): MarkupContent {
  return clientRendersMarkdown
    ? { kind: MarkupKind.Markdown, value: markdown }
    : { kind: MarkupKind.PlainText, value: markdownToPlainText(markdown) };
}

/** Enough Markdown removal for hover text in a plain-text client: emphasis, code ticks, links, headings, escapes. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g, (_whole, text: string, url: string) =>
      text && url && text !== url ? `${text} (${url})` : text || url,
    )
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\\*])\*(?!\s)([^*]+?)\*/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/^\s*(?:---|\*\*\*|___)\s*$/gm, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
