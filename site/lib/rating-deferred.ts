// What the rating island needs only once it has drawn the form (issue 19): the shared schema that checks an answer
// set, the words of a field's error, the views shown after the resident acts (thanks, kiosk set-up) and
// the sender of ratings waiting on the device.
// The island starts loading this module as soon as it has mounted, so it is there before anyone can press "send"; the
// page's start does not wait for it.
export { parseRatingInput } from '../../core/domain/rating-input';
export { flush } from './offline-send';
export { messageFor } from '../../core/i18n/rating-messages';
export { default as KioskSetup } from '../components/rating/KioskSetup.svelte';
export { default as RatingThanks } from '../components/rating/RatingThanks.svelte';
