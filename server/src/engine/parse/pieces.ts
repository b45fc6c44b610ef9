// The Markdown parse of a whole text, assembled from pieces (see chunks.ts). Each piece's parse is cached by
// its text, so a re-check after an edit parses only the pieces the edit touched: the others are taken from
// the cache and moved to where they now sit. The result is the same walk the parser gives for the whole text.
import { currentGeneration, ownCopy } from '../memo';
import type { FrontMatter, LinkInfo, ProseSegment, Span } from '../model';
import { calledLabels, endsOpen, footnoteStubs, MIN_CHUNK, normalizeLabel, planChunks, type ChunkPlan } from './chunks';
import { scanCitations, type RawMarker } from './citations';
import { closedFrontMatterEnd, nestsTooDeeply, parseMarkdown, plainParagraphTree, type MdNode } from './markdown';
import { frontMatterTree, plainTree } from './plain';
import { walkProse, type DraftBlock } from './prose';
import { splitSentences } from './sentences';

/** One piece, parsed, in the coordinates of the text given to the parser (stub definitions first). */
interface ParsedPiece {
  /** Where the piece itself starts in the parsed text (after the stub definitions). */
  readonly offset: number;
  readonly blocks: readonly DraftBlock[];
  /** Sentence bounds (see AssembledBlock) and citation markers of each block, in prose offsets (independent of position). */
  readonly sentences: readonly SentenceBounds[];
  readonly markers: readonly (readonly RawMarker[])[];
  readonly nonProse: readonly Span[];
  readonly comments: readonly { readonly span: Span; readonly body: string }[];
  readonly frontMatter: FrontMatter | undefined;
  /** The block-level tree (no inline nodes), for the reference list; `block` marks prose blocks. */
  readonly skeleton: SkeletonNode;
  readonly footnoteDefinitions: readonly SkeletonNode[];
  /** Normalized labels of the footnote definitions the piece really has (not in code or a comment). */
  readonly definedLabels: readonly string[];
  readonly open: boolean;
}

export interface SkeletonNode extends MdNode {
  readonly children?: readonly SkeletonNode[];
  /** Index of the prose block this node is (paragraph, heading, table cell), within its piece or the text. */
  readonly block?: number;
}

/**
 * Where a block's sentences start and end in its prose: [start₀, end₀, start₁, end₁, …]. One flat array per block
 * rather than a pair per sentence: the parse cache keeps these for every block of several drafts (a pair
 * costs ~64 bytes, two numbers in a flat array 16).
 */
export type SentenceBounds = readonly number[];

/** A block with everything the later passes need, in source offsets of the whole text. */
export interface AssembledBlock extends DraftBlock {
  readonly sentences: SentenceBounds;
  readonly markers: readonly RawMarker[];
}

export interface AssembledWalk {
  readonly blocks: readonly AssembledBlock[];
  readonly nonProse: readonly Span[];
  readonly comments: readonly { readonly span: Span; readonly body: string }[];
  readonly frontMatter: FrontMatter | undefined;
  /** Block-level nodes of the pieces overlapping `span` (and every footnote definition), in source offsets. */
  referenceNodes(span: Span | undefined): { root: SkeletonNode; footnoteDefinitions: readonly SkeletonNode[] };
}

/**
 * Cached pieces hold at most this much text (UTF-16 units): a 1 MB draft (~430,000 units) and the drafts beside
 * it, or one of 2 MB of Chinese, seven times a 50-page report. A draft longer than this gains nothing from the
 * cache (its own pieces push each other out), so the bound is far above any draft; each unit cached costs ~7
 * bytes (text, blocks, skeleton, markers).
 */
const CACHE_LIMIT = 750_000;
/**
 * By key; each entry keeps the key it was stored under (see cachedPiece), and the generation of use that last
 * read or stored it (memo.ts).
 */
const cache = new Map<string, { readonly key: string; readonly piece: ParsedPiece; used: number }>();
let cachedLength = 0;

/** Forgets every cached piece (benchmarks measure cold parses with it). */
export function resetParseCache(): void {
  cache.clear();
  cachedLength = 0;
}

/** Forgets the pieces no generation from `since` on has used. */
export function trimParseCache(since: number): void {
  for (const [key, entry] of cache) {
    if (entry.used >= since) continue;
    cache.delete(key);
    cachedLength -= key.length;
  }
}

