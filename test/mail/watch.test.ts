import { afterEach, describe, expect, it, vi } from 'vitest';
import { gmailSite } from '../../lib/mail/gmail/gmail';
import { outlookSite } from '../../lib/mail/outlook/outlook';
import { watchConversations, type ConversationEvent } from '../../lib/mail/watch';
import { fixtureHtml, loadFixture, type LoadedFixture } from './load-fixture';

let page: LoadedFixture | undefined;
let controller: AbortController | undefined;
afterEach(() => {
  controller?.abort();
  page?.close();
});

const fast = { debounceMs: 5, settleMs: 40 };

function start(fixture: string, site = gmailSite, url?: string) {
  page = loadFixture(fixture, url);
  controller = new AbortController();
  const events: ConversationEvent[] = [];
  watchConversations(site, page.document, controller.signal, (e) => events.push(e), fast);
  return { doc: page.document, events };
}

function appendGmailMessage(doc: Document, body: string): void {
  const list = doc.querySelector('.a98.iY [role=list]')!;
  const item = doc.createElement('div');
  item.className = 'h7';
  const sender = doc.createElement('span');
  sender.className = 'gD';
  sender.setAttribute('email', 'laura.chen@example.com');
  sender.setAttribute('name', 'Laura Chen');
  const bodyEl = doc.createElement('div');
  bodyEl.className = 'a3s aiL';
  bodyEl.textContent = body;
  item.append(sender, bodyEl);
  list.appendChild(item);
}

