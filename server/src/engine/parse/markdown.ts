// The one call into the Markdown parser, and the loose node shape the rest of the parser reads.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import type { Span } from '../model';

/**
 * The fields of mdast nodes this parser reads. A structural view rather than the mdast union because
 * front matter adds node types (toml) that @types/mdast does not list.
 */
export interface MdNode {
  readonly type: string;
  readonly position?: { readonly start: { readonly offset?: number }; readonly end: { readonly offset?: number } };
  readonly children?: readonly MdNode[];
  readonly value?: string;
  readonly url?: string;
  readonly identifier?: string;
  readonly label?: string | null;
  readonly depth?: number;
  readonly ordered?: boolean | null;
  readonly start?: number | null;
}

/** A closed front matter block at the start of a text: where its parts are. */
export interface FrontMatterFences {
  /** Where the line after the opening fence starts. */
  readonly contentStart: number;
  /** Where the closing fence line starts, and where its content (the fence and any spaces after it) ends. */
  readonly closingStart: number;
  readonly closingEnd: number;
  /** Where the text after the block starts: past the closing fence's line break. */
  readonly bodyStart: number;
}

/**
 * The front matter block: a fence (--- or +++) on the first line that a later line closes; undefined when there is
 * none. A line scan, not a regular expression: line breaks may be \n, \r\n or a lone \r, and alternatives over them
 * backtrack.
 */
export function frontMatterFences(text: string): FrontMatterFences | undefined {
  const fence = text.startsWith('---') ? '---' : text.startsWith('+++') ? '+++' : undefined;
  if (!fence) return undefined;
  let lineStart = 0;
  let contentStart = -1;
  while (lineStart < text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    let contentEnd = lineEnd;
    while (contentEnd > lineStart && (text[contentEnd - 1] === ' ' || text[contentEnd - 1] === '\t')) contentEnd--;
    // Only a line as short as the fence can be one; longer lines are not sliced.
    const line: string = contentEnd - lineStart === fence.length ? text.slice(lineStart, contentEnd) : '';
    const next = Math.min(text.length, lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1));
    if (contentStart < 0) {
      if (line !== fence) return undefined;
      contentStart = next;
    } else if (line === fence) {
      return { contentStart, closingStart: lineStart, closingEnd: lineEnd, bodyStart: next };
    }
    lineStart = next;
  }
  return undefined;
}

/** Where the text after its front matter starts (see frontMatterFences); 0 when there is none. */
export function closedFrontMatterEnd(text: string): number {
  return frontMatterFences(text)?.bodyStart ?? 0;
}

/**
 * Parses Markdown with GFM and CJK-friendly emphasis. Only a closed fence is front matter: with the extension
 * on, an unclosed '---' on the first line (a thematic break) stops GFM from reading any footnote definition
 * after it ("[^1]: …" becomes a link definition), so the extension is used only when there is front matter.
 */
export function parseMarkdown(text: string, withFrontMatter = closedFrontMatterEnd(text) > 0): MdNode {
  const matters = ['yaml', 'toml'] as const;
  return fromMarkdown(text, {
    extensions: withFrontMatter ? [gfm(), frontmatter([...matters]), cjkFriendlyExtension()] : [gfm(), cjkFriendlyExtension()],
    mdastExtensions: withFrontMatter ? [gfmFromMarkdown(), frontmatterFromMarkdown([...matters])] : [gfmFromMarkdown()],
  }) as unknown as MdNode;
}

export function nodeSpan(node: MdNode): Span | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  return { start, end };
}

/** Deeper than any real document nests; beyond it the parser's container handling turns super-linear. */
const MAX_CONTAINER_DEPTH = 100;

/** Whether some line opens more nested block quotes or list items than MAX_CONTAINER_DEPTH. */
export function nestsTooDeeply(text: string): boolean {
  let index = 0;
  while (index < text.length) {
    let depth = 0;
    for (;;) {
      let k = index;
      while (k - index < 3 && text[k] === ' ') k++;
      const char = text[k];
      let next = -1;
      if (char === '>') next = k + 1;
      else if ((char === '-' || char === '*' || char === '+') && (text[k + 1] === ' ' || text[k + 1] === '\t')) next = k + 2;
      else {
        let digits = k;
        while (digits - k < 9 && text[digits]! >= '0' && text[digits]! <= '9') digits++;
        if (digits > k && (text[digits] === '.' || text[digits] === ')') && (text[digits + 1] === ' ' || text[digits + 1] === '\t')) {
          next = digits + 2;
        }
      }
      if (next < 0) break;
      if (++depth > MAX_CONTAINER_DEPTH) return true;
      index = text[next] === ' ' || text[next] === '\t' ? next + 1 : next;
    }
    const lineEnd = text.indexOf('\n', index);
    if (lineEnd < 0) return false;
    index = lineEnd + 1;
  }
  return false;
}

/**
 * A tree of plain paragraphs (split at blank lines), used when the Markdown parser cannot cope: thousands
 * of nested block quotes or lists are super-linear for it or exhaust its recursion. The document still
 * gets sentences and citations.
 */
export function plainParagraphTree(text: string): MdNode {
  const children: MdNode[] = [];
  const lineBreak = /\r\n?|\n/g;
  let paragraphStart = -1;
  let paragraphEnd = 0;
  let lineStart = 0;
  const flush = (): void => {
    if (paragraphStart < 0) return;
    const position = { start: { offset: paragraphStart }, end: { offset: paragraphEnd } };
    children.push({ type: 'paragraph', position, children: [{ type: 'text', value: text.slice(paragraphStart, paragraphEnd), position }] });
    paragraphStart = -1;
  };
  for (;;) {
    const match = lineBreak.exec(text);
    const lineEnd = match ? match.index : text.length;
    if (text.slice(lineStart, lineEnd).trim().length === 0) flush();
    else {
      if (paragraphStart < 0) paragraphStart = lineStart;
      paragraphEnd = lineEnd;
    }
    if (!match) break;
    lineStart = match.index + match[0].length;
  }
  flush();
  return { type: 'root', position: { start: { offset: 0 }, end: { offset: text.length } }, children };
}
