// The linters Policylint's users already run, in process on the same texts in the same run (devDependencies):
// - markdownlint 0.42, the library (`markdownlint/sync`), its default rules;
// - textlint 15 through @textlint/kernel with its bundled Markdown plugin. No Chinese preset is published on
//   the registry this project can reach (textlint-rule-preset-zh, -chinese, -zh-cn and -cn do not exist there),
//   so a Chinese rule set is composed from zh-half-and-full-width-bracket, ja-space-between-half-and-full-width
//   (CJK/Latin spacing) and sentence-length;
// - AutoCorrect (autocorrect-node), `lintFor(text, 'draft.md')`.
// A run counts only if the peer reported no error; AutoCorrect stops with "call limit reached" on texts of a
// few hundred KB after the first call in a process, so for larger texts it is also timed on the text cut at
// its copies (one call per ~55 KB copy), which is how it could be used on such a draft.
import { TextlintKernel, type TextlintKernelOptions } from '@textlint/kernel';
import { lintFor } from 'autocorrect-node';
import { lint as markdownlint } from 'markdownlint/sync';
import { sample } from './stats';

export interface PeerTiming {
  /** Milliseconds per successful run; empty when every run failed. */
  readonly ms: number[];
  readonly problems: number;
  /** The peer's own error when its runs failed. */
  readonly error?: string;
  /** How the text was given to the peer when not as one call. */
  readonly note?: string;
}

export interface Peer {
  readonly id: string;
  readonly name: string;
  readonly checks: string;
  /** Problems found, or an Error when the peer reported one. */
  run(text: string): Promise<number>;
}

function load(id: string): unknown {
  // textlint's plugin and rules are CommonJS without type declarations.
  const module = require(id) as { readonly default?: unknown };
  return module.default ?? module;
}

const markdownlintPeer: Peer = {
  id: 'markdownlint',
  name: 'markdownlint 0.42 (library, default rules)',
  checks: 'Markdown style',
  run: (text) => Promise.resolve(markdownlint({ strings: { draft: text } })['draft']?.length ?? 0),
};

const TEXTLINT_RULES = [
  'textlint-rule-zh-half-and-full-width-bracket',
  'textlint-rule-ja-space-between-half-and-full-width',
  'textlint-rule-sentence-length',
];
const kernel = new TextlintKernel();
const textlintOptions = {
  ext: '.md',
  filePath: 'draft.md',
  plugins: [{ pluginId: 'markdown', plugin: load('@textlint/textlint-plugin-markdown') }],
  rules: TEXTLINT_RULES.map((id) => ({ ruleId: id.replace('textlint-rule-', ''), rule: load(id) })),
} as unknown as TextlintKernelOptions;

const textlintPeer: Peer = {
  id: 'textlint',
  name: `textlint 15 (kernel + Markdown plugin; ${TEXTLINT_RULES.map((id) => id.replace('textlint-rule-', '')).join(', ')})`,
  checks: 'Chinese punctuation, CJK spacing, sentence length',
  run: async (text) => (await kernel.lintText(text, textlintOptions)).messages.length,
};

const autocorrectPeer: Peer = {
  id: 'autocorrect',
  name: 'AutoCorrect (autocorrect-node, lintFor)',
  checks: 'CJK spacing and punctuation',
  run: (text) => {
    const result = lintFor(text, 'draft.md');
    // The error is a parser trace; its last line says what went wrong ("= call limit reached").
    if (result.error !== '') return Promise.reject(new Error(result.error.trim().split('\n').pop()!.trim().replace(/^=\s*/, '')));
    return Promise.resolve(result.lines.length);
  },
};

export const peers: readonly Peer[] = [markdownlintPeer, textlintPeer, autocorrectPeer];

export interface PeerBudget {
  readonly min: number;
  readonly max: number;
  readonly budgetMs: number;
}

async function timeRuns(run: () => Promise<number>, budget: PeerBudget): Promise<{ ms: number[]; problems: number }> {
  let problems = 0;
  const ms = await sample(async () => {
    const start = performance.now();
    problems = await run();
    return performance.now() - start;
  }, budget);
  return { ms, problems };
}

/**
 * Times one peer on one text after a warm-up run. `copies` are the text's parts (for the cut-at-copies
 * fallback when the whole text fails).
 */
export async function measurePeer(peer: Peer, text: string, copies: readonly string[], budget: PeerBudget): Promise<PeerTiming> {
  try {
    await peer.run(text);
    return await timeRuns(() => peer.run(text), budget);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (copies.length <= 1) return { ms: [], problems: 0, error: message };
    try {
      const whole = async (): Promise<number> => {
        let problems = 0;
        for (const part of copies) problems += await peer.run(part);
        return problems;
      };
      await whole();
      const timing = await timeRuns(whole, budget);
      return { ...timing, error: message, note: `${copies.length} calls, one per copy` };
    } catch (again) {
      return { ms: [], problems: 0, error: again instanceof Error ? again.message : String(again) };
    }
  }
}
