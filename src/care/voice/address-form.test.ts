import { describe, expect, it } from 'vitest';
import { findAddressMarkers } from './address-form.ts';

const forms = (text: string) => findAddressMarkers(text).map((m) => `${m.form}:${m.word}`);

describe('findAddressMarkers', () => {
  it.each([
    ['Tu as bien reçu ton colis ?', ['tu:Tu', 'tu:ton']],
    ['Je te renvoie ta facture et tes codes', ['tu:te', 'tu:ta', 'tu:tes']],
    ['Je t’envoie le lien, c’est pour toi', ['tu:t’', 'tu:toi']],
    ['Dis-moi si ça va, envoie-nous une photo', ['tu:Dis-moi', 'tu:envoie-nous']],
    ['Peux-tu vérifier ?', ['tu:tu']],
  ])('finds tutoiement in %j', (text, expected) => {
    expect(forms(text)).toEqual(expected);
  });

  it.each([
    ['Vous avez reçu votre colis et vos codes ?', ['vous:Vous', 'vous:votre', 'vous:vos']],
    ['Dites-moi, envoyez-nous une photo', ['vous:Dites-moi', 'vous:envoyez-nous']],
    ['Faites-le vous-même', ['vous:vous']],
  ])('finds vouvoiement in %j', (text, expected) => {
    expect(forms(text)).toEqual(expected);
  });

  it.each([
    'Un joli tutu rose, livré sous un toit',
    'Le ton de ce message, un ton poli',
    'Y a-t-il un souci ? Va-t’on recevoir ? On teste, tester',
    'Voust, tutoiement, votable, tonne, tasse, tesla',
    'Allons-y, prenons rendez-vous, celle-là, chez-nous',
    'Don’t worry, it’s fine',
  ])('finds nothing in %j', (text) => {
    expect(forms(text)).toEqual([]);
  });

  it('reports spans on the original text, accents included', () => {
    const text = 'Désolé, tu as raison';
    const [marker] = findAddressMarkers(text);
    expect(marker?.span).toEqual([8, 10]);
    expect(text.slice(...marker!.span)).toBe('tu');
  });
});
