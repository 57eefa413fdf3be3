import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { ImprovementActionEvents } from './improvement-action.events';
import type { ImprovementActionRecord } from './improvement-action.record';

const action: ImprovementActionRecord = {
  id: '6f1c0d3e-3c1a-4a8e-9d55-2d1f3f3b9a10',
  title: 'Second delivery slot',
  rootCauseTagId: 'delivery',
  touchpointType: null,
  segment: 'consumer',
  ownerId: 'lena',
  status: 'open',
  releasedAt: null,
  closedAt: null,
  closeNote: null,
  openedBy: 'adam',
  createdAt: new Date('2026-03-01T09:00:00Z'),
  updatedAt: new Date('2026-03-01T09:00:00Z'),
};

describe('improvement action events', () => {
  it('says "all" as the contract does: an empty touchpoint type or segment', () => {
    expect(ImprovementActionEvents.opened(action)).toMatchObject({
      improvementActionId: action.id,
      touchpointType: '',
      segment: 'consumer',
      ownerId: 'lena',
      actorId: 'adam',
    });
  });

  it('carries when the fix went live, and refuses to publish a release without it', () => {
    const releasedAt = new Date('2026-03-05T07:30:00Z');
    const released = ImprovementActionEvents.released({ ...action, status: 'released', releasedAt }, 'lena');
    expect(released.releasedAt).toEqual(timestampFromDate(releasedAt));
    expect(() => ImprovementActionEvents.released(action, 'lena')).toThrow('no release time');
  });

  it('closes with the note', () => {
    const closedAt = new Date('2026-04-01T10:00:00Z');
    const closed = ImprovementActionEvents.closed({ ...action, status: 'closed', closedAt, closeNote: 'done' }, 'lena');
    expect(closed).toMatchObject({ note: 'done', actorId: 'lena' });
    expect(closed.occurredAt).toEqual(timestampFromDate(closedAt));
  });
});
