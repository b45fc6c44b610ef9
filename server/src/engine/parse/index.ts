// parseDocument: Markdown text → the frozen DocumentModel. Parses once; every later pass reads the
// prose blocks built here, never the Markdown again.
import type { CitationMarker, DocumentModel, ProseBlock, Sentence } from '../model';
import { computeLineStarts } from '../positions';
import { scanCitations, toCitation } from './citations';
import { mapProseSpan } from './mapping';
import { nestsTooDeeply, parseMarkdown, plainParagraphTree, type MdNode } from './markdown';
import { walkProse, type ProseWalk } from './prose';
import { buildReferenceList, findReferenceSection } from './references';
import { buildSections, type HeadingInput } from './sections';
import { splitSentences } from './sentences';

export { mapProseSpan, sourceToProse } from './mapping';
export { clauses, splitSentences } from './sentences';
export { splitSectionNumber } from './sections';
export { parseNumericList } from './citations';
export { OBJECT_REPLACEMENT } from './prose';

/** Markdown when the parser can cope with the text, plain paragraphs when it cannot (absurd nesting). */
function parseProse(text: string): { root: MdNode; walk: ProseWalk } {
  if (!nestsTooDeeply(text)) {
    try {
      const root = parseMarkdown(text);
      return { root, walk: walkProse(root, text) };
    } catch (error) {
      // Only recursion exhaustion is expected here; anything else is a bug that must surface.
      if (!(error instanceof RangeError)) throw error;
    }
  }
  const root = plainParagraphTree(text);
  return { root, walk: walkProse(root, text) };
}

export function parseDocument(text: string): DocumentModel {
  const { root, walk } = parseProse(text);

  const headings: HeadingInput[] = [];
  const headingBlocks: number[] = [];
  walk.blocks.forEach((block, index) => {
    if (block.kind !== 'heading') return;
    headings.push({ depth: block.node.depth ?? 1, text: block.text, span: block.span });
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
    for (const [proseStart, proseEnd] of splitSentences(block.text)) {
      sentences.push({
        block: block.index,
        proseStart,
        proseEnd,
        text: block.text.slice(proseStart, proseEnd),
        span: mapProseSpan(block, proseStart, proseEnd),
      });
    }
    if (block.inReferences) continue;
    for (const raw of scanCitations(block.text)) {
      citations.push(toCitation(raw, block.index, mapProseSpan(block, raw.proseStart, raw.proseEnd)));
    }
  }
  citations.sort((a, b) => a.span.start - b.span.start);

  const references = buildReferenceList({
    root,
    source: text,
    sections,
    sectionIndex: referenceSection,
    blocks,
    blockOfNode: walk.blockOfNode,
    footnoteDefinitions: walk.footnoteDefinitions,
  });

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
