// The pure rules of locked evidence (docs/decisions/026): scopes, and comparing locked files with files made now.
import { describe, expect, it } from 'vitest';
import { compareFiles, parseLockScope } from '../../core/domain/evidence-lock.ts';

describe('locked evidence rules', () => {
  it('reads a lock scope', () => {
    expect(parseLockScope('unit:dukcapil-kota-gorontalo')).toEqual({ kind: 'unit', slug: 'dukcapil-kota-gorontalo' });
    expect(parseLockScope('region:75')).toEqual({ kind: 'region', code: '75' });
    expect(parseLockScope('all')).toEqual({ kind: 'all' });
  });

  it('names the files whose hash differs now, those that can no longer be made, and new ones', () => {
    const locked = [{ name: 'a.csv', sha256: '1' }, { name: 'b.csv', sha256: '2' }, { name: 'gone.json', sha256: '3' }];
    expect(compareFiles(locked, [{ name: 'a.csv', sha256: '1' }, { name: 'b.csv', sha256: '2' }, { name: 'gone.json', sha256: '3' }])).toMatchObject({ changed: false, changedFiles: [], addedFiles: [] });
    expect(compareFiles(locked, [{ name: 'a.csv', sha256: '1' }, { name: 'b.csv', sha256: 'x' }, { name: 'new.json', sha256: '4' }])).toMatchObject({
      changed: true, changedFiles: ['b.csv', 'gone.json'], addedFiles: ['new.json'],
    });
  });
});
