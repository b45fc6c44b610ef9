// A draft split over several files (a `documents:` group) is checked as one document: a challenge raised in one
// chapter may be answered in another, and a citation in one file resolves against the reference list in another.
//
// Every rule stays as it is. The files are joined, in the order given, into one text and checked once; each
// finding is then mapped back to the file it falls in. What the joining gets right:
//   - Offsets: each file sits in the joined text unchanged, only shifted, so mapping back is a subtraction.
//   - Separators: after each file, a blank line and one HTML comment line that closes whatever the file left open
//     (a list, a block quote, an HTML block, an unclosed comment), then a blank line. A code fence a file leaves
//     open would swallow the next file: when a code block crosses into the next file, the separator also gets a
//     closing fence and the text is parsed again. Findings inside separators are dropped.
//   - Front matter: each file's is blanked (same length, line breaks kept, so no offset moves) and all of them are
//     gathered into one front matter at the top of the joined text, so a `bibliography:` declared in any file serves
//     the whole group, as pandoc merges the metadata of several input files.
//   - Suppression: directive comments apply to the file they are written in (`disable-file` silences that file).
//   - Line numbers in messages: the consistency rules name the line of the other figure, counted in the text they
//     read; that number is rewritten to the line in the file holding the figure, with the file's name if it is another.
//   - Quick fixes: each edit goes to the file it falls in, so a fix may edit several files (adding a stub to a
//     reference list kept in another file). A fix with an edit between files is dropped, except an insertion at the
//     very top of the document (a file-level directive), which goes to the top of the finding's own file, after
//     its front matter.
// Sections run across file boundaries, as they do when the files are concatenated: content before a file's first
// heading belongs to the previous file's last section.
import { checkDocument, exceedsMaxFileSize, lintText } from './check';
import { eolOf } from './citation-index';
import { codeActions } from './fixes';
import type { Finding, Fix, RelatedInfo } from './finding';
import { format, type Locale, type Localized } from './i18n';
import type { DocumentModel, Span } from './model';
import type { EngineOptions } from './options';
import { parseDocument } from './parse';
import { computeLineStarts, positionAt } from './positions';
import { rules } from './rules';
import { applySuppressions } from './suppression';

/** One file of a group: an id of the caller's choosing (the server uses URIs, the CLI paths) and its text without BOM. */
export interface GroupFile {
  readonly id: string;
  readonly text: string;
}

/** Where one file sits in the joined text. */
export interface GroupMember {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** Offset in the file's own text right after its front matter (0 without): where file-level insertions go. */
  readonly top: number;
}

export interface JoinedGroup {
  readonly model: DocumentModel;
  /** The files that were joined, in order (files too large to check are left out). */
  readonly members: readonly GroupMember[];
}

export interface GroupCheck {
  /** Findings of every file given, in that file's own offsets, sorted by position. Related spans in another file carry its id as `uri`. */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
  /** The joined document, for quick fixes; undefined when no file could be checked. */
  readonly joined: JoinedGroup | undefined;
}

export interface GroupEdit {
  readonly id: string;
  readonly span: Span;
  readonly newText: string;
}

export interface GroupFix extends Omit<Fix, 'edits' | 'cursor'> {
  readonly edits: readonly GroupEdit[];
  /** Where to place the cursor after the edits, when they all land in one file. */
  readonly cursor?: { readonly id: string; readonly offset: number };
}

/**
 * Closes what a file may leave open. At the start of a line after a blank line it ends lists and block quotes;
 * as an HTML comment it ends an unclosed comment (`-->`) and the other HTML blocks that wait for a closing token.
 */
const BOUNDARY = '<!-- ]]> ?> </pre></script></style></textarea> -->';
const FENCE_LINE = /^(?:-{3}|\+{3}|\.{3})[ \t]*$/;
const OPENING_FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Re-parses allowed for closing fences left open; each costs a parse of the whole group, and two is already rare. */
const MAX_FENCE_ROUNDS = 3;

interface FrontMatterScan {
  /** End of the closing fence line, before its line break. */
  readonly contentEnd: number;
  /** After the closing fence line's line break. */
  readonly lineEnd: number;
  readonly value: string;
}

