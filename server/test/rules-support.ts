// Shared helpers for the citation-rule, fix and navigation tests: options, applying edits, cursor documents
// and the inline-expectation scheme of test/fixtures/rules/*.md.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { codeActions, lintText, parseDocument } from '../src/engine/index';
import type { DocumentModel, EngineOptions, Finding, Fix, Locale, TextEditSpan } from '../src/engine/index';
import { defaultOptions } from '../src/engine/options';

export const CITATION_RULES = ['dangling-citation', 'missing-reference-list', 'uncited-reference', 'citation-order'];

export function options(locale: Locale = 'en', rules: EngineOptions['rules'] = {}): EngineOptions {
  return { ...defaultOptions, locale, rules };
}

/** Applies edits back to front; overlapping edits are a bug in the fix, so they fail the test. */
export function applyEdits(text: string, edits: readonly TextEditSpan[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  for (let i = 0; i + 1 < sorted.length; i++) {
    assert.ok(sorted[i + 1]!.span.end <= sorted[i]!.span.start, 'fix edits overlap');
  }
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}

export function citationFindings(text: string, opts: EngineOptions = options()): Finding[] {
  return lintText(text, opts).findings.filter((finding) => CITATION_RULES.includes(finding.rule));
}

export function findingsOf(text: string, rule: string, opts: EngineOptions = options()): Finding[] {
  return lintText(text, opts).findings.filter((finding) => finding.rule === rule);
}

export function spanText(text: string, finding: { span: { start: number; end: number } }): string {
  return text.slice(finding.span.start, finding.span.end);
}

/** The quick fixes a user sees for one finding (only that finding is passed, so no other rule's fixes mix in). */
export function quickFixes(text: string, finding: Finding, opts: EngineOptions = options()): Fix[] {
  const model = parseDocument(text);
  return codeActions(model, [finding], finding.span, opts).filter((fix) => fix.kind === 'quickfix');
}

/** A document with one "|" marking the cursor: returns the model of the text without it and the offset. */
export function withCursor(source: string): { model: DocumentModel; offset: number; text: string } {
  const offset = source.indexOf('|');
  assert.ok(offset >= 0 && source.indexOf('|', offset + 1) < 0, 'exactly one cursor marker');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return { model: parseDocument(text), offset, text };
}

export const FIXTURE_DIR = join(__dirname, '..', '..', 'test', 'fixtures', 'rules');

export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR).filter((name) => name.endsWith('.md')).sort();
}

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURE_DIR, name), 'utf8');
}

export interface Expectation {
  readonly line: number;
  readonly rule: string;
  /** The exact text of the finding's range, when the comment quotes it. */
  readonly text: string | undefined;
}

/**
 * Expectations written in a fixture: `<!-- expect: rule-id -->` or `<!-- expect: rule-id "[3]" -->` on the line
 * where the finding starts. One comment per expected finding; a line may carry several.
 */
export function expectationsIn(text: string): Expectation[] {
  const found: Expectation[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, index) => {
    for (const match of line.matchAll(/<!--\s*expect:\s*([a-z-]+)(?:\s+"([^"]*)")?\s*-->/g)) {
      found.push({ line: index, rule: match[1]!, text: match[2] });
    }
  });
  return found;
}

export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\n|\r/).length - 1;
}

export function lines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** Whether `part` occurs within `whole` in order (only insertions were made). */
export function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let k = 0;
  for (const item of whole) if (k < part.length && item === part[k]) k++;
  return k === part.length;
}
