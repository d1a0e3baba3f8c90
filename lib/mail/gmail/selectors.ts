/**
 * Gmail selectors, one place. Each names what it targets and since when; old and new variants
 * sit side by side because Gmail rolls out markup changes gradually (A/B for weeks).
 * Sources: ../shared/reference/mail-dom.md §2 (InboxSDK a8a6fe2c, gmail.js b7dfdabc, Mailvelope).
 * The expected match count of each selector per fixture is in test/mail/gmail-selectors.test.ts.
 */

export const gmailSelectors = {
  /** The app has rendered (absent while loading). All eras. InboxSDK gmail-route-view.ts. */
  main: '[role=main]',

  /**
   * Thread (conversation) view containers, newest first:
   * - `.a98.iY` — 2023-11-16+ thread markup (InboxSDK PR #1073), full page and preview pane.
   * - `table.Bs > tbody > tr` — pre-2023-11 markup; the parser inserts <tbody>, so both forms.
   */
  threadContainer: ['.a98.iY', 'table.Bs > tbody > tr', 'table.Bs > tr'],

  /** Preview/split pane holder: `.aia` (2022+), then `.ao9` whose children are thread views (PR #1095, 2023-11-29). */
  previewPane: '.aia, .ao9',

  /** Subject: `h2.hP` (gmail.js, all eras); `.ha h2` (InboxSDK getSubject). */
  subject: 'h2.hP, .ha h2',

  /** Thread id attributes; on h2.hP in current markup (gmail.js PR #735). */
  legacyThreadId: '[data-legacy-thread-id]',
  permThreadId: '[data-thread-perm-id]',

  /**
   * One message of the list. `.h7` expanded; `.kv`/`.ky` collapsed; `.kQ`/`.kx` hidden inside
   * "N older messages" (InboxSDK gmail-message-view.ts getViewState). 2014 → today.
   */
  message: '.h7, .kv, .ky, .kQ, .kx',
  expanded: '.h7',
  hidden: '.kQ, .kx',

  /**
   * The "N older messages" bar: a round badge `.adx` with the count inside `.adv` [unverified].
   * Used only when the hidden messages themselves (.kQ/.kx) are not in the DOM.
   */
  olderMessagesCount: '.adv .adx',

  /** Message id holder `div.adn.ads[data-message-id]` (#msg-f:… / #msg-a:…). */
  messageId: '[data-message-id], [data-legacy-message-id]',

  /**
   * Sender with `email` and `name` attributes: `span.gD` (expanded header, gmail.js),
   * `td.gF span[email]` (InboxSDK), `h3.iw span[email]`; collapsed headers use `span.zF`/`span.yP`
   * like list rows. Any `span[email]` last, before the recipients line `.hb`.
   */
  sender: ['span.gD[email]', 'td.gF span[email]', 'h3.iw span[email]', 'span.zF[email], span.yP[email]', 'span[email]'],

  /** Recipients line (to be excluded when looking for a sender): `.hb span[email]` / `span.g2`. */
  recipients: '.hb, span.g2',

  /** Date with a localized title: `.g3[title]` (gmail.js span.g3), `.gK [title]` (InboxSDK getDateString `.ads .gK .g3`), `.gH [title]` (its cell). */
  date: ['.g3[title]', '.gK [title]', '.gH [title]'],

  /**
   * Body: `div.ii.gt` then `div.a3s` inside; `a3s.aiL` since 2020-10, `a3s.aXjCH` before
   * (gmail.js #620); `.adP` is the old fallback, removed once a section expands (InboxSDK PR #289).
   */
  body: ['.ii.gt .a3s', '.a3s', '.ii.gt', '.adP'],

  /**
   * Parts of a body that are not the new message: `blockquote` (InboxSDK isElementInQuotedArea),
   * `.gmail_quote`/`.gmail_quote_container`/`.gmail_attr` (Gmail-originated replies, 2024+ adds
   * the _container), trimmed-content toggle `.yj6qo`/`.ajR` and its hidden content `.adL`/`.h5`
   * [unverified], Gmail's quoted-line span `.im` [unverified], and signatures `.gmail_signature`
   * / `[data-smartmail=gmail_signature]` (since ~2017). Prefixed and other clients' markers
   * (`m_…gmail_quote`, Yahoo, Thunderbird) come from FOREIGN_QUOTE_SKIP in lib/mail/text.ts, and
   * Outlook-sent replies are cut at `#divRplyFwdMsg` (OUTLOOK_REPLY_CUT).
   */
  bodySkip: [
    'blockquote', '.gmail_quote', '.gmail_quote_container', '.gmail_attr', '.gmail_extra',
    '.yj6qo', '.ajR', '.adL', '.h5', '.im', '.gmail_signature', '[data-smartmail="gmail_signature"]',
  ].join(', '),

  /** Inline reply area `.ip`; gets `.adB` when open and then holds the compose root `.M9` (InboxSDK #setupReplyStream). */
  inlineReplyOpen: '.ip.adB',

  /**
   * Compose body, most specific first: `.Ap [g_editable=true]` (InboxSDK getMaybeBodyElement),
   * `.M9 [contenteditable=true][role=textbox]`, `div[contenteditable=true][aria-multiline=true]`
   * (attribute set 2023–2025); never the subject (`input[name=subjectbox]`) or recipients.
   */
  composeBody: ['.M9 .Ap [g_editable="true"]', '.Ap [g_editable="true"]', '.M9 div[contenteditable="true"][role="textbox"]', 'div[contenteditable="true"][aria-multiline="true"]'],

  /**
   * Reply openers, in the order we try them: the bottom bar's first `span.ams[role=link]` inside
   * `.amn` (several `.amn` can exist in A/B tests: pick one outside a table), `.bkH` = Reply
   * [unverified], then the message header's reply icon `div[role=button].aaq` (gmail.js reply_button).
   */
  bottomReplyBar: '.amn',
  bottomReply: 'span.ams.bkH, .amn span.ams[role=link], .amn span.ams',
  bottomReplyLegacy: '.bkH',
  headerReply: 'div[role=button].aaq, .aaq',
  /** Forward in the bottom bar: `.bkG` [unverified]; the bar's third `span.ams` as a fallback. 2026-11. */
  bottomForward: '.amn span.ams.bkG, .amn span.ams:nth-of-type(3)',
  /**
   * The forward compose's To field: legacy `input[name=to]`/`textarea[name=to]`, the 2023+ people
   * picker `input[aria-label="To recipients"]` (localized: "An", "收件人") [unverified]. 2026-11.
   */
  composeTo: '.M9 input[name="to"], .M9 textarea[name="to"], .M9 input[aria-label^="To"], .M9 input[aria-label^="An "], .M9 input[aria-label^="收件人"]',

  /** Account chooser link: aria-label "Google Account: Name (me@x.com)" (localized), 2018+. */
  accountChooser: 'a[aria-label*="@"][href*="accounts.google.com"], header a[aria-label*="@"], #gb a[aria-label*="@"], [role=banner] a[aria-label*="@"]',
  /** Compose "From" aliases: `.az2` menu items / `input[name=from]` (gmail.js). */
  fromAliases: '.az2 [role=menuitem][value], input[name=from]',

  /**
   * Inbox list rows `tr.zA` (2014 fixture → today): `.zE` unread, `.yO` read; sender
   * `.yW span[email]` (`.zF` unread / `.yP` read); subject `.y6` (2014) / `.bog` (2018+);
   * date `.xW span[title]`; thread id `[data-thread-id]`/`[data-legacy-thread-id]` (2018+).
   */
  row: 'tr.zA',
  rowUnread: '.zE',
  rowSender: '.yW span[email], span.zF[email], span.yP[email], span[email]',
  rowSubject: ['.bog', '.y6 > span[id]', '.y6 > span:not(.y2)', '.y6'],
  rowDate: '.xW span[title], td.xW [title]',
  rowThreadId: '[data-thread-id], [data-legacy-thread-id]',
} as const;
