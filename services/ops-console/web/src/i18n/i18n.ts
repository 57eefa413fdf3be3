import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import cases from '../cases/cases.en.json';
import dashboard from '../dashboard/dashboard.en.json';
import queues from '../queues/queues.en.json';
import teamAdmin from '../team-admin/team-admin.en.json';
import en from './en.json';

/**
 * English only for now. Each feature keeps its strings in its own namespace file
 * (`useTranslation('queues')`); adding nl or de is a `<feature>.<lang>.json` per namespace plus
 * an entry in `resources` and `supportedLngs`.
 */
export function initI18n() {
  return i18next.use(initReactI18next).init({
    resources: { en: { translation: en, queues, cases, teamAdmin, dashboard } },
    lng: navigator.language.split('-')[0],
    fallbackLng: 'en',
    supportedLngs: ['en'],
    interpolation: { escapeValue: false },
  });
}
