// Browser tests of the Parley web chat widget against a running gateway (the local platform):
// playwright-core drives Debian's chromium headless through the demo page.
//
//   node run.mjs --base-url http://localhost:8080 [--out target/widget-e2e] [--chromium /usr/bin/chromium]
//                [--only name,name]
//
// Prints one line per scenario and a closing "N passed, N failed"; exits 1 when any failed. Screenshots go to --out.
import { chromium } from 'playwright-core';
import { mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
const BASE = (args['base-url'] || 'http://localhost:8080').replace(/\/+$/, '');
const OUT = args.out || 'target/widget-e2e';
const CHROMIUM = args.chromium || process.env.PARLEY_CHROMIUM || '/usr/bin/chromium';
const ONLY = args.only ? args.only.split(',') : null;
const WAIT = 15000;

if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}: run bin/ci-browser-setup (installs Debian's chromium and this `
    + 'suite\'s npm packages), or pass --chromium PATH.');
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });

// As the machine notes say: root needs --no-sandbox; the background-networking flags stop chromium from calling
// Google's hosts, which this machine's closed network refuses.
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

// ------------------------------------------------------------------------------------------------ helpers

function fail(message) {
  throw new Error(message);
}

async function eventually(what, check, timeout = WAIT) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  fail(`timed out waiting for ${what}${last ? ` (${last.message})` : ''}`);
}

/** The widget's parts; Playwright's locators pierce its open shadow root. */
function widget(page) {
  return {
    launcher: page.getByRole('button', { name: /^(Open|Close) chat$/ }),
    log: page.getByRole('log', { name: 'Conversation' }),
    input: page.getByRole('textbox', { name: 'Message' }),
    choice: (label) => page.locator('[data-parley-chat] .choices:not(.stale) button', { hasText: label }),
    end: page.getByRole('button', { name: 'End chat', exact: true }),
    again: page.getByRole('button', { name: 'Start again', exact: true }),
  };
}

/** The transcript as the visitor sees it: one line per bubble or note, "user: ..." or "bot: ...". */
async function transcript(page) {
  return page.locator('[data-parley-chat]').evaluate((host) => {
    const lines = [];
    host.shadowRoot.querySelectorAll('.log > *').forEach((node) => {
      if (node.classList.contains('msg')) {
        lines.push(`${node.classList.contains('user') ? 'user' : 'bot'}: ${node.querySelector('.bubble').textContent}`);
      } else if (node.classList.contains('choices')) {
        lines.push(`choices: ${[...node.querySelectorAll('button')].map((b) => b.textContent).join(' | ')}`);
      } else {
        lines.push(`note: ${node.textContent}`);
      }
    });
    return lines;
  });
}

async function count(page, line) {
  return (await transcript(page)).filter((l) => l === line).length;
}

async function waitForLine(page, line, times = 1) {
  await eventually(`"${line}" x${times} in the transcript`, async () => (await count(page, line)) >= times);
  const seen = await count(page, line);
  if (seen !== times) fail(`"${line}" appears ${seen} times, expected ${times}:\n${(await transcript(page)).join('\n')}`);
}

async function settled(page) {
  return eventually('the widget to be connected with nothing pending', () => page.evaluate(() => {
    const s = window.ParleyChat && window.ParleyChat.state();
    return s && s.connected && s.pending === 0 ? s : null;
  }));
}

async function say(page, text) {
  const w = widget(page);
  await w.input.fill(text);
  await w.input.press('Enter');
}

function noDuplicates(lines, allowed) {
  const seen = new Map();
  for (const line of lines) seen.set(line, (seen.get(line) || 0) + 1);
  for (const [line, n] of seen) {
    if (n > 1 && !allowed.includes(line)) fail(`"${line}" is shown ${n} times:\n${lines.join('\n')}`);
  }
}

async function openDemo(context) {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`    page error: ${e.message}`));
  await page.goto(`${BASE}/widget/demo`);
  await widget(page).launcher.click();
  await waitForLine(page, "bot: Hi, I'm the Parley demo assistant.");
  return page;
}

const WELCOME = "bot: Hi, I'm the Parley demo assistant.";
const MENU = 'choices: Order Status | Account Issues | Frequently Asked Questions | End Chat';

// ------------------------------------------------------------------------------------------------ scenarios

const scenarios = [];
function scenario(name, run, contextOptions = {}) {
  scenarios.push({ name, run, contextOptions });
}

