// Imported first by extension.ts, so this line runs before the bundled client library is evaluated: the time
// from here to the end of extension.ts's top level is what evaluating dist/client.js costs (reading and
// parsing the file come before any of its code runs and are not included).
export const bundleEvaluationStarted = performance.now();
