import type { KbArticle } from '../../lib/triage/types';

/** A four-article knowledge base in English and Chinese for retrieval and engine tests. */
export const KB: KbArticle[] = [
  { id: 'refund-status', title: 'Where is my refund?', body: 'Refunds reach your card within 5 business days after we receive the return.', examples: ['when will I get my money back', '退款什么时候到账'] },
  { id: 'invoice', title: 'Invoice or receipt for an order', body: 'You can download every invoice from your account page.', examples: ['I need a VAT invoice', '请开发票'] },
  { id: 'password-reset', title: 'Reset your password', body: 'Click "Forgot password" on the sign-in page to get a reset link.', examples: ['I cannot log in', '忘记密码了'] },
  { id: 'change-address', title: 'Change the delivery address', body: 'Reply with the new address before the order ships and we will update it.', examples: ['ship to my new address', '修改收货地址'] },
];
