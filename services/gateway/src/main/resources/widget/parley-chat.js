/*! Parley web chat widget, protocol v1. Embed with one script tag; see docs/widget/README.md. */
(function () {
  'use strict';
  if (window.ParleyChat) {
    return; // embedded twice: the first one wins
  }

  // ---------------------------------------------------------------- settings (data- attributes of the script tag)

  var script = document.currentScript || (function () {
    var all = document.querySelectorAll('script[src*="parley-chat"]');
    return all[all.length - 1];
  })();
  if (!script) {
    return;
  }
  function data(name, fallback) {
    var value = script.getAttribute('data-' + name);
    return value === null || value === '' ? fallback : value;
  }
  var ORG = data('org-id', '');
  var BOT = data('bot-id', '');
  var GATEWAY = data('gateway-url', new URL(script.src, location.href).origin).replace(/\/+$/, '');
  var COLOR = cssColor(data('primary-color', '#0b5cab'));
  var TITLE = data('title', 'Chat with us');
  var TRANSPORT = data('transport', 'auto'); // auto | websocket | http
  var POSITION = data('position', 'right') === 'left' ? 'left' : 'right';
  var BASE = GATEWAY + '/widget/v1/orgs/' + encodeURIComponent(ORG) + '/bots/' + encodeURIComponent(BOT);
  var KEY = 'parley-chat:v1:' + ORG + ':' + BOT;
  var MAX_ITEMS = 200;
  var ACK_TIMEOUT = 15000;

  function cssColor(value) {
    // only plain colours: the value lands in a style sheet
    return /^(#[0-9a-f]{3,8}|[a-z]{3,20}|rgba?\([0-9., %]+\)|hsla?\([0-9., %deg]+\))$/i.test(value) ? value : '#0b5cab';
  }

  // ---------------------------------------------------------------- state, kept in the browser's storage

  var storage = pickStorage(data('storage', 'session'));
  var state = load() || fresh();
  var transientOutbox = {}; // frame id -> {inflight, sentAt, attempts, notBefore}
  var welcomeSeq = 0; // the server's last seq at hello: events up to it are history, shown without delays
  var maxFrameChars = 4096; // the server says in welcome

  function pickStorage(kind) {
    try {
      var s = kind === 'local' ? window.localStorage : window.sessionStorage;
      s.setItem('parley-chat:probe', '1');
      s.removeItem('parley-chat:probe');
      return s;
    } catch (e) {
      return null; // storage blocked: the conversation lives as long as the page
    }
  }
  function fresh() {
    return { v: 1, token: null, lastSeq: 0, items: [], outbox: [], started: false, ended: false, open: false };
  }
  function load() {
    if (!storage) {
      return null;
    }
    try {
      var saved = JSON.parse(storage.getItem(KEY));
      return saved && saved.v === 1 && Array.isArray(saved.items) && Array.isArray(saved.outbox) ? saved : null;
    } catch (e) {
      return null;
    }
  }
  function save() {
    if (state.items.length > MAX_ITEMS) {
      state.items = state.items.slice(state.items.length - MAX_ITEMS);
    }
    if (storage) {
      try {
        storage.setItem(KEY, JSON.stringify(state));
      } catch (e) {
        // quota: keep going in memory
      }
    }
  }
  function uid() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }

  // ---------------------------------------------------------------- DOM (in a shadow root: site CSS stays out)

  var host = document.createElement('div');
  host.setAttribute('data-parley-chat', '');
  var root = host.attachShadow({ mode: 'open' });
  var style = document.createElement('style');
  style.textContent = css();
  root.appendChild(style);

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var name in attrs || {}) {
      if (name === 'text') {
        node.textContent = attrs[name];
      } else if (name.indexOf('on') === 0) {
        node.addEventListener(name.slice(2), attrs[name]);
      } else if (attrs[name] !== null && attrs[name] !== undefined && attrs[name] !== false) {
        node.setAttribute(name, attrs[name] === true ? '' : attrs[name]);
      }
    }
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }
  function icon(path) {
    var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    p.setAttribute('d', path);
    svg.appendChild(p);
    return svg;
  }

  var badge = el('span', { 'class': 'badge', hidden: true, 'aria-hidden': 'true' });
  var launcher = el('button', {
    'class': 'launcher', type: 'button', 'aria-label': 'Open chat', 'aria-expanded': 'false',
    'aria-controls': 'parley-panel', onclick: function () { toggle(); }
  }, [icon('M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z'), badge]);
  var status = el('span', { 'class': 'status', role: 'status', text: '' });
  var endButton = el('button', { 'class': 'end', type: 'button', hidden: true, text: 'End chat', onclick: endChat });
  var closeButton = el('button', {
    'class': 'close', type: 'button', 'aria-label': 'Minimize chat', onclick: function () { close(true); }
  }, [icon('M6 11h12v2H6z')]);
  var log = el('div', {
    'class': 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Conversation',
    tabindex: '0'
  });
  var typing = el('div', { 'class': 'typing', hidden: true, role: 'status' }, [
    el('span', { 'class': 'dots', 'aria-hidden': 'true' }, [el('i'), el('i'), el('i')]),
    el('span', { 'class': 'sr', text: 'The assistant is typing' })
  ]);
  var input = el('input', {
    id: 'parley-input', type: 'text', autocomplete: 'off', maxlength: '2000', placeholder: 'Type a message',
    'aria-label': 'Message'
  });
  var send = el('button', { 'class': 'send', type: 'submit', 'aria-label': 'Send' },
    [icon('M3 20l18-8L3 4v6l12 2-12 2z')]);
  var form = el('form', { 'class': 'form', onsubmit: onSubmit }, [
    el('label', { 'for': 'parley-input', 'class': 'sr', text: 'Message' }), input, send
  ]);
  var panel = el('section', {
    id: 'parley-panel', 'class': 'panel', role: 'dialog', 'aria-label': TITLE, hidden: true,
    onkeydown: function (e) { if (e.key === 'Escape') { close(true); } }
  }, [
    el('header', {}, [el('div', { 'class': 'heading' }, [el('h2', { text: TITLE }), status]), endButton, closeButton]),
    log, typing, form
  ]);
  root.appendChild(el('div', { 'class': 'root', 'data-position': POSITION }, [panel, launcher]));

  function mount() {
    document.body.appendChild(host);
  }

  // ---------------------------------------------------------------- transcript rendering

  var choiceGroups = [];
  var delayTyping = 0;
  var display = Promise.resolve(); // bot messages appear in order, each after its delay

  function renderAll() {
    log.textContent = '';
    choiceGroups = [];
    state.items.forEach(function (item) { log.appendChild(render(item)); });
    refresh();
    scrollDown();
  }
  function render(item) {
    if (item.t === 'user') {
      var bubble = el('div', { 'class': 'msg user', 'data-id': item.id }, [el('span', { 'class': 'bubble', text: item.text || '' })]);
      userStatus(bubble, item);
      return bubble;
    }
    if (item.t === 'note') {
      return el('div', { 'class': 'note', text: item.text });
    }
    var ev = item.ev;
    switch (ev.kind) {
      case 'text':
        return el('div', { 'class': 'msg bot' }, [el('span', { 'class': 'bubble', text: ev.text || '' })]);
      case 'choices':
        var group = el('div', { 'class': 'choices ' + (ev.widget === 'menu' ? 'menu' : 'buttons'), role: 'group', 'aria-label': 'Choices' });
        (ev.choices || []).forEach(function (choice) {
          group.appendChild(el('button', {
            type: 'button', 'class': 'choice', text: choice.label,
            onclick: function () { choose(choice, group); }
          }));
        });
        // arrow keys move between the choices of a group, as in a toolbar; Tab still walks through them
        group.addEventListener('keydown', function (e) {
          var keys = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
          var buttons = Array.prototype.slice.call(group.querySelectorAll('button'));
          var at = buttons.indexOf(e.target);
          if (at < 0 || !(e.key in keys || e.key === 'Home' || e.key === 'End')) return;
          e.preventDefault();
          var next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1
            : (at + keys[e.key] + buttons.length) % buttons.length;
          buttons[next].focus();
        });
        group.seq = item.seq;
        choiceGroups.push(group);
        return group;
      case 'escalate':
        return el('div', { 'class': 'note', text: 'Transferring you to an agent\u2026' });
      case 'sessionEnded':
        return el('div', { 'class': 'ended' }, [
          el('span', { 'class': 'note', text: 'This chat has ended.' }),
          el('button', { type: 'button', 'class': 'again', text: 'Start again', onclick: startAgain })
        ]);
      default:
        return el('div', { 'class': 'note', text: '' });
    }
  }
  function userStatus(node, item) {
    node.classList.toggle('pending', item.status === 'pending');
    node.classList.toggle('failed', item.status === 'failed');
    var note = node.querySelector('.state');
    if (item.status === 'failed') {
      if (!note) {
        note = el('span', { 'class': 'state' });
        node.appendChild(note);
      }
      note.textContent = 'Not delivered' + (item.error ? ': ' + item.error : '');
    } else if (note) {
      note.remove();
    }
  }
  function append(item, delayMs) {
    state.items.push(item);
    if (!delayMs) {
      display = display.then(function () { show(item); });
      return;
    }
    display = display.then(function () {
      delayTyping++;
      refresh();
      return new Promise(function (resolve) { setTimeout(resolve, Math.min(delayMs, 10000)); }).then(function () {
        delayTyping--;
        show(item);
      });
    });
  }
  function show(item) {
    log.appendChild(render(item));
    refresh();
    scrollDown();
    if (panel.hidden && item.t === 'bot') {
      badge.hidden = false;
    }
  }
  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }
  /** Enables only the newest choices (when nothing came after them) and the controls that fit the state. */
  function refresh() {
    var last = state.items[state.items.length - 1];
    choiceGroups.forEach(function (group) {
      var live = !state.ended && last && last.t === 'bot' && last.seq === group.seq;
      Array.prototype.forEach.call(group.children, function (b) { b.disabled = !live; });
      group.classList.toggle('stale', !live);
    });
    var again = log.querySelectorAll('.again');
    Array.prototype.forEach.call(again, function (b, i) { b.hidden = !state.ended || i !== again.length - 1; });
    input.disabled = state.ended;
    send.disabled = state.ended;
    input.placeholder = state.ended ? 'The chat has ended' : 'Type a message';
    endButton.hidden = state.ended || !state.started;
    var waiting = state.outbox.some(function (f) { return f.type !== 'end'; });
    typing.hidden = !(delayTyping > 0 || (waiting && !state.ended));
  }
  function findUser(id) {
    for (var i = state.items.length - 1; i >= 0; i--) {
      if (state.items[i].t === 'user' && state.items[i].id === id) {
        return state.items[i];
      }
    }
    return null;
  }
  function updateUser(item) {
    var node = log.querySelector('.msg.user[data-id="' + item.id + '"]');
    if (node) {
      userStatus(node, item);
    }
  }

  // ---------------------------------------------------------------- what the visitor does

  function onSubmit(e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text || state.ended) {
      return;
    }
    if (JSON.stringify(text).length > maxFrameChars - 200) {
      append({ t: 'note', text: 'That message is too long to send.' });
      return;
    }
    input.value = '';
    var id = uid();
    append({ t: 'user', id: id, text: text, status: 'pending' });
    queue({ type: 'message', id: id, text: text });
  }
  function choose(choice, group) {
    if (state.ended) {
      return;
    }
    var id = uid();
    append({ t: 'user', id: id, text: choice.label, status: 'pending' });
    group.classList.add('stale');
    queue({ type: 'choice', id: id, choiceId: choice.id, label: choice.label });
    input.focus();
  }
  function startConversation() {
    state.started = true;
    state.ended = false;
    queue({ type: 'start', id: uid() });
  }
  function startAgain() {
    append({ t: 'note', text: 'New chat' });
    startConversation();
    input.focus();
  }
  function endChat() {
    if (state.ended) {
      return;
    }
    queue({ type: 'end', id: uid() });
  }
  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    launcher.setAttribute('aria-label', 'Close chat');
    host.setAttribute('data-open', '');
    badge.hidden = true;
    state.open = true;
    save();
    if (!conn && !reconnectTimer) {
      connect();
    } else if (conn && conn.welcomed && !state.started) {
      startConversation();
    }
    scrollDown();
    input.focus();
  }
  function close(focusLauncher) {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.setAttribute('aria-label', 'Open chat');
    host.removeAttribute('data-open');
    state.open = false;
    save();
    if (focusLauncher) {
      launcher.focus();
    }
  }
  function toggle() {
    if (panel.hidden) {
      open();
    } else {
      close(false);
    }
  }

  // ---------------------------------------------------------------- outbox: every frame is sent until acknowledged

  function queue(frame) {
    state.outbox.push(frame);
    save();
    refresh();
    pump();
  }
  function entry(frame) {
    return transientOutbox[frame.id] || (transientOutbox[frame.id] = { inflight: false, sentAt: 0, attempts: 0, notBefore: 0 });
  }
  function pump() {
    if (!conn || !conn.welcomed) {
      return;
    }
    var now = Date.now();
    for (var i = 0; i < state.outbox.length; i++) {
      var frame = state.outbox[i];
      var e = entry(frame);
      if (conn.kind === 'http' && e.inflight) {
        return; // over HTTP one at a time, in order
      }
      if (e.inflight || e.notBefore > now) {
        if (conn.kind === 'http') {
          return;
        }
        continue;
      }
      e.inflight = true;
      e.sentAt = now;
      e.attempts++;
      if (conn.kind === 'ws') {
        wsSend(conn, frame);
      } else {
        httpSend(conn, frame);
        return;
      }
    }
  }
  function acknowledged(id) {
    var before = state.outbox.length;
    state.outbox = state.outbox.filter(function (f) { return f.id !== id; });
    delete transientOutbox[id];
    var item = findUser(id);
    if (item && item.status !== 'sent') {
      item.status = 'sent';
      updateUser(item);
    }
    if (before !== state.outbox.length || item) {
      save();
    }
    refresh();
    pump();
  }
  function refused(id, error) {
    var frame = state.outbox.filter(function (f) { return f.id === id; })[0];
    if (!frame) {
      return;
    }
    var e = entry(frame);
    e.inflight = false;
    if (error.retryable) {
      var backoff = Math.min(30000, 1000 * Math.pow(2, Math.min(e.attempts, 5)));
      e.notBefore = Date.now() + Math.max(error.retryAfterMs || 0, backoff);
      setTimeout(pump, e.notBefore - Date.now() + 10);
      return;
    }
    state.outbox = state.outbox.filter(function (f) { return f.id !== id; });
    delete transientOutbox[id];
    var item = findUser(id);
    if (item) {
      item.status = 'failed';
      item.error = error.message;
      updateUser(item);
    } else if (frame.type === 'start') {
      state.started = false;
      append({ t: 'note', text: 'The chat could not start: ' + error.message });
    }
    save();
    refresh();
  }

  // ---------------------------------------------------------------- events from the server

  function onEvents(frames) {
    var changed = false;
    frames.forEach(function (ev) {
      if (typeof ev.seq !== 'number' || ev.seq <= state.lastSeq) {
        return; // seen already: never shown twice
      }
      state.lastSeq = ev.seq;
      changed = true;
      var live = ev.seq > welcomeSeq;
      if (ev.kind === 'user') {
        var mine = findUser(ev.id);
        if (mine) {
          mine.status = 'sent';
          updateUser(mine);
          state.outbox = state.outbox.filter(function (f) { return f.id !== ev.id; });
        } else {
          append({ t: 'user', id: ev.id, text: ev.text, status: 'sent' }); // sent from another tab
        }
        return;
      }
      if (ev.kind === 'sessionEnded') {
        state.ended = true;
      } else if (ev.kind === 'text' || ev.kind === 'choices') {
        state.started = true;
        state.ended = false;
      }
      append({ t: 'bot', seq: ev.seq, ev: ev }, live ? ev.delayMs : 0);
    });
    if (changed) {
      save();
      scheduleAck();
      refresh();
    }
  }
  var ackTimer = null;
  var ackedSeq = 0;
  function scheduleAck() {
    if (ackTimer) {
      return;
    }
    ackTimer = setTimeout(function () {
      ackTimer = null;
      if (conn && conn.kind === 'ws' && conn.welcomed && state.lastSeq > ackedSeq) {
        ackedSeq = state.lastSeq;
        wsSend(conn, { type: 'ack', seq: state.lastSeq });
      }
    }, 200);
  }
  function onFrame(frame, c) {
    c.lastIn = Date.now();
    switch (frame.type) {
      case 'welcome':
        return onWelcome(frame, c);
      case 'event':
        return c.welcomed && onEvents([frame]);
      case 'ack':
        return acknowledged(frame.id);
      case 'error':
        if (frame.id) {
          return refused(frame.id, frame);
        }
        return console.warn('Parley chat:', frame.message);
      case 'ping':
        return c.kind === 'ws' && wsSend(c, { type: 'pong' });
      default:
        return null; // pong, or a frame type of a newer protocol
    }
  }
  function onWelcome(welcome, c) {
    if (!welcome.resumed && (state.lastSeq > 0 || state.items.length > 0)) {
      // the server no longer has this conversation (expired): start over
      var wasOpen = state.open;
      state = fresh();
      state.open = wasOpen;
      transientOutbox = {};
      renderAll();
      append({ t: 'note', text: 'Your previous chat has expired.' });
    }
    state.token = welcome.token;
    welcomeSeq = welcome.lastSeq;
    c.welcomed = true;
    c.heartbeatMs = welcome.heartbeatMs || 25000;
    maxFrameChars = welcome.maxFrameChars || maxFrameChars;
    if (c.kind === 'ws') {
      wsWorked = true;
    }
    wsFailures = 0;
    retryDelay = 0;
    ackedSeq = 0;
    save();
    setStatus('');
    Object.keys(transientOutbox).forEach(function (id) { transientOutbox[id].inflight = false; });
    if (state.open && !state.started) {
      startConversation();
    }
    pump();
  }

  // ---------------------------------------------------------------- transports: WebSocket, else HTTP long-polling

  var conn = null;
  var mode = TRANSPORT === 'http' || typeof WebSocket !== 'function' ? 'http' : 'ws';
  var wsWorked = false;
  var wsFailures = 0;
  var retryDelay = 0;
  var reconnectTimer = null;
  var fatal = null;

  function connect() {
    reconnectTimer = null;
    if (fatal || conn) {
      return;
    }
    setStatus(state.lastSeq > 0 ? 'Reconnecting\u2026' : 'Connecting\u2026');
    if (mode === 'ws') {
      wsConnect();
    } else {
      httpConnect();
    }
  }
  function reconnectLater(fast) {
    if (fatal || reconnectTimer) {
      return;
    }
    retryDelay = fast ? 300 : Math.min(30000, retryDelay ? retryDelay * 2 : 1000);
    setStatus('Reconnecting\u2026');
    reconnectTimer = setTimeout(connect, retryDelay * (0.5 + Math.random()));
  }
  function lost(c) {
    if (conn === c) {
      conn = null;
    }
    Object.keys(transientOutbox).forEach(function (id) { transientOutbox[id].inflight = false; });
  }
  function hello() {
    return { type: 'hello', v: 1, token: state.token, lastSeq: state.lastSeq };
  }

  function wsConnect() {
    var c = { kind: 'ws', welcomed: false, lastIn: Date.now() };
    var ws;
    try {
      ws = new WebSocket(BASE.replace(/^http/, 'ws') + '/ws');
    } catch (e) {
      return wsFailed(c);
    }
    c.ws = ws;
    conn = c;
    ws.onopen = function () { wsSend(c, hello()); };
    ws.onmessage = function (m) {
      var frame;
      try {
        frame = JSON.parse(m.data);
      } catch (e) {
        return;
      }
      if (conn === c) {
        onFrame(frame, c);
      }
    };
    ws.onclose = function (e) {
      if (conn !== c) {
        return;
      }
      lost(c);
      if (!c.welcomed) {
        wsFailed(c);
      } else {
        reconnectLater(e.code === 1001);
      }
    };
  }
  function wsFailed() {
    wsFailures++;
    // a failed upgrade on a page where WebSockets never worked: assume a proxy blocks them
    if (TRANSPORT !== 'websocket' && (!wsWorked || wsFailures >= 3)) {
      mode = 'http';
      connect();
      return;
    }
    reconnectLater();
  }
  function wsSend(c, frame) {
    try {
      if (c.ws.readyState === 1) {
        c.ws.send(JSON.stringify(frame));
      }
    } catch (e) {
      // the close event follows
    }
  }

  function post(path, body, timeoutMs) {
    var abort = new AbortController();
    var timer = setTimeout(function () { abort.abort(); }, timeoutMs);
    return fetch(BASE + path, {
      method: 'POST', body: JSON.stringify(body), credentials: 'omit', cache: 'no-store', signal: abort.signal,
      // text/plain keeps it a CORS "simple request": no preflight round trip
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' }
    }).then(function (response) {
      clearTimeout(timer);
      return response.text().then(function (text) {
        var json = null;
        try {
          json = JSON.parse(text);
        } catch (e) {
          json = null;
        }
        if (response.ok) {
          return json;
        }
        var error = new Error(json && json.detail || 'HTTP ' + response.status);
        error.status = response.status;
        error.code = json && json.code;
        error.retryAfterMs = 1000 * (parseInt(response.headers.get('Retry-After'), 10) || 0);
        throw error;
      });
    }, function (e) {
      clearTimeout(timer);
      throw e;
    });
  }
  function httpConnect() {
    var c = { kind: 'http', welcomed: false, lastIn: Date.now() };
    conn = c;
    post('/conversations', hello(), 15000).then(function (welcome) {
      if (conn === c) {
        onFrame(welcome, c);
        poll(c);
      }
    }, function (error) {
      if (conn !== c) {
        return;
      }
      lost(c);
      if (error.code === 'unknown_bot' || error.code === 'origin_not_allowed') {
        return fail(error.message);
      }
      reconnectLater();
    });
  }
  function poll(c) {
    if (conn !== c) {
      return;
    }
    post('/events', { token: state.token, after: state.lastSeq }, 35000).then(function (answer) {
      if (conn === c) {
        c.lastIn = Date.now();
        onEvents(answer && answer.events || []);
        poll(c);
      }
    }, function (error) {
      if (conn !== c) {
        return;
      }
      lost(c);
      reconnectLater(error.status === 401);
    });
  }
  function httpSend(c, frame) {
    post('/messages', Object.assign({ token: state.token }, frame), 25000).then(function (ack) {
      acknowledged(ack && ack.id || frame.id);
    }, function (error) {
      if (error.status && error.status < 500 && error.status !== 429 && error.status !== 401) {
        return refused(frame.id, { retryable: false, message: error.message });
      }
      refused(frame.id, { retryable: true, retryAfterMs: error.retryAfterMs || 1000 });
    });
  }

  /** A WebSocket that went quiet (network switch, sleeping laptop) is replaced; so is one that fails a probe. */
  setInterval(function () {
    var c = conn;
    var now = Date.now();
    if (c && c.kind === 'ws' && c.welcomed && now - c.lastIn > 2 * c.heartbeatMs + 5000) {
      lost(c);
      try {
        c.ws.close();
      } catch (e) {
        // gone already
      }
      reconnectLater(true);
    }
    state.outbox.forEach(function (frame) {
      var e = transientOutbox[frame.id];
      if (e && e.inflight && now - e.sentAt > ACK_TIMEOUT && c && c.kind === 'ws') {
        e.inflight = false; // no ack in time: send again (the same id is never processed twice)
      }
    });
    pump();
  }, 2000);
  function probe() {
    var c = conn;
    if (c && c.kind === 'ws' && c.welcomed) {
      var sent = Date.now();
      wsSend(c, { type: 'ping' });
      setTimeout(function () {
        if (conn === c && c.lastIn < sent) {
          lost(c);
          try {
            c.ws.close();
          } catch (e) {
            // gone already
          }
          reconnectLater(true);
        }
      }, 5000);
    } else if (!c && reconnectTimer) {
      clearTimeout(reconnectTimer);
      connect();
    }
  }
  window.addEventListener('online', probe);
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') {
      probe();
    }
  });

  function setStatus(text) {
    status.textContent = text;
  }
  function fail(message) {
    fatal = message;
    setStatus('Unavailable');
    append({ t: 'note', text: 'Chat is unavailable: ' + message });
    state.items.pop(); // shown, not kept: a later page load tries again
    input.disabled = true;
    send.disabled = true;
  }

  // ---------------------------------------------------------------- styles

  function css() {
    return [
      ':host{all:initial}',
      '.root{--c:' + COLOR + ';font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328}',
      '.launcher{position:fixed;bottom:20px;right:20px;width:56px;height:56px;border-radius:50%;border:0;background:var(--c);color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483000;display:flex;align-items:center;justify-content:center}',
      '[data-position=left] .launcher{right:auto;left:20px}',
      '.launcher svg{width:26px;height:26px;fill:currentColor}',
      '.badge{position:absolute;top:4px;right:4px;width:12px;height:12px;border-radius:50%;background:#d1242f;border:2px solid #fff}',
      '.panel{position:fixed;bottom:88px;right:20px;width:370px;max-width:calc(100vw - 24px);height:min(600px,calc(100vh - 108px));display:flex;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 8px 32px rgba(0,0,0,.25);overflow:hidden;z-index:2147483000}',
      '[data-position=left] .panel{right:auto;left:20px}',
      '.panel[hidden]{display:none}',
      'header{display:flex;align-items:center;gap:8px;padding:10px 12px;background:var(--c);color:#fff}',
      '.heading{flex:1;min-width:0}',
      'h2{margin:0;font-size:16px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}',
      '.status{display:block;font-size:12px;opacity:.85;min-height:0}',
      'header button{background:transparent;border:1px solid rgba(255,255,255,.6);color:#fff;border-radius:6px;padding:4px 8px;font:inherit;font-size:12px;cursor:pointer}',
      'header .close{border:0;padding:4px;display:flex}',
      'header svg{width:20px;height:20px;fill:currentColor}',
      '.log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f6f8fa}',
      '.msg{display:flex;flex-direction:column;max-width:85%}',
      '.msg.bot{align-self:flex-start}',
      '.msg.user{align-self:flex-end;align-items:flex-end}',
      '.bubble{padding:8px 12px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere}',
      '.bot .bubble{background:#fff;border:1px solid #d0d7de;border-bottom-left-radius:4px}',
      '.user .bubble{background:var(--c);color:#fff;border-bottom-right-radius:4px}',
      '.user.pending .bubble{opacity:.6}',
      '.user.failed .bubble{background:#d1242f}',
      '.state{font-size:11px;color:#d1242f}',
      '.choices{display:flex;flex-wrap:wrap;gap:6px}',
      '.choices.menu{flex-direction:column;align-items:stretch;max-width:85%}',
      '.choice{border:1px solid var(--c);color:var(--c);background:#fff;border-radius:16px;padding:6px 12px;font:inherit;cursor:pointer;text-align:left}',
      '.menu .choice{border-radius:8px}',
      '.choice:hover:not(:disabled){background:var(--c);color:#fff}',
      '.choices.stale .choice{border-color:#d0d7de;color:#57606a;cursor:default}',
      '.note{align-self:center;font-size:12px;color:#57606a;text-align:center}',
      '.ended{display:flex;flex-direction:column;align-items:center;gap:6px}',
      '.again{border:0;background:var(--c);color:#fff;border-radius:16px;padding:6px 14px;font:inherit;cursor:pointer}',
      '.typing{padding:4px 16px;background:#f6f8fa}',
      '.dots{display:inline-flex;gap:3px}',
      '.dots i{width:6px;height:6px;border-radius:50%;background:#8c959f;animation:b 1s infinite}',
      '.dots i:nth-child(2){animation-delay:.15s}.dots i:nth-child(3){animation-delay:.3s}',
      '@keyframes b{0%,80%,100%{opacity:.3}40%{opacity:1}}',
      '.form{display:flex;gap:8px;padding:10px;border-top:1px solid #d0d7de;background:#fff}',
      'input{flex:1;min-width:0;border:1px solid #d0d7de;border-radius:18px;padding:8px 12px;font:inherit;color:inherit}',
      '.send{width:38px;height:38px;border-radius:50%;border:0;background:var(--c);color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;flex:none}',
      '.send svg{width:18px;height:18px;fill:currentColor}',
      'button:disabled,input:disabled{opacity:.55;cursor:default}',
      ':focus-visible{outline:3px solid #0969da;outline-offset:2px}',
      '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
      '@media (max-width:480px){.panel{inset:0;width:auto;max-width:none;height:auto;border-radius:0}.root:has(.panel:not([hidden])) .launcher{display:none}}',
      '@media (prefers-reduced-motion:reduce){.dots i{animation:none}}'
    ].join('\n');
  }

  // ---------------------------------------------------------------- start

  window.ParleyChat = {
    open: open,
    close: function () { close(false); },
    end: endChat,
    /** What the widget is doing, for tests and support. */
    state: function () {
      return {
        transport: mode === 'ws' ? 'websocket' : 'http', connected: !!(conn && conn.welcomed), lastSeq: state.lastSeq,
        pending: state.outbox.length, ended: state.ended, error: fatal
      };
    }
  };
  function boot() {
    mount();
    renderAll();
    if (!ORG || !BOT) {
      return fail('the script tag needs data-org-id and data-bot-id');
    }
    if (state.open || data('open', 'false') === 'true') {
      open();
    } else if (state.token) {
      connect(); // resume in the background: unread replies show a badge
    }
  }
  if (document.body) {
    boot();
  } else {
    document.addEventListener('DOMContentLoaded', boot);
  }
})();