/** A closed front matter fence (--- or +++) on the first line, read as the parser decides it (parse/markdown.ts). */
function scanFrontMatter(text: string): FrontMatterScan | undefined {
  const fence = text.startsWith('---') ? '---' : text.startsWith('+++') ? '+++' : undefined;
  if (!fence) return undefined;
  let lineStart = 0;
  let valueStart = -1;
  while (lineStart < text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    let contentEnd = lineEnd;
    while (contentEnd > lineStart && (text[contentEnd - 1] === ' ' || text[contentEnd - 1] === '\t')) contentEnd--;
    const isFence = contentEnd - lineStart === fence.length && text.startsWith(fence, lineStart);
    const next = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : lineEnd < text.length ? 1 : 0);
    if (valueStart < 0) {
      if (!isFence) return undefined;
      valueStart = next;
    } else if (isFence) {
      return { contentEnd: lineEnd, lineEnd: next, value: text.slice(valueStart, lineStart).replace(/(?:\r\n|\r|\n)$/, '') };
    }
    lineStart = next;
  }
  return undefined;
}

/** The text with its first `length` characters blanked: line breaks kept, everything else a space. */
function blankPrefix(text: string, length: number): string {
  return text.slice(0, length).replace(/[^\r\n]/g, ' ') + text.slice(length);
}

function endsWithLineBreak(text: string): boolean {
  return text.endsWith('\n') || text.endsWith('\r');
}

interface Layout {
  readonly text: string;
  readonly members: GroupMember[];
}

/** Joins the files: the gathered front matter, then each file followed by a separator (with a closing fence where needed). */
function layOut(files: readonly GroupFile[], scans: readonly (FrontMatterScan | undefined)[], closers: ReadonlyMap<number, string>): Layout {
  // The files' own line breaks, so that fixes (which copy the document's first one) write what the files use.
  const eol = eolOf(files.find((file) => /[\r\n]/.test(file.text))?.text ?? '');
  const parts: string[] = [];
  let length = 0;
  const push = (part: string): void => {
    parts.push(part);
    length += part.length;
  };
  const values = scans.filter((scan): scan is FrontMatterScan => scan !== undefined).map((scan) => scan.value);
  if (values.length > 0) {
    const lines = values.flatMap((value) => value.split(/\r\n|\r|\n/)).filter((line) => line !== '' && !FENCE_LINE.test(line));
    push(['---', ...lines, '---', '', ''].join(eol));
  }
  const members: GroupMember[] = [];
  files.forEach((file, index) => {
    if (index > 0) {
      const previous = files[index - 1]!.text;
      const closer = closers.get(index);
      const separator = [...(endsWithLineBreak(previous) ? [] : ['']), '', ...(closer !== undefined ? [closer, ''] : []), BOUNDARY, '', ''];
      push(separator.join(eol));
    }
    const scan = scans[index];
    const start = length;
    push(scan ? blankPrefix(file.text, scan.contentEnd) : file.text);
    members.push({ id: file.id, start, end: length, top: scan ? scan.lineEnd : 0 });
  });
  return { text: parts.join(''), members };
}

/**
 * For each file (by index) that a code block of an earlier file runs into, the fence that closes that block. Only a
 * fence opened outside any container can run on: the separator's boundary line ends lists and block quotes.
 */
function fencesLeftOpen(model: DocumentModel, members: readonly GroupMember[]): Map<number, string> {
  const closers = new Map<number, string>();
  let previous: Span | undefined;
  for (let index = 1; index < members.length; index++) {
    const boundary = members[index]!.start;
    const crossing = model.nonProse.find((span) => span.start < boundary && span.end > boundary);
    // A block that swallowed several files is closed once, before the first; what it hid shows on the next parse.
    if (!crossing || crossing === previous) continue;
    previous = crossing;
    const text = model.text;
    const lineStart = Math.max(text.lastIndexOf('\n', crossing.start - 1), text.lastIndexOf('\r', crossing.start - 1)) + 1;
    const fence = OPENING_FENCE.exec(text.slice(lineStart, crossing.start + 1024))?.[1];
    if (fence !== undefined) closers.set(index, fence);
  }
  return closers;
}

/** The member holding a joined offset; an offset equal to a member's end (an insertion after its last character) is still in it. */
function memberAt(members: readonly GroupMember[], offset: number): GroupMember | undefined {
  let low = 0;
  let high = members.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const member = members[mid]!;
    if (offset < member.start) high = mid - 1;
    else if (offset > member.end) low = mid + 1;
    else return member;
  }
  return undefined;
}