function remember(key: string, piece: ParsedPiece): void {
  cache.set(key, { key, piece, used: currentGeneration() });
  cachedLength += key.length;
  for (const [oldKey] of cache) {
    if (cachedLength <= CACHE_LIMIT) break;
    cache.delete(oldKey);
    cachedLength -= oldKey.length;
  }
}

function skeletonOf(node: MdNode, blockOfNode: ReadonlyMap<MdNode, number>, footnotes: SkeletonNode[]): SkeletonNode {
  const block = blockOfNode.get(node);
  const { type, position, ordered, start, identifier, label, depth } = node;
  const copy: { -readonly [K in keyof SkeletonNode]: SkeletonNode[K] } = { type, ordered, start, identifier, label, depth };
  if (position) copy.position = { start: { offset: position.start.offset }, end: { offset: position.end.offset } };
  if (block !== undefined) copy.block = block;
  else if (node.children) copy.children = node.children.map((child) => skeletonOf(child, blockOfNode, footnotes));
  if (type === 'footnoteDefinition') footnotes.push(copy);
  return copy;
}

function sentencesOf(block: DraftBlock): SentenceBounds {
  const bounds: number[] = [];
  for (const [start, end] of splitSentences(block.text)) bounds.push(start, end);
  return bounds;
}

/** Citation markers of a block; a footnote definition's text is a reference, not a citing sentence. */
function markersOf(block: DraftBlock): readonly RawMarker[] {
  return block.inFootnote ? [] : scanCitations(block.text);
}

function parsePiece(source: string, offset: number, frontMatter: boolean, plain: boolean): ParsedPiece {
  let root = (plain ? (frontMatter ? frontMatterTree(source) : plainTree(source)) : undefined) ?? parseMarkdown(source, frontMatter);
  if (offset > 0) {
    // Drop the stub definitions: they only make the piece's footnote calls resolve.
    root = { ...root, children: (root.children ?? []).filter((child) => (child.position?.start.offset ?? 0) >= offset) };
  }
  const walk = walkProse(root, source);
  const footnoteDefinitions: SkeletonNode[] = [];
  return {
    offset,
    blocks: walk.blocks,
    sentences: walk.blocks.map(sentencesOf),
    markers: walk.blocks.map(markersOf),
    nonProse: walk.nonProse,
    comments: walk.comments,
    frontMatter: walk.frontMatter,
    skeleton: skeletonOf(root, walk.blockOfNode, footnoteDefinitions),
    footnoteDefinitions,
    definedLabels: footnoteDefinitions.map((definition) => normalizeLabel(definition.label ?? definition.identifier ?? '')),
    open: endsOpen(root, source),
  };
}

/** Precedes a piece that starts with U+FEFF, which the parser would drop and so shift every position. */
const BEFORE_BOM = '.\n\n';

/**
 * The piece's parse, from the cache or parsed now. `plain`: a piece of plain paragraphs and headings may be
 * read without the parser (plain.ts); off for the whole-text reference parse.
 */
function cachedPiece(piece: string, stubs: string, frontMatter: boolean, plain: boolean): ParsedPiece {
  const prefix = stubs === '' && piece.charCodeAt(0) === 0xfeff ? BEFORE_BOM : stubs;
  const tag = frontMatter ? '\u0001' : plain ? '\u0000' : '\u0002';
  const lookup = tag + prefix + piece;
  const hit = cache.get(lookup);
  if (hit) {
    // Most recently used last, so eviction drops the oldest. Stored again under its own key: `lookup` is a view
    // of this version of the document (ownCopy).
    cache.delete(hit.key);
    cache.set(hit.key, hit);
    hit.used = currentGeneration();
    return hit.piece;
  }
  // The piece's text, and every block and sentence text sliced from it, are views of its own copy, not of this
  // version of the draft: a draft edited all day would otherwise leave one version behind per edited piece (seen:
  // ~45 versions of a 1 MB draft, 37 MB, after 200 one-character edits).
  const key = ownCopy(lookup);
  const parsed = parsePiece(key.slice(1), prefix.length, frontMatter, plain);
  remember(key, parsed);
  return parsed;
}

const shiftSpan = (span: Span, delta: number): Span => ({ start: span.start + delta, end: span.end + delta });

// Objects below are written out field by field, not spread: a draft of 20,000 blocks copies as many of them,
// and spreading was a tenth of the parse's time there.
function shiftSegment(segment: ProseSegment, delta: number): ProseSegment {
  const { proseStart, length, exact } = segment;
  return { proseStart, sourceStart: segment.sourceStart + delta, length, exact, sourceEnd: segment.sourceEnd + delta };
}

