// The configuration loader: data only, validated against the rule registry, errors with 1-based positions.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigFinder, loadConfigFile, parseConfig } from '../src/cli/config';

const fixtures = join(__dirname, '..', '..', 'test', 'fixtures', 'cli');

describe('parseConfig', () => {
  it('accepts severities, severity-with-options mappings and a locale', () => {
    const text = [
      'locale: zh-CN',
      'rules:',
      '  dangling-citation: off',
      '  uncited-reference: { severity: hint, ignore: [1, 2], note: text }',
      '  citation-order:',
      '    minimum: 3',
      '',
    ].join('\n');
    assert.deepEqual(parseConfig(text, '.policylint.yaml'), {
      config: {
        locale: 'zh-CN',
        rules: {
          'dangling-citation': 'off',
          'uncited-reference': { severity: 'hint', ignore: [1, 2], note: 'text' },
          'citation-order': { minimum: 3 },
        },
      },
    });
  });

  it('reads JSON with the same meaning, after a BOM', () => {
    assert.deepEqual(parseConfig('\ufeff{ "locale": "en", "rules": { "dangling-citation": "warning" } }', '.policylint.json'), {
      config: { locale: 'en', rules: { 'dangling-citation': 'warning' } },
    });
  });

  it('treats an empty file or comments only as no settings', () => {
    assert.deepEqual(parseConfig('', 'a.yaml'), { config: { locale: undefined, rules: {} } });
    assert.deepEqual(parseConfig('# nothing yet\nrules:\n', 'a.yaml'), { config: { locale: undefined, rules: {} } });
  });

  it('points at the offending node, 1-based', () => {
    const text = ['rules:', '  dangling-citation: fatal', '  no-such-rule: error', '  uncited-reference: { severity: 3 }', 'locale: fr', 'extends: x', ''].join('\n');
    assert.deepEqual(parseConfig(text, 'a.yaml'), {
      errors: [
        { line: 2, column: 22, message: "invalid severity 'fatal' for rule 'dangling-citation' (expected off, hint, information, warning or error)" },
        { line: 3, column: 3, message: "unknown rule 'no-such-rule'" },
        { line: 4, column: 34, message: "invalid severity 3 for rule 'uncited-reference' (expected off, hint, information, warning or error)" },
        { line: 5, column: 9, message: "'locale' must be one of zh-CN, en" },
        { line: 6, column: 1, message: "unknown key 'extends' (expected rules, locale, exemptSections, citationScope, glossary, framework, ignore, documents)" },
      ],
    });
  });

  it('keeps an option named __proto__ as plain data', () => {
    const result = parseConfig('rules:\n  dangling-citation: { __proto__: { polluted: true } }\n', 'a.yaml');
    assert.ok('config' in result);
    const setting = result.config.rules['dangling-citation'] as Record<string, unknown>;
    assert.deepEqual(Object.keys(setting), ['__proto__']);
    assert.equal(Object.getPrototypeOf(setting), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('reports YAML syntax errors and JSON words without quotes', () => {
    assert.deepEqual(parseConfig('rules:\n  dangling-citation: [error\n', 'a.yaml'), {
      errors: [{ line: 3, column: 1, message: 'Flow sequence in block collection must be sufficiently indented and end with a ]' }],
    });
    assert.deepEqual(parseConfig('{"rules": {"dangling-citation": off}}', 'a.json'), {
      errors: [{ line: 1, column: 33, message: 'Unresolved plain scalar "off"' }],
    });
  });

  it('rejects shapes that are not settings, and aliases', () => {
    assert.deepEqual(parseConfig('- dangling-citation', 'a.yaml'), {
      errors: [{ line: 1, column: 1, message: "the configuration must be a mapping with the keys 'rules' and 'locale'" }],
    });
    assert.deepEqual(parseConfig('rules:\n  dangling-citation: [error]\n', 'a.yaml'), {
      errors: [
        {
          line: 2,
          column: 22,
          message: "rule 'dangling-citation' must be set to a severity (off, hint, information, warning or error) or to a mapping with 'severity' and options",
        },
      ],
    });
    assert.deepEqual(parseConfig('rules:\n  dangling-citation: { limit: &a [1], again: *a }\n', 'a.yaml'), {
      errors: [{ line: 2, column: 46, message: 'aliases are not allowed in a configuration' }],
    });
  });
});

describe('loadConfigFile', () => {
  it('tells a missing file from one that is there', async () => {
    assert.deepEqual(await loadConfigFile(join(fixtures, 'config', 'absent.yaml')), {
      path: join(fixtures, 'config', 'absent.yaml'),
      unreadable: 'no such file',
      absent: true,
    });
    const loaded = await loadConfigFile(join(fixtures, 'config', 'unknown-rule.yaml'));
    assert.deepEqual(loaded, {
      path: join(fixtures, 'config', 'unknown-rule.yaml'),
      result: { errors: [{ line: 4, column: 3, message: "unknown rule 'no-such-rule'" }] },
    });
  });
});

describe('ConfigFinder', () => {
  it('uses the nearest configuration above a file, YAML or JSON', async () => {
    const finder = new ConfigFinder();
    const outer = await finder.forFile(join(fixtures, 'discovered', 'draft.md'));
    const inner = await finder.forFile(join(fixtures, 'discovered', 'inner', 'draft.md'));
    assert.deepEqual(outer, {
      path: join(fixtures, 'discovered', '.policylint.yaml'),
      result: { config: { locale: undefined, rules: { 'dangling-citation': 'warning' } } },
    });
    assert.deepEqual(inner, {
      path: join(fixtures, 'discovered', 'inner', '.policylint.json'),
      result: { config: { locale: undefined, rules: { 'dangling-citation': 'off' } } },
    });
  });

  it('returns one cached answer a directory', async () => {
    const finder = new ConfigFinder();
    const first = await finder.forFile(join(fixtures, 'discovered', 'draft.md'));
    const second = await finder.forFile(join(fixtures, 'discovered', 'other.md'));
    assert.equal(first, second);
  });

  it('finds nothing above a folder without one', async () => {
    assert.equal(await new ConfigFinder().forFile(join(fixtures, 'project', 'zh-draft.md')), undefined);
  });
});
