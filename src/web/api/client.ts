/**
 * The one way the web app talks to the API: JSON in and out, the session's CSRF token on
 * every change, the chosen language on every request, and errors as a typed ApiError.
 */

export type FieldMessages = Record<string, string>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldMessages;
  constructor(status: number, code: string, message: string, fields: FieldMessages = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

let csrfToken: string | null = null;
let currentLanguage = 'da';
let networkMessage = 'Network error';
let unauthenticatedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(language: string, networkErrorText: string): void {
  currentLanguage = language;
  networkMessage = networkErrorText;
}

/** Called when a request made while logged in comes back 401: the session has ended. */
export function onUnauthenticated(handler: () => void): void {
  unauthenticatedHandler = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type RequestOptions = { signal?: AbortSignal; quiet401?: boolean };

export async function apiRequest<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const portal = path.startsWith('/api/portal/');
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', networkMessage);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const err = (data as { error?: { code?: string; message?: string; fields?: FieldMessages } } | undefined)?.error;
    const apiError = new ApiError(response.status, err?.code ?? 'http_' + response.status, err?.message ?? response.statusText, err?.fields ?? {});
    // A portal request that finds no portal session is the portal page's business, not the staff login's.
    if (response.status === 401 && apiError.code === 'unauthenticated' && !options.quiet401 && !portal) unauthenticatedHandler?.();
    throw apiError;
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => apiRequest<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, undefined, options),
};

/** A query string from the defined, non-empty values only. */
export function toQuery(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
