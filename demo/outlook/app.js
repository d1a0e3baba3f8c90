/*
 * SoloDesk demo mailbox in Outlook-on-the-web shape. Plain ES2020, page world, no build step.
 * Renders demo/conversations.json the way lib/mail/outlook reads OWA: #MailList options with
 * data-convid/aria-selected, #ReadingPaneContainerId > #ConversationReadingPaneContainer with a
 * [role=heading] subject and [data-app-section=ConversationContainer] items (div[aria-expanded],
 * newest on top), "From:" aria-labels, [data-testid=SentReceivedSavedTime], [role=document] >
 * [id^=UniqueMessageBody], Reply via i[data-icon-name=ArrowReplyRegular], and an inline compose
 * [id^=docking_InitVisiblePart_] with a RoosterJS-like [contenteditable][aria-multiline] body.
 * History routes: /mail/inbox and /mail/inbox/id/<conversation id>.
 */
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  let data = null;

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
  /** OWA en-US: "Mon 11/23/2026 9:14 AM". */
  function owaDate(d) {
    const hour = d.getHours() % 12 || 12;
    return `${DAYS[d.getDay()]} ${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()} ${hour}:${String(d.getMinutes()).padStart(2, '0')} ${d.getHours() < 12 ? 'AM' : 'PM'}`;
  }

  const me = () => data.account;
  const isMe = (p) => p.email.toLowerCase() === me().email.toLowerCase();
  const convId = (c) => `AAQkADemo${c.legacyId}=`;
  const byConvId = (id) => data.conversations.find((c) => convId(c) === id);
  const customerOf = (c) => (c.messages.find((m) => !isMe(m.from)) || c.messages[0]).from;
  const lines = (text) => text.split('\n').map((line) => (line ? h('div', { className: 'x_elementToProof', text: line }) : h('div', {}, h('br'))));

  function currentConversation() {
    const m = /\/id\/([^/]+)\/?$/.exec(location.pathname);
    return m ? byConvId(decodeURIComponent(m[1])) : undefined;
  }
  function go(c) {
    history.pushState(null, '', `/mail/inbox/id/${encodeURIComponent(convId(c))}${location.search}`);
    render();
  }

  function renderList(open) {
    return h('div', { id: 'MailList', className: 'jEpCF' }, h('div', { role: 'listbox', 'aria-label': 'Message list' },
      data.conversations.map((c) => {
        const last = c.messages[c.messages.length - 1];
        const who = customerOf(c);
        return h('div', { role: 'option', className: 'hcptT', 'data-convid': convId(c), 'aria-selected': open === c ? 'true' : 'false', onClick: () => go(c) },
          h('span', { className: 'Bvq7c', title: who.email, text: who.name }),
          h('span', { className: 'subj', text: c.subject }),
          h('span', { className: 'prev', text: last.body.replace(/\s+/g, ' ').slice(0, 80) }));
      })));
  }

  function messageItem(c, m, index, expanded) {
    const when = owaDate(wallDate(m.date, m.sentNow));
    const name = isMe(m.from) ? me().name : m.from.name;
    if (!expanded) {
      return h('div', { className: 'aVla3' }, h('div', { 'aria-expanded': 'false', className: 'BS0OK', tabindex: '0', onClick: () => { m.expanded = true; render(); } },
        h('div', { className: 'DgV2h' },
          h('span', { className: 'ujrct', title: `${name} <${m.from.email}>`, text: name }),
          h('div', { 'data-testid': 'SentReceivedSavedTime', title: when, text: when }),
          h('div', { className: 'jvF4V', text: m.body.replace(/\s+/g, ' ').slice(0, 100) }))));
    }
    const body = h('div', { className: 'rps_5a1c' }, lines(m.body));
    if (m.signature) body.append(h('div', { id: 'x_Signature' }, lines(m.signature)));
    const previous = c.messages[index - 1];
    if (m.quote && previous) {
      body.append(h('div', { id: 'x_appendonsend' }), h('hr', { style: 'display:inline-block;width:98%', tabindex: '-1' }),
        h('div', { id: 'x_divRplyFwdMsg', dir: 'ltr' }, h('b', { text: 'From:' }), ` ${previous.from.name} <${previous.from.email}>`, h('br'),
          h('b', { text: 'Sent:' }), ` ${owaDate(wallDate(previous.date, previous.sentNow))}`),
        h('div', {}, lines(m.quote)));
    }
    return h('div', { className: 'aVla3' }, h('div', { 'aria-expanded': 'true', className: 'BS0OK' }, h('div', { className: 'wide-content-host' },
      h('div', { tabindex: '-1', 'aria-label': 'Email message', className: 'SlLx9 WWy1F' },
        h('div', { className: 'uSg02' }, h('div', { className: 'DgV2h' },
          h('span', { className: 'o4zjZ', 'aria-label': `From: ${name} <${m.from.email}>` }, h('span', { className: 'OZZZK', text: name })),
          h('div', { 'data-testid': 'SentReceivedSavedTime', className: 'AL_OM', title: when, text: when }),
          h('div', { 'aria-label': 'Message actions', role: 'toolbar', className: 'ms-OverflowSet' },
            h('button', { type: 'button', className: 'fui-Button', 'aria-label': 'Reply', onClick: openReply }, h('i', { 'data-icon-name': 'ArrowReplyRegular', 'aria-hidden': 'true' }), h('span', { text: 'Reply' })),
            h('button', { type: 'button', className: 'fui-Button', 'aria-label': 'Reply all', onClick: openReply }, h('i', { 'data-icon-name': 'ArrowReplyAllRegular', 'aria-hidden': 'true' })),
            h('button', { type: 'button', className: 'fui-Button', 'aria-label': 'Forward', onClick: () => openCompose('forward') }, h('i', { 'data-icon-name': 'ArrowForwardRegular', 'aria-hidden': 'true' }))))),
        h('div', { role: 'document' }, h('div', { id: `UniqueMessageBody_${index + 1}`, 'aria-label': 'Message body', className: 'XbIp4 jmmB7 customScrollBar allowTextSelection' }, body))))));
  }

  function renderConversation(c) {
    const n = c.messages.length;
    // OWA: newest on top and expanded; older ones collapsed until clicked.
    const items = c.messages.map((m, i) => messageItem(c, m, i, i === n - 1 || m.expanded)).reverse();
    return h('div', { id: 'ConversationReadingPaneContainer', className: 'MtujV' },
      h('div', { className: 'full LrCgm' }, h('div', { role: 'heading', 'aria-level': '2', className: 'allowTextSelection' }, h('span', { className: 'JdFsz', title: c.subject, text: c.subject }))),
      h('div', { 'data-app-section': 'ConversationContainer', className: 'Q8TCC yyYQP' }, h('div', { className: 'ZOM9m' }, items)));
  }

  function openReply() {
    openCompose('reply');
  }

  /** Inline compose on top of the conversation; a forward starts with an empty To well. */
  function openCompose(mode) {
    const c = currentConversation();
    const container = document.querySelector('[data-app-section="ConversationContainer"] .ZOM9m');
    if (!c || !container || document.querySelector('[id^="docking_InitVisiblePart_"]')) return;
    const customer = customerOf(c);
    const body = h('div', { contenteditable: 'true', role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Message body, press Alt+F10 to exit', className: 'dFCbN elementToProof' }, h('div', {}, h('br')));
    const send = () => {
      const text = body.innerText.trim();
      if (!text) return;
      const d = new Date();
      c.messages.push({ from: { name: me().name, email: me().email }, date: `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()} ${d.getHours()}:${d.getMinutes()}`, body: text, sentNow: true });
      render();
    };
    container.prepend(h('div', { id: 'docking_InitVisiblePart_0', className: 'compose yz4r1' },
      h('div', { className: 'rcpt' }, h('div', { 'aria-label': 'To', role: 'textbox', contenteditable: 'true', className: 'wells' }, ...(mode === 'forward' ? [] : [h('span', { title: customer.email, text: customer.name })]))),
      h('input', { type: 'text', autocomplete: 'off', 'aria-label': 'Add a subject', value: `${mode === 'forward' ? 'FW' : 'RE'}: ${c.subject}`, hidden: true }),
      h('div', { id: 'editorParent_1' }, body),
      h('button', { type: 'button', 'aria-label': 'Send', onClick: send }, h('i', { 'data-icon-name': 'SendRegular' }), ' Send'),
      h('button', { type: 'button', 'aria-label': 'Discard', onClick: () => render() }, 'Discard')));
    body.focus();
  }

  function render() {
    const c = currentConversation();
    const app = h('div', { id: 'app' },
      h('div', { id: 'O365_NavHeader' }, h('span', { text: 'Outlook · SoloDesk demo' }),
        h('button', { id: 'mectrl_main_trigger', type: 'button', 'aria-label': `Account manager for ${me().name}`, text: me().name[0] })),
      h('div', { className: 'shell' },
        h('div', { role: 'navigation', 'aria-label': 'Navigation pane' }, h('div', { role: 'tree' },
          h('div', { id: 'primaryMailboxRoot_demo', role: 'treeitem', 'data-folder-name': me().email, title: me().email, text: me().email }))),
        renderList(c),
        h('div', { role: 'main', 'data-app-section': 'MailReadCompose', className: 'Qk3tP' },
          h('div', { id: 'ReadingPaneContainerId', className: 'lBlz5' }, c ? renderConversation(c) : h('div', { className: 'empty', text: 'Select an item to read' })))));
    (document.getElementById('app') || document.getElementById('loading')).replaceWith(app);
    if (c && params.get('reply') === 'open' && !c.replyOpened) {
      c.replyOpened = true;
      openReply();
    }
  }

  window.addEventListener('popstate', render);
  fetch('/mail/conversations.json')
    .then((r) => r.json())
    .then((json) => {
      data = json;
      render();
    });
})();
