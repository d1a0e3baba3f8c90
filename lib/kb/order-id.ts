/**
 * Order numbers in customer mail (zh, en, de). Only a number next to a word that says it is an
 * order number counts ("order no. A-1234", "订单号：20231234", "Bestellnummer 12345"), or one
 * written "#1234"; bare numbers are phone numbers, dates, amounts and zip codes far more often.
 */

/** An id: optional letter prefix, then at least three digits among letters, digits and dashes. */
const ID = String.raw`#?\s?([A-Z]{0,4}-?\d[\dA-Z-]{2,29})`;
/** Not an amount (12.50, 12,50, 12 €), a time (12:30), a fraction or a date (12/05), a percentage. */
const NOT_AFTER = String.raw`(?![.,:/]\d|[\dA-Z]|\s*(?:%|€|\$|¥|￥|元|円|usd|eur|rmb|cny|yuan|dollars?|euros?)(?![A-Z]))`;
const LINK = String.raw`(?:\s*[:#：]\s*|\s+(?:is|was|ist|lautet)\s+|\s*(?:是|为)\s*|\s+)?`;

const PATTERNS: { re: RegExp; priority: number }[] = [
  {
    re: new RegExp(String.raw`\border(?:\s*(?:no|nr|num|number|id|ref|reference)\b\.?)?${LINK}${ID}${NOT_AFTER}`, 'giu'),
    priority: 3,
  },
  {
    re: new RegExp(String.raw`(?:订单|订购单)(?:号码|编号|号)?${LINK}${ID}${NOT_AFTER}`, 'giu'),
    priority: 3,
  },
  {
    re: new RegExp(
      String.raw`\b(?:bestellung|bestellnummer|bestellnr|auftragsnummer|auftragsnr|auftrag)\.?(?:\s*(?:nr|nummer|no)\b\.?)?${LINK}${ID}${NOT_AFTER}`,
      'giu',
    ),
    priority: 3,
  },
  // "#1234" on its own: after a space, bracket or start, not inside a word or URL fragment.
  { re: new RegExp(String.raw`(?:^|[\s(（:：,，])#([A-Z]{0,4}-?\d[\dA-Z-]{2,29})${NOT_AFTER}`, 'gimu'), priority: 2 },
];

const DATE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4})$/;

function plausible(id: string): boolean {
  const digits = id.replace(/\D/g, '').length;
  return digits >= 3 && !DATE.test(id);
}

export interface OrderIdMatch {
  id: string;
  index: number;
  priority: number;
}

/** Every order-number mention in `text`, in text order. */
export function findOrderIds(text: string): OrderIdMatch[] {
  const found: OrderIdMatch[] = [];
  for (const { re, priority } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const id = m[1].replace(/-+$/, '');
      if (plausible(id)) found.push({ id, index: m.index ?? 0, priority });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The order number `text` is about: one named as an order number wins over a bare "#1234";
 * among equals, the first mentioned. A "#" in front is not part of the id.
 */
export function findOrderId(text: string): string | undefined {
  const matches = findOrderIds(text);
  if (matches.length === 0) return undefined;
  const best = Math.max(...matches.map((m) => m.priority));
  return matches.find((m) => m.priority === best)?.id;
}
