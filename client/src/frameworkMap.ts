// "Policylint: Show Framework Map": a webview beside the draft with its challenges, countermeasures and
// the links between them, rendered by the language server (the same HTML as `policylint map --format html`).
// The page is static: no scripts, no external resources; it refreshes when the draft is saved.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FRAMEWORK_MAP_REQUEST, type FrameworkMapParams, type FrameworkMapResult } from '../../server/src/protocol';

export class FrameworkMapView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.subscriptions.push(
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.panel && document.uri.toString() === this.uri?.toString()) void this.render();
      }),
    );
  }

  async show(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown draft to see its framework map.'));
      return;
    }
    this.uri = editor.document.uri;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('policylint.frameworkMap', vscode.l10n.t('Framework Map'), vscode.ViewColumn.Beside, {
        enableScripts: false,
        enableFindWidget: true,
      });
      this.panel.onDidDispose(() => (this.panel = undefined), undefined, this.subscriptions);
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    await this.render();
  }

  private async render(): Promise<void> {
    const client = this.client();
    if (!client || !this.panel || !this.uri) return;
    const params: FrameworkMapParams = { uri: client.code2ProtocolConverter.asUri(this.uri), format: 'html' };
    const result = await client.sendRequest<FrameworkMapResult>(FRAMEWORK_MAP_REQUEST, params);
    if (!this.panel) return;
    this.panel.title = `${vscode.l10n.t('Framework Map')}: ${this.uri.path.slice(this.uri.path.lastIndexOf('/') + 1)}`;
    this.panel.webview.html = result?.content ?? `<p>${vscode.l10n.t('The draft is not open or is too large to analyse.')}</p>`;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
