import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One weight per vocabulary feature, 0 where the stored pairs (`c.value->'weights'`) have none. */
const DENSE = `
  SELECT jsonb_agg(coalesce(pair.weight, '0'::jsonb) ORDER BY feature)
  FROM generate_series(0, jsonb_array_length(v.weights->'vocabulary') - 1) AS feature
  LEFT JOIN (SELECT (p->>0)::int AS at, p->1 AS weight FROM jsonb_array_elements(c.value->'weights') AS p) AS pair
    ON pair.at = feature`;

/** [index, weight] pairs of the weights (`c.value->'weights'`, one per feature) that are not 0. */
const PAIRS = `
  SELECT jsonb_agg(jsonb_build_array(w.feature - 1, w.weight) ORDER BY w.feature)
  FROM jsonb_array_elements(c.value->'weights') WITH ORDINALITY AS w(weight, feature)
  WHERE w.weight::numeric <> 0`;

/**
 * Stored models keep one weight per vocabulary feature and tag instead of [index, weight] pairs of the
 * weights that are not 0: nearly all are, so the pairs took twice the bytes and, loaded, a small array
 * per weight (about 40 MB of heap at start-up for a 49,000-feature model). docs/adr/0061.
 */
export class DenseModelWeights1765730000100 implements MigrationInterface {
  name = 'DenseModelWeights1765730000100';

  up(runner: QueryRunner): Promise<void> {
    return rewriteWeights(runner, DENSE);
  }

  down(runner: QueryRunner): Promise<void> {
    return rewriteWeights(runner, PAIRS);
  }
}

/** Replaces each stored classifier's `weights` with `weightsOf` (SQL over the classifier `c` of the model `v`). */
async function rewriteWeights(runner: QueryRunner, weightsOf: string): Promise<void> {
  await runner.query(`
    UPDATE ${qualifiedTable(runner, 'model_versions')} AS v SET weights = jsonb_build_object(
      'vocabulary', v.weights->'vocabulary',
      'classifiers', coalesce((
        SELECT jsonb_agg(jsonb_build_object(
          'tagId', c.value->'tagId', 'bias', c.value->'bias', 'weights', coalesce((${weightsOf}), '[]'::jsonb)
        ) ORDER BY c.ordinality)
        FROM jsonb_array_elements(v.weights->'classifiers') WITH ORDINALITY AS c(value, ordinality)), '[]'::jsonb))`);
}
