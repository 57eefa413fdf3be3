// Decides whether a short run of digits and separators (at most ~8 groups of 20 characters, found by
// pii.masker.ts) is a phone number: international (+31…, 0049…), local with a trunk 0 (NL, DE, UK),
// or a North American 3-3-4. Runs that read as dates, amounts, scores or years are not.

const DATE = /^\(?\d{1,2}([./-])\d{1,2}\1\d{2,4}(?!\d)|^\d{4}([./-])\d{1,2}\2\d{1,2}(?!\d)/;
const LOCAL_FIRST_GROUP = /^(\(0\d{1,4}\)|0\d{1,4}|0\d{5,11})$/;
const NORTH_AMERICAN = /^(1[ .-])?(\([2-9]\d{2}\) ?|[2-9]\d{2}[ .-])\d{3}[ .-]\d{4}$/;

/** Whether `candidate` (no surrounding text) is a phone number. */
export function isPhoneNumber(candidate: string): boolean {
  if (DATE.test(candidate)) return false;
  if (/^(\+|\(\+|00[1-9])/.test(candidate)) return isInternational(candidate);
  if (candidate.startsWith('0') || candidate.startsWith('(0')) return isLocal(candidate);
  return NORTH_AMERICAN.test(candidate);
}

function isInternational(candidate: string): boolean {
  if (!parenthesesBalanced(candidate)) return false;
  const digits = candidate.replace('(0)', '').replace(/\D/g, '');
  const national = candidate.startsWith('00') ? digits.slice(2) : digits;
  return national.length >= 8 && national.length <= 15 && !national.startsWith('0');
}

function isLocal(candidate: string): boolean {
  if (!parenthesesBalanced(candidate)) return false;
  const [first, ...rest] = candidate.split(/[ \u00a0\-./]|(?<=\))/).filter((group) => group !== '');
  if (!LOCAL_FIRST_GROUP.test(first)) return false;
  if (rest.some((group) => !/^\d{2,}$/.test(group))) return false;
  const digits = candidate.replace(/\D/g, '').length;
  return digits >= 9 && digits <= 12;
}

function parenthesesBalanced(candidate: string): boolean {
  const open = candidate.split('(').length - 1;
  const close = candidate.split(')').length - 1;
  return open === close && open <= 1 && (open === 0 || candidate.indexOf('(') < candidate.indexOf(')'));
}
