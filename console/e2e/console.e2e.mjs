// The console in a real browser (Debian's chromium, headless) against a launched suite. Run by the Java side with:
// KCZG_GATEWAY_URL, KCZG_{OPERATOR,REVIEWER,AUDITOR,PARTNER}_TOKEN, KCZG_CASE_ID (a waiting, unclaimed review case),
// KCZG_TICKET_ID (an open, overdue ticket), KCZG_TEAM_ID (an active team among its matches), KCZG_YEAR,
// KCZG_SCREENSHOTS (a folder); KCZG_OIDC_ISSUER, an OpenID Connect provider the gateway is set to, where the auditor
// signs in. Screenshots: 01-events.png … 07-tickets-tablet.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

const env = process.env;
const NEEDED = ['KCZG_GATEWAY_URL', 'KCZG_OPERATOR_TOKEN', 'KCZG_REVIEWER_TOKEN', 'KCZG_AUDITOR_TOKEN',
  'KCZG_PARTNER_TOKEN', 'KCZG_CASE_ID', 'KCZG_TICKET_ID', 'KCZG_TEAM_ID', 'KCZG_YEAR'];
const missing = NEEDED.filter((k) => !env[k]);
const BASE = (env.KCZG_GATEWAY_URL ?? '').replace(/\/+$/, '');
const SHOTS = env.KCZG_SCREENSHOTS ?? 'target/screenshots';
const T = { op: env.KCZG_OPERATOR_TOKEN, rev: env.KCZG_REVIEWER_TOKEN, aud: env.KCZG_AUDITOR_TOKEN, partner: env.KCZG_PARTNER_TOKEN };
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

let browser;
let context;
let page;
const pageErrors = [];
const policyViolations = [];

/** Polls `check` until it returns a truthy value (no fixed sleeps); fails with `what` after `timeout` ms. */
async function until(what, check, timeout = 30_000, every = 250) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, every));
  }
  throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

const subOf = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url')).sub;

async function api(method, p, token, body) {
  const res = await fetch(`${BASE}${p}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json',
      ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

function pushTicket(label) {
  return api('POST', '/api/v1/tickets', T.partner, {
    projectName: `控制台测试${label}-${RUN}`,
    industryField: '智能制造',
    technicalProblems: '生产线视觉检测误报率高，需要改进算法。',
    region: '杭州市',
    demandSide: { name: '杭州示例精密制造有限公司' },
    externalId: `console-e2e-${label}-${RUN}`,
    categories: ['RD_SUPPORT'],
    keywords: ['机器视觉', '质量检测'],
  });
}

async function shot(name) {
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
}

async function signIn(token, sub) {
  await page.goto(`${BASE}/console/#token=${token}`);
  await page.getByText(`当前用户：${sub}`).waitFor();
  assert.ok(!page.url().includes(token.split('.')[1]), 'the token is gone from the URL');
  assert.ok(!page.url().includes('token='), 'no token= left in the URL');
}

/**
 * Through the OpenID Connect provider (KCZG_OIDC_ISSUER, the test's own on loopback): it is told which token to issue,
 * the page goes there and back (authorization code + PKCE), and nothing of the exchange stays in the URL.
 */
async function signInByOidc(token, sub) {
  const queued = await fetch(`${env.KCZG_OIDC_ISSUER}/next`, { method: 'POST', body: token });
  assert.equal(queued.status, 200);
  await page.goto(`${BASE}/console/`);
  await page.getByRole('button', { name: '通过统一身份认证登录' }).click();
  await page.getByText(`当前用户：${sub}`).waitFor();
  assert.ok(!/[?&](code|state)=/.test(page.url()), `no code or state left in the URL: ${page.url()}`);
  assert.ok(page.url().startsWith(`${BASE}/console/`), page.url());
}

async function storageHasNoToken(token) {
  const values = await page.evaluate(() => {
    const all = [];
    for (const s of [localStorage, sessionStorage]) {
      for (let i = 0; i < s.length; i++) all.push(s.key(i), s.getItem(s.key(i)));
    }
    return all;
  });
  const payload = token.split('.')[1];
  for (const v of values) {
    assert.ok(!String(v).includes(payload) && !String(v).includes(token.split('.')[2]), 'no token in web storage in clear');
  }
  return values;
}

async function signOut() {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('heading', { name: '登录', exact: true }).waitFor();
}

async function go(view) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: view, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: view }).waitFor();
}

