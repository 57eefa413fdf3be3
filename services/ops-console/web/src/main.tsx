import '@mantine/core/styles.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { loadConsoleConfig } from './app/console.config';
import { initI18n } from './i18n/i18n';

const root = createRoot(document.getElementById('root') as HTMLElement);

Promise.all([loadConsoleConfig(), initI18n()])
  .then(([config]) => root.render(<App config={config} />))
  .catch((error: unknown) => {
    root.render(<p role="alert">The console could not start: {String(error)}</p>);
  });
