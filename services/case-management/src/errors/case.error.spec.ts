import { CaseError } from './case.error';
import { CaseErrorCode } from './case-error.code';

describe('CaseError', () => {
  it('answers an id in the path that names nothing with 404 and no fields', () => {
    const error = new CaseError(CaseErrorCode.MEMBER_NOT_FOUND, 'no member anna');
    expect({ status: error.status, fields: error.fields }).toEqual({ status: 404, fields: [] });
  });

  it('answers an id in the body that names nothing with 400 naming the field', () => {
    const error = new CaseError(CaseErrorCode.MEMBER_NOT_FOUND, 'ownerId: no member anna', { field: 'ownerId' });
    expect({ status: error.status, fields: error.fields }).toEqual({
      status: 400,
      fields: [{ field: 'ownerId', reason: 'no member anna' }],
    });
  });

  it('keeps the status of a code that is not a missing id when a field is named', () => {
    const error = new CaseError(CaseErrorCode.FORBIDDEN, 'only an admin sets it', { field: 'webhookUrl' });
    expect(error.status).toBe(403);
  });
});
