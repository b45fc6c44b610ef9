// Keeps the language server running. When its process dies, the client restarts it (at most MAX_RESTARTS times
// in RESTART_WINDOW_MS, the budget of VS Code's own default handler) and the user sees one warning per crash;
// past the budget it stops and says so in one error with "Restart Language Server". Every result is marked
// `handled`, and the client runs with `revealOutputChannelOn: Never`, so the client library adds no pop-ups of
// its own ("Connection to server got closed", failed requests): they go to the output channel only.
// On restart the client library sends didOpen for every open document again, so the new server re-checks them.
import type { ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  State,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClient,
} from 'vscode-languageclient/node';

export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;
/** Connection errors in a row that the client tolerates from a live server before shutting it down. */
const MAX_CONNECTION_ERRORS = 3;
/**
 * Writes to a server that was just killed fail (EPIPE) before Node reports the process's exit; this long the
 * supervisor waits for that exit before it takes the errors for a broken connection to a live server.
 */
const EXIT_GRACE_MS = 2000;
const CONTINUE: ErrorHandlerResult = { action: ErrorAction.Continue, handled: true };

export class ServerSupervisor implements ErrorHandler, vscode.Disposable {
  private crashes: number[] = [];
  private restartPending = false;
  private shuttingDown = false;
  private serverProcess: ChildProcess | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly output: vscode.LogOutputChannel,
    private readonly restartCommand: string,
  ) {}

  /** Follows the client's state: logs each server process, and announces a restart once it is running again. */
  watch(client: LanguageClient): void {
    this.subscriptions.push(
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) this.started(client.serverProcess);
      }),
    );
  }

  /** Called before a restart the user asked for: it starts a fresh budget and is no crash to announce. */
  reset(): void {
    this.crashes = [];
    this.restartPending = false;
    this.shuttingDown = false;
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes = this.crashes.filter((at) => now - at < RESTART_WINDOW_MS);
    this.crashes.push(now);
    const count = this.crashes.length;
    if (count > MAX_RESTARTS) {
      this.reset();
      void this.reportGivenUp(count);
      return {
        action: CloseAction.DoNotRestart,
        handled: true,
        message: `The language server stopped unexpectedly ${count} times in 3 minutes and will not be restarted again.`,
      };
    }
    this.restartPending = true;
    return {
      action: CloseAction.Restart,
      handled: true,
      message: `The language server stopped unexpectedly; restarting it (restart ${count} of at most ${MAX_RESTARTS} in 3 minutes).`,
    };
  }

  async error(_error: Error, _message: unknown, count: number | undefined): Promise<ErrorHandlerResult> {
    if (count === undefined || count <= MAX_CONNECTION_ERRORS || this.shuttingDown) return CONTINUE;
    // A server that died makes every write fail; its exit reaches `closed`, which restarts it.
    if (await exits(this.serverProcess, EXIT_GRACE_MS)) return CONTINUE;
    if (this.shuttingDown) return CONTINUE;
    this.shuttingDown = true;
    void this.reportBroken();
    return { action: ErrorAction.Shutdown, handled: true, message: 'The connection to the language server keeps failing; stopping the server.' };
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private started(child: ChildProcess | undefined): void {
    this.serverProcess = child;
    this.shuttingDown = false;
    // The client library logs the process's exit ("Server process exited with signal SIGKILL.") but not its id.
    this.output.info(`Language server process ${child?.pid ?? '(unknown)'} started.`);
    if (!this.restartPending) return;
    this.restartPending = false;
    this.output.warn('The language server was restarted after it stopped unexpectedly; open drafts are checked again.');
    void this.offerOutput(
      vscode.window.showWarningMessage(vscode.l10n.t("Policylint's language server stopped unexpectedly and was restarted."), vscode.l10n.t('Show Output')),
    );
  }

  private async reportGivenUp(count: number): Promise<void> {
    const message = vscode.l10n.t("Policylint's language server stopped unexpectedly {0} times in 3 minutes and will not be restarted again.", count);
    await this.offerRestart(vscode.window.showErrorMessage(message, vscode.l10n.t('Restart Language Server'), vscode.l10n.t('Show Output')));
  }

  private async reportBroken(): Promise<void> {
    const message = vscode.l10n.t("Policylint's language server was stopped because the connection to it kept failing.");
    await this.offerRestart(vscode.window.showErrorMessage(message, vscode.l10n.t('Restart Language Server'), vscode.l10n.t('Show Output')));
  }

  private async offerRestart(choice: Thenable<string | undefined>): Promise<void> {
    const picked = await choice;
    if (picked === vscode.l10n.t('Restart Language Server')) await vscode.commands.executeCommand(this.restartCommand);
    else if (picked === vscode.l10n.t('Show Output')) this.output.show(true);
  }

  private async offerOutput(choice: Thenable<string | undefined>): Promise<void> {
    if ((await choice) === vscode.l10n.t('Show Output')) this.output.show(true);
  }
}

/** Whether `child` has exited or exits within `ms` milliseconds (true when there is no process to watch). */
function exits(child: ChildProcess | undefined, ms: number): Promise<boolean> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', exited);
      resolve(false);
    }, ms);
    const exited = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', exited);
  });
}
