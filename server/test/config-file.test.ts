// The configuration model shared by the CLI and the language server: the new keys, their errors with positions
// and in both languages, the one mapping into EngineOptions (with its precedence), `ignore`, edits that keep
// comments, and the CLI's localised messages.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseConfig, type PolicylintConfig } from '../src/cli/config';
import { runCli } from '../src/cli/run';
import { summaryLine } from '../src/cli/format-text';
import { applyConfigEdit } from '../src/config/edit';
import { isIgnored } from '../src/config/ignore';
import { engineOptionsFor } from '../src/config/options';
import { lintText } from '../src/engine';
import { paperFramework } from '../src/engine/framework';
import { findTermAt } from '../src/engine/glossary';
import { defaultSettings, toEngineOptions } from '../src/lsp/settings';

function configOf(text: string, path = '.policylint.yaml'): PolicylintConfig {
  const result = parseConfig(text, path);
  assert.ok('config' in result, JSON.stringify(result));
  return result.config;
}

describe('parseConfig: the new keys', () => {
  it('reads exemptSections, citationScope, ignore and documents', () => {
    const config = configOf('exemptSections: [摘要, 致谢]\ncitationScope: paragraph\nignore: [archive/**]\ndocuments:\n  - name: 报告\n    files: [ch*.md]\n');
    assert.deepEqual(config.exemptSections, ['摘要', '致谢']);
    assert.equal(config.citationScope, 'paragraph');
    assert.deepEqual(config.ignore, ['archive/**']);
    assert.deepEqual(config.documents, [{ name: '报告', files: ['ch*.md'] }]);
  });

  it('merges glossary entries over the bundled glossary', () => {
    const config = configOf('glossary:\n  - term: { zh-CN: 型式认证, en: type approval }\n    definition: { zh-CN: 认证程序。, en: A procedure. }\n');
    const text = '车辆需要型式认证。';
    const match = findTermAt(text, text.indexOf('型式') + 1, config.glossary);
    assert.equal(match?.entry.definition.en, 'A procedure.');
    assert.ok(config.glossary!.entries.length > 1, 'the bundled entries stay');
  });

  it('extends or replaces the framework', () => {
    const tier = '{ id: energy, name: { en: Energy, zh-CN: 能源 }, meaning: { en: m, zh-CN: 义 }, cues: [能源], section: "4.4" }';
    const answer = '{ id: energy-policy, name: { en: Energy policy, zh-CN: 能源政策 }, meaning: { en: m, zh-CN: 义 }, cues: [能源政策], answers: energy, section: "5.4" }';
    const extended = configOf(`framework:\n  mode: extend\n  tiers: [${tier}]\n  countermeasures: [${answer}]\n`);
    assert.equal(extended.framework!.tiers.length, paperFramework.tiers.length + 1);
    const replaced = configOf(`framework:\n  mode: replace\n  id: energy\n  title: Energy\n  tiers: [${tier}]\n  countermeasures: [${answer}]\n`);
    assert.deepEqual(replaced.framework!.tiers.map((t) => t.id), ['energy']);
  });

  it('reports framework and glossary problems at the offending node', () => {
    assert.deepEqual(parseConfig('framework:\n  mode: extend\n  tiers:\n    - id: Bad\n', 'a.yaml'), {
      errors: [
        { line: 4, column: 11, message: 'tiers[0].id must be an id of lower-case letters, digits and hyphens such as "policy-support"; found "Bad".' },
        { line: 4, column: 7, message: 'tiers[0].name is required.' },
        { line: 4, column: 7, message: 'tiers[0].meaning is required.' },
        { line: 4, column: 7, message: 'tiers[0].cues is required.' },
        { line: 4, column: 7, message: 'tiers[0].section is required.' },
      ],
    });
    assert.deepEqual(parseConfig('framework: { mode: merge }', 'a.yaml'), {
      errors: [{ line: 1, column: 20, message: "'framework.mode' must be replace or extend" }],
    });
    assert.deepEqual(parseConfig('glossary:\n  - term: 型式认证\n', 'a.yaml'), {
      errors: [{ line: 2, column: 5, message: 'glossary[0].definition needs text: a string, or an object with "en" and "zh-CN".' }],
    });
  });

  it('rejects wrong types and paths that leave the folder, in the requested language', () => {
    const text = 'exemptSections: 摘要\ncitationScope: word\nignore: [../x/**]\ndocuments: [{ name: a }]\n';
    assert.deepEqual(parseConfig(text, 'a.yaml', 'zh-CN'), {
      errors: [
        { line: 1, column: 17, message: '“exemptSections” 必须是由非空字符串组成的列表' },
        { line: 2, column: 16, message: '“citationScope” 必须是 sentence, clause, paragraph 之一' },
        { line: 3, column: 9, message: '“ignore” 不能指向工作区之外：不允许绝对路径，也不允许 “..”' },
        { line: 4, column: 13, message: '“documents” 必须是映射的列表，每项含 “files”（glob 列表），可选 “name”' },
      ],
    });
    assert.deepEqual(parseConfig('ignore: [/etc/**]', 'a.yaml'), {
      errors: [{ line: 1, column: 9, message: "'ignore' must stay inside the workspace: no absolute paths and no '..'" }],
    });
  });
});

