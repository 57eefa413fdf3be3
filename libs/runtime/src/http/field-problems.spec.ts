import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsEmail, IsInt, Max, ValidateNested, validateSync } from 'class-validator';
import { fieldProblemsOf } from './field-problems';

class Contact {
  @IsEmail()
  email!: string;
}

class Answer {
  @IsInt()
  @Max(10)
  score!: number;

  @ValidateNested()
  @Type(() => Contact)
  contact!: Contact;
}

describe('fieldProblemsOf', () => {
  it('names every broken field, nested ones by their path, with the reason alone', () => {
    const errors = validateSync(plainToInstance(Answer, { score: 11, contact: { email: 'nope' } }));
    expect(fieldProblemsOf(errors)).toEqual([
      { field: 'score', reason: 'must not be greater than 10' },
      { field: 'contact.email', reason: 'must be an email' },
    ]);
  });

  it('names an unknown property without repeating it in the reason', () => {
    const contact = plainToInstance(Contact, { email: 'a@example.com', phone: '1' });
    const errors = validateSync(contact, { whitelist: true, forbidNonWhitelisted: true });
    expect(fieldProblemsOf(errors)).toEqual([{ field: 'phone', reason: 'should not exist' }]);
  });

  it('names an unknown property whose name looks like a regular expression (a fuzzed form body) without failing', () => {
    const property = '{"token":"(Nj","text":"g BZ"}';
    const errors = validateSync(
      plainToInstance(Answer, { score: 1, contact: { email: 'a@b.example' }, [property]: 1 }),
      {
        whitelist: true,
        forbidNonWhitelisted: true,
      },
    );
    expect(fieldProblemsOf(errors)).toEqual([{ field: property, reason: 'should not exist' }]);
  });
});
