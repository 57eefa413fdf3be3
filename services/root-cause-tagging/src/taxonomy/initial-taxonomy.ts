import type { TaggedLanguage } from '../text/language';
import { price } from './initial/price.tag';
import { productQuality } from './initial/product-quality.tag';
import { delivery } from './initial/delivery.tag';
import { support } from './initial/support.tag';
import { waitTime } from './initial/wait-time.tag';
import { billing } from './initial/billing.tag';
import { returnsRefunds } from './initial/returns-refunds.tag';
import { usability } from './initial/usability.tag';
import { staffAttitude } from './initial/staff-attitude.tag';
import { communication } from './initial/communication.tag';
import { availability } from './initial/availability.tag';
import type { InitialTag } from './initial/initial-tag';
import type { TaxonomyTag, TaxonomyTerm } from './taxonomy.types';

/** The root causes of version 1, with exactly the ids of issue #7, one file each under initial/. */
const INITIAL: Record<string, InitialTag> = {
  price,
  'product-quality': productQuality,
  delivery,
  support,
  'wait-time': waitTime,
  billing,
  'returns-refunds': returnsRefunds,
  usability,
  'staff-attitude': staffAttitude,
  communication,
  availability,
};

function term(written: string): TaxonomyTerm {
  if (written.startsWith('-')) return { text: written.slice(1), polarity: 'negative' };
  if (written.startsWith('+')) return { text: written.slice(1), polarity: 'positive' };
  return { text: written };
}

function terms(tag: InitialTag, language: TaggedLanguage): TaxonomyTerm[] {
  return [...new Set([...tag.terms[language], ...tag.paraphrases[language]])].map(term);
}

/** The taxonomy of version 1, with exactly the ids of issue #7. */
export function initialTaxonomyTags(): TaxonomyTag[] {
  return Object.entries(INITIAL).map(([id, tag]) => ({
    id,
    name: tag.name,
    terms: { en: terms(tag, 'en'), nl: terms(tag, 'nl'), de: terms(tag, 'de') },
  }));
}
