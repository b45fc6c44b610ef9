// Code actions are rebuilt from what the client sends back (rule id in `code`, fix data in `data`), matched
// against a fresh check of the current model, so a fix always edits the text as it is now and the server
// keeps no per-diagnostic state. For a member of a `documents:` group the fixes come from the group's check and
// may edit another file of the group (a stub added to the reference list kept in references.md); a fix-all asked
// for explicitly (fix on save) only offers fixes that stay in the saved document.
import {
  CodeActionKind,
  TextEdit,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { codeActions as engineCodeActions, groupCodeActions } from '../engine';
import type { Finding, Fix, FixData, Span } from '../engine';
import type { PositionMapper } from './analysis';
import type { ClientFeatures } from './capabilities';
import { RULE_DATA_KEY, fixDataOf, ruleOf } from './diagnostics';
import type { Snapshot } from './session';

interface Matched {
  readonly diagnostic: Diagnostic;
  readonly finding: Finding;
}

/** A fix with each edit placed in its document. */
interface PlacedFix extends Omit<Fix, 'edits' | 'cursor'> {
  readonly edits: readonly { readonly uri: string; readonly span: Span; readonly newText: string }[];
}

/** True if an action of `kind` may be returned when the client asked only for `only` (hierarchical kinds). */
export function kindAllowed(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((wanted) => wanted === '' || kind === wanted || kind.startsWith(`${wanted}.`));
}

export function codeActions(
  snapshot: Snapshot,
  range: Range,
  context: CodeActionContext,
  features: ClientFeatures,
): CodeAction[] {
  const wantQuickFixes = kindAllowed(CodeActionKind.QuickFix, context.only);
  const wantFixAll = kindAllowed(CodeActionKind.SourceFixAll, context.only);
  if (!wantQuickFixes && !wantFixAll) return [];

  const { analysis } = snapshot;
  const { model } = analysis;
  if (!model) return [];
  const matched = matchFindings(snapshot, context.diagnostics);
  const actions: CodeAction[] = [];

  if (wantQuickFixes) {
    const byKey = new Map<string, CodeAction>();
    for (const { diagnostic, finding } of matched) {
      for (const fix of fixesFor(snapshot, [finding], finding.span)) {
        if (fix.kind !== 'quickfix') continue;
        const key = fixKey(fix);
        const existing = byKey.get(key);
        if (existing) existing.diagnostics?.push(diagnostic);
        else byKey.set(key, toCodeAction(snapshot, fix, [diagnostic], features));
      }
    }
    actions.push(...byKey.values());
  }

  if (wantFixAll) {
    // Asked for explicitly (e.g. fix on save): every current finding counts. Otherwise (the light bulb),
    // offer fix-all only for the rules of the diagnostics under the cursor.
    const explicit = context.only?.some((kind) => kind !== '' && kindAllowed(CodeActionKind.SourceFixAll, [kind])) ?? false;
    const findings = explicit ? analysis.findings : matched.map((m) => m.finding);
    if (findings.length > 0) {
      const span = explicit
        ? { start: 0, end: model.text.length }
        : { start: analysis.positions.toOffset(range.start), end: analysis.positions.toOffset(range.end) };
      const seen = new Set<string>();
      for (const fix of fixesFor(snapshot, findings, span)) {
        if (fix.kind !== 'source.fixAll' || fix.edits.length === 0 || seen.has(fix.title)) continue;
        if (explicit && fix.edits.some((edit) => edit.uri !== analysis.uri)) continue;
        seen.add(fix.title);
        actions.push(toCodeAction(snapshot, fix, [], features));
      }
    }
  }
  return actions;
}

/**
 * Pairs each of our diagnostics in the request with the current finding it stands for: the same rule at the
 * same range; failing that, the same rule with the same data on the nearest line. The fallback covers clients
 * that send ranges in other units (Neovim 0.7 counts bytes, so Chinese lines never match exactly) and
 * findings that moved with unsaved edits. Fixes are always built from the current finding, so a match never
 * edits a stale place.
 */
function matchFindings(snapshot: Snapshot, diagnostics: readonly Diagnostic[]): Matched[] {
  const { analysis } = snapshot;
  const matched: Matched[] = [];
  for (const diagnostic of diagnostics) {
    const rule = ruleOf(diagnostic);
    if (rule === undefined) continue;
    const data = fixDataOf(diagnostic);
    const sameRule = analysis.findings.filter((finding) => finding.rule === rule);
    const exact = sameRule.filter((finding) => sameRange(analysis.positions.toRange(finding.span), diagnostic.range));
    let finding = exact.find((candidate) => sameData(candidate.data, data)) ?? exact[0];
    if (!finding && data !== undefined) {
      const line = diagnostic.range.start.line;
      const distance = (candidate: Finding): number => Math.abs(analysis.positions.toRange(candidate.span).start.line - line);
      finding = sameRule
        .filter((candidate) => sameData(candidate.data, data))
        .sort((a, b) => distance(a) - distance(b))[0];
    }
    if (finding) matched.push({ diagnostic, finding });
  }
  return matched;
}

/** The engine's fixes, from the group's check for a group member, else from the document's own. */
function fixesFor(snapshot: Snapshot, findings: readonly Finding[], span: Span): PlacedFix[] {
  const { analysis, options } = snapshot;
  const group = analysis.group;
  if (group) {
    return groupCodeActions(group.check, analysis.uri, findings, span, group.options).map(({ cursor: _cursor, ...fix }) => ({
      ...fix,
      edits: fix.edits.map((edit) => ({ uri: edit.id, span: edit.span, newText: edit.newText })),
    }));
  }
  if (!analysis.model) return [];
  return engineCodeActions(analysis.model, findings, span, options).map(({ cursor: _cursor, ...fix }) => ({
    ...fix,
    edits: fix.edits.map((edit) => ({ uri: analysis.uri, span: edit.span, newText: edit.newText })),
  }));
}

function toCodeAction(snapshot: Snapshot, fix: PlacedFix, diagnostics: Diagnostic[], features: ClientFeatures): CodeAction {
  const action: CodeAction = {
    title: fix.title,
    kind: fix.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.SourceFixAll,
    edit: workspaceEdit(snapshot, fix, features),
  };
  if (diagnostics.length > 0) action.diagnostics = diagnostics;
  if (fix.preferred) action.isPreferred = true;
  return action;
}

/** One text document change per file the fix edits; a closed file of the group has no version (null). */
function workspaceEdit(snapshot: Snapshot, fix: PlacedFix, features: ClientFeatures): WorkspaceEdit {
  const { analysis, document } = snapshot;
  const targets = new Map<string, { positions: PositionMapper; version: number | null; edits: TextEdit[] }>();
  for (const edit of fix.edits) {
    let target = targets.get(edit.uri);
    if (!target) {
      const member = analysis.group?.members.find((candidate) => candidate.uri === edit.uri);
      target =
        edit.uri === analysis.uri || !member
          ? { positions: analysis.positions, version: document.version, edits: [] }
          : { positions: member.positions, version: member.version ?? null, edits: [] };
      targets.set(edit.uri, target);
    }
    target.edits.push(TextEdit.replace(target.positions.toRange(edit.span), edit.newText));
  }
  if (features.documentChanges) {
    return { documentChanges: [...targets].map(([uri, { version, edits }]) => ({ textDocument: { uri, version }, edits })) };
  }
  return { changes: Object.fromEntries([...targets].map(([uri, { edits }]) => [uri, edits])) };
}

function fixKey(fix: PlacedFix): string {
  return JSON.stringify([fix.title, fix.edits.map((edit) => [edit.uri, edit.span.start, edit.span.end, edit.newText])]);
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** Compares a finding's data with a diagnostic's, ignoring the rule id (which travels beside it). */
function sameData(a: FixData | undefined, b: FixData | undefined): boolean {
  const withoutRule = (data: FixData | undefined): FixData => {
    const { [RULE_DATA_KEY]: _rule, ...rest } = data ?? {};
    return rest;
  };
  return stableJson(withoutRule(a)) === stableJson(withoutRule(b));
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${stableJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
