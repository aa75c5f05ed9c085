/**
 * One pass over a social message: words (accent-folded, lower-cased, elongations squeezed),
 * emojis, emoticons, punctuation that carries tone, and the URLs, @mentions and hashtags
 * that language detection must ignore. Folding accents once here lets every word list match
 * "déçu", "decu" and "DÉÇU" alike, since customers often type without accents.
 */

export type TokenKind = 'word' | 'hashtag' | 'emoji' | 'emoticon' | 'url' | 'mention' | 'number' | 'bang' | 'question' | 'stop' | 'comma' | 'ellipsis';

export interface Token {
  kind: TokenKind;
  /** Lower-cased, accent-folded; letters repeated 3+ times squeezed to 2 ("trooop" → "troop"). */
  text: string;
  /** Written in capitals (two letters or more), e.g. "NUL". */
  caps: boolean;
  /** Capitalized like a name ("Super" in "Super Eagles"). */
  title?: boolean;
  /** Had a letter repeated 3+ times ("sooo", "nuuul"): the writer stresses it. */
  elongated: boolean;
  /** For an elongated word, the spelling with those letters made single ("trooop" → "trop"). */
  alt?: string;
}

export interface TokenizedText {
  tokens: Token[];
  /** The whole text lower-cased and accent-folded, for phrase patterns. */
  folded: string;
  /** Characters only French uses (é, è, ç, à, ê, œ…), counted before folding. */
  frenchMarks: number;
  /** Word tokens with at least two letters, and how many of them were in capitals. */
  words: number;
  capsWords: number;
}

// French elisions split off ("c'est" → "c'", "est"; "n'est" → "n'" …); English
// contractions such as "don't" stay whole because the word list knows them whole.
const ELISIONS = new Set(['c', 'd', 'j', 'l', 'm', 'n', 's', 't', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);

const TOKEN = new RegExp([
  String.raw`(https?:\/\/\S+|www\.\S+)`,
  String.raw`(@[\p{L}\p{N}_.]+)`,
  String.raw`#([\p{L}\p{N}_]+)`,
  String.raw`(\p{N}+(?:[.,h:]\p{N}+)*)`,
  String.raw`(<3+|[:;=]['\-^o]?[)(\]\[dDpP/\\|*3]+|\^\^|\^_\^|\bD:|>:\()`,
  String.raw`(\p{L}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)*)`,
  String.raw`([!¡]+)`,
  String.raw`([?¿]+)`,
  String.raw`(\.\.\.+|…)`,
  String.raw`([.;:()\[\]])`,
  String.raw`(,)`,
  String.raw`(\p{Extended_Pictographic})`,
].join('|'), 'gu');

const KIND_BY_GROUP: TokenKind[] = ['url', 'mention', 'hashtag', 'number', 'emoticon', 'word', 'bang', 'question', 'ellipsis', 'stop', 'comma', 'emoji'];

const FRENCH_MARKS = /[éèêëàâçùûüîïôœ]/g;
const ELONGATION = /(\p{L})\1{2,}/gu;

/** Removes accents; pure-ASCII text skips the Unicode normalization, the common case in English. */
export function foldAccents(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u007f]/.test(text)) return text;
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae');
}

/**
 * Splits a message into tokens.
 *
 * @example tokenize("Toujours pas reçu 😡").tokens.map((t) => t.text) // ['toujours', 'pas', 'recu', '😡']
 */
export function tokenize(text: string): TokenizedText {
  const frenchMarks = text.toLowerCase().match(FRENCH_MARKS)?.length ?? 0;
  const foldedCase = foldAccents(text);
  const tokens: Token[] = [];
  let words = 0;
  let capsWords = 0;
  for (const match of foldedCase.matchAll(TOKEN)) {
    const group = match.findIndex((value, i) => i > 0 && value !== undefined);
    const kind = KIND_BY_GROUP[group - 1];
    const raw = match[group];
    if (kind === undefined || raw === undefined) continue;
    if (kind === 'word') {
      for (const part of splitElision(raw)) {
        const token = wordToken(part);
        if (part.length >= 2) {
          words++;
          if (token.caps) capsWords++;
        }
        tokens.push(token);
      }
      continue;
    }
    if (kind === 'hashtag') {
      tokens.push({ ...wordToken(raw), kind });
      continue;
    }
    tokens.push({ kind, text: kind === 'emoticon' ? raw : raw.toLowerCase(), caps: false, elongated: false });
  }
  return { tokens, folded: foldedCase.toLowerCase(), frenchMarks, words, capsWords };
}

function splitElision(word: string): string[] {
  const apostrophe = word.search(/['’]/);
  if (apostrophe < 0) return [word];
  const head = word.slice(0, apostrophe);
  if (!ELISIONS.has(head.toLowerCase())) return [word.replace(/’/g, "'")];
  return [`${head}'`, ...splitElision(word.slice(apostrophe + 1))];
}

function wordToken(raw: string): Token {
  const lower = raw.toLowerCase();
  const squeezed = lower.replace(ELONGATION, '$1$1');
  const token: Token = {
    kind: 'word',
    text: squeezed,
    caps: raw.length >= 2 && raw !== lower && raw === raw.toUpperCase(),
    elongated: squeezed !== lower,
  };
  if (token.elongated) token.alt = lower.replace(ELONGATION, '$1');
  if (raw.length >= 2 && raw[0] !== lower[0] && raw.slice(1) === lower.slice(1)) token.title = true;
  return token;
}

/**
 * The spellings to look a word up under: as written (squeezed to two letters), then with
 * doubled letters made single, since "sooo" means "so" and "trooop" means "trop".
 */
export function spellings(token: Token): string[] {
  return token.alt === undefined ? [token.text] : [token.text, token.alt];
}
