import { ApiError, apiUrl, type Query } from '../api/client.ts';
import { queryClient } from '../api/queryClient.ts';
import { forgetSession } from '../auth/session.ts';

/** How far an upload has got: bytes sent of the request body (the multipart form), and whether it is all sent. */
export type UploadProgress = { loaded: number; total: number; percent: number; sent: boolean };

/**
 * Multipart upload of one file under `file`, like `upload` of api/client.ts, but through XMLHttpRequest: fetch
 * reports no upload progress, and a 60 MB workbook takes a while to stream in. Every failure becomes the same
 * Chinese ApiError as api/client.ts makes (the server's `{error:{code,message,details}}`, or a sentence of our own
 * for a network failure or a proxy's non-JSON answer); a 401 forgets the session like the app's handler does.
 */
export function uploadWithProgress<T>(
  path: string,
  file: Blob,
  options: {
    query?: Query;
    fileName?: string;
    onProgress?: (progress: UploadProgress) => void;
    signal?: AbortSignal;
  } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path, options.query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'text';

    xhr.upload.onprogress = (event) => {
      const total = event.lengthComputable ? event.total : file.size;
      const loaded = Math.min(event.loaded, total || event.loaded);
      options.onProgress?.({ loaded, total, percent: total > 0 ? Math.floor((loaded / total) * 100) : 0, sent: false });
    };
    xhr.upload.onload = () => options.onProgress?.({ loaded: file.size, total: file.size, percent: 100, sent: true });
    xhr.onerror = () => {
      reject(new ApiError(0, 'NETWORK_ERROR', '无法连接到系统，请检查网络后重试'));
    };
    xhr.ontimeout = () => {
      reject(new ApiError(0, 'NETWORK_ERROR', '上传超时，请检查网络后重试'));
    };
    xhr.onabort = () => {
      reject(new DOMException('上传已取消', 'AbortError'));
    };
    xhr.onload = () => {
      const payload = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(payload as T);
        return;
      }
      const error = toApiError(xhr.status, payload);
      if (error.status === 401) forgetSession(queryClient);
      reject(error);
    };

    if (options.signal) {
      if (options.signal.aborted) {
        reject(new DOMException('上传已取消', 'AbortError'));
        return;
      }
      options.signal.addEventListener(
        'abort',
        () => {
          xhr.abort();
        },
        { once: true },
      );
    }

    const form = new FormData();
    form.append('file', file, options.fileName ?? (file instanceof File ? file.name : 'upload.xlsx'));
    xhr.send(form);
  });
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The same reading of an error answer as api/client.ts: the server's sentence, or one of ours by status. */
function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null | undefined)
    ?.error;
  if (error && typeof error.message === 'string') {
    return new ApiError(status, typeof error.code === 'string' ? error.code : 'ERROR', error.message, error.details);
  }
  // An answer that is the report itself (422 with {year, rows, valid, errors}): keep it as the details.
  if (payload && typeof payload === 'object' && Array.isArray((payload as { errors?: unknown }).errors)) {
    return new ApiError(status, 'VALIDATION_FAILED', '文件中有错误，未写入任何数据', payload);
  }
  if (status === 413) return new ApiError(status, 'PAYLOAD_TOO_LARGE', '文件过大，超过系统允许的上限');
  const message =
    status >= 500 ? `系统暂时无法处理请求，请稍后重试（错误代码 ${status}）` : `请求未能完成（错误代码 ${status}）`;
  return new ApiError(status, 'HTTP_ERROR', message);
}
