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

export function parseMarkdown(text: string): MdNode {
  const matters = ['yaml', 'toml'] as const;
  return fromMarkdown(text, {
    extensions: [gfm(), frontmatter([...matters]), cjkFriendlyExtension()],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown([...matters])],
  }) as unknown as MdNode;
}

export function nodeSpan(node: MdNode): Span | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  return { start, end };
}