function shiftLink(link: LinkInfo, delta: number): LinkInfo {
  return { span: shiftSpan(link.span, delta), url: link.url };
}

function shiftSkeleton(node: SkeletonNode, delta: number, blockBase: number, footnotes: SkeletonNode[] | undefined): SkeletonNode {
  const position = node.position;
  const copy: SkeletonNode = {
    ...node,
    ...(position
      ? { position: { start: { offset: (position.start.offset ?? 0) + delta }, end: { offset: (position.end.offset ?? 0) + delta } } }
      : {}),
    ...(node.block !== undefined ? { block: node.block + blockBase } : {}),
    ...(node.children ? { children: node.children.map((child) => shiftSkeleton(child, delta, blockBase, footnotes)) } : {}),
  };
  if (footnotes && node.type === 'footnoteDefinition') footnotes.push(copy);
  return copy;
}

interface Placed {
  readonly piece: ParsedPiece;
  readonly start: number;
  readonly end: number;
  /** Added to a piece offset to get a source offset. */
  readonly delta: number;
  readonly blockBase: number;
}

/**
 * How a text is cut: `whole` parses it in one parser call (the reference the pieces, and the plain pieces read
 * without the parser, are tested against); a smaller
 * `minPieceLength` cuts wherever a cut is allowed (tests reach every kind of cut with short texts).
 */
export interface PieceOptions {
  readonly whole?: boolean;
  readonly minPieceLength?: number;
}

/** Parses the pieces of `text` (from the cache where it can) and places them, one piece per step. */
interface Layout {
  /** Where the text after its front matter starts (0 without). */
  readonly bodyStart: number;
  /** Undefined: the text is parsed whole. */
  readonly plan: ChunkPlan | undefined;
}

function layoutOf(text: string, options: PieceOptions): Layout {
  const bodyStart = closedFrontMatterEnd(text);
  return { bodyStart, plan: options.whole ? undefined : planChunks(text, bodyStart, options.minPieceLength ?? MIN_CHUNK) };
}

function* piecesOf(text: string, { bodyStart, plan }: Layout, definedLabels?: ReadonlySet<string>): Generator<Placed> {
  const starts = plan?.starts ?? [0];
  const defined = definedLabels ?? new Set(plan?.footnoteLabels);
  // Each piece is parsed after definitions of the labels it calls, and only those.
  const stubsFor = (piece: string): string => (defined.size === 0 ? '' : footnoteStubs(calledLabels(piece, defined)));
  let blockBase = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const isFrontMatter = bodyStart > 0 && start === 0;
    let end = i + 1 < starts.length ? starts[i + 1]! : text.length;
    const source = text.slice(start, end);
    const withFrontMatter = isFrontMatter || (!plan && bodyStart > 0);
    let piece = cachedPiece(source, withFrontMatter || !plan ? '' : stubsFor(source), withFrontMatter, plan !== undefined);
    if (piece.open && end < text.length) {
      // A code fence or HTML block runs on past the cut: the rest of the text is one piece.
      end = text.length;
      const rest = text.slice(start, end);
      piece = cachedPiece(rest, stubsFor(rest), false, true);
      i = starts.length;
    }
    yield { piece, start, end, delta: start - piece.offset, blockBase };
    blockBase += piece.blocks.length;
  }
}

/**
 * The pieces, parsed with stubs for the labels that the text's definitions really define. The line scan that
 * proposes them cannot see that a "[^a]:" line sits in a code block or an unclosed comment; the parsed pieces
 * can, so when they disagree the pieces are parsed again with the labels they found (only pieces whose stubs
 * change are parsed again; the rest come from the cache).
 */
function placePieces(text: string, options: PieceOptions): Placed[] {
  const layout = layoutOf(text, options);
  const placed = [...piecesOf(text, layout)];
  if (!layout.plan) return placed;
  const found = new Set(placed.flatMap(({ piece }) => piece.definedLabels));
  const scanned = new Set(layout.plan.footnoteLabels);
  const same = found.size === scanned.size && [...found].every((label) => scanned.has(label));
  return same ? placed : [...piecesOf(text, layout, found)];
}

/**
 * How much text (UTF-16 units) is parsed between two turns of the event loop: about a millisecond of parsing on
 * a warm server. A turn is not free (~25 µs in process, more with I/O pending), and a draft the size of the
 * paper (55 KB) is parsed in one go; a 1 MB draft gives way about sixteen times.
 */
