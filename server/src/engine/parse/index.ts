// parseDocument: Markdown text → the frozen DocumentModel. Parses once; every later pass reads the
// prose blocks built here, never the Markdown again.
import type { CitationMarker, DocumentModel, ProseBlock, Sentence } from '../model';
import { computeLineStarts } from '../positions';
import { toCitation } from './citations';
import { mapProseSpan } from './mapping';
import { assembleWalk, type PieceOptions } from './pieces';
import { buildReferenceList, findReferenceSection } from './references';
import { buildSections, type HeadingInput } from './sections';

export { mapProseSpan, sourceToProse } from './mapping';
export { clauses, splitSentences } from './sentences';
export { splitSectionNumber } from './sections';
export { parseNumericList } from './citations';
export { OBJECT_REPLACEMENT } from './prose';
export { parseInTurns, resetParseCache, trimParseCache, type PieceOptions } from './pieces';

export function parseDocument(text: string, pieces: PieceOptions = {}): DocumentModel {
  const walk = assembleWalk(text, pieces);

  const headings: HeadingInput[] = [];
  const headingBlocks: number[] = [];
  walk.blocks.forEach((block, index) => {
    if (block.kind !== 'heading') return;
    headings.push({ depth: block.depth ?? 1, text: block.text, span: block.span });
    headingBlocks.push(index);
  });
  const sections = buildSections(headings, text.length);
  const referenceSection = findReferenceSection(sections);
  const referenceSpan = referenceSection >= 0 ? sections[referenceSection]!.span : undefined;

  let currentSection = -1;
  let nextHeading = 0;
  const blocks: ProseBlock[] = walk.blocks.map((draft, index) => {
    // Blocks arrive in document order, so the last heading seen is the innermost section around a block.
    while (nextHeading < headingBlocks.length && headingBlocks[nextHeading]! <= index) currentSection = nextHeading++;
    const inReferenceSection =
      referenceSpan !== undefined && draft.span.start >= referenceSpan.start && draft.span.start < referenceSpan.end;
    return Object.freeze({
      index,
      kind: draft.kind,
      span: draft.span,
      text: draft.text,
      segments: Object.freeze(draft.segments),
      section: currentSection,
      inListItem: draft.inListItem,
      inBlockQuote: draft.inBlockQuote,
      inTable: draft.inTable,
      inReferences: draft.inFootnote || inReferenceSection,
      links: Object.freeze(draft.links),
    });
  });

  const sentences: Sentence[] = [];
  const citations: CitationMarker[] = [];
  for (const block of blocks) {
    const draft = walk.blocks[block.index]!;
    const bounds = draft.sentences;
    for (let i = 0; i < bounds.length; i += 2) {
      const proseStart = bounds[i]!;
      const proseEnd = bounds[i + 1]!;
      sentences.push({
        block: block.index,
        proseStart,
        proseEnd,
        text: block.text.slice(proseStart, proseEnd),
        span: mapProseSpan(block, proseStart, proseEnd),
      });
    }
    if (block.inReferences) continue;
    for (const raw of draft.markers) {
      citations.push(toCitation(raw, block.index, mapProseSpan(block, raw.proseStart, raw.proseEnd)));
    }
  }
  citations.sort((a, b) => a.span.start - b.span.start);

  const { root, footnoteDefinitions } = walk.referenceNodes(referenceSpan);
  const references = buildReferenceList({ root, source: text, sections, sectionIndex: referenceSection, blocks, footnoteDefinitions });

  return Object.freeze({
    text,
    lineStarts: Object.freeze(computeLineStarts(text)),
    sections: Object.freeze(sections),
    blocks: Object.freeze(blocks),
    sentences: Object.freeze(sentences),
    citations: Object.freeze(citations),
    references,
    frontMatter: walk.frontMatter,
    nonProse: Object.freeze(walk.nonProse),
    comments: Object.freeze(walk.comments),
  });
}
