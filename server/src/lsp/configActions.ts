// Code actions that change the project configuration file (never settings.json): disable a rule there, add a term
// to its glossary, mark a section as exempt. They are plain WorkspaceEdits, so any LSP client can apply and undo
// them; when no configuration file exists, one is created at the workspace root (only for clients that can create
// files through a workspace edit).
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionContext, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { applyConfigEdit, type ConfigEdit } from '../config/edit';
import { format, type Localized } from '../engine/i18n';
import { kindAllowed } from './codeActions';
import type { ConfigStore } from './configStore';
import { filePathOf, readFileIfPresent } from './configStore';
import { ruleOf } from './diagnostics';
import type { Snapshot } from './session';

export const CONFIG_ACTION_MESSAGES = {
  disableRule: { en: "Disable '{0}' in the configuration", 'zh-CN': '在配置文件中关闭规则 “{0}”' },
  addGlossaryTerm: { en: "Add '{0}' to the glossary", 'zh-CN': '将 “{0}” 添加到术语表' },
  exemptSection: { en: "Mark section '{0}' as exempt from citation checks", 'zh-CN': '将章节 “{0}” 标记为免于引用检查' },
} satisfies Record<string, Localized>;

/** Rules whose findings the exempt sections silence. */
const EXEMPTIBLE_RULES = new Set(['unsourced-statistic', 'uncited-claim']);
const MAX_TERM_LENGTH = 40;
/** Something that reads like a term: starts with a letter, then letters, digits, spaces, hyphens or middle dots. */
const TERM_LIKE = /^[\p{L}\p{M}][\p{L}\p{M}\p{N} ·\-]*$/u;

export interface ConfigActionHost {
  readonly configs: ConfigStore;
  /** Open buffer text and version of a URI, if open. */
  open(uri: string): { text: string; version: number } | undefined;
  /** The client applies `documentChanges` and can create files through them. */
  readonly canCreateFiles: boolean;
  readonly documentChanges: boolean;
}

export async function configActions(
  snapshot: Snapshot,
  range: Range,
  context: CodeActionContext,
  host: ConfigActionHost,
): Promise<CodeAction[]> {
  if (!kindAllowed(CodeActionKind.QuickFix, context.only)) return [];
  const { document, analysis, options } = snapshot;
  const path = filePathOf(document.uri);
  if (path === undefined) return [];
  const target = await configTarget(path, host);
  if (!target) return [];
  const locale = options.locale;
  const wanted: { edit: ConfigEdit; title: string }[] = [];
  const say = (key: keyof typeof CONFIG_ACTION_MESSAGES, arg: string): string => format(CONFIG_ACTION_MESSAGES[key][locale], arg);

  const rules = new Set<string>();
  for (const diagnostic of context.diagnostics) {
    const rule = ruleOf(diagnostic);
    if (rule !== undefined && !rules.has(rule)) {
      rules.add(rule);
      wanted.push({ edit: { kind: 'disableRule', rule }, title: say('disableRule', rule) });
    }
  }
  const model = analysis.model;
  if (model && [...rules].some((rule) => EXEMPTIBLE_RULES.has(rule))) {
    const offset = analysis.positions.toOffset(range.start);
    const section = [...model.sections].reverse().find((candidate) => candidate.span.start <= offset && offset < candidate.span.end);
    const title = section?.titleWithoutNumber.trim();
    if (title) wanted.push({ edit: { kind: 'exemptSection', title }, title: say('exemptSection', title) });
  }
  const start = analysis.positions.toOffset(range.start);
  const end = analysis.positions.toOffset(range.end);
  const selected = model ? model.text.slice(start, end).trim() : '';
  if (selected.length <= MAX_TERM_LENGTH && TERM_LIKE.test(selected)) {
    wanted.push({ edit: { kind: 'addGlossaryTerm', term: selected }, title: say('addGlossaryTerm', selected) });
  }

  return wanted.map(({ edit, title }) => {
    const action: CodeAction = { title, kind: CodeActionKind.QuickFix, edit: target.edit(edit) };
    if (edit.kind === 'disableRule') action.diagnostics = context.diagnostics.filter((d) => ruleOf(d) === edit.rule);
    return action;
  });
}

interface Target {
  edit(change: ConfigEdit): WorkspaceEdit;
}

/** The configuration file the actions edit: the one in force for the document, else a new one at the workspace root. */
async function configTarget(documentPath: string, host: ConfigActionHost): Promise<Target | undefined> {
  const found = await host.configs.forDocument(pathToFileURL(documentPath).href);
  if (found.path !== undefined) {
    const configPath = found.path;
    const uri = pathToFileURL(configPath).href;
    const open = host.open(uri);
    const text = open?.text ?? (await readFileIfPresent(configPath)) ?? '';
    return {
      edit: (change) => {
        const edits: TextEdit[] = [{ range: wholeText(text), newText: applyConfigEdit(text, configPath, change) }];
        return host.documentChanges
          ? { documentChanges: [{ textDocument: { uri, version: open?.version ?? null }, edits }] }
          : { changes: { [uri]: edits } };
      },
    };
  }
  if (!host.canCreateFiles) return undefined;
  const root = host.configs.workspaceFolderOf(documentPath) ?? dirname(documentPath);
  const newPath = join(root, '.policylint.yaml');
  const uri = pathToFileURL(newPath).href;
  return {
    edit: (change) => ({
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: wholeText(''), newText: applyConfigEdit('', newPath, change) }] },
      ],
    }),
  };
}

function wholeText(text: string): Range {
  const lines = text.split(/\r\n|\r|\n/);
  return { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
}
