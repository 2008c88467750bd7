import type { ErrorCode } from '@pgs/domain';

/**
 * Errors are data (STYLE.md): a code, an HTTP status and a Chinese sentence a civil servant understands.
 * Services throw these; one handler in app.ts formats them as `{error:{code,message,details}}`.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    /** One of the domain's ERROR_CODES (packages/domain/src/platform/error-codes.ts), which the web reads too. */
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, 'BAD_REQUEST', message, details);
export const unauthorized = (message = '请先登录', code: ErrorCode = 'UNAUTHENTICATED') =>
  new AppError(401, code, message);
export const forbidden = (message = '当前角色无权执行此操作') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (message: string) => new AppError(404, 'NOT_FOUND', message);
export const conflict = (message: string, code: ErrorCode = 'CONFLICT', details?: unknown) =>
  new AppError(409, code, message, details);
export const unprocessable = (code: ErrorCode, message: string, details?: unknown) =>
  new AppError(422, code, message, details);

/**
 * The standard 409 for optimistic concurrency: someone changed the record since the user loaded it. One code for
 * every versioned write (`STALE_VERSION`), whatever the column is called.
 */
export const staleVersion = (what: string) => conflict(`${what}已被他人修改，请刷新后重试`, 'STALE_VERSION');
