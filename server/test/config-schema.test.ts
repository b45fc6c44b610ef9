// The JSON Schema shipped for .policylint.yaml / .policylint.json: it must accept every documented example and
// reject wrong types, agreeing with parseConfig on a table of cases. A tiny validator covers the schema subset used.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { parseConfig } from '../src/cli/config';
import { rules } from '../src/engine';

const REPO = join(__dirname, '..', '..');
type Schema = { readonly [keyword: string]: unknown };
const schema = JSON.parse(readFileSync(join(REPO, 'schemas', 'policylint.schema.json'), 'utf8')) as Schema;

const SUPPORTED = new Set([
  '$schema', '$id', 'title', 'description', 'type', 'enum', 'properties', 'additionalProperties', 'required',
  'items', 'anyOf', '$ref', 'definitions', 'minLength', 'pattern',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  return typeOf(value) === type;
}

/** Errors of `value` against `node` (draft-07 subset); an empty list means valid. */
function validate(value: unknown, node: Schema, at = '$'): string[] {
  for (const keyword of Object.keys(node)) assert.ok(SUPPORTED.has(keyword), `the test validator does not know '${keyword}' (at ${at})`);
  if (typeof node.$ref === 'string') {
    const name = node.$ref.replace('#/definitions/', '');
    return validate(value, (schema.definitions as Record<string, Schema>)[name]!, at);
  }
  const errors: string[] = [];
  if (node.type !== undefined) {
    const types = Array.isArray(node.type) ? (node.type as string[]) : [node.type as string];
    if (!types.some((type) => matchesType(value, type))) return [`${at}: expected ${types.join('|')}`];
  }
  if (Array.isArray(node.enum) && !node.enum.includes(value)) errors.push(`${at}: not one of ${node.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (typeof node.minLength === 'number' && value.length < node.minLength) errors.push(`${at}: too short`);
    if (typeof node.pattern === 'string' && !new RegExp(node.pattern, 'u').test(value)) errors.push(`${at}: does not match`);
  }
  if (Array.isArray(node.anyOf) && !(node.anyOf as Schema[]).some((option) => validate(value, option, at).length === 0)) {
    errors.push(`${at}: matches no alternative`);
  }
  if (Array.isArray(value) && node.items) value.forEach((item, i) => errors.push(...validate(item, node.items as Schema, `${at}[${i}]`)));
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    const properties = (node.properties ?? {}) as Record<string, Schema>;
    for (const key of (node.required ?? []) as string[]) if (!(key in record)) errors.push(`${at}: missing ${key}`);
    for (const [key, inner] of Object.entries(record)) {
      if (key in properties) errors.push(...validate(inner, properties[key]!, `${at}.${key}`));
      else if (node.additionalProperties === false) errors.push(`${at}: unexpected ${key}`);
      else if (typeof node.additionalProperties === 'object') errors.push(...validate(inner, node.additionalProperties as Schema, `${at}.${key}`));
    }
  }
  return errors;
}

/** Fenced YAML blocks of a Markdown file that look like configuration files (they set a configuration key). */
function documentedExamples(file: string): string[] {
  const text = readFileSync(join(REPO, file), 'utf8');
  return [...text.matchAll(/```yaml\r?\n([\s\S]*?)```/g)]
    .map((match) => match[1]!)
    .filter((block) => /^(rules|locale|exemptSections|citationScope|glossary|ignore|documents):/m.test(block));
}

// Each case: YAML text and whether it is a valid configuration. Both the schema and parseConfig must agree.
// (Semantic checks that a schema cannot express, such as unknown rule ids or framework consistency, are left out.)
const CASES: readonly (readonly [string, boolean])[] = [
  ['', true],
  ['locale: zh-CN', true],
  ['locale: fr', false],
  ['locale: 3', false],
  ['rules: { dangling-citation: off, citation-order: { severity: hint, minimum: 2 } }', true],
  ['rules: { dangling-citation: fatal }', false],
  ['rules: { dangling-citation: [error] }', false],
  ['rules: { dangling-citation: { severity: 3 } }', false],
  ['rules: [dangling-citation]', false],
  ['exemptSections: [摘要, 致谢]', true],
  ['exemptSections: 摘要', false],
  ['exemptSections: [1]', false],
  ['citationScope: clause', true],
  ['citationScope: word', false],
  ['glossary: [{ term: 型式认证, definition: 主管部门确认车型符合法规的程序。 }]', true],
  ['glossary: [{ term: { zh-CN: 型式认证, en: type approval }, definition: { en: d, zh-CN: 定义 }, aliases: [TA] }]', true],
  ['glossary: [{ term: 型式认证 }]', false],
  ['glossary: { term: x }', false],
  ['framework: { mode: extend }', true],
  ['framework: { mode: merge }', false],
  ['framework: [tiers]', false],
  ['framework: { mode: extend, colour: red }', false],
  ['ignore: [archive/**, "drafts/old-*.md"]', true],
  ['ignore: archive', false],
  ['ignore: [../outside/**]', false],
  ['ignore: [/etc/**]', false],
  ['documents: [{ name: 报告, files: [chapters/*.md] }]', true],
  ['documents: [{ name: 报告 }]', false],
  ['documents: [{ files: [a.md], extra: 1 }]', false],
  ['documents: { files: [a.md] }', false],
  ['colour: red', false],
];

describe('policylint.schema.json', () => {
  it('agrees with parseConfig on every case of the table', () => {
    for (const [text, valid] of CASES) {
      const data: unknown = parse(text) ?? {};
      const schemaErrors = validate(data, schema);
      assert.equal(schemaErrors.length === 0, valid, `schema on ${JSON.stringify(text)}: ${schemaErrors.join('; ')}`);
      const result = parseConfig(text, '.policylint.yaml');
      assert.equal('config' in result, valid, `parseConfig on ${JSON.stringify(text)}: ${JSON.stringify(result)}`);
    }
  });

  it('accepts every configuration example in the documentation', () => {
    const examples = [...documentedExamples('README.md'), ...documentedExamples('docs/framework.md')];
    assert.ok(examples.length >= 1, 'expected a configuration example in README.md');
    for (const example of examples) {
      const data: unknown = parse(example) ?? {};
      assert.deepEqual(validate(data, schema), [], `schema rejects the documented example:\n${example}`);
    }
  });

  it('the README examples are valid configurations for parseConfig too', () => {
    for (const example of documentedExamples('README.md')) {
      const result = parseConfig(example, '.policylint.yaml');
      assert.ok('config' in result, JSON.stringify(result));
    }
  });

  it('lists every rule id for completion', () => {
    const listed = Object.keys(((schema.properties as Record<string, Schema>).rules!.properties ?? {}) as object);
    assert.deepEqual([...listed].sort(), rules.map((rule) => rule.id).sort());
  });

  it('is registered for .policylint.json in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      contributes: { jsonValidation: { fileMatch: string; url: string }[] };
    };
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.policylint.json', url: './schemas/policylint.schema.json' }]);
  });
});
