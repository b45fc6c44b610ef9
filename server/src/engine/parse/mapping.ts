// Prose ↔ source offset mapping. A block's prose text is stitched from text nodes; segments record where
// each stretch came from so any prose span can be reported at its exact place in the editor.
import type { ProseSegment, Span } from '../model';

/** The two ends of a span map differently into a coarse segment: starts to its start, ends to its end. */
type Side = 'start' | 'end';

function findSegment(segments: readonly ProseSegment[], offset: number, side: Side): ProseSegment | undefined {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const segment = segments[mid]!;
    const segmentEnd = segment.proseStart + segment.length;
    const inside =
      side === 'start'
        ? offset >= segment.proseStart && offset < segmentEnd
        : offset > segment.proseStart && offset <= segmentEnd;
    if (inside) return segment;
    if (side === 'start' ? offset < segment.proseStart : offset <= segment.proseStart) high = mid - 1;
    else low = mid + 1;
  }
  return undefined;
}

function mapOffset(segments: readonly ProseSegment[], offset: number, side: Side, fallback: number): number {
  const segment = findSegment(segments, offset, side) ?? findSegment(segments, offset, side === 'start' ? 'end' : 'start');
  if (!segment) {
    if (segments.length === 0) return fallback;
    const last = segments[segments.length - 1]!;
    return offset <= 0 ? segments[0]!.sourceStart : last.sourceEnd;
  }
  if (segment.exact) return segment.sourceStart + (offset - segment.proseStart);
  // Coarse segments map to their whole source span: an offset on the inner edge picks the nearer end.
  if (offset === segment.proseStart) return segment.sourceStart;
  if (offset === segment.proseStart + segment.length) return segment.sourceEnd;
  return side === 'start' ? segment.sourceStart : segment.sourceEnd;
}

/** Source span of prose[proseStart, proseEnd) in a block with the given segments. */
export function mapProseSpan(
  block: { readonly segments: readonly ProseSegment[]; readonly span: Span },
  proseStart: number,
  proseEnd: number,
): Span {
  const start = mapOffset(block.segments, proseStart, 'start', block.span.start);
  if (proseEnd <= proseStart) return { start, end: start };
  const end = mapOffset(block.segments, proseEnd, 'end', block.span.start);
  return { start, end: Math.max(start, end) };
}

/** Prose offset of a source offset inside a block, or undefined if the source offset is not prose. */
export function sourceToProse(block: { readonly segments: readonly ProseSegment[] }, offset: number): number | undefined {
  // Segments follow the source in order, so the last one starting at or before the offset is the candidate.
  const segments = block.segments;
  let low = 0;
  let high = segments.length - 1;
  let candidate = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (segments[mid]!.sourceStart <= offset) {
      candidate = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  const segment = candidate >= 0 ? segments[candidate] : undefined;
  if (!segment || offset >= segment.sourceEnd) return undefined;
  return segment.exact ? segment.proseStart + (offset - segment.sourceStart) : segment.proseStart;
}
