// The engine's public surface. Pure: no LSP connection, no `vscode`, no file system. The language server,
// the CLI and the tests all drive it through these functions.
//
//   parseDocument(text)                          → DocumentModel           (parse/index.ts)
//   lintText(text, options)                      → { model, findings }     (check.ts)  size limit, then parse + check
//   checkDocument(model, options)                → Finding[]               (check.ts)  sorted by span.start
//   prepareCheck(text, options, stop)            → Promise<boolean>        (check.ts)  parse in turns, give up when stop()
//   resetCaches()                                → void                    (check.ts)  forget cached parses and per-text results
//   startCacheGeneration()                       → number                  (check.ts)  results used from now on count as this generation's
//   trimCaches(since)                            → void                    (check.ts)  forget cached results unused since that generation
//   checkGroup(files, options)                   → GroupCheck              (group.ts)  several files checked as one document
//   groupCodeActions(check, id, findings, span, options) → GroupFix[]    (group.ts)  fixes whose edits name their file
//   codeActions(model, findings, span, options)  → Fix[]                   (fixes.ts)  quick fixes for findings touching span, plus fix-alls
//   hoverAt(model, offset, options)              → HoverResult | undefined (navigation.ts)
//   definitionAt(model, offset)                  → Span[]                  (navigation.ts)
//   referencesAt(model, offset)                  → Span[]                  (navigation.ts)
//   completionsAt(model, offset, options)        → CompletionResult[]      (navigation.ts)
export { parseDocument } from './parse';
export { lintText, checkDocument, prepareCheck, resetCaches, startCacheGeneration, trimCaches } from './check';
export { codeActions } from './fixes';
export { checkGroup, groupCodeActions } from './group';
export type { GroupCheck, GroupEdit, GroupFile, GroupFix, GroupMember, JoinedGroup } from './group';
export { hoverAt, definitionAt, referencesAt, completionsAt } from './navigation';
export type { HoverResult, CompletionResult } from './navigation';
export { rules, ruleById } from './rules';
export type * from './model';
export type * from './finding';
export { defaultOptions, DEFAULT_MAX_FILE_SIZE } from './options';
export type { EngineOptions, RuleSetting } from './options';
export { resolveLocale, format, localize } from './i18n';
export type { Locale, Localized } from './i18n';
export { computeLineStarts, positionAt, offsetAt, spanToRange, stripBom } from './positions';
export type { Position, Range } from './positions';
