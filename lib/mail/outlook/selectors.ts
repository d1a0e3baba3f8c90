/**
 * Outlook on the web selectors. Outlook's CSS-module class names churn every 2–6 months
 * (evicypher: five body classes in 15 months), so we key only on ids, data-* attributes, ARIA
 * and data-icon-name — never on classes. ARIA labels are localized: every label-based selector
 * lists en and de (and zh where seen) and sits after a language-neutral one.
 * Sources: ../shared/reference/mail-dom.md §3 (Mailvelope outlook-api 2025-11, Briskine).
 * Expected match counts per fixture: test/mail/outlook-selectors.test.ts.
 */

export const outlookSelectors = {
  /** App shell: OWA's React root `#app` (2019+) or its main region. */
  app: '#app, [role=main]',

  /** Reading pane host (2019+); empty "select an item" state when nothing is open. */
  readingPane: '#ReadingPaneContainerId',

  /**
   * The open conversation, most specific first: conversation view
   * `[data-app-section=ConversationContainer]`, single-item view `[data-app-section=ItemContainer]`
   * (both Mailvelope fixture 2025-11), then the pane ids `#ConversationReadingPaneContainer`.
   */
  conversation: ['[data-app-section="ConversationContainer"]', '[data-app-section="ItemContainer"]', '#ConversationReadingPaneContainer'],

  /** Conversation subject: `[role=heading]` in the pane (2020+) [unverified]; never one inside a body. */
  subjectScope: '#ConversationReadingPaneContainer, [data-app-section="ConversationContainer"], [data-app-section="ItemContainer"], #ReadingPaneContainerId',
  subject: '[role="heading"]',

  /**
   * One message: an expandable item `div[aria-expanded]` (true = expanded, false = collapsed) that
   * holds a date or a body; fallback the localized item label "Email message"/"E-Mail-Nachricht".
   */
  messageItem: 'div[aria-expanded]',
  messageItemByLabel: '[aria-label="Email message"], [aria-label="E-Mail-Nachricht"], [aria-label="电子邮件"]',

  /** Sent/received time, text and/or title, 2023+ (several scrapers) [unverified]. */
  date: '[data-testid="SentReceivedSavedTime"]',

  /**
   * Sender: the localized "From:" label carrying the address (Mailvelope fixture, de "Von:"), then
   * a persona span whose title is "Name <addr>" or the address [unverified].
   */
  senderLabel: '[aria-label^="From:"], [aria-label^="From "], [aria-label^="Von:"], [aria-label^="发件人"], [aria-label^="De:"], [aria-label^="De :"]',
  senderTitle: 'span[title*="@"], [title*="@"]',
  /** Recipient lines ("To:"/"An:"/"Cc:"), so their addresses are not taken for the sender. */
  recipients: '[aria-label^="To:"], [aria-label^="An:"], [aria-label^="Cc:"], [aria-label^="收件人"]',

  /** Body: `div[id^=UniqueMessageBody]` (2019 → 2025), else the `role=document` wrapper. */
  body: ['[id^="UniqueMessageBody"]', '[role="document"]'],
  /**
   * Quoted history and signatures inside a body. OWA prefixes the message's own ids/classes
   * with `x_`: `#x_divRplyFwdMsg` starts the quoted reply header (everything after it is the old
   * message), `#x_appendonsend` marks where Outlook appended it; Gmail-sent quotes keep
   * `x_gmail_quote`; signatures `#x_Signature` / `.x_gmail_signature`.
   */
  bodyCutAt: '[id$="divRplyFwdMsg"], [id$="appendonsend"]',
  bodySkip: 'blockquote, .x_gmail_quote, .gmail_quote, .x_gmail_quote_container, [id$="Signature"], .x_gmail_signature, .gmail_signature, [id$="signature"]',

  /** Compose areas (inline reply `[id^=docking_InitVisiblePart_]`, pop-out `Form_Content`) — not messages. */
  compose: '[id^="docking_InitVisiblePart_"], [data-app-section="Form_Content"]',
  /**
   * Compose body: `[contenteditable=true][aria-multiline=true]` (Briskine; the To/Cc wells are
   * contenteditable without aria-multiline), en label "Message body, press Alt+F10 to exit", de
   * "Nachrichtentext", `[id^=editorParent_]` holder.
   */
  composeBody: ['[contenteditable="true"][aria-multiline="true"]', 'div[aria-label^="Message body"][contenteditable="true"]', 'div[aria-label^="Nachrichtentext"][contenteditable="true"]', '[id^="editorParent_"] [contenteditable="true"]'],

  /** Forward: language-neutral icon in the message toolbar (Mailvelope). 2025-11. */
  forwardIcon: 'i[data-icon-name="ArrowForwardRegular"]',
  /**
   * The compose's To well: contenteditable with aria-label "To" (de "An", zh "收件人"), never the
   * aria-multiline body [unverified]. 2026-11.
   */
  composeTo: '[contenteditable="true"][aria-label="To"]:not([aria-multiline]), [contenteditable="true"][aria-label="An"]:not([aria-multiline]), [contenteditable="true"][aria-label="收件人"]:not([aria-multiline]), input[aria-label="To"]',

  /** Reply: language-neutral icon inside the button, message toolbar or bottom quick action (Mailvelope). */
  replyIcon: 'i[data-icon-name="ArrowReplyRegular"]',
  /** Localized fallback buttons. */
  replyButtonByLabel: 'button[aria-label="Reply"], button[aria-label="Antworten"], button[aria-label="答复"]',

  /** Selected conversation in the list: `#MailList [aria-selected=true][data-convid]` (Mailvelope). */
  selectedConversation: '#MailList [aria-selected="true"][data-convid]',
  anySelectedConversation: '[aria-selected="true"][data-convid]',

  /** The user's mailbox: `[id^=primaryMailboxRoot]` data-folder-name/title (Mailvelope fixture 2025-11). */
  mailboxRoot: '[id^="primaryMailboxRoot"]',
  /** Account manager button/flyout: `#mectrl_main_trigger`, `#O365_MainLink_Me` (Briskine), `#mectrl_currentAccount_secondary` [unverified]. */
  accountManager: '#mectrl_main_trigger, #O365_MainLink_Me, #mectrl_currentAccount_secondary, button[aria-label*="@"]',
} as const;
