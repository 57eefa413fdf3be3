import { randomUUID } from 'node:crypto';
import { create, equals } from '@bufbuild/protobuf';
import { decodeEvent, encodeEvent, TagPolarity, Topics } from '@nps/contracts';
import fc from 'fast-check';
import { loadLabelled } from '../evaluation/labelled.dataset';
import { trainModel } from '../model/model.trainer';
import { initialTaxonomyTags } from '../taxonomy/initial-taxonomy';
import { CommentTagger } from './comment.tagger';
import { responseTaggedEvent } from './response-tagged.mapper';

const HOSTILE = [
  '',
  ' ',
  '\n\t  \r\n',
  '😀😡👍🏽🇳🇱',
  '💩'.repeat(5000),
  '<script>alert("delivery was late")</script>',
  '<img src=x onerror=alert(1)> niet op tijd',
  "'; DROP TABLE tagged_comments; --",
  '\u202Eدير بالك التوصيل متأخر\u202C',
  'zero\u200Bwidth\u200Bdelivery\u200Blate',
  'a'.repeat(10000),
  'late '.repeat(2000),
  'The delivery was late, de bezorger was onbeleefd und der Preis ist zu teuer.',
  'Le service client était très lent et le colis est arrivé en retard.',
  'El envío llegó tarde y el precio es muy caro.',
  '配送が遅れました。価格も高いです。',
  'Доставка опоздала на неделю',
  '\uD800 lone surrogate \uDFFF',
  'n\u0303o\u0301 combining marks',
  "wasn't isn't don't can't won't n't '' ''' ’’",
  '0 1 2 3 4 5 6 7 8 9 10 100% €€€ $$$',
];

describe('the tagger on any input', () => {
  const shipped = loadLabelled();
  const tags = initialTaxonomyTags();
  const tagIds = new Set(tags.map((tag) => tag.id));
  const tagger = new CommentTagger(
    tags,
    trainModel(
      shipped.filter((comment) => comment.split === 'train'),
      [],
      tags,
    ),
  );
  const realistic = shipped.map((comment) => comment.text);

  const text = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...realistic),
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          fc.constantFrom(...realistic),
        )
        .map(([a, noise, b]) => `${a}${noise}${b}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.constantFrom(...realistic, ...HOSTILE.slice(0, 10)), { maxLength: 30 })
        .map((parts) => parts.join(' ').slice(0, 10000)),
    },
    // Long comments: random text repeated up to 10,000 characters (generating that much at random is slow).
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 60 }),
          fc.integer({ min: 50, max: 2000 }),
        )
        .map(([part, times]) => part.repeat(times).slice(0, 10000)),
    },
  );

  it('never throws, and every result is a valid `response tagged` that survives encoding and decoding (10,000 inputs)', () => {
    fc.assert(
      fc.property(
        text,
        fc.option(fc.integer({ min: 0, max: 10 })),
        fc.constantFrom('', 'en', 'nl', 'de', 'fr', 'xx-YY'),
        (comment, score, hint) => {
          const result = tagger.tag({ text: comment, score: score ?? undefined, languageHint: hint });

          expect(['en', 'nl', 'de', 'other']).toContain(result.language);
          expect(result.languageConfidence).toBeGreaterThanOrEqual(0);
          expect(result.languageConfidence).toBeLessThanOrEqual(1);
          expect(result.sentiment).toBeGreaterThanOrEqual(-1);
          expect(result.sentiment).toBeLessThanOrEqual(1);
          if (result.language === 'other') expect(result.tags).toEqual([]);
          const codePoints = Array.from(comment);
          for (const tag of result.tags) {
            expect(tagIds.has(tag.tagId)).toBe(true);
            expect(tag.confidence).toBeGreaterThanOrEqual(0);
            expect(tag.confidence).toBeLessThanOrEqual(1);
            expect(tag.span.start).toBeGreaterThanOrEqual(0);
            expect(tag.span.end).toBeGreaterThan(tag.span.start);
            expect(tag.span.end).toBeLessThanOrEqual(codePoints.length);
            expect(codePoints.slice(tag.span.start, tag.span.end).join('')).toBe(tag.span.text);
          }
          expect(new Set(result.tags.map((tag) => tag.tagId)).size).toBe(result.tags.length);

          const init = {
            ...responseTaggedEvent({ customerId: 'customer-1', responseId: 'response-1', revision: 0 }, result, {
              taxonomy: 1,
              model: 1,
            }),
            eventId: randomUUID(),
          };
          const encoded = encodeEvent(Topics.ResponseTagged, init, { source: 'urn:nps:service:root-cause-tagging' });
          const decoded = decodeEvent(Topics.ResponseTagged, {
            key: encoded.key,
            value: Buffer.from(encoded.value),
            headers: encoded.headers,
          }).message;
          expect(equals(Topics.ResponseTagged.schema, decoded, create(Topics.ResponseTagged.schema, init))).toBe(true);
          for (const tag of decoded.tags) expect([TagPolarity.NEGATIVE, TagPolarity.POSITIVE]).toContain(tag.polarity);
        },
      ),
      { numRuns: 10000, seed: 7 },
    );
  });
});
