// First, so the plan's preview is being read while the rest is evaluated.
import './state/early-preview.js';
import { registerSW } from 'virtual:pwa-register';
import './components/coplan-app.js';

// A new version waits until the person agrees to reload; on iPad home-screen apps,
// check again whenever the app comes back into view.
const updateSW = registerSW({
  onNeedRefresh() {
    if (confirm('A new version of Coplan is ready. Reload now? Your changes are saved.')) void updateSW(true);
  },
  onRegisteredSW(_url, registration) {
    const check = () => void registration?.update();
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
  },
});
