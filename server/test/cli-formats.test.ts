// The output formats are pure functions of the CLI's report; these tests pin their exact text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleMeta } from '../src/engine/finding';
import { escapeData, escapeProperty, formatGithub } from '../src/cli/format-github';
import { formatJson } from '../src/cli/format-json';
import { formatSarif, pathToUriReference } from '../src/cli/format-sarif';
import { formatText, summaryLine } from '../src/cli/format-text';
import { exitCodeFor, summarize, toFileReport, type FileReport } from '../src/cli/report';

const range = (line: number, character: number, endLine: number, endCharacter: number) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

const reports: FileReport[] = [
  {
    path: 'docs/草稿.md',
    diagnostics: [
      {
        rule: 'dangling-citation',
        severity: 'error',
        message: 'Citation "[3]" refers to [3], which is missing.',
        range: range(4, 10, 4, 13),
        related: [{ path: 'docs/草稿.md', range: range(8, 0, 8, 3), message: 'reference list' }],
      },
      { rule: 'uncited-reference', severity: 'warning', message: 'Reference [2] is not cited.', range: range(9, 0, 9, 3), related: [] },
      { rule: 'file-too-large', severity: 'information', message: 'Too large.', range: range(0, 0, 0, 0), related: [] },
    ],
  },
  { path: 'clean.md', diagnostics: [] },
  {
    path: 'z.md',
    diagnostics: [{ rule: 'uncited-reference', severity: 'hint', message: 'Line one\nline two, 100%: done', range: range(1, 2, 2, 1), related: [] }],
  },
];

const catalogue: RuleMeta[] = [
  { id: 'file-too-large', defaultSeverity: 'information', description: { en: 'Large files are skipped.', 'zh-CN': '大文件不检查。' }, fixable: false },
  { id: 'dangling-citation', defaultSeverity: 'error', description: { en: 'Citations need entries.', 'zh-CN': '引用需要条目。' }, fixable: true },
  { id: 'uncited-reference', defaultSeverity: 'warning', description: { en: 'Entries need citations.', 'zh-CN': '条目需要引用。' }, fixable: true },
];

