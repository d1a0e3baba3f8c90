import type { BuiltInCategory } from '../categories';
import { EN_MONEY_ARTICLES } from './starter/en-money';
import { EN_ORDER_ARTICLES } from './starter/en-orders';
import { EN_PRODUCT_ARTICLES } from './starter/en-product';
import { EN_SERVICE_ARTICLES } from './starter/en-service';
import { EXAMPLES_DE } from './starter/examples-de';
import { EXAMPLES_EN } from './starter/examples-en';
import { EXAMPLES_ZH } from './starter/examples-zh';
import type { CategoryExamples, StarterArticle } from './starter/types';
import { ZH_MONEY_ARTICLES } from './starter/zh-money';
import { ZH_ORDER_ARTICLES } from './starter/zh-orders';
import { ZH_PRODUCT_ARTICLES } from './starter/zh-product';
import { ZH_SERVICE_ARTICLES } from './starter/zh-service';

export type { StarterArticle } from './starter/types';

/**
 * The knowledge base a new install starts with: ready-to-send replies in English and Chinese,
 * at least two per built-in category and language, written for a one-person shop or SaaS.
 */
export const STARTER_ARTICLES: StarterArticle[] = [
  ...EN_MONEY_ARTICLES,
  ...EN_ORDER_ARTICLES,
  ...EN_PRODUCT_ARTICLES,
  ...EN_SERVICE_ARTICLES,
  ...ZH_MONEY_ARTICLES,
  ...ZH_ORDER_ARTICLES,
  ...ZH_PRODUCT_ARTICLES,
  ...ZH_SERVICE_ARTICLES,
];

function examplesFor(category: BuiltInCategory): CategoryExamples[BuiltInCategory] {
  return { en: EXAMPLES_EN[category], zh: EXAMPLES_ZH[category], de: EXAMPLES_DE[category] };
}

/** Customer messages per category and language that train the category classifier. */
export const CATEGORY_EXAMPLES: CategoryExamples = {
  invoice: examplesFor('invoice'),
  refund: examplesFor('refund'),
  'order-status': examplesFor('order-status'),
  account: examplesFor('account'),
  'shipping-address': examplesFor('shipping-address'),
  cancellation: examplesFor('cancellation'),
  'pre-sales': examplesFor('pre-sales'),
  feedback: examplesFor('feedback'),
  other: examplesFor('other'),
  'product-fault': examplesFor('product-fault'),
  'after-sales': examplesFor('after-sales'),
  'technical-support': examplesFor('technical-support'),
  'order-delay': examplesFor('order-delay'),
  'lost-package': examplesFor('lost-package'),
  'system-outage': examplesFor('system-outage'),
};
