/*
 * SoloDesk demo mailbox, Gmail-shaped. Plain ES2020, page world, no build step.
 * Renders demo/conversations.json in the 2023-11+ Gmail markup that lib/mail/gmail expects
 * (see ../shared/reference/mail-dom.md §2): list rows tr.zA, thread view .a98.iY with h2.hP,
 * messages .h7 (expanded) / .kv (collapsed) / .kQ (behind "N older messages"), bottom bar .amn,
 * inline reply .ip.adB > .M9 > .Ap [g_editable=true].
 * Routes: #inbox, #inbox/<threadId>. Query: ?layout=split (preview pane), ?reply=open, ?shift=0.
 */
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  const SPLIT = params.get('layout') === 'split';
  const START_WITH_REPLY = params.get('reply') === 'open';
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  let data = null;
  let selectedId = null; // preview pane selection (the hash stays #inbox there, as in Gmail)
  let nextId = 1;

  /** Builds an element; attrs may hold className, text, and on<Event> handlers. No HTML strings. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'className') el.className = value;
      else if (key === 'text') el.textContent = value;
      else if (key.startsWith('on')) el.addEventListener(key.slice(2).toLowerCase(), value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) el.append(child);
    return el;
  }

  /** "2026-11-23 09:14" → Date, shifted so the anchor day is today (unless ?shift=0 or sent just now). */
  function wallDate(text, sentNow) {
    const [d, t] = text.split(' ');
    const [y, m, day] = d.split('-').map(Number);
    const [hh, mm] = (t || '00:00').split(':').map(Number);
    const date = new Date(y, m - 1, day, hh, mm);
    if (!sentNow && params.get('shift') !== '0' && data.anchorDate) {
      const [ay, am, ad] = data.anchorDate.split('-').map(Number);
      const now = new Date();
      const days = Math.round((new Date(now.getFullYear(), now.getMonth(), now.getDate()) - new Date(ay, am - 1, ad)) / 86400000);
      date.setDate(date.getDate() + days);
    }
    return date;
  }
  function clock(d) {
    const hour = d.getHours() % 12 || 12;
    return `${hour}:${String(d.getMinutes()).padStart(2, '0')} ${d.getHours() < 12 ? 'AM' : 'PM'}`;
  }
  /** Gmail's en-US title format: "Mon, Nov 23, 2026, 9:14 AM". */
  function fullDate(d) {
    return `${DAYS[d.getDay()]}, ${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}, ${clock(d)}`;
  }
  function shortDate(d) {
    const now = new Date();
    return d.toDateString() === now.toDateString() ? clock(d) : `${MONTHS[d.getMonth()]} ${d.getDate()}`;
  }

  const me = () => data.account;
  const isMe = (p) => p.email.toLowerCase() === me().email.toLowerCase();
  const byId = (id) => data.conversations.find((c) => c.id === id);
  const customerOf = (c) => (c.messages.find((m) => !isMe(m.from)) || c.messages[0]).from;

  /** Text with line breaks → one <div> per line, <div><br></div> for blank lines (Gmail's own shape). */
  function lines(text) {
    return text.split('\n').map((line) => (line ? h('div', { text: line }) : h('div', {}, h('br'))));
  }

  function route() {
    const hash = decodeURIComponent(location.hash.replace(/^#/, '')).split('?')[0];
    const parts = hash.split('/');
    return { view: parts[0] || 'inbox', threadId: parts.length > 1 ? parts[parts.length - 1] : null };
  }

  function renderRow(c) {
    const last = c.messages[c.messages.length - 1];
    const who = customerOf(c);
    const open = () => {
      if (SPLIT) {
        selectedId = c.id;
        c.unread = false;
        render();
      } else {
        location.hash = `#inbox/${c.id}`;
      }
    };
    return h('tr', { className: `zA ${c.unread ? 'zE' : 'yO'}${selectedId === c.id ? ' x7' : ''}`, id: `:r${c.legacyId}`, tabindex: '-1', onClick: open },
      h('td', { className: 'yX xY' }, h('div', { className: 'yW' },
        h('span', { className: 'bA4' }, h('span', { className: c.unread ? 'zF' : 'yP', email: who.email, name: who.name, text: who.name })),
        c.messages.length > 1 ? h('span', { className: 'bx0', text: ` ${c.messages.length}` }) : null)),
      h('td', { className: 'xY a4W' }, h('div', { className: 'xS', role: 'link' }, h('div', { className: 'xT' },
        h('div', { className: 'y6' }, h('span', { className: 'bog' }, h('span', { 'data-thread-id': `#${c.permId}`, 'data-legacy-thread-id': c.legacyId, text: c.subject }))),
        h('span', { className: 'y2', text: ` - ${last.body.replace(/\s+/g, ' ').slice(0, 90)}` })))),
      h('td', { className: 'xW xY' }, h('span', { title: fullDate(wallDate(last.date, last.sentNow)), 'aria-label': fullDate(wallDate(last.date, last.sentNow)), text: shortDate(wallDate(last.date, last.sentNow)) })));
  }

  function renderList() {
    return h('div', { className: 'Cp' }, h('table', { className: 'F cf zt' }, h('tbody', {}, data.conversations.map(renderRow))));
  }

  function senderLine(m) {
    return h('h3', { className: 'iw' },
      h('span', { className: 'gD', email: m.from.email, name: isMe(m.from) ? 'me' : m.from.name }, h('span', { text: isMe(m.from) ? me().name : m.from.name })),
      ' ',
      h('span', { className: 'go' }, h('span', { 'aria-hidden': 'true', text: '<' }), m.from.email, h('span', { 'aria-hidden': 'true', text: '>' })));
  }

  function messageBody(m, previous) {
    const content = h('div', { dir: 'ltr' }, lines(m.body));
    const parts = [content];
    if (m.signature) {
      content.append('-- ', h('br'), h('div', { dir: 'ltr', className: 'gmail_signature', 'data-smartmail': 'gmail_signature' }, lines(m.signature)));
    }
    if (m.quote && previous) {
      const when = wallDate(previous.date, previous.sentNow);
      parts.push(h('br'), h('div', { className: 'gmail_quote gmail_quote_container' },
        h('div', { dir: 'ltr', className: 'gmail_attr', text: `On ${DAYS[when.getDay()]}, ${MONTHS[when.getMonth()]} ${when.getDate()}, ${when.getFullYear()} at ${clock(when)} ${previous.from.name} <${previous.from.email}> wrote:` }, h('br')),
        h('blockquote', { className: 'gmail_quote', style: 'margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex' }, lines(m.quote))));
    }
    return h('div', { className: 'ii gt', id: `:b${nextId++}` }, h('div', { className: 'a3s aiL' }, parts));
  }

  function renderMessage(c, m, index, state) {
    const id = `msg-${isMe(m.from) ? 'a:r-' : 'f:'}${c.permId.replace(/\D/g, '')}${index}`;
    const when = wallDate(m.date, m.sentNow);
    const date = h('span', { className: 'g3', title: fullDate(when), alt: fullDate(when), text: shortDate(when) });
    if (state === 'hidden') return h('div', { className: 'kQ bg9', role: 'listitem' }, h('div', { className: 'adf ads', 'data-message-id': `#${id}` }));
    if (state === 'collapsed') {
      return h('div', { className: 'kv', role: 'listitem', tabindex: '-1', onClick: () => { m.expanded = true; render(); } },
        h('div', { className: 'adf ads', 'data-message-id': `#${id}` },
          h('table', { className: 'cf gJ' }, h('tbody', {}, h('tr', { className: 'acZ' },
            h('td', { className: 'gF gK' }, senderLine(m)), h('td', { className: 'gH' }, h('div', { className: 'gK' }, date))))),
          h('div', { className: 'iA g6', text: m.body.replace(/\s+/g, ' ').slice(0, 100) })));
    }
    const to = isMe(m.from) ? customerOf(c) : { name: 'me', email: me().email };
    return h('div', { className: 'h7', role: 'listitem', tabindex: '-1' },
      h('div', { className: 'adn ads', 'data-message-id': `#${id}`, 'data-legacy-message-id': `${c.legacyId.slice(0, 14)}${String(index).padStart(2, '0')}` },
        h('div', { className: 'gs' },
          h('div', { className: 'gE iv gt' }, h('table', { className: 'cf gJ' }, h('tbody', {},
            h('tr', { className: 'acZ' },
              h('td', { className: 'gF gK' }, senderLine(m)),
              h('td', { className: 'gH' }, h('div', { className: 'gK' }, date)),
              h('td', { className: 'gH acX bAm' }, h('div', { role: 'button', className: 'T-I J-J5-Ji T-I-Js-IF aaq T-I-ax7 L3', 'aria-label': 'Reply', 'data-tooltip': 'Reply', text: '↩', onClick: openReply }))),
            h('tr', { className: 'acZ xD' }, h('td', { colspan: '3' }, h('div', { className: 'iw ajw' },
              h('span', { className: 'hb' }, 'to ', h('span', { className: 'g2', email: to.email, name: to.name, text: to.name })))))))),
          messageBody(m, c.messages[index - 1]),
          h('div', { className: 'hq gt' }))),
      h('div', { className: 'ip iq' }, h('div', { className: 'Ix', tabindex: '-1' })));
  }

  /** Gmail: the last message (and unread ones) expanded, older ones collapsed; with 4+ the middle hides. */
  function renderThread(c) {
    const n = c.messages.length;
    const items = [];
    c.messages.forEach((m, i) => {
      let state = i === n - 1 || m.expanded ? 'expanded' : 'collapsed';
      if (n >= 4 && i > 0 && i < n - 2 && !c.showOlder && !m.expanded) state = 'hidden';
      items.push(renderMessage(c, m, i, state));
    });
    if (n >= 4 && !c.showOlder) {
      const hiddenCount = items.filter((el) => el.classList.contains('kQ')).length;
      items.splice(2, 0, h('div', { className: 'adv', role: 'button', onClick: () => { c.showOlder = true; render(); } },
        h('span', { className: 'adx', text: String(hiddenCount) }), ' older messages'));
    }
    return h('div', { className: 'a98 iY', tabindex: '-1' },
      h('div', { className: 'nH V8djrc byY' }, h('div', { className: 'ha' },
        h('h2', { className: 'hP', id: `:s${c.legacyId}`, 'data-thread-perm-id': c.permId, 'data-legacy-thread-id': c.legacyId, tabindex: '-1', text: c.subject }))),
      h('div', { role: 'list' }, items),
      h('div', { className: 'amn' },
        h('span', { className: 'ams bkH', role: 'link', tabindex: '0', text: 'Reply', onClick: openReply }),
        h('span', { className: 'ams bkI', role: 'link', tabindex: '0', text: 'Reply all', onClick: openReply }),
        h('span', { className: 'ams bkG', role: 'link', tabindex: '0', text: 'Forward', onClick: () => openCompose('forward') })));
  }

  function openReply() {
    openCompose('reply');
  }

  /**
   * Inline reply (or forward) under the last message: .ip gets .adB and holds the compose root .M9.
   * A forward has an empty To field (input[name=to]) and a "Fwd:" subject.
   */
  function openCompose(mode) {
    const thread = currentThread();
    const view = document.querySelector('.a98.iY');
    if (!thread || !view || view.querySelector('.M9')) return;
    const ip = Array.from(view.querySelectorAll('.h7 .ip')).pop();
    if (!ip) return;
    const customer = customerOf(thread);
    const body = h('div', { id: ':k8', className: 'Am aiL Al editable LW-avf tS-tW', hidefocus: 'true', 'aria-label': 'Message Body', g_editable: 'true', role: 'textbox', 'aria-multiline': 'true', contenteditable: 'true', tabindex: '1', spellcheck: 'false' }, h('br'));
    const send = () => {
      const text = bodyText(body);
      if (!text.trim()) return;
      const d = new Date();
      const stamp = `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()} ${d.getHours()}:${d.getMinutes()}`;
      thread.messages.push({ from: { name: me().name, email: me().email }, date: stamp, body: text, sentNow: true });
      render();
    };
    ip.classList.add('adB');
    ip.append(h('div', { className: 'M9', role: 'region', 'aria-label': mode === 'forward' ? 'Forward' : 'Reply' },
      mode === 'forward'
        ? h('div', { className: 'aoD hl' }, h('input', { name: 'to', className: 'agP aFw', type: 'text', 'aria-label': 'To recipients' }))
        : h('div', { className: 'aoD hl' }, h('div', { className: 'oL aDm az9' }, h('span', { email: customer.email, name: customer.name, className: 'vN', text: customer.name }))),
      h('input', { name: 'subjectbox', className: 'aoT', type: 'text', value: `${mode === 'forward' ? 'Fwd' : 'Re'}: ${thread.subject}`, style: 'display:none' }),
      h('table', { className: 'iN' }, h('tbody', {}, h('tr', {}, h('td', { className: 'Ap' }, h('div', { className: 'Ar Au' }, body))))),
      h('div', { className: 'T-I J-J5-Ji aoO v7 T-I-atl L3', role: 'button', text: 'Send', onClick: send }),
      h('span', { className: 'og T-I-J3', role: 'button', 'aria-label': 'Discard draft', text: 'Discard', onClick: () => render() })));
    const bar = view.querySelector('.amn');
    if (bar) bar.remove(); // Gmail hides the bottom bar while the inline reply is open
    body.focus();
  }

  /** Plain text of the compose body, the way the demo "sends" it. */
  function bodyText(el) {
    let out = '';
    el.childNodes.forEach((n) => {
      if (n.nodeType === 3) out += n.nodeValue;
      else if (n.nodeName === 'BR') out += '\n';
      else out += `${out && !out.endsWith('\n') ? '\n' : ''}${bodyText(n)}\n`;
    });
    return out.replace(/\n+$/, '');
  }

  function currentThread() {
    const r = route();
    return byId(SPLIT ? r.threadId || selectedId : r.threadId);
  }

  function render() {
    const thread = currentThread();
    if (thread) thread.unread = false;
    const unread = data.conversations.filter((c) => c.unread).length;
    document.title = `${thread && !SPLIT ? thread.subject : `Inbox${unread ? ` (${unread})` : ''}`} - ${me().email} - Gmail`;
    let mainContent;
    if (SPLIT) {
      if (thread) selectedId = thread.id;
      mainContent = h('div', { className: 'aia' }, renderList(), h('div', { className: 'ao9' }, thread ? renderThread(thread) : h('div', { className: 'apa', text: 'No conversations selected' })));
    } else if (thread) {
      mainContent = h('div', { className: 'g id' }, renderThread(thread));
    } else {
      mainContent = renderList();
    }
    const app = h('div', { className: 'nH', id: 'demo-app' },
      h('header', { className: 'gb_Ta', role: 'banner' }, h('span', { className: 'brand', text: 'Gmail · SoloDesk demo' }),
        h('div', { id: 'gb' }, h('a', { className: 'gb_A', href: 'https://accounts.google.com/SignOutOptions?hl=en', role: 'button', 'aria-label': `Google Account: ${me().name}  \n(${me().email})`, text: me().name[0] }))),
      h('div', { className: 'nH bkK' },
        h('div', { className: 'nH', role: 'navigation' }, h('a', { href: '#inbox', className: 'J-Ke n0', text: `Inbox${unread ? ` ${unread}` : ''}` })),
        h('div', { className: 'nH ar4 z', role: 'main' }, mainContent)));
    const old = document.getElementById('demo-app') || document.getElementById('loading');
    old.replaceWith(app);
    if (thread && START_WITH_REPLY && !thread.replyOpened) {
      thread.replyOpened = true;
      openReply();
    }
  }

  window.addEventListener('hashchange', render);
  fetch('/mail/u/0/conversations.json')
    .then((r) => r.json())
    .then((json) => {
      data = json;
      if (!location.hash) history.replaceState(null, '', `${location.pathname}${location.search}#inbox`);
      render();
    });
})();