describe('engineOptionsFor: one mapping, file over settings', () => {
  const file = configOf('rules: { citation-order: error }\ncitationScope: clause\nexemptSections: [致谢]\nlocale: zh-CN\n');

  it('lets the file win per rule and per key, and keeps the settings the file does not set', () => {
    const options = engineOptionsFor({
      config: file,
      settings: { rules: { 'citation-order': 'off', 'uncited-reference': 'hint' }, citationScope: 'paragraph', exemptSections: ['摘要'] },
      fallbackLocale: 'en',
      maxFileSize: 1000,
    });
    assert.deepEqual(options.rules, { 'citation-order': 'error', 'uncited-reference': 'hint' });
    assert.equal(options.citationScope, 'clause');
    assert.deepEqual(options.exemptSections, ['致谢']);
    assert.equal(options.locale, 'zh-CN');
    assert.equal(options.maxFileSize, 1000);
  });

  it('takes an explicit locale over the file, the file over the fallback', () => {
    assert.equal(engineOptionsFor({ config: file, explicitLocale: 'en', fallbackLocale: 'en', maxFileSize: 1 }).locale, 'en');
    assert.equal(engineOptionsFor({ config: configOf(''), fallbackLocale: 'zh-CN', maxFileSize: 1 }).locale, 'zh-CN');
  });

  it('is what the language server uses for settings', () => {
    const fromSettings = toEngineOptions({ ...defaultSettings, citationScope: 'paragraph', exemptSections: ['摘要'] }, 'en', file);
    assert.equal(fromSettings.citationScope, 'clause');
    assert.equal(toEngineOptions({ ...defaultSettings, citationScope: 'paragraph' }, 'en').citationScope, 'paragraph');
    assert.equal(toEngineOptions({ ...defaultSettings, locale: 'en' }, 'en', file).locale, 'en', 'policylint.locale is personal');
  });

  it('turns every rule off for an ignored file', () => {
    const options = engineOptionsFor({ config: file, fallbackLocale: 'en', maxFileSize: 1_000_000, ignored: true });
    assert.deepEqual(lintText('Text [9].\n', options).findings, []);
  });

  it('changes what the engine reports: exemptSections from the file', () => {
    const text = '# 致谢\n\n增长了 35%。\n';
    const plain = lintText(text, engineOptionsFor({ config: configOf(''), fallbackLocale: 'en', maxFileSize: 1_000_000 }));
    const exempt = lintText(text, engineOptionsFor({ config: file, fallbackLocale: 'en', maxFileSize: 1_000_000 }));
    assert.ok(plain.findings.some((f) => f.rule === 'unsourced-statistic'));
    assert.ok(!exempt.findings.some((f) => f.rule === 'unsourced-statistic'));
  });
});

describe('ignore', () => {
  it('matches globs relative to the configuration file, never outside its folder', () => {
    const config = configOf('ignore: [archive/**, "*.draft.md"]');
    assert.equal(isIgnored(config, '/w/.policylint.yaml', '/w/archive/a/b.md'), true);
    assert.equal(isIgnored(config, '/w/.policylint.yaml', '/w/x.draft.md'), true);
    assert.equal(isIgnored(config, '/w/.policylint.yaml', '/w/paper.md'), false);
    assert.equal(isIgnored(config, '/w/sub/.policylint.yaml', '/w/archive/a.md'), false);
  });
});

