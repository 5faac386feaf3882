// Shared between the review list (which prepares a hand-off) and the SP4N-LAPOR! list (which shows it): a counter the
// list watches to load again.
export const laporRefresh = $state({ n: 0 });
