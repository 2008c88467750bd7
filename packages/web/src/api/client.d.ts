import { type ClientErrorCode, type ErrorCode } from '@pgs/domain';
/**
 * The one way the web talks to the server: JSON over fetch with the session cookie. Every failure becomes an
 * ApiError carrying the server's `{error:{code,message,details}}`, so pages show the server's Chinese sentence.
 */
export declare const API_BASE = "/api/v1";
export declare class ApiError extends Error {
    readonly status: number;
    /** One of the domain's ERROR_CODES, or a code of the web's own when the server's answer never came. */
    readonly code: ErrorCode | ClientErrorCode;
    readonly details: unknown;
    constructor(status: number, code: string, message: string, details?: unknown);
}
export declare function isApiError(error: unknown): error is ApiError;
export type Query = Record<string, string | number | boolean | null | undefined>;
type RequestOptions = {
    method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    query?: Query;
    /** A plain object is sent as JSON; FormData as multipart. */
    body?: unknown;
    signal?: AbortSignal;
};
/** The app registers what a 401 does (forget the user, go to the login page). */
export declare function setUnauthorizedHandler(handler: (error: ApiError) => void): void;
export declare function apiUrl(path: string, query?: Query): string;
/** A JSON request; 204 answers `undefined`. */
export declare function api<T>(path: string, options?: RequestOptions): Promise<T>;
/** Multipart upload of one file under the field `file`. */
export declare function upload<T>(path: string, file: Blob, fileName?: string): Promise<T>;
/** Downloads a file (Excel exports): errors still come back as ApiError instead of a JSON page. */
export declare function download(path: string, options: {
    query?: Query;
    fallbackName: string;
}): Promise<void>;
export {};