/** A joined span in its member's offsets, cut at the member's end; undefined when it starts between files. */
function localSpan(members: readonly GroupMember[], span: Span): { member: GroupMember; span: Span; cut: boolean } | undefined {
  const member = memberAt(members, span.start);
  if (!member) return undefined;
  const end = Math.min(span.end, member.end);
  return { member, span: { start: span.start - member.start, end: end - member.start }, cut: end !== span.end };
}

function byPosition(a: Finding, b: Finding): number {
  if (a.span.start !== b.span.start) return a.span.start - b.span.start;
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
}

/** What applySuppressions reads of one file: its text, lines and the comments written in it (not cut at its end). */
function suppressionView(model: DocumentModel, member: GroupMember, text: string): DocumentModel {
  const comments = model.comments
    .filter((comment) => comment.span.start >= member.start && comment.span.end <= member.end)
    .map((comment) => ({ span: { start: comment.span.start - member.start, end: comment.span.end - member.start }, body: comment.body }));
  return {
    text,
    lineStarts: computeLineStarts(text),
    sections: [],
    blocks: [],
    sentences: [],
    citations: [],
    references: undefined,
    frontMatter: undefined,
    nonProse: [],
    comments,
  };
}

/** How the consistency rules name the other figure's line (consistency/messages.ts), and how a group names it. */
const LINE_MENTION: { readonly [locale in Locale]: RegExp } = { en: /\bon line (\d+)\b/g, 'zh-CN': /第(\d+)行/g };
const lineMentions = {
  sameFile: { en: 'on line {0}', 'zh-CN': '第{0}行' },
  otherFile: { en: 'on line {0} of {1}', 'zh-CN': '{1}第{0}行' },
} satisfies Record<string, Localized>;

