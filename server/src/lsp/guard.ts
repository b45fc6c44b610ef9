// Every request handler runs inside `guarded`: an engine exception is logged and answered with the empty
// result, a cancelled request is answered with RequestCancelled, and the server keeps running.
import { LSPErrorCodes, ResponseError, type CancellationToken, type RemoteConsole } from 'vscode-languageserver/node';

export type GuardedHandler<P, R> = (params: P, token: CancellationToken) => Promise<R | ResponseError<void>>;

export function guarded<P, R>(
  console: RemoteConsole,
  name: string,
  empty: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): GuardedHandler<P, R> {
  return async (params, token) => {
    if (token.isCancellationRequested) return cancelled();
    try {
      const result = await handler(params, token);
      return token.isCancellationRequested ? cancelled() : result;
    } catch (error) {
      console.error(`${name} failed: ${errorText(error)}`);
      return empty;
    }
  };
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
