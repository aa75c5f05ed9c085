/** One occurrence found by a built-in detector, as offsets into the original text. */
export interface DetectorHit {
  start: number;
  end: number;
  value: string;
}

export type DetectorName = 'phone' | 'email' | 'iban' | 'card_number' | 'link' | 'shortened_link';

export const detectorNames = ['phone', 'email', 'iban', 'card_number', 'link', 'shortened_link'] as const satisfies readonly DetectorName[];
