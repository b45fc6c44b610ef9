// Joining neighbouring mentions: ranges ("13.9%–31.7%", "2–3 个", "5-10 million", "2018年至2020年") and
// dates written in parts ("2023年" + "9月" + "7日").

import type { Draft } from './draft';
import { isInlineSpace, oneOf } from './text';

const RANGE_CONNECTORS = new Set(['-', '–', '—', '−', '－', '~', '～', '〜', '至', '到', 'to']);

/** Joins "13.9%–31.7%", "2–3 个", "2018年至2020年" into ranges and "2023年" + "9月" + "7日" into dates. */
export function joinRangesAndDates(text: string, drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && (joinRange(text, prev, d) || joinDate(text, prev, d))) continue;
    out.push(d);
  }
  return out;
}

function connectorBetween(text: string, a: Draft, b: Draft): string | undefined {
  if (b.start - a.end > 4) return undefined;
  let s = a.end;
  let e = b.start;
  if (isInlineSpace(text, s)) s++;
  if (e > s && isInlineSpace(text, e - 1)) e--;
  const gap = text.slice(s, e);
  return RANGE_CONNECTORS.has(gap.toLowerCase()) ? gap.toLowerCase() : undefined;
}

const RANGE_REASONS = new Set<Draft['reason']>([undefined, 'small-count', 'idiom', 'scale-definition', 'time-span']);

function joinRange(text: string, a: Draft, b: Draft): boolean {
  if (a.rangeEnd !== undefined || a.ordinalMarker || b.ordinalMarker || b.qualifier !== undefined) return false;
  const connector = connectorBetween(text, a, b);
  if (connector === undefined) return false;
  if ((a.reason === 'year' && b.reason === 'year') || (a.reason === 'date' && b.reason === 'date')) {
    a.end = b.end;
    a.rangeEnd = b;
    return true;
  }
  if (!RANGE_REASONS.has(a.reason) || !RANGE_REASONS.has(b.reason)) return false;
  if (connector === '至' || connector === '到' || connector === 'to') {
    // 从5%到10%, from 5 to 10: a change between two values, not a range.
    const before = text.slice(Math.max(0, a.start - 6), a.start).trimEnd().toLowerCase();
    if (/(从|由|自|from)$/.test(before)) return false;
  }
  const bare = a.unit === undefined && a.currency === undefined && (a.kind === 'plain' || a.kind === 'count');
  if (!bare && (a.unit !== b.unit || a.kind !== b.kind)) return false;
  if (a.currency !== undefined && b.currency !== undefined && a.currency !== b.currency) return false;
  if (bare) {
    a.kind = b.kind;
    if (b.unit !== undefined) a.unit = b.unit;
    if (a.scale === undefined && b.scale !== undefined) a.scale = b.scale;
  }
  if (a.currency === undefined && b.currency !== undefined) a.currency = b.currency;
  a.end = b.end;
  a.rangeEnd = b;
  if (a.reason !== 'scale-definition') {
    if (b.reason === 'time-span') a.reason = 'time-span';
    else a.reason = undefined;
  }
  return true;
}

function joinDate(text: string, a: Draft, b: Draft): boolean {
  if ((a.reason !== 'year' && a.reason !== 'date') || b.reason !== 'date' || a.rangeEnd !== undefined) return false;
  if (b.start !== a.end || !oneOf('年月', text.charAt(a.end - 1))) return false;
  a.end = b.end;
  a.kind = 'date';
  a.reason = 'date';
  return true;
}