before(async () => {
  if (missing.length) return;
  await fs.mkdir(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (e) => {
    pageErrors.push(e.message);
    console.error('page error:', e.message);
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) policyViolations.push(m.text());
  });
});

after(async () => {
  await browser?.close();
});

test('the operator console in a browser', { skip: missing.length ? `missing ${missing.join(', ')}` : false, timeout: 600_000 }, async (t) => {
  let n = 0;
  const step = (name, fn) => t.test(name, async () => {
    n++;
    try {
      await fn();
    } catch (e) {
      await shot(`failed-${String(n).padStart(2, '0')}.png`).catch(() => {});
      throw e;
    }
  });

  await step('operator signs in with the link: name and roles shown, token out of URL and storage', async () => {
    await signIn(T.op, subOf(T.op));
    await page.getByText('运营人员').first().waitFor();
    const stored = await storageHasNoToken(T.op);
    assert.ok(stored.length > 0, 'a sealed copy is kept in sessionStorage');
  });

  await step('events: a pushed ticket appears live; pause and resume lose nothing', async () => {
    await go('事件流');
    await page.getByTestId('stream-state').filter({ hasText: '已连接' }).waitFor();
    const first = await pushTicket('A');
    const rowA = page.locator('table.events tbody tr[data-type="ticket.created"]', { hasText: first.projectName });
    await rowA.waitFor({ timeout: 60_000 });
    assert.ok((await rowA.innerText()).includes(first.externalId));

    await page.getByRole('button', { name: '暂停' }).click();
    await page.getByTestId('stream-state').filter({ hasText: '已暂停' }).waitFor();
    const second = await pushTicket('B');
    // while paused nothing is read
    assert.equal(await page.locator('table.events tbody tr', { hasText: second.externalId }).count(), 0);
    await page.getByRole('button', { name: '继续' }).click();
    await page.getByTestId('stream-state').filter({ hasText: '已连接' }).waitFor();
    await page.locator('table.events tbody tr[data-type="ticket.created"]', { hasText: second.externalId }).waitFor({ timeout: 60_000 });
    await page.locator('table.events tr.resume', { hasText: '已从断点续接' }).first().waitFor();
    await shot('01-events.png');
  });

  const theCase = await api('GET', `/api/v1/reviews/${env.KCZG_CASE_ID}`, T.op);

  async function openCase() {
    await go('资格审查');
    await page.getByLabel('申请编号').fill(theCase.applicationId);
    await page.getByLabel('状态').selectOption('ANY');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('button', { name: `查看 ${theCase.applicationName}` }).click();
    await page.getByRole('heading', { name: `案件：${theCase.applicationName}` }).waitFor();
  }

  await step('reviews as operator: the case is listed, assign shown, claim not', async () => {
    await openCase();
    assert.equal(await page.getByRole('button', { name: '分派', exact: true }).count(), 1);
    assert.equal(await page.getByRole('button', { name: '认领' }).count(), 0);
    await page.getByText('申报资格').first().waitFor(); // the checks
    await shot('02-reviews-operator.png');
  });

  await step('sign out, then a reviewer claims and approves the case', async () => {
    await signOut();
    await storageHasNoToken(T.op);
    assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage)), []);
    await signIn(T.rev, subOf(T.rev));
    await page.getByText('审查员').first().waitFor();
    const nav = page.getByRole('navigation', { name: '主导航' });
    assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['资格审查']);
    await openCase();
    assert.equal(await page.getByRole('button', { name: '分派', exact: true }).count(), 0);
    await page.getByRole('button', { name: '认领' }).click();
    await page.getByRole('status').filter({ hasText: '已认领' }).waitFor();
    await page.getByRole('button', { name: '通过', exact: true }).click();
    await page.getByTestId('case-status').filter({ hasText: '已通过' }).waitFor();
    await shot('03-reviews.png');
  });

  await step('tickets as operator: the overdue ticket first, its matches, assigned to the team', async () => {
    await signOut();
    await signIn(T.op, subOf(T.op));
    await go('需求大厅');
    const overdue = page.getByRole('region', { name: /^已超时工单（/ });
    const row = overdue.locator(`tr[data-ticket-id="${env.KCZG_TICKET_ID}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), /已超时/);
    // the overdue list comes before the other open tickets
    const headings = await page.getByRole('heading', { level: 3 }).allInnerTexts();
    assert.ok(headings.findIndex((h) => h.startsWith('已超时')) < headings.findIndex((h) => h.startsWith('其他工单')));
    await row.getByRole('button', { name: /查看匹配/ }).click();
    const match = page.locator(`#ticket-detail tr[data-team-id="${env.KCZG_TEAM_ID}"]`);
    await match.waitFor();
    const teamName = (await match.getByRole('rowheader').innerText()).replace(/\s*当前$/, '').trim();
    const assign = match.getByRole('button', { name: /^分派给/ });
    if (await assign.isEnabled()) {
      await page.getByLabel(/分派原因/).fill('控制台端到端测试：超时工单改派给匹配度更高的服务团');
      await assign.click();
      await page.getByRole('status').filter({ hasText: '已分派给' }).waitFor();
    }
    await page.getByTestId('ticket-team').filter({ hasText: teamName }).waitFor();
    await shot('04-tickets.png');
  });

  await step('assessment: a run reaches 100 %, grades chart, ranking, CSV', async () => {
    await go('年度考核');
    await page.getByRole('spinbutton', { name: '考核年度' }).fill(String(env.KCZG_YEAR));
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await page.getByRole('button', { name: '开始考核运行' }).click();
    await page.locator('progress#run-progress').waitFor();
    await until('the progress bar at 100 %', async () =>
      (await page.getByTestId('run-percent').innerText()).trim() === '100 %'
      && (await page.locator('progress#run-progress').evaluate((p) => p.value)) === 100, 180_000, 500);
    await page.getByTestId('run-state').filter({ hasText: '已完成' }).waitFor();
    await page.getByRole('img', { name: /等级分布柱状图/ }).waitFor();
    const ranking = page.getByRole('region', { name: '牵头单位排名表' });
    await ranking.locator('tbody tr:not(:has(td.empty))').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载排名 CSV' }).click(),
    ]);
    const csv = (await fs.readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    assert.match(csv.split(/\r?\n/)[0], /^年度,排名,统一社会信用代码/);
    await shot('05-assessment.png');
  });

  await step('operations: the outbox of four services', async () => {
    await go('运行保障');
    const rows = page.getByRole('region', { name: '发件箱积压表' }).locator('tbody tr');
    await until('four services in the outbox table', async () => (await rows.count()) === 4);
    await page.getByRole('heading', { name: '死信' }).waitFor();
    await shot('06-operations.png');
  });

  await step('auditor: signs in at the identity provider; no operations in the nav, events visible; tablet size; keyboard', async () => {
    await signOut();
    if (env.KCZG_OIDC_ISSUER) {
      await signInByOidc(T.aud, subOf(T.aud));
      await storageHasNoToken(T.aud);
    } else {
      await signIn(T.aud, subOf(T.aud));
    }
    const nav = page.getByRole('navigation', { name: '主导航' });
    const links = await nav.getByRole('link').allInnerTexts();
    assert.ok(links.includes('事件流'));
    assert.ok(!links.includes('运行保障'));
    await go('事件流');
    await page.getByTestId('stream-state').filter({ hasText: '已连接' }).waitFor();

    await page.setViewportSize({ width: 768, height: 1024 });
    await go('需求大厅');
    await page.locator(`tr[data-ticket-id="${env.KCZG_TICKET_ID}"]`).first().waitFor();
    assert.equal(await page.getByRole('button', { name: /^分派给/ }).count(), 0, 'an auditor assigns nothing');
    await shot('07-tickets-tablet.png');
    // nothing sticks out sideways but the tables, which scroll inside their regions
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));

    // keyboard: Tab reaches the navigation, Enter switches the view
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.evaluate(() => document.activeElement?.blur());
    await until('focus on the 年度考核 link', async () => {
      await page.keyboard.press('Tab');
      return page.evaluate(() => document.activeElement?.matches('nav.main-nav a') && document.activeElement.textContent === '年度考核');
    }, 20_000, 50);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: '年度考核' }).waitFor();
    assert.match(page.url(), /#\/assessment$/);
    assert.equal(await nav.getByRole('link', { name: '年度考核' }).getAttribute('aria-current'), 'page');
  });

  await step('no script errors and nothing the content security policy refused', async () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(policyViolations, []);
  });
});
