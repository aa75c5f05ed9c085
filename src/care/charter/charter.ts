/**
 * The moderation charter: a versioned list of clauses, each with its detection and its action.
 * The version travels with every match so the register can say "hidden under clause X, v3"
 * even after the charter changes.
 */
import { z } from 'zod';
import { say } from '../../kernel/index.ts';
import { detectorNames, type DetectorName } from './detector-hit.ts';

export type CharterAction = 'hide' | 'flag';

export interface ClauseDetection {
  keywords?: string[] | undefined;
  /** Regexes applied to case- and accent-folded text. */
  patterns?: string[] | undefined;
  detectors?: DetectorName[] | undefined;
}

export interface Clause {
  id: string;
  title: string;
  description: string;
  detection: ClauseDetection;
  action: CharterAction;
}

export interface Charter {
  version: number;
  clauses: Clause[];
}

export const MAX_PATTERN_LENGTH = 200;
export const MAX_PATTERNS_PER_CLAUSE = 20;

// Nested quantifiers ("(a+)+", "(\w*)*") and backreferences are the classic catastrophic
// backtracking shapes; a charter is edited by shop staff, so we refuse them up front.
const nestedQuantifier = /\([^()]*[+*}][^()]*\)\s*[+*{]/;

function isSafePattern(source: string): boolean {
  if (nestedQuantifier.test(source) || /\\[1-9]|\\k</.test(source)) return false;
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

const pattern = z.string().min(1).max(MAX_PATTERN_LENGTH)
  .refine(isSafePattern, say('Expression régulière invalide ou dangereuse.', 'Invalid or unsafe regular expression.'));

export const clauseSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
  title: z.string().min(1).max(120),
  description: z.string().max(2000),
  detection: z.object({
    keywords: z.array(z.string().trim().min(1).max(100)).max(500).optional(),
    patterns: z.array(pattern).max(MAX_PATTERNS_PER_CLAUSE).optional(),
    detectors: z.array(z.enum(detectorNames)).optional(),
  }),
  action: z.enum(['hide', 'flag']),
}) satisfies z.ZodType<Clause, unknown>;

export const charterSchema = z.object({
  version: z.number().int().positive(),
  clauses: z.array(clauseSchema).max(100)
    .refine((clauses) => new Set(clauses.map((c) => c.id)).size === clauses.length, say('Chaque clause doit avoir son propre identifiant.', 'Clause ids must be unique.')),
}) satisfies z.ZodType<Charter, unknown>;

// Short on purpose: a starting point the shop extends. Words that are also ordinary French
// ("con" in "avec", "pute" in "dispute") are safe thanks to word boundaries.
const insults = [
  'connard', 'connasse', 'con', 'conne', 'salope', 'salaud', 'enculé', 'enfoiré', 'pute', 'pétasse',
  'batard', 'abruti', 'crétin', 'débile', 'ordure', 'fdp', 'ntm', 'nique ta mère', 'ta gueule',
  'fuck', 'fuck you', 'asshole', 'bitch', 'bastard', 'motherfucker', 'dickhead', 'moron',
];

/** The charter a new workspace starts with, version 1. */
export const defaultCharter: Charter = {
  version: 1,
  clauses: [
    {
      id: 'insultes',
      title: 'Insultes',
      description: 'Les insultes envers l’équipe ou les autres clients sont masquées.',
      detection: { keywords: insults },
      action: 'hide',
    },
    {
      id: 'spam-arnaques',
      title: 'Spam et liens frauduleux',
      description: 'Les liens raccourcis et les promesses de gains cachent le plus souvent une arnaque.',
      detection: {
        keywords: ['bitcoin', 'crypto', 'forex', 'gagnez de l’argent', 'argent facile', 'contactez-moi sur whatsapp'],
        detectors: ['shortened_link'],
      },
      action: 'hide',
    },
    {
      id: 'liens',
      title: 'Liens externes',
      description: 'Un lien vers un autre site est vérifié par l’équipe avant de rester visible.',
      detection: { detectors: ['link'] },
      action: 'flag',
    },
    {
      id: 'donnees-personnelles',
      title: 'Données personnelles',
      description: 'Un numéro de téléphone, un e-mail, un IBAN ou un numéro de carte publié en public est masqué pour protéger son auteur.',
      detection: { detectors: ['phone', 'email', 'iban', 'card_number'] },
      action: 'hide',
    },
    {
      id: 'concurrence',
      title: 'Publicité pour un concurrent',
      description: 'Les noms de concurrents à surveiller : liste à compléter par la boutique.',
      detection: { keywords: [] },
      action: 'flag',
    },
  ],
};
