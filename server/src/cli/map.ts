// `policylint map FILE`: the draft's framework map (challenges, countermeasures and the links between them) as
// HTML, Mermaid or JSON — the same map the language server renders for VS Code's Show Framework Map.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, lintText, type Locale } from '../engine';
import { frameworkMap, renderHtml, renderMermaid } from '../engine/map';
import { engineOptionsFor } from '../config/options';
import type { MapCommand } from './args';
import { ConfigFinder, emptyConfig, loadConfigFile, type LoadedConfig, type PolicylintConfig } from './config';
import { describeFsError, displayPathOf } from './discover';
import { cliMessage, localizeReason } from './messages';
import { readMarkdownFile } from './read';
import { EXIT_FAILURE, EXIT_OK, localeFromEnvironment, type CliEnvironment } from './run';

/** The configuration in force, or the line to print when it is unreadable or invalid. */
function configOf(loaded: LoadedConfig | undefined, cwd: string, locale: Locale): { config: PolicylintConfig } | { problem: string } {
  if (!loaded) return { config: emptyConfig };
  if ('result' in loaded) {
    if ('config' in loaded.result) return { config: loaded.result.config };
    const shown = displayPathOf(loaded.path, cwd);
    return { problem: loaded.result.errors.map((error) => `${shown}:${error.line}:${error.column} ${error.message}`).join('\n') };
  }
  if (loaded.absent) return { config: emptyConfig };
  return { problem: `policylint: ${cliMessage(locale, 'cannotRead', displayPathOf(loaded.path, cwd), localizeReason(loaded.unreadable, locale))}` };
}

export async function runMap(command: MapCommand, environment: CliEnvironment, uiLocale: Locale): Promise<number> {
  const { cwd, writeErr } = environment;
  const absolute = isAbsolute(command.path) ? command.path : resolve(cwd, command.path);
  const shown = displayPathOf(absolute, cwd);
  const loaded =
    command.configPath !== undefined
      ? await loadConfigFile(isAbsolute(command.configPath) ? command.configPath : resolve(cwd, command.configPath), uiLocale)
      : await new ConfigFinder(uiLocale).forFile(absolute);
  const found = command.configPath !== undefined && loaded && 'absent' in loaded && loaded.absent
    ? { problem: `policylint: ${cliMessage(uiLocale, 'cannotRead', displayPathOf(loaded.path, cwd), localizeReason(loaded.unreadable, uiLocale))}` }
    : configOf(loaded, cwd, uiLocale);
  if ('problem' in found) {
    writeErr(`${found.problem}\n`);
    return EXIT_FAILURE;
  }
  const content = await readMarkdownFile(absolute);
  if (content.kind !== 'text') {
    writeErr(`policylint: ${cliMessage(uiLocale, content.kind === 'skipped' ? 'skipped' : 'cannotRead', shown, localizeReason(content.reason, uiLocale))}\n`);
    return EXIT_FAILURE;
  }
  const options = engineOptionsFor({
    config: found.config,
    ...(command.locale !== undefined ? { explicitLocale: command.locale } : {}),
    fallbackLocale: localeFromEnvironment(environment.env),
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
  });
  const { model } = lintText(content.text, { ...options, rules: {} });
  if (!model) {
    writeErr(`policylint: ${cliMessage(uiLocale, 'mapTooLarge', shown)}\n`);
    return EXIT_FAILURE;
  }
  const structure = { ...(options.framework ? { framework: options.framework } : {}), ...(options.exemptSections ? { exemptSections: options.exemptSections } : {}) };
  const map = frameworkMap(model, options.locale, structure);
  const output =
    command.format === 'json'
      ? `${JSON.stringify(map, null, 2)}\n`
      : command.format === 'mermaid'
        ? renderMermaid(map, options.locale)
        : renderHtml(map, options.locale, shown);
  if (command.outPath === undefined) {
    environment.writeOut(output);
    return EXIT_OK;
  }
  const outPath = isAbsolute(command.outPath) ? command.outPath : resolve(cwd, command.outPath);
  try {
    await mkdir(dirname(outPath), { recursive: true });
    await writeFile(outPath, output, 'utf8');
  } catch (error) {
    writeErr(`policylint: ${cliMessage(uiLocale, 'cannotWrite', displayPathOf(outPath, cwd), localizeReason(describeFsError(error), uiLocale))}\n`);
    return EXIT_FAILURE;
  }
  return EXIT_OK;
}
