// The words every mail shares (core/domain/mail.ts composeMail). Each kind of mail keeps its own words beside its
// feature; these are only the greeting and the footer.
import type { Lang } from './lang.ts';

export const mailWords: Record<Lang, { greeting: string; unsubscribe: string; preferences: string; automatic: string; signature: string }> = {
  id: {
    greeting: 'Yth. Bapak/Ibu,',
    unsubscribe: 'Berhenti menerima surel jenis ini',
    preferences: 'Atur pemberitahuan',
    automatic: 'Surel ini dikirim otomatis oleh Rapor; mohon tidak membalas surel ini.',
    signature: 'Rapor — portal penilaian layanan publik',
  },
  en: {
    greeting: 'Dear Sir or Madam,',
    unsubscribe: 'Stop receiving this kind of mail',
    preferences: 'Notification settings',
    automatic: 'Rapor sends this mail automatically; please do not reply to it.',
    signature: 'Rapor — public service rating portal',
  },
};