export const UNITS_PER_TURN = 64 * 1024;

/**
 * Parses the pieces of `text` into the cache, giving the event loop a turn after every UNITS_PER_TURN of text
 * and stopping as soon as `stop()` says the text is no longer wanted (a newer version arrived). The language
 * server calls it before a check, so that a long parse neither holds up other requests nor finishes for a
 * version nobody will see; the check that follows finds every piece cached. Resolves to false when it stopped
 * early.
 */
export async function parseInTurns(text: string, stop: () => boolean): Promise<boolean> {
  if (nestsTooDeeply(text)) return !stop();
  try {
    let sinceTurn = 0;
    for (const { start, end } of piecesOf(text, layoutOf(text, {}))) {
      sinceTurn += end - start;
      if (sinceTurn < UNITS_PER_TURN) continue;
      sinceTurn = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (stop()) return false;
    }
  } catch (error) {
    // The check itself reports what went wrong (recursion exhaustion falls back to plain paragraphs there).
    if (!(error instanceof RangeError)) throw error;
  }
  return !stop();
}

export function assembleWalk(text: string, options: PieceOptions = {}): AssembledWalk {
  if (nestsTooDeeply(text)) return plainWalk(text);
  let placed: Placed[];
  try {
    placed = placePieces(text, options);
  } catch (error) {
    // Only recursion exhaustion is expected here; anything else is a bug that must surface.
    if (!(error instanceof RangeError)) throw error;
    return plainWalk(text);
  }
  const blocks: AssembledBlock[] = [];
  const nonProse: Span[] = [];
  const comments: { span: Span; body: string }[] = [];
  let frontMatter: FrontMatter | undefined;
  for (const { piece, delta } of placed) {
    piece.blocks.forEach((block, index) => {
      const { depth, kind, text: blockText, inListItem, inBlockQuote, inTable, inFootnote } = block;
      blocks.push({
        depth,
        kind,
        text: blockText,
        inListItem,
        inBlockQuote,
        inTable,
        inFootnote,
        span: shiftSpan(block.span, delta),
        segments: delta === 0 ? block.segments : block.segments.map((segment) => shiftSegment(segment, delta)),
        links: delta === 0 ? block.links : block.links.map((link) => shiftLink(link, delta)),
        sentences: piece.sentences[index]!,
        markers: piece.markers[index]!,
      });
    });
    for (const span of piece.nonProse) nonProse.push(shiftSpan(span, delta));
    for (const comment of piece.comments) comments.push({ span: shiftSpan(comment.span, delta), body: comment.body });
    if (piece.frontMatter && !frontMatter) frontMatter = { span: shiftSpan(piece.frontMatter.span, delta), value: piece.frontMatter.value };
  }
  return {
    blocks,
    nonProse,
    comments,
    frontMatter,
    referenceNodes(span) {
      const children: SkeletonNode[] = [];
      const footnoteDefinitions: SkeletonNode[] = [];
      for (const { piece, start, end, delta, blockBase } of placed) {
        const overlaps = span !== undefined && start < span.end && end > span.start;
        if (overlaps) {
          for (const child of piece.skeleton.children ?? []) children.push(shiftSkeleton(child, delta, blockBase, footnoteDefinitions));
        } else {
          for (const definition of piece.footnoteDefinitions) footnoteDefinitions.push(shiftSkeleton(definition, delta, blockBase, undefined));
        }
      }
      footnoteDefinitions.sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0));
      return { root: { type: 'root', position: { start: { offset: 0 }, end: { offset: text.length } }, children }, footnoteDefinitions };
    },
  };
}

/** Plain paragraphs when the parser cannot cope (absurd nesting): the text still gets sentences and citations. */
function plainWalk(text: string): AssembledWalk {
  const root = plainParagraphTree(text);
  const walk = walkProse(root, text);
  const footnoteDefinitions: SkeletonNode[] = [];
  const skeleton = skeletonOf(root, walk.blockOfNode, footnoteDefinitions);
  return {
    blocks: walk.blocks.map((block) => ({
      ...block,
      sentences: sentencesOf(block),
      markers: markersOf(block),
    })),
    nonProse: walk.nonProse,
    comments: walk.comments,
    frontMatter: walk.frontMatter,
    referenceNodes: () => ({ root: skeleton, footnoteDefinitions }),
  };
}
