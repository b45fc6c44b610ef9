// Where each rule's documentation lives, relative to the package root. The server and the CLI turn this
// into a file URI (for `codeDescription.href` and "more information" links).
export function ruleDocPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
