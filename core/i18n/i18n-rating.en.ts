// Strings of the rating form (/nilai) in English, typed by the Bahasa Indonesia source (i18n-rating.id.ts).
import { SKM_TEXT_EN } from '../domain/skm-text.en';
import { formEn } from './i18n-form.en';
import type { RatingOwnStrings, RatingStrings } from './i18n-rating.id';

const own: RatingOwnStrings = {
  rateTitle: 'Rate a service',
  rateIntro: 'Answer nine questions about the service you just received. No name, ID number or phone number is needed.',
  serviceLabel: 'The service you received',
  servicePlaceholder: 'Choose a service…',
  questionOf: (i: number, n: number) => `Question ${i} of ${n}`,
  profileHeading: 'About you (optional)',
  profileIntro: 'Used only for the respondent profile tables of the SKM report. No name is recorded.',
  commentLabel: 'Suggestion or feedback (optional)',
  commentHint:
    'Do not write names, ID numbers, phone numbers or emails. ID numbers, phones and emails are masked automatically; a ' +
    "suggestion naming a person or alleging misconduct is shown after review by the region's evaluator or an administrator.",
  charsLeft: (n: number) => (n > 200 ? '' : `${n} characters left`),
  visitCodeLabel: 'Visit code (if you have one)',
  visitCodeHint: 'The code on the slip from the counter, for example K7Q2-MX4D. A rating with a code is recorded as verified.',
  submit: 'Send rating',
  errAnswer: 'Choose one answer for this question.',
  errService: 'Choose the service you received.',
  errAge: 'Enter your age in years, 15 to 100.',
  errComment: 'The suggestion is too long (2,000 characters at most).',
  errVisitCode: 'This visit code is not known for this unit. Check it, or leave it empty.',
  errVisitCodeSpent: 'This visit code has already been used. Leave the field empty to send anyway.',
  errVisitCodeFormat: 'A visit code has 8 letters or digits, for example K7Q2-MX4D.',
  errGeneric: 'This field is not right yet.',
  thanksTitle: 'Thank you for your rating!',
  thanksBody: "Your rating has been received and is checked automatically before it enters this unit's IKM.",
  receiptLabel: 'Receipt number',
  receiptHint: 'Keep this number if you want to ask about your rating.',
  verifiedNote: 'This rating is verified with a visit code.',
  rateAgain: 'Rate another visit',
  queuedTitle: 'Rating saved on this device',
  queuedBody: 'There is no signal right now. Your rating will be sent automatically once the connection is back, and recorded once.',
  pendingCount: (n: number) => `${n} ratings waiting to be sent`,
  kioskNext: (n: number) => `New form in ${n} seconds…`,
  kioskSetupTitle: 'Kiosk set-up',
  kioskSetupBody: "Enter the kiosk token from the unit dashboard (Counter tools → Kiosk devices). It is kept on this device.",
  kioskTokenLabel: 'Kiosk token',
  kioskSave: 'Save token',
  honeypotLabel: 'Leave this field empty',
};

export const ratingEn: RatingStrings = { ...formEn, ...own, elements: SKM_TEXT_EN };
