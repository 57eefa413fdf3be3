/** The `taxonomy_id` (and Kafka key) of the root-cause taxonomy on nps.taxonomy.published.v1. */
export const ROOT_CAUSE_TAXONOMY_ID = 'root-causes';