describe('watchConversations', () => {
  it('reports the conversation already open when it starts', async () => {
    const { events } = start('gmail/full-thread-en.html');
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0].thread?.subject).toBe('Refund for order #10482');
    expect(events[0].miss).toBeUndefined();
  });

  it('re-reads when a new message arrives, and not when unrelated DOM changes', async () => {
    const { doc, events } = start('gmail/full-thread-en.html');
    await vi.waitFor(() => expect(events).toHaveLength(1));
    doc.body.appendChild(doc.createElement('div')); // a tooltip, say
    await new Promise((r) => setTimeout(r, 60));
    expect(events).toHaveLength(1);
    appendGmailMessage(doc, 'Any news?');
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events[1].thread?.messages).toHaveLength(4);
    expect(events[1].thread?.messages[3].body).toBe('Any news?');
  });

  it('reads the page once when a route change and the rendering it causes come together', async () => {
    page = loadFixture('gmail/full-thread-en.html');
    controller = new AbortController();
    const readThread = vi.fn(gmailSite.readThread);
    watchConversations({ ...gmailSite, readThread }, page.document, controller.signal, () => undefined, fast);
    expect(readThread).toHaveBeenCalledTimes(1); // the conversation already open
    // Gmail renders the next conversation inside its own hashchange handler.
    page.window.addEventListener('hashchange', () => appendGmailMessage(page!.document, 'Rendered with the route'));
    page.window.dispatchEvent(new page.window.HashChangeEvent('hashchange'));
    await vi.waitFor(() => expect(readThread).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 60));
    expect(readThread).toHaveBeenCalledTimes(2);
  });

  it('with leading, reads a new message without waiting for the quiet time, then not again', async () => {
    page = loadFixture('gmail/full-thread-en.html');
    controller = new AbortController();
    const readThread = vi.fn(gmailSite.readThread);
    const events: ConversationEvent[] = [];
    // A quiet time far longer than the test: only the leading read can report the new message.
    watchConversations({ ...gmailSite, readThread }, page.document, controller.signal, (e) => events.push(e), { debounceMs: 60_000, leading: true });
    appendGmailMessage(page.document, 'Any news?');
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events[1].thread?.messages.at(-1)?.body).toBe('Any news?');
    expect(readThread).toHaveBeenCalledTimes(2); // on start, and once for the burst
  });

  it('with leading, keeps reading at once while the conversation is still being rendered', async () => {
    page = loadFixture('gmail/full-thread-en.html');
    controller = new AbortController();
    const thread = page.document.querySelector('.a98.iY')!;
    const parent = thread.parentElement!;
    thread.remove();
    const events: ConversationEvent[] = [];
    watchConversations(gmailSite, page.document, controller.signal, (e) => events.push(e), { debounceMs: 60_000, settleMs: 60_000, leading: true });
    page.document.body.appendChild(page.document.createElement('div')); // the app's chrome renders first
    await new Promise((r) => setTimeout(r, 20));
    parent.appendChild(thread); // then the conversation, long before the page is quiet
    await vi.waitFor(() => expect(events.some((e) => e.thread?.subject === 'Refund for order #10482')).toBe(true));
  });

  it('with leading, reads again at the end of a burst that went on after the first read', async () => {
    page = loadFixture('gmail/full-thread-en.html');
    controller = new AbortController();
    const events: ConversationEvent[] = [];
    watchConversations(gmailSite, page.document, controller.signal, (e) => events.push(e), { debounceMs: 30, leading: true });
    appendGmailMessage(page.document, 'First part');
    await vi.waitFor(() => expect(events).toHaveLength(2));
    appendGmailMessage(page.document, 'Second part'); // same burst: within the quiet time
    await vi.waitFor(() => expect(events).toHaveLength(3));
    expect(events[2].thread?.messages.map((m) => m.body).slice(-2)).toEqual(['First part', 'Second part']);
  });

  it('reports null when the route goes back to the list and the thread view goes away', async () => {
    const { doc, events } = start('gmail/full-thread-en.html');
    await vi.waitFor(() => expect(events).toHaveLength(1));
    doc.querySelector('.a98.iY')!.remove();
    page!.window.location.hash = '#inbox';
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events[1]).toEqual({ thread: null });
  });

  it('follows the preview pane when another thread replaces the shown one', async () => {
    const { doc, events } = start('gmail/preview-pane-en.html');
    await vi.waitFor(() => expect(events).toHaveLength(1));
    const views = doc.querySelectorAll('.ao9 > .a98.iY');
    views[1].setAttribute('style', 'display: none');
    views[0].removeAttribute('style');
    views[0].appendChild(doc.createElement('div')); // Gmail re-renders the shown view
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events[1].thread?.subject).toBe('Question about bulk pricing');
  });

  it('reports a selector miss with censored structure once the unknown layout has settled', async () => {
    const { events } = start('gmail/unknown-layout.html');
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0].thread).toBeNull();
    expect(events[0].miss?.site).toBe('gmail');
    expect(events[0].miss?.structure).toContain('div.zz1.q7');
    expect(events[0].miss?.structure).not.toContain('invoice');
  });

  it('does not report a miss for a view that finishes rendering within the settle time', async () => {
    page = loadFixture('gmail/unknown-layout.html');
    controller = new AbortController();
    const events: ConversationEvent[] = [];
    watchConversations(gmailSite, page.document, controller.signal, (e) => events.push(e), { debounceMs: 5, settleMs: 200 });
    const full = new page.window.DOMParser().parseFromString(fixtureHtml('gmail/full-thread-en.html'), 'text/html');
    await new Promise((r) => setTimeout(r, 30));
    page.document.querySelector('[role=main]')!.replaceWith(page.document.importNode(full.querySelector('[role=main]') as unknown as Node, true));
    await vi.waitFor(() => expect(events).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 250));
    expect(events).toHaveLength(1);
    expect(events[0].thread?.subject).toBe('Refund for order #10482');
  });

  it('stops everything when the signal aborts', async () => {
    const { doc, events } = start('gmail/full-thread-en.html');
    await vi.waitFor(() => expect(events).toHaveLength(1));
    controller!.abort();
    appendGmailMessage(doc, 'late');
    page!.window.location.hash = '#inbox';
    await new Promise((r) => setTimeout(r, 80));
    expect(events).toHaveLength(1);
  });

  it('never lets a failing listener throw into the page', async () => {
    page = loadFixture('gmail/full-thread-en.html');
    controller = new AbortController();
    const listener = vi.fn(() => {
      throw new Error('Extension context invalidated.');
    });
    watchConversations(gmailSite, page.document, controller.signal, listener, fast);
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(1));
  });

  it('follows Outlook when the reading pane shows another conversation', async () => {
    const { doc, events } = start('outlook/reading-pane-en.html', outlookSite);
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(events[0].thread?.messages).toHaveLength(3);
    const de = new page!.window.DOMParser().parseFromString(fixtureHtml('outlook/reading-pane-de.html'), 'text/html');
    doc.querySelector('#ReadingPaneContainerId')!.replaceWith(doc.importNode(de.querySelector('#ReadingPaneContainerId') as unknown as Node, true));
    page!.window.history.pushState({}, '', '/mail/inbox/id/AQQkOther%3D');
    page!.window.dispatchEvent(new page!.window.PopStateEvent('popstate'));
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events[1].thread?.subject).toBe('Paket nicht angekommen');
  });
});
