import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { loadEnglish, storedLang } from './i18n/index.tsx';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const root = container;
// A browser that chose English gets it from the first render (its strings load first; issue #15).
void (storedLang() === 'en' ? loadEnglish() : Promise.resolve()).then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
