import { ibanChecksumValid } from './iban.checksum';

describe('ibanChecksumValid', () => {
  it.each([
    'NL91ABNA0417164300',
    'DE89370400440532013000',
    'GB82WEST12345698765432',
    'BE68539007547034',
    'FR1420041010050500013M02606',
  ])('accepts %s', (iban) => expect(ibanChecksumValid(iban)).toBe(true));

  it.each([
    'NL92ABNA0417164300',
    'NL91ABNA0417164301',
    'DE8937040044053201300',
    'NL91ABNA04171643OO',
    '1234567890123456',
  ])('refuses %s', (text) => expect(ibanChecksumValid(text)).toBe(false));
});
