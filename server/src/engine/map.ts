// The framework map of a draft: tiers, challenges, countermeasures and the links between them, as data
// (JSON), as a Mermaid flowchart, and as a self-contained HTML page with an SVG picture. The CLI writes it
// (`policylint map`) and the VS Code client shows the HTML in a webview.
import type { Locale } from './i18n';
import type { DocumentModel } from './model';
import { analyzeStructure, type MatchEvidence, type StructureOptions } from './structure';

export interface MapUnit {
  readonly id: string;
  readonly label: string;
  readonly title: string;
  readonly tier: string | undefined;
  readonly line: number;
}

export interface FrameworkMap {
  readonly version: 1;
  readonly framework: { readonly id: string; readonly title: string };
  readonly tiers: readonly { readonly id: string; readonly name: string; readonly answeredBy: string }[];
  readonly challenges: readonly (MapUnit & { readonly answered: boolean })[];
  readonly countermeasures: readonly (MapUnit & { readonly answers: boolean })[];
  readonly links: readonly { readonly challenge: string; readonly countermeasure: string; readonly evidence: MatchEvidence; readonly similarity: number }[];
}

function lineOf(model: DocumentModel, offset: number): number {
  let low = 0;
  let high = model.lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (model.lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

export function frameworkMap(model: DocumentModel, locale: Locale, options: StructureOptions = {}): FrameworkMap {
  const analysis = analyzeStructure(model, options);
  const { framework } = analysis;
  const answered = new Set(analysis.pairs.map((p) => p.challenge));
  const answering = new Set(analysis.pairs.map((p) => p.countermeasure));
  const unitLabel = (unit: { number: string | undefined; title: string }): string => (unit.number ? `${unit.number} ${unit.title}` : unit.title);
  return {
    version: 1,
    framework: { id: framework.id, title: framework.title[locale] },
    tiers: framework.tiers.map((tier) => ({
      id: tier.id,
      name: tier.name[locale],
      answeredBy: framework.countermeasures.find((d) => d.answers === tier.id)?.name[locale] ?? '',
    })),
    challenges: analysis.challenges.map((unit, c) => ({
      id: `c${c + 1}`,
      label: unitLabel(unit),
      title: unit.title,
      tier: analysis.challengeTiers[c],
      line: lineOf(model, unit.anchor.start),
      answered: answered.has(c),
    })),
    countermeasures: analysis.countermeasures.map((unit, m) => {
      const dimension = framework.countermeasures.find((d) => d.id === analysis.countermeasureDimensions[m]);
      return {
        id: `m${m + 1}`,
        label: unitLabel(unit),
        title: unit.title,
        tier: dimension?.answers,
        line: lineOf(model, unit.anchor.start),
        answers: answering.has(m),
      };
    }),
    links: analysis.pairs.map((pair) => ({
      challenge: `c${pair.challenge + 1}`,
      countermeasure: `m${pair.countermeasure + 1}`,
      evidence: pair.evidence,
      similarity: Math.round(pair.similarity * 1000) / 1000,
    })),
  };
}

function mermaidText(text: string): string {
  return text.replace(/["\n\r]/g, ' ').replace(/[<>]/g, '').slice(0, 60);
}

export function renderMermaid(map: FrameworkMap, locale: Locale): string {
  const lines = ['flowchart LR'];
  const challengeTitle = locale === 'zh-CN' ? '挑战' : 'Challenges';
  const countermeasureTitle = locale === 'zh-CN' ? '对策' : 'Countermeasures';
  lines.push(`  subgraph C["${challengeTitle}"]`);
  for (const c of map.challenges) lines.push(`    ${c.id}["${mermaidText(c.label)}"]`);
  lines.push('  end');
  lines.push(`  subgraph M["${countermeasureTitle}"]`);
  for (const m of map.countermeasures) lines.push(`    ${m.id}["${mermaidText(m.label)}"]`);
  lines.push('  end');
  for (const link of map.links) {
    const arrow = link.evidence === 'similarity' ? '-.->' : '-->';
    lines.push(`  ${link.challenge} ${arrow}|${link.evidence}| ${link.countermeasure}`);
  }
  lines.push('  classDef unanswered fill:#fde2e1,stroke:#c0392b,color:#7b241c');
  lines.push('  classDef orphan fill:#eeeeee,stroke:#888888,color:#555555,stroke-dasharray: 4 3');
  const unanswered = map.challenges.filter((c) => !c.answered).map((c) => c.id);
  const orphans = map.countermeasures.filter((m) => !m.answers).map((m) => m.id);
  if (unanswered.length) lines.push(`  class ${unanswered.join(',')} unanswered`);
  if (orphans.length) lines.push(`  class ${orphans.join(',')} orphan`);
  return `${lines.join('\n')}\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const EVIDENCE_NAMES: Record<MatchEvidence, { readonly en: string; readonly 'zh-CN': string }> = {
  explicit: { en: 'explicit reference', 'zh-CN': '明确指向' },
  tier: { en: 'same tier', 'zh-CN': '同一层级' },
  similarity: { en: 'similar content', 'zh-CN': '内容相近' },
};

const TIER_COLOURS = ['#2e86c1', '#d68910', '#8e44ad', '#16a085', '#c0392b', '#7f8c8d'];

function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const ch of text) {
    current += ch;
    if (current.length >= max) {
      lines.push(current);
      current = '';
    }
  }
  if (current) lines.push(current);
  return lines.slice(0, 3);
}

/** A self-contained HTML page (no scripts, no external resources) with the map drawn as SVG. */
export function renderHtml(map: FrameworkMap, locale: Locale, documentName: string): string {
  const zh = locale === 'zh-CN';
  const boxWidth = 300;
  const boxHeight = 64;
  const gap = 22;
  const left = 40;
  const right = left + boxWidth + 220;
  const top = 90;
  const rows = Math.max(map.challenges.length, map.countermeasures.length, 1);
  const height = top + rows * (boxHeight + gap) + 60;
  const width = right + boxWidth + 40;
  const colourOf = (tier: string | undefined): string => {
    const index = map.tiers.findIndex((t) => t.id === tier);
    return index < 0 ? '#95a5a6' : TIER_COLOURS[index % TIER_COLOURS.length]!;
  };
  const y = (index: number): number => top + index * (boxHeight + gap);
  const box = (x: number, row: number, unit: MapUnit, ok: boolean, note: string): string => {
    const colour = colourOf(unit.tier);
    const lines = wrap(unit.label, 19)
      .map((line, i) => `<text x="${x + 14}" y="${y(row) + 22 + i * 17}" class="label">${escapeHtml(line)}</text>`)
      .join('');
    return (
      `<g><title>${escapeHtml(`${unit.label} (line ${unit.line + 1})`)}</title>` +
      `<rect x="${x}" y="${y(row)}" width="${boxWidth}" height="${boxHeight}" rx="10" class="${ok ? 'box' : 'box missing'}" style="stroke:${ok ? colour : '#c0392b'}"/>` +
      `<rect x="${x}" y="${y(row)}" width="6" height="${boxHeight}" rx="3" style="fill:${colour}"/>` +
      lines +
      (ok ? '' : `<text x="${x + boxWidth - 10}" y="${y(row) + boxHeight - 8}" class="note">${escapeHtml(note)}</text>`) +
      '</g>'
    );
  };
  const challengeRow = new Map(map.challenges.map((c, i) => [c.id, i]));
  const countermeasureRow = new Map(map.countermeasures.map((m, i) => [m.id, i]));
  const links = map.links
    .map((link) => {
      const from = y(challengeRow.get(link.challenge)!) + boxHeight / 2;
      const to = y(countermeasureRow.get(link.countermeasure)!) + boxHeight / 2;
      const x1 = left + boxWidth;
      const x2 = right;
      const dash = link.evidence === 'similarity' ? ' stroke-dasharray="6 5"' : '';
      const mid = (x1 + x2) / 2;
      return (
        `<path d="M${x1},${from} C${mid},${from} ${mid},${to} ${x2},${to}" class="link"${dash}/>` +
        `<text x="${mid}" y="${(from + to) / 2 - 6}" class="evidence">${escapeHtml(EVIDENCE_NAMES[link.evidence][locale])} · ${link.similarity.toFixed(2)}</text>`
      );
    })
    .join('');
  const legend = map.tiers
    .map((tier, i) => `<span class="chip" style="border-color:${TIER_COLOURS[i % TIER_COLOURS.length]}">${escapeHtml(tier.name)} ↔ ${escapeHtml(tier.answeredBy)}</span>`)
    .join(' ');
  const unanswered = map.challenges.filter((c) => !c.answered).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = zh
    ? `${map.challenges.length} 项挑战，${map.countermeasures.length} 项对策，${unanswered} 项挑战未获回应`
    : `${plural(map.challenges.length, 'challenge')}, ${plural(map.countermeasures.length, 'countermeasure')}, ${unanswered} unanswered`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(summary)}">` +
    `<text x="${left}" y="${top - 30}" class="column">${zh ? '挑战' : 'Challenges'}</text>` +
    `<text x="${right}" y="${top - 30}" class="column">${zh ? '对策' : 'Countermeasures'}</text>` +
    links +
    map.challenges.map((c, i) => box(left, i, c, c.answered, zh ? '未回应' : 'unanswered')).join('') +
    map.countermeasures.map((m, i) => box(right, i, m, m.answers, zh ? '无对应挑战' : 'answers nothing')).join('') +
    '</svg>';
  return `<!DOCTYPE html>
<html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<title>${escapeHtml(`${zh ? '框架图' : 'Framework map'} — ${documentName}`)}</title>
<style>
body{font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#1c2833;background:#fbfcfc}
h1{font-size:20px;margin:0 0 4px} p{margin:4px 0 12px;color:#566573}
.chip{display:inline-block;border:2px solid;border-radius:12px;padding:2px 10px;margin:2px;font-size:13px;background:#fff}
.box{fill:#ffffff;stroke-width:2} .box.missing{fill:#fdedec;stroke-dasharray:5 4}
.label{font-size:14px;fill:#1c2833} .note{font-size:12px;fill:#c0392b;text-anchor:end}
.column{font-size:16px;font-weight:600;fill:#34495e} .link{fill:none;stroke:#5d6d7e;stroke-width:2}
.evidence{font-size:11px;fill:#7f8c8d;text-anchor:middle}
@media (prefers-color-scheme: dark){body{background:#1e1e1e;color:#ddd}.box{fill:#2b2b2b}.box.missing{fill:#4a2323}.label{fill:#eee}.column{fill:#ddd}p{color:#aaa}.chip{background:#2b2b2b}}
</style></head>
<body><h1>${escapeHtml(`${zh ? '框架图' : 'Framework map'}: ${documentName}`)}</h1>
<p>${escapeHtml(summary)}</p>
<p>${escapeHtml(`${zh ? '分析框架' : 'Framework'}: ${map.framework.title}`)}</p>
<div>${legend}</div>
${svg}
</body></html>
`;
}