scenario('converse-choose-reload-end', async (context) => {
  const page = await openDemo(context);
  const w = widget(page);
  await waitForLine(page, 'bot: How can I help you today?');
  await waitForLine(page, MENU);
  if ((await w.log.getAttribute('aria-live')) !== 'polite') fail('the transcript is not an aria-live log');
  await page.screenshot({ path: join(OUT, '01-welcome.png') });

  // a choice, then free text the bot collects
  await w.choice('Order Status').click();
  await waitForLine(page, 'user: Order Status');
  await waitForLine(page, 'bot: What is your order number?');
  await say(page, 'A-1001');
  await waitForLine(page, 'bot: Thanks! Order A-1001 has shipped and should arrive within 3 business days.');
  await waitForLine(page, 'bot: Is there anything else I can help you with?');
  await settled(page);
  await page.screenshot({ path: join(OUT, '02-choice-and-text.png') });
  const before = await transcript(page);
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage)
    .find((k) => k.startsWith('parley-chat:v1:')))).token);

  // reload right after sending: the message is in flight (or not even sent) when the page goes away
  await say(page, 'where is my order');
  await page.reload();
  await waitForLine(page, 'user: where is my order');
  await eventually('the bot to ask for the order number again',
    async () => (await count(page, 'bot: What is your order number?')) === 2);
  await settled(page);
  const after = await transcript(page);
  if (after.slice(0, before.length).join('\n') !== before.join('\n')) {
    fail(`the transcript changed across the reload:\nbefore:\n${before.join('\n')}\nafter:\n${after.join('\n')}`);
  }
  noDuplicates(after, [MENU, 'bot: What is your order number?']);
  const resumedToken = await page.evaluate(() => JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage)
    .find((k) => k.startsWith('parley-chat:v1:')))).token);
  if (resumedToken !== token) fail('the reload started a new conversation');
  await say(page, 'B-2002');
  await waitForLine(page, 'bot: Thanks! Order B-2002 has shipped and should arrive within 3 business days.');
  await page.screenshot({ path: join(OUT, '03-after-reload.png') });

  // end the chat, then start again
  await w.end.click();
  await waitForLine(page, 'note: This chat has ended.Start again');
  if (!(await w.input.isDisabled())) fail('the input stays enabled after the chat ended');
  await page.screenshot({ path: join(OUT, '04-ended.png') });
  await w.again.click();
  await waitForLine(page, WELCOME, 2);
  await settled(page);
  if (await w.input.isDisabled()) fail('the input stays disabled after starting again');
  await page.screenshot({ path: join(OUT, '05-started-again.png') });
});

scenario('dropped-connection-resumes', async (context) => {
  let connections = 0;
  let current = null;
  const page = await context.newPage();
  await page.routeWebSocket(/\/widget\/v1\/.*\/ws$/, (ws) => {
    connections++;
    current = ws;
    ws.connectToServer();
  });
  await page.goto(`${BASE}/widget/demo`);
  await widget(page).launcher.click();
  await waitForLine(page, WELCOME);
  await settled(page);
  // the network drops; the visitor types meanwhile
  await current.close({ code: 4000, reason: 'test: connection dropped' });
  await say(page, 'Account Issues');
  await eventually('a second connection', () => connections >= 2);
  await waitForLine(page, 'bot: To change your email address or billing details, open Settings, then Account.');
  await settled(page);
  noDuplicates(await transcript(page), [MENU]);
  await waitForLine(page, 'user: Account Issues');
  await page.screenshot({ path: join(OUT, '06-after-drop.png') });
});

scenario('http-fallback-when-websockets-are-blocked', async (context) => {
  // a proxy that refuses the upgrade: the socket errors and closes without ever opening
  await context.addInitScript(() => {
    window.WebSocket = class BlockedWebSocket {
      constructor() {
        this.readyState = 0;
        setTimeout(() => {
          this.readyState = 3;
          if (this.onerror) this.onerror(new Event('error'));
          if (this.onclose) this.onclose({ code: 1006, reason: '', wasClean: false });
        }, 20);
      }
      send() { throw new Error('not open'); }
      close() {}
    };
  });
  const page = await openDemo(context);
  const state = await settled(page);
  if (state.transport !== 'http') fail(`transport is ${state.transport}, expected http`);
  await widget(page).choice('Frequently Asked Questions').click();
  await waitForLine(page, 'bot: Returns are free within 30 days of delivery.');
  await say(page, 'Order Status');
  await waitForLine(page, 'bot: What is your order number?');
  await say(page, 'C-3003');
  await waitForLine(page, 'bot: Thanks! Order C-3003 has shipped and should arrive within 3 business days.');
  noDuplicates(await transcript(page), [MENU]);
  await page.screenshot({ path: join(OUT, '07-http-fallback.png') });
});

