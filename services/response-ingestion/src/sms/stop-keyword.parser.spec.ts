import { isStopKeyword } from './stop-keyword.parser';
import { parseSmsReply } from './sms-reply.parser';

describe('isStopKeyword', () => {
  it.each([
    'STOP',
    'stop',
    'Stop',
    'STOPP',
    'stopp',
    ' STOP ',
    'STOP.',
    'stop!',
    '"Stop"',
    '\tSTOPP\n',
    'UNSUBSCRIBE',
    '*stop*',
  ])('reads %p as a stop keyword', (text) => {
    expect(isStopKeyword(text)).toBe(true);
  });

  it.each(['', '9', '9 stop', 'stop 9', 'STOP ALL', 'stopped', 'non-stop', 'stop sending these', 'S T O P', 'STOPPP'])(
    'does not read %p as a stop keyword',
    (text) => {
      expect(isStopKeyword(text)).toBe(false);
    },
  );

  it('takes nothing that is a score reply', () => {
    for (const text of ['0', '10', 'nine', 'negen', 'neun', '9 great service']) {
      expect(parseSmsReply(text)).toBeDefined();
      expect(isStopKeyword(text)).toBe(false);
    }
  });
});