describe('applyConfigEdit', () => {
  const yaml = '# team settings\nrules:\n  citation-order: warning # keep\n';

  it('disables a rule and keeps comments', () => {
    assert.equal(
      applyConfigEdit(yaml, '.policylint.yaml', { kind: 'disableRule', rule: 'uncited-claim' }),
      '# team settings\nrules:\n  citation-order: warning # keep\n  uncited-claim: off\n',
    );
    assert.equal(
      applyConfigEdit('rules:\n  citation-order: { severity: error, x: 1 }\n', 'a.yaml', { kind: 'disableRule', rule: 'citation-order' }),
      'rules:\n  citation-order: { severity: off, x: 1 }\n',
    );
  });

  it('adds an exempt section (with the defaults the key replaces) and a glossary entry that parse', () => {
    const exempt = applyConfigEdit(yaml, 'a.yaml', { kind: 'exemptSection', title: '致谢' });
    assert.ok(exempt.startsWith('# team settings\n'));
    const config = configOf(exempt);
    assert.ok(config.exemptSections!.includes('致谢') && config.exemptSections!.includes('摘要'));
    const again = applyConfigEdit(exempt, 'a.yaml', { kind: 'exemptSection', title: '致谢' });
    assert.equal(again, exempt, 'adding the same title twice changes nothing');
    const glossary = configOf(applyConfigEdit(yaml, 'a.yaml', { kind: 'addGlossaryTerm', term: '型式认证' }));
    assert.ok(glossary.glossary!.entries.some((entry) => entry.term['zh-CN'] === '型式认证'));
  });

  it('creates a file from nothing, and edits JSON as JSON', () => {
    assert.equal(applyConfigEdit('', '.policylint.yaml', { kind: 'disableRule', rule: 'uncited-claim' }), 'rules:\n  uncited-claim: off\n');
    const json = applyConfigEdit('{ "locale": "en" }', '.policylint.json', { kind: 'disableRule', rule: 'uncited-claim' });
    assert.deepEqual(JSON.parse(json), { locale: 'en', rules: { 'uncited-claim': 'off' } });
    assert.ok('config' in parseConfig(json, '.policylint.json'));
  });
});

describe('CLI: configuration keys and localised messages', () => {
  const root = mkdtempSync(join(tmpdir(), 'policylint-config-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'archive'));
  writeFileSync(join(root, '.policylint.yaml'), 'ignore: [archive/**]\nrules: { dangling-citation: warning }\n');
  writeFileSync(join(root, 'paper.md'), 'Text [9].\n');
  writeFileSync(join(root, 'archive', 'old.md'), 'Old [9].\n');

  async function run(argv: string[], env: Record<string, string> = {}) {
    let out = '';
    let err = '';
    const code = await runCli(argv, {
      cwd: root,
      env,
      stdoutIsTTY: false,
      version: '0.0.0',
      writeOut: (text) => (out += text),
      writeErr: (text) => (err += text),
    });
    return { code, out, err };
  }

  it('skips ignored files and applies the file rules', async () => {
    const { code, out } = await run(['check', '--format', 'json']);
    assert.equal(code, 0);
    const report = JSON.parse(out) as { files: { path: string; diagnostics: { severity: string }[] }[] };
    assert.deepEqual(report.files.map((file) => file.path), ['paper.md']);
    assert.equal(report.files[0]!.diagnostics[0]!.severity, 'warning');
  });

  it('writes the summary, notices, usage errors and help in Chinese for --locale zh-CN or LANG=zh_CN', async () => {
    const zh = await run(['check', '--locale', 'zh-CN']);
    assert.match(zh.out, /✖ 1 个文件中共 1 个问题（0 个错误，1 个警告，0 条信息，0 条提示）/);
    const missing = await run(['check', 'nope.md'], { LANG: 'zh_CN.UTF-8' });
    assert.match(missing.err, /^policylint: 无法读取 'nope\.md'：文件不存在\n/);
    const usage = await run(['lint'], { LANG: 'zh_CN.UTF-8' });
    assert.equal(usage.err, "policylint: 未知的命令 'lint'\n运行 'policylint --help' 查看用法。\n");
    assert.match((await run(['--help', '--locale', 'zh-CN'])).out, /^用法：policylint check/);
    assert.match((await run(['--help'])).out, /^Usage: policylint check/);
  });

  it('reports configuration errors in the chosen language', async () => {
    writeFileSync(join(root, 'bad.yaml'), 'citationScope: word\n');
    const { code, err } = await run(['check', '--config', 'bad.yaml', '--locale', 'zh-CN']);
    assert.equal(code, 2);
    assert.equal(err, 'bad.yaml:1:16 “citationScope” 必须是 sentence, clause, paragraph 之一\n');
  });

  it('keeps the English summary line as before', () => {
    assert.equal(summaryLine({ errors: 0, warnings: 0, information: 0, hints: 0 }, 0, 1), '✔ no problems in 1 file');
    assert.equal(summaryLine({ errors: 0, warnings: 0, information: 0, hints: 0 }, 0, 2, 'zh-CN'), '✔ 2 个文件中没有发现问题');
  });
});
