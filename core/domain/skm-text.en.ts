// The SKM questionnaire's words in English, element by element in the order of the Bahasa Indonesia source
// (skm-text.id.ts); SKM_ELEMENTS in skm.ts joins both languages.
import type { ElementText } from './skm.ts';

export const SKM_TEXT_EN: readonly ElementText[] = [
  {
    code: 'U1',
    name: 'Requirements',
    question: 'How well did the requirements match the kind of service?',
    labels: ['Not appropriate', 'Less appropriate', 'Appropriate', 'Very appropriate'],
  },
  {
    code: 'U2',
    name: 'Systems, mechanisms and procedures',
    question: 'How easy was the service procedure at this unit?',
    labels: ['Not easy', 'Less easy', 'Easy', 'Very easy'],
  },
  {
    code: 'U3',
    name: 'Completion time',
    question: 'How fast was the service delivered?',
    labels: ['Not fast', 'Less fast', 'Fast', 'Very fast'],
  },
  {
    code: 'U4',
    name: 'Cost/fee',
    question: 'How fair was the cost or fee of the service?',
    labels: ['Very expensive', 'Fairly expensive', 'Cheap', 'Free'],
  },
  {
    code: 'U5',
    name: 'Service product specification',
    question: 'How well did the product you received match the published service standard?',
    labels: ['Not appropriate', 'Less appropriate', 'Appropriate', 'Very appropriate'],
  },
  {
    code: 'U6',
    name: 'Staff competence',
    question: 'How competent were the staff who served you?',
    labels: ['Not competent', 'Less competent', 'Competent', 'Very competent'],
  },
  {
    code: 'U7',
    name: 'Staff conduct',
    question: 'How polite and friendly were the staff?',
    labels: ['Not polite and friendly', 'Less polite and friendly', 'Polite and friendly', 'Very polite and friendly'],
  },
  {
    code: 'U8',
    name: 'Handling of complaints, suggestions and feedback',
    question: 'How are complaints from service users handled?',
    labels: ['None', 'Exists but does not work', 'Works, but not fully', 'Well managed'],
  },
  {
    code: 'U9',
    name: 'Facilities and infrastructure',
    question: 'How good were the facilities and infrastructure?',
    labels: ['Poor', 'Fair', 'Good', 'Very good'],
  },
];
