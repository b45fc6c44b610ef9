import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultOptions, lintText } from '../src/engine';

function rulesFound(text: string): string[] {
  return lintText(text, defaultOptions).findings.map((f) => `${f.rule}@${text.slice(0, f.span.start).split('\n').length}`);
}

const stat = (n: number) => `出口额增加${n}%。`;

test('without directives every statistic is reported', () => {
  assert.deepEqual(rulesFound([stat(1), stat(2), stat(3)].join('\n\n')), ['unsourced-statistic@1', 'unsourced-statistic@3', 'unsourced-statistic@5']);
});

test('disable-next-line silences the next line only, for the named rule', () => {
  const text = ['<!-- policylint-disable-next-line unsourced-statistic -->', stat(1), '', stat(2)].join('\n');
  assert.deepEqual(rulesFound(text), ['unsourced-statistic@4']);
  const other = ['<!-- policylint-disable-next-line uncited-claim -->', stat(1)].join('\n');
  assert.deepEqual(rulesFound(other), ['unsourced-statistic@2']);
});

test('disable-line silences the line it is on', () => {
  const text = [`${stat(1)} <!-- policylint-disable-line -->`, '', stat(2)].join('\n');
  assert.deepEqual(rulesFound(text), ['unsourced-statistic@3']);
});

test('disable … enable silences the lines between them; disable without enable runs to the end', () => {
  const text = [stat(1), '', '<!-- policylint-disable unsourced-statistic -->', '', stat(2), '', '<!-- policylint-enable -->', '', stat(3), '', '<!-- policylint-disable -->', '', stat(4)].join('\n');
  assert.deepEqual(rulesFound(text), ['unsourced-statistic@1', 'unsourced-statistic@9']);
});

test('disable-file silences the named rules everywhere', () => {
  const text = ['<!-- policylint-disable-file unsourced-statistic -->', '', stat(1), '', '有人认为合作已到顶峰。'].join('\n');
  assert.deepEqual(rulesFound(text), ['uncited-claim@5']);
  assert.deepEqual(rulesFound(['<!-- policylint-disable-file -->', stat(1)].join('\n')), []);
});

test('an unknown rule or directive is itself a finding and silences nothing', () => {
  const text = ['<!-- policylint-disable-next-line unsourced-statistics -->', stat(1), '', '<!-- policylint-disabel -->'].join('\n');
  const found = lintText(text, defaultOptions).findings;
  assert.deepEqual(found.map((f) => [f.rule, text.slice(f.span.start, f.span.end)]), [
    ['invalid-directive', 'unsourced-statistics'],
    ['unsourced-statistic', '1%'],
    ['invalid-directive', 'disabel'],
  ]);
  assert.match(found[0]!.message, /Unknown rule "unsourced-statistics"/);
});

test('a directive inside a code block is an example, not a directive', () => {
  const text = ['```markdown', '<!-- policylint-disable-file -->', '```', '', stat(1)].join('\n');
  assert.deepEqual(rulesFound(text), ['unsourced-statistic@5']);
});

test('CRLF line endings give the same suppression', () => {
  const text = ['<!-- policylint-disable-next-line unsourced-statistic -->', stat(1), '', stat(2)].join('\r\n');
  assert.deepEqual(rulesFound(text), ['unsourced-statistic@4']);
});
