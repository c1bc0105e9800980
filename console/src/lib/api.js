// The API at the same origin (/api/v1/...), with the bearer token; problems (application/problem+json) become
// ApiError with a Chinese message for the user: 401 signs out, 403 says 无权限, 404 says 不存在.

export class ApiError extends Error {
  constructor(status, problem) {
    super(messageFor(status, problem));
    this.status = status;
    this.problem = problem;
    this.code = problem?.code;
  }
}

/** The message a person reads for a failed call (never a stack). */
export function messageFor(status, problem) {
  const detail = problem?.detail?.trim();
  const fields = Array.isArray(problem?.errors) && problem.errors.length
    ? `（${problem.errors.map((e) => `${e.field}：${e.message}`).join('；')}）` : '';
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return detail ? `无权限：${detail}` : '无权限';
  if (status === 404) return detail ? `不存在：${detail}` : '不存在';
  if (status === 0) return '无法连接到服务器，请检查网络后重试';
  if (detail) return detail + fields;
  if (problem?.title) return problem.title + fields;
  if (status === 429) return '请求过于频繁，请稍后再试';
  if (status >= 500) return `服务暂时不可用（${status}），请稍后再试`;
  return `请求失败（${status}）`;
}

/** A query string from an object, leaving out empty values. */
export function query(params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function createApi({ token, onUnauthorized, fetchImpl }) {
  const doFetch = fetchImpl ?? ((...a) => globalThis.fetch(...a));
  async function raw(path, { method = 'GET', body, accept = 'application/json', params, headers = {} } = {}) {
    const h = { Accept: accept, 'Accept-Language': 'zh-CN', ...headers };
    const t = token();
    if (t) h.Authorization = `Bearer ${t}`;
    let payload;
    if (body !== undefined) {
      h['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let res;
    try {
      res = await doFetch(path + query(params), { method, headers: h, body: payload, cache: 'no-store' });
    } catch {
      throw new ApiError(0, null);
    }
    if (!res.ok) {
      let problem = null;
      try {
        const text = await res.text();
        problem = text ? JSON.parse(text) : null;
      } catch {
        problem = null;
      }
      const err = new ApiError(res.status, problem);
      if (res.status === 401) onUnauthorized?.(err);
      throw err;
    }
    return res;
  }
  return {
    raw,
    async json(path, options) {
      const res = await raw(path, options);
      if (res.status === 204) return null;
      const text = await res.text();
      return text ? JSON.parse(text) : null;
    },
    get(path, params) {
      return this.json(path, { params });
    },
    post(path, body, params) {
      return this.json(path, { method: 'POST', body, params });
    },
    async blob(path, { accept, params } = {}) {
      const res = await raw(path, { accept, params });
      return { blob: await res.blob(), filename: filenameOf(res.headers.get('Content-Disposition')) };
    },
  };
}

/** The file name of a Content-Disposition header (filename* first), or null. */
export function filenameOf(disposition) {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall back */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : null;
}
