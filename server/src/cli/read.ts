// Reads a file as the editor would show it: strict UTF-8, leading BOM removed, line breaks untouched
// (the engine's positions treat CRLF exactly like LF).
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { stripBom } from '../engine/positions';
import { describeFsError } from './discover';

export type ReadOutcome =
  | { readonly kind: 'text'; readonly text: string }
  /** Not text we can check (binary, another encoding): reported on stderr, not an error. */
  | { readonly kind: 'skipped'; readonly reason: string }
  /** The file system refused: an error, exit code 2. */
  | { readonly kind: 'unreadable'; readonly reason: string };

/** Pure: bytes → text or the reason it is not Markdown text. */
export function decodeMarkdown(bytes: Uint8Array): ReadOutcome {
  if (bytes.includes(0)) return { kind: 'skipped', reason: 'binary file' };
  let text: string;
  try {
    // ignoreBOM keeps the mark in the string so stripBom removes exactly one, as for editor buffers.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { kind: 'skipped', reason: 'not UTF-8 text' };
  }
  return { kind: 'text', text: stripBom(text) };
}

export async function readMarkdownFile(absolutePath: string): Promise<ReadOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolutePath);
  } catch (error) {
    return { kind: 'unreadable', reason: describeFsError(error) };
  }
  return decodeMarkdown(bytes);
}

/**
 * The same, blocking. For checking many files one after another, where nothing else waits on the thread:
 * it saves the event-loop round trips of the asynchronous read (a quarter of a 1,000-file run).
 */
export function readMarkdownFileSync(absolutePath: string): ReadOutcome {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    return { kind: 'unreadable', reason: describeFsError(error) };
  }
  return decodeMarkdown(bytes);
}
