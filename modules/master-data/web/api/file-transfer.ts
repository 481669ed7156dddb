import {
  ApiError,
  ClientErrorCode,
  buildQuery,
  http,
  toApiError,
  type HttpClient,
  type Query,
} from '@mes/web-core';

/** A file the API sent: its bytes and the name its Content-Disposition gives. */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** The `filename*` (RFC 5987) or `filename` of a Content-Disposition header; null when absent. */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall back to the plain filename
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name || null;
}

async function errorOf(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = undefined;
    }
  }
  return toApiError(res.status, res.statusText, body);
}

/**
 * Requests the JSON http client cannot make: a multipart upload and a binary download (PDF,
 * spreadsheet), with the same bearer token and one refresh-and-retry on a 401.
 */
export function createFileTransfer(
  client: HttpClient = http,
  fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
) {
  const url = (path: string, query?: Query) => `${client.baseUrl}${path}${buildQuery(query)}`;

  async function send(method: 'GET' | 'POST', path: string, query?: Query, body?: FormData) {
    const attempt = async (token: string | null) => {
      const headers: Record<string, string> = { Accept: '*/*' };
      if (token) headers['Authorization'] = `Bearer ${token}`;
      const init: RequestInit = { method, headers };
      if (body) init.body = body;
      try {
        return await fetchImpl(url(path, query), init);
      } catch (e) {
        throw new ApiError(0, ClientErrorCode.NETWORK_ERROR, e instanceof Error ? e.message : String(e));
      }
    };
    const token = await client.freshAccessToken();
    let res = await attempt(token);
    if (res.status === 401 && token && (await client.refresh())) {
      res = await attempt(await client.freshAccessToken());
    }
    return res;
  }

  return {
    /** GET a file; a non-2xx answer rejects with its ApiError. */
    async download(path: string, query?: Query, fallbackName = 'download'): Promise<DownloadedFile> {
      const res = await send('GET', path, query);
      if (!res.ok) throw await errorOf(res);
      return {
        blob: await res.blob(),
        filename: filenameOf(res.headers.get('Content-Disposition')) ?? fallbackName,
      };
    },
    /**
     * POST a multipart form; resolves with the status and the JSON body of any answer (the caller
     * decides what a 4xx means), rejects only when the API cannot be reached.
     */
    async upload(path: string, form: FormData, query?: Query): Promise<{ status: number; body: unknown }> {
      const res = await send('POST', path, query, form);
      const text = await res.text();
      let body: unknown = undefined;
      try {
        body = text ? (JSON.parse(text) as unknown) : undefined;
      } catch {
        body = text;
      }
      return { status: res.status, body };
    },
    /** The ApiError of an upload's answer (for a status the caller does not handle itself). */
    errorOf: (status: number, body: unknown) => toApiError(status, '', body),
  };
}

export type FileTransfer = ReturnType<typeof createFileTransfer>;

/** Offers a downloaded file to the user (the browser's download of an object URL). */
export function saveFile(file: DownloadedFile): void {
  const href = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = file.filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => {
    URL.revokeObjectURL(href);
  }, 60_000);
}