scenario('keyboard-and-aria', async (context) => {
  const page = await context.newPage();
  await page.goto(`${BASE}/widget/demo`);
  const w = widget(page);
  if ((await w.launcher.getAttribute('aria-expanded')) !== 'false') fail('launcher lacks aria-expanded=false');
  // tab through the site to the launcher (it comes last on the page)
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await w.launcher.evaluate((b) => b.getRootNode().activeElement === b);
  }
  if (!reached) fail('the launcher cannot be reached with Tab');
  await page.keyboard.press('Enter');
  await waitForLine(page, WELCOME);
  if (!(await w.input.evaluate((i) => i.getRootNode().activeElement === i))) fail('opening does not focus the input');
  await page.keyboard.type('Main Menu');
  await page.keyboard.press('Enter');
  await waitForLine(page, 'user: Main Menu');
  await waitForLine(page, MENU, 2);
  const roles = await page.locator('[data-parley-chat]').evaluate((host) => {
    const r = host.shadowRoot;
    return {
      dialog: !!r.querySelector('[role=dialog][aria-label]'),
      choices: [...r.querySelectorAll('.choices')].every((g) => g.getAttribute('role') === 'group'
        && [...g.children].every((b) => b.tagName === 'BUTTON')),
      label: !!r.querySelector('label[for=parley-input]'),
    };
  });
  if (!roles.dialog || !roles.choices || !roles.label) fail(`ARIA roles missing: ${JSON.stringify(roles)}`);
  // the newest menu's buttons are in the tab order, arrow keys move between them (wrapping), Home/End jump;
  // Escape minimises and gives focus back to the launcher
  const focused = () => page.locator('[data-parley-chat]').evaluate((host) => host.shadowRoot.activeElement?.textContent);
  const labels = await page.locator('[data-parley-chat] .choices:not(.stale) button').allTextContents();
  await w.choice(labels[0]).focus();
  await page.keyboard.press('ArrowDown');
  if ((await focused()) !== labels[1]) fail(`ArrowDown does not move to the next choice: ${await focused()}`);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  if ((await focused()) !== labels[labels.length - 1]) fail(`ArrowUp does not wrap to the last choice: ${await focused()}`);
  await page.keyboard.press('Home');
  if ((await focused()) !== labels[0]) fail(`Home does not move to the first choice: ${await focused()}`);
  await w.choice('Order Status').focus();
  await page.keyboard.press('Enter');
  await waitForLine(page, 'bot: What is your order number?');
  await page.keyboard.press('Escape');
  if (!(await w.launcher.evaluate((b) => b.getRootNode().activeElement === b))) fail('Escape does not return focus');
  if ((await w.launcher.getAttribute('aria-expanded')) !== 'false') fail('Escape does not close the panel');
});

scenario('narrow-mobile-screen-and-css-isolation', async (context) => {
  const page = await openDemo(context);
  const box = await page.locator('[data-parley-chat] .panel').boundingBox();
  if (!box || box.x < 0 || box.x + box.width > 360.5) fail(`the panel does not fit 360 px: ${JSON.stringify(box)}`);
  const input = await widget(page).input.boundingBox();
  if (!input || input.y + input.height > 740 || input.width < 200) fail(`the input is not usable: ${JSON.stringify(input)}`);
  // the demo site styles every button red, uppercase, Comic Sans, with !important: none of it may reach the widget
  const style = await widget(page).choice('Order Status').evaluate((b) => {
    const s = getComputedStyle(b);
    return { transform: s.textTransform, font: s.fontFamily };
  });
  if (style.transform === 'uppercase' || /comic/i.test(style.font)) fail(`site CSS leaks in: ${JSON.stringify(style)}`);
  await page.screenshot({ path: join(OUT, '08-mobile-360.png') });
}, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

// ------------------------------------------------------------------------------------------------ run

let passed = 0;
let failed = 0;
for (const { name, run, contextOptions } of scenarios) {
  if (ONLY && !ONLY.includes(name)) continue;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const started = Date.now();
  try {
    await run(context);
    passed++;
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}: ${e.message}`);
    for (const page of context.pages()) {
      await page.screenshot({ path: join(OUT, `failed-${name}.png`) }).catch(() => {});
    }
  } finally {
    await context.close();
  }
}
await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
