// The signed-in account, for the staff, evaluator and administrator pages (kept apart from api.ts so the pages
// residents open first do not carry it).
import { apiFetch } from './api';

export interface Me {
  email: string;
  name: string;
  role: 'staff' | 'evaluator' | 'admin';
  unit: { slug: string; name: string } | null;
  region: { code: string; name: string } | null;
}

/**
 * The signed-in account, or a trip to the sign-in page that brings the user back here. An administrator who must
 * enrol in two-step verification first (production) is sent to the account page.
 */
export async function requireMe(lang: 'id' | 'en'): Promise<Me | null> {
  const r = await apiFetch<{ user: Me; twoFactorSetupRequired?: true }>('/api/auth/me');
  if (r.ok && !r.data.twoFactorSetupRequired) return r.data.user;
  if (r.ok || r.status === 401) location.href = `${lang === 'en' ? '/en' : ''}${r.ok ? '/akun' : `/masuk?next=${encodeURIComponent(location.pathname + location.search)}`}`;
  return null;
}
