// Precision and recall of inconsistent-statistic and conflicting-statistic over the consistency fixtures
// (test/fixtures/consistency/*.md, each planted contradiction marked `<!-- expect: rule "text" -->` on its
// line) and the real paper (test/fixtures/paper.md), whose findings were checked by hand and are listed
// below. Usage: npm run evaluate:consistency
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultOptions, lintText } from '../server/src/engine';

const ROOT = join(__dirname, '..');
const RULES = ['inconsistent-statistic', 'conflicting-statistic'];

interface Expected {
  readonly line: number;
  readonly rule: string;
  readonly text: string;
}

/**
 * The paper's true inconsistencies, verified by hand: 2022 Korea's share of semiconductor exports going to
 * China is "约55%" on line 26 and "34%以上" (a little above 34%) on line 78.
 */
const PAPER: readonly Expected[] = [{ line: 77, rule: 'conflicting-statistic', text: '34%以上' }];

function expectationsIn(text: string): Expected[] {
  const found: Expected[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, index) => {
    for (const match of line.matchAll(/<!--\s*expect:\s*([a-z-]+)\s+"([^"]*)"\s*-->/g)) {
      found.push({ line: index, rule: match[1]!, text: match[2]! });
    }
  });
  return found;
}

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split(/\r\n|\n|\r/).length - 1;

interface Score {
  truePositives: number;
  falsePositives: number;
  missed: number;
}

function score(name: string, text: string, expected: readonly Expected[], total: Score): void {
  const found = lintText(text, defaultOptions).findings.filter((f) => RULES.includes(f.rule));
  const open = [...expected];
  for (const finding of found) {
    const spanText = text.slice(finding.span.start, finding.span.end);
    const line = lineOf(text, finding.span.start);
    const index = open.findIndex((e) => e.rule === finding.rule && e.line === line && e.text === spanText);
    if (index >= 0) {
      open.splice(index, 1);
      total.truePositives++;
    } else {
      total.falsePositives++;
      console.log(`  false positive  ${name}:${line + 1} ${finding.rule} "${spanText}"`);
    }
  }
  for (const miss of open) console.log(`  missed          ${name}:${miss.line + 1} ${miss.rule} "${miss.text}"`);
  total.missed += open.length;
}

function main(): void {
  const dir = join(ROOT, 'test', 'fixtures', 'consistency');
  const planted: Score = { truePositives: 0, falsePositives: 0, missed: 0 };
  const files = readdirSync(dir).filter((name) => name.endsWith('.md')).sort();
  for (const name of files) {
    const text = readFileSync(join(dir, name), 'utf8');
    score(name, text, expectationsIn(text), planted);
  }
  const paper: Score = { truePositives: 0, falsePositives: 0, missed: 0 };
  score('paper.md', readFileSync(join(ROOT, 'test', 'fixtures', 'paper.md'), 'utf8'), PAPER, paper);

  const percent = (part: number, whole: number): string => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);
  const flagged = (s: Score): number => s.truePositives + s.falsePositives;
  const all: Score = {
    truePositives: planted.truePositives + paper.truePositives,
    falsePositives: planted.falsePositives + paper.falsePositives,
    missed: planted.missed + paper.missed,
  };
  console.log(`fixtures (${files.join(', ')}): ${flagged(planted)} flagged, ${planted.truePositives} true, ${planted.falsePositives} false; ` +
    `precision ${percent(planted.truePositives, flagged(planted))}, recall on planted ${percent(planted.truePositives, planted.truePositives + planted.missed)}`);
  console.log(`paper.md: ${flagged(paper)} flagged, ${paper.truePositives} true, ${paper.falsePositives} false; precision ${percent(paper.truePositives, flagged(paper))}`);
  console.log(`overall precision ${percent(all.truePositives, flagged(all))} (${all.truePositives}/${flagged(all)})`);
}

main();
