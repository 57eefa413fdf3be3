import type { EntityManager } from 'typeorm';
import { TransactionCache } from './transaction.cache';

const inTransaction = () => ({ queryRunner: { isTransactionActive: true } }) as unknown as EntityManager;

describe('TransactionCache', () => {
  it('reads once per key and transaction', async () => {
    const cache = new TransactionCache<string, number>();
    let reads = 0;
    const load = async () => ++reads;
    const [first, second] = [inTransaction(), inTransaction()];
    expect(await cache.get(first, 'rules', load)).toBe(1);
    expect(await cache.get(first, 'rules', load)).toBe(1);
    expect(await cache.get(first, 'team-a', load)).toBe(2);
    expect(await cache.get(second, 'rules', load)).toBe(3);
  });

  it('keeps nothing outside a transaction', async () => {
    const cache = new TransactionCache<string, number>();
    let reads = 0;
    const manager = { queryRunner: undefined } as unknown as EntityManager;
    await cache.get(manager, 'rules', async () => ++reads);
    expect(await cache.get(manager, 'rules', async () => ++reads)).toBe(2);
  });

  it('does not keep a failed read: the next record reads again', async () => {
    const cache = new TransactionCache<string, string>();
    const manager = inTransaction();
    await expect(cache.get(manager, 'rules', () => Promise.reject(new Error('aborted')))).rejects.toThrow('aborted');
    expect(await cache.get(manager, 'rules', async () => 'read again')).toBe('read again');
  });
});