describe('text format', () => {
  it('prints one 1-based line a finding, a blank line and the summary', () => {
    assert.equal(
      formatText(reports, { color: false }),
      [
        'docs/草稿.md:5:11  error  Citation "[3]" refers to [3], which is missing.  dangling-citation',
        'docs/草稿.md:10:1  warning  Reference [2] is not cited.  uncited-reference',
        'docs/草稿.md:1:1  information  Too large.  file-too-large',
        'z.md:2:3  hint  Line one line two, 100%: done  uncited-reference',
        '',
        '✖ 4 problems (1 error, 1 warning, 1 information, 1 hint) in 2 files',
        '',
      ].join('\n'),
    );
  });

  it('prints only the success summary when nothing is found', () => {
    assert.equal(formatText([{ path: 'a.md', diagnostics: [] }, { path: 'b.md', diagnostics: [] }], { color: false }), '✔ no problems in 2 files\n');
    assert.equal(formatText([{ path: 'a.md', diagnostics: [] }], { color: false }), '✔ no problems in 1 file\n');
  });

  it('counts in plural forms like the documented example', () => {
    assert.equal(
      summaryLine({ errors: 1, warnings: 3, information: 1, hints: 0 }, 2, 7),
      '✖ 5 problems (1 error, 3 warnings, 1 information, 0 hints) in 2 files',
    );
    assert.equal(summaryLine({ errors: 0, warnings: 1, information: 0, hints: 0 }, 1, 1), '✖ 1 problem (0 errors, 1 warning, 0 information, 0 hints) in 1 file');
  });

  it('uses ANSI colours only when asked', () => {
    assert.doesNotMatch(formatText(reports, { color: false }), /\u001b\[/);
    const coloured = formatText(reports, { color: true });
    assert.match(coloured, /\u001b\[31merror\u001b\[0m/);
    assert.equal(coloured.replace(/\u001b\[[0-9;]*m/g, ''), formatText(reports, { color: false }));
  });
});

describe('json format', () => {
  it('has exactly the documented shape and key order', () => {
    const text = formatJson(reports);
    assert.ok(text.endsWith('}\n'));
    assert.equal(
      text.trimEnd(),
      '{"version":1,"files":[' +
        '{"path":"docs/草稿.md","diagnostics":[' +
        '{"rule":"dangling-citation","severity":"error","message":"Citation \\"[3]\\" refers to [3], which is missing.",' +
        '"range":{"start":{"line":4,"character":10},"end":{"line":4,"character":13}},' +
        '"related":[{"path":"docs/草稿.md","range":{"start":{"line":8,"character":0},"end":{"line":8,"character":3}},"message":"reference list"}]},' +
        '{"rule":"uncited-reference","severity":"warning","message":"Reference [2] is not cited.",' +
        '"range":{"start":{"line":9,"character":0},"end":{"line":9,"character":3}},"related":[]},' +
        '{"rule":"file-too-large","severity":"information","message":"Too large.",' +
        '"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"related":[]}]},' +
        '{"path":"clean.md","diagnostics":[]},' +
        '{"path":"z.md","diagnostics":[{"rule":"uncited-reference","severity":"hint","message":"Line one\\nline two, 100%: done",' +
        '"range":{"start":{"line":1,"character":2},"end":{"line":2,"character":1}},"related":[]}]}],' +
        '"summary":{"errors":1,"warnings":1,"information":1,"hints":1}}',
    );
  });

  it('lists no files and zero counts for an empty run', () => {
    assert.equal(formatJson([]), '{"version":1,"files":[],"summary":{"errors":0,"warnings":0,"information":0,"hints":0}}\n');
  });
});

describe('github format', () => {
  it('prints one workflow command a finding with 1-based positions', () => {
    assert.deepEqual(formatGithub(reports).split('\n'), [
      '::error file=docs/草稿.md,line=5,col=11,endLine=5,endColumn=14,title=dangling-citation::Citation "[3]" refers to [3], which is missing.',
      '::warning file=docs/草稿.md,line=10,col=1,endLine=10,endColumn=4,title=uncited-reference::Reference [2] is not cited.',
      '::notice file=docs/草稿.md,line=1,col=1,endLine=1,endColumn=1,title=file-too-large::Too large.',
      '::notice file=z.md,line=2,col=3,endLine=3,endColumn=2,title=uncited-reference::Line one%0Aline two, 100%25: done',
      '',
    ]);
  });

  it('escapes data and properties the way GitHub unescapes them', () => {
    assert.equal(escapeData('50% a\r\nb, c: d'), '50%25 a%0D%0Ab, c: d');
    assert.equal(escapeProperty('dir,x/a:b%.md'), 'dir%2Cx/a%3Ab%25.md');
    const [line] = formatGithub([{ path: 'a,b:c.md', diagnostics: [reports[0]!.diagnostics[1]!] }]).split('\n');
    assert.equal(line, '::warning file=a%2Cb%3Ac.md,line=10,col=1,endLine=10,endColumn=4,title=uncited-reference::Reference [2] is not cited.');
  });

  it('prints nothing when there is nothing to annotate', () => {
    assert.equal(formatGithub([{ path: 'a.md', diagnostics: [] }]), '');
  });
});

describe('sarif format', () => {
  const sarif = JSON.parse(
    formatSarif(reports, { toolVersion: '9.8.7', rules: catalogue, locale: 'en', docPath: (id) => `docs/rules/${id}.md` }),
  );

  it('declares SARIF 2.1.0 and the tool with its rule catalogue', () => {
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(sarif.runs.length, 1);
    const driver = sarif.runs[0].tool.driver;
    assert.equal(driver.name, 'policylint');
    assert.equal(driver.version, '9.8.7');
    assert.equal(driver.informationUri, 'https://github.com/policylint/policylint');
    assert.deepEqual(driver.rules[1], {
      id: 'dangling-citation',
      name: 'DanglingCitation',
      shortDescription: { text: 'Citations need entries.' },
      fullDescription: { text: 'Citations need entries.' },
      helpUri: 'https://github.com/policylint/policylint/blob/main/docs/rules/dangling-citation.md',
      defaultConfiguration: { level: 'error' },
    });
    assert.deepEqual(
      driver.rules.map((rule: { defaultConfiguration: { level: string } }) => rule.defaultConfiguration.level),
      ['note', 'error', 'warning'],
    );
  });

  it('gives each result its rule index, level, message and a 1-based region', () => {
    const results = sarif.runs[0].results;
    assert.equal(results.length, 4);
    assert.deepEqual(results[0], {
      ruleId: 'dangling-citation',
      ruleIndex: 1,
      level: 'error',
      message: { text: 'Citation "[3]" refers to [3], which is missing.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'docs/%E8%8D%89%E7%A8%BF.md' },
            region: { startLine: 5, startColumn: 11, endLine: 5, endColumn: 14 },
          },
        },
      ],
      relatedLocations: [
        {
          id: 0,
          physicalLocation: {
            artifactLocation: { uri: 'docs/%E8%8D%89%E7%A8%BF.md' },
            region: { startLine: 9, startColumn: 1, endLine: 9, endColumn: 4 },
          },
          message: { text: 'reference list' },
        },
      ],
    });
    assert.deepEqual(
      results.map((result: { level: string; ruleIndex: number }) => [result.level, result.ruleIndex]),
      [['error', 1], ['warning', 2], ['note', 0], ['note', 2]],
    );
    assert.equal(results[1].relatedLocations, undefined);
  });

  it('describes rules in the chosen locale', () => {
    const zh = JSON.parse(formatSarif([], { toolVersion: '1', rules: catalogue, locale: 'zh-CN', docPath: (id) => `docs/rules/${id}.md` }));
    assert.equal(zh.runs[0].tool.driver.rules[1].shortDescription.text, '引用需要条目。');
    assert.deepEqual(zh.runs[0].results, []);
  });

  it('adds a descriptor for a rule missing from the catalogue so ruleIndex stays valid', () => {
    const log = JSON.parse(
      formatSarif([{ path: 'a.md', diagnostics: [{ ...reports[0]!.diagnostics[0]!, rule: 'mystery', related: [] }] }], {
        toolVersion: '1',
        rules: catalogue,
        locale: 'en',
        docPath: (id) => `docs/rules/${id}.md`,
      }),
    );
    assert.equal(log.runs[0].results[0].ruleIndex, 3);
    assert.equal(log.runs[0].tool.driver.rules[3].id, 'mystery');
  });

  it('encodes each path segment as a URI reference', () => {
    assert.equal(pathToUriReference('../a b/c#1.md'), '../a%20b/c%231.md');
  });
});

describe('report', () => {
  it('converts spans to 0-based UTF-16 ranges, the same for CRLF as for LF', () => {
    const finding = (start: number, end: number) => ({ rule: 'r', severity: 'error' as const, message: 'm', span: { start, end }, related: [] });
    const lf = 'a\n𠮷 [3]\n';
    const crlf = 'a\r\n𠮷 [3]\r\n';
    const lfReport = toFileReport('x.md', lf, [finding(lf.indexOf('['), lf.indexOf(']') + 1)]);
    const crlfReport = toFileReport('x.md', crlf, [finding(crlf.indexOf('['), crlf.indexOf(']') + 1)]);
    assert.deepEqual(lfReport.diagnostics[0]!.range, range(1, 3, 1, 6));
    assert.deepEqual(crlfReport, lfReport);
  });

  it('keeps related places in the same file and drops those in other documents', () => {
    const report = toFileReport('x.md', 'ab\ncd', [
      {
        rule: 'r',
        severity: 'warning',
        message: 'm',
        span: { start: 0, end: 1 },
        related: [
          { span: { start: 3, end: 5 }, message: 'here' },
          { span: { start: 0, end: 1 }, message: 'elsewhere', uri: 'file:///other.md' },
        ],
      },
    ]);
    assert.deepEqual(report.diagnostics[0]!.related, [{ path: 'x.md', range: range(1, 0, 1, 2), message: 'here' }]);
  });

  it('decides the exit code from errors and the warning budget', () => {
    const summary = summarize(reports);
    assert.deepEqual(summary, { errors: 1, warnings: 1, information: 1, hints: 1 });
    assert.equal(exitCodeFor(summary, undefined), 1);
    const warningsOnly = { errors: 0, warnings: 2, information: 5, hints: 5 };
    assert.equal(exitCodeFor(warningsOnly, undefined), 0);
    assert.equal(exitCodeFor(warningsOnly, 2), 0);
    assert.equal(exitCodeFor(warningsOnly, 1), 1);
    assert.equal(exitCodeFor({ errors: 0, warnings: 0, information: 3, hints: 1 }, 0), 0);
  });
});
