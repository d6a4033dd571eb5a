import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

/**
 * Prisma's better-sqlite3 adapter has one connection, and its lock only orders transactions
 * among themselves: a query from another request that runs while an interactive transaction is
 * open runs _inside_ it, and is rolled back with it after having been acknowledged (measured:
 * a `create` answered while a transaction that later failed was open was gone afterwards). This
 * wrapper holds the other queries until the open transaction has ended. Queries made from the
 * transaction's own callback (`insideTransaction()`) go through, or they would wait for
 * themselves. Transactions are short (a few statements), so the wait is too (decision 013).
 */
export function oneTransactionAtATime(
  factory: SqlDriverAdapterFactory,
  insideTransaction: () => boolean,
): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => gate(await factory.connect(), insideTransaction),
  };
}

function gate(adapter: SqlDriverAdapter, insideTransaction: () => boolean): SqlDriverAdapter {
  /** Settles once the last transaction asked for has ended. */
  let last: Promise<void> = Promise.resolve();
  const turn = () => (insideTransaction() ? undefined : last);
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    async queryRaw(query) {
      await turn();
      return adapter.queryRaw(query);
    },
    async executeRaw(query) {
      await turn();
      return adapter.executeRaw(query);
    },
    async executeScript(script) {
      await turn();
      return adapter.executeScript(script);
    },
    async startTransaction(isolationLevel) {
      const previous = last;
      let end!: () => void;
      last = new Promise((resolve) => (end = resolve));
      await previous;
      try {
        return endsWith(await adapter.startTransaction(isolationLevel), end);
      } catch (error) {
        end();
        throw error;
      }
    },
    ...(adapter.getConnectionInfo && { getConnectionInfo: () => adapter.getConnectionInfo!() }),
    dispose: () => adapter.dispose(),
  };
}

/** The same transaction, calling `end` once it is committed or rolled back. */
function endsWith(transaction: Transaction, end: () => void): Transaction {
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(query),
    executeRaw: (query) => transaction.executeRaw(query),
    commit: () => transaction.commit().finally(end),
    rollback: () => transaction.rollback().finally(end),
    ...(transaction.createSavepoint && { createSavepoint: (name: string) => transaction.createSavepoint!(name) }),
    ...(transaction.rollbackToSavepoint && {
      rollbackToSavepoint: (name: string) => transaction.rollbackToSavepoint!(name),
    }),
    ...(transaction.releaseSavepoint && { releaseSavepoint: (name: string) => transaction.releaseSavepoint!(name) }),
  };
}
