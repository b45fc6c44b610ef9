// The one place where engine offsets (string indices) become line/character positions (UTF-16 code
// units, as LSP counts by default) and back.
import type { Span } from './model';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Offsets where each line starts; a line ends at \n, \r\n or a lone \r. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionAt(lineStarts: readonly number[], text: string, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= clamped) low = mid;
    else high = mid - 1;
  }
  // Never place a position between \r and \n.
  let character = clamped - lineStarts[low]!;
  if (character > 0 && text.charCodeAt(clamped - 1) === 13 && text.charCodeAt(clamped) === 10) character--;
  return { line: low, character };
}

export function offsetAt(lineStarts: readonly number[], text: string, position: Position): number {
  if (position.line < 0) return 0;
  if (position.line >= lineStarts.length) return text.length;
  const lineStart = lineStarts[position.line]!;
  const nextLineStart = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1]! : text.length;
  let lineEnd = nextLineStart;
  if (position.line + 1 < lineStarts.length) {
    // Exclude the line break itself.
    lineEnd--;
    if (text.charCodeAt(lineEnd) === 10 && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  }
  return Math.max(lineStart, Math.min(lineStart + Math.max(0, position.character), lineEnd));
}

export function spanToRange(lineStarts: readonly number[], text: string, span: Span): Range {
  return { start: positionAt(lineStarts, text, span.start), end: positionAt(lineStarts, text, span.end) };
}

/** Removes a leading byte-order mark; editors never show it and positions must not count it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
