// Summary sections restate what the body already sources; reviewers do not ask for citations there.
import type { DocumentModel, ProseBlock } from '../model';

export const DEFAULT_EXEMPT_SECTIONS: readonly string[] = [
  '摘要',
  '内容摘要',
  '内容提要',
  '关键词',
  '关键字',
  '结论',
  '结语',
  '总结',
  'Abstract',
  'Summary',
  'Executive Summary',
  'Keywords',
  'Key words',
  'Conclusion',
  'Conclusions',
  'Concluding Remarks',
];

export function parseExemptSections(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return DEFAULT_EXEMPT_SECTIONS;
  return value.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
}

function normalise(title: string): string {
  return title.replace(/[\s：:]+$/u, '').trim().toLowerCase();
}

/** The names as titles are compared with them, worked out once per check rather than once per title. */
function normaliseNames(names: readonly string[]): readonly string[] {
  return names.map(normalise).filter((name) => name !== '');
}

/** A title is exempt when it starts with one of the names ("结论与建议" starts with "结论"); names normalised. */
function titleIsExempt(title: string, normalisedNames: readonly string[]): boolean {
  const normalised = normalise(title);
  return normalisedNames.some((name) => normalised.startsWith(name));
}

// A lead-in label opening a paragraph: "**摘要：**…", "关键词：…", "Abstract: …".
// One run of spaces before and after the optional object mark: `\s*(?:\uFFFC)?\s*` is quadratic on a long run.
const LEAD_IN = /^\s*(?:\uFFFC\s*)?([\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z ]{0,20}?)\s*[：:]/u;

/** For each section, whether it or an ancestor is a summary section. */
export function exemptSectionFlags(model: DocumentModel, names: readonly string[]): boolean[] {
  const normalisedNames = normaliseNames(names);
  const exemptSection = model.sections.map((section) => titleIsExempt(section.titleWithoutNumber, normalisedNames));
  // Parents precede their children, so one pass propagates exemption downwards.
  for (const section of model.sections) {
    if (!exemptSection[section.index] && section.parent >= 0 && exemptSection[section.parent]) {
      exemptSection[section.index] = true;
    }
  }
  return exemptSection;
}

/** Returns a predicate telling whether a prose block lies in an exempt (summary) part of the draft. */
export function exemptBlocks(model: DocumentModel, names: readonly string[]): (block: ProseBlock) => boolean {
  const exemptSection = exemptSectionFlags(model, names);
  const normalisedNames = normaliseNames(names);
  // Asked once per sentence: each block's answer is worked out once.
  const known: (boolean | undefined)[] = new Array(model.blocks.length);
  return (block) => {
    const cached = known[block.index];
    if (cached !== undefined) return cached;
    let exempt = block.section >= 0 && exemptSection[block.section] === true;
    if (!exempt) {
      const lead = LEAD_IN.exec(block.text);
      exempt = lead !== null && titleIsExempt(lead[1]!, normalisedNames);
    }
    known[block.index] = exempt;
    return exempt;
  };
}
