// The site's common interface text in English, typed by the Bahasa Indonesia source (i18n.id.ts).
import { formEn } from './i18n-form.en';
import type { Strings } from './i18n.id';

export const commonEn: Strings = {
  ...formEn,
  regionLabel: 'Region',
  allRegions: 'All regions',
  tagline: "Residents' voice for public services",
  skipToContent: 'Skip to content',
  navHome: 'Home',
  navPrimary: 'Main navigation',
  otherLanguage: 'Bahasa Indonesia',
  otherLanguageLabel: 'Baca halaman ini dalam Bahasa Indonesia',
  footerNote: 'Rapor shows the results of the Community Satisfaction Survey (SKM, PermenPANRB 14/2017). Ratings record no name, national ID or phone number.',
  noscript: 'This page needs JavaScript to load its data.',

  unitTitle: 'Service unit',
  unitServices: 'Services and promised completion times',
  serviceColumn: 'Service',
  slaColumn: 'Promised completion time',
  permitBadge: 'permit',
  address: 'Address',
  region: 'Region',
  rateUnitCta: 'Rate this unit',

  periodLabel: 'Period',
  showFilters: 'Show',
  navScoreboard: 'Rankings',
  navPermits: 'Permit times',
  navSignIn: 'Staff sign-in',
  navMenu: 'Menu',
  navWorkspace: { staff: 'Unit dashboard', evaluator: 'Evaluation', admin: 'Administration' },
  navMethod: 'Methodology',
  navPrivacy: 'Privacy',
  notFoundTitle: 'Page not found',
  notFoundBody: 'The address you opened does not exist. Go back to the home page to find a service unit.',
};
