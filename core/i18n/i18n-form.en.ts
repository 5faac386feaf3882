// Common strings of the forms a resident fills, in English, typed by the Bahasa Indonesia source (i18n-form.id.ts).
import type { FormStrings } from './i18n-form.id';

export const formEn: FormStrings = {
  gender: 'Sex',
  genderL: 'Male',
  genderP: 'Female',
  age: 'Age (years)',
  education: 'Highest education',
  occupation: 'Occupation',
  choose: 'Choose…',
  educationLabels: { SD: 'Primary or less', SMP: 'Junior secondary', SMA: 'Senior secondary', 'D1-D3': 'Diploma (D1–D3)', 'D4-S1': 'Bachelor (D4/S1)', S2: 'Master (S2)', S3: 'Doctorate (S3)' },
  occupationLabels: { PNS: 'Civil servant', TNI: 'Armed forces', POLRI: 'Police', Swasta: 'Private employee', Wirausaha: 'Self-employed', 'Pelajar/Mahasiswa': 'Student', Lainnya: 'Other' },
  sending: 'Sending…',
  errorSummaryTitle: 'There is a problem',
  errNetwork: 'Cannot reach the server. Your answers are still on this page — try sending again.',
  errServer: 'The server has a problem. Your answers are still on this page — try again in a moment.',
  errThrottled: 'Too many ratings in a short time. Try again in a little while.',
  siteName: 'Rapor',
  loading: 'Loading…',
  loadFailed: 'The data could not be loaded. Reload the page to try again.',
  retry: 'Try again',
  unitNotFound: 'This service unit was not found. The address may be mistyped.',
  noSla: 'Not yet published',
  timezone: 'Time zone',
  slaUnits: { working_days: 'working days', calendar_days: 'calendar days', hours: 'hours', minutes: 'minutes' },
  backToUnit: 'View the unit page',
};
