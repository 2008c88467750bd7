import { CLIENT_ERROR_CODES, isErrorCode, type ClientErrorCode, type ErrorCode } from '@pgs/domain';

/**
 * The one way the web talks to the server: JSON over fetch with the session cookie. Every failure becomes an
 * ApiError carrying the server's `{error:{code,message,details}}`, so pages show the server's Chinese sentence.
 */
export const API_BASE = '/api/v1';

export class ApiError extends Error {
  readonly status: number;
  /** One of the domain's ERROR_CODES, or a code of the web's own when the server's answer never came. */
  readonly code: ErrorCode | ClientErrorCode;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = isErrorCode(code) || isClientErrorCode(code) ? code : 'ERROR';
    this.details = details;
  }
}

function isClientErrorCode(code: string): code is ClientErrorCode {
  return (CLIENT_ERROR_CODES as readonly string[]).includes(code);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** A plain object is sent as JSON; FormData as multipart. */
  body?: unknown;
  signal?: AbortSignal;
};

/** Paths whose 401 is an answer to show, not an expired session (wrong password, not signed in yet). */
const OWN_401_PATHS = ['/auth/login', '/auth/me', '/auth/password'];

let onUnauthorized: (error: ApiError) => void = () => {};

/** The app registers what a 401 does (forget the user, go to the login page). */
export function setUnauthorizedHandler(handler: (error: ApiError) => void): void {
  onUnauthorized = handler;
}

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接到系统，请检查网络后重试');
  }
  if (response.ok) return response;
  const error = await toApiError(response);
  if (error.status === 401 && !OWN_401_PATHS.includes(path)) onUnauthorized(error);
  throw error;
}

async function toApiError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // not JSON: a proxy or gateway answered
  }
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.message === 'string') {
    return new ApiError(
      response.status,
      typeof error.code === 'string' ? error.code : 'ERROR',
      error.message,
      error.details,
    );
  }
  const message =
    response.status >= 500
      ? `系统暂时无法处理请求，请稍后重试（错误代码 ${response.status}）`
      : `请求未能完成（错误代码 ${response.status}）`;
  return new ApiError(response.status, 'HTTP_ERROR', message);
}

/** A JSON request; 204 answers `undefined`. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Multipart upload of one file under the field `file`. */
export function upload<T>(path: string, file: Blob, fileName?: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, fileName ?? (file instanceof File ? file.name : 'upload'));
  return api<T>(path, { method: 'POST', body: form });
}

function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1];
  return plain?.trim() || fallback;
}

/** Downloads a file (Excel exports): errors still come back as ApiError instead of a JSON page. */
export async function download(path: string, options: { query?: Query; fallbackName: string }): Promise<void> {
  const response = await send(path, { query: options.query }, '*/*');
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, options.fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}
