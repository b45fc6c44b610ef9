// The Outline (document symbols), the challenge ↔ countermeasure code lenses and the framework map:
// adapters from the engine's structure analysis to LSP shapes.
import { SymbolKind, type CodeLens, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver/node';
import { documentOutline, structureLenses, type OutlineKind, type OutlineSymbol } from '../engine/outline';
import { frameworkMap, renderHtml, renderMermaid } from '../engine/map';
import { REVEAL_RANGE_COMMAND, type FrameworkMapParams } from '../protocol';
import type { Snapshot } from './session';

const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
  section: SymbolKind.String,
  challenge: SymbolKind.Event,
  countermeasure: SymbolKind.Method,
  references: SymbolKind.Array,
};

function structureOptions(snapshot: Snapshot) {
  const { framework, exemptSections } = snapshot.options;
  return { ...(framework ? { framework } : {}), ...(exemptSections ? { exemptSections } : {}) };
}

export function documentSymbols(snapshot: Snapshot, hierarchical: boolean): DocumentSymbol[] | SymbolInformation[] {
  const { model, positions, uri } = snapshot.analysis;
  if (!model) return [];
  const outline = documentOutline(model, snapshot.options.locale, structureOptions(snapshot));
  const toSymbol = (symbol: OutlineSymbol): DocumentSymbol => ({
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: SYMBOL_KINDS[symbol.kind],
    range: positions.toRange(symbol.span),
    selectionRange: positions.toRange(symbol.selectionSpan),
    children: symbol.children.map(toSymbol),
  });
  if (hierarchical) return outline.map(toSymbol);
  // Clients without hierarchy get a flat list with each symbol's parent as its container.
  const flat: SymbolInformation[] = [];
  const walk = (symbol: OutlineSymbol, container: string | undefined): void => {
    flat.push({
      name: symbol.detail ? `${symbol.name} — ${symbol.detail}` : symbol.name,
      kind: SYMBOL_KINDS[symbol.kind],
      location: { uri, range: positions.toRange(symbol.span) },
      ...(container ? { containerName: container } : {}),
    });
    for (const child of symbol.children) walk(child, symbol.name);
  };
  for (const symbol of outline) walk(symbol, undefined);
  return flat;
}

export function codeLenses(snapshot: Snapshot): CodeLens[] {
  const { model, positions, uri } = snapshot.analysis;
  if (!model) return [];
  return structureLenses(model, snapshot.options.locale, structureOptions(snapshot)).map((lens) => {
    const range = positions.toRange(lens.span);
    return {
      range,
      command: { title: lens.title, command: REVEAL_RANGE_COMMAND, arguments: [uri, positions.toRange(lens.target)] },
    };
  });
}

export function renderFrameworkMap(snapshot: Snapshot, format: FrameworkMapParams['format']): string | undefined {
  const { model, uri } = snapshot.analysis;
  if (!model) return undefined;
  const map = frameworkMap(model, snapshot.options.locale, structureOptions(snapshot));
  if (format === 'json') return `${JSON.stringify(map, null, 2)}\n`;
  if (format === 'mermaid') return renderMermaid(map, snapshot.options.locale);
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  return renderHtml(map, snapshot.options.locale, name);
}
