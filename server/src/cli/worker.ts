// Entry point of a CLI worker thread (bundled as dist/cli-worker.js). It answers one request per file with that
// file's outcome. Configuration arrives as a path, not as an object: the main thread has already checked that
// the file is valid, and parsing it here once per worker is cheaper and safer than cloning merged glossaries.
import { parentPort, workerData } from 'node:worker_threads';
import type { EngineOptions } from '../engine';
import { emptyConfig, loadConfigFile } from './config';
import { checkFile, optionsForConfig, type CheckSettings } from './check-file';
import type { CheckRequest, CheckResponse } from './pool';

const port = parentPort;
if (!port) throw new Error('cli-worker.js runs only as a worker thread of the policylint CLI');
const settings = workerData as CheckSettings;
/** By configuration file; `undefined` is the built-in defaults. */
const optionsByConfig = new Map<string | undefined, Promise<EngineOptions | undefined>>();

/** Undefined when the file no longer parses (edited during the run); the main thread then checks with its copy. */
function optionsFor(configPath: string | undefined): Promise<EngineOptions | undefined> {
  let options = optionsByConfig.get(configPath);
  if (!options) {
    options =
      configPath === undefined
        ? Promise.resolve(optionsForConfig(emptyConfig, settings))
        : loadConfigFile(configPath, settings.uiLocale).then((loaded) =>
            'result' in loaded && 'config' in loaded.result ? optionsForConfig(loaded.result.config, settings) : undefined,
          );
    optionsByConfig.set(configPath, options);
  }
  return options;
}

async function answer(request: CheckRequest): Promise<CheckResponse> {
  const options = await optionsFor(request.configPath);
  if (!options) return { id: request.id, declined: true };
  return { id: request.id, outcome: checkFile(request, options, settings.uiLocale) };
}

port.on('message', (request: CheckRequest) => {
  answer(request).then(
    (response) => port.postMessage(response),
    // Not expected (checkFile never throws), but a lost answer would leave the file unchecked.
    () => port.postMessage({ id: request.id, declined: true } satisfies CheckResponse),
  );
});
