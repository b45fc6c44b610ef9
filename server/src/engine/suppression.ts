// Inline suppression with HTML comments, as markdownlint users expect:
//   <!-- policylint-disable rule-a rule-b --> … <!-- policylint-enable -->
//   <!-- policylint-disable-line rule -->, <!-- policylint-disable-next-line rule -->
//   <!-- policylint-disable-file rule -->
// No rule named means every rule. Directives are parsed from the model's comments, so one written inside
// a code block (an example in the docs) is never obeyed.
import type { Finding } from './finding';
import type { DocumentModel, Span } from './model';
import { positionAt } from './positions';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

export interface Directive {
  readonly kind: DirectiveKind;
  readonly span: Span;
  /** Rule ids named, each with its span; empty means all rules. */
  readonly rules: readonly { readonly id: string; readonly span: Span }[];
}

export interface DirectiveProblem {
  readonly span: Span;
  readonly kind: 'unknown-rule' | 'unknown-directive';
  readonly name: string;
}

const DIRECTIVE = /^<!--\s*policylint-([a-z-]+)\b/;
const KINDS: readonly string[] = ['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file'];

export function parseDirectives(model: DocumentModel, knownRules: ReadonlySet<string>): { directives: Directive[]; problems: DirectiveProblem[] } {
  const directives: Directive[] = [];
  const problems: DirectiveProblem[] = [];
  for (const comment of model.comments) {
    const source = model.text.slice(comment.span.start, comment.span.end);
    const head = DIRECTIVE.exec(source);
    if (!head) continue;
    const kind = head[1]!;
    if (!KINDS.includes(kind)) {
      const start = comment.span.start + head[0].length - kind.length;
      problems.push({ span: { start, end: start + kind.length }, kind: 'unknown-directive', name: kind });
      continue;
    }
    const rules: { id: string; span: Span }[] = [];
    const body = source.slice(head[0].length).replace(/-->\s*$/, '');
    for (const match of body.matchAll(/[^\s,]+/g)) {
      const span = { start: comment.span.start + head[0].length + match.index, end: comment.span.start + head[0].length + match.index + match[0].length };
      if (knownRules.has(match[0])) rules.push({ id: match[0], span });
      else problems.push({ span, kind: 'unknown-rule', name: match[0] });
    }
    // A directive that only named unknown rules silences nothing rather than everything.
    if (rules.length === 0 && body.trim() !== '') continue;
    directives.push({ kind: kind as DirectiveKind, span: comment.span, rules });
  }
  return { directives, problems };
}

const ALL = '*';

/** Removes the findings that directives silence. */
export function applySuppressions(model: DocumentModel, findings: readonly Finding[], knownRules: ReadonlySet<string>): Finding[] {
  const { directives } = parseDirectives(model, knownRules);
  if (directives.length === 0) return [...findings];
  const names = (d: Directive): string[] => (d.rules.length === 0 ? [ALL] : d.rules.map((r) => r.id));
  const lineOf = (offset: number): number => positionAt(model.lineStarts, model.text, offset).line;

  const fileWide = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  const ranges: { rule: string; start: number; end: number }[] = [];
  const open = new Map<string, number>();
  const addLine = (line: number, rules: string[]): void => {
    const set = byLine.get(line) ?? new Set<string>();
    for (const rule of rules) set.add(rule);
    byLine.set(line, set);
  };
  for (const directive of directives) {
    switch (directive.kind) {
      case 'disable-file':
        for (const rule of names(directive)) fileWide.add(rule);
        break;
      case 'disable-line':
        for (let line = lineOf(directive.span.start); line <= lineOf(directive.span.end); line++) addLine(line, names(directive));
        break;
      case 'disable-next-line':
        addLine(lineOf(directive.span.end) + 1, names(directive));
        break;
      case 'disable':
        for (const rule of names(directive)) if (!open.has(rule)) open.set(rule, directive.span.end);
        break;
      case 'enable': {
        const closing = directive.rules.length === 0 ? [...open.keys()] : names(directive);
        for (const rule of closing) {
          const start = open.get(rule);
          if (start === undefined) continue;
          ranges.push({ rule, start, end: directive.span.start });
          open.delete(rule);
        }
        break;
      }
    }
  }
  for (const [rule, start] of open) ranges.push({ rule, start, end: model.text.length });

  const silenced = (finding: Finding): boolean => {
    if (fileWide.has(ALL) || fileWide.has(finding.rule)) return true;
    const onLine = byLine.get(lineOf(finding.span.start));
    if (onLine && (onLine.has(ALL) || onLine.has(finding.rule))) return true;
    return ranges.some((r) => (r.rule === ALL || r.rule === finding.rule) && finding.span.start >= r.start && finding.span.start < r.end);
  };
  return findings.filter((finding) => !silenced(finding));
}
