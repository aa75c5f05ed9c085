/**
 * Evidence shown in the console and kept in the moderation register. Personal data is masked
 * so the register never becomes a second copy of what we hid to protect the customer.
 */
import type { DetectorName } from './detector-hit.ts';

const MAX_EVIDENCE = 80;
const dot = '•';

/** Masks every digit except the first `keepStart` and last `keepEnd`, keeping separators. */
function maskDigits(value: string, keepStart: number, keepEnd: number): string {
  const total = value.replace(/\D/g, '').length;
  let seen = 0;
  return value.replace(/\d/g, (d) => {
    seen += 1;
    return seen <= keepStart || seen > total - keepEnd ? d : dot;
  });
}

function maskEmail(value: string): string {
  const [local = '', domain = ''] = value.split('@');
  const dotAt = domain.lastIndexOf('.');
  const host = domain.slice(0, dotAt);
  return `${local.slice(0, 1)}${dot.repeat(3)}@${host.slice(0, 1)}${dot.repeat(3)}${domain.slice(dotAt)}`;
}

/** Keeps the country code and the last three characters: enough to recognise, not to pay. */
function maskIban(value: string): string {
  const alnum = value.replace(/\s/g, '').length;
  let seen = 0;
  return value.replace(/[a-z0-9]/gi, (c) => {
    seen += 1;
    return seen <= 2 || seen > alnum - 3 ? c : dot;
  });
}

function truncate(value: string): string {
  return value.length > MAX_EVIDENCE ? `${value.slice(0, MAX_EVIDENCE - 1)}…` : value;
}

/**
 * @example maskEvidence('06 12 34 56 78', 'phone') // '06 •• •• •• 78'
 */
export function maskEvidence(value: string, detector?: DetectorName): string {
  switch (detector) {
    case 'phone': return maskDigits(value, value.trim().startsWith('+') || value.startsWith('00') ? 3 : 2, 2);
    case 'card_number': return maskDigits(value, 0, 4);
    case 'iban': return maskIban(value);
    case 'email': return maskEmail(value);
    default: return truncate(value);
  }
}
