import { Channel } from '@nps/contracts';
import { SURVEY_LANGUAGES, type SurveyLanguage } from '@nps/survey-links';
import { IANAZone } from 'luxon';
import { deliveryChannelOf } from '../delivery/delivery.channels';
import type { CustomerRecord } from './customer.record';

/** One rejected field of an imported row; `line` is the CSV line, or the 1-based position in a JSON array. */
export interface RowProblem {
  line: number;
  field: string;
  reason: string;
}

/** A row as read from CSV or JSON, before validation. */
export interface RawCustomerRow {
  line: number;
  fields: Record<string, unknown>;
  /** Set when the row as a whole cannot be read (wrong column count, not an object). */
  unreadable?: string;
}

export type CustomerContact = Omit<CustomerRecord, 'updatedAt'>;

const KNOWN = new Set([
  'customerId',
  'name',
  'email',
  'phone',
  'language',
  'segment',
  'region',
  'accountOwner',
  'accountId',
  'tier',
  'timeZone',
  'optOuts',
  'preferredChannel',
  'webhookUrl',
  'attributes',
]);
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Validates one imported row into a contact, or says per field what is wrong. Every problem of
 * the row is reported, so one fix round is enough.
 */
export function toCustomerContact(
  row: RawCustomerRow,
  defaultTimeZone: string,
): { contact: CustomerContact } | { problems: RowProblem[] } {
  if (row.unreadable) return { problems: [{ line: row.line, field: 'row', reason: row.unreadable }] };
  const problems: RowProblem[] = [];
  const problem = (field: string, reason: string) => problems.push({ line: row.line, field, reason });
  const text = (field: string, max = 200): string => {
    const value = row.fields[field];
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string' && typeof value !== 'number') return (problem(field, 'must be text'), '');
    const trimmed = String(value).trim();
    if (trimmed.length > max) problem(field, `must be at most ${max} characters`);
    return trimmed;
  };

  const customerId = text('customerId');
  if (!customerId) problem('customerId', 'is required');
  else if (!ID.test(customerId))
    problem(
      'customerId',
      'must be 1-64 letters, digits, ".", "_", ":" or "-" (never an email address or phone number)',
    );
  const email = text('email', 254).toLowerCase();
  if (email && !EMAIL.test(email)) problem('email', 'is not an email address');
  const phone = text('phone', 20).replace(/[\s().-]/g, '');
  if (phone && !E164.test(phone)) problem('phone', 'must be an international number like +31612345678');
  const language = (text('language') || 'en').toLowerCase();
  if (!SURVEY_LANGUAGES.includes(language as SurveyLanguage))
    problem('language', `must be one of ${SURVEY_LANGUAGES.join(', ')}`);
  const timeZone = text('timeZone') || defaultTimeZone;
  if (!isZone(timeZone)) problem('timeZone', 'must be an IANA time zone like Europe/Amsterdam');
  const optOuts = optOutsOf(row.fields.optOuts, (reason) => problem('optOuts', reason));
  const preferred = text('preferredChannel').toLowerCase();
  const preferredChannel = preferred ? deliveryChannelOf(preferred) : null;
  if (preferredChannel === undefined) problem('preferredChannel', 'must be email, sms or webhook');
  const webhookUrl = text('webhookUrl', 2000);
  if (webhookUrl && !/^https?:\/\/\S+$/.test(webhookUrl)) problem('webhookUrl', 'must be an http(s) URL');
  const [name, segment, region, accountOwnerId, tier] = ['name', 'segment', 'region', 'accountOwner', 'tier'].map(
    (field) => text(field),
  );
  const accountId = text('accountId');
  if (accountId && !ID.test(accountId))
    problem('accountId', 'must be 1-64 letters, digits, ".", "_", ":" or "-" (the customer organisation\'s id)');
  const attributes = attributesOf(row.fields.attributes, (reason) => problem('attributes', reason));
  for (const field of Object.keys(row.fields))
    if (!KNOWN.has(field))
      problem(field, 'is not a customer field (custom attributes go in attributes or attr.<name> columns)');

  if (problems.length > 0) return { problems };
  return {
    contact: {
      customerId,
      name,
      email: email || null,
      phone: phone || null,
      language: language as SurveyLanguage,
      segment,
      region,
      accountOwnerId,
      accountId,
      tier,
      timeZone,
      optedOut: optOuts.all,
      optedOutChannels: optOuts.channels,
      preferredChannel: preferredChannel ?? null,
      webhookUrl: webhookUrl || null,
      attributes,
    },
  };
}

const zones = new Map<string, boolean>();

/** IANA zone check, cached: luxon builds an Intl.DateTimeFormat per call, and imports repeat a few zones. */
function isZone(name: string): boolean {
  if (!zones.has(name)) zones.set(name, IANAZone.isValidZone(name));
  return zones.get(name) === true;
}

function optOutsOf(value: unknown, fail: (reason: string) => void): { all: boolean; channels: Channel[] } {
  const names = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(/[|;\s]+/)
      : value === undefined || value === null
        ? []
        : undefined;
  if (!names || !names.every((name) => typeof name === 'string'))
    return (fail('must be "all" or a list of email, sms, webhook'), { all: false, channels: [] });
  const cleaned = names.map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = cleaned.filter((name) => name !== 'all' && deliveryChannelOf(name) === undefined);
  if (unknown.length > 0) fail(`unknown opt-out ${unknown.join(', ')}: use all, email, sms or webhook`);
  return {
    all: cleaned.includes('all'),
    channels: [...new Set(cleaned.map(deliveryChannelOf).filter((channel) => channel !== undefined))],
  };
}

function attributesOf(value: unknown, fail: (reason: string) => void): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return (fail('must be an object of text values'), {});
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.some(([, v]) => typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean'))
    return (fail('values must be text, numbers or booleans'), {});
  const attributes = Object.fromEntries(entries.map(([k, v]) => [k, String(v)]));
  const pii = Object.entries(attributes).find(([, v]) => EMAIL.test(v) || E164.test(v.replace(/[\s().-]/g, '')));
  if (pii)
    fail(`attribute ${pii[0]} looks like an email address or phone number: contact details go in email and phone only`);
  return attributes;
}
