/**
 * Reason codes shown next to the priority badge. Codes are stable (tests, exports and the
 * side panel key on them); the human text lives here so every surface says the same thing.
 */

export const REASON_CODES = [
  'urgency:deadline',
  'urgency:outage',
  'urgency:blocked',
  'urgency:lost-parcel',
  'urgency:late-parcel',
  'urgency:repeat-contact',
  'urgency:category',
  'importance:vip',
  'importance:chargeback',
  'importance:public-complaint',
  'importance:formal-complaint',
  'importance:legal',
  'importance:cancel-account',
  'importance:business-blocked',
  'importance:shop-outage',
  'low:no-rush',
  'low:feedback',
  'low:pre-sales',
  'low:routine',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

const TEXT: Record<ReasonCode, { en: string; zh_CN: string }> = {
  'urgency:deadline': { en: 'Deadline or time pressure', zh_CN: '有截止时间或时间压力' },
  'urgency:outage': { en: 'Site, checkout or payment is down', zh_CN: '网站、结账或支付故障' },
  'urgency:blocked': { en: 'Customer is blocked (cannot log in or use the service)', zh_CN: '客户被卡住（无法登录或使用服务）' },
  'urgency:lost-parcel': { en: 'Parcel lost or marked delivered but not received', zh_CN: '包裹丢失或显示签收但未收到' },
  'urgency:late-parcel': { en: 'Order badly late against its promise', zh_CN: '订单严重超出承诺时间' },
  'urgency:repeat-contact': { en: 'Repeat contact without an answer', zh_CN: '多次联系仍未得到答复' },
  'urgency:category': { en: 'Urgent kind of problem', zh_CN: '属于紧急类问题' },
  'importance:vip': { en: 'VIP customer', zh_CN: 'VIP 客户' },
  'importance:chargeback': { en: 'Threatens a chargeback or payment dispute', zh_CN: '威胁拒付或支付争议' },
  'importance:public-complaint': { en: 'Threatens a bad review or public complaint', zh_CN: '威胁差评或公开投诉' },
  'importance:formal-complaint': { en: 'Formal complaint', zh_CN: '正式投诉' },
  'importance:legal': { en: 'Mentions legal action or a lawyer', zh_CN: '提及法律行动或律师' },
  'importance:cancel-account': { en: 'Cancelling an annual or multi-seat account', zh_CN: '取消年度或多席位账户' },
  'importance:business-blocked': { en: "Business customer's work is blocked", zh_CN: '企业客户的业务受阻' },
  'importance:shop-outage': { en: 'Outage of your own shop or service', zh_CN: '你自己的店铺或服务出现故障' },
  'low:no-rush': { en: 'Customer says there is no rush', zh_CN: '客户表示不着急' },
  'low:feedback': { en: 'Feedback, nothing to do urgently', zh_CN: '反馈意见，无需紧急处理' },
  'low:pre-sales': { en: 'Pre-sales question', zh_CN: '售前咨询' },
  'low:routine': { en: 'Routine request', zh_CN: '常规请求' },
};

export function isReasonCode(code: string): code is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(code);
}

/** Human text for a reason code; unknown codes come back unchanged so nothing is hidden. */
export function describeReason(code: string, locale: 'en' | 'zh_CN'): string {
  return isReasonCode(code) ? TEXT[code][locale] : code;
}
