// Custom protocol between the Policylint client and server, defined once and imported by both sides.

/** Request: the framework map of an open document, rendered in one of the CLI's formats. */
export const FRAMEWORK_MAP_REQUEST = 'policylint/frameworkMap';

export interface FrameworkMapParams {
  readonly uri: string;
  readonly format: 'html' | 'mermaid' | 'json';
}

/** The rendered map, or null when the document is not open or was too large to analyse. */
export type FrameworkMapResult = { readonly content: string } | null;

/** Client command run by the structure code lenses: reveal a range in a document. */
export const REVEAL_RANGE_COMMAND = 'policylint.revealRange';
