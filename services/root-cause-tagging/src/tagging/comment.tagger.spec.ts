import { shippedTagger } from '../evaluation/shipped-model.evaluation';

// The tagger as it ships: the lexicon and the model trained on the whole training corpus.
describe('CommentTagger', () => {
  const tagger = shippedTagger().tagger;
  const found = (text: string, score?: number) =>
    tagger.tag({ text, score }).tags.map((tag) => `${tag.tagId}:${tag.polarity}`);

  it.each([
    ['The price was not expensive at all.', 'price:positive'],
    ['Der Verkäufer war nicht freundlich.', 'staff-attitude:negative'],
    ['Het pakket kwam niet op tijd.', 'delivery:negative'],
    ['Die Lieferung kam nicht pünktlich', 'delivery:negative'],
    ['Das Produkt ist nicht schlecht', 'product-quality:positive'],
  ])('turns the polarity around under negation: %s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['De levertijd was veel te lang.', 'delivery:negative', 'levertijd was veel te lang'],
    ['Die Lieferzeit war eine Katastrophe.', 'delivery:negative', 'Lieferzeit war eine Katastrophe'],
  ])('finds the subject inside Dutch and German compounds: %s', (text, expected, span) => {
    // The compound's tag, whatever else the model reads into the rest ("Katastrophe" leans to product-quality).
    const tag = tagger.tag({ text }).tags.find((candidate) => expected.startsWith(`${candidate.tagId}:`));
    expect([`${tag?.tagId}:${tag?.polarity}`, tag?.span.text]).toEqual([expected, span]);
  });

  it('reads a typo within one edit, as the word it misspells', () => {
    expect(found('The delievry was very late.')).toEqual(['delivery:negative']);
    const confidence = (text: string) => tagger.tag({ text }).tags.find((tag) => tag.tagId === 'billing')?.confidence;
    expect(confidence('Die Rechnnung war falsch.')).toBe(confidence('Die Rechnung war falsch.'));
  });

  it('spans the cue and the opinion word that decided its polarity', () => {
    expect(tagger.tag({ text: 'Delivery was fast.' }).tags[0].span).toEqual({
      start: 0,
      end: 17,
      text: 'Delivery was fast',
    });
  });

  it('tells a positive mention from a complaint', () => {
    expect(found('Delivery was fast.')).toEqual(['delivery:positive']);
    expect(found('Fast delivery, but the price is too high.')).toEqual(
      expect.arrayContaining(['delivery:positive', 'price:negative']),
    );
  });

  it('gives spans in code points, so emoji before the cue do not shift them', () => {
    const text = '🙄🙄 The delivery was late 😡';
    const [tag] = tagger.tag({ text }).tags;
    expect(tag.span).toEqual({ start: 7, end: 24, text: 'delivery was late' });
    expect(Array.from(text).slice(tag.span.start, tag.span.end).join('')).toBe(tag.span.text);
  });

  it.each([
    'Le service client était très lent et le colis est arrivé en retard.',
    'El envío llegó tarde y el precio es muy caro.',
    'Доставка опоздала на неделю',
    'Pakken kom for sent, og kundeservicen svarede aldrig på min mail.',
    'Paketet kom för sent och kundtjänsten svarade aldrig.',
    'Paczka przyszła za późno, a obsługa klienta nigdy nie odpowiedziała.',
  ])('calls other languages "other" and guesses no tags: %s', (text) => {
    expect(tagger.tag({ text })).toMatchObject({ language: 'other', tags: [], sentiment: 0 });
  });

  it('says "other" with confidence 0 when there is nothing to tell from', () => {
    for (const text of ['', '   ', '😀😀', '42'])
      expect(tagger.tag({ text })).toEqual({ language: 'other', languageConfidence: 0, sentiment: 0, tags: [] });
  });

  it('uses the survey language only for a comment too short to tell', () => {
    expect(tagger.tag({ text: 'prijs!', languageHint: 'nl' }).language).toBe('nl');
    expect(tagger.tag({ text: 'The courier was rude and the parcel arrived late.', languageHint: 'de' }).language).toBe(
      'en',
    );
  });

  it('is deterministic', () => {
    const text = 'Die Lieferung kam zu spät und der Kundenservice war unfreundlich.';
    expect(tagger.tag({ text })).toEqual(tagger.tag({ text }));
  });
});
