import { parseSmsReply } from './sms-reply.parser';

describe('parseSmsReply', () => {
  it.each([
    ['9', 9, ''],
    ['  10 ', 10, ''],
    ['0', 0, ''],
    ['9 great service', 9, 'great service'],
    ['9/10, fast delivery', 9, 'fast delivery'],
    ['7 van 10 - bezorging was laat', 7, 'bezorging was laat'],
    ['3. Paket kam zu spät', 3, 'Paket kam zu spät'],
    ['nine', 9, ''],
    ['Nine - very friendly staff', 9, 'very friendly staff'],
    ['negen', 9, ''],
    ['Tien! Top', 10, 'Top'],
    ['neun', 9, ''],
    ['Fünf, es geht so', 5, 'es geht so'],
    ['zero', 0, ''],
  ])('reads %p as score %p with comment %p', (text, score, comment) => {
    expect(parseSmsReply(text)).toEqual({ score, comment });
  });

  it.each(['', 'great service', '11', '100', '9.5', '-1', 'ninety', 'STOP', '5,5 ok'])(
    'finds no score in %p',
    (text) => {
      expect(parseSmsReply(text)).toBeUndefined();
    },
  );
});
