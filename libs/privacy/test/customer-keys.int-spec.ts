import { randomBytes, randomUUID } from 'node:crypto';
import { freshSchema, migratedDataSource } from '@nps/testing';
import type { DataSource } from 'typeorm';
import {
  CustomerKeys,
  type CustomerKeysOptions,
  EnvMasterKeyProvider,
  type MasterKeyProvider,
  parseMasterKeys,
  PersonalFields,
  PrivacyDataKeys1765640000000,
  PrivacyErrorCode,
} from '../src';

const OLD = `mk-1:${randomBytes(32).toString('base64')}`;
const NEW = `mk-2:${randomBytes(32).toString('base64')}`;
const provider = (keys: string, current: string) => new EnvMasterKeyProvider(parseMasterKeys(keys), current);

// The key store against a real Postgres: one key per customer under concurrency, erasure, rotation, AAD binding.
describe('CustomerKeys and PersonalFields against a real database', () => {
  let dataSource: DataSource;
  let schema: string;
  const masterKeys = provider(OLD, 'mk-1');
  const keysOf = (options: Partial<CustomerKeysOptions> = {}, master: MasterKeyProvider = masterKeys) =>
    new CustomerKeys(dataSource, master, { schema, ...options });
  const fieldsOf = (keys: CustomerKeys) => new PersonalFields(keys);
  const rows = (customerId: string) =>
    dataSource.query(`SELECT * FROM "${schema}".privacy_data_keys WHERE customer_id = $1`, [customerId]);

  beforeAll(async () => {
    schema = await freshSchema('privacy');
    dataSource = await migratedDataSource(schema, [PrivacyDataKeys1765640000000], 20);
  });

  afterAll(() => dataSource?.destroy());

  it('creates one key for a customer when many instances ask at once, and every instance reads the others', async () => {
    const customerId = randomUUID();
    const instances = Array.from({ length: 12 }, () => keysOf());
    const keys = await Promise.all(
      instances.flatMap((keys) => [keys.getOrCreate(customerId), keys.getOrCreate(customerId)]),
    );
    expect(new Set(keys.map((key) => key.id)).size).toBe(1);
    expect(new Set(keys.map((key) => key.key.toString('hex'))).size).toBe(1);
    expect(await rows(customerId)).toHaveLength(1);

    const written = await Promise.all(instances.map((keys, i) => fieldsOf(keys).encrypt(customerId, `comment ${i}`)));
    const reader = fieldsOf(keysOf());
    for (const [i, value] of written.entries()) {
      expect(await reader.decrypt(customerId, value)).toEqual({ erased: false, text: `comment ${i}` });
    }
  });

  it('wraps one key when one instance is asked twice at once for a new customer (a comment and its masked copy)', async () => {
    let wraps = 0;
    const counting: MasterKeyProvider = {
      currentKeyId: masterKeys.currentKeyId,
      wrap: (key, context) => {
        wraps++;
        return masterKeys.wrap(key, context);
      },
      unwrap: (wrapped, context) => masterKeys.unwrap(wrapped, context),
    };
    const customerId = randomUUID();
    const fields = fieldsOf(keysOf({}, counting));
    const [comment, masked] = await Promise.all([
      fields.encrypt(customerId, 'call me on 0612345678'),
      fields.encrypt(customerId, 'call me on [phone]'),
    ]);
    expect(wraps).toBe(1);
    const reader = fieldsOf(keysOf());
    expect(await reader.decrypt(customerId, comment)).toEqual({ erased: false, text: 'call me on 0612345678' });
    expect(await reader.decrypt(customerId, masked)).toEqual({ erased: false, text: 'call me on [phone]' });
  });

  it('looks up the keys of customers asked for in one turn together: one read and one insert for all', async () => {
    const known = randomUUID();
    const before = await keysOf().getOrCreate(known);
    const fresh = Array.from({ length: 20 }, () => randomUUID());
    const keys = keysOf();
    const statements = jest.spyOn(dataSource.manager, 'query');
    const found = await Promise.all([known, ...fresh, fresh[0]].map((customerId) => keys.getOrCreate(customerId)));
    const keyStatements = statements.mock.calls
      .map(([sql]) => String(sql))
      .filter((sql) => sql.includes('privacy_data_keys'));
    statements.mockRestore();

    expect(keyStatements).toEqual([expect.stringMatching(/^SELECT/), expect.stringMatching(/^INSERT/)]);
    expect(found.map((key) => key.customerId)).toEqual([known, ...fresh, fresh[0]]);
    expect(found[0].id).toBe(before.id);
    expect(found.at(-1)).toBe(found[1]);
    const reader = keysOf();
    for (const [i, customerId] of fresh.entries()) expect((await reader.find(customerId))?.id).toBe(found[i + 1].id);
  });

  it('keeps each unwrapped key in memory of its own, not in a slice of a shared allocation that it would pin', async () => {
    const [one, two] = [randomUUID(), randomUUID()];
    const created = await keysOf().getOrCreateMany([one, two]);
    const reader = keysOf();
    const keys = [await reader.find(one), ...(await reader.getOrCreateMany([two])).values()];
    expect(keys.map((key) => key?.key.equals(created.get(key.customerId)?.key as Buffer))).toEqual([true, true]);
    expect(keys.map((key) => key?.key.buffer.byteLength)).toEqual([32, 32]);
  });

  it('stores the key wrapped, never in the clear', async () => {
    const customerId = randomUUID();
    const key = await keysOf().getOrCreate(customerId);
    const [row] = await rows(customerId);
    expect(row).toMatchObject({ key_id: key.id, master_key_id: 'mk-1' });
    expect(Buffer.from(row.wrapped_key).includes(key.key)).toBe(false);
  });

  it('erases: earlier ciphertexts read as erased (not an error), a later key does not revive them', async () => {
    const customerId = randomUUID();
    const eraser = keysOf();
    const fields = fieldsOf(eraser);
    const before = await fields.encrypt(customerId, 'Bel me op 06-12345678');
    expect(await fields.decrypt(customerId, before)).toEqual({ erased: false, text: 'Bel me op 06-12345678' });

    expect(await eraser.erase(customerId)).toBe(true);
    expect(await rows(customerId)).toHaveLength(0);
    expect(await fields.decrypt(customerId, before)).toEqual({ erased: true });
    expect(await fieldsOf(keysOf()).decrypt(customerId, before)).toEqual({ erased: true });
    expect(await eraser.erase(customerId)).toBe(false);

    // The customer answers again later: a new key, for new text only.
    const after = await fields.encrypt(customerId, 'Nieuw antwoord');
    expect(await fields.decrypt(customerId, after)).toEqual({ erased: false, text: 'Nieuw antwoord' });
    expect(await fields.decrypt(customerId, before)).toEqual({ erased: true });
  });

  it('reaches another instance with a warm cache once the cache TTL has passed', async () => {
    const customerId = randomUUID();
    let now = 0;
    const warm = keysOf({ cacheTtlMs: 60_000, now: () => now });
    const value = await fieldsOf(warm).encrypt(customerId, 'Te laat');
    await keysOf().erase(customerId);

    expect(await fieldsOf(warm).decrypt(customerId, value)).toEqual({ erased: false, text: 'Te laat' });
    now = 60_000;
    expect(await fieldsOf(warm).decrypt(customerId, value)).toEqual({ erased: true });
  });

  it('reads a key created after its cached one was erased elsewhere', async () => {
    const customerId = randomUUID();
    const stale = keysOf();
    await stale.getOrCreate(customerId);
    const elsewhere = keysOf();
    await elsewhere.erase(customerId);
    const fresh = await fieldsOf(elsewhere).encrypt(customerId, 'Opnieuw');
    expect(await fieldsOf(stale).decrypt(customerId, fresh)).toEqual({ erased: false, text: 'Opnieuw' });
  });

  it('binds a ciphertext and a wrapped key to their customer', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const fields = fieldsOf(keysOf());
    const ofA = await fields.encrypt(a, 'Klacht van A');
    await fields.encrypt(b, 'Klacht van B');
    await expect(fields.decrypt(b, ofA)).rejects.toMatchObject({ code: PrivacyErrorCode.CiphertextRejected });

    // A's wrapped key copied onto a customer without a key (as a faulty restore might) does not unwrap.
    const c = randomUUID();
    await dataSource.query(
      `INSERT INTO "${schema}".privacy_data_keys (customer_id, key_id, master_key_id, wrapped_key)
       SELECT $2, gen_random_uuid(), master_key_id, wrapped_key FROM "${schema}".privacy_data_keys WHERE customer_id = $1`,
      [a, c],
    );
    await expect(keysOf().find(c)).rejects.toMatchObject({ code: PrivacyErrorCode.CiphertextRejected });
    // A row that does not unwrap stops a rewrap (loudly) until someone deletes it, as here.
    await expect(keysOf({}, provider(`${NEW},${OLD}`, 'mk-2')).rewrap()).rejects.toMatchObject({
      code: PrivacyErrorCode.CiphertextRejected,
    });
    expect(await keysOf().erase(c)).toBe(true);
  });

  it('rotates the master key: rewrap moves every key to the current one, old ciphertexts stay readable', async () => {
    const customers = Array.from({ length: 5 }, () => randomUUID());
    const before = fieldsOf(keysOf());
    const written = await Promise.all(
      customers.map((customerId) => before.encrypt(customerId, `text of ${customerId}`)),
    );

    const rotating = keysOf({}, provider(`${NEW},${OLD}`, 'mk-2'));
    const counts: number[] = [];
    for (let count = await rotating.rewrap(2); count > 0; count = await rotating.rewrap(2)) counts.push(count);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(customers.length);
    const left = await dataSource.query(
      `SELECT count(*)::int AS n FROM "${schema}".privacy_data_keys WHERE master_key_id <> 'mk-2'`,
    );
    expect(left).toEqual([{ n: 0 }]);

    // The old master key can now go: the new one alone reads everything written before.
    const after = fieldsOf(keysOf({}, provider(NEW, 'mk-2')));
    for (const [i, customerId] of customers.entries()) {
      expect(await after.decrypt(customerId, written[i])).toEqual({ erased: false, text: `text of ${customerId}` });
    }
    // Without the new master key nothing unwraps: a typed error, not a silent erasure.
    await expect(fieldsOf(keysOf()).decrypt(customers[0], written[0])).rejects.toMatchObject({
      code: PrivacyErrorCode.MasterKeyUnknown,
    });
  });

  it('decrypts a batch in order with one read of the key store for the keys not cached', async () => {
    const [first, second, erased] = [randomUUID(), randomUUID(), randomUUID()];
    const writer = fieldsOf(keysOf());
    const values = [
      { customerId: first, value: await writer.encrypt(first, 'Levering te laat') },
      { customerId: second, value: await writer.encrypt(second, 'Rechnung falsch') },
      { customerId: first, value: await writer.encrypt(first, 'nobody called back') },
      { customerId: erased, value: await writer.encrypt(erased, 'call me') },
      { customerId: second, value: 'written before encryption' },
    ];
    await keysOf().erase(erased);
    const reads = jest.spyOn(dataSource.manager, 'query');
    try {
      const decrypted = await fieldsOf(keysOf()).decryptMany(values);
      expect(decrypted).toEqual([
        { erased: false, text: 'Levering te laat' },
        { erased: false, text: 'Rechnung falsch' },
        { erased: false, text: 'nobody called back' },
        { erased: true },
        { erased: false, text: 'written before encryption' },
      ]);
      // One read for the three customers; the erased one is looked up again on its own, as decrypt does.
      const keyReads = reads.mock.calls.filter(([sql]) => String(sql).includes('privacy_data_keys'));
      expect(keyReads[0][1]).toEqual([expect.arrayContaining([first, second, erased])]);
      expect(keyReads.filter(([, params]) => (params as unknown[])[0] === first)).toHaveLength(0);
    } finally {
      reads.mockRestore();
    }
  });

  it('passes plain values (written before encryption) through and keeps empty text empty', async () => {
    const fields = fieldsOf(keysOf());
    const customerId = randomUUID();
    expect(await fields.encrypt(customerId, '')).toBe('');
    expect(await fields.decrypt(customerId, 'Te laat')).toEqual({ erased: false, text: 'Te laat' });
    expect(await rows(customerId)).toHaveLength(0);
  });
});