/** The last segment of an id (a path or a URI), as a file name for messages. */
function fileName(id: string): string {
  const name = id.slice(Math.max(id.lastIndexOf('/'), id.lastIndexOf('\\')) + 1);
  // A URI (file:, untitled:) is percent-encoded; a path (the CLI's ids, C:\… included) is not.
  if (!/^[a-z][a-z0-9+.-]+:/i.test(id)) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** Rewrites line numbers of related places in messages from the joined text's lines to their file's. */
class LineMentions {
  private readonly fileLines = new Map<string, readonly number[]>();

  constructor(
    private readonly model: DocumentModel,
    private readonly texts: ReadonlyMap<string, string>,
    private readonly locale: Locale,
  ) {}

  rewrite(message: string, joined: Span, where: { member: GroupMember; span: Span }, elsewhere: boolean): string {
    const joinedLine = positionAt(this.model.lineStarts, this.model.text, joined.start).line + 1;
    const text = this.texts.get(where.member.id)!;
    let starts = this.fileLines.get(where.member.id);
    if (!starts) {
      starts = computeLineStarts(text);
      this.fileLines.set(where.member.id, starts);
    }
    const line = positionAt(starts, text, where.span.start).line + 1;
    return message.replace(LINE_MENTION[this.locale], (mention, number: string) => {
      if (Number(number) !== joinedLine) return mention;
      return elsewhere
        ? format(lineMentions.otherFile[this.locale], line, fileName(where.member.id))
        : format(lineMentions.sameFile[this.locale], line);
    });
  }
}

/**
 * Checks the files as one document. Order matters (citation order, which section a file's opening lines belong to):
 * pass the files in document order. A file larger than `maxFileSize` gets its `file-too-large` notice and is left
 * out of the group. Ids must be unique; a repeated id is checked once, at its first place.
 */
export function checkGroup(files: readonly GroupFile[], options: EngineOptions): GroupCheck {
  const unique = files.filter((file, index) => files.findIndex((other) => other.id === file.id) === index);
  const findings = new Map<string, readonly Finding[]>();
  const joinable: GroupFile[] = [];
  for (const file of unique) {
    if (exceedsMaxFileSize(file.text, options)) findings.set(file.id, lintText(file.text, options).findings);
    else joinable.push(file);
  }
  if (joinable.length === 0) return { findings, joined: undefined };
  if (joinable.length === 1) {
    // One file is its own document: exactly what checking it alone gives.
    const only = joinable[0]!;
    const { model, findings: own } = lintText(only.text, options);
    findings.set(only.id, own);
    const member = { id: only.id, start: 0, end: only.text.length, top: 0 };
    return { findings, joined: model ? { model, members: [member] } : undefined };
  }

  const scans = joinable.map((file) => scanFrontMatter(file.text));
  const closers = new Map<number, string>();
  let layout = layOut(joinable, scans, closers);
  let model = parseDocument(layout.text);
  // Each round closes the fences it can see; a fence hidden inside a swallowed file shows in the next round.
  for (let round = 0; round < MAX_FENCE_ROUNDS; round++) {
    const found = [...fencesLeftOpen(model, layout.members)].filter(([index]) => !closers.has(index));
    if (found.length === 0) break;
    for (const [index, fence] of found) closers.set(index, fence);
    layout = layOut(joinable, scans, closers);
    model = parseDocument(layout.text);
  }
  const { members } = layout;

  const texts = new Map(joinable.map((file) => [file.id, file.text]));
  const lines = new LineMentions(model, texts, options.locale);
  const perMember = new Map<string, Finding[]>(members.map((member) => [member.id, []]));
  for (const finding of checkDocument(model, options, rules, { suppress: false })) {
    const local = localSpan(members, finding.span);
    if (!local) continue;
    const related: RelatedInfo[] = [];
    let message = finding.message;
    for (const info of finding.related) {
      const where = info.uri === undefined ? localSpan(members, info.span) : undefined;
      if (!where) continue;
      const elsewhere = where.member !== local.member;
      related.push(elsewhere ? { span: where.span, message: info.message, uri: where.member.id } : { span: where.span, message: info.message });
      message = lines.rewrite(message, info.span, where, elsewhere);
    }
    const text = texts.get(local.member.id)!;
    const data = local.cut && finding.data ? { ...finding.data, text: text.slice(local.span.start, local.span.end) } : finding.data;
    perMember.get(local.member.id)!.push({ ...finding, message, span: local.span, related, ...(data ? { data } : {}) });
  }

  const knownRules = new Set(rules.map((rule) => rule.id));
  for (const [index, member] of members.entries()) {
    const text = joinable[index]!.text;
    const own = applySuppressions(suppressionView(model, member, text), perMember.get(member.id)!, knownRules);
    findings.set(member.id, own.sort(byPosition));
  }
  return { findings, joined: { model, members } };
}

/**
 * Quick fixes (and fix-alls) for findings of one file of a checked group, as `codeActions` gives them for a single
 * document, with every edit placed in the file it falls in. `findings` and `span` are in that file's offsets.
 */
export function groupCodeActions(
  check: GroupCheck,
  id: string,
  findings: readonly Finding[],
  span: Span,
  options: EngineOptions,
): GroupFix[] {
  const joined = check.joined;
  const member = joined?.members.find((candidate) => candidate.id === id);
  if (!joined || !member) return [];
  const shift = (local: Span): Span => ({ start: local.start + member.start, end: local.end + member.start });
  const joinedFindings = findings.map((finding) => ({ ...finding, span: shift(finding.span), related: [] }));
  const fixes: GroupFix[] = [];
  for (const fix of codeActions(joined.model, joinedFindings, shift(span), options)) {
    const mapped = mapFix(fix, joined.members, member);
    if (mapped) fixes.push(mapped);
  }
  return fixes;
}

function mapFix(fix: Fix, members: readonly GroupMember[], own: GroupMember): GroupFix | undefined {
  const documentTop = members[0]!.start;
  const edits: GroupEdit[] = [];
  let moved = false;
  for (const edit of fix.edits) {
    const { start, end } = edit.span;
    if (start === end && start <= documentTop) {
      edits.push({ id: own.id, span: { start: own.top, end: own.top }, newText: edit.newText });
      moved = true;
      continue;
    }
    const member = memberAt(members, start);
    if (!member || end > member.end) return undefined;
    edits.push({ id: member.id, span: { start: start - member.start, end: end - member.start }, newText: edit.newText });
  }
  const { edits: _edits, cursor, ...rest } = fix;
  const target = members.find((member) => member.id === edits[0]?.id);
  // The cursor is an offset after the edits: it maps back by a subtraction only while every edit stays in one file, unmoved.
  if (cursor === undefined || !target || moved || edits.some((edit) => edit.id !== target.id)) return { ...rest, edits };
  return { ...rest, edits, cursor: { id: target.id, offset: cursor - target.start } };
}
