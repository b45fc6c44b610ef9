// The quick fix for an unanswered challenge: a countermeasure section skeleton that mirrors the challenge
// (tier, title, placeholder points) placed in the countermeasure part, with an explicit cross-reference so
// the new section answers exactly that challenge.
import type { Fix } from '../finding';
import type { Locale } from '../i18n';
import { format } from '../i18n';
import type { DocumentModel } from '../model';
import type { StructureAnalysis } from './index';
import { eolOf, isChineseDocument } from '../citation-index';

/** The next sibling number after "5.2" is "5.3"; undefined when the last sibling is unnumbered. */
function nextNumber(last: string | undefined): string | undefined {
  if (!last || !/^\d+(?:\.\d+)*$/.test(last)) return undefined;
  const parts = last.split('.');
  parts[parts.length - 1] = String(Number(parts[parts.length - 1]) + 1);
  return parts.join('.');
}

export function countermeasureSkeletonFix(
  model: DocumentModel,
  analysis: StructureAnalysis,
  challengeIndex: number,
  locale: Locale,
): Fix | undefined {
  const challenge = analysis.challenges[challengeIndex];
  if (!challenge) return undefined;
  const eol = eolOf(model.text);
  const chinese = isChineseDocument(model);
  const tierId = analysis.challengeTiers[challengeIndex];
  const dimension = analysis.framework.countermeasures.find((d) => d.answers === tierId);
  const dimensionName = dimension ? dimension.name[chinese ? 'zh-CN' : 'en'] : undefined;
  const reference = challenge.number
    ? (chinese ? `针对${challenge.number}` : `In response to ${challenge.number}`)
    : `<!-- policylint-answers: ${challenge.title} -->`;
  const placeholder = chinese ? '一是，……；二是，……；三是，……。' : 'First, …. Second, …. Third, ….';
  const lastSection = [...analysis.countermeasures].reverse().find((unit) => !unit.isItem);
  const lastItem = analysis.countermeasures[analysis.countermeasures.length - 1];

  let insertAt: number;
  let newText: string;
  if (lastSection) {
    const depth = model.sections[lastSection.section]!.depth;
    const number = nextNumber(lastSection.number);
    // The title names the dimension only; the challenge is named in the body by an explicit reference.
    const title = chinese ? `${dimensionName ?? '对策'}：……` : `${dimensionName ?? 'Response'}: …`;
    const heading = `${'#'.repeat(depth)} ${number ? `${number} ` : ''}${title}`;
    const lead = chinese ? `${reference}“${challenge.title}”，` : `${reference} (“${challenge.title}”): `;
    insertAt = lastSection.span.end;
    const before = insertAt > 0 && !/\n\s*\n$/.test(model.text.slice(Math.max(0, insertAt - 4), insertAt)) ? eol : '';
    newText = `${before}${heading}${eol}${eol}${lead}${placeholder}${eol}${eol}`;
  } else if (lastItem) {
    insertAt = lastItem.span.end;
    const lead = chinese ? `**${dimensionName ?? '对策'}：**${reference}“${challenge.title}”，` : `**${dimensionName ?? 'Response'}:** ${reference}: `;
    newText = `${eol}${eol}${lead}${placeholder}`;
  } else {
    // No countermeasure part: add one after the challenge part, before any later section.
    const part = analysis.challengeParts[0] !== undefined ? model.sections[analysis.challengeParts[0]]! : undefined;
    const depth = part ? part.depth : 2;
    insertAt = part ? part.span.end : model.text.length;
    const partTitle = chinese ? '对策建议' : 'Recommendations';
    const title = dimensionName ?? (chinese ? '对策：……' : 'Response: …');
    const before = insertAt > 0 && !/\n\s*\n$/.test(model.text.slice(Math.max(0, insertAt - 4), insertAt)) ? eol + (model.text.endsWith('\n') ? '' : eol) : '';
    newText =
      `${before}${'#'.repeat(depth)} ${partTitle}${eol}${eol}` +
      `${'#'.repeat(Math.min(6, depth + 1))} ${title}${eol}${eol}${chinese ? `${reference}“${challenge.title}”，` : `${reference}: `}${placeholder}${eol}${eol}`;
  }
  const placeholderStart = newText.indexOf(placeholder);
  return {
    title: format(locale === 'zh-CN' ? '插入回应“{0}”的对策小节' : 'Insert a countermeasure section answering "{0}"', challenge.title),
    kind: 'quickfix',
    preferred: true,
    edits: [{ span: { start: insertAt, end: insertAt }, newText }],
    cursor: insertAt + placeholderStart,
  };
}
