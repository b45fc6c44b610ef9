// Code actions from findings: each finding's quick fixes (refused when the text it was found on has changed
// since), then one fix-all per rule that has findings and a safe fix-all.
import { effectiveSetting, ruleContext } from './check';
import type { Finding, Fix } from './finding';
import type { DocumentModel, Span } from './model';
import type { EngineOptions } from './options';
import { ruleById } from './rules';

function touches(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Whether the text a finding was reported on is still there, unchanged. */
export function isStale(model: DocumentModel, finding: Finding): boolean {
  const recorded = finding.data?.['text'];
  if (typeof recorded !== 'string') return true;
  const { start, end } = finding.span;
  if (start < 0 || end > model.text.length || start > end) return true;
  return model.text.slice(start, end) !== recorded;
}

export function codeActions(model: DocumentModel, findings: readonly Finding[], span: Span, options: EngineOptions): Fix[] {
  const actions: Fix[] = [];
  for (const finding of findings) {
    if (!touches(finding.span, span)) continue;
    const rule = ruleById(finding.rule);
    if (!rule?.fixes || isStale(model, finding)) continue;
    let fixes: Fix[];
    try {
      fixes = rule.fixes(model, finding, ruleContext(rule, options));
    } catch {
      continue;
    }
    fixes.forEach((fix, index) => {
      // The first fix is the primary one unless the rule decided otherwise.
      actions.push(index === 0 && fix.preferred === undefined ? { ...fix, preferred: true } : fix);
    });
  }
  const rulesWithFindings = [...new Set(findings.map((finding) => finding.rule))];
  for (const id of rulesWithFindings) {
    const rule = ruleById(id);
    if (!rule?.fixAll || !rule.fixable || effectiveSetting(rule, options).severity === 'off') continue;
    try {
      const fix = rule.fixAll(model, ruleContext(rule, options));
      if (fix) actions.push({ ...fix, kind: 'source.fixAll', preferred: false });
    } catch {
      continue;
    }
  }
  return actions;
}
