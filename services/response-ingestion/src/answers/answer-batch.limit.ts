/** Most answers in one `POST /responses/batch` (ADR 0068); the body must also fit HTTP_BODY_LIMIT_BYTES. */
export const MAX_BATCH_ANSWERS = 100;
