import { TagClassifier } from './tag.classifier';

describe('TagClassifier weights as stored', () => {
  const model = TagClassifier.train(
    [
      { features: ['price', 'expensive'], tags: new Set(['price']) },
      { features: ['price', 'fair'], tags: new Set<string>() },
      { features: ['expensive', 'courier'], tags: new Set(['price', 'delivery']) },
      { features: ['courier', 'late'], tags: new Set(['delivery']) },
      { features: ['late', 'parcel'], tags: new Set(['delivery']) },
    ],
    ['price', 'delivery', 'billing'],
  );

  it('keeps one weight per vocabulary feature for each tag it could learn', () => {
    const { vocabulary, classifiers } = model.weights;
    expect(vocabulary).toEqual(['courier', 'expensive', 'fair', 'late', 'parcel', 'price']);
    expect(classifiers.map((classifier) => classifier.tagId)).toEqual(['price', 'delivery']);
    for (const classifier of classifiers) expect(classifier.weights).toHaveLength(vocabulary.length);
    const price = classifiers[0].weights;
    expect(price[vocabulary.indexOf('expensive')]).toBeGreaterThan(0);
    expect(price[vocabulary.indexOf('fair')]).toBeLessThan(0);
  });

  it('loads back into the same model', () => {
    const stored = JSON.parse(JSON.stringify(model.weights));
    const loaded = TagClassifier.fromWeights(stored);
    expect(loaded.equals(model)).toBe(true);
    expect(loaded.weights).toEqual(model.weights);
  });

  it('keeps its polarity model with it, and tells a model with one from the same without', () => {
    const polarity = TagClassifier.train(
      [
        { features: ['^band:passive', 'late'], tags: new Set<string>() },
        { features: ['^band:passive', 'fast'], tags: new Set(['positive']) },
        { features: ['^band:promoter', 'late'], tags: new Set<string>() },
        { features: ['^band:promoter', 'fast'], tags: new Set(['positive']) },
      ],
      ['positive'],
      1,
    );
    const withPolarity = model.withPolarity(polarity);
    const loaded = TagClassifier.fromWeights(JSON.parse(JSON.stringify(withPolarity.weights)));
    expect(loaded.polarity?.equals(polarity)).toBe(true);
    expect(loaded.equals(withPolarity)).toBe(true);
    expect(loaded.equals(model)).toBe(false);
    expect(loaded.withThresholds(new Map([['price', 0.4]])).polarity).toBe(loaded.polarity);
    const read = (feature: string) =>
      loaded.polarity?.probabilityOf('positive', [loaded.polarity.idOf(feature) ?? -1]) ?? Number.NaN;
    expect(read('fast')).toBeGreaterThan(0.5);
    expect(read('late')).toBeLessThan(0.5);
  });
});
