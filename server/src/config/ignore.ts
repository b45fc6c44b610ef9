// `ignore` globs are relative to the folder of the configuration file that lists them; a file outside that folder
// is never matched (so a configuration cannot reach into other folders).
import { dirname, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { PolicylintConfig } from '../cli/config';

export function isIgnored(config: PolicylintConfig, configPath: string, absoluteFilePath: string): boolean {
  if (!config.ignore || config.ignore.length === 0) return false;
  const path = relative(dirname(configPath), absoluteFilePath).split(sep).join('/');
  if (path === '' || path.startsWith('../') || path === '..') return false;
  return picomatch(config.ignore as string[], { dot: true })(path);
}
