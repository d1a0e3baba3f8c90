import { seededRandom } from '../../lib/triage/softmax';
import type { KbArticle } from '../../lib/triage/types';

/**
 * A generated knowledge base for timing the engine's index build, shaped like the scale bench's
 * articles (scripts/bench-scale-seed.ts): 70 % English, 30 % Chinese, a short title, a body of
 * 500…1500 characters and three example questions, all from a small support vocabulary. Random
 * words make a poor test of ranking quality (the eval measures that on real data), but the build's
 * cost depends on how many rows, features and articles there are, which this reproduces.
 */
/** The support vocabulary of the generated articles here and of the scale bench's seed. */
export const SUPPORT_WORDS = {
  en: (
    'order refund invoice shipping delivery parcel tracking address account password login subscription cancel ' +
    'warranty repair exchange return damaged broken late delayed customs payment card charge receipt discount ' +
    'size colour stock available price bulk wholesale gift voucher update change missing wrong item quality ' +
    'please thanks help urgent today week days business hours support team store product battery charger cable'
  ).split(' '),
  zh: '订单 退款 发票 快递 物流 地址 账户 密码 登录 订阅 取消 保修 维修 换货 退货 损坏 延迟 海关 付款 收据 折扣 尺寸 颜色 库存 价格 礼品 更新 缺少 质量 请 谢谢 帮助 紧急 今天 工作日 客服 产品 电池 充电器'.split(' '),
};
const { en: EN, zh: ZH } = SUPPORT_WORDS;
const CATEGORIES = ['invoice', 'refund', 'order-status', 'account', 'shipping-address', 'cancellation', 'pre-sales', 'feedback', 'other', 'product-fault'];

export function syntheticKb(count: number, seed = 7): KbArticle[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const sentence = (lang: 'en' | 'zh', words: number): string => {
    const parts = Array.from({ length: words }, () => pick(lang === 'en' ? EN : ZH));
    return lang === 'en' ? `${parts.join(' ')}.` : `${parts.join('')}。`;
  };
  const body = (lang: 'en' | 'zh'): string => {
    const target = 500 + Math.floor(random() * 1000);
    let out = '';
    while (out.length < target) out += (out ? ' ' : '') + sentence(lang, 6 + Math.floor(random() * 10));
    return out.slice(0, 1500);
  };
  return Array.from({ length: count }, (_, i) => {
    const lang = random() < 0.7 ? 'en' : 'zh';
    return {
      id: `kb-${i}`,
      title: `${sentence(lang, 4)} #${i}`,
      body: body(lang),
      examples: Array.from({ length: 3 }, () => sentence(lang, 8)),
      category: pick(CATEGORIES),
      lang,
    };
  });
}
