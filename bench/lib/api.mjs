// Small HTTP helpers against the 售后通 API, for set-up steps outside the measured loop.

/** Logs in and returns { cookie: 'sht_sid=…', csrfToken, me }. Throws on anything but 200. */
export async function login(baseUrl, username, password) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`login as ${username} failed: HTTP ${res.status} ${text.slice(0, 300)}`);
  const setCookies = res.headers.getSetCookie();
  const sid = setCookies.map((c) => c.split(';')[0]).find((c) => c?.startsWith('sht_sid='));
  if (!sid) throw new Error(`login as ${username}: no sht_sid cookie in ${JSON.stringify(setCookies)}`);
  const body = JSON.parse(text);
  return { cookie: sid, csrfToken: body.csrfToken ?? body.me?.csrfToken ?? null, me: body };
}

/** GET that must answer 200 with JSON; returns the parsed body. */
export async function getJson(url, headers = {}) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}
