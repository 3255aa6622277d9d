import type { Migration } from '../migrate';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-eigenlayer';
import { migration0003 } from './0003-rates';
import { migration0004 } from './0004-yield-history';
import { migration0005 } from './0005-exposure';
import { migration0006 } from './0006-candles';
import { migration0007 } from './0007-solana';
import { migration0008 } from './0008-bitcoin';
import { migration0009 } from './0009-risk';

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009];
