// Which export columns hold dates and timestamps (the data dictionary's types), so the XLSX writer can give them typed
// date cells with a number format instead of text (issue 16, item 13). CSV and NDJSON keep the ISO text.

export type ColumnKind = 'date' | 'timestamp';

export const COLUMN_KINDS: Readonly<Record<string, ColumnKind>> = {
  submitted_at_utc: 'timestamp',
  local_date: 'date',
  submitted_on: 'date',
  completed_on: 'date',
  tenure_from: 'date',
  tenure_to: 'date',
};
