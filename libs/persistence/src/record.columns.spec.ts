import { RecordColumns } from './record.columns';

interface Pet {
  petId: string;
  name: string;
  bornAt: Date | null;
}

const columns = new RecordColumns<Pet>({ petId: 'pet_id', name: 'name', bornAt: 'born_at' });

describe('RecordColumns', () => {
  it('lists columns in field order, or those of the fields asked for', () => {
    expect(columns.names()).toBe('pet_id, name, born_at');
    expect(columns.names(['bornAt', 'petId'])).toBe('born_at, pet_id');
    expect(columns.of('bornAt')).toBe('born_at');
  });

  it('numbers the placeholders of several records in one statement', () => {
    const born = new Date('2026-01-01T00:00:00Z');
    const { sql, params } = columns.values([
      { petId: 'p1', name: 'Rex', bornAt: born },
      { petId: 'p2', name: 'Tom', bornAt: null },
    ]);
    expect(sql).toBe('($1, $2, $3), ($4, $5, $6)');
    expect(params).toEqual(['p1', 'Rex', born, 'p2', 'Tom', null]);
  });

  it('reads a record from a row and ignores other columns', () => {
    const row = { pet_id: 'p1', name: 'Rex', born_at: null, owner: 'x' };
    expect(columns.toRecord(row)).toEqual({ petId: 'p1', name: 'Rex', bornAt: null });
  });

  it('leaves out the fields whose column was not selected', () => {
    expect(Object.keys(columns.toRecord({ pet_id: 'p1', name: 'Rex' }))).toEqual(['petId', 'name']);
  });
});
