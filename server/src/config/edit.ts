// Edits to a configuration file's text, for the code actions that change the configuration instead of settings.
// YAML is edited through the `yaml` package's Document API, so comments and the author's layout survive; JSON is
// re-serialised with two-space indentation (JSON has no comments to keep).
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { DEFAULT_EXEMPT_SECTIONS } from '../engine/evidence/exempt';

export type ConfigEdit =
  | { readonly kind: 'disableRule'; readonly rule: string }
  | { readonly kind: 'addGlossaryTerm'; readonly term: string }
  | { readonly kind: 'exemptSection'; readonly title: string };

const HAN = /\p{Script=Han}/u;

function glossarySkeleton(term: string): Record<string, unknown> {
  const chinese = HAN.test(term);
  return chinese
    ? { term: { 'zh-CN': term }, definition: { 'zh-CN': `（待补充：${term} 的定义）` } }
    : { term: { en: term }, definition: { en: `(To do: define ${term}.)` } };
}

/** The new text of a configuration file after `edit`; `path` decides JSON or YAML. Empty text starts a new file. */
export function applyConfigEdit(text: string, path: string, edit: ConfigEdit): string {
  return /\.json$/i.test(path) ? editJson(text, edit) : editYaml(text, edit);
}

function editYaml(text: string, edit: ConfigEdit): string {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const document = parseDocument(bom ? text.slice(1) : text);
  if (!isMap(document.contents)) document.contents = document.createNode({}) as unknown as typeof document.contents;
  switch (edit.kind) {
    case 'disableRule': {
      const current = document.getIn(['rules', edit.rule]);
      ensureMap(document, 'rules');
      if (isMap(current)) document.setIn(['rules', edit.rule, 'severity'], 'off');
      else document.setIn(['rules', edit.rule], 'off');
      break;
    }
    case 'exemptSection': {
      const list = document.get('exemptSections');
      if (isSeq(list)) {
        if (!list.items.some((item) => isScalar(item) && item.value === edit.title)) list.add(document.createNode(edit.title));
      } else {
        // The setting replaces the default list, so the defaults come along with the new title.
        document.set('exemptSections', document.createNode([...DEFAULT_EXEMPT_SECTIONS, edit.title]));
      }
      break;
    }
    case 'addGlossaryTerm': {
      const list = document.get('glossary');
      const entry = document.createNode(glossarySkeleton(edit.term));
      if (isSeq(list)) list.add(entry);
      else document.set('glossary', document.createNode([glossarySkeleton(edit.term)]));
      break;
    }
  }
  return bom + document.toString({ lineWidth: 0 });
}

function ensureMap(document: Document, key: string): void {
  if (!isMap(document.get(key))) document.set(key, document.createNode({}));
}

function editJson(text: string, edit: ConfigEdit): string {
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text.replace(/^\ufeff/, '') || '{}');
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
  } catch {
    // An unparsable file is left to its own diagnostics; the edit starts from what can be kept: nothing.
    return text;
  }
  const record = (key: string): Record<string, unknown> => {
    const value = data[key];
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    const fresh: Record<string, unknown> = {};
    data[key] = fresh;
    return fresh;
  };
  switch (edit.kind) {
    case 'disableRule': {
      const rules = record('rules');
      const current = rules[edit.rule];
      if (typeof current === 'object' && current !== null && !Array.isArray(current)) (current as Record<string, unknown>).severity = 'off';
      else rules[edit.rule] = 'off';
      break;
    }
    case 'exemptSection': {
      const list = Array.isArray(data.exemptSections) ? (data.exemptSections as unknown[]) : [...DEFAULT_EXEMPT_SECTIONS];
      if (!list.includes(edit.title)) list.push(edit.title);
      data.exemptSections = list;
      break;
    }
    case 'addGlossaryTerm': {
      const list = Array.isArray(data.glossary) ? (data.glossary as unknown[]) : [];
      list.push(glossarySkeleton(edit.term));
      data.glossary = list;
      break;
    }
  }
  return `${JSON.stringify(data, null, 2)}\n`;
}
